/** A row of the dated key-posts table (key_posts): a post a local person may not hold, at a level, over a period. */
export interface KeyPostRow {
  title: string;
  /** 'commune': the level the post belongs to (a ward is a commune-level unit). */
  level: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  instrument: string;
}

/** The level of the key-posts table a unit kind belongs to; null where the table has no list for it. */
export function keyPostLevelOf(unitKind: string | undefined): string | null {
  return unitKind === 'commune' || unitKind === 'ward' ? 'commune' : null;
}

// written-out names and their usual abbreviations, so 'Chủ tịch Ủy ban nhân dân' is 'Chủ tịch UBND'
const ABBREVIATIONS: [RegExp, string][] = [
  [/\buy ban nhan dan\b/g, 'ubnd'],
  [/\bhoi dong nhan dan\b/g, 'hdnd'],
  [/\buy ban mat tran to quoc( viet nam)?\b/g, 'uy ban mttq'],
  [/\bmat tran to quoc( viet nam)?\b/g, 'mttq'],
  [/\bubmttq\b/g, 'uy ban mttq'],
  [/\buy ban kiem tra\b/g, 'ubkt'],
];

/**
 * A title compared without accents, case, spacing or the usual abbreviations: 'CHỦ TỊCH UBND' and 'Chủ tịch Ủy ban
 * nhân dân' are one post. (đ is folded by hand: NFD does not decompose it.)
 */
export function titleKey(title: string): string {
  let s = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const [re, to] of ABBREVIATIONS) s = s.replace(re, to);
  return s;
}

/** A post title holds a listed post when it is that post, or that post followed by more words ('Chủ tịch UBND xã'). */
export function titleHolds(postTitle: string, listed: string): boolean {
  const p = titleKey(postTitle);
  const l = titleKey(listed);
  return l.length > 0 && (p === l || p.startsWith(l + ' '));
}

/** The key posts of a level in force on a date (effective_from ≤ date ≤ effective_to). */
export function keyPostsInForce(rows: readonly KeyPostRow[], level: string | null, date: string): KeyPostRow[] {
  if (!level) return [];
  return rows.filter((r) => r.level === level && r.effectiveFrom <= date && (r.effectiveTo === null || date <= r.effectiveTo));
}
