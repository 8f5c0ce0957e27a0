import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type { Role } from '../../../common/enums.js';

export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  personId: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
};

const userRowColumns = sql`id, username, display_name AS "displayName", password_hash AS "passwordHash",
      person_id AS "personId", is_active AS "isActive", must_change_password AS "mustChangePassword"`;

export async function findUserByUsername(tx: Tx, username: string): Promise<UserRow | null> {
  const r = await tx.execute<UserRow>(sql`SELECT ${userRowColumns} FROM users WHERE username = ${username}`);
  return r.rows[0] ?? null;
}

/** A `role_grants` row (alias `g`) in force on a Vietnam calendar date: active (confirmed, not revoked) and within its dates. */
export const grantInForce = (today: string, g = 'g'): SQL =>
  sql`${sql.raw(g)}.status = 'active' AND (${sql.raw(g)}.valid_from IS NULL OR ${sql.raw(g)}.valid_from <= ${today}::date) AND (${sql.raw(g)}.valid_to IS NULL OR ${sql.raw(g)}.valid_to >= ${today}::date)`;

/** The grants in force on `today` of the user `users` row aliased `u`, as a JSON array (null when none). */
export const grantsInForceJson = (today: string, u = 'u'): SQL =>
  sql`(SELECT json_agg(json_build_object('role', g.role, 'unitId', g.unit_id)) FROM role_grants g WHERE g.user_id = ${sql.raw(u)}.id AND ${grantInForce(today)})`;

/** The grants in force on `today`. */
export async function findActiveGrants(tx: Tx, userId: string, today: string): Promise<{ role: Role; unitId: string | null }[]> {
  const r = await tx.execute<{ role: Role; unitId: string | null }>(sql`SELECT role, unit_id AS "unitId" FROM role_grants g
    WHERE user_id = ${userId}::uuid AND ${grantInForce(today)}`);
  return r.rows;
}

export type SessionUser = {
  userId: string;
  mustChangePassword: boolean;
  username: string;
  displayName: string;
  personId: string | null;
  csrfToken: string;
  expiresAt: string;
};

/** Finds a live session with its user and the grants in force on `today`, in one statement. */
export async function findLiveSession(tx: Tx, tokenHash: string, today: string) {
  const r = await tx.execute<SessionUser & { stale: boolean; grants: { role: Role; unitId: string | null }[] }>(sql`
    SELECT u.id AS "userId", u.username, u.display_name AS "displayName", u.person_id AS "personId",
      u.must_change_password AS "mustChangePassword", s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt", s.last_seen_at < now() - interval '1 minute' AS stale,
      coalesce(${grantsInForceJson(today)}, '[]'::json) AS grants
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ${tokenHash} AND s.expires_at > now() AND u.is_active`);
  return r.rows[0] ?? null;
}

/** Slides the expiry of a session (at most once a minute, so reads do not all write). */
export async function extendSession(tx: Tx, tokenHash: string, ttlMinutes: number) {
  await tx.execute(sql`UPDATE sessions SET last_seen_at = now(), expires_at = now() + make_interval(mins => ${ttlMinutes})
    WHERE token_hash = ${tokenHash}`);
}

export async function insertSession(tx: Tx, tokenHash: string, userId: string, csrfToken: string, ttlMinutes: number) {
  await tx.execute(sql`INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
    VALUES (${tokenHash}, ${userId}::uuid, ${csrfToken}, now() + make_interval(mins => ${ttlMinutes}))`);
  // housekeeping: expired sessions go as new ones come
  await tx.execute(sql`DELETE FROM sessions WHERE expires_at < now() - interval '1 day'`);
}

export async function deleteSession(tx: Tx, tokenHash: string) {
  await tx.execute(sql`DELETE FROM sessions WHERE token_hash = ${tokenHash}`);
}

export type ThrottleState = {
  failures: number;
  lockedUntil: string | null;
};

export async function getThrottle(tx: Tx, key: string): Promise<ThrottleState | null> {
  const r = await tx.execute<ThrottleState>(sql`SELECT failures, locked_until AS "lockedUntil" FROM login_throttle
    WHERE key = ${key} AND (locked_until > now() OR window_start > now() - interval '15 minutes')`);
  return r.rows[0] ?? null;
}

/** Counts a failure in a 15-minute window; after `max` failures the key is locked for `lockMinutes`. Returns the failures in the window. */
export async function recordLoginFailure(tx: Tx, key: string, max: number, lockMinutes: number): Promise<number> {
  const r = await tx.execute<{ failures: number }>(sql`INSERT INTO login_throttle (key, failures, window_start) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttle.window_start < now() - interval '15 minutes' THEN 1 ELSE login_throttle.failures + 1 END,
      window_start = CASE WHEN login_throttle.window_start < now() - interval '15 minutes' THEN now() ELSE login_throttle.window_start END,
      locked_until = CASE WHEN (CASE WHEN login_throttle.window_start < now() - interval '15 minutes' THEN 1 ELSE login_throttle.failures + 1 END) >= ${max}
        THEN now() + make_interval(mins => ${lockMinutes}) ELSE login_throttle.locked_until END
    RETURNING failures`);
  return r.rows[0].failures;
}

