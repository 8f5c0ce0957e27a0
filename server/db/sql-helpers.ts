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
