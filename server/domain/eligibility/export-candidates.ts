import { personIn } from '../../db/scope.js';
import { AlignmentType } from 'docx';
import type { Writable } from 'node:stream';
import type { UseCaseContext } from '../context.js';
import type { ScreeningQuery } from '../../../common/schemas/eligibility.js';
import { CRITERIA, CRITERION_LABELS, RESULT_LABELS, TARGET_GROUPS, VERDICT_LABELS } from '../../../common/eligibility.js';
import { GENDER_LABELS } from '../../../common/enums.js';
import { findUnitNames } from '../../db/repositories/org.repository.js';
import { writeListXlsx, type ListColumn, type ListValue } from '../../documents/xlsx-list.js';
import { officialHeading, para, run, renderOfficialDocx, signatureBlock, table } from '../../documents/official-docx.js';
import { screenFew, screenPeople } from './screen-people.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError } from '../errors.js';
import { provinceOfDeployment } from '../province/province-of-deployment.js';
import { committeeShortName } from '../province/province-identity.js';
import { viDate } from '../../../common/dates.js';

const BATCH = 2000;
/** An annex is a document to sign, not a data dump: a larger list belongs in the spreadsheet. */
export const ANNEX_ROW_CAP = 2000;

const COLUMNS: ListColumn[] = [
  { header: 'STT', width: 6, type: 'number' },
  { header: 'Mã hồ sơ', width: 12, type: 'text' },
  { header: 'Họ và tên', width: 26, type: 'text' },
  { header: 'Giới tính', width: 9, type: 'text' },
  { header: 'Ngày sinh', width: 12, type: 'date' },
  { header: 'Chức vụ', width: 22, type: 'text' },
  { header: 'Đơn vị', width: 30, type: 'text' },
  { header: 'Cơ quan cấp tỉnh', width: 26, type: 'text' },
  { header: 'Nhóm đối tượng', width: 9, type: 'number' },
  { header: 'Kết luận', width: 18, type: 'text' },
  { header: 'Điểm ưu tiên', width: 9, type: 'number' },
  { header: 'Yếu tố ưu tiên', width: 30, type: 'text' },
  ...CRITERIA.map((c) => ({ header: CRITERION_LABELS[c], width: 40, type: 'text' as const })),
];

async function screenedRows(ctx: UseCaseContext, q: ScreeningQuery) {
  const r = await screenPeople(ctx, { ...q, page: 1, pageSize: 1 });
  return r;
}

/**
 * The screening as an .xlsx with the current filters, every person with each criterion's result and reason.
 * Words are rebuilt a batch at a time from the same statement and rules, so memory stays bounded. Audited as
 * an export of sensitive data (health and discipline show through the reasons).
 */
export async function exportScreeningXlsx(ctx: UseCaseContext, q: ScreeningQuery) {
  const r = await screenedRows(ctx, q);
  await ctx.tx.transaction((t) =>
    recordAudit(t, ctx, {
      action: 'export',
      entityType: 'screening',
      meta: { sensitive: true, filters: { ...q, page: undefined, pageSize: undefined }, rows: r.rows.length, planVersionId: r.planVersion.id },
    }),
  );
  const ids = r.rows.map((o) => o.personId);
  async function* rows(): AsyncIterable<ListValue[]> {
    let n = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const slice = ids.slice(i, i + BATCH);
      const few = await screenFew(ctx, personIn(slice), r.rules);
      const byId = new Map(few.map((x) => [x.facts.personId, x]));
      for (const id of slice) {
        const x = byId.get(id);
        if (!x) continue;
        const { facts: f, screening: s } = x;
        yield [
          ++n,
          f.code,
          f.fullName,
          GENDER_LABELS[f.gender],
          f.birthDate,
          f.positionTitle,
          f.unitName,
          f.sendingUnitName,
          s.targetGroup.group,
          VERDICT_LABELS[s.verdict],
          s.priority?.score ?? null,
          s.priority?.parts.map((p) => p.label).join('; ') ?? null,
          ...s.criteria.map((c) => `${RESULT_LABELS[c.result]}: ${c.reason}`),
        ];
      }
    }
  }
  const sheet = `Sàng lọc ${viDate(r.referenceDate).replace(/\//g, '-')}`;
  return {
    fileName: `sang-loc-can-bo-${r.referenceDate}.xlsx`,
    write: (out: Writable) =>
      writeListXlsx(out, [
        { name: sheet, columns: COLUMNS, rows: rows() },
        {
          name: 'Ghi chú',
          columns: [{ header: 'Nội dung', width: 120, type: 'text' }],
          rows: [
            [
              `Kế hoạch ${r.planVersion.code}, phiên bản tham số ${r.planVersion.version} (hiệu lực từ ${viDate(r.planVersion.effectiveFrom)}); ngày xét ${viDate(r.referenceDate)}.`,
            ],
            ...TARGET_GROUPS.map((g) => [
              `Nhóm ${g}: ${g === 1 ? 'lãnh đạo, quản lý trong quy hoạch ở đơn vị đã sắp xếp' : g === 2 ? 'lãnh đạo, quản lý đương chức chưa kinh qua cơ sở' : 'cán bộ tăng cường giám sát, hướng dẫn, hỗ trợ'}.`,
            ]),
          ],
        },
      ]),
  };
}

