import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../../../common/dates.js';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { buildXlsx } from '../../../test/support/xlsx-files.js';
import { testWorker, uploadFile } from '../../../test/support/import-helpers.js';
import type { JobWorker } from '../../jobs/worker.js';

/** The Party decision date of a discipline record and the Decree 335/2025 points of a rating: API and import. */
const t = useTestDatabase();
let app: TestApp;
let worker: JobWorker;
let hr: Session;
let cc: { id: string };
let cb: { id: string };
let vc: { id: string };

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  worker = testWorker(t.get());
  const root = await makeUnit(pool, { kind: 'peoples_committee', code: 'UBND' });
  const dept = await makeUnit(pool, { parent: root, code: 'DVK', name: 'Sở K' });
  cc = await makePerson(pool, { unitId: dept.id, code: 'K0001', fullName: 'Nguyễn Văn Công' });
  cb = await makePerson(pool, { unitId: dept.id, code: 'K0002', fullName: 'Trần Văn Bộ', category: 'can_bo' });
  vc = await makePerson(pool, { unitId: dept.id, code: 'K0003', fullName: 'Lê Thị Viên', category: 'vien_chuc' });
  hr = await makeSession(pool, 'unit_hr', { unitId: dept.id });
});

const stored = async (personId: string, year: number) =>
  (await t.get().pool.query(`SELECT level_code, points::float8 AS points FROM annual_ratings WHERE person_id = $1 AND year = $2`, [personId, year])).rows[0];

describe('discipline record: the Party decision date', () => {
  it('is saved, shown on the profile, audited, and refused in the future', async () => {
    const body = { formCode: 'KT', decidedOn: '2025-10-01', effectiveFrom: '2025-10-05', partyDecidedOn: '2025-11-20' };
    const ok = await call(app, 'POST', `/api/cadres/${cc.id}/discipline`, { session: hr, body });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    expect(ok.json.partyDecidedOn).toBe('2025-11-20');
    const profile = await call(app, 'GET', `/api/cadres/${cc.id}`, { session: hr });
    expect(profile.json.sensitive.discipline[0].partyDecidedOn).toBe('2025-11-20');
    const audit = await t.get().pool.query(`SELECT after FROM audit_log WHERE entity_type = 'discipline_record' AND entity_id = $1`, [ok.json.id]);
    expect(audit.rows[0].after.partyDecidedOn).toBe('2025-11-20');
    // the bar runs from the Party decision: 20/11/2025 + 12 months, so still barred on 19/11/2026
    const verdict = await call(app, 'GET', `/api/eligibility/people/${cc.id}?referenceDate=2026-11-19`, { session: hr });
    expect(verdict.status, JSON.stringify(verdict.json)).toBe(200);
    const d = (verdict.json.criteria as { criterion: string; result: string; clause: string }[]).find((c) => c.criterion === 'discipline');
    expect(d).toMatchObject({ result: 'fail', clause: expect.stringContaining('Điều 2 khoản 9') });

    const future = await call(app, 'PUT', `/api/cadres/${cc.id}/discipline/${ok.json.id}`, { session: hr, body: { ...body, partyDecidedOn: '2099-01-01' } });
    expect(future.status).toBe(422);
    expect(future.json.error.issues[0]).toMatchObject({ path: 'partyDecidedOn', message: 'Ngày quyết định kỷ luật của Đảng không thể ở tương lai' });
  });
});

describe('planning record: the approval and the removal are decisions already taken', () => {
  it('a future approval or removal date is refused on its field in Vietnamese, and nothing is written', async () => {
    const { pool } = t.get();
    const today = vietnamToday();
    const tomorrow = addDays(today, 1);
    const message = (what: string) => `${what} không được sau ngày hôm nay (${today.split('-').reverse().join('/')})`;
    const rows = async () => (await pool.query(`SELECT title, approved_on, removed_on FROM planning_entries WHERE person_id = $1 ORDER BY title`, [cb.id])).rows;
    const body = { title: 'Phó Giám đốc Sở', term: '2025-2030', approvedOn: '2025-06-01' };
    const before = await rows();
    const future = await call(app, 'POST', `/api/cadres/${cb.id}/planning`, { session: hr, body: { ...body, approvedOn: tomorrow } });
    expect(future.status).toBe(422);
    expect(future.json.error.issues).toEqual([{ path: 'approvedOn', message: message('Ngày phê duyệt quy hoạch') }]);
    expect(await rows()).toEqual(before);
    const ok = await call(app, 'POST', `/api/cadres/${cb.id}/planning`, { session: hr, body });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    const saved = await rows();
    const removed = await call(app, 'PUT', `/api/cadres/${cb.id}/planning/${ok.json.id}`, { session: hr, body: { ...body, removedOn: tomorrow } });
    expect(removed.status).toBe(422);
    expect(removed.json.error.issues).toEqual([{ path: 'removedOn', message: message('Ngày đưa ra khỏi quy hoạch') }]);
    expect(await rows()).toEqual(saved);
    expect(saved).toEqual([{ title: 'Phó Giám đốc Sở', approved_on: '2025-06-01', removed_on: null }]);
  });
});

