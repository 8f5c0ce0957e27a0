import type pg from 'pg';
import { seedOrgTree } from './org.seed.js';
import { seedPeople, type SeedPeopleResult } from './people.seed.js';
import { hashString, mixSeed, Rng } from './random.js';
import { seedPlan131 } from './plan-131.seed.js';
import { seedDemoSecondments } from './demo-secondments.js';
import { seedDemoAssessments } from './assessments.seed.js';
import { seedDemoDemand } from './demand.seed.js';
import { seedDemoInspections } from './inspections.seed.js';
import { DEMO_TODAY } from './constants.js';
import { demoProvince } from './demo-province.js';

export interface SeedDemoOptions {
  people?: number;
  seed?: number;
  /** GSO code of the province the demo is built on (DEMO_PROVINCE; default '92' Cần Thơ). */
  province?: string;
  onProgress?: (done: number, total: number) => void;
}

export type SeedDemoResult = { created: false } | { created: true; people: number; units: number; details: SeedPeopleResult };

/**
 * Loads the demo data of a province (Cần Thơ unless told: its plan, the org tree on its communes and wards,
 * `people` cadres) into an empty database, all in one transaction: a failure leaves nothing behind. Does
 * nothing when org_units already holds rows. The same seed and province give the same data (ids included).
 */
export async function seedDemo(pool: pg.Pool, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const people = opts.people ?? 12000;
  const seed = opts.seed ?? 131;
  const demo = demoProvince(opts.province ?? '92');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // two processes starting together: the second waits here, then sees the data and does nothing
    await client.query('SELECT pg_advisory_xact_lock($1)', [hashString('tang-cuong:seed-demo') | 0]);
    const existing = await client.query('SELECT 1 FROM org_units LIMIT 1');
    if (existing.rowCount) {
      await client.query('ROLLBACK');
      return { created: false };
    }
    await client.query('SET LOCAL synchronous_commit = off');
    await seedPlan131(client, demo.plan);
    const province = demo.identity;
    await client.query(
      'INSERT INTO province_settings (code, name, level_word, place_name, peoples_committee_name) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [province.code, province.name, province.levelWord, province.placeName, province.peoplesCommitteeName],
    );
    const org = await seedOrgTree(client, new Rng(mixSeed(seed, hashString('org'))), { people, province: demo });
    const details = await seedPeople(client, { count: people, seed, org, province: demo, onProgress: opts.onProgress });
    await seedDemoAssessments(client);
    await seedDemoSecondments(client, new Rng(mixSeed(seed, hashString('secondments'))));
    await seedDemoDemand(client, new Rng(mixSeed(seed, hashString('demand'))), DEMO_TODAY);
    await seedDemoInspections(client, new Rng(mixSeed(seed, hashString('inspections'))), DEMO_TODAY);
    await client.query('COMMIT');
    // fresh statistics for the planner; outside the transaction, and not worth failing for
    await client.query('ANALYZE org_units, people, annual_ratings, discipline_records, planning_entries, work_history, training_history').catch(() => {});
    return { created: true, people: details.people, units: org.units.length + 1, details };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
