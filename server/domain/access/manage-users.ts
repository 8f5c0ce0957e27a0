import type { UseCaseContext } from '../context.js';
import type { Role } from '../../../common/enums.js';
import { roleOfOwnRecord, UNIT_SCOPED_ROLES as SCOPED_ROLES } from '../../../common/permissions.js';
import * as repo from '../../db/repositories/access.repository.js';
import { findUnitPath } from '../../db/repositories/org.repository.js';
import { hashPassword } from './passwords.js';
import { checkNewPassword } from './password-policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, forbidden, invalid, notFound, type Issue } from '../errors.js';
import { SYSTEM_ACTOR } from './actor.js';
import { grantNeedsConfirmation } from './access.policy.js';

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
  /** false deactivates the account (its sessions end, login is refused); true reactivates it. */
  isActive?: boolean;
}

const DUPLICATE_EMAIL = 'Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác.';

/** Trimmed, lower-cased; blank means none. */
const normaliseEmail = (e: string | null | undefined) => (e ?? '').trim().toLowerCase() || null;

/** The unique index on lower(email) answers when two administrators save the same address at once. */
function duplicateAsConflict(e: { code?: string; cause?: { code?: string; constraint?: string }; constraint?: string }): never {
  const cause = e.cause ?? e;
  if (cause.code === '23505' && cause.constraint === 'users_email_lower_uq') throw new AppError('conflict', DUPLICATE_EMAIL);
  // two administrators linking the same record at once: one wins
  if (cause.code === '23505' && cause.constraint === 'users_person_uq') throw new AppError('conflict', 'Hồ sơ này đã gắn với một tài khoản khác.');
  throw e;
}

/**
 * Creates a user with one role grant. Unit roles need a unit; a cadre account needs a person not linked to another
 * account. The password is someone else's choice, so the account changes it at its first login. A grant that opens
 * personal data (every role but the administrator's), made by the administrator in the application, waits for Sở
 * Nội vụ's confirmation: no single administrator opens personal data alone. The operator's CLI (SYSTEM_ACTOR, with
 * access to the server itself) grants at once.
 */
export async function createUser(ctx: UseCaseContext, input: NewUser) {
  const username = input.username.trim().toLowerCase();
  const issues: Issue[] = [];
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) issues.push({ path: 'username', message: 'Tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, . _ -' });
  issues.push(...checkNewPassword(input.password, username));
  if (SCOPED_ROLES.includes(input.role) && !input.unitId) issues.push({ path: 'unitId', message: 'Vai trò này cần chọn đơn vị' });
  if (roleOfOwnRecord(input.role) && !input.personId) issues.push({ path: 'personId', message: 'Tài khoản cán bộ cần gắn với hồ sơ' });
  if (input.unitId && !(await findUnitPath(ctx.tx, input.unitId))) issues.push({ path: 'unitId', message: 'Đơn vị không tồn tại' });
  if (input.personId) {
    const link = await repo.findPersonLink(ctx.tx, input.personId);
    if (!link.exists) issues.push({ path: 'personId', message: 'Không tìm thấy hồ sơ cán bộ này' });
    else if (link.linkedUsername)
      issues.push({ path: 'personId', message: `Hồ sơ này đã gắn với tài khoản ${link.linkedUsername}; mỗi hồ sơ chỉ gắn một tài khoản` });
  }
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
      mustChangePassword: true,
    })
    .catch(duplicateAsConflict);
  const unitId = SCOPED_ROLES.includes(input.role) ? input.unitId! : (input.unitId ?? null);
  const status = grantStatusFor(ctx, input.role);
  const grantId = await repo.insertRoleGrant(ctx.tx, { userId, role: input.role, unitId, status, proposedBy: ctx.actor.userId });
  await recordAudit(ctx.tx, ctx, {
    action: 'create',
    entityType: 'user',
    entityId: userId,
    // the address itself is personal data: the audit says only whether there is one
    after: {
      username,
      displayName: input.displayName,
      role: input.role,
      unitId,
      personId: input.personId ?? null,
      hasEmail: email !== null,
      grantId,
      grantStatus: status,
    },
  });
  return { id: userId, username };
}

/** Proposed when the administrator grants, in the application, a role that opens personal data; active otherwise. */
function grantStatusFor(ctx: UseCaseContext, role: Role): 'active' | 'proposed' {
  return ctx.actor.userId !== SYSTEM_ACTOR.userId && grantNeedsConfirmation(role) ? 'proposed' : 'active';
}

