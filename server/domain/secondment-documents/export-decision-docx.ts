import type { UseCaseContext } from '../context.js';
import { notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findDecision, listDecisionItems, type DecisionItemRow } from '../../db/repositories/secondment-documents.repository.js';
import { renderSecondmentDecisionDocx, type DecisionDocItem, type PostRef } from '../../documents/secondment-decisions-docx.js';
import { extraStep, isCompletedWell } from '../rules/pay/salary-steps.js';
import type { DecisionKind } from '../../../common/secondment.js';
import { decisionScope, provinceWide, secondmentsScope } from '../../db/scope.js';
import { decisionPolicy } from './decision.policy.js';
import { provinceOfDeployment } from '../province/province-of-deployment.js';
import { planInForce } from '../plans/plan-in-force.js';
import { listAllowanceMultipliers } from '../../db/repositories/entitlements.repository.js';
import { multiplierOn } from '../rules/pay/allowance-multiplier.js';

const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
const post = (p: Record<string, unknown> | null): PostRef | null => (p ? { positionTitle: str(p.positionTitle), unitName: str(p.unitName) } : null);
const coef = (c: string | null) => (c ? Number(c).toFixed(2).replace('.', ',') : '—');
const RATING_NAMES: Record<string, string> = {
  HTXS: 'hoàn thành xuất sắc nhiệm vụ',
  HTT: 'hoàn thành tốt nhiệm vụ',
  HT: 'hoàn thành nhiệm vụ',
  KHT: 'không hoàn thành nhiệm vụ',
};

/** The salary step sentence of a return decision, from the reserved post and the rank's steps. */
export function returnStepText(i: DecisionItemRow): string | null {
  const rp = i.reservedPost;
  const s = extraStep(
    {
      rankCode: str(rp?.rankCode) ?? i.currentRankCode,
      rankName: i.rankName,
      salaryStep: rp?.salaryStep != null ? Number(rp.salaryStep) : i.currentSalaryStep,
      salaryCoefficient: str(rp?.salaryCoefficient) ?? i.currentSalaryCoefficient,
    },
    i.rankSteps ?? [],
  );
  const rank = `ngạch ${s.rankName ?? ''}${s.rankCode ? ` (mã số ${s.rankCode})` : ''}`;
  const rating = i.outcomeRating ? `kết quả thực hiện nhiệm vụ: ${RATING_NAMES[i.outcomeRating] ?? i.outcomeRating}` : null;
  if (!i.outcomeRating) return null;
  if (!isCompletedWell(i.outcomeRating)) return `${rating}; không thuộc diện nâng lương vượt bậc`;
  if (s.atLastStep) return `${rating}; đã ở bậc ${s.stepBefore}/${s.lastStep} (bậc lương cuối cùng) của ${rank}, không nâng lương vượt bậc`;
  if (i.extraStepGranted && s.stepAfter) {
    return `${rating}; nâng lương vượt một bậc từ bậc ${s.stepBefore}/${s.lastStep} (hệ số ${coef(s.coefficientBefore)}) lên bậc ${s.stepAfter}/${s.lastStep} (hệ số ${coef(s.coefficientAfter)}), ${rank}`;
  }
  if (i.extraStepGranted) return `${rating}; nâng lương vượt một bậc`;
  return `${rating}; chưa quyết định nâng lương vượt bậc`;
}

function docItem(kind: DecisionKind, i: DecisionItemRow): DecisionDocItem {
  return {
    fullName: i.fullName,
    gender: i.gender,
    birthDate: i.birthDate,
    positionTitle: str(i.reservedPost?.positionTitle) ?? i.positionTitle,
    unitName: str(i.reservedPost?.unitName) ?? i.personUnitName,
    sendingUnitName: i.sendingUnitName,
    hostUnitName: i.hostUnitName,
    role: i.role,
    from: i.itemStartDate ?? i.startDate,
    to: i.itemEndDate ?? (kind === 'send' ? i.endDate : (i.actualEndDate ?? i.endDate)),
    durationMonths: i.itemDurationMonths,
    reason: i.itemReason ?? (kind === 'end_early' ? i.endReason : null),
    sendDecisionNo: i.sendDecisionNo,
    reservedPost: post(i.reservedPost),
    placement: post(i.placement),
    // the reason of a placement below the reserved post is kept with the placement (place-on-return.ts)
    lowerThanReserved: Array.isArray(i.placement?.lowerThanReserved) ? i.placement.lowerThanReserved.map(String) : null,
    lowerReason: str(i.placement?.lowerReason),
    effectiveOn: i.returnedOn ?? i.itemStartDate,
    stepText: kind === 'return' ? returnStepText(i) : null,
  };
}

/**
 * A decision of the secondment path as an official .docx (Decree 30/2020). Sở Nội vụ and the authority may
 * download any; a sending unit or host only a decision covering one of its secondments (otherwise not found), and
 * then only the extract of its own cadres when the decision names others too. Logged as an export.
 */
export async function exportDecisionDocx(ctx: UseCaseContext, id: string) {
  const d = await findDecision(ctx.tx, id, decisionScope(ctx.actor));
  if (!d) throw notFound('Quyết định');
  const kind = d.kind as DecisionKind;
  // a reader who sees only some of its cadres (a host commune, a sending unit) gets the extract of theirs (trích)
  const who = decisionPolicy.gates.read.who;
  const whole = provinceWide(ctx.actor, who);
  const items = await listDecisionItems(ctx.tx, id, whole ? undefined : secondmentsScope(ctx.actor, { who, itemAlias: 'di', peopleAlias: 'p' }));
  if (!items.length) throw notFound('Quyết định');
  const extract = items.length < d.count ? { shown: items.length, total: d.count } : null;
  const province = await provinceOfDeployment(ctx.tx);
  const { row: plan } = await planInForce(ctx.tx, d.decidedOn);
  const buffer = await renderSecondmentDecisionDocx({
    kind,
    number: d.number,
    decidedOn: d.decidedOn,
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    issuerUnitName: d.issuerUnitName,
    items: items.map((i) => docItem(kind, i)),
    province,
    plan: { code: plan.code, title: plan.title, issuedBy: plan.issuedBy, issuedOn: plan.issuedOn },
    extract,
    oneOffMultiplier: multiplierOn(await listAllowanceMultipliers(ctx.tx), d.decidedOn)?.multiplier ?? null,
  });
  await recordAudit(ctx.tx, ctx, {
    action: 'export',
    entityType: 'secondment_decision',
    entityId: id,
    meta: { format: 'docx', kind, number: d.number, people: items.length, extract: extract !== null },
  });
  return { buffer, fileName: `${extract ? 'Trích quyết định' : 'Quyết định'} ${d.number.replace(/\//g, '-')}.docx` };
}
