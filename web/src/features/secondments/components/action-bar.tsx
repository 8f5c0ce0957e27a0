import { Button, Space } from 'antd';
import { SECONDMENT_ACTION_LABELS, type SecondmentAction } from '../../../../../common/secondment';
import type { AllowedAction } from '../hooks/secondment-api';
import { ACTIVITY_LABELS } from './secondment-labels';

/** The path's actions in the order of the path; the first allowed forward step is the primary button. */
const PATH_ORDER: SecondmentAction[] = ['resubmit', 'forward', 'decide', 'receive', 'extend', 'complete', 'end_early', 'place', 'send_back', 'reject', 'withdraw'];
const PRIMARY = new Set<SecondmentAction>(['resubmit', 'forward', 'decide', 'receive', 'place']);
const DANGER = new Set<SecondmentAction>(['withdraw', 'reject', 'send_back', 'end_early']);

/** The buttons of the path's steps the user may take on this record (from the API's allowedActions). */
export function PathActionBar({ allowed, onAction }: { allowed: AllowedAction[]; onAction(a: SecondmentAction): void }) {
  const actions = PATH_ORDER.filter((a) => allowed.includes(a));
  if (actions.length === 0) return null;
  return (
    <Space wrap data-testid="secondment-actions">
      {actions.map((a) => (
        <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={DANGER.has(a)} onClick={() => onAction(a)} data-testid={`action-${a}`}>
          {SECONDMENT_ACTION_LABELS[a]}
        </Button>
      ))}
    </Space>
  );
}

type Activity = keyof typeof ACTIVITY_LABELS;

/** The button of an activity (request a report, evaluate, log a contact), shown only when allowed. */
export function ActivityButton({ allowed, action, onClick }: { allowed: AllowedAction[]; action: Exclude<Activity, 'submit_report'>; onClick(): void }) {
  if (!allowed.includes(action)) return null;
  return (
    <Button size="small" onClick={onClick} data-testid={`action-${action}`}>
      {ACTIVITY_LABELS[action]}
    </Button>
  );
}
