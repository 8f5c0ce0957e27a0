import type { Actor } from '../access/actor.js';
import { definePolicy, type Who } from '../access/policy.js';
import type { EnrolmentStatus } from '../../../common/training.js';
import { AppError } from '../errors.js';

/** The sending unit's head and personnel officer nominate their staff and follow them (Plan 131 IV.1.b). */
const UNIT: Who = [
  ['unit_manager', 'unit'],
  ['unit_hr', 'unit'],
];
/** Who records what happens after approval: Sở Nội vụ, and the unit. */
const FOLLOW_UP: Who = [['home_affairs', 'any'], ...UNIT];
const PROVINCE: Who = [
  ['home_affairs', 'province'],
  ['authority', 'province'],
];

/**
 * Training after the reorganisation: who reads the catalogue, needs, nominations and budgets (each scoped to what
 * they may see), who manages courses and budgets, who records needs and nominates.
 */
export const trainingPolicy = definePolicy<
  never,
  never,
  'read' | 'manageCourses' | 'recordNeed' | 'checkEligibility' | 'listEnrolments' | 'nominate' | 'manageBudgets' | 'overrideBudget' | 'reports'
>({
  resource: 'training',
  gates: {
    read: { who: [...PROVINCE, ...UNIT] },
    manageCourses: { who: [['home_affairs', 'province']] },
    recordNeed: { who: [['home_affairs', 'any'], ...UNIT] },
    checkEligibility: { who: [['home_affairs', 'any'], ...UNIT] },
    listEnrolments: { who: [...PROVINCE, ...UNIT, ['cadre', 'self']] },
    nominate: { who: UNIT },
    manageBudgets: { who: [['home_affairs', 'province']] },
    overrideBudget: { who: PROVINCE },
    reports: { who: PROVINCE },
  },
});

type EnrolmentPlace = { status: string; unitPath?: string[] };

/**
 * One enrolment (a nomination to a course): who takes each step in which status. The use cases check the
 * status with `stateAllows` (409 with the step's own message); the list sends `allowedActions` to the UI.
 */
export const enrolmentPolicy = definePolicy<
  EnrolmentPlace,
  'approve' | 'refuse' | 'enrol' | 'pay' | 'complete' | 'fail' | 'withdraw' | 'repay',
  'withinBudget' | 'overBudget',
  EnrolmentStatus
>({
  resource: 'enrolment',
  place: (e) => ({ unit: [e.unitPath ?? []] }),
  state: (e) => e.status,
  actions: {
    approve: {
      who: [
        ['home_affairs', 'any'],
        ['authority', 'any'],
      ],
      states: ['nominated'],
      outOfState: 'Chỉ phê duyệt được hồ sơ đang chờ duyệt.',
    },
    refuse: { who: [['home_affairs', 'any']], states: ['nominated'], outOfState: 'Chỉ từ chối được hồ sơ đang chờ duyệt.' },
    enrol: { who: FOLLOW_UP, states: ['approved'], outOfState: 'Chỉ ghi nhận nhập học cho hồ sơ đã được phê duyệt.' },
    pay: { who: FOLLOW_UP, states: ['approved', 'enrolled', 'completed', 'failed'], outOfState: 'Chỉ ghi nhận chi cho hồ sơ đã được phê duyệt.' },
    complete: { who: FOLLOW_UP, states: ['enrolled'], outOfState: 'Chỉ ghi nhận kết quả cho cán bộ đang học.' },
    fail: { who: FOLLOW_UP, states: ['enrolled'], outOfState: 'Chỉ ghi nhận không đạt cho cán bộ đang học.' },
    // a nomination not yet approved is withdrawn by the unit that made it
    withdraw: {
      who: FOLLOW_UP,
      states: ['nominated', 'approved', 'enrolled'],
      onlyBy: { nominated: ['unit_manager', 'unit_hr'] },
      outOfState: 'Hồ sơ này không thể rút.',
    },
    // computed once the person left; the page offers it once the course is over for them
    repay: {
      who: FOLLOW_UP,
      states: ['enrolled', 'completed', 'failed', 'withdrawn'],
      offerIf: (e) => e.status !== 'enrolled',
      outOfState: 'Cán bộ chưa đi học theo hồ sơ này: không có chi phí phải bồi hoàn.',
    },
  },
  gates: {
    /** Approving within the budget is Sở Nội vụ's. */
    withinBudget: { who: [['home_affairs', 'any']], noRoute: true },
    /** Beyond the budget only the authority decides, with a reason (approval or payment). */
    overBudget: { who: [['authority', 'any']] },
  },
});

/** The actions the actor may take on an enrolment in its status (the UI hides the others). */
export const enrolmentActions = (actor: Actor, e: { status: string; unitPath: string[] }): string[] => enrolmentPolicy.allowedActions(actor, e);

/** The sending unit's head or personnel officer covering the unit (nominates its staff). */
export const coversAsUnit = (actor: Actor, unitPath: string[]) => trainingPolicy.holds(actor, 'nominate', { unit: [unitPath] });

/** Refuses (409, with the step's message) a step on an enrolment not in a state that takes it. */
export function assertEnrolmentState(action: Parameters<typeof enrolmentPolicy.stateAllows>[0], e: EnrolmentPlace): void {
  if (!enrolmentPolicy.stateAllows(action, e)) throw new AppError('conflict', enrolmentPolicy.actions[action].outOfState!);
}
