import { describe, expect, it } from 'vitest';
import { allowedActions, readsProposal } from './secondment.policy.js';
import type { Actor } from '../access/actor.js';
import type { Role } from '../../../common/enums.js';
import type { SecondmentRow } from '../../db/repositories/secondment.repository.js';
import { SECONDMENT_STATUSES } from '../../../common/secondment.js';

/**
 * The transition table state by state and role by role: what each role may do on a secondment of its scope in
 * each state (the HTTP tests check the same refusals end to end; this is the whole matrix).
 */
const ROOT = 'root';
const DEPT = 'dept-a';
const OTHER = 'dept-b';
const HOST = 'commune-1';
const PERSON = 'person-1';

const row = (status: string, o: Partial<SecondmentRow> = {}): SecondmentRow => ({
  id: 's1',
  personId: PERSON,
  fullName: 'Nguyễn Văn A',
  sendingUnitId: DEPT,
  hostUnitId: HOST,
  status,
  targetGroup: 1,
  suggestedRole: null,
  remarks: null,
  eligibleAtProposal: true,
  justification: null,
  proposedBy: 'someone',
  appraisedBy: null,
  decisionId: null,
  decisionNo: null,
  durationMonths: 36,
  startDate: '2025-08-01',
  endDate: '2028-07-31',
  actualEndDate: null,
  reservedPost: null,
  version: 1,
  personUnitId: DEPT,
  personUnitPath: [ROOT, DEPT],
  sendingUnitPath: [ROOT, DEPT],
  hostUnitPath: [ROOT, HOST],
  hostUnitKind: 'commune',
  ...o,
});
const actor = (role: Role, unitId: string | null, personId: string | null = null): Actor => ({
  userId: 'u-' + role,
  username: role,
  displayName: role,
  personId,
  grants: [{ role, unitId }],
});
const ROLES: Record<string, Actor> = {
  home_affairs: actor('home_affairs', null),
  authority: actor('authority', null),
  unit_hr: actor('unit_hr', DEPT),
  unit_manager: actor('unit_manager', DEPT),
  host: actor('host', HOST),
  cadre: actor('cadre', null, PERSON),
  admin: actor('admin', null),
  unit_hr_other: actor('unit_hr', OTHER),
  host_other: actor('host', 'commune-2'),
};

const BEFORE_END = '2026-11-26';
const AFTER_END = '2028-08-01';
// state → role → allowed steps (in the order the page shows them)
const EXPECTED: Record<string, Record<string, string[]>> = {
  proposed: { home_affairs: ['forward', 'send_back', 'record_party_opinion'], unit_hr: ['withdraw'], unit_manager: ['withdraw'] },
  sent_back: { unit_hr: ['resubmit', 'withdraw'], unit_manager: ['resubmit', 'withdraw'] },
  appraised: { home_affairs: ['record_party_opinion'], authority: ['send_back', 'decide', 'reject'] },
  decided: { host: ['receive'], unit_hr: ['log_contact'], unit_manager: ['log_contact'] },
  active: {
    home_affairs: ['request_report'],
    authority: ['extend', 'end_early'],
    unit_hr: ['log_contact', 'review_self'],
    unit_manager: ['log_contact', 'review_self'],
    host: ['request_report', 'evaluate', 'review_host'],
    cadre: ['submit_report', 'review_self'],
  },
  completed: {
    unit_hr: ['place', 'log_contact', 'review_self'],
    unit_manager: ['place', 'log_contact', 'review_self'],
    host: ['evaluate', 'review_host'],
    cadre: ['submit_report', 'review_self'],
  },
  ended_early: {
    unit_hr: ['place', 'log_contact', 'review_self'],
    unit_manager: ['place', 'log_contact', 'review_self'],
    host: ['evaluate', 'review_host'],
    cadre: ['submit_report', 'review_self'],
  },
  returned: { unit_hr: ['record_commendation', 'record_follow_up'], unit_manager: ['record_commendation', 'record_follow_up'] },
  withdrawn: {},
  rejected: {},
};

describe('who may take which step, in each state', () => {
  for (const status of SECONDMENT_STATUSES) {
    for (const [name, a] of Object.entries(ROLES)) {
      it(`${status} × ${name}`, () => {
        expect(allowedActions(a, row(status), BEFORE_END)).toEqual(EXPECTED[status][name] ?? []);
      });
    }
  }
  it('the end of the term may be recorded only once the end date has passed', () => {
    expect(allowedActions(ROLES.unit_hr, row('active'), BEFORE_END)).not.toContain('complete');
    expect(allowedActions(ROLES.unit_hr, row('active'), '2028-07-31')).not.toContain('complete');
    expect(allowedActions(ROLES.unit_hr, row('active'), AFTER_END)).toContain('complete');
    expect(allowedActions(ROLES.home_affairs, row('active'), AFTER_END)).toContain('complete');
    expect(allowedActions(ROLES.host, row('active'), AFTER_END)).not.toContain('complete');
  });
  it('a sub-unit officer of the sending department acts for the people of its sub-unit', () => {
    const sub = actor('unit_hr', 'sub-a');
    expect(allowedActions(sub, row('sent_back', { personUnitPath: [ROOT, DEPT, 'sub-a'] }), BEFORE_END)).toEqual(['resubmit', 'withdraw']);
    expect(allowedActions(sub, row('sent_back'), BEFORE_END)).toEqual([]);
  });
});

describe('the inside of the proposal', () => {
  it('is read by Sở Nội vụ, the authority, the sending unit and the cadre, not by the host', () => {
    for (const name of ['home_affairs', 'authority', 'unit_hr', 'unit_manager', 'cadre']) expect(readsProposal(ROLES[name], row('active'))).toBe(true);
    for (const name of ['host', 'admin', 'unit_hr_other', 'host_other']) expect(readsProposal(ROLES[name], row('active'))).toBe(false);
  });
});
