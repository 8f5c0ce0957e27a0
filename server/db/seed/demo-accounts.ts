import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { vietnamToday } from '../../../common/dates.js';
import type { Role } from '../../../common/enums.js';
import * as access from '../repositories/access.repository.js';
import { findUnitByCode } from '../repositories/org.repository.js';
import { findProvince } from '../repositories/province.repository.js';
import { hashPassword } from '../../domain/access/passwords.js';
import { recordAudit } from '../../domain/audit/record-audit.js';
import { SYSTEM_ACTOR } from '../../domain/access/actor.js';

/** The demo password; demo accounts exist only in demo mode. */
export const DEMO_PASSWORD = 'tangcuong';
/** Demo addresses are at the reserved domain (RFC 2606): a local SMTP catcher shows the reminders. */
export const DEMO_EMAIL_DOMAIN = 'example.org';
/** The department whose head and personnel officer the demo accounts are, and the host commune. */
export const DEMO_DEPARTMENT_CODE = 'SYT';
/** Cần Thơ's; in another province's demo its first commune or ward by code (as in demo-secondments.ts). */
export const DEMO_HOST_COMMUNE_CODE = '31150';

export interface DemoAccount {
  username: string;
  role: Role;
  description: string;
}

/**
 * Creates one account per role (if absent): admin, sonoivu, lanhdao, donvi, tochuc, xa, canbo, each with the
 * address <username>@example.org. The host commune sees its cadres through the demo secondments
 * (demo-secondments.ts), which give `canbo` an active one.
 */
export async function ensureDemoAccounts(db: Db): Promise<DemoAccount[]> {
  return db.transaction(async (tx) => {
    const level = (await findProvince(tx))?.levelWord ?? 'tỉnh';
    const dept = (await findUnitByCode(tx, DEMO_DEPARTMENT_CODE)) ?? (await firstDepartment(tx));
    const host = (await findUnitByCode(tx, DEMO_HOST_COMMUNE_CODE)) ?? (await firstCommune(tx));
    // the demo cadre is someone a unit would plausibly propose: a leader in planning, rated well, healthy, no discipline
    const people = await tx.execute<{ id: string; fullName: string }>(sql`SELECT p.id, p.full_name AS "fullName" FROM people p
      WHERE p.unit_id IN (SELECT id FROM org_units WHERE path @> ARRAY[${dept.id}::uuid]) AND p.status = 'active'
      ORDER BY (p.is_leader
          AND EXISTS (SELECT 1 FROM planning_entries pe WHERE pe.person_id = p.id AND pe.removed_on IS NULL)
          AND NOT EXISTS (SELECT 1 FROM discipline_records d WHERE d.person_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM person_proceedings pp WHERE pp.person_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM person_circumstances pc WHERE pc.person_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM annual_ratings ar WHERE ar.person_id = p.id AND ar.level_code NOT IN ('HTXS', 'HTT'))
          AND p.health_status = 'good' AND p.health_checked_on > ${vietnamToday()}::date - interval '5 months') DESC,
        p.code
      LIMIT 1`);
    const cadre = people.rows[0];
    const accounts: (DemoAccount & { displayName: string; unitId: string | null; personId?: string })[] = [
      { username: 'admin', role: 'admin', displayName: 'Quản trị hệ thống', unitId: null, description: 'quản trị hệ thống' },
      { username: 'sonoivu', role: 'home_affairs', displayName: 'Chuyên viên Sở Nội vụ', unitId: null, description: `Sở Nội vụ (toàn ${level})` },
      { username: 'lanhdao', role: 'authority', displayName: `Lãnh đạo UBND ${level}`, unitId: null, description: `lãnh đạo UBND ${level} (cấp có thẩm quyền)` },
      { username: 'donvi', role: 'unit_manager', displayName: `Thủ trưởng ${dept.name}`, unitId: dept.id, description: `thủ trưởng ${dept.name}` },
      { username: 'tochuc', role: 'unit_hr', displayName: `Cán bộ tổ chức ${dept.name}`, unitId: dept.id, description: `cán bộ tổ chức ${dept.name}` },
      { username: 'xa', role: 'host', displayName: `Cán bộ ${host.name}`, unitId: host.id, description: `đơn vị tiếp nhận: ${host.name}` },
    ];
    if (cadre) {
      accounts.push({ username: 'canbo', role: 'cadre', displayName: cadre.fullName, unitId: null, personId: cadre.id, description: `cán bộ: ${cadre.fullName}` });
    }
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const a of accounts) {
      const email = `${a.username}@${DEMO_EMAIL_DOMAIN}`;
      const existing = await access.findUserByUsername(tx, a.username);
      if (existing) {
        // a demo database set up before accounts had an address gets one
        await access.setEmailIfMissing(tx, existing.id, email);
        continue;
      }
      // demo accounts keep the published demo password: no change is asked at first login
      const userId = await access.insertUser(tx, {
        username: a.username,
        passwordHash: hash,
        displayName: a.displayName,
        personId: a.personId ?? null,
        email,
        mustChangePassword: false,
      });
      await access.insertRoleGrant(tx, { userId, role: a.role, unitId: a.unitId });
      await recordAudit(
        tx,
        { actor: SYSTEM_ACTOR },
        { action: 'create', entityType: 'user', entityId: userId, after: { username: a.username, role: a.role, unitId: a.unitId, hasEmail: true } },
      );
    }
    return accounts.map(({ username, role, description }) => ({ username, role, description }));
  });
}

async function firstDepartment(tx: Parameters<Parameters<Db['transaction']>[0]>[0]) {
  const r = await tx.execute<{ id: string; name: string; path: string[] }>(
    sql`SELECT id, name, path FROM org_units WHERE kind = 'department' ORDER BY sort_order, code LIMIT 1`,
  );
  if (!r.rows[0]) throw new Error('no department: load the demo data first');
  return r.rows[0];
}
async function firstCommune(tx: Parameters<Parameters<Db['transaction']>[0]>[0]) {
  const r = await tx.execute<{ id: string; name: string; path: string[] }>(
    sql`SELECT id, name, path FROM org_units WHERE kind IN ('commune','ward') ORDER BY code LIMIT 1`,
  );
  if (!r.rows[0]) throw new Error('no commune: load the demo data first');
  return r.rows[0];
}
