import type pg from 'pg';
import { CITY_UNITS } from './org-data.js';
import { demoProvince, type DemoProvince } from './demo-province.js';
import { committeeShortName } from '../../domain/province/province-identity.js';
import { ROOT_UNIT_CODE } from '../../domain/province/set-up-province.js';
import { allocateHeadcount, describeUnits, type LegacyRow, type OrgUnitRow, type SeedUnit } from './org-model.js';
import { jobPostSpecs } from './job-posts.js';
import type { Rng } from './random.js';
import { CopyBatch } from './copy.js';

/** What the people generator needs from the org tree. */
export interface OrgSeed {
  root: OrgUnitRow;
  /** Every unit except the root, sorted by code, with its headcount target and job posts. */
  units: SeedUnit[];
}

const STAFFING_DECISIONS: Record<number, string> = { 2025: '1530/QĐ-UBND', 2026: '212/QĐ-UBND' };
/** How many especially disadvantaged (ĐBKK) communes the demo marks. */
const DISADVANTAGED_COUNT = 15;
/** Cần Thơ's public service units of former Hậu Giang and Sóc Trăng, which changed hands on 01/07/2025 (by code: the same in every province). */
const PSU_MERGED_2025 = new Set(
  CITY_UNITS.flatMap((d) => d.psus)
    .filter((p) => /Sóc Trăng|Hậu Giang|Minh Khai|Vị Thanh|Ngã Bảy|Kế Sách|Lịch Hội Thượng|Hoàng Diệu/.test(p.name))
    .map((p) => p.code),
);

function child(rng: Rng, parent: OrgUnitRow, r: Omit<OrgUnitRow, 'id' | 'parentId' | 'path' | 'depth'>): OrgUnitRow {
  const id = rng.uuid();
  return { id, parentId: parent.id, path: [...parent.path, id], depth: parent.depth + 1, ...r };
}

/**
 * Inserts the org tree of the demo province after 01/07/2025 (the People's Committee, 30 city-level units with
 * their phòng and public service units, named for the province; its communes and wards from the national list —
 * Cần Thơ: 103), the legacy-commune mapping, job posts and the assigned staffing for 2025 and 2026, sized for
 * `people` cadres. Run inside a transaction.
 */
