import { Tooltip, Typography } from 'antd';
import type { QuotaRow } from '../../../api/types';
import { formatNumber } from '../../../shared/format';

export const COMMITTED_COLOR = '#1d4f91';
export const ACTIVE_COLOR = '#389e0d';
const TARGET_COLOR = '#d6e4ff';

/** People a unit has committed towards its quota: proposed (incl. appraised), decided or serving. */
export const committedOf = (u: Pick<QuotaRow, 'proposed' | 'decided' | 'active'>) => u.proposed + u.decided + u.active;

/**
 * Target against committed, one bar per unit (drawn with plain elements: antd has no charts). The light bar is
 * the target; over it, decided and serving people in green and proposed ones in blue.
 */
export function QuotaChart({ items, onOpen }: { items: QuotaRow[]; onOpen(unitId: string): void }) {
  const rows = items.filter((u) => u.target !== null);
  const max = Math.max(1, ...rows.map((u) => Math.max(u.target ?? 0, committedOf(u))));
  const pct = (n: number) => `${(n / max) * 100}%`;
  return (
    <div role="figure" aria-label="Biểu đồ chỉ tiêu và số đã đề xuất, quyết định theo đơn vị" data-testid="quota-chart">
      <div style={{ display: 'flex', gap: 16, marginBottom: 8, fontSize: 12 }}>
        <Legend color={TARGET_COLOR} text="Chỉ tiêu" />
        <Legend color={COMMITTED_COLOR} text="Đã đề xuất" />
        <Legend color={ACTIVE_COLOR} text="Đã quyết định, đang tăng cường" />
      </div>
      {rows.map((u) => {
        const done = u.decided + u.active;
        return (
          <Tooltip
            key={u.unitId}
            placement="right"
            title={`${u.unitName}: chỉ tiêu ${formatNumber(u.target)}, đã đề xuất ${formatNumber(u.proposed)}, đã quyết định ${formatNumber(u.decided)}, đang tăng cường ${formatNumber(u.active)}`}
          >
            <div
              onClick={() => onOpen(u.unitId)}
              style={{ display: 'grid', gridTemplateColumns: 'minmax(160px, 34%) 1fr 64px', alignItems: 'center', gap: 8, padding: '2px 0', cursor: 'pointer' }}
            >
              <Typography.Text ellipsis style={{ fontSize: 12 }}>
                {u.unitName}
              </Typography.Text>
              <div style={{ position: 'relative', height: 14, background: '#fafafa' }}>
                <div style={{ position: 'absolute', inset: 0, width: pct(u.target ?? 0), background: TARGET_COLOR, borderRadius: 2 }} />
                <div style={{ position: 'absolute', top: 3, bottom: 3, left: 0, width: pct(committedOf(u)), background: COMMITTED_COLOR, borderRadius: 2 }} />
                <div style={{ position: 'absolute', top: 3, bottom: 3, left: 0, width: pct(done), background: ACTIVE_COLOR, borderRadius: 2 }} />
              </div>
              <Typography.Text style={{ fontSize: 12, textAlign: 'right' }}>
                {formatNumber(committedOf(u))}/{formatNumber(u.target)}
              </Typography.Text>
            </div>
          </Tooltip>
        );
      })}
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
