import type { CriterionResult } from '../../../../common/eligibility.js';
import { addDays, addMonths } from '../../../../common/dates.js';

/** A discipline decision on the person's record. */
export interface DisciplineRecord {
  formCode: string;
  decidedOn: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** The date of the Party's discipline decision for the same breach, when there is one: the bar runs from it. */
  partyDecidedOn?: string | null;
  /** The form's bar period in the dated table in force when it was decided; null when not known. */
  barMonths: number | null;
  instrument: string | null;
}

/**
 * The day the bar period starts: the Party decision's date when there is one (Decree 172/2025 Art. 2 cl. 9:
 * the period runs from the Party's decision), else the State decision's effective date.
 */
export function disciplineStart(d: DisciplineRecord): string {
  return d.partyDecidedOn ?? d.effectiveFrom;
}

/**
 * The last day a discipline bars the person: its stated end, or its start (disciplineStart) plus the bar period
 * (the plan's own period for the form where it sets one, else the form's), less a day; null when no period is known.
 */
export function disciplineEnd(d: DisciplineRecord, planBarMonths: Readonly<Record<string, number>>): string | null {
  if (d.effectiveTo) return d.effectiveTo;
  const months = planBarMonths[d.formCode] ?? d.barMonths;
  if (months === null || months === undefined) return null;
  return addDays(addMonths(disciplineStart(d), months), -1);
}

/** The discipline bar on a date: the decisions in effect by then, the day each bars until, and the one that bars. */
export interface DisciplineBar {
  result: CriterionResult;
  /** The decisions effective on or before the date. */
  relevant: DisciplineRecord[];
  /** The last day each relevant decision bars (null: not known), in the same order. */
  ends: (string | null)[];
  /** The index in `relevant` of the first decision still barring on the date, -1 when none. */
  active: number;
  /** The relevant decisions whose period is not known. */
  unknown: DisciplineRecord[];
}

/**
 * Not within the period of a discipline decision on a date (Decree 172/2025 for cán bộ, công chức; the Law on
 * Public Employees Art. 56 (2019) and Decree 234/2026 for viên chức): a decision in effect by then and barring
 * that day fails; otherwise one whose period is not known is unknown.
 */
export function disciplineBarOn(records: readonly DisciplineRecord[], on: string, planBarMonths: Readonly<Record<string, number>>): DisciplineBar {
  const relevant = records.filter((d) => d.effectiveFrom <= on);
  const ends = relevant.map((d) => disciplineEnd(d, planBarMonths));
  const active = ends.findIndex((e) => e !== null && e >= on);
  const unknown = relevant.filter((_, i) => ends[i] === null);
  return { result: active >= 0 ? 'fail' : unknown.length ? 'unknown' : 'pass', relevant, ends, active, unknown };
}
