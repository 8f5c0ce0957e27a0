import { Tag } from 'antd';
import type { SecondmentStatus } from '../../../../../common/secondment';
import { STATUS_COLORS, statusLabel } from './secondment-labels';

/** The step a secondment is at, as a coloured tag. */
export function SecondmentStatusTag({ status, testId }: { status: SecondmentStatus; testId?: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {statusLabel(status)}
    </Tag>
  );
}
