import type { UseCaseContext } from '../context.js';
import type { Role } from '../../../common/enums.js';
import { roleOfOwnRecord, UNIT_SCOPED_ROLES as SCOPED_ROLES } from '../../../common/permissions.js';
import * as repo from '../../db/repositories/access.repository.js';
import { findUnitPath } from '../../db/repositories/org.repository.js';
import { hashPassword } from './passwords.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, notFound, type Issue } from '../errors.js';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId?: string | null;
  personId?: string | null;
  /** Already validated by the route; trimmed and lower-cased again here. */
  email?: string | null;
}

export interface UserChanges {
  displayName?: string;
  email?: string | null;
}

const DUPLICATE_EMAIL = 'Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác.';

/** Trimmed, lower-cased; blank means none. */
const normaliseEmail = (e: string | null | undefined) => (e ?? '').trim().toLowerCase() || null;

/** The unique index on lower(email) answers when two administrators save the same address at once. */
function duplicateEmailAsConflict(e: { code?: string; cause?: { code?: string; constraint?: string }; constraint?: string }): never {
  const cause = e.cause ?? e;
  if (cause.code === '23505' && cause.constraint === 'users_email_lower_uq') throw new AppError('conflict', DUPLICATE_EMAIL);
  throw e;
}

/** Creates a user with one role grant. Unit roles need a unit; a cadre account needs a person. */
export async function createUser(ctx: UseCaseContext, input: NewUser) {
  const username = input.username.trim().toLowerCase();
  const issues: Issue[] = [];
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) issues.push({ path: 'username', message: 'Tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, . _ -' });
  if (input.password.length < 8) issues.push({ path: 'password', message: 'Mật khẩu tối thiểu 8 ký tự' });
  if (SCOPED_ROLES.includes(input.role) && !input.unitId) issues.push({ path: 'unitId', message: 'Vai trò này cần chọn đơn vị' });
  if (roleOfOwnRecord(input.role) && !input.personId) issues.push({ path: 'personId', message: 'Tài khoản cán bộ cần gắn với hồ sơ' });
  if (input.unitId && !(await findUnitPath(ctx.tx, input.unitId))) issues.push({ path: 'unitId', message: 'Đơn vị không tồn tại' });
  if (issues.length) throw invalid(issues);
  if (await repo.findUserByUsername(ctx.tx, username)) throw new AppError('conflict', 'Tên đăng nhập đã tồn tại.');
  const email = normaliseEmail(input.email);
  if (email && (await repo.emailTaken(ctx.tx, email))) throw new AppError('conflict', DUPLICATE_EMAIL);
  const userId = await repo
    .insertUser(ctx.tx, {
      username,
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName.trim(),
      personId: input.personId ?? null,
      email,
    })
    .catch(duplicateEmailAsConflict);
  const unitId = SCOPED_ROLES.includes(input.role) ? input.unitId! : (input.unitId ?? null);
  await repo.insertRoleGrant(ctx.tx, { userId, role: input.role, unitId });
  await recordAudit(ctx.tx, ctx, {
    action: 'create',
    entityType: 'user',
    entityId: userId,
    // the address itself is personal data: the audit says only whether there is one
    after: { username, displayName: input.displayName, role: input.role, unitId, personId: input.personId ?? null, hasEmail: email !== null },
  });
  return { id: userId, username };
}

/** Changes an account's display name and/or e-mail address (absent = unchanged, null e-mail = none). */
export async function updateUser(ctx: UseCaseContext, id: string, input: UserChanges) {
  const user = await repo.findUserForUpdate(ctx.tx, id);
  if (!user) throw notFound('Tài khoản');
  const displayName = input.displayName !== undefined ? input.displayName.trim() : user.displayName;
  if (!displayName) throw invalid([{ path: 'displayName', message: 'Nhập họ tên' }]);
  const email = input.email !== undefined ? normaliseEmail(input.email) : user.email;
  const emailChanged = email !== user.email;
  if (email && emailChanged && (await repo.emailTaken(ctx.tx, email, id))) throw new AppError('conflict', DUPLICATE_EMAIL);
  if (displayName !== user.displayName || emailChanged) {
    await repo.updateUser(ctx.tx, id, { displayName, email }).catch(duplicateEmailAsConflict);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (displayName !== user.displayName) {
      before.displayName = user.displayName;
      after.displayName = displayName;
    }
    if (emailChanged) {
      // never the address: only whether the account had one and has one now
      before.hasEmail = user.email !== null;
      after.hasEmail = email !== null;
      after.emailChanged = true;
    }
    await recordAudit(ctx.tx, ctx, { action: 'update', entityType: 'user', entityId: id, before, after });
  }
  return (await repo.findUserDetail(ctx.tx, id))!;
}

export async function listUsers(ctx: UseCaseContext, page: number, pageSize: number) {
  const rows = await repo.listUsers(ctx.tx, pageSize, (page - 1) * pageSize);
  const total = Number(rows[0]?.total ?? 0);
  return { items: rows.map(({ total: _t, ...r }) => r), total };
}
