import { z } from 'zod';
import { isoDate, requiredText, shortText } from './fields.js';
import { PAYABLE_CODES, PAYER_KEYS, PAYMENT_KINDS } from '../entitlement-payments.js';

export const entitlementState = z.enum(['expected', 'entitled', 'done', 'pending', 'not_applicable']);

export const entitlement = z.object({
  code: z.enum(['keep_salary', 'one_off_allowance', 'disadvantaged_package', 'extra_step', 'commendation']),
  title: z.string(),
  clause: z.string(),
  state: entitlementState,
  stateLabel: z.string(),
  applies: z.boolean(),
  explanation: z.string(),
  payer: z.string().nullable(),
  amountVnd: z.number().int().nullable().meta({ description: 'Số tiền (đồng, số nguyên): trợ cấp một lần, hoặc lương hằng tháng của kỳ đầu' }),
  periods: z
    .array(z.object({ from: z.string(), to: z.string().nullable(), baseSalaryVnd: z.number().int(), instrument: z.string(), monthlyVnd: z.number().int() }))
    .optional(),
  step: z
    .object({
      rankCode: z.string().nullable(),
      rankName: z.string().nullable(),
      stepBefore: z.number().int().nullable(),
      coefficientBefore: z.string().nullable(),
      stepAfter: z.number().int().nullable(),
      coefficientAfter: z.string().nullable(),
      lastStep: z.number().int().nullable(),
      atLastStep: z.boolean(),
    })
    .optional(),
  /** The payer as a key (null when the line has none). */
  payerKey: z.enum(PAYER_KEYS).nullable(),
  /** paid: a standing payment is recorded; unpaid: due and none recorded; not_payable: nothing to pay (yet). */
  paymentStatus: z.enum(['paid', 'unpaid', 'not_payable']),
  paidVnd: z.number().int().meta({ description: 'Tổng số tiền đã chi trả (các khoản chưa bị hủy), đồng' }),
  allowedActions: z.array(z.enum(['recordPayment'])),
});

/** A recorded payment of a line, or the reversing entry that cancels one. */
export const entitlementPayment = z.object({
  id: z.string(),
  kind: z.enum(PAYMENT_KINDS),
  code: z.enum(PAYABLE_CODES),
  amountVnd: z.number().int(),
  paidOn: z.string(),
  voucherNo: z.string(),
  payer: z.enum(PAYER_KEYS),
  payerName: z.string(),
  note: z.string().nullable(),
  reversesId: z.string().nullable(),
  reason: z.string().nullable(),
  /** For a payment: the reversal that cancelled it. */
  reversedById: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(['reverse'])),
});

export const recordEntitlementPaymentInput = z.strictObject({
  code: z.enum(PAYABLE_CODES, 'Khoản chế độ không hợp lệ'),
  amountVnd: z
    .number('Số tiền phải là số')
    .int('Số tiền tính bằng đồng, không có phần lẻ')
    .positive('Số tiền phải lớn hơn 0')
    .max(100_000_000_000, 'Số tiền quá lớn'),
  paidOn: isoDate,
  voucherNo: requiredText(60),
  note: shortText(500).nullable().optional(),
});

export const reverseEntitlementPaymentInput = z.strictObject({
  version: z.number().int().min(1),
  reason: requiredText(500),
});

export const entitlementsResponse = z.object({
  secondmentId: z.string(),
  personId: z.string(),
  fullName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  sendingUnitName: z.string(),
  hostUnitName: z.string().nullable(),
  hostEspeciallyDisadvantaged: z.boolean().nullable(),
  tentative: z.boolean(),
  applies: z.boolean(),
  note: z.string(),
  referenceStartDate: z.string().nullable(),
  baseSalaryOnStart: z.object({ amountVnd: z.number().int(), effectiveFrom: z.string(), instrument: z.string() }).nullable(),
  entitlements: z.array(entitlement),
  payments: z.array(entitlementPayment),
});

export const decisionItem = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  number: z.string(),
  decidedOn: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  note: z.string().nullable(),
  count: z.number().int(),
});

export const decisionListResponse = z.object({ items: z.array(decisionItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
