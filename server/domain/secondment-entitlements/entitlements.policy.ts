import { definePolicy, type Who } from '../access/policy.js';
import type { PayerKey } from '../../../common/entitlement-payments.js';

const FINANCE: Who = [
  ['home_affairs', 'province'],
  ['authority', 'province'],
  ['unit_manager', 'sending'],
  ['unit_hr', 'sending'],
];

/** Who reads a secondment's entitlements (a host sees the work, not the pay), and who downloads the finance list. */
export const entitlementsPolicy = definePolicy<never, never, 'read' | 'financeList'>({
  resource: 'entitlements',
  gates: {
    read: { who: [...FINANCE, ['cadre', 'self']] },
    financeList: { who: FINANCE },
  },
});

/** A line of a secondment's entitlements to pay: where the secondment sits, and who the rule says pays the line. */
export interface PaymentPlace {
  sendingUnitPath: readonly string[];
  personUnitPath: readonly string[];
  payer: PayerKey;
}

const PAYING: Who = [
  ['home_affairs', 'province'],
  ['unit_manager', 'sending'],
  ['unit_hr', 'sending'],
];

/**
 * Who records that a line was paid, and who reverses a recorded payment: the paying unit's staff. The sending unit
 * (its head or personnel officer) records the lines it pays itself (salary kept, the extra step); Sở Nội vụ records
 * any line, among them those of the State budget and the Decree 76/2019 package. The authority reads, never records.
 */
export const entitlementPaymentsPolicy = definePolicy<PaymentPlace, 'record' | 'reverse', never, PayerKey>({
  resource: 'entitlementPayments',
  actions: {
    record: {
      who: PAYING,
      onlyBy: { state_budget: ['home_affairs'], decree76: ['home_affairs'] },
      text: 'ghi nhận chi trả khoản chế độ này',
      refused: 'Bạn không có quyền ghi nhận chi trả khoản chế độ này: đơn vị cử chỉ ghi nhận các khoản do đơn vị chi trả; các khoản khác do Sở Nội vụ ghi nhận.',
    },
    reverse: {
      who: PAYING,
      onlyBy: { state_budget: ['home_affairs'], decree76: ['home_affairs'] },
      text: 'hủy (ghi đảo) khoản chi trả này',
    },
  },
  place: (r) => ({ province: [r.sendingUnitPath, r.personUnitPath], sending: [r.sendingUnitPath, r.personUnitPath] }),
  state: (r) => r.payer,
});
