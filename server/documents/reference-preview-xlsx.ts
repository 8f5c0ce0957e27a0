import { RESULT_LABELS, VERDICT_LABELS, type CriterionResult, type Verdict } from '../../common/eligibility.js';
import { SECONDMENT_STATUS_LABELS, type SecondmentStatus } from '../../common/secondment.js';
import { viDate } from '../../common/dates.js';
import type { ReferencePreview } from '../../common/schemas/reference.js';
import { formatVnd } from '../../common/training.js';
import type { ListSheet, ListValue } from './xlsx-list.js';

const verdictText = (v: string) => VERDICT_LABELS[v as Verdict] ?? v;
const resultText = (r: string) => RESULT_LABELS[r as CriterionResult] ?? r;
const dateOrText = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? viDate(v) : v);
const delta = (b: number | null, a: number | null) => (a ?? 0) - (b ?? 0);

/**
 * The what-if of a reference table as workbook sheets (pure): a summary with the totals, then one sheet per effect
 * that applies — the people whose verdict changes and why, the entitlements, the supplementary budgets and the
 * repayments that move, each line before, after and the difference.
 */
export function referencePreviewSheets(p: ReferencePreview, o: { today: string; authorName: string }): ListSheet[] {
  const summary: ListValue[][] = [
    ['Danh mục', p.tableLabel],
    ['Thay đổi', p.actionLabel],
    ['Dòng', Object.values(p.rowKey).map(dateOrText).join(' · ')],
    ['Dòng hiện có', p.beforeText ?? 'Chưa có (thêm dòng mới)'],
    ['Dòng dự kiến', p.afterText],
    ['Thời gian chịu tác động', `từ ${viDate(p.period.from)}${p.period.to ? ` đến ${viDate(p.period.to)}` : ''}`],
  ];
  if (p.screening)
    summary.push(
      ['Ngày sàng lọc', viDate(p.screening.referenceDate)],
      ['Số người thay đổi kết quả sàng lọc', p.screening.changed],
      ...Object.keys({ ...p.screening.current, ...p.screening.draft }).map((v): ListValue[] => [
        `${verdictText(v)} (hiện hành → dự kiến)`,
        `${p.screening!.current[v] ?? 0} → ${p.screening!.draft[v] ?? 0}`,
      ]),
    );
  if (p.training) summary.push(['Số hồ sơ cử đi đào tạo thay đổi kết quả xét', p.training.items.length]);
  if (p.entitlements)
    summary.push(
      ['Số hồ sơ tăng cường thay đổi chế độ', p.entitlements.items.length],
      ['Tổng chênh lệch trợ cấp một lần', formatVnd(p.entitlements.oneOffDeltaVnd)],
      ['Tổng chênh lệch lương hằng tháng tại ngày bắt đầu', `${formatVnd(p.entitlements.monthlyDeltaVnd)}/tháng`],
    );
  if (p.budgets) summary.push(['Số khoản kinh phí bổ sung thay đổi', p.budgets.items.length], ['Tổng chênh lệch kinh phí bổ sung', formatVnd(p.budgets.deltaVnd)]);
  if (p.repayments) summary.push(['Số khoản bồi hoàn thay đổi', p.repayments.items.length], ['Tổng chênh lệch bồi hoàn', formatVnd(p.repayments.deltaVnd)]);
  if (p.ratings)
    summary.push(
      ['Số năm xếp loại đổi văn bản căn cứ', p.ratings.years.length],
      ['Số lượt xếp loại đã ghi trong các năm đó', p.ratings.ratingsMoved],
      ['Số lượt xếp loại đã chấm điểm mà văn bản mới không chấm điểm', p.ratings.pointsLostTotal],
    );
  for (const n of p.notes) summary.push(['Ghi chú', n]);
  summary.push(['Lập ngày', viDate(o.today)], ['Người lập', o.authorName], ['', 'Dự kiến, chưa lưu: số liệu tính lại theo dòng dự kiến, chưa có giá trị thi hành.']);

  const sheets: ListSheet[] = [
    {
      name: 'Tóm tắt',
      columns: [
        { header: 'Nội dung', width: 50, type: 'text' },
        { header: 'Giá trị', width: 90, type: 'text' },
      ],
      rows: summary,
    },
  ];
  if (p.screening)
    sheets.push({
      name: 'Sàng lọc',
      columns: [
        { header: 'STT', width: 6, type: 'number' },
        { header: 'Mã hồ sơ', width: 12, type: 'text' },
        { header: 'Họ và tên', width: 26, type: 'text' },
        { header: 'Đơn vị', width: 30, type: 'text' },
        { header: 'Kết quả hiện hành', width: 20, type: 'text' },
        { header: 'Kết quả dự kiến', width: 20, type: 'text' },
        { header: 'Tiêu chí thay đổi', width: 30, type: 'text' },
        { header: 'Lý do hiện hành', width: 60, type: 'text' },
        { header: 'Lý do dự kiến', width: 60, type: 'text' },
        { header: 'Căn cứ', width: 60, type: 'text' },
      ],
      rows: p.screening.people.map((x, i) => [
        i + 1,
        x.code,
        x.fullName,
        x.unitName,
        verdictText(x.verdictBefore),
        verdictText(x.verdictAfter),
        x.criteria.map((c) => `${c.label}: ${resultText(c.resultBefore)} → ${resultText(c.resultAfter)}`).join('; '),
        x.criteria.map((c) => c.reasonBefore).join('; '),
        x.criteria.map((c) => c.reasonAfter).join('; '),
        [...new Set(x.criteria.map((c) => c.clause))].join('; '),
      ]),
    });
  if (p.training)
    sheets.push({
      name: 'Cử đi đào tạo',
      columns: [
        { header: 'STT', width: 6, type: 'number' },
        { header: 'Mã hồ sơ', width: 12, type: 'text' },
        { header: 'Họ và tên', width: 26, type: 'text' },
        { header: 'Khóa học', width: 34, type: 'text' },
        { header: 'Kết quả hiện hành', width: 20, type: 'text' },
        { header: 'Kết quả dự kiến', width: 20, type: 'text' },
        { header: 'Tiêu chí thay đổi', width: 60, type: 'text' },
        { header: 'Căn cứ', width: 60, type: 'text' },
      ],
      rows: p.training.items.map((x, i) => [
        i + 1,
        x.personCode,
        x.fullName,
        x.courseTitle,
        verdictText(x.verdictBefore),
        verdictText(x.verdictAfter),
        x.criteria.map((c) => `${c.label}: ${resultText(c.resultBefore)} → ${resultText(c.resultAfter)}. ${c.reasonAfter}`).join('; '),
        [...new Set(x.criteria.map((c) => c.clause))].join('; '),
      ]),
    });
  if (p.entitlements) {
    const e = p.entitlements;
    sheets.push({
      name: 'Chế độ tăng cường',
      columns: [
        { header: 'STT', width: 6, type: 'number' },
        { header: 'Mã hồ sơ', width: 12, type: 'text' },
        { header: 'Họ và tên', width: 26, type: 'text' },
        { header: 'Đơn vị cử đi', width: 30, type: 'text' },
        { header: 'Trạng thái', width: 22, type: 'text' },
        { header: 'Ngày bắt đầu', width: 12, type: 'date' },
        { header: 'Trợ cấp một lần hiện hành (đồng)', width: 18, type: 'number' },
        { header: 'Trợ cấp một lần dự kiến (đồng)', width: 18, type: 'number' },
        { header: 'Chênh lệch trợ cấp (đồng)', width: 16, type: 'number' },
        { header: 'Lương hằng tháng hiện hành (đồng)', width: 18, type: 'number' },
        { header: 'Lương hằng tháng dự kiến (đồng)', width: 18, type: 'number' },
        { header: 'Chênh lệch lương/tháng (đồng)', width: 16, type: 'number' },
      ],
      rows: [
        ...e.items.map((x, i): ListValue[] => [
          i + 1,
          x.personCode,
          x.fullName,
          x.sendingUnitName,
          SECONDMENT_STATUS_LABELS[x.status as SecondmentStatus] ?? x.status,
          x.startDate,
          x.oneOff.before,
          x.oneOff.after,
          delta(x.oneOff.before, x.oneOff.after),
          x.monthly.before,
          x.monthly.after,
          delta(x.monthly.before, x.monthly.after),
        ]),
        [null, null, `Tổng cộng: ${e.items.length} người`, null, null, null, null, null, e.oneOffDeltaVnd, null, null, e.monthlyDeltaVnd],
      ],
    });
  }
  if (p.budgets)
    sheets.push({
      name: 'Kinh phí bổ sung',
      columns: [
        { header: 'STT', width: 6, type: 'number' },
        { header: 'Đơn vị', width: 34, type: 'text' },
        { header: 'Năm', width: 8, type: 'number' },
        { header: 'Hiện hành (đồng)', width: 18, type: 'number' },
        { header: 'Dự kiến (đồng)', width: 18, type: 'number' },
        { header: 'Chênh lệch (đồng)', width: 16, type: 'number' },
        { header: 'Ghi chú', width: 30, type: 'text' },
      ],
      rows: [
        ...p.budgets.items.map((x, i): ListValue[] => [
          i + 1,
          x.unitName,
          x.year,
          x.before,
          x.after,
          delta(x.before, x.after),
          x.overridden ? 'Đã điều chỉnh thủ công' : null,
        ]),
        [null, `Tổng cộng: ${p.budgets.items.length} khoản`, null, null, null, p.budgets.deltaVnd, null],
      ],
    });
  if (p.repayments)
    sheets.push({
      name: 'Bồi hoàn',
      columns: [
        { header: 'STT', width: 6, type: 'number' },
        { header: 'Mã hồ sơ', width: 12, type: 'text' },
        { header: 'Họ và tên', width: 26, type: 'text' },
        { header: 'Khóa học', width: 34, type: 'text' },
        { header: 'Hiện hành (đồng)', width: 18, type: 'number' },
        { header: 'Dự kiến (đồng)', width: 18, type: 'number' },
        { header: 'Chênh lệch (đồng)', width: 16, type: 'number' },
      ],
      rows: [
        ...p.repayments.items.map((x, i): ListValue[] => [i + 1, x.personCode, x.fullName, x.courseName, x.before, x.after, delta(x.before, x.after)]),
        [null, null, `Tổng cộng: ${p.repayments.items.length} khoản`, null, null, null, p.repayments.deltaVnd],
      ],
    });
  if (p.ratings) {
    const yesNo = (b: boolean) => (b ? 'Có' : 'Không');
    sheets.push({
      name: 'Xếp loại',
      columns: [
        { header: 'Năm', width: 8, type: 'number' },
        { header: 'Căn cứ hiện hành', width: 48, type: 'text' },
        { header: 'Căn cứ dự kiến', width: 48, type: 'text' },
        { header: 'Chấm điểm (hiện hành → dự kiến)', width: 18, type: 'text' },
        { header: 'Số lượt xếp loại đã ghi', width: 14, type: 'number' },
      ],
      rows: p.ratings.years.map((y): ListValue[] => [y.year, y.before, y.after, `${yesNo(y.pointsBefore)} → ${yesNo(y.pointsAfter)}`, y.ratings]),
    });
  }
  return sheets;
}
