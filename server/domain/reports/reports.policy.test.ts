import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../access/actor.js';
import { AppError } from '../errors.js';
import { reportsPolicy } from './reports.policy.js';

const actor = (...grants: RoleGrant[]): Actor => ({ userId: 'u', username: 'u', displayName: 'U', personId: null, grants });
const DEPT = ['root', 'dept'];
const province = { unitPath: null, status: 'draft' } as const;
const unitDraft = { unitPath: DEPT, status: 'draft' } as const;
const ha = actor({ role: 'home_affairs', unitId: null });
const authority = actor({ role: 'authority', unitId: null });
const hr = actor({ role: 'unit_hr', unitId: 'dept' });
const otherHr = actor({ role: 'unit_hr', unitId: 'other' });
const code = (f: () => void) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return (e as AppError).code;
  }
};

describe('who drafts, edits, issues and reads a report', () => {
  it("the province's report is Sở Nội vụ's to edit and issue; the authority reads it; a unit has no part in it", () => {
    expect(reportsPolicy.allowedActions(ha, province)).toEqual(['edit', 'issue']);
    expect(reportsPolicy.allowedActions(authority, province)).toEqual([]);
    expect(reportsPolicy.mayAct(authority, 'read', province)).toBe(true);
    expect(reportsPolicy.mayAct(hr, 'read', province)).toBe(false);
    expect(code(() => reportsPolicy.assertCan(hr, 'edit', province))).toBe('forbidden');
  });
  it("a unit's report is the unit's own: Sở Nội vụ and the authority read it but neither edits nor issues it; another unit does nothing", () => {
    expect(reportsPolicy.allowedActions(hr, unitDraft)).toEqual(['edit', 'issue']);
    expect(reportsPolicy.allowedActions(ha, unitDraft)).toEqual([]);
    expect(reportsPolicy.mayAct(ha, 'read', unitDraft)).toBe(true);
    expect(reportsPolicy.mayAct(otherHr, 'read', unitDraft)).toBe(false);
    expect(code(() => reportsPolicy.assertCan(ha, 'issue', unitDraft))).toBe('forbidden');
  });
  it('an issued report is frozen for everyone (409 for its writers)', () => {
    expect(reportsPolicy.allowedActions(ha, { unitPath: null, status: 'issued' })).toEqual([]);
    expect(reportsPolicy.allowedActions(hr, { unitPath: DEPT, status: 'issued' })).toEqual([]);
    expect(code(() => reportsPolicy.assertCan(ha, 'edit', { unitPath: null, status: 'issued' }))).toBe('conflict');
  });
  it('a host commune and a cadre pass no gate of the reports', () => {
    for (const role of ['host', 'cadre', 'admin'] as const) {
      expect(reportsPolicy.mayAnywhere(actor({ role, unitId: role === 'host' ? 'c1' : null }), 'list'), role).toBe(false);
    }
  });
});
