import pg from 'pg';
import { DEMO_TODAY } from './constants.js';
import { demoProvince, type DemoProvince } from './demo-province.js';
import { CopyBatch } from './copy.js';
import { addHistory, type HistoryBatches, type HistoryState } from './history.js';
import { allocateHeadcount, loadSeedUnits, type SeedUnit } from './org-model.js';
import type { OrgSeed } from './org.seed.js';
import { makePerson, type LegacyCommune, type Person, type PersonContext } from './person.js';
import { dayNumber, hashString, isoDate, mixSeed, Rng } from './random.js';
import { roleAt } from './roles.js';

export interface SeedPeopleOptions {
  count: number;
  seed: number;
  /** People per COPY batch (default 5,000). Does not change the data generated. */
  batchSize?: number;
  /** The org tree from seedOrgTree; read back from the database when absent. */
  org?: OrgSeed;
  /** The demo province; read from province_settings when absent (Cần Thơ if there is none). */
  province?: DemoProvince;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedPeopleResult {
  people: number;
  ratings: number;
  discipline: number;
  planning: number;
  workHistory: number;
  trainingHistory: number;
  proceedings: number;
  circumstances: number;
}

const PEOPLE_COLUMNS = [
  'id',
  'code',
  'full_name',
  'given_name',
  'gender',
  'birth_date',
  'ethnic_code',
  'religion',
  'id_number',
  'phone',
  'email',
  'home_town_code',
  'home_town_text',
  'unit_id',
  'job_post_id',
  'position_title',
  'is_leader',
  'category',
  'rank_code',
  'salary_step',
  'salary_coefficient',
  'leadership_allowance_coef',
  'seniority_allowance_pct',
  'recruited_on',
  'general_education',
  'education_level',
  'major',
  'political_theory',
  'state_management',
  'party_joined_on',
  'party_official_on',
  'health_status',
  'health_checked_on',
  'status',
];

function newBatches(): { people: CopyBatch } & HistoryBatches {
  return {
    people: new CopyBatch('people', PEOPLE_COLUMNS),
    ratings: new CopyBatch('annual_ratings', ['person_id', 'year', 'level_code', 'note']),
    discipline: new CopyBatch('discipline_records', [
      'id',
      'person_id',
      'form_code',
      'decision_no',
      'decided_on',
      'effective_from',
      'effective_to',
      'reason',
      'party_decided_on',
    ]),
    planning: new CopyBatch('planning_entries', ['id', 'person_id', 'title', 'term', 'decision_no', 'approved_on', 'removed_on']),
    work: new CopyBatch('work_history', ['id', 'person_id', 'from_date', 'to_date', 'organisation', 'position', 'is_grassroots']),
    training: new CopyBatch('training_history', ['id', 'person_id', 'from_date', 'to_date', 'institution', 'field', 'kind', 'certificate']),
    proceedings: new CopyBatch('person_proceedings', ['id', 'person_id', 'kind', 'opened_on', 'closed_on', 'outcome', 'document_no', 'note']),
    circumstances: new CopyBatch('person_circumstances', [
      'id',
      'person_id',
      'kind',
      'from_date',
      'to_date',
      'child_birth_date',
      'consent_on',
      'consent_document_no',
      'note',
    ]),
  };
}

const d = (day: number | null) => (day === null ? null : isoDate(day));

function personRow(p: Person): (string | number | boolean | null)[] {
  return [
    p.id,
    p.code,
    p.name.fullName,
    p.name.givenName,
    p.female ? 'female' : 'male',
    isoDate(p.birth),
    p.ethnicCode,
    p.religion,
    p.idNumber,
    p.phone,
    p.email,
    p.homeTownCode,
    p.homeTownText,
    p.unit.id,
    p.jobPostId,
    p.role.title,
    p.isLeader,
    p.category,
    p.rank.code,
    p.salaryStep,
    p.salaryCoefficient,
    p.leadershipAllowanceCoef,
    p.seniorityAllowancePct,
    isoDate(p.recruited),
    '12/12',
    p.educationLevel,
    p.major,
    p.politicalTheory,
    p.stateManagement,
    d(p.partyJoined),
    d(p.partyOfficial),
    p.healthStatus,
    d(p.healthChecked),
    p.status,
  ];
}

/**
 * Slot k of the headcount (unit index, ordinal within the unit), in a seeded random order: person i takes
 * slot order[i], so codes and units are mixed while each unit still gets exactly one head, its deputies…
 */
function slots(units: SeedUnit[], count: number, seed: number): { unitOf: Int32Array; ordOf: Int32Array } {
  const unitOf = new Int32Array(count);
  const ordOf = new Int32Array(count);
  let k = 0;
  units.forEach((u, ui) => {
    for (let o = 0; o < u.headcount && k < count; o++, k++) {
      unitOf[k] = ui;
      ordOf[k] = o;
    }
  });
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  new Rng(mixSeed(seed, hashString('slots'))).shuffle(order);
  const u2 = new Int32Array(count);
  const o2 = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    u2[i] = unitOf[order[i]];
    o2[i] = ordOf[order[i]];
  }
  return { unitOf: u2, ordOf: o2 };
}

