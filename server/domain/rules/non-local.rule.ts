import { verdictOf, type Rule } from './types.js';
import { planClause } from '../../../common/plan-clause.js';

/**
 * A key post (Bí thư, Chủ tịch UBND, …) is not given to a local person: the destination commune must not be
 * the one the person's pre-2025 home commune became part of (Plan 131 I.2; Quy định 65-QĐ/TW). Applies only
 * to key posts; an unknown home town is unknown.
 */
export const nonLocalRule: Rule = (f, ctx) => {
  const post = ctx.destination;
  const clause = `${planClause(ctx.planCode, 'I.2')}; Quy định 65-QĐ/TW (bố trí lãnh đạo chủ chốt không phải người địa phương)`;
  const keyTitles = ctx.params.nonLocalKeyPosts;
  const isKey = !!post && (post.isKeyPost || keyTitles.some((t) => post.title.startsWith(t)));
  if (!post || !isKey) return verdictOf('non_local', 'na', clause, () => ({ reason: 'Vị trí nơi đến không phải chức danh chủ chốt', facts: {} }));
  const facts = { post: post.title, destinationUnitId: post.unitId, homeCommuneIds: f.homeCommuneIds };
  if (f.homeCommuneIds.length === 0) return verdictOf('non_local', 'unknown', clause, () => ({ reason: 'Chưa có quê quán để xác định người địa phương', facts }));
  if (f.homeCommuneIds.includes(post.unitId)) {
    return verdictOf('non_local', 'fail', clause, () => ({
      reason: `Quê quán thuộc ${post.unitName}: không bố trí giữ chức danh chủ chốt ${post.title} tại địa phương mình`,
      facts,
    }));
  }
  return verdictOf('non_local', 'pass', clause, () => ({ reason: `Không phải người địa phương của ${post.unitName}`, facts }));
};
