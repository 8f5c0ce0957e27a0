import type { InboxKind } from './hooks/use-inbox';

/** The kinds of inbox item, as the filter and the tags name them. */
export const INBOX_KIND_LABELS: Record<InboxKind, string> = {
  report_due: 'Báo cáo đến hạn',
  report_overdue: 'Báo cáo quá hạn',
  end_in_90_days: 'Sắp hết thời hạn (90 ngày)',
  end_in_30_days: 'Sắp hết thời hạn (30 ngày)',
  evaluation_due: 'Đánh giá, nhận xét',
  placement_due: 'Bố trí công tác khi trở về',
  action_needed: 'Hồ sơ chờ xử lý',
  step_overdue: 'Hồ sơ chờ quá hạn',
  contact_overdue: 'Chưa nắm tình hình cán bộ',
  repayment_pending: 'Bồi hoàn đào tạo chờ xử lý',
  repayment_due: 'Bồi hoàn đào tạo đến hạn nộp',
  repayment_overdue: 'Bồi hoàn đào tạo quá hạn nộp',
  commendation_due: 'Xét khen thưởng',
  follow_up_due: 'Sử dụng kết quả đánh giá',
  inspection_recommendation_due: 'Kiến nghị kiểm tra đến hạn',
  inspection_recommendation_overdue: 'Kiến nghị kiểm tra quá hạn',
  inspection_answer_pending: 'Trả lời kiến nghị chờ xem xét',
  // the reports of the plan's schedule
  unit_report_due: 'Báo cáo của đơn vị đến hạn',
  unit_report_overdue: 'Báo cáo của đơn vị quá hạn',
  province_report_due: 'Báo cáo UBND đến hạn',
  province_report_overdue: 'Báo cáo UBND quá hạn',
};

export const INBOX_KIND_COLORS: Record<InboxKind, string> = {
  report_due: 'blue',
  report_overdue: 'red',
  end_in_90_days: 'gold',
  end_in_30_days: 'orange',
  evaluation_due: 'purple',
  placement_due: 'cyan',
  action_needed: 'geekblue',
  step_overdue: 'volcano',
  contact_overdue: 'magenta',
  repayment_pending: 'lime',
  repayment_due: 'gold',
  repayment_overdue: 'red',
  commendation_due: 'green',
  follow_up_due: 'lime',
  inspection_recommendation_due: 'blue',
  inspection_recommendation_overdue: 'red',
  inspection_answer_pending: 'geekblue',
  // the reports of the plan's schedule
  unit_report_due: 'blue',
  unit_report_overdue: 'red',
  province_report_due: 'blue',
  province_report_overdue: 'red',
};

/** "còn 5 ngày", "hôm nay", "quá 3 ngày". */
export function daysText(daysLeft: number): string {
  if (daysLeft === 0) return 'hôm nay';
  return daysLeft > 0 ? `còn ${daysLeft} ngày` : `quá ${-daysLeft} ngày`;
}