export async function clearThrottle(tx: Tx, key: string) {
  await tx.execute(sql`DELETE FROM login_throttle WHERE key = ${key}`);
}

export async function insertUser(
  tx: Tx,
  u: { username: string; passwordHash: string; displayName: string; personId?: string | null; email?: string | null; mustChangePassword: boolean },
) {
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO users (username, password_hash, display_name, person_id, email, must_change_password)
    VALUES (${u.username}, ${u.passwordHash}, ${u.displayName}, ${u.personId ?? null}::uuid, ${u.email ?? null}, ${u.mustChangePassword}) RETURNING id`);
  return r.rows[0].id;
}

/** An account with its password hash, locked for a change of password or state. */
export async function findUserByIdForUpdate(tx: Tx, id: string): Promise<UserRow | null> {
  const r = await tx.execute<UserRow>(sql`SELECT ${userRowColumns} FROM users WHERE id = ${id}::uuid FOR UPDATE`);
  return r.rows[0] ?? null;
}

/** A new password: no longer one someone else chose. */
export async function setPassword(tx: Tx, id: string, passwordHash: string, mustChange: boolean) {
  await tx.execute(sql`UPDATE users SET password_hash = ${passwordHash}, must_change_password = ${mustChange}, password_changed_at = now()
    WHERE id = ${id}::uuid`);
}

/** Ends the sessions of a user, but the one kept (the session changing its own password). */
export async function deleteUserSessions(tx: Tx, userId: string, keepTokenHash: string | null = null) {
  await tx.execute(sql`DELETE FROM sessions WHERE user_id = ${userId}::uuid AND (${keepTokenHash}::text IS NULL OR token_hash <> ${keepTokenHash})`);
}

export async function setUserActive(tx: Tx, id: string, active: boolean) {
  await tx.execute(sql`UPDATE users SET is_active = ${active}, deactivated_at = CASE WHEN ${active} THEN NULL ELSE now() END WHERE id = ${id}::uuid`);
}

/** Whether the person exists, and the account already linked to them (one account per person). */
export async function findPersonLink(tx: Tx, personId: string): Promise<{ exists: boolean; linkedUsername: string | null }> {
  const r = await tx.execute<{ linked: string | null }>(sql`SELECT (SELECT username FROM users WHERE person_id = p.id) AS linked
    FROM people p WHERE p.id = ${personId}::uuid`);
  return r.rows.length ? { exists: true, linkedUsername: r.rows[0].linked } : { exists: false, linkedUsername: null };
}

export type GrantRow = { id: string; userId: string; role: Role; unitId: string | null; status: 'active' | 'proposed' | 'revoked'; proposedBy: string | null };

export async function findGrantForUpdate(tx: Tx, userId: string, grantId: string): Promise<GrantRow | null> {
  const r = await tx.execute<GrantRow>(sql`SELECT id, user_id AS "userId", role, unit_id AS "unitId", status, proposed_by AS "proposedBy"
    FROM role_grants WHERE id = ${grantId}::uuid AND user_id = ${userId}::uuid FOR UPDATE`);
  return r.rows[0] ?? null;
}

export async function confirmGrantRow(tx: Tx, grantId: string, by: string) {
  await tx.execute(sql`UPDATE role_grants SET status = 'active', confirmed_by = ${by}::uuid, confirmed_at = now() WHERE id = ${grantId}::uuid`);
}

export async function revokeGrantRow(tx: Tx, grantId: string, by: string) {
  await tx.execute(sql`UPDATE role_grants SET status = 'revoked', revoked_by = ${by}::uuid, revoked_at = now() WHERE id = ${grantId}::uuid`);
}

/** The same role on the same unit, not revoked, already on the account. */
export async function grantExists(tx: Tx, userId: string, role: Role, unitId: string | null): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM role_grants WHERE user_id = ${userId}::uuid AND role = ${role}
    AND unit_id IS NOT DISTINCT FROM ${unitId}::uuid AND status <> 'revoked' LIMIT 1`);
  return r.rows.length > 0;
}

export type PendingGrant = {
  userId: string;
  grantId: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  personId: string | null;
  proposedBy: string | null;
  proposedByName: string | null;
  createdAt: string;
};

