/**
 * Sở Nội vụ's inspections (kiểm tra) of the units and communes and its guidance documents (hướng dẫn) to them (Plan
 * 131 IV.3; PRODUCT S12). Shared by the server and the web.
 */

export const INSPECTION_STATUSES = ['draft', 'concluded'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = { draft: 'Đang kiểm tra (chưa kết luận)', concluded: 'Đã kết luận' };

/** A recommendation: put to the unit, answered by it, accepted by Sở Nội vụ, or returned to be answered again. */
export const RECOMMENDATION_STATUSES = ['open', 'answered', 'accepted', 'returned'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  open: 'Chưa trả lời',
  answered: 'Đã trả lời, chờ Sở Nội vụ xem xét',
  accepted: 'Đã hoàn thành',
  returned: 'Trả lại, cần trả lời lại',
};

/** Days before its deadline a recommendation not yet answered shows in the unit's inbox. */
export const RECOMMENDATION_DUE_AHEAD_DAYS = 15;

export const INSPECTION_ACTIONS = ['edit', 'conclude'] as const;
export type InspectionAction = (typeof INSPECTION_ACTIONS)[number];
export const RECOMMENDATION_ACTIONS = ['answer', 'accept', 'return'] as const;
export type RecommendationAction = (typeof RECOMMENDATION_ACTIONS)[number];
export const GUIDANCE_ACTIONS = ['edit'] as const;
export type GuidanceAction = (typeof GUIDANCE_ACTIONS)[number];

/** How many recommendations an inspection holds at most, and how many members. */
export const RECOMMENDATIONS_MAX = 50;
export const MEMBERS_MAX = 30;
