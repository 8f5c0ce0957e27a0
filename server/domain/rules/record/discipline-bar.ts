import type { CriterionResult } from '../../../../common/eligibility.js';
import { addDays, addMonths } from '../../../../common/dates.js';

/** A discipline decision on the person's record. */
export interface DisciplineRecord {
  formCode: string;
  decidedOn: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** The form's bar period in the dated table in force when it was decided; null when not known. */
  barMonths: number | null;
  instrument: string | null;
}

/**
 * The last day a discipline bars the person: its stated end, or its start plus the bar period (the plan's own
 * period for the form where it sets one, else the form's), less a day; null when no period is known.
 */
export function disciplineEnd(d: DisciplineRecord, planBarMonths: Readonly<Record<string, number>>): string | null {
  if (d.effectiveTo) return d.effectiveTo;
  const months = planBarMonths[d.formCode] ?? d.barMonths;
  if (months === null || months === undefined) return null;
  return addDays(addMonths(d.effectiveFrom, months), -1);
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
 * Not within the period of a discipline decision on a date (Decree 172/2025 for cán bộ, công chức; Decree 112/2020
 * and 234/2026 for viên chức): a decision barring that day fails; otherwise one whose period is not known is unknown.
 */
export function disciplineBarOn(records: readonly DisciplineRecord[], on: string, planBarMonths: Readonly<Record<string, number>>): DisciplineBar {
  const relevant = records.filter((d) => d.effectiveFrom <= on);
  const ends = relevant.map((d) => disciplineEnd(d, planBarMonths));
  const active = ends.findIndex((e) => e !== null && e >= on);
  const unknown = relevant.filter((_, i) => ends[i] === null);
  return { result: active >= 0 ? 'fail' : unknown.length ? 'unknown' : 'pass', relevant, ends, active, unknown };
}
