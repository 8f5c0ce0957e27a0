import { nonLocalRule } from '../rules/non-local.rule.js';
import { destinationPostRule } from '../rules/destination-post.rule.js';
import type { DestinationPost, PersonFacts, RuleContext } from '../rules/types.js';
import { fieldFit, type MatchingCandidate, type MatchingNeed, type PairBlock } from './model.js';

/**
 * The pair checks the plan's rules decide, judged per destination by the rules themselves (their one home): a key
 * post is not given to a person not proven non-local (non-local.rule.ts, home town through the 2025 merger map),
 * and the person meets the post's standards (destination-post.rule.ts). "Unknown" blocks as "fail" does: the
 * matching proposes only pairs the rules pass. Only pairs of a fitting field are judged.
 */
export function pairBlocksFor(
  candidates: readonly { candidate: MatchingCandidate; facts: PersonFacts }[],
  needs: readonly { need: MatchingNeed; post: DestinationPost }[],
  rules: RuleContext,
): PairBlock[] {
  const blocks: PairBlock[] = [];
  for (const { need, post } of needs) {
    const ctx: RuleContext = { ...rules, destination: post };
    for (const { candidate, facts } of candidates) {
      if (!fieldFit(candidate, need)) continue;
      for (const rule of [nonLocalRule, destinationPostRule]) {
        const v = rule(facts, ctx);
        if (v.result === 'fail' || v.result === 'unknown') {
          blocks.push({ candidateId: candidate.id, needId: need.id, criterion: v.criterion as PairBlock['criterion'], result: v.result, reason: v.reason });
          break;
        }
      }
    }
  }
  return blocks;
}

/** The destination post a need stands for: the commune's post with its standards, or a field need with the need's own. */
export function destinationOfNeed(
  need: MatchingNeed,
  standards: Pick<DestinationPost, 'id' | 'minEducation' | 'requiredRankGrade' | 'requiredPoliticalTheory'>,
): DestinationPost {
  return {
    id: standards.id,
    title: need.postTitle ?? need.field,
    unitId: need.communeId,
    unitName: need.communeName,
    isKeyPost: need.isKeyPost,
    minEducation: standards.minEducation,
    requiredRankGrade: standards.requiredRankGrade,
    requiredPoliticalTheory: standards.requiredPoliticalTheory,
  };
}
