import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Tx } from './client.js';
/**
 * A PostgreSQL array literal for one bound parameter: drizzle expands a JS array in a `sql` template into
 * a tuple ($1, $2, …), which cannot be cast to an array type.
 */
export function pgArray(values: readonly string[]): string {
  return '{' + values.map((v) => '"' + v.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"').join(',') + '}';
}

/** The PostgreSQL error code (SQLSTATE) of an error, also when drizzle has wrapped the driver's error as `cause`. */
export function pgErrorCode(e: unknown): string | undefined {
  const x = e as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = typeof x?.code === 'string' ? x.code : typeof x?.cause?.code === 'string' ? x.cause.code : undefined;
  return code;
}

/** The results of `allOf`'s reads, each in its place. */
type ResultsOf<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Independent reads of one use case: in parallel on the pool (withoutTransaction), one after the other inside a
 * transaction, whose single connection runs one statement at a time (pg 8 queues the rest with a warning; pg 9
 * refuses them).
 */
export async function allOf<T extends readonly (() => Promise<unknown>)[]>(tx: Tx, reads: readonly [...T]): Promise<ResultsOf<T>> {
  const out: unknown[] = [];
  if (tx instanceof PgTransaction) for (const read of reads) out.push(await read());
  else out.push(...(await Promise.all(reads.map((read) => read()))));
  // each read's result sits at its read's index, which is what ResultsOf states
  return out as unknown as ResultsOf<T>;
}
