import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../access/actor.js';
import { allowedNeedActions, demandRoundPolicy } from './demand.policy.js';
import { resolveNeed } from './need-input.js';

const actor = (...grants: RoleGrant[]): Actor => ({ userId: 'u', username: 'u', displayName: 'U', personId: null, grants });
const path = ['root', 'c1'];
const need = (status: string, frozen = false) => ({ status, unitPath: path, frozen });

describe('demand actions by role and state', () => {
  it('the commune edits, submits and withdraws its own needs; Sở Nội vụ approves and rejects', () => {
    const host = actor({ role: 'host', unitId: 'c1' });
    expect(allowedNeedActions(host, need('draft'))).toEqual(['edit', 'submit', 'withdraw']);
    expect(allowedNeedActions(host, need('submitted'))).toEqual(['edit', 'withdraw']);
    expect(allowedNeedActions(host, need('approved'))).toEqual(['withdraw']);
    expect(allowedNeedActions(host, need('rejected'))).toEqual([]);
    const ha = actor({ role: 'home_affairs', unitId: null });
    expect(allowedNeedActions(ha, need('submitted'))).toEqual(['approve', 'reject']);
    expect(allowedNeedActions(ha, need('approved'))).toEqual(['reject']);
    expect(allowedNeedActions(ha, need('draft'))).toEqual([]);
  });
  it('another commune, a sending unit and the authority take no step; a frozen need takes none', () => {
    expect(allowedNeedActions(actor({ role: 'host', unitId: 'c2' }), need('draft'))).toEqual([]);
    expect(allowedNeedActions(actor({ role: 'unit_hr', unitId: 'root' }), need('submitted'))).toEqual([]);
    expect(allowedNeedActions(actor({ role: 'authority', unitId: null }), need('submitted'))).toEqual([]);
    expect(allowedNeedActions(actor({ role: 'home_affairs', unitId: null }), need('approved', true))).toEqual([]);
    expect(allowedNeedActions(actor({ role: 'host', unitId: 'c1' }), need('approved', true))).toEqual([]);
  });
  it('a round is arranged and approved by Sở Nội vụ while a draft', () => {
    const ha = actor({ role: 'home_affairs', unitId: null });
    expect(demandRoundPolicy.allowedActions(ha, { status: 'draft' })).toEqual(['arrange', 'approve']);
    expect(demandRoundPolicy.allowedActions(ha, { status: 'approved' })).toEqual([]);
    expect(demandRoundPolicy.allowedActions(actor({ role: 'authority', unitId: null }), { status: 'draft' })).toEqual([]);
  });
});

describe('a need checked against its commune and post', () => {
  const unit = { id: 'c1', code: 'X1', name: 'Xã Một', kind: 'commune', path, closedOn: null, posts: 1 };
  const post = {
    id: 'p1',
    unitId: 'c1',
    title: 'Kế toán',
    field: 'tai_chinh_ngan_sach',
    minEducation: 'dai_hoc',
    requiredRankGrade: 'A1',
    requiredPoliticalTheory: null,
    standards: 'S',
  };
  it('takes the field and standards from the post unless the need says otherwise', () => {
    const r = resolveNeed({ jobPostId: 'p1', count: 2, reason: ' Thiếu ', requiredRankGrade: 'A2' }, unit, post);
    expect(r.issues).toEqual([]);
    expect(r.values).toMatchObject({
      field: 'tai_chinh_ngan_sach',
      minEducation: 'dai_hoc',
      requiredRankGrade: 'A2',
      standards: 'S',
      reason: 'Thiếu',
      urgency: 'normal',
    });
  });
  it('names every problem in Vietnamese', () => {
    const r = resolveNeed({ jobPostId: 'p2', count: 51, reason: '', wantedFrom: '2027-01-01', wantedUntil: '2027-01-01' }, unit, {
      ...post,
      id: 'p2',
      unitId: 'c2',
    });
    expect(r.issues.map((i) => i.path)).toEqual(['jobPostId', 'field', 'count', 'wantedUntil', 'reason']);
    expect(r.issues[0].message).toBe('Vị trí việc làm "Kế toán" không thuộc Xã Một');
  });
});
