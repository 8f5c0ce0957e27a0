import { AlignmentType, type ISectionOptions } from 'docx';
import { viDate } from '../../common/dates.js';
import { FIGURE_GROUP_LABELS, FIGURE_GROUPS, NARRATIVE_LABELS, type FigureGroup, type NarrativeKey, type ReportDetail } from '../../common/schemas/reports.js';
import { PAYER_KEYS, PAYER_LABELS } from '../../common/entitlement-payments.js';
import { officialHeading, para, renderOfficialDocx, run, signatureBlock, table } from './official-docx.js';

/** The names a report's head and body need: the province and the plan it reports on. */
export interface ReportDocContext {
  peoplesCommitteeName: string;
  placeName: string;
  planCode: string | null;
  /** The date written under the head of a draft (the day it is printed). */
  today: string;
}

/** A figure as the report writes it: thousands separated the Vietnamese way. */
export const figureText = (v: number) => v.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
const changeText = (v: number) => (v > 0 ? `+${figureText(v)}` : figureText(v));

/** The annex tables (Biểu 01–03): the figures against the previous period, the quota per unit, the documents issued. */
export function annexTables(r: ReportDetail) {
  const figures = r.figures.map((f, i) => [String(i + 1), f.label, f.unit, figureText(f.value), figureText(f.previous), changeText(f.change)]);
  const units = r.units.map((u, i) => [
    String(i + 1),
    u.unitName,
    u.assignedStaffing === null ? '—' : figureText(u.assignedStaffing),
    u.target === null ? '—' : figureText(u.target),
    figureText(u.decided),
    u.gap === null ? '—' : figureText(u.gap),
  ]);
  const documents = r.documents.map((d, i) => [String(i + 1), d.number, viDate(d.date), d.title]);
  const value = (key: string) => r.figures.find((f) => f.key === key)?.value ?? 0;
  const payers = PAYER_KEYS.map((k, i) => [
    String(i + 1),
    PAYER_LABELS[k],
    figureText(value(`entitlements.cadres.${k}`)),
    figureText(value(`entitlements.amount.${k}`)),
    figureText(value(`entitlements.due_unpaid.${k}`)),
  ]);
  return {
    payers: {
      title: 'Biểu 04. Chế độ, chính sách đã chi trả cho cán bộ tăng cường theo nguồn chi trả',
      headers: ['STT', 'Nguồn chi trả', 'Số người được chi trả', 'Số tiền đã chi trả (đồng)', 'Khoản chưa chi trả'],
      rows: payers,
    },
    figures: {
      title: 'Biểu 01. Số liệu kết quả thực hiện so với kỳ trước',
      headers: ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ này', 'Kỳ trước', 'Tăng, giảm'],
      rows: figures,
    },
    units: {
      title: 'Biểu 02. Kết quả cử cán bộ tăng cường theo đơn vị, so với chỉ tiêu',
      headers: ['STT', 'Đơn vị', 'Biên chế được giao', 'Chỉ tiêu của năm', 'Được cử trong kỳ', 'Còn thiếu'],
      rows: units,
    },
    documents: { title: 'Biểu 03. Văn bản đã ban hành trong kỳ', headers: ['STT', 'Số, ký hiệu', 'Ngày ban hành', 'Trích yếu'], rows: documents },
  };
}

/** What the system can state for section III from the figures themselves: the units short of their quota, late reports, overdue recommendations. */
export function facts(r: ReportDetail): string[] {
  const out: string[] = [];
  const short = r.units.filter((u) => (u.gap ?? 0) > 0);
  if (short.length) out.push(`- Đơn vị chưa cử đủ chỉ tiêu: ${short.map((u) => `${u.unitName} (còn thiếu ${figureText(u.gap!)})`).join('; ')}.`);
  const late = r.figures.find((f) => f.key === 'cadre_reports.late');
  if (late && late.value > 0) out.push(`- Báo cáo định kỳ, đột xuất của cán bộ tăng cường nộp chậm hoặc chưa nộp: ${figureText(late.value)} báo cáo.`);
  const overdue = r.figures.find((f) => f.key === 'inspections.overdue');
  if (overdue && overdue.value > 0)
    out.push(`- Kiến nghị sau kiểm tra quá hạn mà chưa hoàn thành (đến ngày ${viDate(r.periodTo)}): ${figureText(overdue.value)} kiến nghị.`);
  const unitsLate = r.figures.find((f) => f.key === 'unit_reports.late');
  const unitsDue = r.figures.find((f) => f.key === 'unit_reports.due');
  if (unitsLate && unitsLate.value > 0)
    out.push(
      `- Báo cáo của cơ quan, đơn vị gửi Sở Nội vụ chậm hoặc chưa gửi: ${figureText(unitsLate.value)}/${figureText(unitsDue?.value ?? unitsLate.value)} báo cáo đến hạn.`,
    );
  return out;
}

