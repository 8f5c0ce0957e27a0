import { Tooltip, Typography } from 'antd';
import { formatVnd } from '../../../../../common/training';
import type { TrainingBudgetOverview } from '../../../api/types';

const BUDGET_COLOR = '#d6e4ff';
const COMMITTED_COLOR = '#1d4f91';
const SPENT_COLOR = '#389e0d';

/**
 * The year month by month: the budget (light bar), what is committed by the end of each month (blue) and what is
 * spent (green), running totals. Drawn with plain elements, like the quota chart.
 */
export function BudgetChart({ data }: { data: TrainingBudgetOverview }) {
  const max = Math.max(1, data.budgetVnd, ...data.series.map((m) => m.committedVnd));
  const pct = (n: number) => `${Math.min(100, (n / max) * 100)}%`;
  const last = data.series[data.series.length - 1];
  return (
    <div role="figure" aria-label="Biểu đồ dự toán, đã cam kết, đã chi theo tháng" data-testid="budget-chart" data-committed={last?.committedVnd ?? 0} data-spent={last?.spentVnd ?? 0}>
      <div style={{ display: 'flex', gap: 16, marginBottom: 8, fontSize: 12, flexWrap: 'wrap' }}>
        <Legend color={BUDGET_COLOR} text={`Dự toán: ${formatVnd(data.budgetVnd)}`} />
        <Legend color={COMMITTED_COLOR} text="Đã cam kết (lũy kế)" />
        <Legend color={SPENT_COLOR} text="Đã chi (lũy kế)" />
      </div>
      {data.series.map((m) => (
        <Tooltip key={m.month} placement="right" title={`Đến hết tháng ${m.month}/${data.year}: đã cam kết ${formatVnd(m.committedVnd)}, đã chi ${formatVnd(m.spentVnd)}`}>
          <div style={{ display: 'grid', gridTemplateColumns: '72px 1fr 260px', alignItems: 'center', gap: 8, padding: '2px 0' }} data-testid={`budget-month-${m.month}`}>
            <Typography.Text style={{ fontSize: 12 }}>Tháng {m.month}</Typography.Text>
            <div style={{ position: 'relative', height: 14, background: '#fafafa' }}>
              <div style={{ position: 'absolute', inset: 0, width: pct(data.budgetVnd), background: BUDGET_COLOR, borderRadius: 2 }} />
              <div style={{ position: 'absolute', top: 3, bottom: 3, left: 0, width: pct(m.committedVnd), background: m.committedVnd > data.budgetVnd ? '#cf1322' : COMMITTED_COLOR, borderRadius: 2 }} />
              <div style={{ position: 'absolute', top: 3, bottom: 3, left: 0, width: pct(m.spentVnd), background: SPENT_COLOR, borderRadius: 2 }} />
            </div>
            <Typography.Text style={{ fontSize: 12, textAlign: 'right' }}>
              {formatVnd(m.committedVnd).replace(' đồng', '')} / {formatVnd(m.spentVnd)}
            </Typography.Text>
          </div>
        </Tooltip>
      ))}
    </div>
  );
}

function Legend({ color, text }: { color: string; text: string }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <span style={{ width: 12, height: 12, background: color, borderRadius: 2, display: 'inline-block' }} />
      {text}
    </span>
  );
}
