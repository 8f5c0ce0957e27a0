import type { InspectionStatus, RecommendationStatus } from '../../../common/inspections.js';
import { definePolicy, type Who } from '../access/policy.js';
import { AppError } from '../errors.js';

/** Sở Nội vụ, province-wide or over the inspected unit: it inspects and reviews the answers. */
const HOME_AFFAIRS: Who = [['home_affairs', 'province']];
/** The inspected unit: a sending unit's head or personnel officer, or the commune's (host) account, over that unit. */
export const INSPECTED: Who = [
  ['unit_manager', 'unit'],
  ['unit_hr', 'unit'],
  ['host', 'unit'],
];

/** An inspection as the policy reads it: its state and the inspected unit's path. */
export interface InspectionPlace {
  status: InspectionStatus;
  unitPath: string[];
}

/**
 * Inspections (kiểm tra) of Plan 131 IV.3: Sở Nội vụ records one of a unit or commune and edits it while it is not
 * concluded, then concludes it (number and date of the conclusion); the authority reads every one; the inspected
 * unit reads its own. Deny by default: no other role reads any.
 */
export const inspectionPolicy = definePolicy<InspectionPlace, 'edit' | 'conclude', 'read' | 'record', InspectionStatus>({
  resource: 'inspection',
  place: (i) => ({ province: [i.unitPath], unit: [i.unitPath] }),
  state: (i) => i.status,
  actions: {
    edit: { who: HOME_AFFAIRS, states: ['draft'], text: 'sửa cuộc kiểm tra', outOfState: 'Cuộc kiểm tra đã kết luận: không sửa được nữa.' },
    conclude: { who: HOME_AFFAIRS, states: ['draft'], text: 'kết luận cuộc kiểm tra', outOfState: 'Cuộc kiểm tra này đã kết luận.' },
  },
  gates: {
    read: { who: [...HOME_AFFAIRS, ['authority', 'province'], ...INSPECTED] },
    record: { who: HOME_AFFAIRS },
  },
  messages: { refused: (t) => `Chỉ Sở Nội vụ được ${t}.` },
});

/**
 * A recommendation as the policy reads it: its own state, read as `draft` while its inspection is not concluded
 * (nothing is put to the unit before the conclusion), and the inspected unit's path.
 */
export interface RecommendationPlace {
  status: RecommendationStatus;
  inspectionStatus: InspectionStatus;
  unitPath: string[];
}

/**
 * The recommendations of a concluded inspection: the inspected unit answers each (again once returned); Sở Nội vụ
 * accepts an answer or returns it with a reason.
 */
export const recommendationPolicy = definePolicy<RecommendationPlace, 'answer' | 'accept' | 'return', never, RecommendationStatus | 'draft'>({
  resource: 'inspectionRecommendation',
  place: (r) => ({ province: [r.unitPath], unit: [r.unitPath] }),
  state: (r) => (r.inspectionStatus === 'concluded' ? r.status : 'draft'),
  actions: {
    answer: {
      who: INSPECTED,
      states: ['open', 'returned'],
      refused: 'Chỉ đơn vị được kiểm tra được trả lời kiến nghị.',
      outOfState: 'Chỉ trả lời được kiến nghị của cuộc kiểm tra đã kết luận, chưa trả lời hoặc đã bị trả lại.',
    },
    accept: {
      who: HOME_AFFAIRS,
      states: ['answered'],
      refused: 'Chỉ Sở Nội vụ được xem xét kết quả thực hiện kiến nghị.',
      outOfState: 'Chỉ chấp nhận được kiến nghị đơn vị đã trả lời và đang chờ xem xét.',
    },
    return: {
      who: HOME_AFFAIRS,
      states: ['answered'],
      refused: 'Chỉ Sở Nội vụ được xem xét kết quả thực hiện kiến nghị.',
      outOfState: 'Chỉ trả lại được kiến nghị đơn vị đã trả lời và đang chờ xem xét.',
    },
  },
});

export const staleInspection = () => new AppError('version_conflict', 'Cuộc kiểm tra đã được người khác cập nhật. Vui lòng tải lại trước khi thao tác.');
export const staleRecommendation = () => new AppError('version_conflict', 'Kiến nghị đã được người khác cập nhật. Vui lòng tải lại trước khi thao tác.');
