/**
 * The demand side of the plan (S7; Plan 131 I.2, I.4): what each commune or ward lacks, as needs it declares and Sở
 * Nội vụ reviews into dated demand rounds. Shared by the server, the import and the web.
 */

/** Fields of work (lĩnh vực) a job post or a need belongs to: one shared list, so needs and posts can be matched. */
export const DEMAND_FIELDS = [
  'dat_dai_tnmt',
  'tai_chinh_ngan_sach',
  'cntt_chuyen_doi_so',
  'y_te',
  'giao_duc',
  'tu_phap_ho_tich',
  'xay_dung_quy_hoach',
  'nong_nghiep',
  'van_hoa_xa_hoi',
  'kinh_te_dau_tu',
  'noi_vu',
  'thanh_tra',
  'quoc_phong_an_ninh',
  'lanh_dao',
  'quan_ly_chung',
] as const;
export type DemandField = (typeof DEMAND_FIELDS)[number];

export const DEMAND_FIELD_LABELS: Record<DemandField, string> = {
  dat_dai_tnmt: 'Đất đai - tài nguyên môi trường',
  tai_chinh_ngan_sach: 'Tài chính - kế toán - ngân sách',
  cntt_chuyen_doi_so: 'Công nghệ thông tin - chuyển đổi số',
  y_te: 'Y tế',
  giao_duc: 'Giáo dục',
  tu_phap_ho_tich: 'Tư pháp - hộ tịch',
  xay_dung_quy_hoach: 'Xây dựng - quy hoạch',
  nong_nghiep: 'Nông nghiệp',
  van_hoa_xa_hoi: 'Văn hóa - xã hội',
  kinh_te_dau_tu: 'Kinh tế - đầu tư',
  noi_vu: 'Nội vụ - tổ chức',
  thanh_tra: 'Thanh tra',
  quoc_phong_an_ninh: 'Quốc phòng - an ninh',
  lanh_dao: 'Lãnh đạo',
  quan_ly_chung: 'Quản lý chung',
};

export const NEED_URGENCIES = ['high', 'normal', 'low'] as const;
export type NeedUrgency = (typeof NEED_URGENCIES)[number];
export const NEED_URGENCY_LABELS: Record<NeedUrgency, string> = { high: 'Cấp bách', normal: 'Bình thường', low: 'Không gấp' };

export const NEED_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ Sở Nội vụ xem xét',
  approved: 'Đã được chấp thuận',
  rejected: 'Không chấp thuận',
  withdrawn: 'Đã rút',
};

export const ROUND_STATUSES = ['draft', 'approved', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = { draft: 'Đang tổng hợp', approved: 'Đã phê duyệt', closed: 'Đã đóng' };

/** The people a need may ask for: at least one, and no more than a commune could take in at once. */
export const NEED_COUNT_MIN = 1;
export const NEED_COUNT_MAX = 50;
export const REASON_MAX = 2000;

/** A field from its label or code, accents and case ignored (the import reads labels). */
export function demandFieldOf(text: string): DemandField | null {
  const norm = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const t = norm(text);
  if (!t) return null;
  for (const f of DEMAND_FIELDS) if (norm(f) === t || norm(DEMAND_FIELD_LABELS[f]) === t) return f;
  return null;
}
