import type pg from 'pg';
import { DECREE_171_2025, DECREE_171_CATEGORY, DECREE_171_EFFECTIVE_FROM } from '../../../common/training.js';
import { RATING_INSTRUMENTS_SEED } from '../../../common/ratings.js';
import { loadEthnicGroups } from './load.js';

/**
 * The reference tables that ship with the product (not with the demo): ranks and their salary coefficients,
 * base salaries, rating levels, discipline forms, ethnic groups, retirement ages and the training
 * regulations. Every number carries its effective date and the instrument it comes from. `runMigrations`
 * applies them after the schema migrations, so `cli migrate` on an empty database leaves them in place, and
 * a release that adds a dated row (a new base salary from 01/07/2027) adds it on the next `migrate`.
 *
 * Insert-only on the natural key of each table: a row already present is never overwritten, so a value a
 * user corrected stays corrected and a second run changes nothing. A shipped value found wrong is fixed in the
 * rows below (new databases) and by a REFERENCE_CORRECTIONS entry (existing ones), which changes only a row
 * that still holds the shipped value.
 */

export interface RankDef {
  code: string;
  name: string;
  /** Civil-service grade (loại): A3, A2, A1, A0, B, C. */
  grade: 'A3' | 'A2' | 'A1' | 'A0' | 'B' | 'C';
  /** Salary coefficient of each step, as numeric strings ('2.34'). */
  coefficients: string[];
}

/** Salary scales of Decree 204/2004/NĐ-CP (Tables 2 and 3): first coefficient, increment, number of steps. */
const SCALES = {
  'A3.1': [620, 36, 6],
  'A3.2': [575, 36, 6],
  'A2.1': [440, 34, 8],
  'A2.2': [400, 34, 8],
  A1: [234, 33, 9],
  A0: [210, 31, 10],
  B: [186, 20, 12],
  C1: [165, 18, 12],
} as const;
type Scale = keyof typeof SCALES;

function scale(s: Scale): string[] {
  const [first, inc, steps] = SCALES[s];
  // integer hundredths: no floating-point drift in 4.98 or 6.78
  return Array.from({ length: steps }, (_, i) => ((first + inc * i) / 100).toFixed(2));
}

function rank(code: string, name: string, s: Scale): RankDef {
  const grade = s.startsWith('A3') ? 'A3' : s.startsWith('A2') ? 'A2' : s === 'C1' ? 'C' : (s as 'A1' | 'A0' | 'B');
  return { code, name, grade, coefficients: scale(s) };
}

/** Ranks (ngạch công chức, chức danh nghề nghiệp viên chức) used by the demo data. */
export const RANKS: readonly RankDef[] = [
  rank('01.001', 'Chuyên viên cao cấp', 'A3.1'),
  rank('01.002', 'Chuyên viên chính', 'A2.1'),
  rank('01.003', 'Chuyên viên', 'A1'),
  rank('01.004', 'Cán sự', 'A0'),
  rank('01.005', 'Nhân viên', 'B'),
  rank('01.011', 'Nhân viên bảo vệ', 'C1'),
  rank('02.008', 'Văn thư viên trung cấp', 'B'),
  rank('04.024', 'Thanh tra viên chính', 'A2.1'),
  rank('04.025', 'Thanh tra viên', 'A1'),
  rank('06.030', 'Kế toán viên chính', 'A2.1'),
  rank('06.031', 'Kế toán viên', 'A1'),
  rank('06.032', 'Kế toán viên trung cấp', 'B'),
  rank('V.07.01.02', 'Giảng viên chính (hạng II)', 'A2.1'),
  rank('V.07.01.03', 'Giảng viên (hạng III)', 'A1'),
  rank('V.07.05.13', 'Giáo viên trung học phổ thông hạng I', 'A2.1'),
  rank('V.07.05.14', 'Giáo viên trung học phổ thông hạng II', 'A2.2'),
  rank('V.07.05.15', 'Giáo viên trung học phổ thông hạng III', 'A1'),
  rank('V.08.01.01', 'Bác sĩ cao cấp (hạng I)', 'A3.1'),
  rank('V.08.01.02', 'Bác sĩ chính (hạng II)', 'A2.1'),
  rank('V.08.01.03', 'Bác sĩ (hạng III)', 'A1'),
  rank('V.08.08.22', 'Dược sĩ hạng III', 'A1'),
  rank('V.08.05.12', 'Điều dưỡng hạng III', 'A1'),
  rank('V.08.05.13', 'Điều dưỡng hạng IV', 'B'),
  rank('V.05.02.06', 'Kỹ sư chính (hạng II)', 'A2.1'),
  rank('V.05.02.07', 'Kỹ sư (hạng III)', 'A1'),
  rank('V.05.02.08', 'Kỹ thuật viên (hạng IV)', 'B'),
  rank('V.11.01.03', 'Biên tập viên hạng III', 'A1'),
  rank('V.11.02.06', 'Phóng viên hạng III', 'A1'),
  rank('V.10.02.07', 'Thư viện viên hạng III', 'A1'),
];

