import type { TargetGroup } from '../../../common/eligibility.js';
import type { PersonFacts, RuleContext } from './types.js';
import { viDate } from '../../../common/dates.js';

/**
 * The plan's three target groups (III.1.a), first match wins: (1) a leader in planning at a unit that has
 * finished restructuring, (2) a serving leader without grassroots experience, (3) other staff.
 */
export function targetGroup(f: PersonFacts, ctx: RuleContext): { group: TargetGroup; reason: string } {
  const restructured = !!f.sendingUnitRestructuredOn && f.sendingUnitRestructuredOn <= ctx.referenceDate;
  if (f.isLeader && f.planningActive && restructured) {
    return { group: 1, reason: `Lãnh đạo, quản lý trong quy hoạch; đơn vị đã sắp xếp từ ${viDate(f.sendingUnitRestructuredOn)}` };
  }
  if (f.isLeader && !f.hasGrassrootsExperience) return { group: 2, reason: 'Lãnh đạo, quản lý đương chức chưa kinh qua công tác ở cơ sở' };
  return { group: 3, reason: f.isLeader ? 'Lãnh đạo, quản lý đã kinh qua cơ sở' : 'Cán bộ, công chức, viên chức không giữ chức vụ lãnh đạo' };
}
