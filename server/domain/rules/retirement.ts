import { addMonths, addDays, lastDayOfMonth } from '../../../common/dates.js';
import type { RuleContext } from './types.js';

type Schedule = RuleContext['retirementAges'];
export type Retirement = { reachedOn: string; retiresOn: string; ageMonths: number; instrument: string };

// a province has a few thousand distinct birth dates: each is worked out once per schedule
const memo = new WeakMap<Schedule, Map<string, Retirement | null>>();

function compute(gender: string, birthDate: string, schedule: Schedule): Retirement | null {
  const rows = schedule.filter((r) => r.gender === gender).sort((a, b) => a.fromYear - b.fromYear);
  if (rows.length === 0) return null;
  const ageIn = (year: number) => {
    let row = rows[0];
    for (const r of rows) if (r.fromYear <= year) row = r;
    return row;
  };
  const birthYear = Number(birthDate.slice(0, 4));
  // the age depends on the year it is reached, and that year on the age: the first year that holds wins
  for (let year = birthYear + Math.floor(rows[0].ageMonths / 12) - 1; year <= birthYear + 80; year++) {
    const row = ageIn(year);
    const reached = addMonths(birthDate, row.ageMonths);
    if (Number(reached.slice(0, 4)) <= year) {
      return { reachedOn: reached, retiresOn: addDays(lastDayOfMonth(reached), 1), ageMonths: row.ageMonths, instrument: row.instrument };
    }
  }
  return null;
}

/**
 * The date a person retires: the end of the month in which they reach the retirement age that applies in
 * the year they reach it (Labour Code 2019 Art. 169; Decree 135/2020/NĐ-CP Art. 4 and its schedule).
 * `retiresOn` is the first day without service (the day after that month ends).
 */
export function retirementDate(gender: string, birthDate: string, schedule: Schedule): Retirement | null {
  let byPerson = memo.get(schedule);
  if (!byPerson) memo.set(schedule, (byPerson = new Map()));
  const key = gender + birthDate;
  let r = byPerson.get(key);
  if (r === undefined) byPerson.set(key, (r = compute(gender, birthDate, schedule)));
  return r;
}

/** "60 tuổi 3 tháng" */
export function ageText(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return m ? `${y} tuổi ${m} tháng` : `${y} tuổi`;
}
