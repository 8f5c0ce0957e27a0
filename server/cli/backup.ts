import { once } from 'node:events';
import type pg from 'pg';
import { to as copyTo, from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import { SHIPPED_REFERENCE_TABLES } from '../db/reference/reference-data.js';

// The first line identifies our files; restore refuses anything else rather than run arbitrary SQL.
const MAGIC = '-- Tăng cường — bản sao lưu dữ liệu (Tang cuong data backup)';
const NOT_A_BACKUP = 'Tệp không phải là bản sao lưu của hệ thống Tăng cường';
const TRUNCATED = 'Tệp sao lưu không đầy đủ (bị cắt cụt)';
// COPY data is sent to the server in batches of about this size, not one protocol message per row.
const BATCH_BYTES = 64 * 1024;

interface TableInfo {
  name: string;
  qname: string;
  cols: string[];
  pk: string[] | null;
  parents: string[] | null;
}

/** Ordinary tables of the public schema (the drizzle schema's migration journal is the target's own business). */
const TABLES_SQL = `
  SELECT c.relname AS name, quote_ident(c.relname) AS qname,
    ARRAY(SELECT quote_ident(a.attname) FROM pg_attribute a
          WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
          ORDER BY a.attnum) AS cols,
    (SELECT array_agg(quote_ident(a.attname) ORDER BY k.ord)
       FROM pg_index i CROSS JOIN unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = c.oid AND i.indisprimary) AS pk,
    (SELECT array_agg(DISTINCT p.relname::text) FROM pg_constraint f JOIN pg_class p ON p.oid = f.confrelid
      WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid AND p.relnamespace = c.relnamespace) AS parents
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind = 'r'
  ORDER BY c.relname`;

/**
 * Parents before children, so each COPY's foreign keys find their targets. A self-reference needs no
 * ordering: foreign-key checks run at the end of the COPY statement, when all of the table's rows are in.
 */
function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  let rest = tables;
  while (rest.length > 0) {
    const ready = rest.filter((t) => (t.parents ?? []).every((p) => done.has(p) || !tables.some((x) => x.name === p)));
    // A cycle between tables (none in this schema) cannot be ordered; name order lets the restore report the violation.
    const next = ready.length > 0 ? ready : rest;
    for (const t of next) {
      ordered.push(t);
      done.add(t.name);
    }
    rest = rest.filter((t) => !done.has(t.name));
  }
  return ordered;
}

/** Writes a data-only plain SQL backup (restorable with psql or restoreDatabase) to `out`, then ends `out`. */
export async function backupDatabase(pool: pg.Pool, out: NodeJS.WritableStream): Promise<{ tables: number; rows: number }> {
  let outError: Error | null = null;
  out.on('error', (e: Error) => (outError = e));
  const write = async (chunk: string | Buffer) => {
    if (outError) throw outError;
    if (!out.write(chunk)) await once(out as NodeJS.EventEmitter, 'drain');
  };
  const client = await pool.connect();
  let rows = 0;
  let tables = 0;
  try {
    // One snapshot for every table and sequence: the backup is consistent even while the application writes.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Output independent of the server's settings: ISO dates, UTC offsets, floats that round-trip.
    await client.query(`SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 3`);
    const meta = await client.query<{ at: Date; version: string }>(`SELECT now() AS at, current_setting('server_version') AS version`);
    await write(
      [
        MAGIC,
        '-- Tệp SQL thuần, chỉ có dữ liệu (như pg_dump --data-only), khôi phục vào cơ sở dữ liệu đã migrate và còn trống:',
        '-- Plain SQL, data only (like pg_dump --data-only); restore into a migrated, empty database with:',
        '--   psql -v ON_ERROR_STOP=1 -f TỆP.sql     hoặc / or     npm run cli -- restore --in TỆP.sql',
        `-- Tạo lúc / Created at: ${meta.rows[0].at.toISOString()}`,
        `-- Máy chủ / Server: PostgreSQL ${meta.rows[0].version}`,
        '',
        "SET client_encoding = 'UTF8';",
        'SET standard_conforming_strings = on;',
        'BEGIN;',
        '',
      ].join('\n') + '\n',
    );
    const infos = (await client.query<TableInfo>(TABLES_SQL)).rows;
    for (const t of dependencyOrder(infos)) {
      if (t.cols.length === 0) continue;
      const cols = t.cols.join(', ');
      const table = `public.${t.qname}`;
      await write(`-- ${t.name}\nCOPY ${table} (${cols}) FROM stdin;\n`);
      // Text format: the escaping is PostgreSQL's own, and COPY FROM reads back exactly what COPY TO wrote.
      const src = client.query(copyTo(`COPY (SELECT ${cols} FROM ${table}${t.pk ? ` ORDER BY ${t.pk.join(', ')}` : ''}) TO STDOUT`));
      for await (const chunk of src) await write(chunk as Buffer);
      await write('\\.\n\n');
      rows += src.rowCount;
      tables++;
    }
    // COPY writes identity and serial columns without touching their sequences, so each is set explicitly.
    const seqs = await client.query<{ name: string; literal: string }>(
      `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
              quote_literal(quote_ident(n.nspname) || '.' || quote_ident(c.relname)) AS literal
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
    );
    for (const s of seqs.rows) {
      const v = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${s.name}`);
      await write(`SELECT pg_catalog.setval(${s.literal}, ${v.rows[0].last_value}, ${v.rows[0].is_called});\n`);
    }
    await write('\nCOMMIT;\n');
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    client.release(true);
    throw err;
  }
  client.release();
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
  if (outError) throw outError;
  return { tables, rows };
}

