import { describe, expect, it } from 'vitest';
import { definePolicy, holdsSide } from './policy.js';
import type { Actor, RoleGrant } from './actor.js';

const actor = (grants: RoleGrant[], o: Partial<Actor> = {}): Actor => ({ userId: 'u1', username: 'u', displayName: 'U', personId: null, grants, ...o });
const ROOT = 'root';
const DEPT = 'dept';
const HOST = 'commune';

type Doc = { status: 'draft' | 'sent' | 'closed'; unitPath: string[]; hostPath: string[] | null; personId: string; createdBy: string };
const doc = (o: Partial<Doc> = {}): Doc => ({ status: 'draft', unitPath: [ROOT, DEPT], hostPath: [ROOT, HOST], personId: 'p1', createdBy: 'u9', ...o });

const policy = definePolicy<Doc, 'send' | 'close' | 'read' | 'note', 'list' | 'hidden'>({
  resource: 'doc',
  place: (d) => ({ province: [d.unitPath], sending: [d.unitPath], host: [d.hostPath], unit: [d.unitPath], personId: d.personId, ownerId: d.createdBy }),
  state: (d) => d.status,
  messages: { refused: (t) => `Không được ${t}.`, outOfState: (t) => `Không thể ${t} lúc này.` },
  actions: {
    send: {
      who: [
        ['unit_hr', 'sending'],
        ['home_affairs', 'province'],
      ],
      states: ['draft'],
      onlyBy: { draft: ['unit_hr'] },
      text: 'gửi',
    },
    close: {
      who: [
        ['home_affairs', 'province'],
        ['host', 'host'],
      ],
      states: ['sent'],
      offerIf: (_d, today) => today >= '2026-01-01',
      text: 'đóng',
    },
    read: {
      who: [
        ['cadre', 'self'],
        ['unit_manager', 'unit'],
      ],
      unlisted: true,
      noRoute: true,
    },
    note: {
      who: [
        ['unit_hr', 'own'],
        ['authority', 'any'],
      ],
      refused: 'Chỉ người lập được ghi chú.',
    },
  },
  gates: {
    list: {
      who: [
        ['home_affairs', 'province'],
        ['unit_hr', 'sending'],
        ['host', 'host'],
      ],
    },
    hidden: { who: [['admin', 'any']], noRoute: true },
  },
});

describe('sides', () => {
  const place = { province: [[ROOT, DEPT]], sending: [[ROOT, DEPT]], host: [[ROOT, HOST], null], unit: [[ROOT, DEPT]], personId: 'p1', ownerId: 'u1' };
  it('province: a grant without a unit, or one covering the record', () => {
    expect(holdsSide(actor([{ role: 'home_affairs', unitId: null }]), 'home_affairs', 'province', place)).toBe(true);
    expect(holdsSide(actor([{ role: 'home_affairs', unitId: ROOT }]), 'home_affairs', 'province', place)).toBe(true);
    expect(holdsSide(actor([{ role: 'home_affairs', unitId: 'elsewhere' }]), 'home_affairs', 'province', place)).toBe(false);
  });
  it('sending and host need a grant with a unit on that side', () => {
    expect(holdsSide(actor([{ role: 'unit_hr', unitId: DEPT }]), 'unit_hr', 'sending', place)).toBe(true);
    expect(holdsSide(actor([{ role: 'unit_hr', unitId: null }]), 'unit_hr', 'sending', place)).toBe(false);
    expect(holdsSide(actor([{ role: 'host', unitId: HOST }]), 'host', 'host', place)).toBe(true);
    expect(holdsSide(actor([{ role: 'host', unitId: HOST }]), 'host', 'sending', place)).toBe(false);
  });
  it('self, own and any; the role must be held', () => {
    expect(holdsSide(actor([{ role: 'cadre', unitId: null }], { personId: 'p1' }), 'cadre', 'self', place)).toBe(true);
    expect(holdsSide(actor([{ role: 'cadre', unitId: null }], { personId: 'p2' }), 'cadre', 'self', place)).toBe(false);
    expect(holdsSide(actor([{ role: 'unit_hr', unitId: 'x' }]), 'unit_hr', 'own', place)).toBe(true);
    expect(holdsSide(actor([{ role: 'authority', unitId: 'x' }]), 'authority', 'any', place)).toBe(true);
    expect(holdsSide(actor([{ role: 'authority', unitId: null }]), 'home_affairs', 'any', place)).toBe(false);
  });
});

