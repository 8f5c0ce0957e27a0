import type { UseCaseContext } from '../context.js';
import { COURSE_KINDS, COURSE_KIND_LABELS, SEAT_STATUSES, type CourseKind, type EnrolmentStatus } from '../../../common/training.js';
import type { ListColumn } from '../../documents/xlsx-list.js';
import { recordAudit } from '../audit/record-audit.js';
import { listEnrolments } from './list-enrolments.js';
import { getBudgetOverview } from './get-budget-overview.js';
import { planParamsOn } from '../plans/plan-in-force.js';
import { xlsxBuffer } from './xlsx-buffer.js';

type Row = {
  status: EnrolmentStatus;
  courseKind: CourseKind;
  courseFields: string[];
  budgetUnitName: string;
  budgetUnitId: string;
  committedVnd: number;
  spentVnd: number;
};
interface Tally {
  nominated: number;
  approved: number;
  completed: number;
  committed: bigint;
  spent: bigint;
}
const empty = (): Tally => ({ nominated: 0, approved: 0, completed: 0, committed: 0n, spent: 0n });
function add(t: Tally, e: Row) {
  t.nominated++;
  if (SEAT_STATUSES.includes(e.status)) t.approved++;
  if (e.status === 'completed') t.completed++;
  t.committed += BigInt(e.committedVnd);
  t.spent += BigInt(e.spentVnd);
}
const cols = (first: string): ListColumn[] => [
  { header: first, width: 44, type: 'text' },
  { header: 'Số lượt đề cử', width: 12, type: 'number' },
  { header: 'Được phê duyệt', width: 12, type: 'number' },
  { header: 'Hoàn thành', width: 12, type: 'number' },
  { header: 'Đã cam kết (đồng)', width: 18, type: 'number' },
  { header: 'Đã chi (đồng)', width: 18, type: 'number' },
];
const line = (name: string, t: Tally) => [name, t.nominated, t.approved, t.completed, Number(t.committed), Number(t.spent)];

/** The province summary of a year: by priority field, by kind of training, by unit (with budgets), as .xlsx. */
export async function exportTrainingSummary(ctx: UseCaseContext, q: { year: number }) {
  const rows = (await listEnrolments(ctx, { year: q.year })) as Row[];
  const budget = await getBudgetOverview(ctx, { year: q.year });
  const params = await planParamsOn(ctx.tx, `${q.year}-06-30`, ctx.today);
  const byField = new Map(params.priorityFields.map((f) => [f, empty()]));
  const byKind = new Map(COURSE_KINDS.map((k) => [k, empty()]));
  const byUnit = new Map<string, { name: string; t: Tally }>();
  for (const e of rows) {
    for (const f of e.courseFields) {
      if (!byField.has(f)) byField.set(f, empty());
      add(byField.get(f)!, e);
    }
    add(byKind.get(e.courseKind)!, e);
    if (!byUnit.has(e.budgetUnitId)) byUnit.set(e.budgetUnitId, { name: e.budgetUnitName, t: empty() });
    add(byUnit.get(e.budgetUnitId)!.t, e);
  }
  const budgets = new Map<string, { name: string; amount: bigint }>();
  for (const b of budget.items) {
    const x = budgets.get(b.unitId) ?? { name: b.unitName, amount: 0n };
    x.amount += BigInt(b.amountVnd);
    budgets.set(b.unitId, x);
  }
  const unitIds = [...new Set([...byUnit.keys(), ...budgets.keys()])];
  await recordAudit(ctx.tx, ctx, { action: 'export', entityType: 'training_summary', meta: { ...q, enrolments: rows.length } });
  const buffer = await xlsxBuffer([
    {
      name: 'Theo lĩnh vực ưu tiên',
      columns: cols('Lĩnh vực ưu tiên (một khóa nhiều lĩnh vực được tính ở mỗi lĩnh vực)'),
      rows: [...byField].map(([f, t]) => line(f, t)),
    },
    { name: 'Theo loại hình', columns: cols('Loại hình đào tạo, bồi dưỡng'), rows: [...byKind].map(([k, t]) => line(COURSE_KIND_LABELS[k], t)) },
    {
      name: 'Theo đơn vị',
      columns: [...cols('Đơn vị'), { header: 'Dự toán (đồng)', width: 18, type: 'number' }, { header: 'Còn lại (đồng)', width: 18, type: 'number' }],
      rows: unitIds.map((id) => {
        const t = byUnit.get(id)?.t ?? empty();
        const amount = budgets.get(id)?.amount ?? 0n;
        return [...line(byUnit.get(id)?.name ?? budgets.get(id)!.name, t), Number(amount), Number(amount - t.committed)];
      }),
    },
  ]);
  return { buffer, fileName: `tong-hop-dao-tao-${q.year}.xlsx` };
}