/** What section V states from the units' feedback: its counts, then each item raised in the period, for the writer to take up. */
export function proposalFacts(r: ReportDetail): string[] {
  const raised = r.figures.find((f) => f.key === 'feedback.raised');
  const open = r.figures.find((f) => f.key === 'feedback.open');
  if (!raised || raised.value === 0) return [];
  return [
    `- Trong kỳ, các đơn vị gửi ${figureText(raised.value)} kiến nghị, đề xuất${open && open.value > 0 ? `, trong đó ${figureText(open.value)} kiến nghị đang chờ trả lời` : ''}:`,
    ...r.proposalFacts.map((f) => `  ${f.text}`),
  ];
}

/** The groups of section II of a report of this kind: those that have figures, the documents and feedback stated elsewhere. */
const sectionGroups = (r: ReportDetail): FigureGroup[] => FIGURE_GROUPS.filter((g) => g !== 'documents' && g !== 'feedback' && r.figures.some((f) => f.group === g));

/**
 * The report in the Decree 30/2020 layout (type BC): the head (the People's Committee above the issuing body, the
 * number, place and date), the title, sections I–V and the annex tables. A draft carries a blank number to fill.
 */
export async function renderReportDocx(r: ReportDetail, c: ReportDocContext): Promise<Buffer> {
  if (r.kind === 'training_annual') return renderTrainingReportDocx(r, c);
  const C = AlignmentType.CENTER;
  const issuer = r.unitName ?? 'Sở Nội vụ';
  const number = r.number ? `Số: ${r.number}` : `Số:       /BC-${r.unitCode ?? 'SNV'}`;
  const plan = c.planCode ? `Kế hoạch số ${c.planCode}` : 'Kế hoạch tăng cường cán bộ về cơ sở';
  const period = `từ ngày ${viDate(r.periodFrom)} đến ngày ${viDate(r.periodTo)}`;
  const heading = (t: string) => para([run(t, { bold: true })], { before: 160, after: 80 });
  const sub = (t: string) => para([run(t, { bold: true, italics: true })], { before: 80, after: 60 });
  const text = (t: string) => para([run(t)]);
  const writeUp = (k: NarrativeKey) => (r.narrative[k]?.trim() || '(Chưa có nội dung.)').split(/\n+/).map((line) => text(line));
  const byGroup = (g: (typeof FIGURE_GROUPS)[number]) => r.figures.filter((f) => f.group === g);
  const a = annexTables(r);

  const sectionII = sectionGroups(r).flatMap((g, i) => [
    sub(`${i + 1}. ${FIGURE_GROUP_LABELS[g]}`),
    ...byGroup(g).map((f) => text(`- ${f.label}: ${figureText(f.value)} ${f.unit} (kỳ trước: ${figureText(f.previous)}; tăng, giảm: ${changeText(f.change)}).`)),
  ]);

  const children: ISectionOptions['children'] = [
    officialHeading({ superior: r.unitId ? undefined : c.peoplesCommitteeName, issuer, number, place: c.placeName, date: r.issuedOn ?? c.today }),
    ...(r.status === 'draft' ? [para([run('DỰ THẢO', { bold: true, italics: true })], { align: AlignmentType.RIGHT, before: 120, after: 0 })] : []),
    para([run('BÁO CÁO', { bold: true })], { align: C, before: 240, after: 0 }),
    para([run(`Kết quả thực hiện ${plan}`, { bold: true })], { align: C, after: 0 }),
    para([run(`(${period})`, { italics: true })], { align: C, after: 0 }),
    para([run('───────')], { align: C, after: 120 }),
    para([run(r.unitId ? 'Kính gửi: Sở Nội vụ.' : `Kính gửi: ${c.peoplesCommitteeName}.`)], { align: C, after: 120 }),
    text(`Thực hiện ${plan}, ${issuer} báo cáo kết quả thực hiện ${period} như sau:`),
    heading('I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN'),
    ...(r.documents.length
      ? r.documents.map((d) => text(`- Văn bản số ${d.number} ngày ${viDate(d.date)}: ${d.title}.`))
      : [text('- Trong kỳ không ban hành văn bản mới.')]),
    ...byGroup('documents')
      .filter((f) => f.value > 0 && f.key !== 'documents.decisions')
      .map((f) => text(`- ${f.label}: ${figureText(f.value)} ${f.unit}.`)),
    heading('II. KẾT QUẢ THỰC HIỆN'),
    ...sectionII,
    heading('III. ĐÁNH GIÁ CHUNG'),
    ...facts(r).map((f) => para([run(f, { italics: true })])),
    sub(`1. ${NARRATIVE_LABELS.strengths}`),
    ...writeUp('strengths'),
    sub(`2. ${NARRATIVE_LABELS.limits}`),
    ...writeUp('limits'),
    sub(`3. ${NARRATIVE_LABELS.causes}`),
    ...writeUp('causes'),
    heading('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'),
    ...writeUp('tasks'),
    heading('V. ĐỀ XUẤT, KIẾN NGHỊ'),
    ...proposalFacts(r).map((f) => para([run(f, { italics: true })])),
    ...writeUp('proposals'),
    para([run(`Trên đây là báo cáo kết quả thực hiện ${plan} của ${issuer}.`)], { after: 240 }),
    signatureBlock({
      recipients: r.unitId ? ['Sở Nội vụ (để tổng hợp);', 'Lưu: VT.'] : [`${c.peoplesCommitteeName} (để báo cáo);`, 'Các sở, ban, ngành;', 'Lưu: VT, Sở Nội vụ.'],
      signerTitle: r.signerTitle ?? (r.unitId ? 'Thủ trưởng đơn vị' : 'Giám đốc'),
      signerName: r.signerName ?? undefined,
    }),
    para([run('PHỤ LỤC', { bold: true })], { align: C, before: 480, after: 0 }),
    para([run(`(Kèm theo Báo cáo ${r.number ? `số ${r.number}` : ''} của ${issuer})`.replace('  ', ' '), { italics: true })], { align: C, after: 200 }),
    ...[a.figures, a.units, a.documents, a.payers].flatMap((t) => [
      para([run(t.title, { bold: true })], { before: 200, after: 100 }),
      table(t.headers, t.headers.length === 6 ? [6, 44, 12, 12, 12, 14] : t.headers.length === 5 ? [6, 40, 16, 22, 16] : [8, 22, 18, 52], t.rows, { size: 22 }),
    ]),
  ];
  return renderOfficialDocx(children, { title: `Báo cáo kết quả thực hiện ${plan}` });
}