export async function seedOrgTree(client: pg.PoolClient, rng: Rng, opts: { people: number; province?: DemoProvince } = { people: 12000 }): Promise<OrgSeed> {
  const province = opts.province ?? demoProvince('92');
  const rootId = rng.uuid();
  const root: OrgUnitRow = {
    id: rootId,
    parentId: null,
    path: [rootId],
    depth: 0,
    kind: 'peoples_committee',
    code: ROOT_UNIT_CODE,
    name: province.identity.peoplesCommitteeName,
    shortName: committeeShortName(province.identity),
    restructuredOn: '2025-07-01',
    isEspeciallyDisadvantaged: false,
    sortOrder: 0,
  };
  const rows: OrgUnitRow[] = [root];

  province.cityOrg.units.forEach((d, i) => {
    const top = child(rng, root, {
      kind: d.kind,
      code: d.code,
      name: d.name,
      shortName: d.shortName,
      restructuredOn: d.restructuredOn,
      isEspeciallyDisadvantaged: false,
      sortOrder: 10 + i,
    });
    rows.push(top);
    d.subUnits.forEach((s, j) => {
      rows.push(
        child(rng, top, {
          kind: 'sub_unit',
          code: s.code,
          name: s.name,
          shortName: null,
          restructuredOn: d.restructuredOn,
          isEspeciallyDisadvantaged: false,
          sortOrder: 1 + j,
        }),
      );
    });
    d.psus.forEach((p, j) => {
      rows.push(
        child(rng, top, {
          kind: 'public_service_unit',
          code: p.code,
          name: p.name,
          shortName: null,
          // hospitals and schools of the merged provinces changed hands on 01/07/2025
          restructuredOn: PSU_MERGED_2025.has(p.code) ? '2025-07-01' : null,
          isEspeciallyDisadvantaged: false,
          sortOrder: 100 + j,
        }),
      );
    });
  });

  // the communes and wards; ĐBKK: a deterministic pick among the rural xã outside the province's own pre-2025
  // territory (Cần Thơ: of former Hậu Giang and Sóc Trăng), or among all its xã when it was not merged
  const communes = province.communes;
  const own = province.identity.code;
  const merged = province.oldProvinces.length > 1 && province.oldProvinces.includes(own);
  const candidates = communes
    .filter((c) => c.kind === 'xa' && (!merged || province.oldProvinceOf(c.formedFrom[0].code) !== own))
    .map((c) => c.code)
    .sort();
  const disadvantaged = new Set(
    rng
      .fork('dbkk')
      .shuffle([...candidates])
      .slice(0, DISADVANTAGED_COUNT),
  );
  const legacy: LegacyRow[] = [];
  communes.forEach((c, i) => {
    const u = child(rng, root, {
      kind: c.kind === 'phuong' ? 'ward' : 'commune',
      code: c.code,
      name: c.name.normalize('NFC'),
      shortName: c.name.normalize('NFC').replace(/^(Xã|Phường) /, ''),
      restructuredOn: '2025-07-01',
      isEspeciallyDisadvantaged: disadvantaged.has(c.code),
      sortOrder: 1000 + i,
    });
    rows.push(u);
    for (const f of c.formedFrom) {
      legacy.push({ oldCode: f.code, oldName: f.name.normalize('NFC'), newUnitId: u.id, match: f.type });
    }
  });

  const units = describeUnits(rows, [], legacy, province);

  const posts = new CopyBatch('job_posts', [
    'id',
    'unit_id',
    'title',
    'is_leadership',
    'is_key_post',
    'min_education',
    'required_rank_grade',
    'required_political_theory',
    'standards',
  ]);
  const postRng = rng.fork('job-posts');
  for (const u of units) {
    for (const s of jobPostSpecs(u, { planCode: province.plan.code, levelWord: province.identity.levelWord })) {
      const id = postRng.uuid();
      u.posts.set(s.title, id);
      posts.add([id, u.id, s.title, s.isLeadership, s.isKeyPost, s.minEducation, s.requiredRankGrade, s.requiredPoliticalTheory, s.standards]);
    }
  }

  allocateHeadcount(units, opts.people);

  // assigned staffing: on each city-level unit (its whole subtree) and on each commune/ward
  const subtreeHeadcount = new Map<string, number>();
  for (const u of units) subtreeHeadcount.set(u.top.id, (subtreeHeadcount.get(u.top.id) ?? 0) + u.headcount);
  const staffing = new CopyBatch('org_unit_staffing', ['unit_id', 'year', 'assigned_staffing', 'decision_no']);
  const staffRng = rng.fork('staffing');
  for (const u of units) {
    if (u.depth !== 1) continue;
    const hc = subtreeHeadcount.get(u.id) ?? 0;
    const s2026 = Math.max(hc, Math.round(hc * staffRng.real(1.02, 1.08)));
    const s2025 = Math.max(s2026, Math.round(hc * staffRng.real(1.05, 1.12)));
    staffing.add([u.id, 2025, s2025, STAFFING_DECISIONS[2025]]);
    staffing.add([u.id, 2026, s2026, STAFFING_DECISIONS[2026]]);
  }

  const unitsBatch = new CopyBatch('org_units', [
    'id',
    'parent_id',
    'path',
    'depth',
    'kind',
    'code',
    'name',
    'short_name',
    'restructured_on',
    'is_especially_disadvantaged',
    'sort_order',
  ]);
  for (const r of rows) {
    unitsBatch.add([
      r.id,
      r.parentId,
      `{${r.path.join(',')}}`,
      r.depth,
      r.kind,
      r.code,
      r.name,
      r.shortName,
      r.restructuredOn,
      r.isEspeciallyDisadvantaged,
      r.sortOrder,
    ]);
  }
  const legacyBatch = new CopyBatch('legacy_communes', ['old_code', 'old_name', 'new_unit_id', 'match']);
  for (const l of legacy) legacyBatch.add([l.oldCode, l.oldName, l.newUnitId, l.match]);

  await unitsBatch.flush(client);
  await legacyBatch.flush(client);
  await posts.flush(client);
  await staffing.flush(client);
  return { root, units };
}
