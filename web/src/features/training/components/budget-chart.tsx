import { formatVnd } from '../../../../../common/training';
import type { TrainingBudgetOverview } from '../../../api/types';
import { CHART_COLORS, ChartLegend, linearScale, TrackRow } from '../../../shared/components/charts/chart-parts';

/**
 * The year month by month: the budget (light bar), what is committed by the end of each month (blue) and what is
 * spent (green), running totals. Drawn with plain elements, like the quota chart.
 */
export function BudgetChart({ data }: { data: TrainingBudgetOverview }) {
  const scale = linearScale([data.budgetVnd, ...data.series.map((m) => m.committedVnd)]);
  const last = data.series[data.series.length - 1];
  return (
    <div
      role="figure"
      aria-label="Biểu đồ dự toán, đã cam kết, đã chi theo tháng"
      data-testid="budget-chart"
      data-committed={last?.committedVnd ?? 0}
      data-spent={last?.spentVnd ?? 0}
    >
      <ChartLegend
        items={[
          { color: CHART_COLORS.target, text: `Dự toán: ${formatVnd(data.budgetVnd)}` },
          { color: CHART_COLORS.committed, text: 'Đã cam kết (lũy kế)' },
          { color: CHART_COLORS.done, text: 'Đã chi (lũy kế)' },
        ]}
      />
      {data.series.map((m) => (
        <TrackRow
          key={m.month}
          testId={`budget-month-${m.month}`}
          columns="72px 1fr 260px"
          label={`Tháng ${m.month}`}
          background={{ share: scale(data.budgetVnd), color: CHART_COLORS.target }}
          bars={[
            { share: scale(m.committedVnd), color: m.committedVnd > data.budgetVnd ? CHART_COLORS.over : CHART_COLORS.committed },
            { share: scale(m.spentVnd), color: CHART_COLORS.done },
          ]}
          value={`${formatVnd(m.committedVnd).replace(' đồng', '')} / ${formatVnd(m.spentVnd)}`}
          tooltip={`Đến hết tháng ${m.month}/${data.year}: đã cam kết ${formatVnd(m.committedVnd)}, đã chi ${formatVnd(m.spentVnd)}`}
        />
      ))}
    </div>
  );
}
