import type { UseCaseContext } from '../context.js';
import type { FigureScope } from '../../db/repositories/reports.repository.js';
import { trainingBudgetBySource, trainingRepaymentFigures, trainingYearFigures } from '../../db/repositories/training-report.repository.js';
import { peopleScope } from '../../db/scope.js';
import { CATEGORIES, CATEGORY_LABELS } from '../../../common/enums.js';
import { COURSE_KIND_LABELS, COURSE_KINDS, COURSE_LOCATION_LABELS, COURSE_LOCATIONS, FUNDING_SOURCE_LABELS, FUNDING_SOURCES } from '../../../common/training.js';
import type { FigureGroup, PeriodFigures, ReportFigure } from '../../../common/schemas/reports.js';
import { feedbackFacts } from './feedback-facts.js';

/**
 * Every figure of the annual training report (Decree 171/2025 Art. 39) for a calendar year and a scope — the one
 * home of its numbers, each an SQL aggregate over the rows it counts, the people seen through the actor's scope: the
 * courses by kind and place, the seats by kind, place, category, sex and ethnicity, the seats completed, the budget
 * committed and spent by funding source, the repayments. Keys never change.
 */
export async function computeTrainingReportFigures(ctx: UseCaseContext, scope: FigureScope): Promise<PeriodFigures> {
  const visible = peopleScope(ctx);
  const t = await trainingYearFigures(ctx.tx, scope, visible);
  const budget = await trainingBudgetBySource(ctx.tx, scope);
  const rep = await trainingRepaymentFigures(ctx.tx, scope, visible);
  const raised = await feedbackFacts(ctx, scope);

  const figures: ReportFigure[] = [];
  const add = (group: FigureGroup, key: string, label: string, value: number, unit = 'lượt') => figures.push({ key, group, label, unit, value });

  add('training_courses', 'training_courses.total', 'Khóa đào tạo, bồi dưỡng khai giảng trong năm', t.courses!, 'khóa');
  for (const k of COURSE_KINDS) add('training_courses', `training_courses.kind.${k}`, COURSE_KIND_LABELS[k], t[`courses_kind_${k}`]!, 'khóa');
  for (const l of COURSE_LOCATIONS)
    add('training_courses', `training_courses.location.${l}`, `Tổ chức ${COURSE_LOCATION_LABELS[l].toLowerCase()}`, t[`courses_location_${l}`]!, 'khóa');

  add('training_participants', 'training_participants.total', 'Lượt người được cử đi đào tạo, bồi dưỡng', t.participants!);
  for (const k of COURSE_KINDS) add('training_participants', `training_participants.kind.${k}`, COURSE_KIND_LABELS[k], t[`kind_${k}`]!);
  add('training_participants', 'training_participants.postgraduate', 'Trong đó: đào tạo sau đại học (thạc sĩ, tiến sĩ)', t.postgraduate!);
  for (const l of COURSE_LOCATIONS)
    add('training_participants', `training_participants.location.${l}`, `Đào tạo, bồi dưỡng ${COURSE_LOCATION_LABELS[l].toLowerCase()}`, t[`location_${l}`]!);

  for (const c of CATEGORIES) add('training_category', `training_category.${c}`, CATEGORY_LABELS[c], t[`category_${c}`]!);

  add('training_people', 'training_people.male', 'Nam', t.male!);
  add('training_people', 'training_people.female', 'Nữ', t.female!);
  add('training_people', 'training_people.minority', 'Người dân tộc thiểu số', t.minority!);

  add('training_results', 'training_results.completed', 'Lượt hoàn thành khóa học trong năm', t.completed!);

  for (const s of FUNDING_SOURCES) {
    add('training_budget', `training_budget.committed.${s}`, `Kinh phí đã cam kết chi — ${FUNDING_SOURCE_LABELS[s]}`, budget[`committed_${s}`]!, 'đồng');
    add('training_budget', `training_budget.spent.${s}`, `Kinh phí đã chi — ${FUNDING_SOURCE_LABELS[s]}`, budget[`spent_${s}`]!, 'đồng');
  }
  add(
    'training_budget',
    'training_budget.committed',
    'Tổng kinh phí đã cam kết chi',
    FUNDING_SOURCES.reduce((x, s) => x + budget[`committed_${s}`]!, 0),
    'đồng',
  );
  add(
    'training_budget',
    'training_budget.spent',
    'Tổng kinh phí đã chi',
    FUNDING_SOURCES.reduce((x, s) => x + budget[`spent_${s}`]!, 0),
    'đồng',
  );

  add('training_repayments', 'training_repayments.decided', 'Trường hợp có quyết định bồi hoàn trong năm', rep.decided!, 'người');
  add('training_repayments', 'training_repayments.decided_amount', 'Số tiền phải bồi hoàn theo quyết định', rep.decided_amount!, 'đồng');
  add('training_repayments', 'training_repayments.paid_amount', 'Số tiền bồi hoàn đã nộp trong năm', rep.paid_amount!, 'đồng');
  add('training_repayments', 'training_repayments.waived', 'Trường hợp được miễn bồi hoàn', rep.waived!, 'người');

  figures.push(...raised.figures);
  return { from: scope.from, to: scope.to, figures, documents: [], units: [], feedback: raised.feedback };
}
