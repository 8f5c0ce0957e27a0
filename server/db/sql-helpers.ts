/**
 * A PostgreSQL array literal for one bound parameter: drizzle expands a JS array in a `sql` template into
 * a tuple ($1, $2, …), which cannot be cast to an array type.
 */
export function pgArray(values: readonly string[]): string {
  return '{' + values.map((v) => '"' + v.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"').join(',') + '}';
}
