import type { UseCaseContext } from '../context.js';
import type { CadreUpdate } from '../../../common/schemas/personnel.js';
import { peopleScope } from '../../db/scope.js';
import { findPersonInScope, updatePersonFields, type PersonField } from '../../db/repositories/personnel.repository.js';
import { findUnitPath } from '../../db/repositories/org.repository.js';
import * as ref from '../../db/repositories/reference.repository.js';
import { canCadre, canManageUnit } from './personnel.policy.js';
import { AppError, forbidden, invalid, notFound, type Issue } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { SENSITIVE_PERSON_FIELDS } from './sensitive-fields.js';

/** Rules between fields of one record, checked on the record as it would be after the change, on the Vietnam date `now`. */
export function checkPersonConsistency(r: Record<string, unknown>, now: string): Issue[] {
  const issues: Issue[] = [];
  const d = (k: string) => (r[k] ? String(r[k]) : null);
  const birth = d('birthDate');
  if (birth) {
    const age = (Date.parse(now) - Date.parse(birth)) / (365.25 * 864e5);
    if (age < 18 || age > 75) issues.push({ path: 'birthDate', message: 'Ngày sinh không hợp lý: tuổi phải từ 18 đến 75' });
  }
  const recruited = d('recruitedOn');
  if (recruited && birth && recruited < birth) issues.push({ path: 'recruitedOn', message: 'Ngày tuyển dụng không thể trước ngày sinh' });
  if (recruited && recruited > now) issues.push({ path: 'recruitedOn', message: 'Ngày tuyển dụng không thể ở tương lai' });
  const joined = d('partyJoinedOn');
  const official = d('partyOfficialOn');
  if (official && !joined) issues.push({ path: 'partyOfficialOn', message: 'Có ngày chính thức thì phải có ngày vào Đảng' });
  if (joined && official && official < joined) issues.push({ path: 'partyOfficialOn', message: 'Ngày chính thức không thể trước ngày vào Đảng' });
  if (joined && joined > now) issues.push({ path: 'partyJoinedOn', message: 'Ngày vào Đảng không thể ở tương lai' });
  const health = d('healthCheckedOn');
  if (health && health > now) issues.push({ path: 'healthCheckedOn', message: 'Ngày khám sức khỏe không thể ở tương lai' });
  return issues;
}

/**
 * Changes fields of a person's record. The caller sends the version it read; if someone saved in between,
 * the change is refused (409) rather than silently overwriting theirs.
 */
export async function updateCadre({ actor, tx, requestId, today }: UseCaseContext, id: string, input: CadreUpdate) {
  const p = await findPersonInScope(tx, id, peopleScope({ actor, today }), true);
  if (!p) throw notFound('Cán bộ');
  if (!canCadre(actor, 'update', p)) throw forbidden('Bạn không có quyền sửa hồ sơ này.');
  if (input.version !== p.version) {
    throw new AppError('version_conflict', 'Hồ sơ đã được người khác cập nhật. Vui lòng tải lại trước khi sửa.');
  }
  const { version: _v, ...fields } = input;
  const changed: Partial<Record<PersonField, unknown>> = {};
  for (const [k, v] of Object.entries(fields) as [PersonField, unknown][]) {
    const normalised = typeof v === 'string' ? v.normalize('NFC') : v;
    if (String(p[k] ?? '') !== String(normalised ?? '')) changed[k] = normalised;
  }
  if (Object.keys(changed).length === 0) return { version: p.version, changed: [] as string[] };

  const issues: Issue[] = checkPersonConsistency({ ...p, ...changed }, today);
  if (changed.ethnicCode && !(await ref.ethnicCodeExists(tx, String(changed.ethnicCode)))) {
    issues.push({ path: 'ethnicCode', message: 'Mã dân tộc không có trong danh mục 54 dân tộc' });
  }
  if (changed.rankCode && !(await ref.rankExists(tx, String(changed.rankCode)))) {
    issues.push({ path: 'rankCode', message: 'Mã ngạch không có trong danh mục' });
  }
  if (changed.homeTownCode && !(await ref.legacyCommuneExists(tx, String(changed.homeTownCode)))) {
    issues.push({ path: 'homeTownCode', message: 'Mã xã (trước 01/07/2025) không có trong danh mục' });
  }
  const unitId = String(changed.unitId ?? p.unitId);
  if (changed.unitId) {
    const path = await findUnitPath(tx, unitId);
    if (!path) issues.push({ path: 'unitId', message: 'Đơn vị không tồn tại' });
    else if (!canManageUnit(actor, path)) throw forbidden('Bạn không có quyền chuyển cán bộ sang đơn vị này.');
  }
  const jobPostId = 'jobPostId' in changed ? changed.jobPostId : p.jobPostId;
  if (jobPostId && (changed.jobPostId || changed.unitId)) {
    const postUnit = await ref.jobPostUnit(tx, String(jobPostId));
    if (postUnit !== unitId) issues.push({ path: 'jobPostId', message: 'Vị trí việc làm không thuộc đơn vị của cán bộ' });
  }
  if (issues.length) throw invalid(issues);

  const version = await updatePersonFields(tx, p.id, changed);
  const before: Record<string, unknown> = {};
  for (const k of Object.keys(changed) as PersonField[]) before[k] = p[k] ?? null;
  await recordAudit(
    tx,
    { actor, requestId },
    {
      action: 'update',
      entityType: 'person',
      entityId: p.id,
      personId: p.id,
      before,
      after: changed,
      meta: { sensitive: Object.keys(changed).some((k) => SENSITIVE_PERSON_FIELDS.includes(k as PersonField)) },
    },
  );
  return { version, changed: Object.keys(changed) };
}
