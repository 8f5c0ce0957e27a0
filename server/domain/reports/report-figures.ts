import type { UseCaseContext } from '../context.js';
import { addDays, daysBetween } from '../../../common/dates.js';
import { decisionScope, reportsScope, secondmentsScope } from '../../db/scope.js';
import {
  cadreReportFigures,
  documentsIssued,
  returnsAndEvaluations,
  sentBreakdown,
  sentByUnit,
  trainingFigures,
  unitIdsUnder,
  type FigureScope,
} from '../../db/repositories/reports.repository.js';
import { unitReportFigures } from '../../db/repositories/report-schedule.repository.js';
import { getQuotas } from '../plans/get-quotas.js';
import { BeforePlanError, NoPlanError } from '../plans/plan-in-force.js';
import { DECISION_KIND_LABELS, DECISION_KINDS } from '../../../common/secondment.js';
import { TARGET_GROUP_LABELS, TARGET_GROUPS } from '../../../common/eligibility.js';
import { EDUCATION_LABELS, EDUCATION_LEVELS, POLITICAL_THEORY, POLITICAL_THEORY_LABELS } from '../../../common/enums.js';
import type { FigureGroup, PeriodFigures, ReportDocument, ReportFigure, ReportUnitRow } from '../../../common/schemas/reports.js';

/** The previous period of the same length, ending the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = daysBetween(from, to) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

/** The units' quotas for the year of the period's end (the quota's one home), or none before any plan took effect. */
async function quotasOf(ctx: UseCaseContext, year: number) {
  try {
    return (await getQuotas(ctx, year)).items;
  } catch (err) {
    if (err instanceof BeforePlanError || err instanceof NoPlanError) return [];
    throw err;
  }
}

/**
 * Every figure of the report for a period and a scope (the province, or one sending unit's subtree) — the one home
 * of the report's numbers, each an SQL aggregate over the rows it counts, seen through the actor's scope. Keys never
 * change; labels are the report's Vietnamese.
 */
