import { describe, expect, it } from 'vitest';
import { changedPeriod, editableOf, mergeDraft, rowKeyOf, stableJson } from './reference-draft.js';
import { countVerdicts, moneyMoves, verdictFlips } from './reference-diff.js';
import { DECREE_171_2025 } from '../../../common/training.js';
import type { ScreeningOutcome } from '../rules/screen-person.js';
import { CRITERIA } from '../../../common/eligibility.js';

const TODAY = '2026-12-03';
const KT_172 = {
  code: 'KT',
  name: 'Khiển trách',
  appliesTo: ['can_bo', 'cong_chuc'],
  barMonths: 12,
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  instrument: 'Nghị định 172/2025/NĐ-CP',
};

describe('a draft row against the row of its key and today', () => {
  it('a new row from today on is an insert, recording the instrument of the change', () => {
    const m = mergeDraft({ table: 'base_salaries', effectiveFrom: '2027-07-01', amountVnd: 2_800_000 }, null, TODAY, 'Nghị định 1/2027/NĐ-CP');
    expect(m.issues).toEqual([]);
    expect(m.action).toBe('insert');
    expect(m.row).toEqual({ effectiveFrom: '2027-07-01', amountVnd: 2_800_000, instrument: 'Nghị định 1/2027/NĐ-CP' });
  });
  it('a new row starting yesterday is refused; one starting today is not', () => {
    expect(mergeDraft({ table: 'allowance_multipliers', effectiveFrom: '2026-12-02', multiplier: 12 }, null, TODAY, 'X').issues[0].path).toBe('draft.effectiveFrom');
    expect(mergeDraft({ table: 'allowance_multipliers', effectiveFrom: TODAY, multiplier: 12 }, null, TODAY, 'X').issues).toEqual([]);
  });
  it('a new row must give its values', () => {
    const m = mergeDraft({ table: 'base_salaries', effectiveFrom: '2027-07-01' }, null, TODAY, 'X');
    expect(m.issues).toEqual([{ path: 'draft.amountVnd', message: 'Nhập mức lương cơ sở (đồng/tháng)' }]);
  });
  it('a row in force before today: a value change is refused, an end date from yesterday on is a close', () => {
    const changed = mergeDraft({ table: 'discipline_forms', code: 'KT', effectiveFrom: '2025-07-01', barMonths: 24 }, KT_172, TODAY, 'X');
    expect(changed.issues[0].message).toMatch(/không được sửa: chỉ được kết thúc hiệu lực/);
    const closed = mergeDraft({ table: 'discipline_forms', code: 'KT', effectiveFrom: '2025-07-01', effectiveTo: '2026-12-02' }, KT_172, TODAY, 'Nghị định mới');
    expect(closed.issues).toEqual([]);
    expect(closed.action).toBe('close');
    // closing keeps the row's own instrument
    expect(closed.row.instrument).toBe('Nghị định 172/2025/NĐ-CP');
    const backwards = mergeDraft({ table: 'discipline_forms', code: 'KT', effectiveFrom: '2025-07-01', effectiveTo: '2026-12-01' }, KT_172, TODAY, 'X');
    expect(backwards.issues[0].message).toMatch(/Ngày hết hiệu lực sớm nhất là 02\/12\/2026/);
  });
  it('a row of a table without end dates in force before today cannot change at all', () => {
    const m = mergeDraft(
      { table: 'base_salaries', effectiveFrom: '2024-07-01', amountVnd: 2_400_000 },
      { effectiveFrom: '2024-07-01', amountVnd: 2_340_000, instrument: 'NĐ 73' },
      TODAY,
      'X',
    );
    expect(m.issues[0].message).toMatch(/thêm dòng mới có hiệu lực từ ngày đó/);
  });
  it('a row not yet in force may be corrected (update), and the same values are refused as no change', () => {
    const future = { effectiveFrom: '2027-07-01', amountVnd: 2_800_000, instrument: 'NĐ 1' };
    expect(mergeDraft({ table: 'base_salaries', effectiveFrom: '2027-07-01', amountVnd: 2_810_000 }, future, TODAY, 'NĐ 2').action).toBe('update');
    expect(mergeDraft({ table: 'base_salaries', effectiveFrom: '2027-07-01', amountVnd: 2_800_000 }, future, TODAY, 'NĐ 2').issues[0].path).toBe('draft');
  });
  it('a new discipline form takes its name from the defaults; an end before the start is refused', () => {
    const m = mergeDraft(
      { table: 'discipline_forms', code: 'KT', appliesTo: ['vien_chuc'], barMonths: 12, effectiveFrom: '2027-01-01', effectiveTo: '2026-12-31' },
      null,
      TODAY,
      'X',
      {
        name: 'Khiển trách',
      },
    );
    expect(m.row.name).toBe('Khiển trách');
    expect(m.issues.map((i) => i.path)).toEqual(['draft.effectiveTo']);
  });
  it('training rules are checked against the regulation schema and carry the instrument', () => {
    const { instrument: _, ...params } = DECREE_171_2025;
    const ok = mergeDraft({ table: 'training_regulations', category: 'vien_chuc', effectiveFrom: '2027-01-01', params }, null, TODAY, 'Nghị định 9/2027/NĐ-CP');
    expect(ok.issues).toEqual([]);
    expect((ok.row.params as { instrument: string }).instrument).toBe('Nghị định 9/2027/NĐ-CP');
    const bad = mergeDraft(
      { table: 'training_regulations', category: 'vien_chuc', effectiveFrom: '2027-01-01', params: { ...params, commitmentMultiplier: 0 } },
      null,
      TODAY,
      'X',
    );
    expect(bad.issues.map((i) => i.path)).toEqual(['draft.params.commitmentMultiplier']);
  });
});

