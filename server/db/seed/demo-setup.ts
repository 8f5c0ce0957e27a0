import type { Database } from '../client.js';
import { seedDemo } from './demo.js';
import { ensureDemoAccounts, type DemoAccount } from './demo-accounts.js';
import { ensureDemoTraining } from './training.seed.js';

/** On a first start in demo mode: the demo data of a province (Cần Thơ unless told) and the demo accounts. Later starts change nothing. */
export async function ensureDemoData(database: Database, opts: { people: number; seed?: number; province?: string; log?: (m: string) => void }) {
  const started = Date.now();
  const r = await seedDemo(database.pool, { people: opts.people, seed: opts.seed ?? 131, province: opts.province });
  if (r.created) opts.log?.(`demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const accounts: DemoAccount[] = await ensureDemoAccounts(database.db);
  await ensureDemoTraining(database.db);
  return { created: r.created, accounts };
}
