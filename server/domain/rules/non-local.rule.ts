import { verdictOf, type Rule } from './types.js';
import { planClause } from '../../../common/plan-clause.js';
import { keyPostLevelOf, keyPostsInForce, titleHolds } from './record/key-posts.js';

const QD_65 = 'Quy định 65-QĐ/TW (bố trí lãnh đạo chủ chốt không phải người địa phương)';

/**
 * A key post is not given to a local person: the destination commune must not be the one the person's pre-2025 home
 * commune became part of. Which posts are key is the dated table `key_posts` in force on the reference date (from
 * 01/07/2025 a commune's Bí thư, Phó Bí thư, Chủ tịch HĐND, Chủ tịch UBND, Chủ tịch UBMTTQ, Chủ nhiệm UBKT: Chỉ thị
 * 45-CT/TW, Kết luận 201-KL/TW), plus the posts the plan adds (`nonLocalKeyPosts`, Plan I.2) and posts flagged as key
 * in the org structure. The clause cites the instrument that made the post key. An unknown home town is unknown.
 */
export const nonLocalRule: Rule = (f, ctx) => {
  const post = ctx.destination;
  const planPart = planClause(ctx.planCode, 'I.2');
  if (!post) return verdictOf('non_local', 'na', `${planPart}; ${QD_65}`, () => ({ reason: 'Chưa chọn vị trí nơi đến', facts: {} }));
  const listed = keyPostsInForce(ctx.keyPosts, keyPostLevelOf(post.unitKind ?? 'commune'), ctx.referenceDate).filter((k) => titleHolds(post.title, k.title));
  const byPlan = ctx.params.nonLocalKeyPosts.some((t) => titleHolds(post.title, t));
  const instruments = [...new Set(listed.map((k) => k.instrument))];
  const clause = instruments.length > 0 ? `${instruments.join('; ')}; ${planPart}` : `${planPart}; ${QD_65}`;
  if (listed.length === 0 && !byPlan && !post.isKeyPost) {
    return verdictOf('non_local', 'na', clause, () => ({ reason: `${post.title} không phải chức danh chủ chốt vào ngày xét`, facts: { post: post.title } }));
  }
  const facts = {
    post: post.title,
    destinationUnitId: post.unitId,
    homeCommuneIds: f.homeCommuneIds,
    keyPostSource: listed.length > 0 ? 'key_posts' : byPlan ? 'plan' : 'job_post',
    keyPostTitle: listed[0]?.title ?? null,
  };
  if (f.homeCommuneIds.length === 0) return verdictOf('non_local', 'unknown', clause, () => ({ reason: 'Chưa có quê quán để xác định người địa phương', facts }));
  if (f.homeCommuneIds.includes(post.unitId)) {
    return verdictOf('non_local', 'fail', clause, () => ({
      reason: `Quê quán thuộc ${post.unitName}: không bố trí giữ chức danh chủ chốt ${post.title} tại địa phương mình`,
      facts,
    }));
  }
  return verdictOf('non_local', 'pass', clause, () => ({ reason: `Không phải người địa phương của ${post.unitName}`, facts }));
};
