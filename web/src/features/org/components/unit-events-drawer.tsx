import { Alert, Drawer, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { errorMessage } from '../../../api/errors';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useUnitEvents } from '../hooks/use-org-changes';
import type { UnitTreeNode } from '../hooks/use-org-units';

const KIND: Record<string, { label: string; color: string }> = {
  formed: { label: 'Thành lập', color: 'green' },
  merged: { label: 'Hợp nhất, sáp nhập', color: 'gold' },
  split: { label: 'Chia tách', color: 'gold' },
  renamed: { label: 'Đổi tên', color: 'blue' },
  moved: { label: 'Chuyển đơn vị cấp trên', color: 'blue' },
  closed: { label: 'Giải thể', color: 'red' },
};

type Json = Record<string, unknown> | null;
const field = (o: unknown, k: string) => (o && typeof o === 'object' ? ((o as Record<string, unknown>)[k] as string | null | undefined) : undefined);

/** What an event changed, in a sentence. */
function what(
  e: { kind: string; unitId: string; unitName: string; before?: unknown; after?: unknown; sources: { id: string; name: string }[] },
  unitId: string,
): string {
  switch (e.kind) {
    case 'renamed':
      return `“${field(e.before, 'name')}” → “${field(e.after, 'name')}”`;
    case 'moved':
      return `Từ ${field(e.before, 'parentName') ?? field(e.before, 'parentCode') ?? '—'} về ${field(e.after, 'parentName') ?? field(e.after, 'parentCode')}`;
    case 'merged':
    case 'split':
      if (e.unitId !== unitId) return `${e.kind === 'merged' ? 'Hợp nhất vào' : 'Tách ra'} ${e.unitName}`;
      return e.sources.length ? `Từ ${e.sources.map((s) => s.name).join(', ')}` : 'Ngày hoàn thành sắp xếp';
    case 'closed': {
      const into = field(e.after, 'mergedInto') as unknown as Json;
      return into ? `Hợp nhất vào ${String(into.name)}` : 'Không còn hoạt động';
    }
    default:
      return '';
  }
}

/** The restructuring history of a unit, latest first: each event with its date, decision and author. */
export function UnitEventsDrawer({ unit, onClose }: { unit: UnitTreeNode; onClose(): void }) {
  const events = useUnitEvents(unit.id);
  return (
    <Drawer open title={`Lịch sử sắp xếp: ${unit.name}`} onClose={onClose} size="large" styles={{ wrapper: { maxWidth: '100vw' } }}>
      {events.isLoading ? (
        <Skeleton active />
      ) : events.error ? (
        <Alert type="error" showIcon title={errorMessage(events.error)} />
      ) : !events.data?.items.length ? (
        <Empty description="Chưa có sự kiện nào được ghi nhận" />
      ) : (
        <Timeline
          data-testid="unit-events"
          items={events.data.items.map((e) => ({
            color: KIND[e.kind]?.color ?? 'gray',
            content: (
              <div>
                <Typography.Text strong>{formatDate(e.effectiveOn)}</Typography.Text> <Tag color={KIND[e.kind]?.color}>{KIND[e.kind]?.label ?? e.kind}</Tag>
                <div>{what(e, unit.id)}</div>
                {e.decisionNo && <div>Quyết định số {e.decisionNo}</div>}
                {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
                <div style={{ fontSize: 12, color: '#666' }}>
                  Ghi nhận {formatDateTime(e.createdAt)}
                  {e.createdByName ? ` bởi ${e.createdByName}` : ''}
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
