import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { grantPersonToUnit, makePerson, makeProvince, makeSession, makeUnit, type Session } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { PROCEEDINGS_CLAUSE, CIRCUMSTANCES_CLAUSE } from '../../../common/exclusions.js';

/**
 * Proceedings and circumstances on a profile: written by the unit's personnel officer and Sở Nội vụ, read only by
 * those who see sensitive data (the read logged), every change audited, and the screening moving with them.
 */
const t = useTestDatabase();
let app: TestApp;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const REF = '2026-11-26';

async function candidate(unitId: string, name: string) {
  const { pool } = t.get();
  const p = await makePerson(pool, { unitId, fullName: name, gender: 'female', birthDate: '1985-06-01' });
  await pool.query(`UPDATE people SET is_leader = true, health_status = 'good', health_checked_on = '2026-10-01' WHERE id = $1`, [p.id]);
  await pool.query(`INSERT INTO planning_entries (person_id, title, term, approved_on) VALUES ($1, 'Trưởng phòng', '2025-2030', '2025-08-01')`, [p.id]);
  await pool.query(`INSERT INTO annual_ratings (person_id, year, level_code) VALUES ($1, 2024, 'HTT'), ($1, 2025, 'HTT')`, [p.id]);
  await pool.query(
    `INSERT INTO unit_assessments (person_id, assessed_on, assessed_by, assessor_name, capacity_ok, prestige_ok, prospects_ok, political_ok)
     VALUES ($1, '2026-10-15', gen_random_uuid(), 'Thủ trưởng', 'yes', 'yes', 'yes', 'yes')`,
    [p.id],
  );
  return p.id;
}

const explain = async (personId: string, on = REF, who = 'hr') =>
  (await call(app, 'GET', `/api/eligibility/people/${personId}?referenceDate=${on}`, { session: s[who] })).json;
type Judged = { criterion: string; result: string; reason: string; clause: string };
const criterion = (r: { criteria: Judged[] }, c: string) => r.criteria.find((x) => x.criterion === c) as Judged;

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(pool);
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  const dept = await makeUnit(pool, { parent: root, name: 'Sở Thử nghiệm', staffing: 45, restructuredOn: '2025-03-01' });
  const other = await makeUnit(pool, { parent: root, name: 'Sở Khác' });
  const commune = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Thử' });
  ids.mai = await candidate(dept.id, 'Trần Thị Mai');
  ids.lan = await candidate(dept.id, 'Nguyễn Thị Lan');
  s.hr = await makeSession(pool, 'unit_hr', { unitId: dept.id });
  s.manager = await makeSession(pool, 'unit_manager', { unitId: dept.id });
  s.otherHr = await makeSession(pool, 'unit_hr', { unitId: other.id });
  s.homeAffairs = await makeSession(pool, 'home_affairs');
  s.host = await makeSession(pool, 'host', { unitId: commune.id });
  await grantPersonToUnit(pool, commune.id, ids.mai, '2026-01-01', '2030-12-31');
});

