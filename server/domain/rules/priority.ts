import { ageOn } from '../../../common/dates.js';
import { yearsConsidered } from './record/ratings-window.js';
import type { PersonFacts, RuleContext } from './types.js';

export interface PriorityPart {
  factor: 'young' | 'female' | 'ethnicMinority' | 'outstandingRating';
  label: string;
  points: number;
}

/**
 * Priority among eligible candidates (Plan 131 I.3): young, female and ethnic-minority cadres with outstanding
 * capacity. The score is the sum of the plan's weights for the factors that hold; each factor is listed.
 */
export function priorityScore(f: PersonFacts, ctx: RuleContext): { score: number; parts: PriorityPart[] } {
  const w = ctx.params.priorityWeights;
  const parts: PriorityPart[] = [];
  const age = ageOn(f.birthDate, ctx.referenceDate);
  if (age <= ctx.params.youngAgeThreshold) parts.push({ factor: 'young', label: `Cán bộ trẻ (${age} tuổi)`, points: w.young });
  if (f.gender === 'female') parts.push({ factor: 'female', label: 'Cán bộ nữ', points: w.female });
  if (f.isMinority) parts.push({ factor: 'ethnicMinority', label: 'Người dân tộc thiểu số', points: w.ethnicMinority });
  const lastYear = yearsConsidered(ctx.referenceDate, 1)[0];
  const i = f.ratingYears.indexOf(lastYear);
  if (i >= 0 && ctx.ratingLevels.get(f.ratingCodes[i] ?? '')?.rank === 1) {
    parts.push({ factor: 'outstandingRating', label: `Hoàn thành xuất sắc nhiệm vụ năm ${lastYear}`, points: w.outstandingRating });
  }
  return { score: parts.reduce((s, p) => s + p.points, 0), parts };
}
