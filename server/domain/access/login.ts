import crypto from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import { AppError, invalid } from '../errors.js';
import * as repo from '../../db/repositories/access.repository.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { checkNewPassword } from './password-policy.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor } from './actor.js';

/**
 * Failures allowed per (username, client address) before that pair is locked, and per address alone (password
 * spraying; an office behind one NAT address shares it). A username alone is never locked — anyone could lock
 * anyone out — it is slowed down instead, more with each failure from anywhere.
 */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 30;
export const LOGIN_LOCK_MINUTES = 15;
/** Failures of a username (from any address) in the window after which each attempt waits, longer each time. */
export const LOGIN_SLOWDOWN_AFTER = 10;
export const LOGIN_SLOWDOWN_MAX_MS = 5000;

/** The wait before checking a password of a username that failed `failures` times in the window. */
export const slowdownMs = (failures: number) =>
  failures < LOGIN_SLOWDOWN_AFTER ? 0 : Math.min(LOGIN_SLOWDOWN_MAX_MS, 250 * 2 ** (failures - LOGIN_SLOWDOWN_AFTER));

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
}

/**
 * Checks a username and password and opens a session. Failures are counted per (username, address) — 5 in 15
 * minutes lock that pair for 15 minutes, and each failure says how many tries are left — per address (30, against
 * password spraying) and per username (slowing its attempts from anywhere, never locking the owner out).
 * Takes the database, not a transaction: a failure must be counted even though the call then throws.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; clientKey: string },
  ttlMinutes: number,
  requestId: string | null,
  today: string,
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const pairKey = `p:${username}|${input.clientKey}`;
  const addressKey = `ip:${input.clientKey}`;
  const userKey = `u:${username}`;
  for (const k of [pairKey, addressKey]) {
    const t = await repo.getThrottle(db, k);
    if (t?.lockedUntil && new Date(t.lockedUntil) > new Date()) {
      const minutes = Math.max(1, Math.ceil((new Date(t.lockedUntil).getTime() - Date.now()) / 60_000));
      throw new AppError('too_many_attempts', `Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau ${minutes} phút.`);
    }
  }
  const userFailures = (await repo.getThrottle(db, userKey))?.failures ?? 0;
  const wait = slowdownMs(userFailures);
  if (wait) await new Promise((r) => setTimeout(r, wait));
  const user = await repo.findUserByUsername(db, username);
  const ok = user
    ? user.isActive && (await verifyPassword(user.passwordHash, input.password))
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);
  if (!user || !ok) {
    const pair = await repo.recordLoginFailure(db, pairKey, LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES);
    await repo.recordLoginFailure(db, addressKey, LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_LOCK_MINUTES);
    // counted, never locked: it only slows the next attempts down
    await repo.recordLoginFailure(db, userKey, 2_000_000_000, LOGIN_LOCK_MINUTES);
    const left = Math.max(0, LOGIN_MAX_FAILURES - pair);
    if (left === 0) throw new AppError('too_many_attempts', `Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau ${LOGIN_LOCK_MINUTES} phút.`);
    throw new AppError('invalid_credentials', `Tên đăng nhập hoặc mật khẩu không đúng. Còn ${left} lần thử trước khi tạm khóa ${LOGIN_LOCK_MINUTES} phút.`);
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  return db.transaction(async (tx) => {
    await repo.clearThrottle(tx, pairKey);
    await repo.clearThrottle(tx, userKey);
    await repo.insertSession(tx, hashToken(token), user.id, csrfToken, ttlMinutes);
    const grants = await repo.findActiveGrants(tx, user.id, today);
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      grants,
      mustChangePassword: user.mustChangePassword,
    };
    await recordAudit(tx, { actor, requestId }, { action: 'login', entityType: 'user', entityId: user.id });
    return { token, csrfToken, actor };
  });
}

/** Resolves a session cookie to the acting user, or null when it is unknown or expired. */
export async function resolveSession(tx: Tx, token: string, ttlMinutes: number, today: string): Promise<{ actor: Actor; csrfToken: string } | null> {
  const tokenHash = hashToken(token);
  const s = await repo.findLiveSession(tx, tokenHash, today);
  if (!s) return null;
  if (s.stale) await repo.extendSession(tx, tokenHash, ttlMinutes);
  return {
    actor: { userId: s.userId, username: s.username, displayName: s.displayName, personId: s.personId, grants: s.grants, mustChangePassword: s.mustChangePassword },
    csrfToken: s.csrfToken,
  };
}

export async function logout(tx: Tx, token: string) {
  await repo.deleteSession(tx, hashToken(token));
}

/**
 * The user changes their own password: the current one is checked, the new one meets the policy and differs; the
 * other sessions end (a password that leaked stops working everywhere), this one stays.
 */
export async function changeOwnPassword(
  ctx: { actor: Actor; tx: Tx; requestId?: string | null; today: string },
  input: { currentPassword: string; newPassword: string },
  sessionToken: string | null,
) {
  const user = await repo.findUserByIdForUpdate(ctx.tx, ctx.actor.userId);
  if (!user) throw new AppError('not_found', 'Không tìm thấy tài khoản.');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid([{ path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng' }]);
  }
  const issues = checkNewPassword(input.newPassword, user.username, 'newPassword');
  if (!issues.length && input.newPassword === input.currentPassword) issues.push({ path: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại' });
  if (issues.length) throw invalid(issues);
  await repo.setPassword(ctx.tx, user.id, await hashPassword(input.newPassword), false);
  await repo.deleteUserSessions(ctx.tx, user.id, sessionToken ? hashToken(sessionToken) : null);
  // never the password or its hash: only that it changed, and whether it had to
  await recordAudit(ctx.tx, ctx, { action: 'password_change', entityType: 'user', entityId: user.id, after: { wasRequired: user.mustChangePassword } });
}
