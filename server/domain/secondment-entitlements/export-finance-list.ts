import type { Writable } from 'node:stream';
import type { UseCaseContext } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { listEntitlementFactsForYear, loadPayTables } from '../../db/repositories/entitlements.repository.js';
import { computeEntitlements, ENTITLEMENT_CLAUSES, PAYERS } from '../rules/entitlements.js';
import { viDate } from '../../../common/dates.js';
import { planInForce } from '../plans/plan-in-force.js';
import { secondmentsScope } from '../../db/scope.js';
import { writeListXlsx, type ListColumn, type ListValue } from '../../documents/xlsx-list.js';
import { SECONDMENT_STATUS_LABELS, type SecondmentStatus } from '../../../common/secondment.js';
import { entitlementInput } from './entitlement-facts.js';
import { multiplierText, type AllowanceMultiplierRow } from '../rules/pay/allowance-multiplier.js';
import { entitlementsPolicy } from './entitlements.policy.js';

const multipliersText = (rows: AllowanceMultiplierRow[]) =>
  rows.map((r) => `từ ${viDate(r.effectiveFrom)}: ${multiplierText(r.multiplier)} tháng`).join('; ') || 'chưa có';

export const DECREE_76_PACKAGE = 'Gói chính sách NĐ 76/2019';

const COLUMNS: ListColumn[] = [
  { header: 'STT', width: 6, type: 'number' },
  { header: 'Mã hồ sơ', width: 12, type: 'text' },
  { header: 'Họ và tên', width: 26, type: 'text' },
  { header: 'Đơn vị cử đi', width: 30, type: 'text' },
  { header: 'Xã, phường nơi đến', width: 24, type: 'text' },
  { header: 'Ngày bắt đầu', width: 12, type: 'date' },
  { header: 'Trạng thái', width: 24, type: 'text' },
  { header: 'Lương cơ sở áp dụng (đồng)', width: 16, type: 'number' },
  { header: 'Trợ cấp một lần (đồng)', width: 22, type: 'number' },
  { header: 'Nguồn chi trả trợ cấp', width: 34, type: 'text' },
  { header: 'Lương và phụ cấp chức vụ hằng tháng do đơn vị cử đi chi trả (đồng)', width: 22, type: 'number' },
  { header: 'Nâng lương vượt bậc', width: 40, type: 'text' },
];

/**
 * The finance list of a year: one row per secondment started (or to start) in the year with the base salary
 * applied, the one-off allowance (or the Decree 76/2019 package), who pays, and the extra step status; totals
 * at the end. Scoped to the actor; logged as an export of pay data.
 */
export async function exportFinanceList(ctx: UseCaseContext, year: number) {
  const rows = await listEntitlementFactsForYear(ctx.tx, year, secondmentsScope(ctx.actor, { who: entitlementsPolicy.gates.financeList.who }));
  const tables = await loadPayTables(ctx.tx);
  const today = ctx.today;
  const { minSecondmentMonths, oneOffAllowanceBelowMinimum } = (await planInForce(ctx.tx, today)).params;
  let total = 0;
  let packages = 0;
  const out: ListValue[][] = rows.map((row, i) => {
    const r = computeEntitlements(entitlementInput(row, tables, today, minSecondmentMonths, oneOffAllowanceBelowMinimum));
    const get = (code: string) => r.entitlements.find((e) => e.code === code);
    const b = get('one_off_allowance');
    const c = get('disadvantaged_package');
    const a = get('keep_salary');
    const d = get('extra_step');
    const dbkk = c?.applies === true;
    if (dbkk) packages++;
    else total += b?.amountVnd ?? 0;
    const step = d?.step;
    const stepText = d
      ? `${d.stateLabel}${step?.stepBefore ? `: bậc ${step.stepBefore}${step.stepAfter ? ` → ${step.stepAfter} (hệ số ${step.coefficientBefore} → ${step.coefficientAfter})` : step.atLastStep ? ' (bậc cuối của ngạch)' : ''}` : ''}`
      : '';
    return [
      i + 1,
      row.personCode,
      row.fullName,
      row.sendingUnitName,
      row.hostUnitName,
      row.startDate,
      SECONDMENT_STATUS_LABELS[row.status as SecondmentStatus] ?? row.status,
      r.baseSalaryOnStart?.amountVnd ?? null,
      dbkk ? DECREE_76_PACKAGE : (b?.amountVnd ?? null),
      dbkk ? PAYERS.decree76 : (b?.payer ?? null),
      a?.amountVnd ?? null,
      stepText,
    ];
  });
  const totals: ListValue[] = [
    null,
    null,
    `Tổng cộng: ${rows.length} người`,
    null,
    null,
    null,
    null,
    null,
    total,
    packages ? `${packages} người hưởng ${DECREE_76_PACKAGE}` : null,
    null,
    null,
  ];
  await ctx.tx.transaction((t) =>
    recordAudit(t, ctx, { action: 'export', entityType: 'secondment_finance_list', meta: { format: 'xlsx', year, count: rows.length, sensitive: true } }),
  );
  return {
    fileName: `Danh sách chi trả chế độ tăng cường năm ${year}.xlsx`,
    total,
    count: rows.length,
    write: (o: Writable) =>
      writeListXlsx(o, [
        { name: `Chi trả ${year}`, columns: COLUMNS, rows: [...out, totals] },
        {
          name: 'Căn cứ',
          columns: [{ header: 'Nội dung', width: 120, type: 'text' }],
          rows: [
            [`Danh sách cán bộ được cử tăng cường có ngày bắt đầu trong năm ${year}; lập ngày ${viDate(today)}.`],
            ...Object.values(ENTITLEMENT_CLAUSES).map((c) => [c]),
            [
              `Trợ cấp một lần = số tháng lương cơ sở theo bảng mức trợ cấp có hiệu lực tại ngày bắt đầu (${multipliersText(tables.allowanceMultipliers)}) × lương cơ sở tại ngày bắt đầu; xã thuộc vùng đặc biệt khó khăn hưởng chế độ theo Nghị định 76/2019/NĐ-CP thay cho trợ cấp một lần.`,
            ],
            ['Lương hằng tháng = (hệ số lương + hệ số phụ cấp chức vụ) × lương cơ sở, tại ngày bắt đầu; chưa gồm các khoản phụ cấp khác tính theo lương.'],
          ],
        },
      ]),
  };
}