/**
 * Retirement age in months by gender and the year it is reached (Labour Code 2019 Art. 169; Decree
 * 135/2020/NĐ-CP Art. 4): men 60 y 3 m in 2021, +3 months a year to 62 in 2028; women 55 y 4 m in 2021,
 * +4 months a year to 60 in 2035. Before 2021: 60 and 55 (Labour Code 2012).
 */
const RETIREMENT_INSTRUMENT = 'Bộ luật Lao động 2019 (Điều 169); Nghị định 135/2020/NĐ-CP (Điều 4)';
export const RETIREMENT_AGES: (string | number)[][] = [
  ['male', 1900, 720, 'Bộ luật Lao động 2012'],
  ['female', 1900, 660, 'Bộ luật Lao động 2012'],
  ...Array.from({ length: 8 }, (_, i) => ['male', 2021 + i, 723 + 3 * i, RETIREMENT_INSTRUMENT]),
  ...Array.from({ length: 15 }, (_, i) => ['female', 2021 + i, 664 + 4 * i, RETIREMENT_INSTRUMENT]),
];

export const RANK_BY_CODE: ReadonlyMap<string, RankDef> = new Map(RANKS.map((r) => [r.code, r]));

/**
 * Decree 172/2025/NĐ-CP (discipline of cán bộ, công chức) replaced Decree 112/2020 for cán bộ and công chức.
 * It took effect on 01/07/2025 together with the Law on Cadres and Civil Servants 2025 (press: Lao Động,
 * Zing, 07/2025). Viên chức: the bars of the Law on Public Employees Art. 56 as amended in 2019 (in force
 * 01/07/2020) until Decree 234/2026 (01/07/2026).
 */
export const DECREE_172_FROM = '2025-07-01';
/** Law 52/2019/QH14 (amending the Law on Public Employees, Art. 56 among others) took effect on 01/07/2020. */
export const VIEN_CHUC_LAW_2019_FROM = '2020-07-01';
export const VIEN_CHUC_LAW_2019 = 'Luật Viên chức 2010, Điều 56 (sửa đổi 2019)';
const DECREE_112 = 'Nghị định 112/2020/NĐ-CP';
/**
 * DOMAIN.md: the fixed 6/12/18-month bars by form of the Decree 112/2020 era have no source [U]. The rows keep
 * them as a parameter, and say so in the instrument they are cited by, so a verdict never presents them as law.
 */
const DECREE_112_UNSOURCED = 'Nghị định 112/2020/NĐ-CP (thời hạn theo hình thức chưa có căn cứ văn bản, là tham số)';
const DECREE_112_FROM = '2020-09-18';
const DECREE_112_CB_CC_TO = '2025-06-30'; // the day before DECREE_172_FROM

interface DisciplineFormRow {
  code: string;
  name: string;
  appliesTo: string[];
  barMonths: number;
  from: string;
  to: string | null;
  instrument: string;
}

/**
 * The table's key is (code, effective_from). Resolve a form as: applies_to contains the category, effective
 * window contains the decision date, latest effective_from wins. Only buộc thôi việc of viên chức still uses the
 * 112/2020 row until 30/06/2026 (Art. 56 sets no bar for it: it ends the employment).
 */
