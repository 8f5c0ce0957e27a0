import { describe, expect, it } from 'vitest';
import { checkDuration, reportSchedule } from './secondment-term.js';
import { endDateOf } from '../../../common/dates.js';
import { comparePlacement, placementLowerReasons } from './placement-not-lower.js';
import { extraStepOnReturn } from './pay/salary-steps.js';
import { PLAN_131_PARAMS } from '../../../common/plan-params.js';
import type { PostSnapshot } from '../../../common/schemas/secondment.js';

describe('the term of a secondment', () => {
  it('ends the day before the same date 36 months later: the 36th month is served in full', () => {
    expect(endDateOf('2025-08-01', 36)).toBe('2028-07-31');
    expect(endDateOf('2025-08-15', 36)).toBe('2028-08-14');
    expect(endDateOf('2026-02-28', 12)).toBe('2027-02-27');
    expect(endDateOf('2024-02-29', 36)).toBe('2027-02-27'); // 29/02 + 36 months = 28/02/2027, minus one day
  });
  it('refuses a duration below the plan minimum unless recorded as a special case', () => {
    expect(checkDuration(36, null, PLAN_131_PARAMS, '131/KH-UBND', 'x')).toEqual([]);
    expect(checkDuration(35, null, PLAN_131_PARAMS, '131/KH-UBND', 'x')[0].message).toMatch(/ít nhất 36 tháng \(Kế hoạch 131\/KH-UBND, mục III\.1\.c/);
    expect(checkDuration(35, '   ', PLAN_131_PARAMS, '131/KH-UBND', 'x')).toHaveLength(1);
    expect(checkDuration(24, 'Yêu cầu của địa phương', PLAN_131_PARAMS, '131/KH-UBND', 'x')).toEqual([]);
    expect(checkDuration(24, null, { minSecondmentMonths: 24 }, '04/KH-UBND', 'x')).toEqual([]);
  });
  it('schedules a report every period of the plan, the last cut at the end date, due after the grace days', () => {
    const r = reportSchedule('2025-08-01', '2028-07-31', PLAN_131_PARAMS);
    expect(r).toHaveLength(6);
    expect(r[0]).toEqual({ periodNo: 1, periodFrom: '2025-08-01', periodTo: '2026-01-31', dueOn: '2026-02-10' });
    expect(r[5]).toMatchObject({ periodNo: 6, periodFrom: '2028-02-01', periodTo: '2028-07-31' });
    const short = reportSchedule('2025-08-01', '2026-03-15', PLAN_131_PARAMS);
    expect(short.map((x) => x.periodTo)).toEqual(['2026-01-31', '2026-03-15']);
    expect(reportSchedule('2025-08-01', '2026-01-31', PLAN_131_PARAMS, 2)).toEqual([]);
  });
});

const post = (o: Partial<PostSnapshot>): PostSnapshot => ({
  unitId: 'u',
  unitName: 'Sở',
  jobPostId: null,
  positionTitle: 'Phó Trưởng phòng',
  isLeader: true,
  leadershipAllowanceCoef: '0.40',
  rankCode: '01.003',
  salaryStep: 3,
  salaryCoefficient: '3.00',
  ...o,
});

describe('placement on return is not lower than the reserved post', () => {
  it('accepts the same or a higher leadership post', () => {
    expect(placementLowerReasons(post({}), { isLeader: true, leadershipAllowanceCoef: 0.4 })).toEqual([]);
    expect(placementLowerReasons(post({}), { isLeader: true, leadershipAllowanceCoef: '0.60' })).toEqual([]);
    expect(placementLowerReasons(post({ isLeader: false, leadershipAllowanceCoef: null }), { isLeader: false })).toEqual([]);
  });
  it('refuses a non-leader post for a leader, or a lower allowance', () => {
    expect(placementLowerReasons(post({}), { isLeader: false, leadershipAllowanceCoef: null })).toHaveLength(2);
    const r = placementLowerReasons(post({}), { isLeader: true, leadershipAllowanceCoef: 0.3 });
    expect(r).toEqual(['Hệ số phụ cấp chức vụ của vị trí bố trí (0.30) thấp hơn vị trí được bảo lưu (0.40).']);
  });
  it('compares the rank tier (A3 > A2 > A1 > A0 > B > C) and the salary coefficient too', () => {
    const reserved = {
      ...post({ isLeader: false, leadershipAllowanceCoef: null, rankCode: '01.002', salaryCoefficient: '4.74' }),
      rankName: 'Chuyên viên chính',
      rankGrade: 'A2',
    };
    const asCanSu = { isLeader: false, rankCode: '01.004', rankName: 'Cán sự', rankGrade: 'A0', salaryCoefficient: '3.34' };
    expect(placementLowerReasons(reserved, asCanSu)).toEqual([
      'Ngạch của vị trí bố trí (Cán sự (loại A0)) thấp hơn ngạch khi được cử (Chuyên viên chính (loại A2)).',
      'Hệ số lương của vị trí bố trí (3.34) thấp hơn khi được cử (4.74).',
    ]);
    // a higher grade with a lower step's coefficient is still lower on the coefficient
    expect(placementLowerReasons(reserved, { ...asCanSu, rankGrade: 'A3', salaryCoefficient: '4.73' })).toEqual([
      'Hệ số lương của vị trí bố trí (4.73) thấp hơn khi được cử (4.74).',
    ]);
    // same grade, same coefficient, another job post: not lower, shown as a change
    const other = {
      isLeader: false,
      jobPostId: 'jp-2',
      positionTitle: 'Chuyên viên chính tổng hợp',
      rankCode: '06.030',
      rankGrade: 'A2',
      salaryCoefficient: '4.74',
    };
    expect(placementLowerReasons({ ...reserved, jobPostId: 'jp-1' }, other)).toEqual([]);
    expect(comparePlacement({ ...reserved, jobPostId: 'jp-1' }, other).map((l) => [l.aspect, l.outcome])).toEqual([
      ['leadership', 'same'],
      ['allowance', 'same'],
      ['rank', 'same'],
      ['salary', 'same'],
      ['job_post', 'unknown'],
    ]);
    expect(placementLowerReasons(reserved, { ...asCanSu, rankGrade: 'A2', salaryCoefficient: '5.08' })).toEqual([]);
    // every grade below is lower than the one above
    const grades = ['A3', 'A2', 'A1', 'A0', 'B', 'C'];
    for (let i = 1; i < grades.length; i++) {
      expect(
        placementLowerReasons({ isLeader: false, rankCode: 'x', rankGrade: grades[i - 1] }, { isLeader: false, rankCode: 'y', rankGrade: grades[i] }),
      ).toHaveLength(1);
    }
  });
});

describe('one extra salary step on completing the task well', () => {
  const steps = ['2.34', '2.67', '3.00', '3.33'];
  it('moves one step up with the next coefficient', () => {
    expect(extraStepOnReturn({ completedWell: true, salaryStep: 3, steps })).toMatchObject({ granted: true, stepAfter: 4, coefficientAfter: '3.33' });
  });
  it('not at the last step, not without completing well, not without the rank data', () => {
    expect(extraStepOnReturn({ completedWell: true, salaryStep: 4, steps })).toMatchObject({ granted: false, reason: expect.stringMatching(/bậc cuối/) });
    expect(extraStepOnReturn({ completedWell: false, salaryStep: 1, steps }).granted).toBe(false);
    expect(extraStepOnReturn({ completedWell: true, salaryStep: null, steps }).granted).toBe(false);
  });
});
