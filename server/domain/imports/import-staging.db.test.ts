import { beforeAll, describe, expect, it, afterEach } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { buildXlsx, cadreRow } from '../../../test/support/xlsx-files.js';
import { testWorker, uploadFile } from '../../../test/support/import-helpers.js';
import { importTestHooks } from '../../jobs/import-job.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import type { JobWorker } from '../../jobs/worker.js';

// The commit goes on from the rows the dry run checked instead of reading the file again; it still re-runs the
// database checks and the diff, so what changed in between is seen, and it falls back to the file when what
// the rows were checked against (code lists, the importer's reach) has changed.

const t = useTestDatabase();
let app: TestApp;
let worker: JobWorker;
let unitA: UnitRef;
let unitB: UnitRef;
let hrA: Session;

const count = async (q: string, p: unknown[] = []) => Number((await t.get().pool.query(q, p)).rows[0].n);
const kept = async (id: string) => ({
  staging: await count(`SELECT count(*) n FROM import_staging WHERE import_id = $1`, [id]),
  chunks: await count(`SELECT count(*) n FROM import_staged_chunks WHERE import_id = $1`, [id]),
});
const commitResult = async (id: string) =>
  (await t.get().pool.query(`SELECT result FROM jobs WHERE kind = 'import_commit' AND payload->>'importId' = $1 ORDER BY created_at DESC LIMIT 1`, [id])).rows[0]
    ?.result;

async function dryRun(buf: Buffer) {
  const up = await uploadFile(app, hrA, buf);
  expect(up.status, JSON.stringify(up.json)).toBe(202);
  await worker.drain();
  return (await call(app, 'GET', `/api/imports/${up.json.id}`, { session: hrA })).json;
}
async function commit(id: string) {
  const r = await call(app, 'POST', `/api/imports/${id}/commit`, { session: hrA });
  expect(r.status, JSON.stringify(r.json)).toBe(202);
  await worker.drain();
  return (await call(app, 'GET', `/api/imports/${id}`, { session: hrA })).json;
}

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  worker = testWorker(t.get());
  const root = await makeUnit(pool, { kind: 'peoples_committee', code: 'UBND' });
  unitA = await makeUnit(pool, { parent: root, code: 'SGA', name: 'Sở A' });
  unitB = await makeUnit(pool, { parent: root, code: 'SGB', name: 'Sở B' });
  hrA = await makeSession(pool, 'unit_hr', { unitId: unitA.id });
});
afterEach(() => {
  delete importTestHooks.afterApply;
});

