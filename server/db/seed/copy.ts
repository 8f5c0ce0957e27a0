import type pg from 'pg';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';

/** A value in PostgreSQL's COPY text format. */
export type CopyValue = string | number | boolean | null | undefined;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

export function copyField(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (!NEEDS_ESCAPE.test(v)) return v;
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Rows for one table, accumulated as COPY text lines. */
export class CopyBatch {
  private lines: string[] = [];

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  get size(): number {
    return this.lines.length;
  }

  add(values: readonly CopyValue[]): void {
    let line = copyField(values[0]);
    for (let i = 1; i < values.length; i++) line += '\t' + copyField(values[i]);
    this.lines.push(line);
  }

  /** Sends the rows with COPY … FROM STDIN and empties the batch. */
  async flush(client: pg.PoolClient): Promise<number> {
    if (this.lines.length === 0) return 0;
    const n = this.lines.length;
    const text = this.lines.join('\n') + '\n';
    this.lines = [];
    const stream = client.query(copyFrom(`COPY ${this.table} (${this.columns.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from([text]), stream);
    return n;
  }
}
