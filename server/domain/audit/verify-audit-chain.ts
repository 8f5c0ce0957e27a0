import type { Pool, PoolClient } from '../../db/client.js';
import { readAuditPage } from '../../db/repositories/audit.repository.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';

export type ChainVerdict = { ok: true; rows: number } | { ok: false; rows: number; firstBrokenId: number; reason: string };

/** Walks the whole audit log in pages and names the first row whose hash or link does not hold. */
export async function verifyAuditChain(pool: Pool | PoolClient, pageSize = 5000): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let rows = 0;
  for (;;) {
    const page = await readAuditPage(pool, afterId, pageSize);
    if (page.length === 0) return { ok: true, rows };
    for (const r of page) {
      rows++;
      if (r.prevHash !== prev) return { ok: false, rows, firstBrokenId: r.id, reason: 'prev_hash does not match the previous row' };
      const { id, prevHash, hash, ...content } = r;
      if (auditHash(prevHash, content) !== hash) return { ok: false, rows, firstBrokenId: id, reason: 'content does not match its hash' };
      prev = hash;
      afterId = id;
    }
  }
}
