import type { StatisticsResponse } from '../../../api/types';
import { formatNumber } from '../../../shared/format';
import { CHART_COLORS, linearScale, TrackRow } from '../../../shared/components/charts/chart-parts';

type Figure = StatisticsResponse['figures'][number];

/**
 * A breakdown as bars, drawn with plain elements like the quota and budget charts: one bar per figure, the figures
 * of one unit of measure on one scale (a share in % is left to the table).
 */
export function FiguresChart({ figures, title }: { figures: Figure[]; title: string }) {
  const units = [...new Set(figures.filter((f) => f.unit !== '%').map((f) => f.unit))];
  return (
    <div role="figure" aria-label={`Biểu đồ: ${title}`} data-testid="statistics-chart">
      {units.map((unit) => {
        const xs = figures.filter((f) => f.unit === unit);
        const scale = linearScale(xs.map((f) => f.value));
        return (
          <div key={unit} style={{ marginBottom: 12 }}>
            {units.length > 1 && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', marginBottom: 4 }}>Đơn vị tính: {unit}</div>}
            {xs.map((f) => (
              <TrackRow
                key={f.key}
                testId={`chart-${f.key}`}
                ellipsis
                columns="minmax(120px, 2fr) 3fr 110px"
                label={f.label}
                background={{ share: 1, color: '#f5f5f5' }}
                bars={[{ share: scale(f.value), color: CHART_COLORS.committed }]}
                value={formatNumber(f.value)}
                tooltip={`${f.label}: ${formatNumber(f.value)} ${f.unit}`}
              />
            ))}
          </div>
        );
      })}
    </div>
  );
}