export async function computeReportFigures(ctx: UseCaseContext, scope: FigureScope): Promise<PeriodFigures> {
  const visible = secondmentsScope(ctx.actor);
  // one statement after another: inside a transaction they share one connection
  const sent = await sentBreakdown(ctx.tx, scope, visible);
  const byUnit = await sentByUnit(ctx.tx, scope, visible);
  const ret = await returnsAndEvaluations(ctx.tx, scope, visible);
  const cadreReports = await cadreReportFigures(ctx.tx, scope, visible, ctx.today);
  const training = await trainingFigures(ctx.tx, scope);
  const docs = await documentsIssued(ctx.tx, scope, decisionScope(ctx.actor));
  const quotas = await quotasOf(ctx, Number(scope.to.slice(0, 4)));
  const under = scope.unitId ? await unitIdsUnder(ctx.tx, scope.unitId) : null;
  const unitReports = await unitReportFigures(ctx.tx, scope, reportsScope(ctx.actor, 'rp'), ctx.today);

  const units: ReportUnitRow[] = quotas
    .filter((q) => !under || under.has(q.unitId))
    .map((q) => ({
      unitId: q.unitId,
      unitName: q.unitName,
      assignedStaffing: q.assignedStaffing,
      target: q.target,
      decided: byUnit.get(q.unitId) ?? 0,
      gap: q.gap,
    }));

  const documents: ReportDocument[] = [
    ...docs.plans.map((p) => ({ kind: p.kind, number: p.number, date: p.date, title: p.title })),
    ...docs.decisions.map((d) => ({
      kind: 'decision' as const,
      number: d.number,
      date: d.date,
      title: `${DECISION_KIND_LABELS[d.decisionKind as keyof typeof DECISION_KIND_LABELS] ?? 'Quyết định'} (${d.items} người)`,
    })),
  ];

  const figures: ReportFigure[] = [];
  const add = (group: FigureGroup, key: string, label: string, value: number, unit = 'người') => figures.push({ key, group, label, unit, value });

  add('documents', 'documents.plans', 'Kế hoạch, văn bản điều chỉnh kế hoạch', docs.plans.length, 'văn bản');
  add('documents', 'documents.decisions', 'Quyết định đã ban hành', docs.decisions.length, 'quyết định');
  for (const k of DECISION_KINDS) {
    add('documents', `documents.decisions.${k}`, DECISION_KIND_LABELS[k], docs.decisions.filter((d) => d.decisionKind === k).length, 'quyết định');
  }

  add('sent', 'sent.total', 'Cán bộ được quyết định cử tăng cường trong kỳ', sent.total);
  add(
    'sent',
    'sent.quota_target',
    'Chỉ tiêu cử tăng cường của năm (tổng các đơn vị)',
    units.reduce((s, u) => s + (u.target ?? 0), 0),
  );
  add(
    'sent',
    'sent.quota_gap',
    'Số còn thiếu so với chỉ tiêu (đến ngày lập)',
    units.reduce((s, u) => s + (u.gap ?? 0), 0),
  );

  for (const g of TARGET_GROUPS) add('target_group', `target_group.${g}`, TARGET_GROUP_LABELS[g], sent[`group${g}`]);

  add('sex', 'sex.male', 'Nam', sent.male);
  add('sex', 'sex.female', 'Nữ', sent.female);

  add('ethnicity', 'ethnicity.kinh', 'Dân tộc Kinh', sent.kinh);
  add('ethnicity', 'ethnicity.minority', 'Dân tộc thiểu số', sent.minority);
  add('ethnicity', 'ethnicity.unknown', 'Chưa có thông tin dân tộc', sent.ethnic_unknown);

  add('age', 'age.under35', 'Dưới 35 tuổi', sent.age_under35);
  add('age', 'age.35_45', 'Từ 35 đến 45 tuổi', sent.age_35_45);
  add('age', 'age.46_55', 'Từ 46 đến 55 tuổi', sent.age_46_55);
  add('age', 'age.over55', 'Trên 55 tuổi', sent.age_over55);

  for (const e of EDUCATION_LEVELS) add('education', `education.${e}`, EDUCATION_LABELS[e], sent[`edu_${e}`]);
  add('education', 'education.none', 'Chưa có thông tin trình độ', sent.edu_none);

  for (const t of POLITICAL_THEORY) add('theory', `theory.${t}`, POLITICAL_THEORY_LABELS[t], sent[`pt_${t}`]);
  add('theory', 'theory.none', 'Chưa qua đào tạo lý luận chính trị', sent.pt_none);

  add('hosts', 'hosts.communes', 'Xã, phường tiếp nhận cán bộ được cử trong kỳ', sent.host_communes, 'xã, phường');
  add('hosts', 'hosts.especially_disadvantaged', 'Trong đó: xã đặc biệt khó khăn', sent.host_dbkk, 'xã');
  add(
    'hosts',
    'hosts.especially_disadvantaged_share',
    'Tỷ lệ xã đặc biệt khó khăn trong số xã tiếp nhận',
    sent.host_communes ? Math.round((sent.host_dbkk * 1000) / sent.host_communes) / 10 : 0,
    '%',
  );

  add('returns', 'returns.ended', 'Cán bộ kết thúc thời gian tăng cường trong kỳ', ret.ended);
  add('returns', 'returns.ended_early', 'Trong đó: kết thúc trước thời hạn', ret.ended_early);
  add('returns', 'returns.placed', 'Cán bộ trở về đã được bố trí công tác trong kỳ', ret.placed);
  add('returns', 'returns.extra_step', 'Trong đó: được nâng thêm một bậc lương', ret.extra_step);

  add('evaluations', 'evaluations.total', 'Phiếu nhận xét, đánh giá của nơi tiếp nhận trong kỳ', ret.evaluations, 'phiếu');

  add('cadre_reports', 'cadre_reports.due', 'Báo cáo của cán bộ tăng cường đến hạn trong kỳ', cadreReports.due, 'báo cáo');
  add('cadre_reports', 'cadre_reports.on_time', 'Trong đó: nộp đúng hạn', cadreReports.on_time, 'báo cáo');
  add('cadre_reports', 'cadre_reports.late', 'Nộp chậm hoặc chưa nộp khi đã quá hạn', cadreReports.late, 'báo cáo');

  add('training', 'training.courses', 'Khóa đào tạo, bồi dưỡng khai giảng trong kỳ', training.courses, 'khóa');
  add('training', 'training.participants', 'Lượt cán bộ được cử đi đào tạo, bồi dưỡng', training.participants, 'lượt');
  add('training', 'training.completed', 'Lượt hoàn thành khóa học trong kỳ', training.completed, 'lượt');
  add('training', 'training.committed', 'Kinh phí đã cam kết chi trong kỳ', training.committed, 'đồng');
  add('training', 'training.spent', 'Kinh phí đã chi trong kỳ', training.spent, 'đồng');

  // the sending units' reports to Sở Nội vụ on the schedule's periods ending in this one (a unit's report: its units')
  add('unit_reports', 'unit_reports.due', 'Báo cáo của cơ quan, đơn vị đến hạn gửi Sở Nội vụ (kỳ kết thúc trong kỳ này)', unitReports.due, 'báo cáo');
  add('unit_reports', 'unit_reports.on_time', 'Trong đó: gửi đúng hạn', unitReports.on_time, 'báo cáo');
  add('unit_reports', 'unit_reports.late', 'Gửi chậm hoặc chưa gửi khi đã quá hạn', unitReports.late, 'báo cáo');

  return { from: scope.from, to: scope.to, figures, documents, units };
}
