import type { QuotaRow } from '../../../api/types';
import { CHART_COLORS, ChartLegend, linearScale, TrackRow } from '../../../shared/components/charts/chart-parts';
import { formatNumber } from '../../../shared/format';

export const COMMITTED_COLOR = CHART_COLORS.committed;
export const ACTIVE_COLOR = CHART_COLORS.done;

/** People a unit has committed towards its quota: proposed (incl. appraised), decided or serving. */
export const committedOf = (u: Pick<QuotaRow, 'proposed' | 'decided' | 'active'>) => u.proposed + u.decided + u.active;

/**
 * Target against committed, one bar per unit (drawn with plain elements: antd has no charts). The light bar is
 * the target; over it, decided and serving people in green and proposed ones in blue.
 */
export function QuotaChart({ items, onOpen }: { items: QuotaRow[]; onOpen(unitId: string): void }) {
  const rows = items.filter((u) => u.target !== null);
  const scale = linearScale(rows.map((u) => Math.max(u.target ?? 0, committedOf(u))));
  return (
    <div role="figure" aria-label="Biểu đồ chỉ tiêu và số đã đề xuất, quyết định theo đơn vị" data-testid="quota-chart">
      <ChartLegend
        items={[
          { color: CHART_COLORS.target, text: 'Chỉ tiêu' },
          { color: COMMITTED_COLOR, text: 'Đã đề xuất' },
          { color: ACTIVE_COLOR, text: 'Đã quyết định, đang tăng cường' },
        ]}
      />
      {rows.map((u) => (
        <TrackRow
          key={u.unitId}
          onClick={() => onOpen(u.unitId)}
          columns="minmax(160px, 34%) 1fr 64px"
          label={u.unitName}
          ellipsis
          background={{ share: scale(u.target ?? 0), color: CHART_COLORS.target }}
          bars={[
            { share: scale(committedOf(u)), color: COMMITTED_COLOR },
            { share: scale(u.decided + u.active), color: ACTIVE_COLOR },
          ]}
          value={`${formatNumber(committedOf(u))}/${formatNumber(u.target)}`}
          tooltip={`${u.unitName}: chỉ tiêu ${formatNumber(u.target)}, đã đề xuất ${formatNumber(u.proposed)}, đã quyết định ${formatNumber(u.decided)}, đang tăng cường ${formatNumber(u.active)}`}
        />
      ))}
    </div>
  );
}
