import { verdictOf, type Rule } from './types.js';
import { planClause } from '../../../common/plan-clause.js';
import { SECONDMENT_STATUS_LABELS, type SecondmentStatus } from '../../../common/secondment.js';

/** Not already proposed, decided or serving in a secondment: one at a time per person. */
export const notSecondedRule: Rule = (f, ctx) =>
  verdictOf('not_seconded', f.openSecondmentStatus ? 'fail' : 'pass', `${planClause(ctx.planCode, 'III.1.c')}; Nghị định 170/2025/NĐ-CP Điều 42–51`, () => ({
    reason: f.openSecondmentStatus
      ? `Đã có đợt tăng cường chưa kết thúc: ${SECONDMENT_STATUS_LABELS[f.openSecondmentStatus as SecondmentStatus] ?? f.openSecondmentStatus}`
      : 'Chưa có đợt tăng cường nào đang thực hiện',
    facts: { openSecondmentStatus: f.openSecondmentStatus },
  }));