async function flushAll(client: pg.PoolClient, b: ReturnType<typeof newBatches>, totals: SeedPeopleResult): Promise<void> {
  totals.people += await b.people.flush(client);
  totals.ratings += await b.ratings.flush(client);
  totals.discipline += await b.discipline.flush(client);
  totals.planning += await b.planning.flush(client);
  totals.workHistory += await b.work.flush(client);
  totals.trainingHistory += await b.training.flush(client);
  totals.proceedings += await b.proceedings.flush(client);
  totals.circumstances += await b.circumstances.flush(client);
}

/**
 * Generates `count` cadres deterministically from `seed` and inserts them with their ratings, discipline,
 * planning, work and training history, in COPY batches (memory stays bounded for a million people).
 * Given a pool, runs in a transaction of its own; given a client, runs in the caller's transaction.
 * The org tree must exist (seedOrgTree); its units share the people as seedOrgTree sized their staffing.
 */
export async function seedPeople(db: pg.Pool | pg.PoolClient, opts: SeedPeopleOptions): Promise<SeedPeopleResult> {
  if (db instanceof pg.Pool) {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const r = await seedPeople(client, opts);
      await client.query('COMMIT');
      return r;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }
  const client = db;
  const { count, seed } = opts;
  const batchSize = Math.max(100, opts.batchSize ?? 5000);
  const province = opts.province ?? demoProvince((await client.query<{ code: string }>('SELECT code FROM province_settings')).rows[0]?.code ?? '92');
  let units: SeedUnit[];
  if (opts.org) units = opts.org.units;
  else {
    units = await loadSeedUnits(client, province);
    allocateHeadcount(units, count);
  }
  if (units.reduce((a, u) => a + u.headcount, 0) !== count) allocateHeadcount(units, count);

  const legacy = await client.query<{ code: string; name: string }>(
    'SELECT DISTINCT ON (old_code) old_code AS code, old_name AS name FROM legacy_communes ORDER BY old_code, old_name',
  );
  const legacyAll: LegacyCommune[] = legacy.rows.map((r) => ({ ...r, province: province.oldProvinceOf(r.code) }));
  if (legacyAll.length === 0) throw new Error('seedPeople: legacy_communes is empty; seed the org tree first');
  const ctx: PersonContext = {
    today: dayNumber(DEMO_TODAY),
    legacyAll,
    // the home towns of Khmer staff: mostly former Sóc Trăng in Cần Thơ; anywhere in a province without one
    legacyKhmer: province.khmerProvince ? legacyAll.filter((l) => l.province === province.khmerProvince) : legacyAll,
    province,
  };

  const { unitOf, ordOf } = slots(units, count, seed);
  const totals: SeedPeopleResult = { people: 0, ratings: 0, discipline: 0, planning: 0, workHistory: 0, trainingHistory: 0, proceedings: 0, circumstances: 0 };
  const state: HistoryState = { planningCount: new Map(), legacyNames: legacyAll, province };
  let pending: Promise<void> = Promise.resolve();
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const b = newBatches();
    for (let i = start; i < end; i++) {
      const rng = new Rng(mixSeed(seed, i, 0x131));
      const unit = units[unitOf[i]];
      const role = roleAt(unit.ladder, unit.fixed, ordOf[i], (staff) => rng.weighted(staff));
      const p = makePerson(rng, ctx, i, unit, role);
      b.people.add(personRow(p));
      addHistory(rng, p, ctx.today, b, state);
    }
    // generate the next batch while PostgreSQL works on this one
    await pending;
    opts.onProgress?.(start, count);
    pending = flushAll(client, b, totals);
  }
  await pending;
  opts.onProgress?.(count, count);
  return totals;
}
