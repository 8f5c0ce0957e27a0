/** Code lists of the eligibility screening (Plan 131 III.1.a–b, I.3), shared by server and web. */

export const CRITERIA = [
  'in_planning',
  'ratings',
  'discipline',
  'proceedings',
  'circumstances',
  'health',
  'service_left',
  'not_seconded',
  'unit_assessment',
  'destination_post',
  'non_local',
] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_LABELS: Record<Criterion, string> = {
  in_planning: 'Nằm trong quy hoạch',
  ratings: 'Xếp loại chất lượng các năm gần nhất',
  discipline: 'Không trong thời gian thi hành kỷ luật',
  proceedings: 'Không đang bị xem xét kỷ luật, điều tra, truy tố, xét xử, thanh tra',
  circumstances: 'Không thuộc trường hợp chưa cử (bệnh hiểm nghèo, học dài hạn, thai sản, con nhỏ, hoàn cảnh khó khăn)',
  health: 'Đủ sức khỏe (giấy chứng nhận còn hiệu lực)',
  service_left: 'Đủ thời gian công tác trước khi nghỉ hưu',
  not_seconded: 'Chưa được cử tăng cường',
  unit_assessment: 'Đơn vị đánh giá đủ năng lực, uy tín, triển vọng',
  destination_post: 'Đáp ứng tiêu chuẩn vị trí việc làm nơi đến',
  non_local: 'Không phải người địa phương (chức danh chủ chốt)',
};

export const RESULTS = ['pass', 'fail', 'unknown', 'na'] as const;
export type CriterionResult = (typeof RESULTS)[number];
export const RESULT_LABELS: Record<CriterionResult, string> = {
  pass: 'Đạt',
  fail: 'Không đạt',
  unknown: 'Thiếu thông tin',
  na: 'Không áp dụng',
};

export const VERDICTS = ['eligible', 'not_eligible', 'needs_info'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Record<Verdict, string> = {
  eligible: 'Đủ điều kiện',
  not_eligible: 'Không đủ điều kiện',
  needs_info: 'Cần bổ sung thông tin',
};

export const TARGET_GROUPS = [1, 2, 3] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  1: 'Nhóm 1: Lãnh đạo, quản lý trong quy hoạch ở đơn vị đã sắp xếp, cần rèn luyện thực tiễn cơ sở',
  2: 'Nhóm 2: Lãnh đạo, quản lý đương chức chưa kinh qua thực tiễn cơ sở',
  3: 'Nhóm 3: Cán bộ cần cử đi để tăng cường giám sát, hướng dẫn, hỗ trợ',
};

export { SECONDMENT_OPEN_STATUSES } from './secondment.js';