export const DISCIPLINE_FORMS: readonly DisciplineFormRow[] = [
  // Decree 112/2020 (cán bộ, công chức to 30/06/2025): periods not sourced
  ...(
    [
      ['KT', 'Khiển trách', ['can_bo', 'cong_chuc'], 6],
      ['CC', 'Cảnh cáo', ['can_bo', 'cong_chuc'], 12],
      ['HBL', 'Hạ bậc lương', ['cong_chuc'], 12],
      ['GC', 'Giáng chức', ['cong_chuc'], 18],
      ['CCH', 'Cách chức', ['can_bo', 'cong_chuc'], 18],
      ['BN', 'Bãi nhiệm', ['can_bo'], 18],
    ] as const
  ).map(([code, name, appliesTo, barMonths]) => ({
    code,
    name,
    appliesTo: [...appliesTo],
    barMonths,
    from: DECREE_112_FROM,
    to: DECREE_112_CB_CC_TO,
    instrument: DECREE_112_UNSOURCED,
  })),
  {
    code: 'BTV',
    name: 'Buộc thôi việc',
    appliesTo: ['cong_chuc', 'vien_chuc'],
    barMonths: 12,
    from: DECREE_112_FROM,
    to: '2026-06-30',
    instrument: DECREE_112_UNSOURCED,
  },
  // Law on Public Employees Art. 56 as amended 2019 (viên chức to 30/06/2026): reprimand, warning 12 months; removal from post 24
  ...(
    [
      ['KT', 'Khiển trách', 12],
      ['CC', 'Cảnh cáo', 12],
      ['CCH', 'Cách chức', 24],
    ] as const
  ).map(([code, name, barMonths]) => ({
    code,
    name,
    appliesTo: ['vien_chuc'],
    barMonths,
    from: VIEN_CHUC_LAW_2019_FROM,
    to: '2026-06-30',
    instrument: VIEN_CHUC_LAW_2019,
  })),
  // Decree 172/2025 (cán bộ, công chức): a decision has effect for 12 months
  ...(['KT', 'CC', 'CCH', 'BN', 'BTV'] as const).map((code) => ({
    code,
    name: { KT: 'Khiển trách', CC: 'Cảnh cáo', CCH: 'Cách chức', BN: 'Bãi nhiệm', BTV: 'Buộc thôi việc' }[code],
    appliesTo: code === 'BN' ? ['can_bo'] : code === 'BTV' ? ['cong_chuc'] : ['can_bo', 'cong_chuc'],
    barMonths: 12,
    from: DECREE_172_FROM,
    to: null,
    instrument: 'Nghị định 172/2025/NĐ-CP',
  })),
  // Decree 234/2026 (viên chức), from 01/07/2026
  ...(['KT', 'CC', 'CCH', 'BTV'] as const).map((code) => ({
    code,
    name: { KT: 'Khiển trách', CC: 'Cảnh cáo', CCH: 'Cách chức', BTV: 'Buộc thôi việc' }[code],
    appliesTo: ['vien_chuc'],
    barMonths: 12,
    from: '2026-07-01',
    to: null,
    instrument: 'Nghị định 234/2026/NĐ-CP',
  })),
];

/**
 * A correction of a value shipped by an earlier release. `applyReferenceData` only inserts, so a wrong shipped
 * value stays in every database made before the fix; a correction moves it from `from` to `to`, and only where
 * the row still holds `from`: a value a user changed since is theirs and is left alone.
 */
export interface ReferenceCorrection {
  table: string;
  /** The natural key of the row: column → value. */
  key: Record<string, unknown>;
  column: string;
  from: unknown;
  to: unknown;
  why: string;
}

const WHY_VIEN_CHUC =
  'Viên chức: thời hạn theo Luật Viên chức Điều 56 (sửa đổi 2019) có dòng riêng từ 01/07/2020; dòng 112/2020 chỉ còn cho cán bộ, công chức (đến 30/06/2025)';
