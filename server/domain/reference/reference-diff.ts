import { CRITERIA, type Criterion, type Verdict } from '../../../common/eligibility.js';
import type { ScreeningOutcome } from '../rules/screen-person.js';

/**
 * The pure pieces of the what-if of a reference table: who changes verdict between two screenings of the same
 * people, and which money lines move and by how much in total.
 */

export interface VerdictFlip {
  personId: string;
  before: Verdict;
  after: Verdict;
  /** The criteria whose result differs, in CRITERIA order. */
  criteria: Criterion[];
}

/** The people whose verdict differs between the two screenings (matched by person), with the criteria that moved. */
export function verdictFlips(before: readonly ScreeningOutcome[], after: readonly ScreeningOutcome[]): VerdictFlip[] {
  const byId = new Map(after.map((o) => [o.personId, o]));
  const out: VerdictFlip[] = [];
  for (const b of before) {
    const a = byId.get(b.personId);
    if (!a || a.verdict === b.verdict) continue;
    out.push({ personId: b.personId, before: b.verdict, after: a.verdict, criteria: CRITERIA.filter((_, i) => a.results[i] !== b.results[i]) });
  }
  return out;
}

/** How many people of each verdict: for the counts before and after. */
export function countVerdicts(all: readonly ScreeningOutcome[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of all) out[o.verdict] = (out[o.verdict] ?? 0) + 1;
  return out;
}

export interface MoneyLine {
  before: number | null;
  after: number | null;
}

/** The lines whose amount differs, and the total moved (a missing amount counts as nothing). */
export function moneyMoves<T extends MoneyLine>(lines: readonly T[]): { items: T[]; deltaVnd: number } {
  const items = lines.filter((l) => l.before !== l.after);
  return { items, deltaVnd: items.reduce((s, l) => s + (l.after ?? 0) - (l.before ?? 0), 0) };
}
