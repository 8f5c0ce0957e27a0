import { verdictOf, type Rule } from './types.js';

const STATUS_TEXT: Record<string, string> = {
  proposed: 'đang được đề xuất',
  appraised: 'đang được thẩm định',
  decided: 'đã có quyết định cử',
  active: 'đang tăng cường ở cơ sở',
};

/** Not already proposed, decided or serving in a secondment: one at a time per person. */
export const notSecondedRule: Rule = (f) =>
  verdictOf('not_seconded', f.openSecondmentStatus ? 'fail' : 'pass', 'Kế hoạch 131/KH-UBND, mục III.1.c; Nghị định 170/2025/NĐ-CP Điều 42–51', () => ({
    reason: f.openSecondmentStatus ? `Cán bộ ${STATUS_TEXT[f.openSecondmentStatus] ?? f.openSecondmentStatus}` : 'Chưa có đợt tăng cường nào đang thực hiện',
    facts: { openSecondmentStatus: f.openSecondmentStatus },
  }));
