import dayjs from 'dayjs';
import type { DecisionHeaderInput } from '../hooks/secondment-api';
import { toIsoDate } from '../../../shared/format';
import { endDateOf } from '../../../../../common/dates';

/** The message of the special-case rule (Plan 131 III.1.c, PRODUCT S5). */
export const SHORT_REASON_REQUIRED = 'Thời gian dưới mức tối thiểu của kế hoạch: ghi rõ lý do trường hợp đặc biệt';

/** A duration below the plan's minimum is a special case: its reason must be recorded. */
export function needsShortReason(months: number | null | undefined, minMonths: number | undefined): boolean {
  return typeof months === 'number' && typeof minMonths === 'number' && months > 0 && months < minMonths;
}

/** The planned last day: the start date plus the months, less one day (shown as a preview; the server decides). */
export function plannedEndDate(startDate: string | null | undefined, months: number | null | undefined): string | null {
  if (!startDate || !months || months < 1) return null;
  return endDateOf(startDate, months);
}

/** The form values of a decision's number, date and signer. */
export interface DecisionHeaderValues {
  seq?: number | null;
  decidedOn?: dayjs.Dayjs | null;
  signerName?: string;
  signerTitle?: string;
}

/** The decision header of a body: the number only when the user changed it from the next one of the year. */
export function decisionHeaderBody(v: DecisionHeaderValues, nextSeq?: number): DecisionHeaderInput {
  return {
    seq: v.seq && v.seq !== nextSeq ? v.seq : null,
    decidedOn: toIsoDate(v.decidedOn) ?? '',
    signerName: (v.signerName ?? '').trim(),
    signerTitle: (v.signerTitle ?? '').trim(),
  };
}

const SIGNER_KEY = 'secondment.decision.signer';

/** The signer of the last decision this browser issued, to prefill the next one. */
export function lastSigner(): { signerName?: string; signerTitle?: string } {
  try {
    const v = JSON.parse(localStorage.getItem(SIGNER_KEY) ?? '{}') as { signerName?: unknown; signerTitle?: unknown };
    return {
      signerName: typeof v.signerName === 'string' ? v.signerName : undefined,
      signerTitle: typeof v.signerTitle === 'string' ? v.signerTitle : undefined,
    };
  } catch {
    return {};
  }
}

export function rememberSigner(h: { signerName: string; signerTitle: string }) {
  try {
    localStorage.setItem(SIGNER_KEY, JSON.stringify({ signerName: h.signerName, signerTitle: h.signerTitle }));
  } catch {
    /* private mode: nothing to remember */
  }
}
