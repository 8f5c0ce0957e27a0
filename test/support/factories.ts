import { yearOf } from '../../common/dates.js';
import { watchPersonal } from './log-watch.js';
import crypto from 'node:crypto';
import type pg from 'pg';
import type { Role } from '../../common/enums.js';
import { hashToken } from '../../server/domain/access/login.js';
import { findNationalProvince } from '../../server/db/reference/load.js';
import { provinceIdentity, type ProvinceIdentity } from '../../server/domain/province/province-identity.js';

let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}${crypto.randomBytes(2).toString('hex')}`;

export interface UnitRef {
  id: string;
  path: string[];
  name: string;
}

/** An org unit under `parent` (or a root), with assigned staffing for the current year if given. */
export async function makeUnit(
  pool: pg.Pool,
  o: { parent?: UnitRef; kind?: string; name?: string; code?: string; staffing?: number; restructuredOn?: string } = {},
): Promise<UnitRef> {
  const id = crypto.randomUUID();
  const path = [...(o.parent?.path ?? []), id];
  const name = o.name ?? `Đơn vị ${next()}`;
  await pool.query(`INSERT INTO org_units (id, parent_id, path, depth, kind, code, name, restructured_on) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`, [
    id,
    o.parent?.id ?? null,
    path,
    path.length - 1,
    o.kind ?? 'department',
    o.code ?? `U${next()}`,
    name,
    o.restructuredOn ?? null,
  ]);
  if (o.staffing !== undefined) {
    await pool.query(`INSERT INTO org_unit_staffing (unit_id, year, assigned_staffing) VALUES ($1, $2, $3)`, [id, yearOf(), o.staffing]);
  }
  return { id, path, name };
}

/**
 * The province the test database's deployment serves (the province_settings row only; no units): documents read
 * its names. Cần Thơ ('92') unless told.
 */
export async function makeProvince(pool: pg.Pool, code = '92'): Promise<ProvinceIdentity> {
  const p = provinceIdentity(findNationalProvince(code)!);
  await pool.query('INSERT INTO province_settings (code, name, level_word, place_name, peoples_committee_name) VALUES ($1, $2, $3, $4, $5)', [
    p.code,
    p.name,
    p.levelWord,
    p.placeName,
    p.peoplesCommitteeName,
  ]);
  return p;
}

export interface PersonInput {
  unitId: string;
  fullName?: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  category?: string;
  ethnicCode?: string | null;
  healthStatus?: string | null;
  partyJoinedOn?: string | null;
  code?: string;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  homeTownText?: string | null;
}

export async function makePerson(pool: pg.Pool, o: PersonInput): Promise<{ id: string; code: string; fullName: string }> {
  const id = crypto.randomUUID();
  const fullName = (o.fullName ?? `Nguyễn Văn ${next()}`).normalize('NFC');
  const code = o.code ?? `T${next()}`.slice(0, 20);
  watchPersonal(fullName, o.idNumber, o.phone, o.email, o.homeTownText);
  await pool.query(
    `INSERT INTO people (id, code, full_name, given_name, gender, birth_date, unit_id, category, ethnic_code, health_status, party_joined_on,
       id_number, phone, email, home_town_text)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
    [
      id,
      code,
      fullName,
      fullName.split(/\s+/).pop(),
      o.gender ?? 'male',
      o.birthDate ?? '1985-05-20',
      o.unitId,
      o.category ?? 'cong_chuc',
      o.ethnicCode === undefined ? '01' : o.ethnicCode,
      o.healthStatus === undefined ? 'good' : o.healthStatus,
      o.partyJoinedOn ?? null,
      o.idNumber ?? null,
      o.phone ?? null,
      o.email ?? null,
      o.homeTownText ?? null,
    ],
  );
  return { id, code, fullName };
}

export interface Session {
  userId: string;
  cookie: string;
  csrf: string;
}

/** A user with one role grant and a live session (no password round trip: tests of login test that). */
export async function makeSession(pool: pg.Pool, role: Role, o: { unitId?: string | null; personId?: string | null } = {}): Promise<Session> {
  const username = `u${next()}`.toLowerCase();
  const r = await pool.query(`INSERT INTO users (username, password_hash, display_name, person_id) VALUES ($1, 'x', $2, $3) RETURNING id`, [
    username,
    `Người dùng ${username}`,
    o.personId ?? null,
  ]);
  const userId = r.rows[0].id as string;
  await pool.query(`INSERT INTO role_grants (user_id, role, unit_id) VALUES ($1, $2, $3)`, [userId, role, o.unitId ?? null]);
  const token = crypto.randomBytes(24).toString('base64url');
  const csrf = crypto.randomBytes(12).toString('base64url');
  await pool.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`, [
    hashToken(token),
    userId,
    csrf,
  ]);
  return { userId, cookie: `tc_session=${token}`, csrf };
}

/** Lets a host unit see a person for a period (as a secondment will). */
export async function grantPersonToUnit(pool: pg.Pool, unitId: string, personId: string, validFrom: string, validTo: string) {
  await pool.query(`INSERT INTO person_access_grants (unit_id, person_id, valid_from, valid_to, reason) VALUES ($1,$2,$3,$4,'test')`, [
    unitId,
    personId,
    validFrom,
    validTo,
  ]);
}
