/** Code lists shared by server and web. Labels are the Vietnamese public-service terms shown to users. */

export const ROLES = ['admin', 'home_affairs', 'authority', 'unit_manager', 'unit_hr', 'host', 'cadre'] as const;
export type Role = (typeof ROLES)[number];

/** A role grant: active; proposed by the administrator, waiting for Sở Nội vụ's confirmation; revoked (kept as history). */
export const GRANT_STATUSES = ['active', 'proposed', 'revoked'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];
export const GRANT_STATUS_LABELS: Record<GrantStatus, string> = { active: 'Đang hiệu lực', proposed: 'Chờ Sở Nội vụ xác nhận', revoked: 'Đã thu hồi' };
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  home_affairs: 'Sở Nội vụ',
  authority: 'Lãnh đạo UBND (cấp có thẩm quyền)',
  unit_manager: 'Thủ trưởng đơn vị',
  unit_hr: 'Cán bộ tổ chức đơn vị',
  host: 'Đơn vị tiếp nhận (xã, phường)',
  cadre: 'Cán bộ, công chức, viên chức',
};

export const CATEGORIES = ['can_bo', 'cong_chuc', 'vien_chuc'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  can_bo: 'Cán bộ',
  cong_chuc: 'Công chức',
  vien_chuc: 'Viên chức',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

export const UNIT_KINDS = ['peoples_committee', 'department', 'sub_unit', 'public_service_unit', 'commune', 'ward'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  peoples_committee: 'Ủy ban nhân dân',
  department: 'Sở, ban, ngành',
  sub_unit: 'Phòng, ban trực thuộc',
  public_service_unit: 'Đơn vị sự nghiệp công lập',
  commune: 'Xã',
  ward: 'Phường',
};
/** Grassroots (cơ sở) units: communes and wards. */
export const GRASSROOTS_KINDS: readonly UnitKind[] = ['commune', 'ward'];

export const EDUCATION_LEVELS = ['trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  trung_cap: 'Trung cấp',
  cao_dang: 'Cao đẳng',
  dai_hoc: 'Đại học',
  thac_si: 'Thạc sĩ',
  tien_si: 'Tiến sĩ',
};

export const POLITICAL_THEORY = ['so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'] as const;
export type PoliticalTheory = (typeof POLITICAL_THEORY)[number];
export const POLITICAL_THEORY_LABELS: Record<PoliticalTheory, string> = {
  so_cap: 'Sơ cấp',
  trung_cap: 'Trung cấp',
  cao_cap: 'Cao cấp',
  cu_nhan: 'Cử nhân',
};

export const HEALTH_STATUSES = ['good', 'fair', 'poor'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];
export const HEALTH_LABELS: Record<HealthStatus, string> = { good: 'Tốt', fair: 'Khá', poor: 'Yếu' };

export const PERSON_STATUSES = ['active', 'retired', 'left'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = {
  active: 'Đang công tác',
  retired: 'Đã nghỉ hưu',
  left: 'Đã thôi việc',
};

export const TRAINING_KINDS = ['degree', 'political', 'state_management', 'short_course', 'foreign'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = {
  degree: 'Đào tạo (văn bằng)',
  political: 'Lý luận chính trị',
  state_management: 'Quản lý nhà nước',
  short_course: 'Bồi dưỡng ngắn hạn',
  foreign: 'Bồi dưỡng ở nước ngoài',
};

/** Fields whose reading or export is logged (Law 91/2025/QH15 on personal data; Decree 356/2025). */
export const SENSITIVE_SECTIONS = ['ethnicity', 'religion', 'health', 'discipline', 'party'] as const;
export type SensitiveSection = (typeof SENSITIVE_SECTIONS)[number];
