import { z } from 'zod';

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
