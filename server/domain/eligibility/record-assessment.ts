import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../../db/scope.js';
import { findPersonInScope } from '../../db/repositories/personnel.repository.js';
import { insertAssessment } from '../../db/repositories/eligibility.repository.js';
import { canAssess } from './eligibility.policy.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';

export interface AssessmentInput {
  assessedOn: string;
  politicalOk: 'yes' | 'no';
  capacityOk: 'yes' | 'no';
  prestigeOk: 'yes' | 'no';
  prospectsOk: 'yes' | 'no';
  note?: string | null;
}

/**
 * Records the sending unit's assessment of a person (political stance, capacity, prestige, prospects), dated
 * and signed by the acting head or personnel officer. A "no" needs a written reason.
 */
export async function recordAssessment(ctx: UseCaseContext, personId: string, input: AssessmentInput) {
  const p = await findPersonInScope(ctx.tx, personId, peopleScope(ctx));
  if (!p) throw notFound('Cán bộ');
  if (!canAssess(ctx.actor, p.unitPath)) throw forbidden('Chỉ thủ trưởng hoặc cán bộ tổ chức của đơn vị nơi đi được nhận xét, đánh giá.');
  const issues = [];
  if (input.assessedOn > ctx.today) issues.push({ path: 'assessedOn', message: 'Ngày đánh giá không thể ở tương lai' });
  const anyNo = [input.politicalOk, input.capacityOk, input.prestigeOk, input.prospectsOk].includes('no');
  if (anyNo && !input.note?.trim()) issues.push({ path: 'note', message: 'Đánh giá "không đạt" cần ghi rõ lý do' });
  if (issues.length) throw invalid(issues);
  const id = await insertAssessment(ctx.tx, {
    personId: p.id,
    assessedOn: input.assessedOn,
    assessedBy: ctx.actor.userId,
    assessorName: ctx.actor.displayName,
    capacityOk: input.capacityOk,
    prestigeOk: input.prestigeOk,
    prospectsOk: input.prospectsOk,
    politicalOk: input.politicalOk,
    note: input.note?.trim() || null,
  });
  await recordAudit(ctx.tx, ctx, { action: 'create', entityType: 'unit_assessment', entityId: id, personId: p.id, after: input });
  return { id };
}
