import { CHART_COLORS, ChartLegend, linearScale, type LegendItem } from '../../../shared/components/charts/chart-parts';

export interface BarSegment {
  value: number;
  color: string;
}

export interface BarRow {
  key: string;
  label: string;
  /** Drawn from the left, one after the other. */
  segments: BarSegment[];
  /** A light bar behind the segments (e.g. the target). */
  background?: number | null;
  /** The figure at the end of the row. */
  valueText: string;
  /** The full text of the row, shown on hover and read by screen readers. */
  description: string;
  onClick?: () => void;
}

const LABEL_W = 250;
const BAR_W = 430;
const VALUE_W = 140;
const ROW_H = 24;

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/**
 * A horizontal bar chart drawn in SVG (antd has no charts): one row per item, label on the left, stacked
 * segments over an optional light background bar, the figure on the right. Scales with its container.
 * For a screen reader it is a list named `ariaLabel`, one item per row read as its description (the drawing inside
 * is hidden); a clickable row is reached with Tab and opened with Enter or Space.
 */
export function HBarChart({ rows, ariaLabel, testId, legend }: { rows: BarRow[]; ariaLabel: string; testId?: string; legend?: LegendItem[] }) {
  const scale = linearScale(
    rows.map((r) =>
      Math.max(
        r.background ?? 0,
        r.segments.reduce((s, x) => s + x.value, 0),
      ),
    ),
  );
  const w = (n: number) => scale(n) * BAR_W;
  const height = rows.length * ROW_H + 4;
  return (
    <div data-testid={testId}>
      {legend && <ChartLegend items={legend} />}
      <svg
        role="list"
        aria-label={ariaLabel}
        viewBox={`0 0 ${LABEL_W + BAR_W + VALUE_W} ${height}`}
        width="100%"
        style={{ maxWidth: 1000, display: 'block', fontFamily: 'inherit' }}
      >
        {rows.map((r, i) => {
          const y = i * ROW_H + 2;
          let x = LABEL_W;
          return (
            <g
              key={r.key}
              role="listitem"
              aria-label={r.description}
              onClick={r.onClick}
              tabIndex={r.onClick ? 0 : undefined}
              onKeyDown={
                r.onClick
                  ? (e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        r.onClick?.();
                      }
                    }
                  : undefined
              }
              style={{ cursor: r.onClick ? 'pointer' : 'default' }}
              data-row={r.key}
            >
              <title>{r.description}</title>
              <g aria-hidden="true">
                <rect x={0} y={y} width={LABEL_W + BAR_W + VALUE_W} height={ROW_H - 2} fill={i % 2 ? '#fafafa' : '#fff'} />
                <text x={LABEL_W - 8} y={y + ROW_H / 2 + 3} textAnchor="end" fontSize={12} fill="#262626">
                  {clip(r.label, 40)}
                </text>
                {r.background ? <rect x={LABEL_W} y={y + 2} width={w(r.background)} height={ROW_H - 6} fill={CHART_COLORS.target} rx={2} /> : null}
                {r.segments.map((s, k) => {
                  const rect = <rect key={k} x={x} y={y + 6} width={w(s.value)} height={ROW_H - 14} fill={s.color} rx={2} />;
                  x += w(s.value);
                  return rect;
                })}
                <text x={LABEL_W + BAR_W + 6} y={y + ROW_H / 2 + 3} fontSize={12} fill="#262626">
                  {r.valueText}
                </text>
              </g>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