/**
 * The list of eligible candidates in priority order as the annex of the unit's submission (.docx, Decree
 * 30/2020 layout, landscape A4), ready to be numbered, signed and sealed.
 */
export async function exportCandidateAnnex(ctx: UseCaseContext, q: ScreeningQuery, issuedOn: string) {
  // the annex proposes people: only the eligible, whatever the screen was filtered to
  const r = await screenedRows(ctx, { ...q, verdict: 'eligible', failing: undefined, sort: 'priority' });
  if (r.rows.length > ANNEX_ROW_CAP) {
    throw new AppError(
      'bad_request',
      `Danh sách có ${r.rows.length.toLocaleString('vi-VN')} người, quá ${ANNEX_ROW_CAP.toLocaleString('vi-VN')} người của một phụ lục. Hãy lọc theo đơn vị hoặc xuất tệp Excel.`,
    );
  }
  const few = r.rows.length ? await screenFew(ctx, personIn(r.rows.map((o) => o.personId)), r.rules) : [];
  const byId = new Map(few.map((x) => [x.facts.personId, x]));
  const list = r.rows.map((o) => byId.get(o.personId)!).filter(Boolean);
  const province = await provinceOfDeployment(ctx.tx);
  const issuerName = q.unitId ? ((await findUnitNames(ctx.tx, [q.unitId])).get(q.unitId) ?? 'Cơ quan, đơn vị') : 'Sở Nội vụ';
  await recordAudit(ctx.tx, ctx, {
    action: 'export',
    entityType: 'candidate_annex',
    meta: { sensitive: true, unitId: q.unitId ?? null, rows: list.length, planVersionId: r.planVersion.id },
  });
  const rows = list.map(({ facts: f, screening: s }, i) => [
    String(i + 1),
    f.fullName,
    f.gender === 'male' ? f.birthDate.slice(0, 4) : '',
    f.gender === 'female' ? f.birthDate.slice(0, 4) : '',
    [f.positionTitle, f.unitName].filter(Boolean).join(', '),
    String(s.targetGroup.group),
    s.priority ? `${s.priority.score} (${s.priority.parts.map((p) => p.label).join('; ') || 'không'})` : '',
    s.criteria
      .filter((c) => c.criterion === 'in_planning' || c.criterion === 'ratings')
      .map((c) => c.reason)
      .join('; '),
  ]);
  const C = AlignmentType.CENTER;
  const children = [
    officialHeading({ superior: committeeShortName(province), issuer: issuerName, number: 'Số:        /DS', place: province.placeName, date: issuedOn }),
    para([run('DANH SÁCH', { bold: true })], { align: C, before: 240, after: 0 }),
    para([run('Cán bộ, công chức, viên chức đủ tiêu chuẩn, điều kiện đề xuất cử tăng cường đi công tác ở cơ sở', { bold: true })], { align: C, after: 0 }),
    para(
      [
        run(`(Theo Kế hoạch số ${r.planVersion.code}; tiêu chuẩn, điều kiện xét tại ngày ${viDate(r.referenceDate)}, phiên bản tham số ${r.planVersion.version})`, {
          italics: true,
        }),
      ],
      { align: C, after: 200 },
    ),
    table(
      ['STT', 'Họ và tên', 'Năm sinh\nNam', 'Năm sinh\nNữ', 'Chức vụ, đơn vị công tác', 'Nhóm đối tượng', 'Điểm ưu tiên', 'Quy hoạch, xếp loại'],
      [5, 18, 7, 7, 25, 8, 12, 18],
      rows,
      { size: 22, align: [C, undefined, C, C, undefined, C, undefined, undefined] },
    ),
    para([run(`Tổng số: ${list.length} người.`, { italics: true })], { before: 120, after: 240 }),
    signatureBlock({ recipients: ['Sở Nội vụ (để thẩm định)', 'Lưu: VT, TCCB.'], signerTitle: 'Thủ trưởng cơ quan, đơn vị' }),
  ];
  const buffer = await renderOfficialDocx(children, { landscape: true, title: 'Danh sách đề xuất cử tăng cường đi công tác ở cơ sở' });
  return { buffer, fileName: `danh-sach-de-xuat-tang-cuong-${r.referenceDate}.docx` };
}