describe('the period a change governs', () => {
  const rows = [
    { effectiveFrom: '2024-07-01', amountVnd: 1, instrument: 'a' },
    { effectiveFrom: '2027-07-01', amountVnd: 2, instrument: 'b' },
    { effectiveFrom: '2028-01-01', amountVnd: 3, instrument: 'c' },
  ];
  it('a dated row runs until the day before the next one', () => {
    const m = mergeDraft({ table: 'base_salaries', effectiveFrom: '2027-07-01', amountVnd: 2 }, null, TODAY, 'b');
    expect(changedPeriod('base_salaries', m, rows)).toEqual({ from: '2027-07-01', to: '2027-12-31' });
  });
  it('a closed row stops from the day after its new end', () => {
    const m = mergeDraft({ table: 'discipline_forms', code: 'KT', effectiveFrom: '2025-07-01', effectiveTo: '2026-12-31' }, KT_172, TODAY, 'X');
    expect(changedPeriod('discipline_forms', m, [])).toEqual({ from: '2027-01-01', to: null });
  });
  it('which rows may change: from today fully, in force only closed, ended or dateless past rows not at all', () => {
    expect(editableOf('base_salaries', rows[1], TODAY)).toBe('full');
    expect(editableOf('base_salaries', rows[0], TODAY)).toBe('none');
    expect(editableOf('discipline_forms', KT_172, TODAY)).toBe('close');
    expect(editableOf('discipline_forms', { ...KT_172, effectiveTo: '2026-06-30' }, TODAY)).toBe('none');
  });
  it('keys and stable JSON', () => {
    expect(rowKeyOf('discipline_forms', KT_172)).toEqual({ code: 'KT', effectiveFrom: '2025-07-01' });
    expect(stableJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(stableJson({ a: [1, { c: 3, d: 2 }], b: 1 }));
  });
});

const outcome = (personId: string, verdict: ScreeningOutcome['verdict'], discipline: 'pass' | 'fail' | 'unknown'): ScreeningOutcome => ({
  personId,
  verdict,
  results: CRITERIA.map((c) => (c === 'discipline' ? discipline : 'pass')),
  targetGroup: 1,
  score: null,
});

describe('diff of two screenings and of money lines', () => {
  it('lists only the people whose verdict changes, with the criteria that moved', () => {
    const before = [outcome('a', 'eligible', 'pass'), outcome('b', 'eligible', 'pass'), outcome('c', 'not_eligible', 'fail')];
    const after = [outcome('c', 'needs_info', 'unknown'), outcome('a', 'not_eligible', 'fail'), outcome('b', 'eligible', 'pass')];
    expect(verdictFlips(before, after)).toEqual([
      { personId: 'a', before: 'eligible', after: 'not_eligible', criteria: ['discipline'] },
      { personId: 'c', before: 'not_eligible', after: 'needs_info', criteria: ['discipline'] },
    ]);
    expect(countVerdicts(after)).toEqual({ needs_info: 1, not_eligible: 1, eligible: 1 });
  });
  it('keeps the lines that move and totals the difference, a missing amount counting as nothing', () => {
    const r = moneyMoves([
      { id: 'x', before: 25_300_000, after: 28_000_000 },
      { id: 'y', before: 100, after: 100 },
      { id: 'z', before: null, after: 5 },
    ]);
    expect(r.items.map((i) => i.id)).toEqual(['x', 'z']);
    expect(r.deltaVnd).toBe(2_700_005);
  });
});