describe('annual rating: Decree 335/2025 points', () => {
  it('derives the level from the points for a công chức in 2026', async () => {
    const r = await call(app, 'PUT', `/api/cadres/${cc.id}/ratings`, { session: hr, body: { year: 2026, points: 90 } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ levelCode: 'HTXS', points: 90 });
    expect(await stored(cc.id, 2026)).toEqual({ level_code: 'HTXS', points: 90 });
    const profile = await call(app, 'GET', `/api/cadres/${cc.id}`, { session: hr });
    expect(profile.json.ratings.find((x: { year: number }) => x.year === 2026)).toMatchObject({ points: 90, instrument: 'Nghị định 335/2025/NĐ-CP' });
  });
  it('refuses a level that does not match the points, points before 2026 and points for a cán bộ; nothing changes', async () => {
    const mismatch = await call(app, 'PUT', `/api/cadres/${cc.id}/ratings`, { session: hr, body: { year: 2026, points: 69.5, levelCode: 'HTT' } });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.error.issues[0]).toMatchObject({ path: 'levelCode', message: expect.stringContaining('không khớp với điểm') });
    expect(await stored(cc.id, 2026)).toEqual({ level_code: 'HTXS', points: 90 });
    const early = await call(app, 'PUT', `/api/cadres/${cc.id}/ratings`, { session: hr, body: { year: 2025, points: 80 } });
    expect(early.status).toBe(422);
    expect(early.json.error.issues[0].path).toBe('points');
    const canBo = await call(app, 'PUT', `/api/cadres/${cb.id}/ratings`, { session: hr, body: { year: 2026, points: 80 } });
    expect(canBo.status).toBe(422);
    expect(await stored(cb.id, 2026)).toBeUndefined();
    const none = await call(app, 'PUT', `/api/cadres/${cc.id}/ratings`, { session: hr, body: { year: 2024 } });
    expect(none.status).toBe(422);
  });
  it('a level alone still works, and for a viên chức the 2026 rating cites Decree 233/2026', async () => {
    expect((await call(app, 'PUT', `/api/cadres/${vc.id}/ratings`, { session: hr, body: { year: 2026, levelCode: 'HTT' } })).status).toBe(200);
    expect(await stored(vc.id, 2026)).toEqual({ level_code: 'HTT', points: null });
    const profile = await call(app, 'GET', `/api/cadres/${vc.id}`, { session: hr });
    expect(profile.json.ratings[0].instrument).toBe('Nghị định 233/2026/NĐ-CP');
  });
});

describe('import: the Party decision date and the points columns', () => {
  it('imports both, derives the level from the points, and names a wrong row in Vietnamese', async () => {
    const bad = await buildXlsx({
      sheets: {
        ratings: [
          { code: 'K0001', year: 2026, 'Điểm (Nghị định 335/2025)': '72,5', levelCode: 'Hoàn thành xuất sắc nhiệm vụ' },
          { code: 'K0002', year: 2026, 'Điểm (Nghị định 335/2025)': 80 },
        ],
      },
    });
    const up = await uploadFile(app, hr, bad);
    expect(up.status).toBe(202);
    await worker.drain();
    const v = (await call(app, 'GET', `/api/imports/${up.json.id}`, { session: hr })).json;
    expect(v.state).not.toBe('validated');
    const issues = (await call(app, 'GET', `/api/imports/${v.id}/issues?pageSize=100&severity=error`, { session: hr })).json.items as {
      rowNo: number;
      column: string;
      reason: string;
    }[];
    expect(issues.find((i) => i.column === 'Mức xếp loại')?.reason).toContain('không khớp với điểm');
    expect(issues.find((i) => i.column === 'Điểm (Nghị định 335/2025)')?.reason, JSON.stringify(issues)).toContain('không chấm điểm');

    const good = await buildXlsx({
      sheets: {
        ratings: [{ code: 'K0003', year: 2026, 'Điểm (Nghị định 335/2025)': '49,99' }],
        discipline: [{ code: 'K0003', formCode: 'Cảnh cáo', decidedOn: '01/09/2025', effectiveFrom: '05/09/2025', partyDecidedOn: '20/10/2025' }],
      },
    });
    const up2 = await uploadFile(app, hr, good);
    await worker.drain();
    const v2 = (await call(app, 'GET', `/api/imports/${up2.json.id}`, { session: hr })).json;
    expect(v2.state, JSON.stringify(v2)).toBe('validated');
    expect((await call(app, 'POST', `/api/imports/${v2.id}/commit`, { session: hr })).status).toBe(202);
    await worker.drain();
    expect(await stored(vc.id, 2026)).toEqual({ level_code: 'KHT', points: 49.99 });
    const d = await t.get().pool.query(`SELECT to_char(party_decided_on, 'YYYY-MM-DD') AS p FROM discipline_records WHERE person_id = $1`, [vc.id]);
    expect(d.rows[0].p).toBe('2025-10-20');
  });

  it('writes a rating’s level and points together when the file has only one of the columns', async () => {
    const run = async (buf: Buffer) => {
      const up = await uploadFile(app, hr, buf);
      await worker.drain();
      const v = (await call(app, 'GET', `/api/imports/${up.json.id}`, { session: hr })).json;
      expect(v.state, JSON.stringify(v)).toBe('validated');
      await call(app, 'POST', `/api/imports/${v.id}/commit`, { session: hr });
      await worker.drain();
    };
    expect(await stored(cc.id, 2026)).toEqual({ level_code: 'HTXS', points: 90 });
    // an older template without the points column: the level given replaces the points it would contradict
    await run(await buildXlsx({ sheets: { ratings: [{ code: 'K0001', year: 2026, levelCode: 'HTT' }] }, dropHeaders: ['Điểm (Nghị định 335/2025)'] }));
    expect(await stored(cc.id, 2026)).toEqual({ level_code: 'HTT', points: null });
    // only the points: the level derived from them is written too
    await run(await buildXlsx({ sheets: { ratings: [{ code: 'K0001', year: 2026, 'Điểm (Nghị định 335/2025)': 95 }] }, dropHeaders: ['Mức xếp loại'] }));
    expect(await stored(cc.id, 2026)).toEqual({ level_code: 'HTXS', points: 95 });
  });
});