const WHY_UNSOURCED = 'DOMAIN.md: thời hạn 6/12/18 tháng theo hình thức của Nghị định 112/2020 không có căn cứ; nêu rõ khi trích dẫn';

export const REFERENCE_CORRECTIONS: readonly ReferenceCorrection[] = [
  ...(['KT', 'CC', 'CCH'] as const).flatMap((code) => [
    {
      table: 'discipline_forms',
      key: { code, effective_from: DECREE_112_FROM },
      column: 'applies_to',
      from: ['can_bo', 'cong_chuc', 'vien_chuc'],
      to: ['can_bo', 'cong_chuc'],
      why: WHY_VIEN_CHUC,
    },
    {
      table: 'discipline_forms',
      key: { code, effective_from: DECREE_112_FROM },
      column: 'effective_to',
      from: '2026-06-30',
      to: DECREE_112_CB_CC_TO,
      why: WHY_VIEN_CHUC,
    },
  ]),
  ...['KT', 'CC', 'HBL', 'GC', 'CCH', 'BN', 'BTV'].map((code) => ({
    table: 'discipline_forms',
    key: { code, effective_from: DECREE_112_FROM },
    column: 'instrument',
    from: DECREE_112,
    to: DECREE_112_UNSOURCED,
    why: WHY_UNSOURCED,
  })),
];

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Applies the corrections whose row still holds the shipped value; returns how many rows each changed. Idempotent. */
export async function applyCorrections(client: pg.PoolClient, corrections: readonly ReferenceCorrection[] = REFERENCE_CORRECTIONS): Promise<number[]> {
  const changed: number[] = [];
  for (const c of corrections) {
    const keys = Object.keys(c.key);
    for (const id of [c.table, c.column, ...keys]) if (!IDENT.test(id)) throw new Error(`Invalid identifier in a reference correction: ${id}`);
    const params: unknown[] = [c.to, c.from, ...keys.map((k) => c.key[k])];
    const where = keys.map((k, i) => `${k} = $${i + 3}`).join(' AND ');
    const r = await client.query(`UPDATE ${c.table} SET ${c.column} = $1 WHERE ${where} AND ${c.column} = $2`, params);
    changed.push(r.rowCount ?? 0);
  }
  return changed;
}

/**
 * The key posts of a commune that a local person may not hold, from the 2025 two-level local government
 * (01/07/2025): Chỉ thị 45-CT/TW (2025) and Kết luận 201-KL/TW (31/10/2025) push non-local leaders down to the
 * commune; the district-era lists ('Trưởng phòng Tài chính', …) end with the districts. A change of the list is a new
 * set of rows from its date (the old rows get an effective_to), never an edit of these.
 */
export const KEY_POSTS_FROM_2025 = '2025-07-01';
export const KEY_POSTS_2025_INSTRUMENT = 'Chỉ thị 45-CT/TW (2025); Kết luận 201-KL/TW (31/10/2025)';
export const KEY_POSTS: readonly { title: string; level: string; from: string; to: string | null; instrument: string }[] = [
  'Bí thư Đảng ủy',
  'Phó Bí thư Đảng ủy',
  'Chủ tịch HĐND',
  'Chủ tịch UBND',
  'Chủ tịch Ủy ban MTTQ',
  'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy',
].map((title) => ({ title, level: 'commune', from: KEY_POSTS_FROM_2025, to: null, instrument: KEY_POSTS_2025_INSTRUMENT }));

