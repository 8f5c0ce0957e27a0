import type { ReactNode } from 'react';
import { Tooltip, Typography } from 'antd';

// The pieces of the hand-drawn bar charts (antd has no charts): colours, scale, legend, and the row of a chart
// drawn with plain elements (a light bar behind, thinner bars over it).

export const CHART_COLORS = {
  /** The light bar behind: a target, a budget. */
  target: '#d6e4ff',
  /** Committed: proposed or decided, committed money. */
  committed: '#1d4f91',
  /** Done: serving, fulfilled, spent. */
  done: '#389e0d',
  /** Over the target, overdue. */
  over: '#cf1322',
};

export interface LegendItem {
  color: string;
  text: string;
}

/** The share of the largest value (at least 1, so a chart of zeros draws empty bars) that a value takes, 0..1. */
export function linearScale(values: number[]) {
  const max = Math.max(1, ...values);
  return (n: number) => n / max;
}

/** A colour swatch and its meaning for each series. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 8, fontSize: 12 }}>
      {items.map((l) => (
        <span key={l.text} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <span style={{ width: 12, height: 12, background: l.color, borderRadius: 2, display: 'inline-block' }} />
          {l.text}
        </span>
      ))}
    </div>
  );
}

export interface TrackBar {
  /** Share of the track, 0..1 (more is cut at the end of the track). */
  share: number;
  color: string;
}

/**
 * One row of a bar chart: the label, the track (a light bar behind and thinner bars over it, each from the left,
 * later ones drawn on top), the figure at the end; the full text on hover.
 */
export function TrackRow({
  label,
  ellipsis,
  columns,
  background,
  bars,
  value,
  tooltip,
  onClick,
  testId,
}: {
  label: ReactNode;
  /** Cut a long label with "…". */
  ellipsis?: boolean;
  /** The CSS grid columns: label, track, figure. */
  columns: string;
  background: TrackBar;
  bars: TrackBar[];
  value: ReactNode;
  tooltip: string;
  onClick?: () => void;
  testId?: string;
}) {
  const width = (share: number) => `${Math.min(100, share * 100)}%`;
  return (
    <Tooltip placement="right" title={tooltip}>
      <div
        onClick={onClick}
        data-testid={testId}
        style={{ display: 'grid', gridTemplateColumns: columns, alignItems: 'center', gap: 8, padding: '2px 0', cursor: onClick ? 'pointer' : undefined }}
      >
        <Typography.Text ellipsis={ellipsis} style={{ fontSize: 12 }}>
          {label}
        </Typography.Text>
        <div style={{ position: 'relative', height: 14, background: '#fafafa' }}>
          <div style={{ position: 'absolute', inset: 0, width: width(background.share), background: background.color, borderRadius: 2 }} />
          {bars.map((b, i) => (
            <div key={i} style={{ position: 'absolute', top: 3, bottom: 3, left: 0, width: width(b.share), background: b.color, borderRadius: 2 }} />
          ))}
        </div>
        <Typography.Text style={{ fontSize: 12, textAlign: 'right' }}>{value}</Typography.Text>
      </div>
    </Tooltip>
  );
}
