import { describe, expect, it } from 'vitest';
import { nonLocalRule } from './non-local.rule.js';
import { keyPostsInForce, titleHolds, titleKey } from './record/key-posts.js';
import { eligibleFacts, ruleContext } from '../../../test/support/rule-facts.js';
import { KEY_POSTS_2025_INSTRUMENT } from '../../db/reference/reference-data.js';
import { PLAN_131_PARAMS } from '../../../common/plan-params.js';
import { PLAN_TEMPLATES } from '../../../common/plan-templates.js';
import type { DestinationPost } from './types.js';

const post = (title: string, over: Partial<DestinationPost> = {}): DestinationPost => ({
  id: 'jp',
  title,
  unitId: 'c-home',
  unitName: 'Xã Phương Bình',
  unitKind: 'commune',
  isKeyPost: false,
  minEducation: null,
  requiredRankGrade: null,
  requiredPoliticalTheory: null,
  ...over,
});

describe('non-local rule reads the dated key posts', () => {
  it('a local person as Chủ tịch UBND fails, citing Chỉ thị 45 and Kết luận 201, though the post is not flagged and the plan lists nothing', () => {
    const v = nonLocalRule(eligibleFacts(), ruleContext({ destination: post('Chủ tịch UBND'), params: { ...PLAN_131_PARAMS, nonLocalKeyPosts: [] } }));
    expect(v.result).toBe('fail');
    expect(v.clause).toContain(KEY_POSTS_2025_INSTRUMENT);
    expect(v.clause).toContain('131/KH-UBND');
    expect(v.facts).toMatchObject({ keyPostSource: 'key_posts', keyPostTitle: 'Chủ tịch UBND' });
    expect(nonLocalRule(eligibleFacts(), ruleContext({ destination: post('Chủ tịch UBND', { unitId: 'c-other' }) })).result).toBe('pass');
    expect(nonLocalRule(eligibleFacts({ homeCommuneIds: [] }), ruleContext({ destination: post('Chủ tịch UBND') })).result).toBe('unknown');
  });

  it('matches titles without accents, case or abbreviations, and a longer title of the same post; not a deputy', () => {
    for (const t of [
      'CHỦ TỊCH UBND',
      'Chủ tịch Ủy ban nhân dân xã',
      'chu tich ubnd',
      'Chủ tịch Ủy ban MTTQ Việt Nam',
      'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã',
      'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy',
      'Phó Bí thư Đảng ủy',
    ]) {
      expect(nonLocalRule(eligibleFacts(), ruleContext({ destination: post(t) })).result, t).toBe('fail');
    }
    for (const t of ['Phó Chủ tịch UBND', 'Bí thư Đoàn Thanh niên', 'Chủ tịch UBNDX', 'Công chức Văn hóa - Xã hội']) {
      expect(nonLocalRule(eligibleFacts(), ruleContext({ destination: post(t) })).result, t).toBe('na');
    }
    expect(titleKey('Chủ tịch Hội đồng nhân dân')).toBe(titleKey('Chủ tịch HĐND'));
    expect(titleHolds('Chủ tịch HĐND xã', 'Chủ tịch Hội đồng nhân dân')).toBe(true);
  });

  it("'Trưởng phòng Tài chính' (a district-era key post) no longer counts after 01/07/2025, and the templates no longer list it", () => {
    const districtEra = ruleContext({ params: { ...PLAN_131_PARAMS }, destination: post('Trưởng phòng Tài chính') });
    expect(nonLocalRule(eligibleFacts(), districtEra).result).toBe('na');
    for (const t of PLAN_TEMPLATES) expect(t.params.nonLocalKeyPosts).not.toContain('Trưởng phòng Tài chính');
    // a plan may still add a post of its own: then it counts, citing the plan
    const added = ruleContext({ params: { ...PLAN_131_PARAMS, nonLocalKeyPosts: ['Trưởng Công an'] }, destination: post('Trưởng Công an xã') });
    const v = nonLocalRule(eligibleFacts(), added);
    expect(v.result).toBe('fail');
    expect(v.clause).not.toContain('45-CT/TW');
    expect(v.facts).toMatchObject({ keyPostSource: 'plan' });
  });

  it('the list in force is the one of the reference date: before 01/07/2025 the 2025 commune list does not apply; an ended row stops', () => {
    expect(nonLocalRule(eligibleFacts(), ruleContext({ referenceDate: '2025-06-30', destination: post('Chủ tịch HĐND') })).result).toBe('na');
    expect(nonLocalRule(eligibleFacts(), ruleContext({ referenceDate: '2025-07-01', destination: post('Chủ tịch HĐND') })).result).toBe('fail');
    const rows = [{ title: 'Chủ tịch HĐND', level: 'commune', effectiveFrom: '2025-07-01', effectiveTo: '2027-06-30', instrument: 'X' }];
    expect(keyPostsInForce(rows, 'commune', '2027-06-30')).toHaveLength(1);
    expect(keyPostsInForce(rows, 'commune', '2027-07-01')).toHaveLength(0);
    expect(keyPostsInForce(rows, null, '2026-01-01')).toHaveLength(0);
  });

  it('a post flagged as key in the org structure still counts', () => {
    expect(nonLocalRule(eligibleFacts(), ruleContext({ destination: post('Trưởng Công an', { isKeyPost: true }) })).result).toBe('fail');
  });
});
