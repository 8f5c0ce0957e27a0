import { z } from 'zod';
import { CATEGORIES } from '../enums.js';
import { isoDate, requiredText, shortText, uuid } from './fields.js';

/** The code lists the forms pick from: list name → its entries. */
export const referenceLists = z.record(z.string(), z.array(z.record(z.string(), z.unknown())));

/**
 * The dated reference tables Sở Nội vụ keeps with a what-if before saving (a change of law is a new row from its
 * date, or the end date of a row). The rating levels' names are not here; the instrument each year's rating is made
 * under (and whether it scores points) is `rating_instruments`.
 */
export const REFERENCE_TABLES = ['base_salaries', 'allowance_multipliers', 'discipline_forms', 'key_posts', 'training_regulations', 'rating_instruments'] as const;
export type ReferenceTable = (typeof REFERENCE_TABLES)[number];
export const REFERENCE_TABLE_LABELS: Record<ReferenceTable, string> = {
  base_salaries: 'Mức lương cơ sở',
  allowance_multipliers: 'Mức trợ cấp một lần khi tăng cường (số tháng lương cơ sở)',
  discipline_forms: 'Thời hạn không được cử đi của hình thức kỷ luật',
  key_posts: 'Chức danh lãnh đạo chủ chốt cấp xã không là người địa phương',
  training_regulations: 'Quy định về đào tạo, bồi dưỡng (theo đối tượng)',
  rating_instruments: 'Văn bản đánh giá, xếp loại chất lượng hằng năm (theo đối tượng)',
};
export const REFERENCE_ACTIONS = ['insert', 'update', 'close'] as const;
export type ReferenceAction = (typeof REFERENCE_ACTIONS)[number];
export const REFERENCE_ACTION_LABELS: Record<ReferenceAction, string> = {
  insert: 'Thêm dòng mới',
  update: 'Sửa dòng chưa có hiệu lực',
  close: 'Kết thúc hiệu lực',
};

const categoryEnum = z.enum(CATEGORIES, 'Đối tượng không hợp lệ');
const twoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9;

/**
 * A draft row of one table, keyed like the table (a key that exists changes that row). Fields left out keep the
 * existing row's value (closing a row needs only its key and the end date).
 */
export const referenceDraft = z.discriminatedUnion('table', [
  z.strictObject({
    table: z.literal('base_salaries'),
    effectiveFrom: isoDate,
    amountVnd: z.number().int('Số tiền là số nguyên (đồng)').min(1, 'Số tiền phải lớn hơn 0').max(1_000_000_000, 'Số tiền quá lớn').optional(),
  }),
  z.strictObject({
    table: z.literal('allowance_multipliers'),
    effectiveFrom: isoDate,
    multiplier: z.number().positive('Số tháng phải lớn hơn 0').max(1000, 'Số tháng quá lớn').refine(twoDecimals, 'Tối đa hai chữ số thập phân').optional(),
  }),
  z.strictObject({
    table: z.literal('discipline_forms'),
    code: requiredText(10),
    name: shortText(100).optional(),
    appliesTo: z.array(categoryEnum).min(1, 'Chọn ít nhất một đối tượng').optional(),
    barMonths: z.number().int('Số tháng là số nguyên').min(0).max(120, 'Tối đa 120 tháng').optional(),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable().optional(),
  }),
  z.strictObject({
    table: z.literal('key_posts'),
    title: requiredText(200),
    level: z.enum(['commune']).default('commune'),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable().optional(),
    sortOrder: z.number().int().min(0).max(1000).optional(),
  }),
  z.strictObject({
    table: z.literal('training_regulations'),
    category: categoryEnum,
    effectiveFrom: isoDate,
    /** The numbers of the rules; checked against trainingRegulationSchema (common/training.ts). */
    params: z.record(z.string(), z.unknown()).optional(),
  }),
  z.strictObject({
    table: z.literal('rating_instruments'),
    category: categoryEnum,
    effectiveFrom: isoDate,
    /** Whether the ratings made under it are scored 0–100 (the level then follows from the points). */
    hasPoints: z.boolean('Chọn có chấm điểm hay không').optional(),
  }),
]);
export type ReferenceDraft = z.infer<typeof referenceDraft>;

/** "Dự kiến thay đổi": the draft row, the date the screening is judged on (default today or the row's date), a destination post for key posts. */
export const referencePreviewInput = z.strictObject({
  draft: referenceDraft,
  referenceDate: isoDate.optional(),
  destinationPostId: uuid.optional(),
  instrument: shortText(300).default(''),
});
export type ReferencePreviewInput = z.infer<typeof referencePreviewInput>;

/** Saving the draft: the instrument and the reason are required (checked with Vietnamese messages). */
export const referenceSaveInput = z.strictObject({
  draft: referenceDraft,
  instrument: shortText(300).default(''),
  reason: shortText(2000).default(''),
});
export type ReferenceSaveInput = z.infer<typeof referenceSaveInput>;

const rowValues = z.record(z.string(), z.unknown());

