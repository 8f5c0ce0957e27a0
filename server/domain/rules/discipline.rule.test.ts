import { describe, expect, it } from 'vitest';
import { eligibleFacts, ruleContext } from '../../../test/support/rule-facts.js';
import { disciplineRule } from './discipline.rule.js';
import type { DisciplineRecord } from './record/discipline-bar.js';

const ART_56 = 'Luật Viên chức 2010, Điều 56 (sửa đổi 2019)';
const on = (date: string) => ruleContext({ referenceDate: date });
const judge = (d: DisciplineRecord, date: string) => disciplineRule(eligibleFacts({ category: 'vien_chuc', disciplines: [d] }), on(date));

describe('viên chức before 01/07/2026: Law on Public Employees Art. 56 (2019)', () => {
  // a reprimand effective 10/03/2025: 12 months, so barred to 09/03/2026 inclusive
  const kt: DisciplineRecord = { formCode: 'KT', decidedOn: '2025-03-05', effectiveFrom: '2025-03-10', effectiveTo: null, barMonths: 12, instrument: ART_56 };
  it('the 12th month of a reprimand: barred on its last day, free the day after, citing Art. 56', () => {
    const last = judge(kt, '2026-03-09');
    expect(last.result).toBe('fail');
    expect(last.reason).toContain('đến hết 09/03/2026');
    expect(last.clause).toContain(ART_56);
    expect(judge(kt, '2026-03-10').result).toBe('pass');
    expect(judge(kt, '2026-03-10').clause).toContain(ART_56);
  });
  it('the 24th month of a removal from post', () => {
    const cch = { ...kt, formCode: 'CCH', barMonths: 24 };
    expect(judge(cch, '2026-03-10').result).toBe('fail');
    expect(judge(cch, '2027-03-09').result).toBe('fail');
    expect(judge(cch, '2027-03-10').result).toBe('pass');
  });
  it('a month-end start clamps like the database does (31/08 + 12 months − 1 day)', () => {
    const end = { ...kt, effectiveFrom: '2024-08-31', decidedOn: '2024-08-30' };
    expect(judge(end, '2025-08-30').result).toBe('fail');
    expect(judge(end, '2025-08-31').result).toBe('pass');
  });
});

describe('a Party decision: the bar runs from its date (Decree 172/2025 Art. 2 cl. 9)', () => {
  const kt: DisciplineRecord = {
    formCode: 'KT',
    decidedOn: '2025-09-01',
    effectiveFrom: '2025-09-05',
    effectiveTo: null,
    partyDecidedOn: '2025-11-20',
    barMonths: 12,
    instrument: 'Nghị định 172/2025/NĐ-CP',
  };
  const cc = (d: DisciplineRecord, date: string) => disciplineRule(eligibleFacts({ category: 'cong_chuc', disciplines: [d] }), on(date));
  it('a Party decision later than the State decision moves the end: barred to 19/11/2026, free on 20/11/2026', () => {
    expect(cc({ ...kt, partyDecidedOn: null }, '2026-09-05').result).toBe('pass');
    const r = cc(kt, '2026-11-19');
    expect(r.result).toBe('fail');
    expect(r.reason).toContain('từ ngày quyết định kỷ luật của Đảng 20/11/2025');
    expect(r.clause).toContain('Điều 2 khoản 9');
    expect(r.clause).toContain('Nghị định 172/2025/NĐ-CP');
    expect(cc(kt, '2026-11-20').result).toBe('pass');
  });
  it('between the State decision and a later Party decision the person is already barred', () => {
    expect(cc(kt, '2025-10-01').result).toBe('fail');
  });
  it('a stated end of the decision still wins over the computed one', () => {
    expect(cc({ ...kt, effectiveTo: '2026-12-31' }, '2026-12-31').result).toBe('fail');
  });
});

describe('citations', () => {
  it('no record cites the bars of every category; an unsourced period says so through its row', () => {
    expect(disciplineRule(eligibleFacts(), on('2026-11-26')).clause).toMatch(/172\/2025.*Điều 56.*234\/2026/);
    const old: DisciplineRecord = {
      formCode: 'GC',
      decidedOn: '2024-01-10',
      effectiveFrom: '2024-01-15',
      effectiveTo: null,
      barMonths: 18,
      instrument: 'Nghị định 112/2020/NĐ-CP (thời hạn theo hình thức chưa có căn cứ văn bản, là tham số)',
    };
    const r = disciplineRule(eligibleFacts({ category: 'cong_chuc', disciplines: [old] }), on('2025-07-01'));
    expect(r.result).toBe('fail');
    expect(r.clause).toContain('chưa có căn cứ');
  });
});
