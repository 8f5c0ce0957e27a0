import { yearOf } from '../../../common/dates.js';
import { beforeAll, describe, expect, it, afterEach } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { buildXlsx, cadreRow } from '../../../test/support/xlsx-files.js';
import { download, testWorker, uploadFile } from '../../../test/support/import-helpers.js';
import { importTestHooks } from '../../jobs/import-job.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import type { JobWorker } from '../../jobs/worker.js';

const t = useTestDatabase();
let app: TestApp;
let worker: JobWorker;
let unitA: UnitRef;
let unitB: UnitRef;
let hrA: Session;
let hrB: Session;
let nv: Session;

async function importAndCheck(session: Session, buf: Buffer) {
  const up = await uploadFile(app, session, buf);
  expect(up.status, JSON.stringify(up.json)).toBe(202);
  await worker.drain();
  return (await call(app, 'GET', `/api/imports/${up.json.id}`, { session })).json;
}
async function commit(session: Session, id: string) {
  const r = await call(app, 'POST', `/api/imports/${id}/commit`, { session });
  expect(r.status, JSON.stringify(r.json)).toBe(202);
  await worker.drain();
  return (await call(app, 'GET', `/api/imports/${id}`, { session })).json;
}
const count = async (q: string, p: unknown[] = []) => Number((await t.get().pool.query(q, p)).rows[0].n);
const snapshot = async () => {
  const { pool } = t.get();
  const r = await pool.query(`SELECT (SELECT md5(string_agg(p::text, ',' ORDER BY code)) FROM people p) AS people,
    (SELECT count(*) FROM annual_ratings) AS ratings, (SELECT count(*) FROM discipline_records) AS discipline,
    (SELECT count(*) FROM audit_log WHERE action <> 'read_sensitive' AND action <> 'export') AS audit`);
  return r.rows[0];
};

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  worker = testWorker(t.get());
  const root = await makeUnit(pool, { kind: 'peoples_committee', code: 'UBND' });
  unitA = await makeUnit(pool, { parent: root, code: 'DVA', name: 'Sở A' });
  unitB = await makeUnit(pool, { parent: root, code: 'DVB', name: 'Sở B' });
  const commune = await makeUnit(pool, { parent: root, kind: 'commune', code: 'X01', name: 'Xã Mới' });
  await pool.query(
    `INSERT INTO legacy_communes (old_code, old_name, new_unit_id, match) VALUES
    ('31117', 'Phường Cái Khế', $1, 'full'), ('31201', 'Xã Tân An', $1, 'full'), ('31777', 'Xã Tân An', $1, 'partial')`,
    [commune.id],
  );
  await makePerson(pool, { unitId: unitB.id, code: 'B0001', fullName: 'Trần Thị Bê' });
  hrA = await makeSession(pool, 'unit_hr', { unitId: unitA.id });
  hrB = await makeSession(pool, 'unit_hr', { unitId: unitB.id });
  nv = await makeSession(pool, 'home_affairs');
});
afterEach(() => {
  delete importTestHooks.afterApply;
});