/** Another role on an existing account (proposed for Sở Nội vụ's confirmation when it opens personal data). */
export async function addGrant(ctx: UseCaseContext, userId: string, input: { role: Role; unitId?: string | null }) {
  const user = await repo.findUserByIdForUpdate(ctx.tx, userId);
  if (!user) throw notFound('Tài khoản');
  const issues: Issue[] = [];
  if (SCOPED_ROLES.includes(input.role) && !input.unitId) issues.push({ path: 'unitId', message: 'Vai trò này cần chọn đơn vị' });
  if (input.unitId && !(await findUnitPath(ctx.tx, input.unitId))) issues.push({ path: 'unitId', message: 'Đơn vị không tồn tại' });
  if (roleOfOwnRecord(input.role) && !user.personId) issues.push({ path: 'role', message: 'Tài khoản chưa gắn với hồ sơ cán bộ' });
  if (issues.length) throw invalid(issues);
  const unitId = SCOPED_ROLES.includes(input.role) ? input.unitId! : (input.unitId ?? null);
  if (await repo.grantExists(ctx.tx, userId, input.role, unitId))
    throw new AppError('conflict', 'Tài khoản đã có (hoặc đang chờ xác nhận) vai trò này ở đơn vị này.');
  const status = grantStatusFor(ctx, input.role);
  const grantId = await repo.insertRoleGrant(ctx.tx, { userId, role: input.role, unitId, status, proposedBy: ctx.actor.userId });
  await recordAudit(ctx.tx, ctx, { action: 'grant', entityType: 'role_grant', entityId: grantId, after: { userId, role: input.role, unitId, status } });
  return (await repo.findUserDetail(ctx.tx, userId))!;
}

/** Sở Nội vụ confirms a grant the administrator proposed; never one they proposed, nor one on their own account. */
export async function confirmGrant(ctx: UseCaseContext, userId: string, grantId: string) {
  const g = await repo.findGrantForUpdate(ctx.tx, userId, grantId);
  if (!g) throw notFound('Quyền được cấp');
  if (g.status !== 'proposed') throw new AppError('conflict', g.status === 'active' ? 'Quyền này đã được xác nhận.' : 'Quyền này đã bị thu hồi.');
  if (g.proposedBy === ctx.actor.userId) throw forbidden('Người đề nghị cấp quyền không được tự xác nhận; cần một người thứ hai của Sở Nội vụ.');
  if (g.userId === ctx.actor.userId) throw forbidden('Không được tự xác nhận quyền cho tài khoản của chính mình.');
  await repo.confirmGrantRow(ctx.tx, grantId, ctx.actor.userId);
  await recordAudit(ctx.tx, ctx, {
    action: 'confirm',
    entityType: 'role_grant',
    entityId: grantId,
    before: { status: 'proposed' },
    after: { status: 'active', userId, role: g.role, unitId: g.unitId, proposedBy: g.proposedBy },
  });
  return (await repo.findUserDetail(ctx.tx, userId))!;
}

/** Revokes a grant (or refuses a proposed one): the role ends at once, the account's sessions with it. */
export async function revokeGrant(ctx: UseCaseContext, userId: string, grantId: string, reason: string | null) {
  const g = await repo.findGrantForUpdate(ctx.tx, userId, grantId);
  if (!g) throw notFound('Quyền được cấp');
  if (g.status === 'revoked') throw new AppError('conflict', 'Quyền này đã bị thu hồi.');
  if (g.userId === ctx.actor.userId && g.role === 'admin') throw forbidden('Không được tự thu hồi quyền quản trị của chính mình.');
  await repo.revokeGrantRow(ctx.tx, grantId, ctx.actor.userId);
  // sessions carry their grants: the user signs in again with what is left
  await repo.deleteUserSessions(ctx.tx, userId);
  await recordAudit(ctx.tx, ctx, {
    action: g.status === 'proposed' ? 'refuse' : 'revoke',
    entityType: 'role_grant',
    entityId: grantId,
    before: { status: g.status },
    after: { status: 'revoked', userId, role: g.role, unitId: g.unitId, reason },
  });
  return (await repo.findUserDetail(ctx.tx, userId))!;
}

/** The grants waiting for Sở Nội vụ's confirmation. */
export async function listPendingGrants(ctx: UseCaseContext) {
  return { items: await repo.listPendingGrants(ctx.tx) };
}

/** Changes an account's display name, e-mail address (absent = unchanged, null e-mail = none) or whether it is active. */
export async function updateUser(ctx: UseCaseContext, id: string, input: UserChanges) {
  const user = await repo.findUserForUpdate(ctx.tx, id);
  if (!user) throw notFound('Tài khoản');
  if (input.isActive !== undefined && input.isActive !== user.isActive) {
    if (!input.isActive && id === ctx.actor.userId) throw forbidden('Không được tự khóa tài khoản của chính mình.');
    await repo.setUserActive(ctx.tx, id, input.isActive);
    // a deactivated account is signed out everywhere at once
    if (!input.isActive) await repo.deleteUserSessions(ctx.tx, id);
    await recordAudit(ctx.tx, ctx, {
      action: input.isActive ? 'activate' : 'deactivate',
      entityType: 'user',
      entityId: id,
      before: { isActive: user.isActive },
      after: { isActive: input.isActive },
    });
  }
  const displayName = input.displayName !== undefined ? input.displayName.trim() : user.displayName;
  if (!displayName) throw invalid([{ path: 'displayName', message: 'Nhập họ tên' }]);
  const email = input.email !== undefined ? normaliseEmail(input.email) : user.email;
  const emailChanged = email !== user.email;
  if (email && emailChanged && (await repo.emailTaken(ctx.tx, email, id))) throw new AppError('conflict', DUPLICATE_EMAIL);
  if (displayName !== user.displayName || emailChanged) {
    await repo.updateUser(ctx.tx, id, { displayName, email }).catch(duplicateAsConflict);
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
