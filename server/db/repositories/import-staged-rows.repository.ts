import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from '../client.js';
import type { SheetKind, StagedSheetKind } from '../../../common/import-columns.js';
import { copyField, type CopyValue } from '../seed/copy.js';
import { STAGE_SPECS, stagingColumns, type StageSpec } from './import-staging.repository.js';

/**
 * The rows of an import on their way into the staging tables: streamed with COPY as the file is read, and
 * kept (the same COPY text) by a dry run without errors so that its commit loads them instead of the file.
 */

/** Resolves when a stream that refused a write can take more, rejects if it fails first. */
export function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      stream.off('drain', done);
      stream.off('error', done);
      if (err instanceof Error) reject(err);
      else resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
  });
}

/**
 * Streams rows into the staging tables with one COPY per sheet while the caller goes on reading the file, so
 * PostgreSQL stores one part while Node parses the next. Rows arrive sheet after sheet (`begin` each).
 */
export class StagingWriter {
  private stream: Writable | null = null;
  private spec: StageSpec | null = null;
  private text = '';
  private blocked = false;

  /** `keep` also receives each chunk of COPY text (a dry run keeps them for the commit). */
  constructor(
    private readonly client: pg.PoolClient,
    private keep?: StagedChunkSink,
  ) {}

  /** Stops sending chunks to `keep` (the rows will not be kept). */
  stopKeeping(): void {
    this.keep = undefined;
  }

  /** Ends the current sheet's COPY and opens the next one's. */
  async begin(kind: StagedSheetKind): Promise<void> {
    await this.end();
    const s = STAGE_SPECS[kind];
    this.spec = s;
    this.stream = this.client.query(copyFrom(`COPY ${s.temp} (${stagingColumns(s).join(', ')}) FROM STDIN`));
  }

  /** Adds a row of the current sheet: its own values (ids, code) and its values by column key. */
  add(rowNo: number, own: CopyValue[], values: Record<string, CopyValue>): void {
    let line = String(rowNo);
    for (const v of own) line += '\t' + copyField(v);
    for (const c of this.spec!.cols) line += '\t' + copyField(values[c.key]);
    this.text += line + '\n';
    if (this.text.length >= 1 << 18) this.push();
  }

  private push(): void {
    if (!this.text) return;
    const bytes = Buffer.from(this.text, 'utf8');
    if (!this.stream!.write(bytes)) this.blocked = true;
    this.keep?.add(this.spec!.kind, bytes);
    this.text = '';
  }

  /** Waits while PostgreSQL catches up (call between batches of rows). */
  async settle(): Promise<void> {
    await this.keep?.settle();
    if (!this.blocked || !this.stream) return;
    await drained(this.stream);
    this.blocked = false;
  }

  /** Sends what is left and ends the COPY of the current sheet. */
  async end(): Promise<void> {
    if (!this.stream) return;
    this.push();
    const stream = this.stream;
    this.stream = null;
    this.blocked = false;
    stream.end();
    await finished(stream);
  }

  /** Abandons the current COPY (CopyFail), so the connection can roll back. */
  async abort(): Promise<void> {
    if (!this.stream) return;
    const stream = this.stream;
    this.stream = null;
    this.text = '';
    stream.destroy(new Error('import stopped'));
    await finished(stream).catch(() => undefined);
  }
}

/**
 * Keeps the COPY text of a dry run's staging rows, chunk by chunk, on a connection of its own (the import's is
 * busy with the COPY): the dry run's transaction is rolled back, this one commits only if the file had no error.
 * A few inserts may be in flight; `settle` waits when more are.
 */
export class StagedChunkSink {
  private seq = 0;
  private pending = 0;
  /** the inserts run one after another (one query at a time on a connection) */
  private tail: Promise<void> = Promise.resolve();
  private failed: Error | null = null;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly importId: string,
  ) {}

  /** Starts the keeping transaction, dropping what an earlier dry run of the import kept. */
  async begin(): Promise<void> {
    await this.client.query('BEGIN');
    await deleteStagedRowsWith(this.client, this.importId);
  }

  add(sheet: SheetKind, bytes: Buffer): void {
    const seq = ++this.seq;
    this.pending++;
    this.tail = this.tail.then(async () => {
      try {
        if (!this.failed)
          await this.client.query('INSERT INTO import_staged_chunks (import_id, sheet, seq, data) VALUES ($1, $2, $3, $4)', [this.importId, sheet, seq, bytes]);
      } catch (err) {
        this.failed ??= err as Error;
      } finally {
        this.pending--;
      }
    });
  }

  /** Waits while too many chunks are on their way. */
  async settle(): Promise<void> {
    if (this.pending > 8) await this.tail;
    if (this.failed) throw this.failed;
  }

  /** Waits for every chunk, then records what they were checked against. */
  async finish(fingerprint: string, manifest: unknown): Promise<void> {
    await this.tail;
    if (this.failed) throw this.failed;
    await this.client.query('INSERT INTO import_staging (import_id, fingerprint, manifest) VALUES ($1, $2, $3)', [
      this.importId,
      fingerprint,
      JSON.stringify(manifest),
    ]);
  }

  /** Lets the inserts on their way end (their errors no longer matter): the caller rolls back. */
  async drop(): Promise<void> {
    await this.tail;
  }
}

/** The fingerprint and manifest of an import's staged rows, or null when there are none. */
export async function findStaging(tx: Tx, importId: string): Promise<{ fingerprint: string; manifest: unknown } | null> {
  const r = await tx.execute<{ fingerprint: string; manifest: unknown }>(sql`SELECT fingerprint, manifest FROM import_staging WHERE import_id = ${importId}::uuid`);
  return r.rows[0] ?? null;
}

/** Fills the (empty) staging tables with the rows a dry run kept, COPYing its chunks back in. */
export async function loadStagedRows(client: pg.PoolClient, importId: string): Promise<void> {
  for (const s of Object.values(STAGE_SPECS)) {
    // a few megabytes at a time, each part with its own COPY (the connection cannot read while a COPY is open);
    // binary results: the chunks come back as the bytes they were, written to COPY as they are
    for (let after = 0; ;) {
      const query = {
        text: 'SELECT seq, data FROM import_staged_chunks WHERE import_id = $1 AND sheet = $2 AND seq > $3 ORDER BY seq LIMIT 32',
        values: [importId, s.kind, after],
        binary: true,
      };
      const r = await client.query<{ seq: number; data: Buffer }>(query as pg.QueryConfig);
      if (r.rows.length === 0) break;
      after = r.rows[r.rows.length - 1].seq;
      const stream = client.query(copyFrom(`COPY ${s.temp} (${stagingColumns(s).join(', ')}) FROM STDIN`));
      for (const { data } of r.rows) if (!stream.write(data)) await drained(stream);
      stream.end();
      await finished(stream);
    }
  }
}

async function deleteStagedRowsWith(client: pg.PoolClient, importId: string): Promise<void> {
  await client.query('DELETE FROM import_staged_chunks WHERE import_id = $1', [importId]);
  await client.query('DELETE FROM import_staging WHERE import_id = $1', [importId]);
}

/** Removes an import's staged rows. */
export async function deleteStagedRows(client: pg.PoolClient, importId: string): Promise<void> {
  await deleteStagedRowsWith(client, importId);
}