describe('import: the commit goes on from the rows the dry run checked', () => {
  it('keeps the checked rows of a clean dry run, commits from them, then removes them', async () => {
    const buf = await buildXlsx({
      sheets: {
        cadres: [cadreRow('S0001', 'SGA', { positionTitle: 'Chuyên viên' }), cadreRow('S0002', 'SGA', { religion: 'Phật giáo' })],
        ratings: [{ code: 'S0001', year: 2025, levelCode: 'HTT' }],
      },
    });
    const v = await dryRun(buf);
    expect(v.state, JSON.stringify(v.issueStats)).toBe('validated');
    expect(await kept(v.id)).toEqual({ staging: 1, chunks: 2 });
    expect(await count(`SELECT count(*) n FROM people WHERE code LIKE 'S000%'`)).toBe(0);

    const done = await commit(v.id);
    expect(done.state).toBe('committed');
    expect(await commitResult(v.id)).toMatchObject({ reusedCheckedRows: true });
    const p = (await t.get().pool.query(`SELECT * FROM people WHERE code = 'S0002'`)).rows[0];
    expect([p.unit_id, p.religion, p.given_name]).toEqual([unitA.id, 'Phật giáo', 'S0002']);
    expect(await count(`SELECT count(*) n FROM annual_ratings r JOIN people p ON p.id = r.person_id WHERE p.code = 'S0001'`)).toBe(1);
    // per-person history with the values written; the chain verifies
    const hist = await call(app, 'GET', `/api/cadres/${p.id}/history`, { session: hrA });
    expect(hist.json.items).toHaveLength(1);
    expect(hist.json.items[0]).toMatchObject({ action: 'create', entityType: 'person', after: { religion: 'Phật giáo', unitCode: unitA.id } });
    expect((await verifyAuditChain(t.get().pool)).ok).toBe(true);
    expect(await kept(v.id)).toEqual({ staging: 0, chunks: 0 });
  });

  it('changes a child record that exists (same natural key) and leaves an identical one alone', async () => {
    const { pool } = t.get();
    const first = await dryRun(
      await buildXlsx({
        sheets: {
          cadres: [cadreRow('S0601', 'SGA')],
          ratings: [
            { code: 'S0601', year: 2024, levelCode: 'HTT' },
            { code: 'S0601', year: 2025, levelCode: 'HTT' },
          ],
        },
      }),
    );
    expect((await commit(first.id)).state).toBe('committed');
    const v = await dryRun(
      await buildXlsx({
        sheets: {
          ratings: [
            { code: 'S0601', year: 2024, levelCode: 'HTT' },
            { code: 'S0601', year: 2025, levelCode: 'HTXS' },
          ],
        },
      }),
    );
    expect(v.summary.sheets.ratings).toMatchObject({ create: 0, update: 1, unchanged: 1, fields: { levelCode: 1 } });
    expect((await commit(v.id)).state).toBe('committed');
    const levels = (await pool.query(`SELECT r.year, r.level_code FROM annual_ratings r JOIN people p ON p.id = r.person_id WHERE p.code = 'S0601' ORDER BY r.year`))
      .rows;
    expect(levels).toEqual([
      { year: 2024, level_code: 'HTT' },
      { year: 2025, level_code: 'HTXS' },
    ]);
    const audit = (await pool.query(`SELECT action, entity_type, before, after FROM audit_log WHERE meta->>'importId' = $1 AND action <> 'import'`, [v.id])).rows;
    expect(audit).toEqual([{ action: 'update', entity_type: 'annual_rating', before: { levelCode: 'HTT' }, after: { levelCode: 'HTXS' } }]);
  });

  it('a dry run with errors keeps nothing', async () => {
    const v = await dryRun(await buildXlsx({ sheets: { cadres: [cadreRow('S0101', 'SGA'), cadreRow('S0102', 'KHONGCO')] } }));
    expect(v.state).toBe('invalid');
    expect(await kept(v.id)).toEqual({ staging: 0, chunks: 0 });
  });

  it('sees what changed since the dry run: a code taken out of reach is refused, a record created in reach becomes an update', async () => {
    const { pool } = t.get();
    const v1 = await dryRun(await buildXlsx({ sheets: { cadres: [cadreRow('S0201', 'SGA'), cadreRow('S0202', 'SGA')] } }));
    const v2 = await dryRun(await buildXlsx({ sheets: { cadres: [cadreRow('S0301', 'SGA', { positionTitle: 'Trưởng phòng' })] } }));
    expect([v1.state, v2.state]).toEqual(['validated', 'validated']);
    expect(v2.summary.sheets.cadres).toMatchObject({ create: 1, update: 0 });

    // meanwhile someone else records S0202 in another department, and S0301 in this one
    await makePerson(pool, { unitId: unitB.id, code: 'S0202' });
    await makePerson(pool, { unitId: unitA.id, code: 'S0301', fullName: 'Nguyễn Văn S0301' });
    const before = await count(`SELECT count(*) n FROM audit_log`);

    const c1 = await commit(v1.id);
    expect(c1.state).toBe('invalid');
    expect(await commitResult(v1.id)).toMatchObject({ reusedCheckedRows: true });
    const issues = (await call(app, 'GET', `/api/imports/${v1.id}/issues?severity=error`, { session: hrA })).json.items;
    expect(issues).toEqual([expect.objectContaining({ rowNo: 3, column: 'Mã cán bộ', value: 'S0202', reason: expect.stringMatching(/ngoài phạm vi quản lý/) })]);
    expect(await count(`SELECT count(*) n FROM people WHERE code = 'S0201'`)).toBe(0);
    expect(await count(`SELECT count(*) n FROM audit_log`)).toBe(before);
    expect(await kept(v1.id)).toEqual({ staging: 0, chunks: 0 }); // of no more use

    const c2 = await commit(v2.id);
    expect(c2.state).toBe('committed');
    expect(c2.summary.sheets.cadres).toMatchObject({ create: 0, update: 1, fields: { positionTitle: 1 } });
    expect((await pool.query(`SELECT position_title FROM people WHERE code = 'S0301'`)).rows[0].position_title).toBe('Trưởng phòng');
    expect(await count(`SELECT count(*) n FROM people WHERE code = 'S0301'`)).toBe(1);
    const audit = (await pool.query(`SELECT action, before, after FROM audit_log WHERE entity_type = 'person' AND meta->>'importId' = $1`, [v2.id])).rows;
    expect(audit).toEqual([
      { action: 'update', before: expect.objectContaining({ positionTitle: null }), after: expect.objectContaining({ positionTitle: 'Trưởng phòng' }) },
    ]);
    expect((await verifyAuditChain(pool)).ok).toBe(true);
  });

  it('reads the file again when the code lists or the importer’s reach changed since the dry run', async () => {
    const { pool } = t.get();
    const v = await dryRun(await buildXlsx({ sheets: { cadres: [cadreRow('S0401', 'SGA')] } }));
    expect(v.state).toBe('validated');
    await makeUnit(pool, { parent: unitA, code: 'SGA-P1', name: 'Phòng mới' }); // the importer's reach grew
    const done = await commit(v.id);
    expect(done.state).toBe('committed');
    expect(await commitResult(v.id)).toMatchObject({ reusedCheckedRows: false });
    expect(await count(`SELECT count(*) n FROM people WHERE code = 'S0401'`)).toBe(1);
    expect(await kept(v.id)).toEqual({ staging: 0, chunks: 0 });
  });

  it('a commit that fails after writing leaves the database as it was and the checked rows in place', async () => {
    const v = await dryRun(await buildXlsx({ sheets: { cadres: [cadreRow('S0501', 'SGA')] } }));
    const audit = await count(`SELECT count(*) n FROM audit_log`);
    importTestHooks.afterApply = async () => {
      throw new Error('injected crash in the middle of the commit');
    };
    expect((await commit(v.id)).state).toBe('failed');
    expect(await count(`SELECT count(*) n FROM people WHERE code = 'S0501'`)).toBe(0);
    expect(await count(`SELECT count(*) n FROM audit_log`)).toBe(audit);
    expect(await kept(v.id)).toEqual({ staging: 1, chunks: 1 });
  });
});