/** Splits a byte stream on LF without decoding, so COPY rows reach the server byte for byte. */
async function* readLines(input: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  let rest = Buffer.alloc(0);
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buf = rest.length ? Buffer.concat([rest, Buffer.from(chunk)]) : Buffer.from(chunk);
    let start = 0;
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10, start)) {
      yield buf.subarray(start, nl);
      start = nl + 1;
    }
    rest = buf.subarray(start);
  }
  if (rest.length) yield rest;
}

/** A COPY FROM stream whose failure (a bad row reported by the server) surfaces on the next write or at the end. */
function openCopy(client: pg.PoolClient, sql: string) {
  const stream: CopyStreamQuery = client.query(copyFrom(sql));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
  });
  done.catch(() => {}); // observed by write()/end(); this only keeps it from counting as unhandled meanwhile
  let pending: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const chunk = Buffer.concat(pending);
    pending = [];
    size = 0;
    if (stream.errored) return done;
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
  };
  return {
    stream,
    async write(line: Buffer) {
      pending.push(line, NL);
      size += line.length + 1;
      if (size >= BATCH_BYTES) await flush();
    },
    async end() {
      await flush();
      stream.end();
      await done;
      return stream.rowCount;
    },
    async abort(err: Error) {
      stream.destroy(err); // sends CopyFail, so the connection leaves COPY mode and can roll back
      await done.catch(() => {});
    },
  };
}
const NL = Buffer.from('\n');

/**
 * Restores a backupDatabase file into an empty migrated database (only the reference data `migrate` ships), in one
 * transaction (all or nothing).
 */
export async function restoreDatabase(pool: pg.Pool, input: NodeJS.ReadableStream): Promise<{ tables: number; rows: number }> {
  const client = await pool.connect();
  let copy: ReturnType<typeof openCopy> | null = null;
  let tables = 0;
  let rows = 0;
  try {
    await client.query('BEGIN');
    const infos = (await client.query<TableInfo>(TABLES_SQL)).rows;
    if (infos.length > 0) {
      const probe = infos.map((t) => `SELECT ${client.escapeLiteral(t.name)} AS name WHERE EXISTS (SELECT 1 FROM public.${t.qname})`).join(' UNION ALL ');
      const filled = (await client.query<{ name: string }>(probe)).rows.map((r) => r.name);
      // `migrate` ships reference data (ranks, salaries…): that alone does not make the target non-empty
      const data = filled.filter((t) => !SHIPPED_REFERENCE_TABLES.includes(t));
      if (data.length > 0) throw new Error(`Cơ sở dữ liệu đích không trống: bảng ${data.join(', ')} đã có dữ liệu`);
      // the backup carries its own reference rows (as they were, with any corrections): they replace the shipped ones,
      // children first; the next start's migrate adds back any dated row a newer release ships
      for (const t of dependencyOrder(infos).reverse()) if (filled.includes(t.name)) await client.query(`DELETE FROM public.${t.qname}`);
    }
    let lineNo = 0;
    let committed = false;
    const setvals: string[] = [];
    for await (const raw of readLines(input)) {
      lineNo++;
      if (copy) {
        if (raw.length <= 3 && raw.toString('latin1').replace(/\r$/, '') === '\\.') {
          rows += await copy.end();
          copy = null;
        } else await copy.write(raw);
        continue;
      }
      const line = raw
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trim();
      if (lineNo === 1) {
        if (line !== MAGIC) throw new Error(NOT_A_BACKUP);
        continue;
      }
      if (line === '' || line.startsWith('--') || line === 'BEGIN;') continue;
      if (line === 'COMMIT;') {
        committed = true;
        continue;
      }
      // Only the statement forms backupDatabase writes are run: a restore must not execute arbitrary SQL.
      if (committed) throw new Error(`Dòng ${lineNo}: có nội dung sau COMMIT`);
      if (/^COPY public\.("(?:[^"]|"")+"|\w+) \([^;]*\) FROM stdin;$/.test(line)) {
        copy = openCopy(client, line.slice(0, -1));
        tables++;
      } else if (/^SET \w+ = [^;]+;$/.test(line)) {
        // SET LOCAL: the settings end with the transaction instead of staying on the pooled connection.
        await client.query(line.replace(/^SET /, 'SET LOCAL '));
      } else if (/^SELECT pg_catalog\.setval\('[^;]+', -?\d+, (true|false)\);$/.test(line)) {
        // setval is not undone by ROLLBACK: run it only once the whole file has been read and loaded.
        setvals.push(line);
      } else throw new Error(`Dòng ${lineNo}: câu lệnh không được hỗ trợ trong tệp sao lưu`);
    }
    if (lineNo === 0) throw new Error(NOT_A_BACKUP);
    if (copy || !committed) throw new Error(TRUNCATED);
    for (const q of setvals) await client.query(q);
    await client.query('COMMIT');
  } catch (err) {
    if (copy) await copy.abort(err as Error);
    const rolledBack = await client.query('ROLLBACK').then(
      () => true,
      () => false,
    );
    client.release(rolledBack ? undefined : true);
    // The server's context ("COPY people, line 12, column birth_date") says where in the file the fault is.
    const where = (err as { where?: unknown }).where;
    if (err instanceof Error && typeof where === 'string') err.message += ` (${where})`;
    throw err;
  }
  client.release();
  return { tables, rows };
}
