import { DEMAND_FIELD_LABELS, NEED_URGENCY_LABELS, type DemandField } from '../../../common/demand.js';
import {
  allowedPairs,
  fieldFit,
  guardedCandidates,
  scaledValue,
  SCALE,
  type MatchingCandidate,
  type MatchingInput,
  type MatchingNeed,
  type MatchingUnit,
  type PairValue,
} from './model.js';
import type { OptimalityCertificate } from './solve-matching.js';

export type UnfilledReason = 'no_field' | 'all_local' | 'standards' | 'guard' | 'excluded' | 'quota' | 'taken';

export interface UnfilledNeed {
  needId: string;
  filled: number;
  count: number;
  reason: UnfilledReason;
  why: string;
  /** How the candidates of the need's field fall out. */
  tally: { ofField: number; guarded: number; local: number; belowStandards: number; unitWithoutQuota: number; takenElsewhere: number; unitQuotaUsed: number };
}

const fmt = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 3 });
const fieldLabel = (f: string) => DEMAND_FIELD_LABELS[f as DemandField] ?? f;

/** How a need is named in the explanations: its post, or its field, at its commune. */
export function needLabel(n: MatchingNeed): string {
  return `${n.postTitle ?? `lĩnh vực ${fieldLabel(n.field)}`} tại ${n.communeName}`;
}

/** Why a pair is proposed: the need it fills, the fit, the priority parts, the points and the limits it reaches. */
export function pairWhy(c: MatchingCandidate, n: MatchingNeed, unit: MatchingUnit, v: PairValue, use: { unitUsed: number; needFilled: number }): string {
  const fit = fieldFit(c, n) === 'exact' ? `đúng lĩnh vực ${fieldLabel(n.field)}` : `nhu cầu quản lý chung (không đòi hỏi lĩnh vực riêng)`;
  const parts = c.priorityParts.length ? c.priorityParts.map((p) => `${p.label} (+${fmt(p.points)})`).join(', ') : 'không có yếu tố ưu tiên';
  const points = `${fmt(v.total)} điểm = bố trí ${fmt(v.seat)} + lĩnh vực ${fmt(v.fit)} + mức độ ${NEED_URGENCY_LABELS[n.urgency].toLowerCase()} ${fmt(v.urgency)} + ưu tiên ${fmt(v.priority)}`;
  const limits: string[] = [];
  if (use.unitUsed >= unit.remainingQuota) limits.push(`${unit.name} dùng hết chỉ tiêu còn lại (${use.unitUsed}/${unit.remainingQuota})`);
  else limits.push(`${unit.name} dùng ${use.unitUsed}/${unit.remainingQuota} chỉ tiêu còn lại`);
  if (use.needFilled >= n.count) limits.push(`nhu cầu đã đủ ${n.count}/${n.count} người`);
  return `Bố trí vào ${needLabel(n)}: ${fit}; ${parts}; ${points}. ${limits.join('; ')}.`;
}

