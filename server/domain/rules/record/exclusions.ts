import { addMonths } from '../../../../common/dates.js';
import { CHILD_MONTHS, CONSENT_CIRCUMSTANCES, type CircumstanceKind, type ProceedingKind } from '../../../../common/exclusions.js';

/** A proceeding on the person's record (person_proceedings). */
export interface ProceedingRecord {
  kind: ProceedingKind;
  openedOn: string;
  closedOn: string | null;
  documentNo: string | null;
}

/** A personal circumstance on the person's record (person_circumstances). */
export interface CircumstanceRecord {
  kind: CircumstanceKind;
  fromDate: string;
  toDate: string | null;
  childBirthDate: string | null;
  consentOn: string | null;
}

/**
 * Open on the date: opened on or before it and not closed by then. A case closed on the date itself is no longer
 * open that day (the decision closing it is in force from its date).
 */
export const isProceedingOpen = (p: ProceedingRecord, on: string) => p.openedOn <= on && (p.closedOn === null || p.closedOn > on);

export const openProceedings = (records: readonly ProceedingRecord[], on: string) => records.filter((p) => isProceedingOpen(p, on));

/** The day a child turns three (36 months; a 29/02 birthday falls on 28/02): from then the child is no longer "under 36 months". */
export const thirdBirthday = (childBirthDate: string) => addMonths(childBirthDate, CHILD_MONTHS);

export type CircumstanceState =
  /** bars sending on the date */
  | 'bars'
  /** in force, but the person's recorded consent lifts it */
  | 'consented'
  /** a child's record without the birth date: whether the child is under 36 months is not known */
  | 'unknown'
  /** not in force on the date */
  | 'inactive';

/**
 * A circumstance on a date: in force from its first day to its last (to_date inclusive, open-ended when null); a
 * child counts until the day before the third birthday. Pregnancy, maternity leave and a young child are lifted
 * by consent recorded on or before the date.
 */
export function circumstanceOn(c: CircumstanceRecord, on: string): CircumstanceState {
  if (c.fromDate > on || (c.toDate !== null && c.toDate < on)) return 'inactive';
  if (c.kind === 'child_under_36_months') {
    if (!c.childBirthDate) return c.consentOn !== null && c.consentOn <= on ? 'consented' : 'unknown';
    if (thirdBirthday(c.childBirthDate) <= on) return 'inactive';
  }
  if (CONSENT_CIRCUMSTANCES.includes(c.kind) && c.consentOn !== null && c.consentOn <= on) return 'consented';
  return 'bars';
}
