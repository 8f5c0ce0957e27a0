import type { UseCaseContext } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { provinceOfDeployment } from '../province/province-of-deployment.js';
import { planCodeOrNone } from '../plans/plan-in-force.js';
import { xlsxBuffer } from '../training/xlsx-buffer.js';
import type { ListSheet } from '../../documents/xlsx-list.js';
import { renderReportDocx } from '../../documents/report-docx.js';
import { PAYER_KEYS, PAYER_LABELS } from '../../../common/entitlement-payments.js';
import { FIGURE_GROUP_LABELS } from '../../../common/schemas/reports.js';
import { getReport } from './get-report.js';

const slug = (r: { number: string | null; periodFrom: string; periodTo: string }) =>
  r.number ? `bao-cao-${r.number.replace(/[^\p{L}\p{N}]+/gu, '-')}` : `du-thao-bao-cao-${r.periodFrom}-${r.periodTo}`;

/** The report as a .docx ready to sign (Decree 30/2020 type BC); an issued report prints its frozen figures. */
export async function exportReportDocx(ctx: UseCaseContext, id: string) {
  const r = await getReport(ctx, id);
  const province = await provinceOfDeployment(ctx.tx);
  const planCode = await planCodeOrNone(ctx.tx, r.periodTo);
  await recordAudit(ctx.tx, ctx, { action: 'export', entityType: 'report', entityId: id, meta: { format: 'docx', status: r.status } });
  const buffer = await renderReportDocx(r, { peoplesCommitteeName: province.peoplesCommitteeName, placeName: province.placeName, planCode, today: ctx.today });
  return { buffer, fileName: `${slug(r)}.docx` };
}

/** The annex tables of the report as an .xlsx: the figures against the previous period, the quota per unit, the documents. */
export async function exportReportXlsx(ctx: UseCaseContext, id: string) {
  const r = await getReport(ctx, id);
  await recordAudit(ctx.tx, ctx, { action: 'export', entityType: 'report', entityId: id, meta: { format: 'xlsx', status: r.status } });
  const value = (key: string) => r.figures.find((f) => f.key === key)?.value ?? 0;
  const figuresSheet: ListSheet = {
    name: 'Biểu 01 - Số liệu',
    columns: [
      { header: 'STT', width: 6, type: 'number' },
      { header: 'Nhóm', width: 36, type: 'text' },
      { header: 'Mã', width: 32, type: 'text' },
      { header: 'Chỉ tiêu', width: 60, type: 'text' },
      { header: 'Đơn vị tính', width: 12, type: 'text' },
      { header: 'Kỳ này', width: 14, type: 'number' },
      { header: 'Kỳ trước', width: 14, type: 'number' },
      { header: 'Tăng, giảm', width: 14, type: 'number' },
    ],
    rows: r.figures.map((f, i) => [i + 1, FIGURE_GROUP_LABELS[f.group], f.key, f.label, f.unit, f.value, f.previous, f.change]),
  };
  if (r.kind === 'training_annual') return { buffer: await xlsxBuffer([figuresSheet]), fileName: `${slug(r)}-phu-luc.xlsx` };
  const buffer = await xlsxBuffer([
    figuresSheet,
    {
      name: 'Biểu 02 - Theo đơn vị',
      columns: [
        { header: 'STT', width: 6, type: 'number' },
        { header: 'Đơn vị', width: 44, type: 'text' },
        { header: 'Biên chế được giao', width: 16, type: 'number' },
        { header: 'Chỉ tiêu của năm', width: 16, type: 'number' },
        { header: 'Được cử trong kỳ', width: 16, type: 'number' },
        { header: 'Còn thiếu', width: 12, type: 'number' },
      ],
      rows: r.units.map((u, i) => [i + 1, u.unitName, u.assignedStaffing, u.target, u.decided, u.gap]),
    },
    {
      name: 'Biểu 03 - Văn bản',
      columns: [
        { header: 'STT', width: 6, type: 'number' },
        { header: 'Số, ký hiệu', width: 20, type: 'text' },
        { header: 'Ngày ban hành', width: 14, type: 'date' },
        { header: 'Trích yếu', width: 70, type: 'text' },
      ],
      rows: r.documents.map((d, i) => [i + 1, d.number, d.date, d.title]),
    },
    {
      name: 'Biểu 04 - Chi trả chế độ',
      columns: [
        { header: 'STT', width: 6, type: 'number' },
        { header: 'Nguồn chi trả', width: 44, type: 'text' },
        { header: 'Số người được chi trả', width: 16, type: 'number' },
        { header: 'Số tiền đã chi trả (đồng)', width: 20, type: 'number' },
        { header: 'Khoản chưa chi trả', width: 16, type: 'number' },
      ],
      rows: PAYER_KEYS.map((k, i) => [
        i + 1,
        PAYER_LABELS[k],
        value(`entitlements.cadres.${k}`),
        value(`entitlements.amount.${k}`),
        value(`entitlements.due_unpaid.${k}`),
      ]),
    },
  ]);
  return { buffer, fileName: `${slug(r)}-phu-luc.xlsx` };
}