export const referenceRow = z.object({
  rowKey: z.record(z.string(), z.string()),
  values: rowValues,
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  instrument: z.string(),
  /** The value in words, e.g. "2.530.000 đồng" or "12 tháng — Công chức". */
  summary: z.string(),
  /** in force today */
  inForce: z.boolean(),
  /** full: a row from today on may be changed; close: in force before today, may only be given an end date; none. */
  editable: z.enum(['full', 'close', 'none']),
});
export type ReferenceRow = z.infer<typeof referenceRow>;

export const referenceChange = z.object({
  id: z.string(),
  table: z.string(),
  tableLabel: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  rowKey: rowValues,
  before: rowValues.nullable(),
  after: rowValues.nullable(),
  instrument: z.string(),
  reason: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});

export const referenceTablesResponse = z.object({
  today: z.string(),
  tables: z.array(z.object({ table: z.enum(REFERENCE_TABLES), label: z.string(), hasEndDate: z.boolean(), rows: z.array(referenceRow) })),
  history: z.array(referenceChange),
});
export type ReferenceTablesResponse = z.infer<typeof referenceTablesResponse>;

const verdict = z.string();
const moneyMove = { before: z.number().nullable(), after: z.number().nullable() };

export const referencePreview = z.object({
  table: z.enum(REFERENCE_TABLES),
  tableLabel: z.string(),
  action: z.enum(REFERENCE_ACTIONS),
  actionLabel: z.string(),
  rowKey: z.record(z.string(), z.string()),
  before: rowValues.nullable(),
  after: rowValues,
  /** The row before and after in words, with its dates (dd/mm/yyyy) and instrument. */
  beforeText: z.string().nullable(),
  afterText: z.string(),
  /** The dates the changed row governs: from, to (null: open-ended). */
  period: z.object({ from: z.string(), to: z.string().nullable() }),
  screening: z
    .object({
      referenceDate: z.string(),
      total: z.number(),
      current: z.record(z.string(), z.number()),
      draft: z.record(z.string(), z.number()),
      changed: z.number(),
      truncated: z.boolean(),
      people: z.array(
        z.object({
          personId: z.string(),
          code: z.string(),
          fullName: z.string(),
          unitName: z.string(),
          verdictBefore: verdict,
          verdictAfter: verdict,
          criteria: z.array(
            z.object({
              criterion: z.string(),
              label: z.string(),
              resultBefore: z.string(),
              resultAfter: z.string(),
              reasonBefore: z.string(),
              reasonAfter: z.string(),
              clause: z.string(),
            }),
          ),
        }),
      ),
    })
    .nullable(),
  /** The nominations for courses not yet started whose training verdict changes (discipline bars, training rules). */
  training: z
    .object({
      considered: z.number(),
      items: z.array(
        z.object({
          enrolmentId: z.string(),
          personCode: z.string(),
          fullName: z.string(),
          courseTitle: z.string(),
          verdictBefore: z.string(),
          verdictAfter: z.string(),
          criteria: z.array(
            z.object({ criterion: z.string(), label: z.string(), resultBefore: z.string(), resultAfter: z.string(), reasonAfter: z.string(), clause: z.string() }),
          ),
        }),
      ),
    })
    .nullable(),
  entitlements: z
    .object({
      considered: z.number(),
      oneOffDeltaVnd: z.number(),
      monthlyDeltaVnd: z.number(),
      items: z.array(
        z.object({
          secondmentId: z.string(),
          personCode: z.string(),
          fullName: z.string(),
          sendingUnitName: z.string(),
          status: z.string(),
          startDate: z.string().nullable(),
          oneOff: z.object(moneyMove),
          monthly: z.object(moneyMove),
        }),
      ),
    })
    .nullable(),
  budgets: z
    .object({
      considered: z.number(),
      deltaVnd: z.number(),
      items: z.array(z.object({ budgetId: z.string(), unitName: z.string(), year: z.number(), overridden: z.boolean(), ...moneyMove })),
    })
    .nullable(),
  repayments: z
    .object({
      considered: z.number(),
      deltaVnd: z.number(),
      items: z.array(z.object({ repaymentId: z.string(), personCode: z.string(), fullName: z.string(), courseName: z.string(), status: z.string(), ...moneyMove })),
    })
    .nullable(),
  /**
   * The rating years whose instrument the change moves (the clause each year's rating cites in the screening, the
   * profile and the training rules), the ratings recorded in them, and those recorded with points that the new
   * instrument would not score (they keep their level; a new save of them is refused).
   */
  ratings: z
    .object({
      years: z.array(
        z.object({ year: z.number(), before: z.string(), after: z.string(), pointsBefore: z.boolean(), pointsAfter: z.boolean(), ratings: z.number() }),
      ),
      ratingsMoved: z.number(),
      pointsLost: z.array(
        z.object({ personId: z.string(), personCode: z.string(), fullName: z.string(), year: z.number(), points: z.number(), levelCode: z.string() }),
      ),
      pointsLostTotal: z.number(),
    })
    .nullable(),
  notes: z.array(z.string()),
});
export type ReferencePreview = z.infer<typeof referencePreview>;

export const savedReferenceChange = z.object({ id: z.string(), action: z.enum(REFERENCE_ACTIONS), rowKey: z.record(z.string(), z.string()) });
