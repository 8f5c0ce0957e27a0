import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { FONT, mm, NO_BORDERS, para, run, SIZE, table } from './official-docx.js';

import type { CadreProfile } from '../../common/schemas/personnel.js';
import { CATEGORY_LABELS, EDUCATION_LABELS, GENDER_LABELS, HEALTH_LABELS, POLITICAL_THEORY_LABELS, TRAINING_KIND_LABELS } from '../../common/enums.js';

const HIDDEN = '(không hiển thị: bạn không có quyền xem thông tin này)';

const line = (label: string, value: string | null | undefined) => para([run(label + ': '), run(value && value.length ? value : '…………', { bold: Boolean(value) })]);
const heading = (text: string) => para([run(text, { bold: true })], { before: 160, after: 80 });

/** dd/mm/yyyy from an ISO date. */
export const viDate = (iso: string | null | undefined) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');
const monthYear = (iso: string | null | undefined) => (iso ? `${iso.slice(5, 7)}/${iso.slice(0, 4)}` : 'nay');

/** The page head: the agency on the left, the national title and motto on the right (Decree 30/2020). */
function nationalHeader(agency: string, code: string) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 42, type: WidthType.PERCENTAGE },
            children: [
              para([run(agency.toUpperCase(), { size: 24 })], { align: AlignmentType.CENTER, after: 0 }),
              para([run(`Số hiệu cán bộ, công chức: ${code}`, { size: 24 })], { align: AlignmentType.CENTER }),
            ],
          }),
          new TableCell({
            width: { size: 58, type: WidthType.PERCENTAGE },
            children: [
              para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })], { align: AlignmentType.CENTER, after: 0 }),
              para([run('Độc lập - Tự do - Hạnh phúc', { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
              para([run('───────────────')], { align: AlignmentType.CENTER }),
            ],
          }),
        ],
      }),
    ],
  });
}

/**
 * The résumé of a cadre, civil servant or public employee (Mẫu 2C) as a .docx ready to print and sign.
 * Sections the reader may not see (ethnicity, religion, health, Party, discipline) say so instead of a value.
 */
