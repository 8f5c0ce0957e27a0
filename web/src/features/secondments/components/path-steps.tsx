import { Steps, Timeline, Typography } from 'antd';
import type { SecondmentStatus } from '../../../../../common/secondment';
import { formatDate, formatDateTime } from '../../../shared/format';
import type { SecondmentEvent } from '../hooks/secondment-api';
import { eventLabel, PATH_STAGES, pathProgress, stageOfEvent, statusLabel } from './secondment-labels';

/** The seven stages of the path, each with the date and actor of its last event. */
export function PathSteps({ status, events }: { status: SecondmentStatus; events: SecondmentEvent[] }) {
  const { current, state } = pathProgress(status);
  const lastOf = new Map<string, SecondmentEvent>();
  for (const e of [...events].sort((a, b) => a.at.localeCompare(b.at))) {
    const stage = stageOfEvent(e.action);
    if (stage) lastOf.set(stage, e);
  }
  const items = PATH_STAGES.map((s, i) => {
    const e = lastOf.get(s.key);
    const itemStatus = i < current ? 'finish' : i === current ? (state === 'warning' ? 'error' : state) : 'wait';
    return {
      key: s.key,
      title: s.title,
      status: itemStatus as 'finish' | 'process' | 'error' | 'wait',
      content: e ? (
        <span style={{ fontSize: 12 }}>
          {formatDate(e.at)}
          <br />
          {e.actorName}
        </span>
      ) : undefined,
    };
  });
  return <Steps size="small" items={items} current={Math.min(current, PATH_STAGES.length - 1)} data-testid="secondment-path" style={{ marginBottom: 16 }} />;
}

/** Every recorded event, oldest first: what was done, by whom, when, from which step to which, and the note. */
export function EventTimeline({ events }: { events: SecondmentEvent[] }) {
  if (events.length === 0) return <Typography.Text type="secondary">Chưa có sự kiện nào.</Typography.Text>;
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      data-testid="secondment-timeline"
      items={sorted.map((e) => ({
        key: e.id,
        color: e.toStatus === 'rejected' || e.toStatus === 'withdrawn' ? 'red' : e.toStatus === 'sent_back' ? 'orange' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{eventLabel(e.action)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              — {formatDateTime(e.at)}, {e.actorName}
            </Typography.Text>
            {e.toStatus && e.toStatus !== e.fromStatus && (
              <div style={{ fontSize: 12 }}>
                <Typography.Text type="secondary">
                  {e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ''}
                  {statusLabel(e.toStatus)}
                </Typography.Text>
              </div>
            )}
            {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
