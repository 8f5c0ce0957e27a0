import type pg from 'pg';
import type { UnitKind } from '../../../common/enums.js';
import type { CityUnitDef, Domain } from './org-data.js';
import type { DemoProvince } from './demo-province.js';
import { fixedRoles, ladderFor, type Ladder, type Profile, type Role } from './roles.js';

/**
 * The org tree as the people generator sees it: each unit with its profile (what kind of staff it has),
 * its weight in the headcount split and, once allocated, its headcount. Built the same way from freshly
 * generated rows (org.seed.ts) and from rows read back from the database (people.seed.ts run alone), so
 * both give the same allocation.
 */

export interface OrgUnitRow {
  id: string;
  parentId: string | null;
  path: string[];
  depth: number;
  kind: UnitKind;
  code: string;
  name: string;
  shortName: string | null;
  restructuredOn: string | null;
  isEspeciallyDisadvantaged: boolean;
  sortOrder: number;
}

export interface LegacyRow {
  oldCode: string;
  oldName: string;
  newUnitId: string;
  match: 'full' | 'partial';
}

export interface JobPostRef {
  id: string;
  unitId: string;
  title: string;
}

export type Pool = 'admin' | 'public' | 'grassroots';

/** Share of people in state administration, public service units and communes/wards. */
export const POOL_SHARES: Record<Pool, number> = { admin: 0.25, public: 0.45, grassroots: 0.3 };

export interface SeedUnit extends OrgUnitRow {
  profile: Profile;
  domain: Domain | 'commune';
  pool: Pool;
  weight: number;
  /** The top-level unit (depth 1) this unit belongs to, or itself. */
  top: OrgUnitRow;
  topDef: CityUnitDef | null;
  isGrassroots: boolean;
  /** Organisation text for work histories ("Phòng Công chức, viên chức, Sở Nội vụ thành phố Cần Thơ"). */
  orgLabel: string;
  /** Issuing-body code for decision numbers ("45/QĐ-SYT"). */
  decisionCode: string;
  /** Pre-2025 communes this commune was formed from. */
  legacy: { code: string; name: string }[];
  /** The pre-2025 province of its first pre-2025 commune (communes only). */
  oldProvince: string | null;
  ladder: Ladder;
  headTitles: readonly [string, string];
  headcount: number;
  fixed: Role[];
  /** Job post id by title. */
  posts: Map<string, string>;
}

/** "Sở Nội vụ" → "Sở Nội vụ thành phố Cần Thơ"; "Thanh tra tỉnh" → "Thanh tra tỉnh An Giang". */
function cityLabel(name: string, p: DemoProvince): string {
  if (name.includes(p.identity.placeName)) return name;
  if (name.endsWith(p.identity.levelWord)) return name + ' ' + p.identity.placeName;
  return name + ' ' + p.inText;
}

function headTitlesOf(name: string, psuType: string | null, def: CityUnitDef | null, isTop: boolean): readonly [string, string] {
  if (isTop && def) return def.head;
  if (psuType === 'school') return ['Hiệu trưởng', 'Phó Hiệu trưởng'];
  if (name.startsWith('Văn phòng Đăng ký')) return ['Giám đốc', 'Phó Giám đốc'];
  return ['Giám đốc', 'Phó Giám đốc'];
}