/** Grants the administrator proposed that wait for Sở Nội vụ's confirmation, oldest first. */
export async function listPendingGrants(tx: Tx): Promise<PendingGrant[]> {
  const r = await tx.execute<PendingGrant>(sql`SELECT u.id AS "userId", g.id AS "grantId", u.username, u.display_name AS "displayName",
      g.role, g.unit_id AS "unitId", ou.name AS "unitName", u.person_id AS "personId", g.proposed_by AS "proposedBy",
      pb.display_name AS "proposedByName", g.created_at AS "createdAt"
    FROM role_grants g JOIN users u ON u.id = g.user_id LEFT JOIN org_units ou ON ou.id = g.unit_id LEFT JOIN users pb ON pb.id = g.proposed_by
    WHERE g.status = 'proposed' ORDER BY g.created_at, u.username`);
  return r.rows;
}

/** Whether another account (not `exceptUserId`) already uses the address (compared lower-cased). */
export async function emailTaken(tx: Tx, email: string, exceptUserId: string | null = null): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM users WHERE lower(email) = lower(${email})
    AND (${exceptUserId}::uuid IS NULL OR id <> ${exceptUserId}::uuid) LIMIT 1`);
  return r.rows.length > 0;
}

/** The account's editable fields, locked for the update that follows. */
export async function findUserForUpdate(
  tx: Tx,
  id: string,
): Promise<{ id: string; username: string; displayName: string; email: string | null; isActive: boolean } | null> {
  const r = await tx.execute<{ id: string; username: string; displayName: string; email: string | null; isActive: boolean }>(sql`SELECT id, username,
      display_name AS "displayName", email, is_active AS "isActive" FROM users WHERE id = ${id}::uuid FOR UPDATE`);
  return r.rows[0] ?? null;
}

export async function updateUser(tx: Tx, id: string, u: { displayName: string; email: string | null }) {
  await tx.execute(sql`UPDATE users SET display_name = ${u.displayName}, email = ${u.email} WHERE id = ${id}::uuid`);
}

/** Sets the address of an account that has none (the demo accounts created before the column existed). */
export async function setEmailIfMissing(tx: Tx, id: string, email: string) {
  await tx.execute(sql`UPDATE users SET email = ${email} WHERE id = ${id}::uuid AND email IS NULL
    AND NOT EXISTS (SELECT 1 FROM users o WHERE lower(o.email) = lower(${email}))`);
}

export async function insertRoleGrant(
  tx: Tx,
  g: { userId: string; role: Role; unitId: string | null; status?: 'active' | 'proposed'; proposedBy?: string | null },
): Promise<string> {
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO role_grants (user_id, role, unit_id, status, proposed_by)
    VALUES (${g.userId}::uuid, ${g.role}, ${g.unitId}::uuid, ${g.status ?? 'active'}, ${g.proposedBy ?? null}::uuid) RETURNING id`);
  return r.rows[0].id;
}

export async function insertPersonAccessGrant(
  tx: Tx,
  g: { unitId: string; personId: string; validFrom: string; validTo: string; reason: string; sourceType?: string; sourceId?: string },
) {
  await tx.execute(sql`INSERT INTO person_access_grants (unit_id, person_id, valid_from, valid_to, reason, source_type, source_id)
    VALUES (${g.unitId}::uuid, ${g.personId}::uuid, ${g.validFrom}::date, ${g.validTo}::date, ${g.reason}, ${g.sourceType ?? null}, ${g.sourceId ?? null}::uuid)`);
}

export type UserListRow = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  isActive: boolean;
  personId: string | null;
  mustChangePassword: boolean;
  grants: { id: string; role: Role; unitId: string | null; unitName: string | null; status: 'active' | 'proposed' | 'revoked' }[];
};

const userColumns = sql`u.id, u.username, u.display_name AS "displayName", u.email, u.is_active AS "isActive",
      u.person_id AS "personId", u.must_change_password AS "mustChangePassword",
      coalesce(json_agg(json_build_object('id', g.id, 'role', g.role, 'unitId', g.unit_id, 'unitName', ou.name, 'status', g.status)
        ORDER BY g.created_at) FILTER (WHERE g.id IS NOT NULL), '[]') AS grants`;

export async function listUsers(tx: Tx, limit: number, offset: number) {
  const r = await tx.execute<UserListRow & { total: string }>(sql`SELECT ${userColumns}, count(*) OVER () AS total
    FROM users u LEFT JOIN role_grants g ON g.user_id = u.id LEFT JOIN org_units ou ON ou.id = g.unit_id
    GROUP BY u.id ORDER BY u.username LIMIT ${limit} OFFSET ${offset}`);
  return r.rows;
}

/** One account as the list shows it. */
export async function findUserDetail(tx: Tx, id: string): Promise<UserListRow | null> {
  const r = await tx.execute<UserListRow>(sql`SELECT ${userColumns}
    FROM users u LEFT JOIN role_grants g ON g.user_id = u.id LEFT JOIN org_units ou ON ou.id = g.unit_id
    WHERE u.id = ${id}::uuid GROUP BY u.id`);
  return r.rows[0] ?? null;
}