describe('definePolicy', () => {
  const hr = actor([{ role: 'unit_hr', unitId: DEPT }]);
  const ha = actor([{ role: 'home_affairs', unitId: null }]);
  const host = actor([{ role: 'host', unitId: HOST }]);

  it('derives the route roles from the table, in its order, without repeats', () => {
    expect(policy.rolesFor('send')).toEqual(['unit_hr', 'home_affairs']);
    expect(policy.rolesFor('close', 'list')).toEqual(['home_affairs', 'host', 'unit_hr']);
    expect(policy.gate('send', 'note')).toEqual({ roles: ['unit_hr', 'home_affairs', 'authority'], serves: ['doc.send', 'doc.note'] });
  });

  it('lists only the actions open in the state, for the role and side, and offered now', () => {
    expect(policy.allowedActions(hr, doc(), '2026-05-01')).toEqual(['send']);
    // in draft only the unit sends, though Sở Nội vụ is in the table
    expect(policy.allowedActions(ha, doc(), '2026-05-01')).toEqual([]);
    expect(policy.allowedActions(ha, doc({ status: 'sent' }), '2026-05-01')).toEqual(['close']);
    expect(policy.allowedActions(ha, doc({ status: 'sent' }), '2025-12-31')).toEqual([]);
    expect(policy.allowedActions(host, doc({ status: 'sent', hostPath: [ROOT, 'other'] }), '2026-05-01')).toEqual([]);
    // an unlisted check is never offered, but is answered
    const mgr = actor([{ role: 'unit_manager', unitId: ROOT }]);
    expect(policy.allowedActions(mgr, doc(), '2026-05-01')).toEqual([]);
    expect(policy.mayAct(mgr, 'read', doc())).toBe(true);
  });

  it('assertCan: 403 for the wrong role or side first, then 409 for the wrong state', () => {
    expect(() => policy.assertCan(host, 'send', doc())).toThrow(expect.objectContaining({ code: 'forbidden', message: 'Không được gửi.' }));
    expect(() => policy.assertCan(hr, 'send', doc({ status: 'closed' }))).toThrow(expect.objectContaining({ code: 'conflict', message: 'Không thể gửi lúc này.' }));
    expect(() => policy.assertCan(hr, 'note', doc())).toThrow(expect.objectContaining({ message: 'Chỉ người lập được ghi chú.' }));
    expect(() => policy.assertCan(hr, 'note', doc({ createdBy: 'u1' }))).not.toThrow();
    expect(() => policy.assertCan(hr, 'send', doc())).not.toThrow();
  });

  it('gates: held anywhere, or on a given place', () => {
    expect(policy.mayAnywhere(host, 'list')).toBe(true);
    expect(policy.mayAnywhere(actor([{ role: 'cadre', unitId: null }]), 'list')).toBe(false);
    expect(policy.holds(hr, 'list', { sending: [[ROOT, DEPT]] })).toBe(true);
    expect(policy.holds(hr, 'list', { sending: [[ROOT, 'other']] })).toBe(false);
  });

  it('names what a route must serve', () => {
    expect(policy.names()).toEqual([
      { name: 'doc.send', routed: true },
      { name: 'doc.close', routed: true },
      { name: 'doc.read', routed: false },
      { name: 'doc.note', routed: true },
      { name: 'doc.list', routed: true },
      { name: 'doc.hidden', routed: false },
    ]);
  });
});
