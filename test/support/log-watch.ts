import type { DestinationStream } from 'pino';

/**
 * The suite-wide log check (issue 14: "a test greps the log of the whole suite for the personal values it used"):
 * every line the in-process app and job worker log during a database test file lands here (test-app.ts), every
 * personal value the factories gave a person is watched (factories.ts, xlsx-files.ts), and after each file
 * (log-watch.setup.ts) no watched value may appear in any line, in any spelling: accents or not, JSON-escaped,
 * percent-encoded. server/http/logging/no-personal-data-in-logs.db.test.ts forces the failures that would leak.
 */
const lines: string[] = [];
const watchedValues = new Set<string>();

/** Where testLogger() writes when a test gives no destination of its own. */
export const suiteLog: DestinationStream = { write: (line: string) => void lines.push(line) };

/** Lower case, no accents, đ → d: the form a search index or an ASCII-only log would hold. */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

/** Watches personal values (a name, an ID number, a phone, an e-mail); short ones would match by chance and are skipped. */
export function watchPersonal(...values: (string | null | undefined)[]) {
  for (const v of values) if (typeof v === 'string' && v.trim().length >= 8) watchedValues.add(fold(v.trim()));
}

/** Undoes percent-encoding (a URL's query string), leaving malformed runs as they are. */
const percentDecoded = (s: string) =>
  s.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });

/** A log line as text, with JSON's \u escapes and URL encoding undone so an encoded value cannot slip past the search. */
export function readable(line: string): string {
  let json = line;
  try {
    json = JSON.stringify(JSON.parse(line));
  } catch {
    // not JSON: searched as it is
  }
  return [line, json, percentDecoded(json), percentDecoded(json.replace(/\+/g, ' '))].join('\n');
}

/** The watched values found in the lines, each with the line it was found in. */
export function leaksIn(logLines: readonly string[], values: Iterable<string>): string[] {
  const watched = [...values].map(fold);
  return logLines.flatMap((line) => {
    const text = fold(readable(line));
    return watched.filter((v) => text.includes(v)).map((v) => `"${v}" in ${line.slice(0, 500)}`);
  });
}

/** What this file's logs hold of this file's watched values; how many lines and values were compared. */
export function suiteLeaks(): { leaks: string[]; lines: number; values: number } {
  return { leaks: leaksIn(lines, watchedValues), lines: lines.length, values: watchedValues.size };
}