/** Why each need is not filled in full, from how its field's candidates fall out. */
export function explainUnfilled(input: MatchingInput, matched: Map<string, string>, unitUse: Map<string, number>, needUse: Map<string, number>): UnfilledNeed[] {
  const guarded = guardedCandidates(input);
  const blocks = new Map(input.pairBlocks.map((b) => [`${b.candidateId}|${b.needId}`, b]));
  const quota = new Map(input.units.map((u) => [u.id, Math.max(0, Math.floor(u.remainingQuota))]));
  const out: UnfilledNeed[] = [];
  for (const n of input.needs) {
    const filled = needUse.get(n.id) ?? 0;
    if (filled >= n.count) continue;
    const tally = { ofField: 0, guarded: 0, local: 0, belowStandards: 0, unitWithoutQuota: 0, takenElsewhere: 0, unitQuotaUsed: 0 };
    let here = 0; // those proposed for this very need
    for (const c of input.candidates) {
      if (!fieldFit(c, n)) continue;
      tally.ofField++;
      const block = blocks.get(`${c.id}|${n.id}`);
      if (guarded.has(c.id)) tally.guarded++;
      else if (block?.criterion === 'non_local') tally.local++;
      else if (block) tally.belowStandards++;
      else if (!quota.get(c.sendingUnitId)) tally.unitWithoutQuota++;
      else if (matched.get(c.id) === n.id) here++;
      else if (matched.has(c.id)) tally.takenElsewhere++;
      else tally.unitQuotaUsed++;
    }
    const missing = `Còn thiếu ${n.count - filled}/${n.count} người cho ${needLabel(n)}`;
    const excluded = tally.guarded + tally.local + tally.belowStandards;
    let reason: UnfilledReason;
    let why: string;
    if (tally.ofField === 0) {
      reason = 'no_field';
      why = `${missing}: không có cán bộ đủ điều kiện thuộc lĩnh vực ${fieldLabel(n.field)}.`;
    } else if (excluded + here === tally.ofField && here === 0) {
      reason = tally.local === excluded ? 'all_local' : tally.belowStandards === excluded ? 'standards' : tally.guarded === excluded ? 'guard' : 'excluded';
      const detail = [
        tally.local && `${tally.local} người là người địa phương (không bố trí chức danh chủ chốt tại địa phương mình) hoặc chưa rõ quê quán`,
        tally.belowStandards && `${tally.belowStandards} người chưa đáp ứng hoặc chưa đủ thông tin về tiêu chuẩn vị trí`,
        tally.guarded && `${tally.guarded} người là người duy nhất giữ chức danh chủ chốt ở đơn vị mình`,
      ].filter(Boolean);
      why = `${missing}: cả ${tally.ofField} cán bộ cùng lĩnh vực đều không bố trí được: ${detail.join('; ')}.`;
    } else if (excluded === 0 && here === tally.ofField) {
      reason = 'no_field';
      why = `${missing}: chỉ có ${here} cán bộ đủ điều kiện thuộc lĩnh vực ${fieldLabel(n.field)}, đều đã được đề xuất cho nhu cầu này.`;
    } else if (excluded + here === tally.ofField) {
      reason = tally.local ? 'all_local' : tally.belowStandards ? 'standards' : tally.guarded ? 'guard' : 'excluded';
      why = `${missing}: ${here} người đã được đề xuất; ${excluded} cán bộ cùng lĩnh vực còn lại đều không bố trí được (người địa phương, chưa đáp ứng tiêu chuẩn hoặc là người duy nhất giữ chức danh chủ chốt).`;
    } else if (tally.unitWithoutQuota + excluded + here === tally.ofField) {
      reason = 'quota';
      why = `${missing}: ${tally.unitWithoutQuota} cán bộ phù hợp thuộc các đơn vị đã hết chỉ tiêu cử tăng cường.`;
    } else if (tally.unitQuotaUsed > 0) {
      reason = 'quota';
      why = `${missing}: ${tally.unitQuotaUsed} cán bộ phù hợp chưa được bố trí vì chỉ tiêu của đơn vị họ đã dành cho những cặp nhiều điểm hơn${tally.takenElsewhere ? `; ${tally.takenElsewhere} người đã được bố trí vào nhu cầu khác` : ''}.`;
    } else {
      reason = 'taken';
      why =
        tally.takenElsewhere === 1
          ? `${missing}: cán bộ phù hợp duy nhất đã được bố trí vào nhu cầu khác nhiều điểm hơn.`
          : `${missing}: cả ${tally.takenElsewhere} cán bộ phù hợp đều đã được bố trí vào nhu cầu khác nhiều điểm hơn.`;
    }
    out.push({ needId: n.id, filled, count: n.count, reason, why, tally });
  }
  return out;
}

/** Why a given cadre is not proposed for a given need ("why not this person for this need"). */
export function explainNotChosen(
  input: MatchingInput,
  result: { pairs: { candidateId: string; needId: string }[]; certificate: OptimalityCertificate },
  candidateId: string,
  needId: string,
): string {
  const c = input.candidates.find((x) => x.id === candidateId);
  const n = input.needs.find((x) => x.id === needId);
  if (!c || !n) return 'Cán bộ hoặc nhu cầu không có trong lần ghép này.';
  const chosen = result.pairs.find((p) => p.candidateId === candidateId);
  if (chosen?.needId === needId) return `Đã được đề xuất cho ${needLabel(n)}.`;
  if (!fieldFit(c, n)) return `Lĩnh vực của cán bộ không phù hợp với nhu cầu (${fieldLabel(n.field)}).`;
  const guard = guardedCandidates(input).get(c.id);
  if (guard) return guard;
  const block = input.pairBlocks.find((b) => b.candidateId === candidateId && b.needId === needId);
  if (block) return block.reason;
  const unit = input.units.find((u) => u.id === c.sendingUnitId);
  if (!unit || unit.remainingQuota <= 0) return `Đơn vị cử ${unit?.name ?? ''} không còn chỉ tiêu cử tăng cường.`.replace('  ', ' ');
  if (!allowedPairs({ ...input, candidates: [c], needs: [n] }).length) return 'Cặp này không được phép trong mô hình.';
  const cert = result.certificate;
  const w = scaledValue(c, n, input.weights);
  const covered = (cert.unitPrices[unit.id] ?? 0) + (cert.candidatePrices[c.id] ?? 0) + (cert.needPrices[n.id] ?? 0);
  const where = chosen
    ? `Cán bộ đã được đề xuất cho ${needLabel(input.needs.find((x) => x.id === chosen.needId)!)}`
    : 'Các chỗ của nhu cầu và chỉ tiêu của đơn vị đã dành cho cặp khác';
  const loss = covered - w;
  if (loss <= 0) return `${where}; đưa cặp này vào không làm tăng tổng điểm (một phương án khác cùng điểm tối ưu).`;
  return `${where}; đưa cặp này vào làm tổng điểm giảm ít nhất ${fmt(loss / SCALE)} điểm (cặp được ${fmt(w / SCALE)} điểm, giá trị các chỗ nó chiếm ${fmt(covered / SCALE)} điểm).`;
}
