import { z } from 'zod';
import { CATEGORIES, EDUCATION_LEVELS, GENDERS, HEALTH_STATUSES, PERSON_STATUSES, POLITICAL_THEORY, TRAINING_KINDS } from '../enums.js';
import { CIRCUMSTANCE_KINDS, PROCEEDING_KINDS } from '../exclusions.js';
import { isoDate, pageQuery, requiredText, shortText, uuid } from './fields.js';

export const CADRE_SORTS = ['name', 'birthDate', 'unit', 'code'] as const;

export const cadreListQuery = z.object({
  q: shortText(100).optional(),
  unitId: uuid.optional(),
  category: z.enum(CATEGORIES).optional(),
  gender: z.enum(GENDERS).optional(),
  ethnicCode: z
    .string()
    .regex(/^\d{2}$/, 'Mã dân tộc gồm 2 chữ số')
    .optional(),
  inPlanning: z.enum(['true', 'false']).optional(),
  lastRating: z.string().max(10).optional(),
  ageMin: z.coerce.number().int().min(15).max(80).optional(),
  ageMax: z.coerce.number().int().min(15).max(80).optional(),
  sort: z.enum(CADRE_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...pageQuery,
});
export type CadreListQuery = z.infer<typeof cadreListQuery>;

export const cadreListItem = z.object({
  id: z.string(),
  code: z.string(),
  fullName: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  category: z.enum(CATEGORIES),
  positionTitle: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  lastRatingYear: z.number().nullable(),
  lastRatingCode: z.string().nullable(),
  inPlanning: z.boolean(),
});
export type CadreListItem = z.infer<typeof cadreListItem>;
export const cadreListResponse = z.object({
  items: z.array(cadreListItem),
  /** Exact up to a cap (10,000; 3,000 for a search); beyond it `totalIsExact` is false and `total` is the cap ("hơn 10.000"). */
  total: z.number(),
  totalIsExact: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});

export const ratingItem = z.object({
  year: z.number(),
  levelCode: z.string(),
  levelName: z.string().nullable(),
  points: z.number().nullable(),
  /** The instrument the year's rating is made under for the person's category. */
  instrument: z.string(),
  note: z.string().nullable(),
});
export const disciplineItem = z.object({
  id: z.string(),
  formCode: z.string(),
  formName: z.string().nullable(),
  decisionNo: z.string().nullable(),
  decidedOn: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  partyDecidedOn: z.string().nullable(),
  reason: z.string().nullable(),
});
export const proceedingItem = z.object({
  id: z.string(),
  kind: z.enum(PROCEEDING_KINDS),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  documentNo: z.string().nullable(),
  note: z.string().nullable(),
});
export const circumstanceItem = z.object({
  id: z.string(),
  kind: z.enum(CIRCUMSTANCE_KINDS),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  childBirthDate: z.string().nullable(),
  consentOn: z.string().nullable(),
  consentDocumentNo: z.string().nullable(),
  note: z.string().nullable(),
});
export const planningItem = z.object({
  id: z.string(),
  title: z.string(),
  term: z.string(),
  decisionNo: z.string().nullable(),
  approvedOn: z.string(),
  removedOn: z.string().nullable(),
});
export const workHistoryItem = z.object({
  id: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  organisation: z.string(),
  position: z.string().nullable(),
  isGrassroots: z.boolean(),
});
export const trainingHistoryItem = z.object({
  id: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  institution: z.string(),
  field: z.string(),
  kind: z.enum(TRAINING_KINDS),
  certificate: z.string().nullable(),
});

export const CADRE_ACTIONS = ['update', 'viewHistory', 'readSensitive'] as const;

/** The résumé (Mẫu 2C) as the API shows it. A section the user may not read is null and named in `hiddenSections`. */
export const cadreProfile = z.object({
  id: z.string(),
  version: z.number(),
  identity: z.object({
    code: z.string(),
    fullName: z.string(),
    gender: z.enum(GENDERS),
    birthDate: z.string(),
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    homeTownCode: z.string().nullable(),
    homeTownText: z.string().nullable(),
    homeTown: z.object({ oldName: z.string(), communes: z.array(z.object({ id: z.string(), name: z.string(), match: z.string() })) }).nullable(),
  }),
  sensitive: z
    .object({
      ethnicCode: z.string().nullable(),
      ethnicName: z.string().nullable(),
      religion: z.string().nullable(),
      healthStatus: z.enum(HEALTH_STATUSES).nullable(),
      healthCheckedOn: z.string().nullable(),
      partyJoinedOn: z.string().nullable(),
      partyOfficialOn: z.string().nullable(),
      discipline: z.array(disciplineItem),
      /** Discipline cases, investigation, prosecution, trial, inspection (Law 80/2025 Art. 38 cl. 2). */
      proceedings: z.array(proceedingItem),
      /** Circumstances that defer sending (Decree 170/2025 Art. 25 cl. 5). */
      circumstances: z.array(circumstanceItem),
    })
    .nullable(),
  employment: z.object({
    unitId: z.string(),
    unitName: z.string(),
    unitPath: z.array(z.object({ id: z.string(), name: z.string() })),
    jobPostId: z.string().nullable(),
    jobPostTitle: z.string().nullable(),
    positionTitle: z.string().nullable(),
    isLeader: z.boolean(),
    category: z.enum(CATEGORIES),
    rankCode: z.string().nullable(),
    rankName: z.string().nullable(),
    salaryStep: z.number().nullable(),
    salaryCoefficient: z.string().nullable(),
    leadershipAllowanceCoef: z.string().nullable(),
    seniorityAllowancePct: z.number().nullable(),
    recruitedOn: z.string().nullable(),
    status: z.enum(PERSON_STATUSES),
  }),
  qualifications: z.object({
    generalEducation: z.string().nullable(),
    educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
    major: z.string().nullable(),
    politicalTheory: z.enum(POLITICAL_THEORY).nullable(),
    stateManagement: z.string().nullable(),
  }),
  planning: z.array(planningItem),
  ratings: z.array(ratingItem),
  workHistory: z.array(workHistoryItem),
  trainingHistory: z.array(trainingHistoryItem),
  hiddenSections: z.array(z.string()),
  allowedActions: z.array(z.enum(CADRE_ACTIONS)),
  /** The secondment not yet closed, if any: where the person serves and the home post reserved for them. */
  secondment: z
    .object({
      id: z.string(),
      status: z.string(),
      hostUnitName: z.string().nullable(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      reservedPositionTitle: z.string().nullable(),
      reservedUnitName: z.string().nullable(),
    })
    .nullable(),
});
export type CadreProfile = z.infer<typeof cadreProfile>;
export type CadreListResponse = z.infer<typeof cadreListResponse>;

const coefficient = z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, 'Hệ số dạng 2,34 (tối đa 2 chữ số thập phân)');

/** Fields of the record a permitted user may change; every one optional, `version` required (optimistic locking). */
export const cadreUpdate = z
  .object({
    version: z.number().int().min(1),
    fullName: requiredText(120),
    gender: z.enum(GENDERS),
    birthDate: isoDate,
    ethnicCode: z
      .string()
      .regex(/^\d{2}$/, 'Mã dân tộc gồm 2 chữ số')
      .nullable(),
    religion: shortText(100).nullable(),
    idNumber: z
      .string()
      .regex(/^\d{12}$/, 'Số định danh cá nhân gồm 12 chữ số')
      .nullable(),
    phone: z
      .string()
      .regex(/^0\d{9,10}$/, 'Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0')
      .nullable(),
    email: z.email('Thư điện tử không hợp lệ').max(200).nullable(),
    homeTownCode: z
      .string()
      .regex(/^\d{5}$/, 'Mã xã gồm 5 chữ số')
      .nullable(),
    homeTownText: shortText(200).nullable(),
    unitId: uuid,
    jobPostId: uuid.nullable(),
    positionTitle: shortText(200).nullable(),
    isLeader: z.boolean(),
    category: z.enum(CATEGORIES),
    rankCode: shortText(20).nullable(),
    salaryStep: z.number().int().min(1).max(20).nullable(),
    salaryCoefficient: coefficient.nullable(),
    leadershipAllowanceCoef: coefficient.nullable(),
    seniorityAllowancePct: z.number().int().min(0).max(50).nullable(),
    recruitedOn: isoDate.nullable(),
    generalEducation: shortText(20).nullable(),
    educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
    major: shortText(200).nullable(),
    politicalTheory: z.enum(POLITICAL_THEORY).nullable(),
    stateManagement: shortText(100).nullable(),
    partyJoinedOn: isoDate.nullable(),
    partyOfficialOn: isoDate.nullable(),
    healthStatus: z.enum(HEALTH_STATUSES).nullable(),
    healthCheckedOn: isoDate.nullable(),
    status: z.enum(PERSON_STATUSES),
  })
  .partial()
  .required({ version: true })
  .strict();
export type CadreUpdate = z.infer<typeof cadreUpdate>;

export const ratingInput = z.object({
  year: z.number().int().min(2000).max(2100),
  /** May be left out when points are given: the level is derived from them. */
  levelCode: requiredText(10).nullable().optional(),
  /** Decree 335/2025 (công chức from 2026; viên chức under 233/2026): 0–100 points. */
  points: z.number('Điểm đánh giá phải là số').min(0, 'Điểm đánh giá phải từ 0 đến 100').max(100, 'Điểm đánh giá phải từ 0 đến 100').nullable().optional(),
  note: shortText(500).nullable().optional(),
});
export const disciplineInput = z.object({
  formCode: requiredText(10),
  decisionNo: shortText(50).nullable().optional(),
  decidedOn: isoDate,
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().optional(),
  /** The Party's discipline decision for the same breach: the bar runs from its date (Decree 172/2025 Art. 2 cl. 9). */
  partyDecidedOn: isoDate.nullable().optional(),
  reason: shortText(1000).nullable().optional(),
});
export const proceedingInput = z.object({
  kind: z.enum(PROCEEDING_KINDS, 'Loại vụ việc không hợp lệ'),
  openedOn: isoDate,
  closedOn: isoDate.nullable().optional(),
  outcome: shortText(1000).nullable().optional(),
  documentNo: shortText(50).nullable().optional(),
  note: shortText(1000).nullable().optional(),
});
export const proceedingCloseInput = z.object({
  closedOn: isoDate,
  outcome: requiredText(1000),
  documentNo: shortText(50).nullable().optional(),
});
export const circumstanceInput = z.object({
  kind: z.enum(CIRCUMSTANCE_KINDS, 'Loại hoàn cảnh không hợp lệ'),
  fromDate: isoDate,
  toDate: isoDate.nullable().optional(),
  childBirthDate: isoDate.nullable().optional(),
  consentOn: isoDate.nullable().optional(),
  consentDocumentNo: shortText(50).nullable().optional(),
  note: shortText(1000).nullable().optional(),
});
export const planningInput = z.object({
  title: requiredText(200),
  term: z.string().regex(/^\d{4}-\d{4}$/, 'Nhiệm kỳ dạng 2025-2030'),
  decisionNo: shortText(50).nullable().optional(),
  approvedOn: isoDate,
  removedOn: isoDate.nullable().optional(),
});
export const workHistoryInput = z.object({
  fromDate: isoDate,
  toDate: isoDate.nullable().optional(),
  organisation: requiredText(300),
  position: shortText(200).nullable().optional(),
  isGrassroots: z.boolean().default(false),
});
export const trainingHistoryInput = z.object({
  fromDate: isoDate,
  toDate: isoDate.nullable().optional(),
  institution: requiredText(300),
  field: requiredText(200),
  kind: z.enum(TRAINING_KINDS),
  certificate: shortText(200).nullable().optional(),
});

export const historyResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actorName: z.string().nullable(),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  total: z.number(),
});

export const cadreUpdatedResponse = z.object({ version: z.number(), changed: z.array(z.string()) });
export const ratingSavedResponse = z.object({ year: z.number(), levelCode: z.string(), points: z.number().nullable(), note: z.string().nullable() });
/** A record of the person's discipline, planning, work or training history as saved (its fields by name). */
export const personRecordResponse = z.record(z.string(), z.unknown());
