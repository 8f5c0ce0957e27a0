import { describe, expect, it } from 'vitest';
import { partyOpinionBar } from './secondment.js';

describe("the Party committee's opinion before the decision (Plan 131 II.1; Decree 170/2025 Art. 46)", () => {
  const opinion = { committeeName: 'Ban Thường vụ Đảng ủy Sở', documentNo: '15-CV/ĐU', outcome: 'agree', politicalConclusion: 'meets' } as const;
  it('none yet: the person and the clause are named', () => {
    expect(partyOpinionBar('Nguyễn Thị Lan', null, '131/KH-UBND')).toBe(
      'Chưa có ý kiến của cấp ủy và kết luận về tiêu chuẩn chính trị đối với Nguyễn Thị Lan (Kế hoạch 131/KH-UBND, mục II.1; Điều 46 Nghị định 170/2025/NĐ-CP).',
    );
  });
  it('agreeing and meeting the political standards lets the decision through', () => {
    expect(partyOpinionBar('Nguyễn Thị Lan', opinion, '131/KH-UBND')).toBeNull();
  });
  it('a disagreement, or standards not met, bars it whatever the other half says', () => {
    expect(partyOpinionBar('Nguyễn Thị Lan', { ...opinion, outcome: 'disagree' }, '131/KH-UBND')).toMatch(/không đồng ý cử Nguyễn Thị Lan.*mục II\.1/);
    expect(partyOpinionBar('Nguyễn Thị Lan', { ...opinion, politicalConclusion: 'not_meets' }, '131/KH-UBND')).toMatch(/không đủ tiêu chuẩn chính trị.*15-CV\/ĐU/);
  });
});
