import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../access/actor.js';
import { inspectionPolicy, recommendationPolicy } from './inspections.policy.js';
import { guidancePolicy } from '../guidance/guidance.policy.js';

const actor = (...grants: RoleGrant[]): Actor => ({ userId: 'u', username: 'u', displayName: 'U', personId: null, grants });
const path = ['root', 'A'];
const ha = actor({ role: 'home_affairs', unitId: null });
const rec = (status: 'open' | 'answered' | 'accepted' | 'returned', concluded = true) => ({
  status,
  inspectionStatus: concluded ? ('concluded' as const) : ('draft' as const),
  unitPath: path,
});

describe('inspections by role and state', () => {
  it('Sở Nội vụ edits and concludes a draft; nobody edits a concluded one', () => {
    expect(inspectionPolicy.allowedActions(ha, { status: 'draft', unitPath: path })).toEqual(['edit', 'conclude']);
    expect(inspectionPolicy.allowedActions(ha, { status: 'concluded', unitPath: path })).toEqual([]);
    expect(inspectionPolicy.allowedActions(actor({ role: 'authority', unitId: null }), { status: 'draft', unitPath: path })).toEqual([]);
    expect(inspectionPolicy.allowedActions(actor({ role: 'unit_hr', unitId: 'A' }), { status: 'draft', unitPath: path })).toEqual([]);
    expect(() => inspectionPolicy.assertCan(actor({ role: 'unit_manager', unitId: 'A' }), 'edit', { status: 'draft', unitPath: path })).toThrow(
      'Chỉ Sở Nội vụ được sửa cuộc kiểm tra.',
    );
  });
  it('only Sở Nội vụ records; the authority and the units read; a cadre and the administrator do not', () => {
    expect(inspectionPolicy.rolesFor('record')).toEqual(['home_affairs']);
    expect(inspectionPolicy.rolesFor('read')).toEqual(['home_affairs', 'authority', 'unit_manager', 'unit_hr', 'host']);
    expect(inspectionPolicy.mayAnywhere(actor({ role: 'cadre', unitId: null }), 'read')).toBe(false);
    expect(inspectionPolicy.mayAnywhere(actor({ role: 'admin', unitId: null }), 'read')).toBe(false);
  });
  it('the inspected unit answers an open or returned recommendation of a concluded inspection; Sở Nội vụ accepts or returns an answer', () => {
    for (const u of [actor({ role: 'unit_hr', unitId: 'A' }), actor({ role: 'host', unitId: 'A' }), actor({ role: 'unit_manager', unitId: 'root' })]) {
      expect(recommendationPolicy.allowedActions(u, rec('open'))).toEqual(['answer']);
      expect(recommendationPolicy.allowedActions(u, rec('returned'))).toEqual(['answer']);
      expect(recommendationPolicy.allowedActions(u, rec('answered'))).toEqual([]);
      expect(recommendationPolicy.allowedActions(u, rec('open', false))).toEqual([]);
    }
    expect(recommendationPolicy.allowedActions(actor({ role: 'unit_hr', unitId: 'B' }), rec('open'))).toEqual([]);
    expect(recommendationPolicy.allowedActions(ha, rec('answered'))).toEqual(['accept', 'return']);
    expect(recommendationPolicy.allowedActions(ha, rec('open'))).toEqual([]);
    expect(recommendationPolicy.allowedActions(ha, rec('accepted'))).toEqual([]);
    expect(recommendationPolicy.allowedActions(actor({ role: 'authority', unitId: null }), rec('answered'))).toEqual([]);
    expect(() => recommendationPolicy.assertCan(ha, 'answer', rec('open'))).toThrow('Chỉ đơn vị được kiểm tra được trả lời kiến nghị.');
  });
  it('guidance is issued and edited by Sở Nội vụ only', () => {
    expect(guidancePolicy.allowedActions(ha, {})).toEqual(['edit']);
    expect(guidancePolicy.allowedActions(actor({ role: 'authority', unitId: null }), {})).toEqual([]);
    expect(guidancePolicy.rolesFor('issue')).toEqual(['home_affairs']);
    expect(guidancePolicy.mayAnywhere(actor({ role: 'host', unitId: 'X' }), 'read')).toBe(true);
  });
});
