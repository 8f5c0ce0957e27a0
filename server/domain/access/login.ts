import crypto from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../errors.js';
import * as repo from '../../db/repositories/access.repository.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor } from './actor.js';

/** Failures allowed per username, and per client address (an office behind one NAT address shares it). */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 30;
export const LOGIN_LOCK_MINUTES = 15;

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
}

/**
 * Checks a username and password and opens a session. Failures are counted per username (5 in 15 minutes
 * lock it for 15 minutes, whatever the password) and per client address (30, against password spraying).
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
  const keys = [`u:${username}`, `ip:${input.clientKey}`];
  for (const k of keys) {
    const t = await repo.getThrottle(db, k);
    if (t?.lockedUntil && new Date(t.lockedUntil) > new Date()) {
      throw new AppError('too_many_attempts', 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.');
    }
  }
  const user = await repo.findUserByUsername(db, username);
  const ok = user
    ? user.isActive && (await verifyPassword(user.passwordHash, input.password))
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);
  if (!user || !ok) {
    await repo.recordLoginFailure(db, keys[0], LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES);
    await repo.recordLoginFailure(db, keys[1], LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_LOCK_MINUTES);
    throw new AppError('invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  return db.transaction(async (tx) => {
    await repo.clearThrottle(tx, keys[0]);
    await repo.insertSession(tx, hashToken(token), user.id, csrfToken, ttlMinutes);
    const grants = await repo.findActiveGrants(tx, user.id, today);
    const actor: Actor = { userId: user.id, username: user.username, displayName: user.displayName, personId: user.personId, grants };
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
    actor: { userId: s.userId, username: s.username, displayName: s.displayName, personId: s.personId, grants: s.grants },
    csrfToken: s.csrfToken,
  };
}

export async function logout(tx: Tx, token: string) {
  await repo.deleteSession(tx, hashToken(token));
}