describe('import: dry run, preview, commit', () => {
  it('accepts what real files contain, previews N new, commits with one audit row per person', async () => {
    const buf = await buildXlsx({
      sheets: {
        cadres: [
          cadreRow('A0001', 'DVA', {
            fullName: '  Nguye\u0302\u0303n   Văn  Đức ',
            birthDate: 31122,
            ethnicCode: 'Khmer',
            homeTownCode: 'Phường Cái Khế',
            salaryCoefficient: 3.33,
          }),
          cadreRow('A0002', 'DVA', { gender: 'Nữ', birthDate: '01-02-1990', ethnicCode: 'Khơ-me', homeTownCode: '31201 - Xã Tân An', isLeader: 'Có' }),
          cadreRow('A0003', 'DVA', { birthDate: new Date('1979-05-06T00:00:00Z'), category: 'Viên chức' }),
        ],
        ratings: [
          { code: 'A0001', year: 2025, levelCode: 'Hoàn thành tốt nhiệm vụ' },
          { code: 'A0002', year: 2024, levelCode: 'HTXS' },
        ],
        workHistory: [{ code: 'A0001', fromDate: '01/09/2008', organisation: 'UBND phường Cái Khế', isGrassroots: 'Có' }],
      },
    });
    const v = await importAndCheck(hrA, buf);
    expect(v.state, JSON.stringify(v)).toBe('validated');
    expect(v.errorCount).toBe(0);
    expect(v.summary.sheets.cadres).toMatchObject({ rows: 3, create: 3, update: 0, unchanged: 0 });
    expect(v.summary.sheets.ratings).toMatchObject({ create: 2 });
    expect(v.allowedActions).toContain('commit');
    expect(await count(`SELECT count(*) n FROM people WHERE code LIKE 'A000%'`)).toBe(0); // a dry run writes nothing
    const changes = await call(app, 'GET', `/api/imports/${v.id}/changes?pageSize=50`, { session: hrA });
    expect(changes.json.items.filter((c: { action: string }) => c.action === 'create')).toHaveLength(6);

    const done = await commit(hrA, v.id);
    expect(done.state).toBe('committed');
    const p = (await t.get().pool.query(`SELECT * FROM people WHERE code = 'A0001'`)).rows[0];
    expect(p.full_name).toBe('Nguyễn Văn Đức');
    expect(p.full_name).toBe(p.full_name.normalize('NFC'));
    expect(p.given_name).toBe('Đức');
    expect(p.birth_date).toBe('1985-03-16'); // Excel serial 31122
    expect(p.ethnic_code).toBe('05');
    expect(p.home_town_code).toBe('31117');
    expect(p.salary_coefficient).toBe('3.33');
    const p2 = (await t.get().pool.query(`SELECT * FROM people WHERE code = 'A0002'`)).rows[0];
    expect([p2.birth_date, p2.ethnic_code, p2.is_leader, p2.gender]).toEqual(['1990-02-01', '05', true, 'female']);
    expect(await count(`SELECT count(*) n FROM annual_ratings r JOIN people p ON p.id = r.person_id WHERE p.code LIKE 'A000%'`)).toBe(2);
    // per-person history, and one row for the import as a whole; the hash chain still holds
    const hist = await call(app, 'GET', `/api/cadres/${p.id}/history`, { session: hrA });
    expect(hist.json.items.map((i: { entityType: string }) => i.entityType).sort()).toEqual(['annual_rating', 'person', 'work_history']);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'import' AND entity_id = $1`, [v.id])).toBe(1);
    expect((await verifyAuditChain(t.get().pool)).ok).toBe(true);
    expect(await count(`SELECT count(*) n FROM import_files WHERE import_id = $1`, [v.id])).toBe(0);
  });

  it('lists every problem by row, column, value and reason in Vietnamese, and writes nothing', async () => {
    const before = await snapshot();
    const nextYear = yearOf() + 1;
    const buf = await buildXlsx({
      sheets: {
        cadres: [
          cadreRow('E0001', 'DVA', { birthDate: '31/02/1985' }),
          cadreRow('E0002', 'KHONGCO'),
          cadreRow('E0003', 'DVA', { ethnicCode: 'Sao Hỏa' }),
          cadreRow('E0004', 'DVA'),
          cadreRow('E0004', 'DVA'),
          cadreRow('E0005', 'DVB'),
          cadreRow('B0001', 'DVA'),
          cadreRow('E0006', 'DVA', { homeTownCode: 'Tân An' }),
          cadreRow('E0007', 'DVA', { salaryStep: { formula: '1+1', result: 2 } }),
        ],
        ratings: [{ code: 'E0004', year: nextYear, levelCode: 'HTT' }],
        discipline: [{ code: 'E0004', formCode: 'KT', decidedOn: '01/10/2025', effectiveFrom: '01/10/2025', effectiveTo: '01/09/2025' }],
      },
    });
    const v = await importAndCheck(hrA, buf);
    expect(v.state).toBe('invalid');
    expect(v.allowedActions).not.toContain('commit');
    const issues = (await call(app, 'GET', `/api/imports/${v.id}/issues?pageSize=100&severity=error`, { session: hrA })).json.items as {
      rowNo: number;
      column: string;
      value: string;
      reason: string;
    }[];
    const find = (row: number, col: string) => issues.find((i) => i.rowNo === row && i.column === col);
    expect(find(2, 'Ngày sinh')).toMatchObject({ value: '31/02/1985', reason: 'Ngày không tồn tại' });
    expect(find(3, 'Mã đơn vị')?.reason).toMatch(/không có trong danh mục/);
    expect(find(4, 'Dân tộc')).toMatchObject({ value: 'Sao Hỏa', reason: 'Dân tộc không có trong danh mục 54 dân tộc' });
    expect(find(6, 'Mã cán bộ')?.reason).toBe('Mã cán bộ bị trùng với dòng 5');
    expect(find(7, 'Mã đơn vị')?.reason).toMatch(/ngoài phạm vi quản lý của bạn/);
    expect(find(8, 'Mã cán bộ')?.reason).toMatch(/ngoài phạm vi quản lý/);
    expect(find(9, 'Quê quán (xã, phường trước 01/07/2025)')?.reason).toMatch(/không rõ ràng.*31201.*31777/);
    expect(find(10, 'Bậc lương')?.reason).toMatch(/công thức/);
    expect(issues.find((i) => i.column === 'Năm')?.reason).toBe('Không thể xếp loại cho năm chưa đến');
    expect(issues.find((i) => i.column === 'Ngày hết hiệu lực')?.reason).toBe('Ngày hết hiệu lực không thể trước ngày có hiệu lực');
    const commitTry = await call(app, 'POST', `/api/imports/${v.id}/commit`, { session: hrA });
    expect(commitTry.status).toBe(409);
    expect(await snapshot()).toEqual(before);
    const report = await download(app, hrA, `/api/imports/${v.id}/issues.xlsx`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toContain("filename*=UTF-8''L%E1%BB%97i");
  });

  it('upserts by cadre code: changed fields are previewed and only they are written; unchanged rows stay', async () => {
    const first = await buildXlsx({ sheets: { cadres: [cadreRow('U0001', 'DVA'), cadreRow('U0002', 'DVA')] } });
    await commit(hrA, (await importAndCheck(hrA, first)).id);
    const version = Number((await t.get().pool.query(`SELECT version FROM people WHERE code = 'U0002'`)).rows[0].version);
    const second = await buildXlsx({
      sheets: { cadres: [cadreRow('U0001', 'DVA', { positionTitle: 'Trưởng phòng', isLeader: 'Có' }), cadreRow('U0002', 'DVA'), cadreRow('U0003', 'DVA')] },
    });
    const v = await importAndCheck(hrA, second);
    expect(v.summary.sheets.cadres).toMatchObject({ create: 1, update: 1, unchanged: 1, fields: { positionTitle: 1, isLeader: 1 } });
    const ch = (await call(app, 'GET', `/api/imports/${v.id}/changes`, { session: hrA })).json.items.find((c: { action: string }) => c.action === 'update');
    expect(ch.fields).toMatchObject({
      changed: ['isLeader', 'positionTitle'],
      before: { positionTitle: null, isLeader: false },
      after: { positionTitle: 'Trưởng phòng', isLeader: true },
    });
    await commit(hrA, v.id);
    const rows = (await t.get().pool.query(`SELECT code, position_title, version FROM people WHERE code LIKE 'U000%' ORDER BY code`)).rows;
    expect(rows.map((r) => r.position_title)).toEqual(['Trưởng phòng', null, null]);
    expect(Number(rows[1].version)).toBe(version);
  });

  it('exports the cadres and imports the file back without changing anything (round trip)', async () => {
    const { pool } = t.get();
    await pool.query(`UPDATE people SET religion = 'Phật giáo', phone = '0912345678', home_town_code = '31777', party_joined_on = '2010-02-03',
      health_status = 'good', health_checked_on = '2026-01-10', salary_step = 3, salary_coefficient = '3.00', rank_code = '01.003',
      position_title = '=HYPERLINK("http://x")', education_level = 'dai_hoc', political_theory = 'trung_cap' WHERE code = 'A0003'`);
    const exp = await download(app, hrA, `/api/cadres/export.xlsx?unitId=${unitA.id}`);
    expect(exp.status).toBe(200);
    const before = await snapshot();
    const v = await importAndCheck(hrA, exp.body);
    expect(v.errorCount, JSON.stringify(v.issueStats)).toBe(0);
    expect(v.summary.sheets.cadres.create + v.summary.sheets.cadres.update).toBe(0);
    expect(v.summary.sheets.cadres.unchanged).toBe(6);
    await commit(hrA, v.id);
    const after = await snapshot();
    expect(after.people).toBe(before.people);
    expect(Number(after.audit)).toBe(Number(before.audit) + 1); // only the import's own row
  });
});

describe('import: all or nothing', () => {
  it('a failure after the rows are written rolls everything back', async () => {
    const before = await snapshot();
    const v = await importAndCheck(hrA, await buildXlsx({ sheets: { cadres: [cadreRow('R0001', 'DVA'), cadreRow('R0002', 'DVA')] } }));
    importTestHooks.afterApply = async () => {
      throw new Error('injected crash in the middle of the commit');
    };
    const done = await commit(hrA, v.id);
    expect(done.state).toBe('failed');
    expect(await snapshot()).toEqual(before);
  });

  it('a killed database connection in the middle of the commit leaves no partial data', async () => {
    const before = await snapshot();
    const v = await importAndCheck(hrA, await buildXlsx({ sheets: { cadres: [cadreRow('K0001', 'DVA'), cadreRow('K0002', 'DVA')] } }));
    importTestHooks.afterApply = async () => {
      // the job's own backend: the one holding an open transaction that wrote people rows
      await t.get().pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'idle in transaction' AND pid <> pg_backend_pid()`);
    };
    const done = await commit(hrA, v.id);
    expect(done.state).toBe('failed');
    expect(await snapshot()).toEqual(before);
    expect(await count(`SELECT count(*) n FROM people WHERE code LIKE 'K000%'`)).toBe(0);
  });

  it('a cancelled commit writes nothing and the checked file can be committed later', async () => {
    const v = await importAndCheck(hrA, await buildXlsx({ sheets: { cadres: [cadreRow('C0001', 'DVA')] } }));
    const c1 = await call(app, 'POST', `/api/imports/${v.id}/commit`, { session: hrA });
    expect(c1.status).toBe(202);
    const cancel = await call(app, 'POST', `/api/imports/${v.id}/cancel`, { session: hrA });
    expect(cancel.status).toBe(200);
    await worker.drain();
    expect((await call(app, 'GET', `/api/imports/${v.id}`, { session: hrA })).json.state).toBe('validated');
    expect(await count(`SELECT count(*) n FROM people WHERE code = 'C0001'`)).toBe(0);
    expect((await commit(hrA, v.id)).state).toBe('committed');
  });

  it('a checked import the user drops is cancelled and can no longer be committed', async () => {
    const v = await importAndCheck(hrA, await buildXlsx({ sheets: { cadres: [cadreRow('D0001', 'DVA')] } }));
    expect(v.allowedActions).toContain('cancel');
    const dropped = await call(app, 'POST', `/api/imports/${v.id}/cancel`, { session: hrA });
    expect(dropped.status).toBe(200);
    expect(dropped.json.state).toBe('cancelled');
    expect(dropped.json.allowedActions).not.toContain('commit');
    expect((await call(app, 'POST', `/api/imports/${v.id}/commit`, { session: hrA })).status).toBe(409);
    expect(await count(`SELECT count(*) n FROM people WHERE code = 'D0001'`)).toBe(0);
  });

  it('a running dry run stops when cancelled', async () => {
    const rows = Array.from({ length: 12000 }, (_, i) => cadreRow(`Z${String(i).padStart(5, '0')}`, 'DVA'));
    const up = await uploadFile(app, hrA, await buildXlsx({ sheets: { cadres: rows } }));
    const run = worker.drain();
    for (let i = 0; i < 200; i++) {
      const s = (await call(app, 'GET', `/api/imports/${up.json.id}`, { session: hrA })).json;
      if (s.job.status === 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await call(app, 'POST', `/api/imports/${up.json.id}/cancel`, { session: hrA });
    await run;
    const s = (await call(app, 'GET', `/api/imports/${up.json.id}`, { session: hrA })).json;
    expect(s.state).toBe('cancelled');
    expect(s.job.status).toBe('cancelled');
  });
});

