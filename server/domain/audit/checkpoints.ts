import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Pool, PoolClient } from '../../db/client.js';
import { currentDatabase, readAuditHead, readAuditRowHash } from '../../db/repositories/audit.repository.js';

/**
 * Signed checkpoints of the audit chain's head, kept outside the database (a file in DATA_DIR, or
 * AUDIT_CHECKPOINT_FILE), so that deleting the last rows — which the chain alone cannot show — is seen by
 * verify-audit. Each line: the head row's id and hash, when, and an HMAC-SHA256 with a key outside the database
 * (AUDIT_CHECKPOINT_KEY, or a key file created beside the checkpoints, readable only by its owner).
 */
export interface CheckpointPlace {
  file: string;
  key: Buffer;
}

interface Checkpoint {
  /** The database the chain is in (one file may serve several databases of a machine). */
  db: string;
  /** The hash of the chain's first row: the chain a checkpoint belongs to. */
  first: string;
  id: number;
  hash: string;
  at: string;
  mac: string;
}

const macOf = (key: Buffer, c: Omit<Checkpoint, 'mac'>) => crypto.createHmac('sha256', key).update(`${c.db}:${c.first}:${c.id}:${c.hash}:${c.at}`).digest('hex');

/** The checkpoint file and key of a deployment: from the environment, or in the data folder (key created once). */
export function checkpointPlace(dataDir: string, env: NodeJS.ProcessEnv = process.env): CheckpointPlace {
  const file = path.resolve(env.AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, 'audit-checkpoints.log'));
  if (env.AUDIT_CHECKPOINT_KEY) return { file, key: Buffer.from(env.AUDIT_CHECKPOINT_KEY) };
  const keyFile = `${file}.key`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(keyFile)) {
    try {
      fs.writeFileSync(keyFile, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return { file, key: Buffer.from(fs.readFileSync(keyFile, 'utf8').trim()) };
}

function readCheckpoints(file: string): (Checkpoint | null)[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      try {
        const c = JSON.parse(l) as Checkpoint;
        const texts = [c.db, c.first, c.hash, c.at, c.mac].every((v) => typeof v === 'string');
        return typeof c.id === 'number' && texts ? c : null;
      } catch {
        return null;
      }
    });
}

/** Appends a checkpoint of the current head when it moved since the last one. Returns the head written, or null. */
export async function writeCheckpoint(db: Pool | PoolClient, place: CheckpointPlace, now = new Date()): Promise<{ id: number } | null> {
  const head = await readAuditHead(db);
  if (!head) return null;
  const last = readCheckpoints(place.file)
    .filter((c): c is Checkpoint => c !== null && c.db === head.db)
    .at(-1);
  if (last && last.id === head.id && last.hash === head.hash) return null;
  const c = { db: head.db, first: head.first, id: head.id, hash: head.hash, at: now.toISOString() };
  // after a write cut short by a crash, start on a line of its own
  const cut = fs.existsSync(place.file) && fs.statSync(place.file).size > 0 && !fs.readFileSync(place.file, 'utf8').endsWith('\n');
  fs.appendFileSync(place.file, (cut ? '\n' : '') + JSON.stringify({ ...c, mac: macOf(place.key, c) }) + '\n', { mode: 0o600 });
  return { id: head.id };
}

export type CheckpointVerdict = { ok: true; checkpoints: number; lastId: number | null } | { ok: false; checkpoints: number; reason: string; checkpointId?: number };

/**
 * Every checkpoint is genuine (its MAC holds) and the database still holds each checkpointed row with the same
 * hash: a missing row means rows were deleted from the end (or the table emptied), a different hash that the chain
 * was rewritten.
 */
export async function verifyCheckpoints(db: Pool | PoolClient, place: CheckpointPlace): Promise<CheckpointVerdict> {
  const all = readCheckpoints(place.file);
  for (const [i, c] of all.entries()) {
    // an unreadable line (a write cut short by a crash) carries no checkpoint; a readable one must be genuine
    if (!c) continue;
    if (macOf(place.key, c) !== c.mac)
      return { ok: false, checkpoints: all.length, checkpointId: c.id, reason: `điểm kiểm tra dòng ${i + 1} bị sửa (chữ ký không khớp)` };
  }
  const head = await readAuditHead(db);
  const database = head?.db ?? (await currentDatabase(db));
  const mine = all.filter((c): c is Checkpoint => c !== null && c.db === database);
  const last = mine.at(-1);
  if (!last) return { ok: true, checkpoints: 0, lastId: null };
  // the latest covers every earlier one when the chain itself verifies
  if (!head)
    return {
      ok: false,
      checkpoints: mine.length,
      checkpointId: last.id,
      reason: `nhật ký trống nhưng điểm kiểm tra lúc ${last.at} ghi tới dòng ${last.id}: nhật ký đã bị xóa`,
    };
  if (head.first !== last.first)
    return {
      ok: false,
      checkpoints: mine.length,
      checkpointId: last.id,
      reason: `dòng đầu của nhật ký khác với điểm kiểm tra lúc ${last.at}: chuỗi đã bị viết lại từ đầu`,
    };
  const hash = await readAuditRowHash(db, last.id);
  if (hash === null) {
    return {
      ok: false,
      checkpoints: mine.length,
      checkpointId: last.id,
      reason: `dòng nhật ký ${last.id} (điểm kiểm tra lúc ${last.at}) không còn: các dòng cuối đã bị xóa`,
    };
  }
  if (hash !== last.hash)
    return {
      ok: false,
      checkpoints: mine.length,
      checkpointId: last.id,
      reason: `dòng nhật ký ${last.id} khác với điểm kiểm tra lúc ${last.at}: chuỗi đã bị viết lại`,
    };
  return { ok: true, checkpoints: mine.length, lastId: last.id };
}
