import type { NeedStatus, NeedUrgency } from '../../../../../common/demand';

export const NEED_STATUS_COLORS: Record<NeedStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};
export const URGENCY_COLORS: Record<NeedUrgency, string> = { high: 'red', normal: 'blue', low: 'default' };
