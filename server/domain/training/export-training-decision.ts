import { AlignmentType } from 'docx';
import type { UseCaseContext } from '../context.js';
import { COURSE_KIND_LABELS, COURSE_LOCATION_LABELS, DECREE_171_CATEGORY, FUNDING_SOURCE_LABELS, SEAT_STATUSES } from '../../../common/training.js';
import { findCourse } from '../../db/repositories/training.repository.js';
import { longDate, officialHeading, para, renderOfficialDocx, run, signatureBlock, table } from '../../documents/official-docx.js';
import { provinceOfDeployment } from '../province/province-of-deployment.js';
import { upperVi } from '../province/province-identity.js';
import { planInForce } from '../plans/plan-in-force.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, notFound } from '../errors.js';
import { viDate } from '../../../common/dates.js';
import { vndText } from '../rules/pay/money.js';
import { serviceCommitment } from '../rules/training/commitment.js';
import { listEnrolments } from './list-enrolments.js';
import { regulationOn } from './training-context.js';

/**
 * The decision sending the approved cadres of a course to training, in the Decree 30/2020 layout (.docx), with
 * the list as its annex: ready to sign and seal under the number, date and signer given.
 */
export async function exportTrainingDecision(ctx: UseCaseContext, courseId: string, q: { number: string; date: string; signerName: string; signerTitle?: string }) {
  const course = await findCourse(ctx.tx, courseId);
  if (!course) throw notFound('Khóa học');
  const people = (await listEnrolments(ctx, { courseId })).filter((e) => SEAT_STATUSES.includes(e.status));
  if (!people.length) throw new AppError('conflict', 'Khóa học chưa có cán bộ được phê duyệt: chưa thể lập quyết định cử đi.');
  // the commitment of Decree 171/2025 (postgraduate training) binds công chức (Art. 1 cl. 2); the decision says so
  const commitment = serviceCommitment(course, await regulationOn(ctx.tx, DECREE_171_CATEGORY, course.startDate));
  const total = people.reduce((s, e) => s + BigInt(e.estimatedCostVnd), 0n);
  const province = await provinceOfDeployment(ctx.tx);
  const { row: plan } = await planInForce(ctx.tx, ctx.today);
  const committee = province.peoplesCommitteeName;
  await recordAudit(ctx.tx, ctx, { action: 'export', entityType: 'training_decision', entityId: courseId, meta: { ...q, people: people.length } });
  const C = AlignmentType.CENTER;
  const number = q.number.startsWith('Số') ? q.number : `Số: ${q.number}`;
  const kind = `${COURSE_KIND_LABELS[course.kind].toLowerCase()} ${course.location === 'foreign' ? 'ở nước ngoài' : 'trong nước'}`;
  const children = [
    officialHeading({ issuer: committee, number, place: province.placeName, date: q.date }),
    para([run('QUYẾT ĐỊNH', { bold: true })], { align: C, before: 240, after: 0 }),
    para([run('Về việc cử cán bộ, công chức, viên chức đi đào tạo, bồi dưỡng', { bold: true })], { align: C, after: 0 }),
    para([run('───────')], { align: C, after: 120 }),
    para([run(upperVi(`Chủ tịch ${committee}`), { bold: true })], { align: C, after: 120 }),
    para([run('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;', { italics: true })]),
    para([run('Căn cứ Nghị định số 171/2025/NĐ-CP của Chính phủ về đào tạo, bồi dưỡng công chức;', { italics: true })]),
    // the section is that of Plan 131, the template of every province's plan (common/plan-clause.ts)
    para([run(`Căn cứ Kế hoạch số ${plan.code} ngày ${longDate(plan.issuedOn)} của ${plan.issuedBy}, mục III.2;`, { italics: true })]),
    para([run('Theo đề nghị của Giám đốc Sở Nội vụ.', { italics: true })], { after: 120 }),
    para([run('QUYẾT ĐỊNH:', { bold: true })], { align: C, after: 120 }),
    para([
      run('Điều 1. ', { bold: true }),
      run(
        `Cử ${people.length} cán bộ, công chức, viên chức có tên trong danh sách kèm theo đi ${kind}: "${course.title}", do ${course.provider} tổ chức, từ ngày ${viDate(course.startDate)} đến ngày ${viDate(course.endDate)} (${course.hours} tiết; địa điểm: ${COURSE_LOCATION_LABELS[course.location].toLowerCase()}).`,
      ),
    ]),
    para([
      run('Điều 2. ', { bold: true }),
      run(
        `Kinh phí: ${FUNDING_SOURCE_LABELS[course.fundingSource].toLowerCase()} của các cơ quan, đơn vị; mức dự kiến ${vndText(BigInt(course.costPerParticipantVnd))}/người, tổng cộng ${vndText(total)}.`,
      ),
    ]),
    ...(commitment
      ? [
          para([
            run(
              `Công chức được cử đi đào tạo sau đại học có trách nhiệm phục vụ tại cơ quan, đơn vị ít nhất ${commitment.months} tháng (${commitment.explanation.toLowerCase()}); nếu thôi việc trước thời hạn phải đền bù chi phí đào tạo theo ${commitment.clause}.`,
            ),
          ]),
        ]
      : []),
    para(
      [
        run('Điều 3. ', { bold: true }),
        run(
          `Chánh Văn phòng Ủy ban nhân dân ${province.levelWord}, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, thủ trưởng các cơ quan, đơn vị có liên quan và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.`,
        ),
      ],
      { after: 240 },
    ),
    signatureBlock({ recipients: ['Như Điều 3;', 'Sở Nội vụ;', 'Lưu: VT.'], signerTitle: q.signerTitle?.trim() || 'Chủ tịch', signerName: q.signerName }),
    para([run('DANH SÁCH', { bold: true })], { align: C, before: 480, after: 0 }),
    para([run(`Cán bộ, công chức, viên chức được cử đi ${kind}`, { bold: true })], { align: C, after: 0 }),
    para([run(`(Kèm theo Quyết định ${number.replace(/^Số:\s*/, 'số ')} ngày ${viDate(q.date)} của Chủ tịch ${committee})`, { italics: true })], {
      align: C,
      after: 200,
    }),
    table(
      ['STT', 'Họ và tên', 'Năm sinh\nNam', 'Năm sinh\nNữ', 'Chức vụ, đơn vị công tác', 'Kinh phí dự kiến (đồng)'],
      [6, 26, 9, 9, 34, 16],
      people.map((e, i) => [
        String(i + 1),
        e.personName,
        e.gender === 'male' ? e.birthDate.slice(0, 4) : '',
        e.gender === 'female' ? e.birthDate.slice(0, 4) : '',
        [e.positionTitle, e.personUnitName].filter(Boolean).join(', '),
        vndText(BigInt(e.estimatedCostVnd)).replace(' đồng', ''),
      ]),
      { size: 22, align: [C, undefined, C, C, undefined, AlignmentType.RIGHT] },
    ),
    para([run(`Tổng số: ${people.length} người; tổng kinh phí dự kiến ${vndText(total)}.`, { italics: true })], { before: 120 }),
  ];
  const buffer = await renderOfficialDocx(children, { title: 'Quyết định cử cán bộ đi đào tạo, bồi dưỡng' });
  return { buffer, fileName: `quyet-dinh-cu-di-dao-tao-${q.date}.docx` };
}
