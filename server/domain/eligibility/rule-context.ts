import type { Tx } from '../../db/client.js';
import { findPlanCodes, findPlanVersionOn } from '../../db/repositories/plans.repository.js';
import { findDestinationPost, findRatingLevels, findRetirementAges } from '../../db/repositories/eligibility.repository.js';
import { planParamsSchema, type PlanParams } from '../../../common/plan-params.js';
import type { RuleContext } from '../rules/types.js';
import { invalid, notFound } from '../errors.js';

export interface PlanVersionRef {
  id: string;
  code: string;
  version: number;
  effectiveFrom: string;
}

/** The plan version in force on a date, with its validated parameters. */
export async function planInForce(tx: Tx, on: string): Promise<{ ref: PlanVersionRef; params: PlanParams; issuedOn: string }> {
  const [code] = await findPlanCodes(tx);
  if (!code) throw notFound('Kế hoạch');
  const v = await findPlanVersionOn(tx, code, on);
  if (!v) throw invalid([{ path: 'referenceDate', message: `Ngày xét trước ngày kế hoạch ${code} có hiệu lực` }]);
  return { ref: { id: v.versionId, code: v.code, version: v.version, effectiveFrom: v.effectiveFrom }, params: planParamsSchema.parse(v.params), issuedOn: v.issuedOn };
}

/** Everything the rules need besides the person: date, parameters, reference tables, destination. */
export async function buildRuleContext(tx: Tx, referenceDate: string, params: PlanParams, destinationPostId?: string): Promise<RuleContext> {
  const [ratingLevels, retirementAges] = await Promise.all([findRatingLevels(tx), findRetirementAges(tx)]);
  let destination: RuleContext['destination'] = null;
  if (destinationPostId) {
    const post = await findDestinationPost(tx, destinationPostId);
    if (!post) throw invalid([{ path: 'destinationPostId', message: 'Vị trí việc làm nơi đến không tồn tại' }]);
    if (!['commune', 'ward'].includes(post.unitKind)) throw invalid([{ path: 'destinationPostId', message: 'Nơi đến phải là xã, phường' }]);
    destination = post;
  }
  return { referenceDate, params, ratingLevels, retirementAges, destination };
}

export const todayInVietnam = () => new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
