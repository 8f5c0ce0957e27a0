import { allOf } from '../../db/sql-helpers.js';
import type { Tx } from '../../db/client.js';
import { findDestinationPost, findKeyPosts, findRatingInstruments, findRatingLevels, findRetirementAges } from '../../db/repositories/eligibility.repository.js';
import type { PlanParams } from '../../../common/plan-params.js';
import type { RuleContext } from '../rules/types.js';
import { invalid } from '../errors.js';
import { planCodeOn } from '../plans/plan-in-force.js';

/** Everything the rules need besides the person: date, parameters, reference tables, destination. */
export async function buildRuleContext(tx: Tx, referenceDate: string, params: PlanParams, destinationPostId?: string): Promise<RuleContext> {
  // the clauses cite the plan governing the reference date (plans/plan-in-force.ts)
  const [ratingLevels, ratingInstruments, retirementAges, planCode, keyPosts] = await allOf(tx, [
    () => findRatingLevels(tx),
    () => findRatingInstruments(tx),
    () => findRetirementAges(tx),
    () => planCodeOn(tx, referenceDate),
    () => findKeyPosts(tx),
  ]);
  let destination: RuleContext['destination'] = null;
  if (destinationPostId) {
    const post = await findDestinationPost(tx, destinationPostId);
    if (!post) throw invalid([{ path: 'destinationPostId', message: 'Vị trí việc làm nơi đến không tồn tại' }]);
    if (!['commune', 'ward'].includes(post.unitKind)) throw invalid([{ path: 'destinationPostId', message: 'Nơi đến phải là xã, phường' }]);
    destination = post;
  }
  return { referenceDate, params, planCode, ratingLevels, ratingInstruments, retirementAges, destination, keyPosts };
}
