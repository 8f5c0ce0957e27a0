import { describe, expect, it } from 'vitest';
import { disciplineBarOn, disciplineEnd, type DisciplineRecord } from './discipline-bar.js';
import { judgeRatingsWindow, yearsConsidered } from './ratings-window.js';

const LEVELS = new Map([
  ['HTXS', { rank: 1, name: 'Hoàn thành xuất sắc nhiệm vụ' }],
  ['HTT', { rank: 2, name: 'Hoàn thành tốt nhiệm vụ' }],
  ['HT', { rank: 3, name: 'Hoàn thành nhiệm vụ' }],
]);

describe('the ratings window', () => {
  it('is the completed years before the reference year, however late in the year', () => {
    expect(yearsConsidered('2026-01-01', 2)).toEqual([2024, 2025]);
    expect(yearsConsidered('2026-12-31', 1)).toEqual([2025]);
  });
  it('passes at the lowest accepted level, fails one rank below', () => {
    const ratings: Record<number, string> = { 2024: 'HTT', 2025: 'HTXS' };
    expect(judgeRatingsWindow([2024, 2025], (y) => ratings[y], LEVELS, 'HTT')).toMatchObject({ result: 'pass', minName: 'Hoàn thành tốt nhiệm vụ' });
    const low = judgeRatingsWindow([2024, 2025], (y) => ({ 2024: 'HT', 2025: 'HTT' })[y], LEVELS, 'HTT');
    expect(low).toMatchObject({ result: 'fail', below: ['2024: Hoàn thành nhiệm vụ'] });
  });
  it('a missing year or an unknown level is unknown, never a pass; a year below still fails', () => {
    const w = judgeRatingsWindow([2023, 2024, 2025], (y) => ({ 2023: 'ZZ', 2025: 'HTT' })[y], LEVELS, 'HTT');
    expect(w).toMatchObject({ result: 'unknown', missing: [2024], unknownLevels: ['2023: ZZ'], incomplete: [2023, 2024] });
    expect(judgeRatingsWindow([2024, 2025], (y) => ({ 2024: 'HT' })[y], LEVELS, 'HTT').result).toBe('fail');
    // the lowest accepted level not in the code list: nothing can be judged
    expect(judgeRatingsWindow([2025], () => 'HTXS', LEVELS, 'XX')).toMatchObject({ result: 'unknown', minName: 'XX', incomplete: [2025] });
  });
});

describe('the discipline bar', () => {
  const kt = (o: Partial<DisciplineRecord> = {}): DisciplineRecord => ({
    formCode: 'KT',
    decidedOn: '2025-11-20',
    effectiveFrom: '2025-11-27',
    effectiveTo: null,
    barMonths: 12,
    instrument: null,
    ...o,
  });
  it('bars until the day before the same date a bar period later: the last day fails, the next passes', () => {
    expect(disciplineEnd(kt(), {})).toBe('2026-11-26');
    expect(disciplineBarOn([kt()], '2026-11-26', {})).toMatchObject({ result: 'fail', active: 0 });
    expect(disciplineBarOn([kt()], '2026-11-27', {})).toMatchObject({ result: 'pass', active: -1 });
  });
  it('takes a stated end first, then the plan’s own period for the form, then the form’s', () => {
    expect(disciplineEnd(kt({ effectiveTo: '2026-01-31' }), { KT: 6 })).toBe('2026-01-31');
    expect(disciplineEnd(kt(), { KT: 6 })).toBe('2026-05-26');
    expect(disciplineEnd(kt({ formCode: 'CC', barMonths: null }), { KT: 6 })).toBeNull();
  });
  it('a decision not yet in effect is not counted; one of unknown period is unknown unless another bars', () => {
    expect(disciplineBarOn([kt({ effectiveFrom: '2027-01-01' })], '2026-12-01', {})).toMatchObject({ result: 'pass', relevant: [] });
    const open = kt({ formCode: 'XX', barMonths: null });
    expect(disciplineBarOn([open], '2026-12-01', {})).toMatchObject({ result: 'unknown', unknown: [open] });
    expect(disciplineBarOn([open, kt()], '2026-11-26', {})).toMatchObject({ result: 'fail', active: 1 });
  });
});
