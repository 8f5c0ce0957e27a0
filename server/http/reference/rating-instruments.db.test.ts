import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeProvince, makeSession, makeUnit, type Session } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { vietnamToday, yearOf } from '../../../common/dates.js';

/**
 * The rating instruments are a dated reference table (issue 12): a change of law is a new row through the what-if,
 * which shows the rating years whose cited instrument moves and the ratings recorded with points that the new
 * instrument would not score; once saved, the profile, the screening clause and the rating form follow it.
 */
const t = useTestDatabase();
let app: TestApp;
let home: Session;
let hr: Session;
let authority: Session;
const TODAY = vietnamToday();
const YEAR = yearOf(TODAY);
const NEW = 'Nghị định 999/2026/NĐ-CP (thử)';
let cc: { id: string; code: string };
let vc: { id: string; code: string };

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(pool, '92');
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  const dept = await makeUnit(pool, { parent: root, name: 'Sở Thử Xếp Loại' });
  home = await makeSession(pool, 'home_affairs');
  authority = await makeSession(pool, 'authority');
  hr = await makeSession(pool, 'unit_hr', { unitId: dept.id });
  cc = await makePerson(pool, { unitId: dept.id, fullName: 'Nguyễn Văn Điểm', category: 'cong_chuc' });
  vc = await makePerson(pool, { unitId: dept.id, fullName: 'Trần Thị Viên', category: 'vien_chuc' });
  // this year's ratings: the công chức scored under Decree 335/2025, the viên chức under 233/2026
  await pool.query(`INSERT INTO annual_ratings (person_id, year, level_code, points) VALUES ($1, $3, 'HTT', 85), ($2, $3, 'HTXS', 92)`, [cc.id, vc.id, YEAR]);
});

const draft = { table: 'rating_instruments', category: 'cong_chuc', effectiveFrom: TODAY, hasPoints: false };

describe('a new rating instrument', () => {
  it('is listed with the seeded rows, each citing its decree', async () => {
    const r = await call(app, 'GET', '/api/reference/tables', { session: home });
    expect(r.status).toBe(200);
    const table = r.json.tables.find((x: { table: string }) => x.table === 'rating_instruments');
    expect(table.hasEndDate).toBe(false);
    const cong = table.rows.filter((x: { values: { category: string } }) => x.values.category === 'cong_chuc');
    expect(cong.map((x: { instrument: string; inForce: boolean }) => [x.instrument, x.inForce])).toEqual([
      ['Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP', false],
      ['Nghị định 335/2025/NĐ-CP', true],
    ]);
  });

  it('previews the years whose instrument moves and the scored ratings it would not score, for its category only', async () => {
    const r = await call(app, 'POST', '/api/reference/preview', { session: home, body: { draft, instrument: NEW } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.ratings.years[0]).toEqual({
      year: YEAR,
      before: 'Nghị định 335/2025/NĐ-CP',
      after: NEW,
      pointsBefore: true,
      pointsAfter: false,
      ratings: 1,
    });
    expect(r.json.ratings.ratingsMoved).toBe(1);
    expect(r.json.ratings.pointsLost).toEqual([{ personId: cc.id, personCode: cc.code, fullName: 'Nguyễn Văn Điểm', year: YEAR, points: 85, levelCode: 'HTT' }]);
    expect(r.json.ratings.pointsLostTotal).toBe(1);
    expect(r.json.screening).toBeNull();
    // nothing was written by the preview
    const rows = await t.get().pool.query(`SELECT count(*)::int AS n FROM rating_instruments WHERE instrument = $1`, [NEW]);
    expect(rows.rows[0].n).toBe(0);
    // the same row for viên chức moves nobody's công chức rating
    const other = await call(app, 'POST', '/api/reference/preview', { session: home, body: { draft: { ...draft, category: 'vien_chuc' }, instrument: NEW } });
    expect(other.json.ratings.pointsLost.map((x: { personId: string }) => x.personId)).toEqual([vc.id]);
  });

  it('refuses a row before today and a missing choice, in Vietnamese', async () => {
    const past = await call(app, 'POST', '/api/reference/preview', { session: home, body: { draft: { ...draft, effectiveFrom: '2026-01-02' }, instrument: NEW } });
    expect(past.status).toBe(422);
    expect(past.json.error.issues[0]).toMatchObject({ path: 'draft.effectiveFrom' });
    const { hasPoints: _, ...noChoice } = draft;
    const missing = await call(app, 'POST', '/api/reference/preview', { session: home, body: { draft: { ...noChoice, category: 'can_bo' }, instrument: NEW } });
    expect(missing.status).toBe(422);
    expect(missing.json.error.issues[0].message).toBe('Chọn có chấm điểm hay không');
  });

  it('once saved, the profile, the rating form and the screening clause cite it', async () => {
    const saved = await call(app, 'POST', '/api/reference/changes', { session: home, body: { draft, instrument: NEW, reason: 'Thử văn bản mới' } });
    expect(saved.status, JSON.stringify(saved.json)).toBe(201);
    const profile = await call(app, 'GET', `/api/cadres/${cc.id}`, { session: hr });
    expect(profile.json.ratings.find((x: { year: number }) => x.year === YEAR).instrument).toBe(NEW);
    // the recorded points stay; a new save with points is refused, citing the new instrument
    const again = await call(app, 'PUT', `/api/cadres/${cc.id}/ratings`, { session: hr, body: { year: YEAR, points: 80 } });
    expect(again.status).toBe(422);
    expect(again.json.error.issues[0]).toMatchObject({ path: 'points', message: expect.stringContaining(NEW) });
    expect((await call(app, 'PUT', `/api/cadres/${cc.id}/ratings`, { session: hr, body: { year: YEAR, levelCode: 'HTT' } })).status).toBe(200);
    // the viên chức keeps Decree 233/2026
    const vcProfile = await call(app, 'GET', `/api/cadres/${vc.id}`, { session: hr });
    expect(vcProfile.json.ratings[0].instrument).toBe('Nghị định 233/2026/NĐ-CP');
    // a screening whose window holds this year cites the new instrument for it, the old one for the years before
    const ratings = (await call(app, 'GET', `/api/eligibility/people/${cc.id}?referenceDate=${YEAR + 1}-06-01`, { session: home })).json.criteria.find(
      (c: { criterion: string }) => c.criterion === 'ratings',
    );
    expect(ratings.clause).toContain(`${NEW} (năm ${YEAR})`);
    expect(ratings.clause).toContain('Nghị định 90/2020/NĐ-CP');
    // the change is in the history with its instrument, and audited
    const hist = await call(app, 'GET', '/api/reference/tables', { session: home });
    expect(hist.json.history[0]).toMatchObject({ table: 'rating_instruments', instrument: NEW, reason: 'Thử văn bản mới' });
  });

  it('is for Sở Nội vụ only', async () => {
    for (const who of [authority, hr]) {
      expect((await call(app, 'POST', '/api/reference/preview', { session: who, body: { draft, instrument: NEW } })).status).toBe(403);
    }
  });
});