export async function renderResumeDocx(p: CadreProfile, o: { place: string; today: string }): Promise<Buffer> {
  const s = p.sensitive;
  const e = p.employment;
  const q = p.qualifications;
  const id = p.identity;
  const agency = e.unitPath.length > 1 ? e.unitPath[1].name : e.unitName;
  const homeTown = id.homeTown ? `${id.homeTown.oldName} (nay thuộc ${id.homeTown.communes.map((c) => c.name).join(' hoặc ')})` : id.homeTownText;
  const [y, m, d] = o.today.split('-');
  const children: (Paragraph | Table)[] = [
    nationalHeader(agency, id.code),
    para([run('SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC', { bold: true, size: 28 })], { align: AlignmentType.CENTER, before: 240, after: 240 }),
    line('1) Họ và tên khai sinh (viết chữ in hoa)', id.fullName.toUpperCase()),
    line('2) Sinh ngày', `${viDate(id.birthDate)}     Giới tính: ${GENDER_LABELS[id.gender]}`),
    line('3) Quê quán', homeTown),
    line('4) Dân tộc', s ? s.ethnicName : HIDDEN),
    line('5) Tôn giáo', s ? (s.religion ?? 'Không') : HIDDEN),
    line('6) Số định danh cá nhân', id.idNumber),
    line('7) Điện thoại, thư điện tử', [id.phone, id.email].filter(Boolean).join(' - ')),
    heading('I. VỊ TRÍ CÔNG TÁC, NGẠCH, BẬC LƯƠNG'),
    line(
      '8) Cơ quan, đơn vị đang công tác',
      e.unitPath
        .map((u) => u.name)
        .reverse()
        .join(', '),
    ),
    line('9) Chức vụ (chức danh) hiện tại', e.positionTitle),
    line('10) Vị trí việc làm', e.jobPostTitle),
    line('11) Đối tượng', CATEGORY_LABELS[e.category]),
    line('12) Ngày tuyển dụng', viDate(e.recruitedOn)),
    line('13) Ngạch / chức danh nghề nghiệp', e.rankCode ? `${e.rankName ?? ''} (mã ${e.rankCode})` : null),
    line('14) Bậc lương, hệ số', e.salaryStep ? `Bậc ${e.salaryStep}, hệ số ${String(e.salaryCoefficient ?? '').replace('.', ',')}` : null),
    line(
      '15) Phụ cấp chức vụ, phụ cấp thâm niên vượt khung',
      [e.leadershipAllowanceCoef ? `PCCV ${e.leadershipAllowanceCoef.replace('.', ',')}` : '', e.seniorityAllowancePct ? `TNVK ${e.seniorityAllowancePct}%` : '']
        .filter(Boolean)
        .join('; ') || 'Không',
    ),
    heading('II. TRÌNH ĐỘ'),
    line('16) Giáo dục phổ thông', q.generalEducation),
    line('17) Trình độ chuyên môn cao nhất', q.educationLevel ? `${EDUCATION_LABELS[q.educationLevel]}${q.major ? ' - ' + q.major : ''}` : null),
    line('18) Lý luận chính trị', q.politicalTheory ? POLITICAL_THEORY_LABELS[q.politicalTheory] : null),
    line('19) Quản lý nhà nước', q.stateManagement),
    heading('III. ĐẢNG, SỨC KHỎE'),
    line('20) Ngày vào Đảng Cộng sản Việt Nam', s ? viDate(s.partyJoinedOn) || 'Chưa' : HIDDEN),
    line('21) Ngày chính thức', s ? viDate(s.partyOfficialOn) : HIDDEN),
    line('22) Tình trạng sức khỏe', s ? (s.healthStatus ? `${HEALTH_LABELS[s.healthStatus]} (khám ngày ${viDate(s.healthCheckedOn)})` : null) : HIDDEN),
    heading('IV. QUY HOẠCH'),
    table(
      ['Chức danh quy hoạch', 'Nhiệm kỳ', 'Quyết định', 'Ghi chú'],
      [40, 15, 25, 20],
      p.planning.map((x) => [
        x.title,
        x.term,
        [x.decisionNo, viDate(x.approvedOn)].filter(Boolean).join(' ngày '),
        x.removedOn ? `Đưa ra ngày ${viDate(x.removedOn)}` : '',
      ]),
    ),
    heading('V. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG HẰNG NĂM'),
    table(
      ['Năm', 'Mức xếp loại', 'Ghi chú'],
      [15, 55, 30],
      p.ratings.map((r) => [String(r.year), r.levelName ?? r.levelCode, r.note ?? '']),
    ),
    heading('VI. KỶ LUẬT'),
    ...(s
      ? [
          table(
            ['Hình thức', 'Quyết định', 'Hiệu lực', 'Lý do'],
            [20, 30, 25, 25],
            s.discipline.map((x) => [
              x.formName ?? x.formCode,
              [x.decisionNo, viDate(x.decidedOn)].filter(Boolean).join(' ngày '),
              `${viDate(x.effectiveFrom)} - ${viDate(x.effectiveTo) || '…'}`,
              x.reason ?? '',
            ]),
          ),
        ]
      : [para([run(HIDDEN, { italics: true })])]),
    heading('VII. ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ'),
    table(
      ['Tên trường, cơ sở đào tạo', 'Chuyên ngành, nội dung', 'Từ tháng, năm - đến tháng, năm', 'Hình thức', 'Văn bằng, chứng chỉ'],
      [26, 24, 18, 16, 16],
      p.trainingHistory.map((t) => [t.institution, t.field, `${monthYear(t.fromDate)} - ${monthYear(t.toDate)}`, TRAINING_KIND_LABELS[t.kind], t.certificate ?? '']),
    ),
    heading('VIII. TÓM TẮT QUÁ TRÌNH CÔNG TÁC'),
    table(
      ['Từ tháng, năm - đến tháng, năm', 'Chức danh, chức vụ, đơn vị công tác'],
      [25, 75],
      p.workHistory.map((w) => [
        `${monthYear(w.fromDate)} - ${monthYear(w.toDate)}`,
        [w.position, w.organisation].filter(Boolean).join(', ') + (w.isGrassroots ? ' (cơ sở)' : ''),
      ]),
    ),
    para([run(`${o.place}, ngày ${d} tháng ${m} năm ${y}`, { italics: true })], { align: AlignmentType.RIGHT, before: 240 }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            new TableCell({
              children: [
                para([run('Người khai', { bold: true })], { align: AlignmentType.CENTER }),
                para([run('Tôi xin cam đoan những lời khai trên đây là đúng sự thật', { italics: true, size: 24 })], { align: AlignmentType.CENTER }),
              ],
            }),
            new TableCell({
              children: [
                para([run('Thủ trưởng cơ quan, đơn vị quản lý và sử dụng', { bold: true })], { align: AlignmentType.CENTER }),
                para([run('(Ký tên, đóng dấu)', { italics: true, size: 24 })], { align: AlignmentType.CENTER }),
              ],
            }),
          ],
        }),
      ],
    }),
  ];
  const doc = new Document({
    creator: 'Tăng cường',
    title: `Sơ yếu lý lịch - ${id.fullName}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