/** The title of the annual training report (Decree 171/2025 Art. 39) of the report's year. */
export const trainingReportTitle = (r: Pick<ReportDetail, 'periodFrom'>) =>
  `Báo cáo kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm ${r.periodFrom.slice(0, 4)}`;

/**
 * The annual training report (Decree 171/2025 Art. 39) in the Decree 30/2020 layout: to the Ministry of Home Affairs
 * (a unit's to Sở Nội vụ), the year's figures against the year before (section II), the assessment, the tasks of the
 * next year and the proposals, and the figures as annex table.
 */
async function renderTrainingReportDocx(r: ReportDetail, c: ReportDocContext): Promise<Buffer> {
  const C = AlignmentType.CENTER;
  const issuer = r.unitName ?? 'Sở Nội vụ';
  const year = r.periodFrom.slice(0, 4);
  const number = r.number ? `Số: ${r.number}` : `Số:       /BC-${r.unitCode ?? 'SNV'}`;
  const recipient = r.unitId ? 'Sở Nội vụ' : 'Bộ Nội vụ';
  const heading = (t: string) => para([run(t, { bold: true })], { before: 160, after: 80 });
  const sub = (t: string) => para([run(t, { bold: true, italics: true })], { before: 80, after: 60 });
  const text = (t: string) => para([run(t)]);
  const writeUp = (k: NarrativeKey) => (r.narrative[k]?.trim() || '(Chưa có nội dung.)').split(/\n+/).map((line) => text(line));
  const a = annexTables(r);
  const sectionII = sectionGroups(r).flatMap((g, i) => [
    sub(`${i + 1}. ${FIGURE_GROUP_LABELS[g]}`),
    ...r.figures
      .filter((f) => f.group === g)
      .map((f) => text(`- ${f.label}: ${figureText(f.value)} ${f.unit} (năm ${Number(year) - 1}: ${figureText(f.previous)}; tăng, giảm: ${changeText(f.change)}).`)),
  ]);
  const children: ISectionOptions['children'] = [
    officialHeading({ superior: r.unitId ? undefined : c.peoplesCommitteeName, issuer, number, place: c.placeName, date: r.issuedOn ?? c.today }),
    ...(r.status === 'draft' ? [para([run('DỰ THẢO', { bold: true, italics: true })], { align: AlignmentType.RIGHT, before: 120, after: 0 })] : []),
    para([run('BÁO CÁO', { bold: true })], { align: C, before: 240, after: 0 }),
    para([run(`Kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm ${year}`, { bold: true })], { align: C, after: 0 }),
    para([run('───────')], { align: C, after: 120 }),
    para([run(`Kính gửi: ${recipient}.`)], { align: C, after: 120 }),
    text(
      `Thực hiện Điều 39 Nghị định số 171/2025/NĐ-CP của Chính phủ về đào tạo, bồi dưỡng công chức, ${issuer} báo cáo kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm ${year} như sau:`,
    ),
    heading('I. KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG'),
    ...sectionII,
    heading('II. ĐÁNH GIÁ CHUNG'),
    sub(`1. ${NARRATIVE_LABELS.strengths}`),
    ...writeUp('strengths'),
    sub(`2. ${NARRATIVE_LABELS.limits}`),
    ...writeUp('limits'),
    sub(`3. ${NARRATIVE_LABELS.causes}`),
    ...writeUp('causes'),
    heading(`III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${Number(year) + 1}`),
    ...writeUp('tasks'),
    heading('IV. ĐỀ XUẤT, KIẾN NGHỊ'),
    ...proposalFacts(r).map((f) => para([run(f, { italics: true })])),
    ...writeUp('proposals'),
    para([run(`Trên đây là báo cáo kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm ${year} của ${issuer}.`)], { after: 240 }),
    signatureBlock({
      recipients: r.unitId
        ? ['Sở Nội vụ (để tổng hợp);', 'Lưu: VT.']
        : ['Bộ Nội vụ (để báo cáo);', `${c.peoplesCommitteeName} (để báo cáo);`, 'Lưu: VT, Sở Nội vụ.'],
      signerTitle: r.signerTitle ?? (r.unitId ? 'Thủ trưởng đơn vị' : 'Giám đốc'),
      signerName: r.signerName ?? undefined,
    }),
    para([run('PHỤ LỤC', { bold: true })], { align: C, before: 480, after: 0 }),
    para([run(`(Kèm theo Báo cáo ${r.number ? `số ${r.number}` : ''} của ${issuer})`.replace('  ', ' '), { italics: true })], { align: C, after: 200 }),
    para([run(`Biểu 01. Số liệu đào tạo, bồi dưỡng năm ${year} so với năm ${Number(year) - 1}`, { bold: true })], { before: 200, after: 100 }),
    table(a.figures.headers, [6, 44, 12, 12, 12, 14], a.figures.rows, { size: 22 }),
  ];
  return renderOfficialDocx(children, { title: trainingReportTitle(r) });
}