describe('proceedings on a profile', () => {
  it('the unit officer records an open discipline case: audited with its author, and the person is no longer eligible, with the clause', async () => {
    expect((await explain(ids.mai)).verdict).toBe('eligible');
    const body = { kind: 'discipline_case', openedOn: '2026-11-01', documentNo: '15/TB-UBKT', note: 'Xem xét trách nhiệm' };
    const r = await call(app, 'POST', `/api/cadres/${ids.mai}/proceedings`, { session: s.hr, body });
    expect(r.status).toBe(201);
    ids.case = r.json.id;
    const row = await t.get().pool.query(`SELECT kind, opened_on::text, closed_on, created_by FROM person_proceedings WHERE id = $1`, [ids.case]);
    expect(row.rows[0]).toEqual({ kind: 'discipline_case', opened_on: '2026-11-01', closed_on: null, created_by: s.hr.userId });
    const audit = await t.get().pool.query(`SELECT action, person_id FROM audit_log WHERE entity_type = 'person_proceeding' AND entity_id = $1`, [ids.case]);
    expect(audit.rows).toEqual([{ action: 'create', person_id: ids.mai }]);

    const v = await explain(ids.mai);
    expect(v.verdict).toBe('not_eligible');
    expect(criterion(v, 'proceedings')).toMatchObject({
      result: 'fail',
      clause: PROCEEDINGS_CLAUSE,
      reason: expect.stringContaining('Đang xem xét kỷ luật (từ 01/11/2026'),
    });
    const list = await call(app, 'GET', `/api/eligibility?referenceDate=${REF}&failing=proceedings`, { session: s.hr });
    expect(list.json.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Trần Thị Mai']);
  });

  it('closing it on a date with its outcome makes the person eligible from that day, not the day before; it cannot be closed twice', async () => {
    const bad = await call(app, 'POST', `/api/cadres/${ids.mai}/proceedings/${ids.case}/close`, {
      session: s.hr,
      body: { closedOn: '2026-10-01', outcome: 'Không kỷ luật' },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toContain('Ngày kết thúc không thể trước ngày bắt đầu vụ việc');
    const noOutcome = await call(app, 'POST', `/api/cadres/${ids.mai}/proceedings/${ids.case}/close`, { session: s.hr, body: { closedOn: REF, outcome: '' } });
    expect(noOutcome.status).toBe(422);
    expect((await t.get().pool.query(`SELECT closed_on FROM person_proceedings WHERE id = $1`, [ids.case])).rows[0].closed_on).toBeNull();

    const r = await call(app, 'POST', `/api/cadres/${ids.mai}/proceedings/${ids.case}/close`, {
      session: s.homeAffairs,
      body: { closedOn: REF, outcome: 'Không kỷ luật', documentNo: '20/KL-UBKT' },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ closedOn: REF, outcome: 'Không kỷ luật', documentNo: '20/KL-UBKT' });
    const audit = await t
      .get()
      .pool.query(`SELECT before->>'closedOn' AS b, after->>'closedOn' AS a FROM audit_log WHERE entity_type = 'person_proceeding' AND action = 'close'`);
    expect(audit.rows).toEqual([{ b: null, a: REF }]);
    expect((await explain(ids.mai)).verdict).toBe('eligible');
    expect((await explain(ids.mai, '2026-11-25')).verdict).toBe('not_eligible');
    const again = await call(app, 'POST', `/api/cadres/${ids.mai}/proceedings/${ids.case}/close`, { session: s.hr, body: { closedOn: REF, outcome: 'x' } });
    expect(again.status).toBe(422);
    expect(JSON.stringify(again.json)).toContain('Vụ việc đã kết thúc ngày 26/11/2026');
  });

  it('refuses a future opening date and an unknown kind, changing nothing', async () => {
    const before = (await t.get().pool.query(`SELECT count(*)::int n FROM person_proceedings`)).rows[0].n;
    const future = await call(app, 'POST', `/api/cadres/${ids.lan}/proceedings`, { session: s.hr, body: { kind: 'trial', openedOn: '2099-01-01' } });
    expect(future.status).toBe(422);
    expect(JSON.stringify(future.json)).toContain('Ngày bắt đầu vụ việc không thể ở tương lai');
    const kind = await call(app, 'POST', `/api/cadres/${ids.lan}/proceedings`, { session: s.hr, body: { kind: 'rumour', openedOn: '2026-01-01' } });
    expect(kind.status).toBe(422);
    expect((await t.get().pool.query(`SELECT count(*)::int n FROM person_proceedings`)).rows[0].n).toBe(before);
  });

  it('only the unit officer and Sở Nội vụ write; the manager, another unit and the host commune cannot', async () => {
    const body = { kind: 'investigation', openedOn: '2026-11-01' };
    expect((await call(app, 'POST', `/api/cadres/${ids.lan}/proceedings`, { session: s.manager, body })).status).toBe(403);
    expect((await call(app, 'POST', `/api/cadres/${ids.lan}/proceedings`, { session: s.otherHr, body })).status).toBe(404);
    expect((await call(app, 'POST', `/api/cadres/${ids.mai}/proceedings`, { session: s.host, body })).status).toBe(403);
    expect((await t.get().pool.query(`SELECT count(*)::int n FROM person_proceedings WHERE kind = 'investigation'`)).rows[0].n).toBe(0);
  });
});

describe('circumstances on a profile', () => {
  it('a child under 36 months bars until the day before the third birthday; recorded consent lifts it', async () => {
    const body = { kind: 'child_under_36_months', fromDate: '2023-11-27', childBirthDate: '2023-11-27' };
    const r = await call(app, 'POST', `/api/cadres/${ids.lan}/circumstances`, { session: s.hr, body });
    expect(r.status).toBe(201);
    const v = await explain(ids.lan);
    expect(criterion(v, 'circumstances')).toMatchObject({
      result: 'fail',
      clause: CIRCUMSTANCES_CLAUSE,
      reason: expect.stringContaining('đủ 36 tháng ngày 27/11/2026'),
    });
    expect(criterion(await explain(ids.lan, '2026-11-27'), 'circumstances').result).toBe('pass');

    const consent = await call(app, 'PUT', `/api/cadres/${ids.lan}/circumstances/${r.json.id}`, {
      session: s.hr,
      body: { ...body, consentOn: '2026-11-20', consentDocumentNo: 'Đơn ngày 20/11/2026' },
    });
    expect(consent.status).toBe(200);
    const after = await explain(ids.lan);
    expect(after.verdict).toBe('eligible');
    expect(criterion(after, 'circumstances').reason).toContain('đã đồng ý đi tăng cường ngày 20/11/2026');
    const audit = await t.get().pool.query(`SELECT action FROM audit_log WHERE entity_type = 'person_circumstance' AND entity_id = $1 ORDER BY id`, [r.json.id]);
    expect(audit.rows.map((x) => x.action)).toEqual(['create', 'update']);
  });

  it('consent is refused for kinds the decree does not lift, and a child birth date only for a child', async () => {
    const illness = await call(app, 'POST', `/api/cadres/${ids.lan}/circumstances`, {
      session: s.hr,
      body: { kind: 'serious_illness', fromDate: '2026-01-01', consentOn: '2026-02-01' },
    });
    expect(illness.status).toBe(422);
    expect(JSON.stringify(illness.json)).toContain('Chỉ ghi sự đồng ý với trường hợp mang thai, nghỉ thai sản, nuôi con dưới 36 tháng tuổi');
    const birth = await call(app, 'POST', `/api/cadres/${ids.lan}/circumstances`, {
      session: s.hr,
      body: { kind: 'family_hardship', fromDate: '2026-01-01', childBirthDate: '2025-01-01' },
    });
    expect(birth.status).toBe(422);
  });
});

describe('reading them', () => {
  it('roles that see sensitive data get both sections, and the read is logged naming them', async () => {
    for (const who of ['hr', 'manager', 'homeAffairs']) {
      const r = await call(app, 'GET', `/api/cadres/${ids.mai}`, { session: s[who] });
      expect(r.status, who).toBe(200);
      expect(r.json.sensitive.proceedings, who).toEqual([
        expect.objectContaining({ kind: 'discipline_case', openedOn: '2026-11-01', closedOn: REF, outcome: 'Không kỷ luật' }),
      ]);
      expect(r.json.sensitive.circumstances, who).toEqual([]);
    }
    const lan = await call(app, 'GET', `/api/cadres/${ids.lan}`, { session: s.hr });
    expect(lan.json.sensitive.circumstances).toEqual([
      expect.objectContaining({ kind: 'child_under_36_months', childBirthDate: '2023-11-27', consentOn: '2026-11-20' }),
    ]);
    const logged = await t
      .get()
      .pool.query(
        `SELECT meta->'sections' AS sections FROM audit_log WHERE action = 'read_sensitive' AND entity_type = 'person' AND person_id = $1 AND actor_user_id = $2`,
        [ids.mai, s.manager.userId],
      );
    expect(logged.rows.length).toBe(1);
    expect(logged.rows[0].sections).toEqual(expect.arrayContaining(['proceedings', 'circumstances']));
  });

  it('the host commune reads the profile without them, and no sensitive read is logged for it', async () => {
    const r = await call(app, 'GET', `/api/cadres/${ids.mai}`, { session: s.host });
    expect(r.status).toBe(200);
    expect(r.json.sensitive).toBeNull();
    expect(r.json.hiddenSections).toEqual(expect.arrayContaining(['proceedings', 'circumstances']));
    expect(JSON.stringify(r.json)).not.toContain('15/TB-UBKT');
    const logged = await t.get().pool.query(`SELECT count(*)::int n FROM audit_log WHERE action = 'read_sensitive' AND actor_user_id = $1`, [s.host.userId]);
    expect(logged.rows[0].n).toBe(0);
  });

  it('a unit officer of another unit does not find the person at all', async () => {
    expect((await call(app, 'GET', `/api/cadres/${ids.mai}`, { session: s.otherHr })).status).toBe(404);
  });
});