/** Describes every unit except the root. Sorted by code. */
export function describeUnits(rows: OrgUnitRow[], posts: JobPostRef[], legacy: LegacyRow[], province: DemoProvince): SeedUnit[] {
  const { units: CITY_UNITS, staticUnits: STATIC_UNITS } = province.cityOrg;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const postsByUnit = new Map<string, Map<string, string>>();
  for (const p of posts) {
    let m = postsByUnit.get(p.unitId);
    if (!m) postsByUnit.set(p.unitId, (m = new Map()));
    const prev = m.get(p.title);
    if (prev === undefined || p.id < prev) m.set(p.title, p.id);
  }
  const legacyByUnit = new Map<string, { code: string; name: string }[]>();
  for (const l of legacy) {
    let a = legacyByUnit.get(l.newUnitId);
    if (!a) legacyByUnit.set(l.newUnitId, (a = []));
    a.push({ code: l.oldCode, name: l.oldName });
  }
  for (const a of legacyByUnit.values()) a.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));

  const out: SeedUnit[] = [];
  for (const r of rows) {
    if (r.depth === 0) continue;
    const top = byId.get(r.path[1]) ?? r;
    const isGrassroots = r.kind === 'commune' || r.kind === 'ward';
    const info = STATIC_UNITS.get(r.code) ?? STATIC_UNITS.get(top.code) ?? null;
    const topDef = info?.top ?? CITY_UNITS.find((d) => d.code === top.code) ?? null;
    const domain: Domain | 'commune' = isGrassroots ? 'commune' : (info?.domain ?? 'office');
    const psuType = r.kind === 'public_service_unit' ? (info?.psuType ?? 'centre') : null;

    let profile: Profile;
    let pool: Pool;
    let weight: number;
    if (isGrassroots) {
      profile = 'commune';
      pool = 'grassroots';
      weight = (1 + 0.25 * (legacyByUnit.get(r.id)?.length ?? 1)) * (r.kind === 'ward' ? 1.1 : 1);
    } else if (r.kind === 'department') {
      profile = 'dept';
      pool = 'admin';
      weight = 0.3;
    } else if (r.kind === 'sub_unit') {
      const underPsu = top.kind === 'public_service_unit';
      profile = underPsu ? 'media_sub' : 'office_sub';
      pool = underPsu ? 'public' : 'admin';
      weight = r.name.startsWith('Chi cục') ? 2 : underPsu ? 1.2 : 1;
    } else {
      profile = psuType ?? 'centre';
      pool = 'public';
      const hasChildren = rows.some((c) => c.parentId === r.id);
      weight = hasChildren
        ? 0.3
        : psuType === 'hospital'
          ? r.code.endsWith('-CDC')
            ? 3
            : 6
          : psuType === 'school'
            ? 2.5
            : psuType === 'college'
              ? 3
              : psuType === 'media'
                ? 2
                : topDef?.domain === 'projects'
                  ? 0.8
                  : 1;
    }
    const headTitles = headTitlesOf(r.name, psuType, topDef, r.depth === 1);
    const l = legacyByUnit.get(r.id) ?? [];
    out.push({
      ...r,
      profile,
      domain,
      pool,
      weight,
      top,
      topDef,
      isGrassroots,
      orgLabel: isGrassroots
        ? `Ủy ban nhân dân ${r.name.replace(/^Xã/, 'xã').replace(/^Phường/, 'phường')}, ${province.inText}`
        : r.depth === 1
          ? cityLabel(r.name, province)
          : `${r.name}, ${cityLabel(top.name, province)}`,
      decisionCode: isGrassroots ? 'UBND' : top.code,
      legacy: l,
      oldProvince: l.length ? province.oldProvinceOf(l[0].code) : null,
      ladder: ladderFor(profile, domain === 'commune' ? 'office' : domain, r.name, headTitles, r.kind === 'ward'),
      headTitles,
      headcount: 0,
      fixed: [],
      posts: postsByUnit.get(r.id) ?? new Map(),
    });
  }
  out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return out;
}

/** Largest-remainder split of `total` by weights; ties broken by position (callers pass code order). */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

/** Sets `headcount` and `fixed` on each unit so that the headcounts add up to `count`. */
export function allocateHeadcount(units: SeedUnit[], count: number): void {
  const pools: Pool[] = ['admin', 'public', 'grassroots'];
  const present = pools.filter((p) => units.some((u) => u.pool === p));
  const perPool = split(
    count,
    present.map((p) => POOL_SHARES[p]),
  );
  present.forEach((p, i) => {
    const members = units.filter((u) => u.pool === p);
    const hc = split(
      perPool[i],
      members.map((u) => u.weight),
    );
    members.forEach((u, j) => {
      u.headcount = hc[j];
      u.fixed = fixedRoles(u.ladder, hc[j]);
    });
  });
}

/** Reads the org tree, job posts and legacy communes back from the database. */
export async function loadSeedUnits(client: pg.PoolClient, province: DemoProvince): Promise<SeedUnit[]> {
  const units = await client.query<OrgUnitRow>(`SELECT id, parent_id AS "parentId", path, depth, kind, code, name,
      short_name AS "shortName", restructured_on::text AS "restructuredOn",
      is_especially_disadvantaged AS "isEspeciallyDisadvantaged", sort_order AS "sortOrder"
    FROM org_units ORDER BY code`);
  const posts = await client.query<JobPostRef>(`SELECT id, unit_id AS "unitId", title FROM job_posts ORDER BY unit_id, id`);
  const legacy = await client.query<LegacyRow>(`SELECT old_code AS "oldCode", old_name AS "oldName", new_unit_id AS "newUnitId", match
    FROM legacy_communes ORDER BY new_unit_id, old_code`);
  return describeUnits(units.rows, posts.rows, legacy.rows, province);
}
