import type { Tx } from '../../db/client.js';
import { findProvince } from '../../db/repositories/province.repository.js';

export interface SetupStatus {
  setUp: boolean;
  province: { code: string; name: string; peoplesCommitteeName: string } | null;
}

/**
 * Whether the first setup has been made, and for which province. Public: names nobody and nothing that is not on
 * the province's own letterhead, so the login page can show it before anyone signs in.
 */
export async function getSetupStatus(tx: Tx): Promise<SetupStatus> {
  const p = await findProvince(tx);
  return { setUp: p !== null, province: p ? { code: p.code, name: p.name, peoplesCommitteeName: p.peoplesCommitteeName } : null };
}
