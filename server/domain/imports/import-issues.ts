/** A problem in an imported file, located by sheet, row and column, with the value and a Vietnamese reason. */
export interface ImportIssue {
  sheet: string;
  rowNo: number | null;
  column: string | null;
  value: string | null;
  reason: string;
  severity?: 'error' | 'warning';
}

export interface IssueSink {
  add(issue: ImportIssue): void;
}

/** The first issues are kept in full; beyond the cap only counts, so 100,000 errors stay a usable report. */
export const STORED_ISSUE_CAP = 10_000;

export interface IssueStats {
  errors: number;
  warnings: number;
  /** "sheet › column › reason" → count, the biggest first when presented. */
  byColumnReason: Record<string, number>;
}

export interface IssueSnapshot {
  kept: Required<ImportIssue>[];
  errors: number;
  warnings: number;
  counts: [string, number][];
}

export class IssueCollector implements IssueSink {
  readonly kept: Required<ImportIssue>[] = [];
  errors = 0;
  warnings = 0;
  private counts = new Map<string, number>();

  constructor(private readonly cap = STORED_ISSUE_CAP) {}

  add(issue: ImportIssue): void {
    const severity = issue.severity ?? 'error';
    if (severity === 'error') this.errors++;
    else this.warnings++;
    const key = `${issue.sheet} › ${issue.column ?? '—'} › ${issue.reason.replace(/"[^"]*"/g, '"…"')}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.kept.length < this.cap) {
      this.kept.push({
        sheet: issue.sheet,
        rowNo: issue.rowNo,
        column: issue.column,
        value: issue.value === null ? null : issue.value.slice(0, 200),
        reason: issue.reason,
        severity,
      });
    }
  }

  /** Drops everything (a file-level problem such as the wrong template version makes row issues moot). */
  reset(): void {
    this.kept.length = 0;
    this.errors = 0;
    this.warnings = 0;
    this.counts.clear();
  }

  /** Everything collected so far, to be stored with the staged rows and restored at commit. */
  snapshot(): IssueSnapshot {
    return { kept: [...this.kept], errors: this.errors, warnings: this.warnings, counts: [...this.counts] };
  }

  /** Replaces what was collected with a snapshot. */
  restore(s: IssueSnapshot): void {
    this.kept.length = 0;
    this.kept.push(...s.kept);
    this.errors = s.errors;
    this.warnings = s.warnings;
    this.counts = new Map(s.counts);
  }

  stats(): IssueStats {
    const sorted = [...this.counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 200);
    return { errors: this.errors, warnings: this.warnings, byColumnReason: Object.fromEntries(sorted) };
  }
}
