import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../access/actor.js';
import { PAYERS, type Entitlement } from '../rules/entitlements.js';
import { entitlementPaymentsPolicy } from './entitlements.policy.js';
import { isPayable, payerKeyOf } from './entitlement-payments.js';

const actor = (...grants: RoleGrant[]): Actor => ({ userId: 'u', username: 'u', displayName: 'U', personId: null, grants });
const at = (payer: 'sending_unit' | 'state_budget' | 'decree76') => ({ sendingUnitPath: ['root', 'dept'], personUnitPath: ['root', 'dept', 'sub'], payer });
const ha = actor({ role: 'home_affairs', unitId: null });
const authority = actor({ role: 'authority', unitId: null });
const hr = actor({ role: 'unit_hr', unitId: 'dept' });
const subManager = actor({ role: 'unit_manager', unitId: 'sub' });
const otherHr = actor({ role: 'unit_hr', unitId: 'other' });

describe('who records and reverses a payment of an entitlement line', () => {
  it('the sending unit records the lines it pays itself, Sở Nội vụ any line, the authority none', () => {
    expect(entitlementPaymentsPolicy.allowedActions(hr, at('sending_unit'))).toEqual(['record', 'reverse']);
    expect(entitlementPaymentsPolicy.allowedActions(subManager, at('sending_unit'))).toEqual(['record', 'reverse']);
    for (const payer of ['state_budget', 'decree76'] as const) {
      expect(entitlementPaymentsPolicy.allowedActions(hr, at(payer))).toEqual([]);
      expect(entitlementPaymentsPolicy.allowedActions(ha, at(payer))).toEqual(['record', 'reverse']);
    }
    expect(entitlementPaymentsPolicy.allowedActions(otherHr, at('sending_unit'))).toEqual([]);
    expect(entitlementPaymentsPolicy.allowedActions(authority, at('sending_unit'))).toEqual([]);
    expect(() => entitlementPaymentsPolicy.assertCan(hr, 'record', at('state_budget'))).toThrow(/Sở Nội vụ/);
  });

  it('a line is payable when the rule gives it with a payer and it is due, not expected or pending', () => {
    const line = (o: Partial<Entitlement>): Entitlement =>
      ({ code: 'one_off_allowance', applies: true, payer: PAYERS.stateBudget, state: 'entitled', ...o }) as Entitlement;
    expect(isPayable(line({}))).toBe(true);
    expect(isPayable(line({ state: 'done', code: 'extra_step', payer: PAYERS.sendingUnit }))).toBe(true);
    expect(isPayable(line({ state: 'expected' }))).toBe(false);
    expect(isPayable(line({ state: 'pending', code: 'extra_step' }))).toBe(false);
    expect(isPayable(line({ applies: false, payer: null, state: 'not_applicable' }))).toBe(false);
    expect(isPayable(line({ code: 'commendation', payer: null, state: 'pending' }))).toBe(false);
    expect([PAYERS.sendingUnit, PAYERS.stateBudget, PAYERS.decree76, 'x'].map(payerKeyOf)).toEqual(['sending_unit', 'state_budget', 'decree76', null]);
  });
});
