import { describe, expect, it } from 'vitest';
import { cadreActions } from './personnel.policy.js';
import type { Actor } from '../access/actor.js';
import type { Role } from '../../../common/enums.js';

const actor = (role: Role, unitId: string | null, personId: string | null = null): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  personId,
  grants: [{ role, unitId }],
});
const person = { id: 'p1', unitPath: ['root', 'deptA', 'subA'] };

describe('cadre policy', () => {
  it('lets the unit personnel officer and Sở Nội vụ edit, not the head, the authority or the host', () => {
    expect(cadreActions(actor('unit_hr', 'deptA'), person)).toContain('update');
    expect(cadreActions(actor('home_affairs', null), person)).toContain('update');
    expect(cadreActions(actor('unit_manager', 'deptA'), person)).not.toContain('update');
    expect(cadreActions(actor('authority', null), person)).not.toContain('update');
    expect(cadreActions(actor('host', 'communeX'), person)).toEqual([]);
  });
  it('gives nothing to a unit officer of another subtree', () => {
    expect(cadreActions(actor('unit_hr', 'deptB'), person)).toEqual([]);
  });
  it('lets a cadre read their own sensitive data but not edit it', () => {
    expect(cadreActions(actor('cadre', null, 'p1'), person)).toEqual(['readSensitive', 'viewHistory']);
    expect(cadreActions(actor('cadre', null, 'p2'), person)).toEqual([]);
  });
});
