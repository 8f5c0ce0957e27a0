import type { Database } from '../db/client.js';
import { setUpProvince } from '../domain/province/set-up-province.js';
import { SYSTEM_ACTOR } from '../domain/access/actor.js';
import { AppError } from '../domain/errors.js';
import { vietnamToday } from '../../common/dates.js';

/**
 * `setup --province 92`: the first setup of an empty database. The reference data came with `migrate`;
 * this records the province and creates its People's Committee and communes. A second run is refused and
 * changes nothing.
 */
export async function runSetup(database: Database, code: string): Promise<number> {
  try {
    const r = await database.db.transaction((tx) => setUpProvince({ actor: SYSTEM_ACTOR, tx, today: vietnamToday() }, code));
    console.log(
      `Đã thiết lập ${r.province.name}: ${r.province.peoplesCommitteeName}, ${r.communes} xã, phường (${r.legacyCommunes} xã, phường cũ trước 01/07/2025).`,
    );
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(e.issues?.map((i) => i.message).join('; ') || e.message);
      return e.code === 'conflict' ? 3 : 2;
    }
    throw e;
  }
}
