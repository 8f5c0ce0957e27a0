import readline from 'node:readline';
import { ROLES, type Role } from '../../common/enums.js';
import type { Database } from '../db/client.js';
import { findUnitByCode } from '../db/repositories/org.repository.js';
import { createUser } from '../domain/access/manage-users.js';
import { SYSTEM_ACTOR } from '../domain/access/actor.js';
import { AppError } from '../domain/errors.js';
import { vietnamToday } from '../../common/dates.js';
import { sql } from 'drizzle-orm';

async function readPassword(): Promise<string> {
  if (process.env.NEW_PASSWORD) return process.env.NEW_PASSWORD;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write('Mật khẩu: ');
  for await (const line of rl) {
    rl.close();
    return line.trim();
  }
  return '';
}

/** `create-user`: an account with one role, scoped to a unit given by its code. */
export async function runCreateUser(database: Database, v: Record<string, string | boolean | undefined>): Promise<number> {
  const role = String(v.role ?? '') as Role;
  if (!ROLES.includes(role)) {
    console.error(`--role phải là một trong: ${ROLES.join(', ')}`);
    return 2;
  }
  if (!v.username || !v.name) {
    console.error('Cần --username và --name');
    return 2;
  }
  try {
    const id = await database.db.transaction(async (tx) => {
      const unit = v.unit ? await findUnitByCode(tx, String(v.unit)) : null;
      if (v.unit && !unit) throw new AppError('not_found', `Không có đơn vị mã ${v.unit}`);
      let personId: string | null = null;
      if (v.person) {
        const r = await tx.execute<{ id: string }>(sql`SELECT id FROM people WHERE code = ${String(v.person)}`);
        personId = r.rows[0]?.id ?? null;
        if (!personId) throw new AppError('not_found', `Không có cán bộ mã ${v.person}`);
      }
      const password = await readPassword();
      return createUser(
        { actor: SYSTEM_ACTOR, tx, today: vietnamToday() },
        { username: String(v.username), displayName: String(v.name), password, role, unitId: unit?.id ?? null, personId },
      );
    });
    console.log(`Đã tạo tài khoản ${id.username}.`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(e.message);
      for (const i of e.issues ?? []) console.error(`  - ${i.path}: ${i.message}`);
      return 2;
    }
    throw e;
  }
}
