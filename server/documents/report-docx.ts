import { AlignmentType, type ISectionOptions } from 'docx';
import { viDate } from '../../common/dates.js';
import { FIGURE_GROUP_LABELS, FIGURE_GROUPS, NARRATIVE_LABELS, type NarrativeKey, type ReportDetail } from '../../common/schemas/reports.js';
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
  return {
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

/** What the system can state for section III from the figures themselves: the units short of their quota, late reports. */
export function facts(r: ReportDetail): string[] {
  const out: string[] = [];
  const short = r.units.filter((u) => (u.gap ?? 0) > 0);
  if (short.length) out.push(`- Đơn vị chưa cử đủ chỉ tiêu: ${short.map((u) => `${u.unitName} (còn thiếu ${figureText(u.gap!)})`).join('; ')}.`);
  const late = r.figures.find((f) => f.key === 'cadre_reports.late');
  if (late && late.value > 0) out.push(`- Báo cáo định kỳ, đột xuất của cán bộ tăng cường nộp chậm hoặc chưa nộp: ${figureText(late.value)} báo cáo.`);
  const unitsLate = r.figures.find((f) => f.key === 'unit_reports.late');
  const unitsDue = r.figures.find((f) => f.key === 'unit_reports.due');
  if (unitsLate && unitsLate.value > 0)
    out.push(
      `- Báo cáo của cơ quan, đơn vị gửi Sở Nội vụ chậm hoặc chưa gửi: ${figureText(unitsLate.value)}/${figureText(unitsDue?.value ?? unitsLate.value)} báo cáo đến hạn.`,
    );
  return out;
}

/**
 * The report in the Decree 30/2020 layout (type BC): the head (the People's Committee above the issuing body, the
 * number, place and date), the title, sections I–V and the annex tables. A draft carries a blank number to fill.
 */
export async function renderReportDocx(r: ReportDetail, c: ReportDocContext): Promise<Buffer> {
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

  const sectionII = FIGURE_GROUPS.filter((g) => g !== 'documents').flatMap((g, i) => [
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
    ...writeUp('proposals'),
    para([run(`Trên đây là báo cáo kết quả thực hiện ${plan} của ${issuer}.`)], { after: 240 }),
    signatureBlock({
      recipients: r.unitId ? ['Sở Nội vụ (để tổng hợp);', 'Lưu: VT.'] : [`${c.peoplesCommitteeName} (để báo cáo);`, 'Các sở, ban, ngành;', 'Lưu: VT, Sở Nội vụ.'],
      signerTitle: r.signerTitle ?? (r.unitId ? 'Thủ trưởng đơn vị' : 'Giám đốc'),
      signerName: r.signerName ?? undefined,
    }),
    para([run('PHỤ LỤC', { bold: true })], { align: C, before: 480, after: 0 }),
    para([run(`(Kèm theo Báo cáo ${r.number ? `số ${r.number}` : ''} của ${issuer})`.replace('  ', ' '), { italics: true })], { align: C, after: 200 }),
    ...[a.figures, a.units, a.documents].flatMap((t) => [
      para([run(t.title, { bold: true })], { before: 200, after: 100 }),
      table(t.headers, t.headers.length === 6 ? [6, 44, 12, 12, 12, 14] : [8, 22, 18, 52], t.rows, { size: 22 }),
    ]),
  ];
  return renderOfficialDocx(children, { title: `Báo cáo kết quả thực hiện ${plan}` });
}
