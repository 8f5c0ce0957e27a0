import { describe, expect, it } from 'vitest';
import { eligibleFacts, ruleContext } from '../../../test/support/rule-facts.js';
import { proceedingsRule } from './proceedings.rule.js';
import { circumstancesRule } from './circumstances.rule.js';
import { screenPerson } from './screen-person.js';
import { thirdBirthday, type CircumstanceRecord, type ProceedingRecord } from './record/exclusions.js';
import { CIRCUMSTANCES_CLAUSE, PROCEEDINGS_CLAUSE } from '../../../common/exclusions.js';

const on = (referenceDate: string) => ruleContext({ referenceDate });
const proceeding = (over: Partial<ProceedingRecord> = {}): ProceedingRecord => ({
  kind: 'discipline_case',
  openedOn: '2026-10-01',
  closedOn: null,
  documentNo: '12/QĐ-UBKT',
  ...over,
});
const circumstance = (over: Partial<CircumstanceRecord> = {}): CircumstanceRecord => ({
  kind: 'serious_illness',
  fromDate: '2026-01-01',
  toDate: null,
  childBirthDate: null,
  consentOn: null,
  ...over,
});

describe('proceedings.rule (Law 80/2025 Art. 38 cl. 2; Decree 170/2025 Art. 25 cl. 5)', () => {
  it('passes when nothing is recorded, saying so, and cites the law', () => {
    const v = proceedingsRule(eligibleFacts(), ruleContext());
    expect(v.result).toBe('pass');
    expect(v.reason).toBe('Không có vụ việc đang xem xét, điều tra, truy tố, xét xử được ghi nhận');
    expect(v.clause).toBe(PROCEEDINGS_CLAUSE);
    expect(v.clause).toContain('80/2025/QH15, Điều 38 khoản 2');
  });
  it('fails while a case is open, from the day it opens, naming it', () => {
    const f = eligibleFacts({ proceedings: [proceeding({ openedOn: '2026-11-26' })] });
    const v = proceedingsRule(f, on('2026-11-26'));
    expect(v.result).toBe('fail');
    expect(v.reason).toContain('Đang xem xét kỷ luật (từ 26/11/2026, văn bản 12/QĐ-UBKT');
    expect(proceedingsRule(f, on('2026-11-25')).result).toBe('pass');
    expect(screenPerson(f, on('2026-11-26')).verdict).toBe('not_eligible');
  });
  it('a case closed on the reference date no longer bars; the day before it still does', () => {
    const f = eligibleFacts({ proceedings: [proceeding({ closedOn: '2026-11-26' })] });
    expect(proceedingsRule(f, on('2026-11-25')).result).toBe('fail');
    expect(proceedingsRule(f, on('2026-11-26')).result).toBe('pass');
  });
  it('every kind bars: investigation, prosecution, trial, inspection', () => {
    for (const kind of ['investigation', 'prosecution', 'trial', 'inspection'] as const) {
      const v = proceedingsRule(eligibleFacts({ proceedings: [proceeding({ kind })] }), ruleContext());
      expect(v.result, kind).toBe('fail');
    }
  });
});

describe('circumstances.rule (Decree 170/2025 Art. 25 cl. 5 via Art. 26 cl. 7)', () => {
  it('passes with none recorded, and cites the decree', () => {
    const v = circumstancesRule(eligibleFacts(), ruleContext());
    expect(v.result).toBe('pass');
    expect(v.clause).toBe(CIRCUMSTANCES_CLAUSE);
  });
  it('serious illness, long-term study and family hardship bar, even with consent', () => {
    for (const kind of ['serious_illness', 'long_term_study', 'family_hardship'] as const) {
      const v = circumstancesRule(eligibleFacts({ circumstances: [circumstance({ kind, consentOn: '2026-10-01' })] }), ruleContext());
      expect(v.result, kind).toBe('fail');
    }
  });
  it('is in force from its first day to its last (inclusive)', () => {
    const f = eligibleFacts({ circumstances: [circumstance({ kind: 'long_term_study', fromDate: '2026-11-26', toDate: '2027-06-30' })] });
    expect(circumstancesRule(f, on('2026-11-25')).result).toBe('pass');
    expect(circumstancesRule(f, on('2026-11-26')).result).toBe('fail');
    expect(circumstancesRule(f, on('2027-06-30')).result).toBe('fail');
    expect(circumstancesRule(f, on('2027-07-01')).result).toBe('pass');
  });
  it('pregnancy and maternity leave bar unless consent is recorded on or before the date', () => {
    for (const kind of ['pregnancy', 'maternity_leave'] as const) {
      const f = eligibleFacts({ circumstances: [circumstance({ kind, consentOn: '2026-11-26' })] });
      expect(circumstancesRule(f, on('2026-11-25')).result, kind).toBe('fail');
      const v = circumstancesRule(f, on('2026-11-26'));
      expect(v.result, kind).toBe('pass');
      expect(v.reason).toContain('đã đồng ý đi tăng cường ngày 26/11/2026');
    }
  });
  it('a child is under 36 months until the day before the third birthday', () => {
    expect(thirdBirthday('2023-11-26')).toBe('2026-11-26');
    expect(thirdBirthday('2024-02-29')).toBe('2027-02-28');
    const f = eligibleFacts({ circumstances: [circumstance({ kind: 'child_under_36_months', fromDate: '2023-11-26', childBirthDate: '2023-11-26' })] });
    const dayBefore = circumstancesRule(f, on('2026-11-25'));
    expect(dayBefore.result).toBe('fail');
    expect(dayBefore.reason).toContain('đủ 36 tháng ngày 26/11/2026');
    expect(circumstancesRule(f, on('2026-11-26')).result).toBe('pass');
  });
  it('a child born on 29/02 turns three on 28/02', () => {
    const f = eligibleFacts({ circumstances: [circumstance({ kind: 'child_under_36_months', fromDate: '2024-02-29', childBirthDate: '2024-02-29' })] });
    expect(circumstancesRule(f, on('2027-02-27')).result).toBe('fail');
    expect(circumstancesRule(f, on('2027-02-28')).result).toBe('pass');
  });
  it("a child's record without the birth date needs information, unless the person agreed", () => {
    const f = eligibleFacts({ circumstances: [circumstance({ kind: 'child_under_36_months' })] });
    expect(circumstancesRule(f, ruleContext()).result).toBe('unknown');
    expect(screenPerson(f, ruleContext()).verdict).toBe('needs_info');
    const agreed = eligibleFacts({ circumstances: [circumstance({ kind: 'child_under_36_months', consentOn: '2026-01-05' })] });
    expect(circumstancesRule(agreed, ruleContext()).result).toBe('pass');
  });
  it('a consented child does not hide another circumstance that bars', () => {
    const f = eligibleFacts({
      circumstances: [
        circumstance({ kind: 'child_under_36_months', childBirthDate: '2025-05-01', consentOn: '2026-01-05' }),
        circumstance({ kind: 'family_hardship' }),
      ],
    });
    const v = circumstancesRule(f, ruleContext());
    expect(v.result).toBe('fail');
    expect(v.reason).toContain('Hoàn cảnh gia đình đặc biệt khó khăn');
  });
});