/** Multi-row INSERT with positional parameters; rows whose key already exists are left as they are. */
export async function insertRows(client: pg.PoolClient, table: string, cols: string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const tuples = rows.map((r) => '(' + r.map((v) => (params.push(v), '$' + params.length)).join(', ') + ')');
  await client.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`, params);
}

/**
 * The tables applyReferenceData fills: `migrate` leaves them non-empty, so a restore (cli/backup.ts) replaces their
 * rows with the backup's instead of counting them as data already there.
 */
export const SHIPPED_REFERENCE_TABLES: readonly string[] = [
  'allowance_multipliers',
  'base_salaries',
  'discipline_forms',
  'ethnic_groups',
  'key_posts',
  'ranks',
  'rating_instruments',
  'rating_levels',
  'retirement_ages',
  'training_regulations',
];

/** Inserts every reference row not yet present, then applies the corrections. Idempotent; run inside a transaction. */
export async function applyReferenceData(client: pg.PoolClient): Promise<void> {
  await insertRows(
    client,
    'base_salaries',
    ['effective_from', 'amount_vnd', 'instrument'],
    [
      ['2023-07-01', 1_800_000, 'Nghị định 24/2023/NĐ-CP'],
      ['2024-07-01', 2_340_000, 'Nghị định 73/2024/NĐ-CP'],
      ['2026-07-01', 2_530_000, 'Nghị định 161/2026/NĐ-CP'],
    ],
  );

  const ratingInstrument = 'Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP';
  await insertRows(
    client,
    'rating_levels',
    ['code', 'name', 'rank', 'effective_from', 'instrument'],
    [
      ['HTXS', 'Hoàn thành xuất sắc nhiệm vụ', 1, '2020-01-01', ratingInstrument],
      ['HTT', 'Hoàn thành tốt nhiệm vụ', 2, '2020-01-01', ratingInstrument],
      ['HT', 'Hoàn thành nhiệm vụ', 3, '2020-01-01', ratingInstrument],
      ['KHT', 'Không hoàn thành nhiệm vụ', 4, '2020-01-01', ratingInstrument],
    ],
  );

  // the dated rating instruments (common/ratings.ts reads them: a year is rated under the row in force on its 31/12)
  await insertRows(
    client,
    'rating_instruments',
    ['category', 'effective_from', 'has_points', 'instrument'],
    RATING_INSTRUMENTS_SEED.map((r) => [r.category, r.effectiveFrom, r.hasPoints, r.instrument]),
  );

  await insertRows(
    client,
    'discipline_forms',
    ['code', 'name', 'applies_to', 'bar_months', 'effective_from', 'effective_to', 'instrument'],
    DISCIPLINE_FORMS.map((f) => [f.code, f.name, f.appliesTo, f.barMonths, f.from, f.to, f.instrument]),
  );

  await insertRows(
    client,
    'ethnic_groups',
    ['code', 'name', 'is_minority', 'aliases'],
    loadEthnicGroups().map((g) => [g.code, g.name.normalize('NFC'), g.minority, g.aliases.map((a) => a.normalize('NFC'))]),
  );

  await insertRows(
    client,
    'ranks',
    ['code', 'name', 'grade', 'coefficients'],
    RANKS.map((r) => [r.code, r.name, r.grade, r.coefficients]),
  );

  await insertRows(client, 'retirement_ages', ['gender', 'from_year', 'age_months', 'instrument'], RETIREMENT_AGES);
  // the numbers of the training rules by category and effective date: Decree 171/2025/NĐ-CP for công chức only
  // (Art. 1 cl. 2); no rule set for viên chức or cán bộ is sourced, so none is seeded (their criteria are unknown)
  await insertRows(
    client,
    'training_regulations',
    ['category', 'effective_from', 'params', 'instrument'],
    [[DECREE_171_CATEGORY, DECREE_171_EFFECTIVE_FROM, JSON.stringify(DECREE_171_2025), DECREE_171_2025.instrument]],
  );

  // Decree 178/2024 Art. 12 cl. 1 b (as amended by Decree 67/2025): the one-off allowance is 10 × the base salary
  await insertRows(
    client,
    'allowance_multipliers',
    ['effective_from', 'multiplier', 'instrument'],
    [['2025-01-01', '10', 'Điểm b khoản 1 Điều 12 Nghị định 178/2024/NĐ-CP (sửa đổi, bổ sung bởi Nghị định 67/2025/NĐ-CP)']],
  );

  await insertRows(
    client,
    'key_posts',
    ['title', 'level', 'effective_from', 'effective_to', 'instrument', 'sort_order'],
    KEY_POSTS.map((k, i) => [k.title, k.level, k.from, k.to, k.instrument, i + 1]),
  );

  await applyCorrections(client);
}
