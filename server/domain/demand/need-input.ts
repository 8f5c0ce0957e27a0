import { DEMAND_FIELDS, NEED_COUNT_MAX, NEED_COUNT_MIN, NEED_URGENCIES, REASON_MAX, type DemandField } from '../../../common/demand.js';
import type { NeedPost, NeedUnit, NeedValues } from '../../db/repositories/demand.repository.js';
import type { Issue } from '../errors.js';

/** A need as typed (in the form or a row of the import), before it is checked against its commune and post. */
export interface NeedInput {
  jobPostId?: string | null;
  field?: string | null;
  postTitle?: string | null;
  count: number;
  urgency?: string | null;
  wantedFrom?: string | null;
  wantedUntil?: string | null;
  minEducation?: string | null;
  requiredRankGrade?: string | null;
  requiredPoliticalTheory?: string | null;
  standards?: string | null;
  reason: string;
}

const clean = (s: string | null | undefined) => {
  const t = s?.normalize('NFC').trim();
  return t ? t : null;
};

/** The commune or ward a need may be declared for: an open commune-level unit. */
export function checkNeedUnit(unit: NeedUnit | null, path = 'unitId'): Issue[] {
  if (!unit) return [{ path, message: 'Không tìm thấy xã, phường' }];
  if (!['commune', 'ward'].includes(unit.kind)) return [{ path, message: `${unit.name} không phải xã, phường: chỉ xã, phường khai báo nhu cầu tăng cường` }];
  if (unit.closedOn) return [{ path, message: `${unit.name} đã thôi hoạt động` }];
  return [];
}

/**
 * Checks a need against its commune and post and fills what the post gives: its field and, where the need does not
 * say, its standards. A post must be one of the commune's own; without a post a field is required (a commune with
 * no posts declares by field). The rules of the form, the API and the import alike.
 */
export function resolveNeed(input: NeedInput, unit: NeedUnit, post: NeedPost | null): { values: NeedValues; issues: Issue[] } {
  const issues: Issue[] = [];
  if (input.jobPostId && !post) issues.push({ path: 'jobPostId', message: 'Vị trí việc làm không tồn tại' });
  if (post && post.unitId !== unit.id) issues.push({ path: 'jobPostId', message: `Vị trí việc làm "${post.title}" không thuộc ${unit.name}` });
  const ownPost = post && post.unitId === unit.id ? post : null;
  const field = clean(input.field) ?? ownPost?.field ?? null;
  if (!field) {
    issues.push({
      path: 'field',
      message: ownPost ? 'Vị trí việc làm chưa có lĩnh vực: chọn lĩnh vực của nhu cầu' : 'Chọn vị trí việc làm của xã hoặc lĩnh vực cần tăng cường',
    });
  } else if (!DEMAND_FIELDS.includes(field as DemandField)) issues.push({ path: 'field', message: 'Lĩnh vực không hợp lệ' });
  if (!Number.isInteger(input.count) || input.count < NEED_COUNT_MIN || input.count > NEED_COUNT_MAX) {
    issues.push({ path: 'count', message: `Số lượng phải từ ${NEED_COUNT_MIN} đến ${NEED_COUNT_MAX} người` });
  }
  const urgency = input.urgency ?? 'normal';
  if (!NEED_URGENCIES.includes(urgency as (typeof NEED_URGENCIES)[number])) issues.push({ path: 'urgency', message: 'Mức độ cần thiết không hợp lệ' });
  if (input.wantedFrom && input.wantedUntil && input.wantedUntil <= input.wantedFrom) {
    issues.push({ path: 'wantedUntil', message: 'Thời gian cần đến phải sau thời gian cần từ' });
  }
  const reason = clean(input.reason);
  if (!reason) issues.push({ path: 'reason', message: 'Nêu lý do cần tăng cường' });
  else if (reason.length > REASON_MAX) issues.push({ path: 'reason', message: `Lý do tối đa ${REASON_MAX} ký tự` });
  const values: NeedValues = {
    unitId: unit.id,
    jobPostId: ownPost?.id ?? null,
    field: field ?? '',
    postTitle: ownPost ? null : clean(input.postTitle),
    count: input.count,
    urgency,
    wantedFrom: input.wantedFrom ?? null,
    wantedUntil: input.wantedUntil ?? null,
    minEducation: clean(input.minEducation) ?? ownPost?.minEducation ?? null,
    requiredRankGrade: clean(input.requiredRankGrade) ?? ownPost?.requiredRankGrade ?? null,
    requiredPoliticalTheory: clean(input.requiredPoliticalTheory) ?? ownPost?.requiredPoliticalTheory ?? null,
    standards: clean(input.standards) ?? ownPost?.standards ?? null,
    reason: reason ?? '',
  };
  return { values, issues };
}
