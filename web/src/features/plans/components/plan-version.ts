import type { PlanVersionRef } from '../../../api/types';
import { formatDate } from '../../../shared/format';

/** "Kế hoạch 131/KH-UBND, phiên bản 2, hiệu lực từ 01/01/2026": the version of the plan a figure or verdict used. */
export function planVersionText(v: Pick<PlanVersionRef, 'code' | 'version' | 'effectiveFrom'>): string {
  return `Kế hoạch ${v.code}, phiên bản ${v.version}, hiệu lực từ ${formatDate(v.effectiveFrom)}`;
}
