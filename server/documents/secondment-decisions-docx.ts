import { AlignmentType, Document, Packer, PageOrientation, type ISectionOptions } from 'docx';
import { FONT, SIZE, decree30PageNumbers, longDate, mm, officialHeading, para, run, signatureBlock, table } from './official-docx.js';
import { viDate } from '../../common/dates.js';
import { multiplierText } from '../domain/rules/pay/allowance-multiplier.js';
import type { DecisionKind } from '../../common/secondment.js';
import { upperVi, type ProvinceIdentity } from '../domain/province/province-identity.js';

/**
 * The decisions of the secondment path as official documents (Decree 30/2020/NĐ-CP layout): the decision to
 * send cadres (with its annex listing them), to extend or end a secondment early, and to take a cadre back and
 * place them. Pure: the caller loads the decision, its people, the province this deployment serves (its People's
 * Committee issues the decisions) and the plan in force (cited as the basis).
 */

export interface PostRef {
  positionTitle: string | null;
  unitName: string | null;
}

export interface DecisionDocItem {
  fullName: string;
  gender: string;
  birthDate: string;
  positionTitle: string | null;
  unitName: string;
  sendingUnitName: string;
  hostUnitName: string | null;
  role: string | null;
  from: string | null;
  to: string | null;
  durationMonths: number | null;
  reason: string | null;
  sendDecisionNo: string | null;
  reservedPost: PostRef | null;
  placement: PostRef | null;
  /** A return placement below the reserved post: what is lower, and the reason the authority recorded. */
  lowerThanReserved?: string[] | null;
  lowerReason?: string | null;
  effectiveOn: string | null;
  /** the salary step text of a return decision (granted, last step, or not granted with why) */
  stepText: string | null;
}

export interface DecisionDoc {
  kind: DecisionKind;
  number: string;
  decidedOn: string;
  signerName: string;
  signerTitle: string;
  /** The unit issuing it (a return decision by the sending unit); absent or null for the People's Committee. */
  issuerUnitName?: string | null;
  items: DecisionDocItem[];
  province: ProvinceIdentity;
  /** The plan in force on the decision date, as issued. */
  plan: { code: string; title: string; issuedBy: string; issuedOn: string };
  /**
   * An extract (trích) for a reader who may see only some of the decision's cadres (a host commune, a sending unit):
   * `items` holds only theirs, and the document says it is an extract of how many.
   */
  extract?: { shown: number; total: number } | null;
  /** The one-off allowance multiplier in force on the decision date (allowance_multipliers); null when none is. */
  oneOffMultiplier: number | null;
}

const C = AlignmentType.CENTER;
const TITLES: Record<DecisionKind, string> = {
  send: 'Về việc cử cán bộ, công chức, viên chức tăng cường đi công tác ở cơ sở',
  extend: 'Về việc gia hạn thời gian tăng cường cán bộ, công chức, viên chức đi công tác ở cơ sở',
  end_early: 'Về việc kết thúc trước thời hạn việc tăng cường cán bộ, công chức, viên chức đi công tác ở cơ sở',
  return: 'Về việc tiếp nhận trở lại và bố trí công tác đối với cán bộ, công chức, viên chức sau thời gian tăng cường ở cơ sở',
};

const DECREE_178 =
  'Nghị định số 178/2024/NĐ-CP ngày 31 tháng 12 năm 2024 của Chính phủ về chính sách, chế độ đối với cán bộ, công chức, viên chức, người lao động và lực lượng vũ trang trong thực hiện sắp xếp tổ chức bộ máy của hệ thống chính trị';
const DECREE_67 = 'Nghị định số 67/2025/NĐ-CP ngày 15 tháng 3 năm 2025 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 178/2024/NĐ-CP';
const ART_12 = 'khoản 1 Điều 12 Nghị định số 178/2024/NĐ-CP (được sửa đổi, bổ sung bởi Nghị định số 67/2025/NĐ-CP)';

const honorific = (gender: string) => (gender === 'female' ? 'Bà' : 'Ông');
const distinct = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];
/** A commune's name inside a sentence: "Xã Tân Lộc" → "xã Tân Lộc". */
const inSentence = (name: string | null) => (name ? name.replace(/^(Xã|Phường|Đặc khu) /, (m) => m.toLowerCase()) : name);
const postText = (p: PostRef | null) => (p ? [p.positionTitle, p.unitName].filter(Boolean).join(', ') : '') || 'chưa ghi nhận';
const who = (i: DecisionDocItem) => `${honorific(i.gender)} ${i.fullName}, ${[i.positionTitle, i.unitName].filter(Boolean).join(', ')}`;

