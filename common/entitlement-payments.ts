/**
 * Payments of the entitlement lines of a secondment (Decree 178/2024 Art. 12 cl. 1): which lines are paid in money,
 * and who pays them, as keys the database and the report's figures keep (the rule's words are in
 * `server/domain/rules/entitlements.ts`, PAYERS).
 */

/** The lines of the rule that are paid: salary kept, the one-off allowance, the Decree 76/2019 package, the extra step. */
export const PAYABLE_CODES = ['keep_salary', 'one_off_allowance', 'disadvantaged_package', 'extra_step'] as const;
export type PayableCode = (typeof PAYABLE_CODES)[number];
/** The paid lines, short, as a list of payments names them (the rule's full titles: `server/domain/rules/entitlements.ts`). */
export const PAYABLE_CODE_LABELS: Record<PayableCode, string> = {
  keep_salary: 'Giữ nguyên lương và phụ cấp',
  one_off_allowance: 'Trợ cấp một lần',
  disadvantaged_package: 'Chế độ vùng đặc biệt khó khăn',
  extra_step: 'Nâng thêm một bậc lương',
};

export const PAYER_KEYS = ['sending_unit', 'state_budget', 'decree76'] as const;
export type PayerKey = (typeof PAYER_KEYS)[number];
/** The payer as the report names it. */
export const PAYER_LABELS: Record<PayerKey, string> = {
  sending_unit: 'Cơ quan, đơn vị cử đi chi trả',
  state_budget: 'Ngân sách nhà nước bảo đảm',
  decree76: 'Chi trả theo Nghị định 76/2019/NĐ-CP',
};

export const PAYMENT_KINDS = ['payment', 'reversal'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = { payment: 'Chi trả', reversal: 'Bút toán hủy (ghi đảo)' };