describe('import: scope and roles', () => {
  it('Sở Nội vụ may import anywhere, including assigned staffing; a unit officer may not set staffing', async () => {
    const buf = await buildXlsx({ sheets: { cadres: [cadreRow('N0001', 'DVB')], staffing: [{ unitCode: 'DVB', year: 2026, assignedStaffing: 120 }] } });
    const v = await importAndCheck(nv, buf);
    expect(v.state, JSON.stringify(v.issueStats)).toBe('validated');
    expect((await commit(nv, v.id)).state).toBe('committed');
    expect(await count(`SELECT assigned_staffing n FROM org_unit_staffing WHERE unit_id = $1 AND year = 2026`, [unitB.id])).toBe(120);
    const byHr = await importAndCheck(hrB, await buildXlsx({ sheets: { staffing: [{ unitCode: 'DVB', year: 2026, assignedStaffing: 999 }] } }));
    expect(byHr.state).toBe('invalid');
  });

  it('hides another user’s import (404) and refuses roles that may not import (403)', async () => {
    const v = await importAndCheck(hrA, await buildXlsx({ sheets: { cadres: [cadreRow('H0001', 'DVA')] } }));
    expect((await call(app, 'GET', `/api/imports/${v.id}`, { session: hrB })).status).toBe(404);
    expect((await call(app, 'GET', `/api/imports/${v.id}/issues`, { session: hrB })).status).toBe(404);
    expect((await call(app, 'POST', `/api/imports/${v.id}/commit`, { session: hrB })).status).toBe(404);
    const { pool } = t.get();
    for (const role of ['host', 'cadre', 'authority', 'unit_manager', 'admin'] as const) {
      const s = await makeSession(pool, role, { unitId: role === 'authority' || role === 'admin' ? null : unitA.id });
      expect((await uploadFile(app, s, Buffer.from('x'))).status).toBe(403);
      expect((await call(app, 'GET', `/api/imports/${v.id}`, { session: s })).status).toBe(403);
      expect((await call(app, 'GET', '/api/imports/template.xlsx', { session: s })).status).toBe(403);
    }
  });
});
