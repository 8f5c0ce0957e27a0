import type { UseCaseContext } from '../context.js';
import type { Role } from '../../../common/enums.js';
import * as repo from '../../db/repositories/access.repository.js';
import { findUnitPath } from '../../db/repositories/org.repository.js';
import { hashPassword } from './passwords.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, type Issue } from '../errors.js';

const SCOPED_ROLES: Role[] = ['unit_manager', 'unit_hr', 'host'];

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId?: string | null;
  personId?: string | null;
}

/** Creates a user with one role grant. Unit roles need a unit; a cadre account needs a person. */
export async function createUser(ctx: UseCaseContext, input: NewUser) {
  const username = input.username.trim().toLowerCase();
  const issues: Issue[] = [];
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) issues.push({ path: 'username', message: 'Tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, . _ -' });
  if (input.password.length < 8) issues.push({ path: 'password', message: 'Mật khẩu tối thiểu 8 ký tự' });
  if (SCOPED_ROLES.includes(input.role) && !input.unitId) issues.push({ path: 'unitId', message: 'Vai trò này cần chọn đơn vị' });
  if (input.role === 'cadre' && !input.personId) issues.push({ path: 'personId', message: 'Tài khoản cán bộ cần gắn với hồ sơ' });
  if (input.unitId && !(await findUnitPath(ctx.tx, input.unitId))) issues.push({ path: 'unitId', message: 'Đơn vị không tồn tại' });
  if (issues.length) throw invalid(issues);
  if (await repo.findUserByUsername(ctx.tx, username)) throw new AppError('conflict', 'Tên đăng nhập đã tồn tại.');
  const userId = await repo.insertUser(ctx.tx, {
    username,
    passwordHash: await hashPassword(input.password),
    displayName: input.displayName.trim(),
    personId: input.personId ?? null,
  });
  const unitId = SCOPED_ROLES.includes(input.role) ? input.unitId! : (input.unitId ?? null);
  await repo.insertRoleGrant(ctx.tx, { userId, role: input.role, unitId });
  await recordAudit(ctx.tx, ctx, {
    action: 'create',
    entityType: 'user',
    entityId: userId,
    after: { username, displayName: input.displayName, role: input.role, unitId, personId: input.personId ?? null },
  });
  return { id: userId, username };
}

export async function listUsers(ctx: UseCaseContext, page: number, pageSize: number) {
  const rows = await repo.listUsers(ctx.tx, pageSize, (page - 1) * pageSize);
  const total = Number((rows[0] as { total?: number } | undefined)?.total ?? 0);
  return { items: rows.map(({ total: _t, ...r }) => r), total };
}