const body = (text: string, o: { before?: number } = {}) => para([run(text)], { before: o.before ?? 0, after: 120 });
const article = (n: number, text: string) => para([run(`Điều ${n}. `, { bold: true }), run(text)], { before: 60, after: 120 });
const basis = (text: string) => para([run(text, { italics: true })], { after: 60 });

/** The head of the issuing unit as the document names its authority: "Giám đốc" of "Sở Y tế" → "GIÁM ĐỐC SỞ Y TẾ". */
const authorityOf = (d: DecisionDoc) =>
  d.issuerUnitName
    ? (d.signerTitle.toLowerCase().includes(d.issuerUnitName.toLowerCase()) ? d.signerTitle : `${d.signerTitle} ${d.issuerUnitName}`).toUpperCase()
    : upperVi(d.province.peoplesCommitteeName);

/** "Căn cứ Kế hoạch số 131/KH-UBND ngày 03 tháng 6 năm 2025 của Ủy ban nhân dân thành phố Cần Thơ về …;" */
function planBasis(p: DecisionDoc['plan']): string {
  const about = p.title.replace(/^Kế hoạch\s+/u, '').replace(/^về\s+/u, '');
  return `Căn cứ Kế hoạch số ${p.code} ngày ${longDate(p.issuedOn)} của ${p.issuedBy} về ${about};`;
}

function head(d: DecisionDoc) {
  const committee = d.province.peoplesCommitteeName;
  const heading = d.issuerUnitName ? { superior: committee, issuer: d.issuerUnitName } : { issuer: committee };
  return [
    officialHeading({ ...heading, number: `Số: ${d.number}`, place: d.province.placeName, date: d.decidedOn }),
    ...(d.extract ? [para([run('TRÍCH', { bold: true })], { align: C, before: 360, after: 0 })] : []),
    para([run('QUYẾT ĐỊNH', { bold: true, size: 28 })], { align: C, before: d.extract ? 0 : 360, after: 0 }),
    para([run(TITLES[d.kind], { bold: true })], { align: C, after: 0 }),
    para([run('──────────')], { align: C, after: 200 }),
    para([run(authorityOf(d), { bold: true })], { align: C, after: 200 }),
    basis('Căn cứ Luật Tổ chức chính quyền địa phương;'),
    basis('Căn cứ Luật Cán bộ, công chức; Luật Viên chức;'),
    basis(`Căn cứ ${DECREE_178};`),
    basis(`Căn cứ ${DECREE_67};`),
    basis(planBasis(d.plan)),
    basis(d.issuerUnitName ? 'Xét đề nghị của bộ phận phụ trách tổ chức cán bộ.' : 'Theo đề nghị của Giám đốc Sở Nội vụ.'),
    para([run('QUYẾT ĐỊNH:', { bold: true })], { align: C, before: 200, after: 200 }),
  ];
}

