import type { UseCaseContext } from '../context.js';
import { addDays, daysBetween } from '../../../common/dates.js';
import { decisionScope } from '../../db/scope.js';
import { countFigures, documentsIssued, sentByUnit, unitIdsUnder, type FigureScope } from '../../db/repositories/reports.repository.js';
import { figureSight } from './figure-scope.js';
import { getQuotas } from '../plans/get-quotas.js';
import { entitlementFigures } from './entitlement-figures.js';
import { feedbackFacts } from './feedback-facts.js';
import { inspectionReportFigures } from '../inspections/inspection-figures.js';
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
 * of the report's numbers, each an SQL aggregate over the rows it counts (`FIGURE_DEFS`), seen through the actor's scope. Keys never
 * change; labels are the report's Vietnamese.
 */
export async function computeReportFigures(ctx: UseCaseContext, scope: FigureScope): Promise<PeriodFigures> {
  const sight = figureSight(ctx);
  // one statement after another: inside a transaction they share one connection
  const n = await countFigures(ctx.tx, scope, sight);
  const byUnit = await sentByUnit(ctx.tx, scope, sight);
  const docs = await documentsIssued(ctx.tx, scope, decisionScope(ctx.actor));
  const quotas = await quotasOf(ctx, Number(scope.to.slice(0, 4)));
  const under = scope.unitId ? await unitIdsUnder(ctx.tx, scope.unitId) : null;

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
  /** A figure of the rows it counts (`FIGURE_DEFS`: the same condition lists them). */
  const count = (group: FigureGroup, key: string, label: string, unit = 'người') => {
    if (!(key in n)) throw new Error(`figure ${key} has no definition`);
    add(group, key, label, n[key]!, unit);
  };
  const sent = { host_communes: n['hosts.communes']!, host_dbkk: n['hosts.especially_disadvantaged']! };

  add('documents', 'documents.plans', 'Kế hoạch, văn bản điều chỉnh kế hoạch', docs.plans.length, 'văn bản');
  add('documents', 'documents.decisions', 'Quyết định đã ban hành', docs.decisions.length, 'quyết định');
  for (const k of DECISION_KINDS) {
    add('documents', `documents.decisions.${k}`, DECISION_KIND_LABELS[k], docs.decisions.filter((d) => d.decisionKind === k).length, 'quyết định');
  }

  count('sent', 'sent.total', 'Cán bộ được quyết định cử tăng cường trong kỳ');
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

  for (const g of TARGET_GROUPS) count('target_group', `target_group.${g}`, TARGET_GROUP_LABELS[g]);

  count('sex', 'sex.male', 'Nam');
  count('sex', 'sex.female', 'Nữ');

  count('ethnicity', 'ethnicity.kinh', 'Dân tộc Kinh');
  count('ethnicity', 'ethnicity.minority', 'Dân tộc thiểu số');
  count('ethnicity', 'ethnicity.unknown', 'Chưa có thông tin dân tộc');

  count('age', 'age.under35', 'Dưới 35 tuổi');
  count('age', 'age.35_45', 'Từ 35 đến 45 tuổi');
  count('age', 'age.46_55', 'Từ 46 đến 55 tuổi');
  count('age', 'age.over55', 'Trên 55 tuổi');

  for (const e of EDUCATION_LEVELS) count('education', `education.${e}`, EDUCATION_LABELS[e]);
  count('education', 'education.none', 'Chưa có thông tin trình độ');

  for (const t of POLITICAL_THEORY) count('theory', `theory.${t}`, POLITICAL_THEORY_LABELS[t]);
  count('theory', 'theory.none', 'Chưa qua đào tạo lý luận chính trị');

  count('hosts', 'hosts.communes', 'Xã, phường tiếp nhận cán bộ được cử trong kỳ', 'xã, phường');
  count('hosts', 'hosts.especially_disadvantaged', 'Trong đó: xã đặc biệt khó khăn', 'xã');
  add(
    'hosts',
    'hosts.especially_disadvantaged_share',
    'Tỷ lệ xã đặc biệt khó khăn trong số xã tiếp nhận',
    sent.host_communes ? Math.round((sent.host_dbkk * 1000) / sent.host_communes) / 10 : 0,
    '%',
  );

  count('returns', 'returns.ended', 'Cán bộ kết thúc thời gian tăng cường trong kỳ');
  count('returns', 'returns.ended_early', 'Trong đó: kết thúc trước thời hạn');
  count('returns', 'returns.placed', 'Cán bộ trở về đã được bố trí công tác trong kỳ');
  count('returns', 'returns.extra_step', 'Trong đó: được nâng thêm một bậc lương');

  count('evaluations', 'evaluations.total', 'Phiếu nhận xét, đánh giá của nơi tiếp nhận trong kỳ', 'phiếu');

  count('cadre_reports', 'cadre_reports.due', 'Báo cáo của cán bộ tăng cường đến hạn trong kỳ', 'báo cáo');
  count('cadre_reports', 'cadre_reports.on_time', 'Trong đó: nộp đúng hạn', 'báo cáo');
  count('cadre_reports', 'cadre_reports.late', 'Nộp chậm hoặc chưa nộp khi đã quá hạn', 'báo cáo');

  count('training', 'training.courses', 'Khóa đào tạo, bồi dưỡng khai giảng trong kỳ', 'khóa');
  count('training', 'training.participants', 'Lượt cán bộ được cử đi đào tạo, bồi dưỡng', 'lượt');
  count('training', 'training.completed', 'Lượt hoàn thành khóa học trong kỳ', 'lượt');
  count('training', 'training.committed', 'Kinh phí đã cam kết chi trong kỳ', 'đồng');
  count('training', 'training.spent', 'Kinh phí đã chi trong kỳ', 'đồng');

  // the sending units' reports to Sở Nội vụ on the schedule's periods ending in this one (a unit's report: its units')
  count('unit_reports', 'unit_reports.due', 'Báo cáo của cơ quan, đơn vị đến hạn gửi Sở Nội vụ (kỳ kết thúc trong kỳ này)', 'báo cáo');
  count('unit_reports', 'unit_reports.on_time', 'Trong đó: gửi đúng hạn', 'báo cáo');
  count('unit_reports', 'unit_reports.late', 'Gửi chậm hoặc chưa gửi khi đã quá hạn', 'báo cáo');
  // section II, entitlements paid and by whom (entitlement-figures.ts); section V, the units' feedback (feedback-facts.ts)
  figures.push(...(await entitlementFigures(ctx, scope, sight.visible, n)));
  const raised = await feedbackFacts(ctx, scope, n);
  figures.push(...raised.figures);
  // Sở Nội vụ's guidance (section I) and inspections (Plan 131 IV.3): their own block (inspection-figures.ts), the counts from `n`
  const insp = await inspectionReportFigures(ctx, scope, n);
  documents.push(...insp.documents);
  figures.push(...insp.figures);

  return { from: scope.from, to: scope.to, figures, documents, units, feedback: raised.feedback };
}
