import { addMonths, addDays, lastDayOfMonth } from './dates.js';
import type { RuleContext } from './types.js';

/**
 * The date a person retires: the end of the month in which they reach the retirement age that applies in
 * the year they reach it (Labour Code 2019 Art. 169; Decree 135/2020/NĐ-CP Art. 4 and its schedule).
 * Returns the first day without service (the day after that month ends) and the age applied.
 */
export function retirementDate(gender: string, birthDate: string, schedule: RuleContext['retirementAges']) {
  const rows = schedule.filter((r) => r.gender === gender).sort((a, b) => a.fromYear - b.fromYear);
  if (rows.length === 0) return null;
  const birthYear = Number(birthDate.slice(0, 4));
  // the age depends on the year it is reached, and that year depends on the age: try each year in order
  for (let year = birthYear + Math.floor(rows[0].ageMonths / 12) - 1; year <= birthYear + 80; year++) {
    const row = [...rows].reverse().find((r) => r.fromYear <= year) ?? rows[0];
    const reached = addMonths(birthDate, row.ageMonths);
    if (Number(reached.slice(0, 4)) === year) {
      return { reachedOn: reached, retiresOn: addDays(lastDayOfMonth(reached), 1), ageMonths: row.ageMonths, instrument: row.instrument };
    }
    if (Number(reached.slice(0, 4)) < year) {
      // the age grew past the birthday within the year: retire when reached (a later year's age is higher still)
      return { reachedOn: reached, retiresOn: addDays(lastDayOfMonth(reached), 1), ageMonths: row.ageMonths, instrument: row.instrument };
    }
  }
  return null;
}

/** "60 tuổi 3 tháng" */
export function ageText(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return m ? `${y} tuổi ${m} tháng` : `${y} tuổi`;
}