function responsibility(d: DecisionDoc, n: number) {
  const units = distinct(d.items.map((i) => i.sendingUnitName)).filter((u) => u !== 'Sở Nội vụ');
  const hosts = distinct(d.items.map((i) => inSentence(i.hostUnitName)));
  if (d.issuerUnitName) {
    // the unit's own decision: its offices and the people named carry it out
    return article(
      n,
      `Quyết định này có hiệu lực kể từ ngày ký. Bộ phận phụ trách tổ chức cán bộ, kế toán của ${d.issuerUnitName} và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    );
  }
  const parts = [
    `Chánh Văn phòng Ủy ban nhân dân ${d.province.levelWord}`,
    'Giám đốc Sở Nội vụ',
    units.length ? `Thủ trưởng ${units.join(', ')}` : 'Thủ trưởng các cơ quan, đơn vị có liên quan',
    hosts.length ? `Chủ tịch Ủy ban nhân dân ${hosts.join(', ')}` : 'Chủ tịch Ủy ban nhân dân các xã, phường có liên quan',
    'các ông (bà) có tên tại Điều 1',
  ];
  return article(n, `Quyết định này có hiệu lực kể từ ngày ký. ${parts.join(', ')} chịu trách nhiệm thi hành Quyết định này./.`);
}

function sendArticles(d: DecisionDoc) {
  const hosts = distinct(d.items.map((i) => inSentence(i.hostUnitName)));
  const starts = distinct(d.items.map((i) => i.from));
  const durations = distinct(d.items.map((i) => (i.durationMonths ? String(i.durationMonths) : null)));
  const where = hosts.length === 1 ? hosts[0] : hosts.length ? `các xã, phường: ${hosts.join(', ')}` : 'các xã, phường theo Phụ lục';
  const when =
    starts.length === 1 && durations.length === 1
      ? `thời gian ${durations[0]} tháng kể từ ngày ${viDate(starts[0])}`
      : 'thời gian và ngày bắt đầu của từng người theo Phụ lục';
  const mult = d.oneOffMultiplier === null ? 'số tháng' : multiplierText(d.oneOffMultiplier);
  return [
    article(
      1,
      `Cử các ông (bà) có tên tại Phụ lục kèm theo Quyết định này (${d.extract ? `${d.extract.total} người; bản trích gồm ${d.extract.shown} người` : `${d.items.length} người`}) đến công tác tại ${where}, ${when}. ` +
        'Trong thời gian tăng cường, các ông (bà) được bảo lưu chức vụ, vị trí việc làm, ngạch, bậc lương tại cơ quan, đơn vị cử đi và chịu sự phân công, quản lý của Ủy ban nhân dân xã, phường nơi đến.',
    ),
    article(
      2,
      `Các ông (bà) có tên tại Điều 1 được hưởng chế độ, chính sách theo quy định tại ${ART_12}: được giữ nguyên tiền lương và các khoản phụ cấp lương của vị trí việc làm trước khi tăng cường, do cơ quan, đơn vị cử đi chi trả; ` +
        `được hưởng trợ cấp một lần bằng ${mult} tháng lương cơ sở tại thời điểm nhận nhiệm vụ, do ngân sách nhà nước bảo đảm (người công tác tại xã thuộc vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn được hưởng chế độ, chính sách theo Nghị định số 76/2019/NĐ-CP thay cho trợ cấp một lần); ` +
        'khi hoàn thành tốt nhiệm vụ được bố trí công tác ở vị trí không thấp hơn vị trí trước khi tăng cường và được nâng lương vượt một bậc (trừ trường hợp đã ở bậc lương cuối cùng của ngạch).',
    ),
    responsibility(d, 3),
  ];
}

function extendArticles(d: DecisionDoc) {
  const lines = d.items.map((i, n) =>
    body(
      `${n + 1}. ${who(i)}, đang công tác tăng cường tại ${inSentence(i.hostUnitName) ?? 'xã, phường nơi đến'}${i.sendDecisionNo ? ` theo Quyết định số ${i.sendDecisionNo}` : ''}: gia hạn đến hết ngày ${viDate(i.to)}` +
        `${i.durationMonths ? ` (thêm ${i.durationMonths} tháng)` : ''}. Lý do: ${i.reason ?? 'theo đề nghị của cơ quan, đơn vị'}.`,
    ),
  );
  return [
    article(1, 'Gia hạn thời gian công tác tăng cường ở cơ sở đối với các ông (bà) sau:'),
    ...lines,
    article(
      2,
      `Trong thời gian gia hạn, các ông (bà) có tên tại Điều 1 tiếp tục được hưởng chế độ, chính sách theo quy định tại ${ART_12} và chịu sự phân công, quản lý của Ủy ban nhân dân xã, phường nơi đến.`,
    ),
    responsibility(d, 3),
  ];
}

function endEarlyArticles(d: DecisionDoc) {
  const lines = d.items.map((i, n) =>
    body(
      `${n + 1}. ${who(i)}, đang công tác tăng cường tại ${inSentence(i.hostUnitName) ?? 'xã, phường nơi đến'}${i.sendDecisionNo ? ` theo Quyết định số ${i.sendDecisionNo}` : ''}: kết thúc thời gian tăng cường kể từ ngày ${viDate(i.to)}. ` +
        `Lý do: ${i.reason ?? 'theo đề nghị của cơ quan, đơn vị'}.`,
    ),
  );
  return [
    article(1, 'Kết thúc trước thời hạn thời gian công tác tăng cường ở cơ sở đối với các ông (bà) sau:'),
    ...lines,
    article(
      2,
      'Thủ trưởng cơ quan, đơn vị cử đi có trách nhiệm tiếp nhận và bố trí công tác đối với các ông (bà) có tên tại Điều 1 ở vị trí không thấp hơn vị trí được bảo lưu trước khi tăng cường; Ủy ban nhân dân xã, phường nơi đến bàn giao công việc và nhận xét, đánh giá quá trình công tác.',
    ),
    responsibility(d, 3),
  ];
}

function returnArticles(d: DecisionDoc) {
  const placed = d.items.map((i, n) =>
    body(
      `${n + 1}. ${honorific(i.gender)} ${i.fullName}, đã kết thúc thời gian công tác tăng cường tại ${inSentence(i.hostUnitName) ?? 'xã, phường nơi đến'}${i.sendDecisionNo ? ` (Quyết định số ${i.sendDecisionNo})` : ''}: ` +
        `được tiếp nhận trở lại và bố trí công tác: ${postText(i.placement)}${i.effectiveOn ? `, kể từ ngày ${viDate(i.effectiveOn)}` : ''}. Vị trí được bảo lưu trước khi tăng cường: ${postText(i.reservedPost)}.` +
        (i.lowerReason
          ? ` Bố trí thấp hơn vị trí được bảo lưu${i.lowerThanReserved?.length ? ` (${i.lowerThanReserved.map((x) => x.replace(/\.$/, '')).join('; ')})` : ''}; lý do: ${i.lowerReason.replace(/\.$/, '')}.`
          : ''),
    ),
  );
  const steps = d.items.map((i, n) =>
    body(`${n + 1}. ${honorific(i.gender)} ${i.fullName}: ${i.stepText ?? 'chưa có kết quả đánh giá để xét nâng lương vượt bậc'}.`),
  );
  return [
    article(1, 'Tiếp nhận trở lại và bố trí công tác đối với các ông (bà) sau:'),
    ...placed,
    article(2, `Thực hiện chế độ nâng lương vượt một bậc khi hoàn thành tốt nhiệm vụ theo điểm d ${ART_12}:`),
    ...steps,
    responsibility(d, 3),
  ];
}

/** "Nơi nhận" of each decision; the province's People's Committee by its level word ("UBND tỉnh", "UBND thành phố"). */
function recipients(kind: DecisionKind, p: ProvinceIdentity): string[] {
  const leaders = `Chủ tịch, các Phó Chủ tịch UBND ${p.levelWord};`;
  if (kind === 'send') return ['Như Điều 3;', leaders, 'Sở Tài chính;', 'Lưu: VT, SNV.'];
  if (kind === 'return') return ['Như Điều 3;', 'Sở Nội vụ (để theo dõi);', 'Ủy ban nhân dân xã, phường nơi cán bộ đã công tác;', 'Lưu: VT, TCCB.'];
  return ['Như Điều 3;', leaders, 'Lưu: VT, SNV.'];
}

function annex(d: DecisionDoc) {
  const rows = d.items.map((i, n) => [
    String(n + 1),
    i.fullName,
    viDate(i.birthDate),
    [i.positionTitle, i.unitName].filter(Boolean).join(', '),
    i.hostUnitName ?? '',
    i.role ?? '',
    `${viDate(i.from)} – ${viDate(i.to)}`,
  ]);
  return [
    para([run('PHỤ LỤC', { bold: true })], { align: C, after: 0 }),
    para([run('DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC ĐƯỢC CỬ TĂNG CƯỜNG ĐI CÔNG TÁC Ở CƠ SỞ', { bold: true })], { align: C, after: 0 }),
    para([run(`(Kèm theo Quyết định số ${d.number} ngày ${viDate(d.decidedOn)} của ${d.province.peoplesCommitteeName})`, { italics: true })], {
      align: C,
      after: d.extract ? 0 : 240,
    }),
    ...(d.extract
      ? [
          para(
            [
              run(`Trích danh sách: ${d.extract.shown} trong số ${d.extract.total} người của quyết định, thuộc phạm vi của đơn vị nhận bản trích`, {
                italics: true,
              }),
            ],
            {
              align: C,
              after: 240,
            },
          ),
        ]
      : []),
    table(
      ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ, đơn vị công tác', 'Nơi đến (xã, phường)', 'Vị trí đảm nhiệm', 'Thời gian (từ ngày – đến ngày)'],
      [5, 17, 10, 24, 15, 14, 15],
      rows,
      { size: 22, align: [C, undefined, C, undefined, undefined, undefined, C] },
    ),
    para([run(`Tổng số: ${d.items.length} người.`, { italics: true })], { before: 120 }),
  ];
}

// the annex (landscape) is a later section: it continues the page numbers and shows them on its first page
const page = (landscape: boolean) => ({
  titlePage: decree30PageNumbers({ firstSection: !landscape }).titlePage,
  page: {
    size: { width: mm(210), height: mm(297), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
  },
});

/** The decision as .docx: the decision on A4 portrait and, for a decision to send, its annex on A4 landscape. */
export async function renderSecondmentDecisionDocx(d: DecisionDoc): Promise<Buffer> {
  const articles = d.kind === 'send' ? sendArticles(d) : d.kind === 'extend' ? extendArticles(d) : d.kind === 'end_early' ? endEarlyArticles(d) : returnArticles(d);
  const sections: ISectionOptions[] = [
    {
      properties: page(false),
      headers: decree30PageNumbers({ firstSection: true }).headers,
      children: [
        ...head(d),
        ...articles,
        para([run('')], { after: 200 }),
        signatureBlock({ recipients: recipients(d.kind, d.province), signerTitle: d.signerTitle, signerName: d.signerName }),
      ],
    },
  ];
  if (d.kind === 'send') sections.push({ properties: page(true), headers: decree30PageNumbers({ firstSection: false }).headers, children: annex(d) });
  const doc = new Document({
    creator: 'Tăng cường',
    title: `Quyết định số ${d.number}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections,
  });
  return Packer.toBuffer(doc);
}
