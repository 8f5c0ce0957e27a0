import type { FeedbackStatus } from '../../../../../common/secondment';

/** Tag colours of the statuses: waiting for an answer stands out. */
export const FEEDBACK_STATUS_COLORS: Record<FeedbackStatus, string> = {
  open: 'orange',
  answered: 'green',
  closed: 'default',
};
