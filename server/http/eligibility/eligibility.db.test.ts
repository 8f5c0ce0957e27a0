import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeProvince, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { PLAN_131_PARAMS } from '../../../common/plan-params.js';

const t = useTestDatabase();
let app: TestApp;
let dept: UnitRef;
let hr: Session;
let manager: Session;
let homeAffairs: Session;
const ids: Record<string, string> = {};
const REF = '2026-11-26';

/** A person who meets every criterion on REF, then one fact changed per person. */
async function candidate(name: string, o: { gender?: 'male' | 'female'; birthDate?: string; planning?: boolean; health?: string | null; assessed?: boolean } = {}) {
  const { pool } = t.get();
  const p = await makePerson(pool, { unitId: dept.id, fullName: name, gender: o.gender ?? 'female', birthDate: o.birthDate ?? '1990-03-01' });
  await pool.query(`UPDATE people SET is_leader = true, health_status = $2, health_checked_on = '2026-10-01' WHERE id = $1`, [
    p.id,
    o.health === undefined ? 'good' : o.health,
  ]);
  if (o.planning !== false)
    await pool.query(`INSERT INTO planning_entries (person_id, title, term, approved_on) VALUES ($1, 'Trưởng phòng', '2025-2030', '2025-08-01')`, [p.id]);
  await pool.query(`INSERT INTO annual_ratings (person_id, year, level_code) VALUES ($1, 2024, 'HTT'), ($1, 2025, 'HTXS')`, [p.id]);
  if (o.assessed !== false) {
    await pool.query(
      `INSERT INTO unit_assessments (person_id, assessed_on, assessed_by, assessor_name, capacity_ok, prestige_ok, prospects_ok, political_ok)
      VALUES ($1, '2026-10-15', gen_random_uuid(), 'Thủ trưởng', 'yes', 'yes', 'yes', 'yes')`,
      [p.id],
    );
  }
  return p.id;
}

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(t.get().pool);
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  dept = await makeUnit(pool, { parent: root, name: 'Sở Thử nghiệm', staffing: 45, restructuredOn: '2025-03-01' });
  await pool.query(`INSERT INTO org_unit_staffing (unit_id, year, assigned_staffing) VALUES ($1, 2026, 45) ON CONFLICT DO NOTHING`, [dept.id]);
  const other = await makeUnit(pool, { parent: root, name: 'Sở Khác', staffing: 8 });
  await pool.query(`INSERT INTO org_unit_staffing (unit_id, year, assigned_staffing) VALUES ($1, 2026, 8) ON CONFLICT DO NOTHING`, [other.id]);
  await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Thử', staffing: 30 });
  ids.eligible = await candidate('Trần Thị Mai', { birthDate: '1980-06-01' });
  ids.young = await candidate('Lê Thị Ngọc', { birthDate: '1995-01-01' });
  ids.notPlanning = await candidate('Phạm Văn Hùng', { gender: 'male', planning: false });
  ids.noHealth = await candidate('Võ Thị Thu', { health: null });
  ids.notAssessed = await candidate('Đỗ Văn Quang', { gender: 'male', assessed: false });
  ids.retiring = await candidate('Ngô Văn Tài', { gender: 'male', birthDate: '1967-03-10' }); // retires 01/04/2029
  ids.seconded = await candidate('Bùi Thị Yến');
  await pool.query(`INSERT INTO secondments (person_id, sending_unit_id, status) VALUES ($1, $2, 'proposed')`, [ids.seconded, dept.id]);
  hr = await makeSession(pool, 'unit_hr', { unitId: dept.id });
  manager = await makeSession(pool, 'unit_manager', { unitId: dept.id });
  homeAffairs = await makeSession(pool, 'home_affairs');
});

describe('quotas', () => {
  it('shows each city-level unit’s target with the calculation; communes owe nothing', async () => {
    const r = await call(app, 'GET', '/api/quotas?year=2026', { session: homeAffairs });
    expect(r.status).toBe(200);
    const names = r.json.items.map((u: { unitName: string }) => u.unitName);
    expect(names).toEqual(expect.arrayContaining(['Sở Thử nghiệm', 'Sở Khác']));
    expect(names).not.toContain('Xã Thử');
    const d = r.json.items.find((u: { unitName: string }) => u.unitName === 'Sở Thử nghiệm');
    expect(d).toMatchObject({ assignedStaffing: 45, exact: '2.25', target: 2, proposed: 1, decided: 0, active: 0, gap: 1, restructuredAfterPlan: false });
    expect(d.explanation).toBe('45 × 5% = 2,25 → làm tròn 2 người');
    const small = r.json.items.find((u: { unitName: string }) => u.unitName === 'Sở Khác');
    expect(small).toMatchObject({ exact: '0.40', target: 0, restructuredAfterPlan: true });
  });
  it('a unit sees only its own row', async () => {
    const r = await call(app, 'GET', '/api/quotas?year=2026', { session: hr });
    expect(r.json.items.map((u: { unitName: string }) => u.unitName)).toEqual(['Sở Thử nghiệm']);
  });
});

describe('screening', () => {
  it('gives each person a verdict with reasons, counts by verdict and failing criterion, eligible first by priority', async () => {
    const r = await call(app, 'GET', `/api/eligibility?referenceDate=${REF}&pageSize=50`, { session: hr });
    expect(r.status).toBe(200);
    expect(r.json.planVersion.version).toBe(1);
    expect(r.json.summary.byVerdict).toEqual({ eligible: 2, not_eligible: 3, needs_info: 2 });
    expect(r.json.summary.byFailing).toMatchObject({ in_planning: 1, service_left: 1, not_seconded: 1 });
    expect(r.json.summary.byUnknown).toMatchObject({ health: 1, unit_assessment: 1 });
    const [first, second] = r.json.items;
    expect(first.fullName).toBe('Lê Thị Ngọc'); // young + female + outstanding
    expect(first.priorityParts.map((p: { factor: string }) => p.factor)).toEqual(['young', 'female', 'outstandingRating']);
    expect(second.fullName).toBe('Trần Thị Mai');
    const retiring = r.json.items.find((i: { fullName: string }) => i.fullName === 'Ngô Văn Tài');
    const sl = retiring.criteria.find((c: { criterion: string }) => c.criterion === 'service_left');
    expect(sl).toMatchObject({ result: 'fail', reason: expect.stringMatching(/cần ít nhất 36 tháng/) });
    expect(sl.clause).toMatch(/135\/2020/);
  });
  it('filters by verdict and by failing criterion', async () => {
    const needs = await call(app, 'GET', `/api/eligibility?referenceDate=${REF}&verdict=needs_info`, { session: hr });
    expect(needs.json.items.map((i: { fullName: string }) => i.fullName).sort()).toEqual(['Võ Thị Thu', 'Đỗ Văn Quang'].sort());
    const failing = await call(app, 'GET', `/api/eligibility?referenceDate=${REF}&failing=in_planning`, { session: hr });
    expect(failing.json.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Phạm Văn Hùng']);
    expect(failing.json.total).toBe(1);
  });
  it('logs the screening as a read of sensitive data', async () => {
    const n = await t.get().pool.query(`SELECT count(*)::int n FROM audit_log WHERE entity_type = 'screening' AND action = 'read_sensitive'`);
    expect(n.rows[0].n).toBeGreaterThan(0);
  });
  it('explains one person with the facts used; a cadre sees their own verdict only', async () => {
    const r = await call(app, 'GET', `/api/eligibility/people/${ids.noHealth}?referenceDate=${REF}`, { session: hr });
    expect(r.status).toBe(200);
    expect(r.json.verdict).toBe('needs_info');
    const health = r.json.criteria.find((c: { criterion: string }) => c.criterion === 'health');
    expect(health).toMatchObject({ result: 'unknown', reason: 'Chưa có kết quả khám sức khỏe', facts: { healthStatus: null } });
    const self = await makeSession(t.get().pool, 'cadre', { personId: ids.eligible });
    expect((await call(app, 'GET', `/api/eligibility/people/${ids.eligible}?referenceDate=${REF}`, { session: self })).json.verdict).toBe('eligible');
    expect((await call(app, 'GET', `/api/eligibility/people/${ids.noHealth}`, { session: self })).status).toBe(404);
    expect((await call(app, 'GET', `/api/eligibility`, { session: self })).status).toBe(403);
  });
});

describe('the sending unit’s assessment', () => {
  it('is recorded by the unit’s head with date and author and moves the verdict', async () => {
    const body = { assessedOn: '2026-11-20', politicalOk: 'yes', capacityOk: 'yes', prestigeOk: 'yes', prospectsOk: 'yes' };
    expect((await call(app, 'POST', `/api/eligibility/people/${ids.notAssessed}/assessments`, { session: homeAffairs, body })).status).toBe(403);
    const r = await call(app, 'POST', `/api/eligibility/people/${ids.notAssessed}/assessments`, { session: manager, body });
    expect(r.status).toBe(201);
    const v = await call(app, 'GET', `/api/eligibility/people/${ids.notAssessed}?referenceDate=${REF}`, { session: hr });
    expect(v.json.verdict).toBe('eligible');
    expect(v.json.criteria.find((c: { criterion: string }) => c.criterion === 'unit_assessment').reason).toMatch(/20\/11\/2026/);
  });
  it('needs a reason for a "no", and refuses a future date', async () => {
    const no = await call(app, 'POST', `/api/eligibility/people/${ids.eligible}/assessments`, {
      session: hr,
      body: { assessedOn: '2026-11-20', politicalOk: 'yes', capacityOk: 'no', prestigeOk: 'yes', prospectsOk: 'yes' },
    });
    expect(no.status).toBe(422);
    expect(no.json.error.issues[0].path).toBe('note');
    const future = await call(app, 'POST', `/api/eligibility/people/${ids.eligible}/assessments`, {
      session: hr,
      body: { assessedOn: '2099-01-01', politicalOk: 'yes', capacityOk: 'yes', prestigeOk: 'yes', prospectsOk: 'yes' },
    });
    expect(future.status).toBe(422);
  });
});

describe('plan parameters are versioned', () => {
  it('previews a draft without saving it', async () => {
    const draft = { ...PLAN_131_PARAMS, quotaRate: 0.1, minSecondmentMonths: 24, minServiceLeftMonths: 24 };
    const r = await call(app, 'POST', '/api/plans/what-if', { session: homeAffairs, body: { params: draft, referenceDate: REF, year: 2026 } });
    expect(r.status).toBe(200);
    expect(r.json.quotas.current.target).toBe(2);
    expect(r.json.quotas.draft.target).toBe(6); // 4.5 → 5 and 0.8 → 1
    expect(r.json.eligibility.peopleWhoseVerdictChanges).toBeGreaterThanOrEqual(1); // the one retiring in 2028
    const versions = await call(app, 'GET', '/api/plans/versions', { session: homeAffairs });
    expect(versions.json.items).toHaveLength(1);
  });
  it('saves a new version with its date, author and reason; verdicts name the version they used', async () => {
    const bad = await call(app, 'POST', '/api/plans/versions', {
      session: homeAffairs,
      body: { effectiveFrom: '2026-12-01', note: 'x', params: { ...PLAN_131_PARAMS, minRatingCode: 'NOPE' } },
    });
    expect(bad.status).toBe(422);
    const forbidden = await call(app, 'POST', '/api/plans/versions', { session: hr, body: { effectiveFrom: '2026-12-01', note: 'x', params: PLAN_131_PARAMS } });
    expect(forbidden.status).toBe(403);
    const r = await call(app, 'POST', '/api/plans/versions', {
      session: homeAffairs,
      body: {
        effectiveFrom: '2026-12-01',
        note: 'Điều chỉnh theo văn bản số 12/UBND',
        params: { ...PLAN_131_PARAMS, minSecondmentMonths: 24, minServiceLeftMonths: 24 },
      },
    });
    expect(r.status).toBe(201);
    expect(r.json.version).toBe(2);
    const before = await call(app, 'GET', `/api/eligibility/people/${ids.retiring}?referenceDate=2026-11-30`, { session: hr });
    const after = await call(app, 'GET', `/api/eligibility/people/${ids.retiring}?referenceDate=2026-12-01`, { session: hr });
    expect(before.json.planVersion.version).toBe(1);
    expect(before.json.criteria.find((c: { criterion: string }) => c.criterion === 'service_left').result).toBe('fail');
    expect(after.json.planVersion.version).toBe(2);
    expect(after.json.criteria.find((c: { criterion: string }) => c.criterion === 'service_left').result).toBe('pass');
    const versions = await call(app, 'GET', '/api/plans/versions', { session: hr });
    expect(versions.json.items[0]).toMatchObject({ version: 2, effectiveFrom: '2026-12-01', note: 'Điều chỉnh theo văn bản số 12/UBND' });
  });
});

describe('exports of the screening', () => {
  const download = async (path: string, session: Session) => {
    const res = await send(app, path, { headers: { cookie: session.cookie } });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
      body: Buffer.from(await res.arrayBuffer()),
    };
  };
  it('writes the screening to .xlsx with each criterion’s result and reason, read back by exceljs', async () => {
    const r = await download(`/api/eligibility/export.xlsx?referenceDate=${REF}`, hr);
    expect(r.status).toBe(200);
    expect(r.disposition).toMatch(/filename\*=UTF-8''sang-loc-can-bo-2026-11-26\.xlsx/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(r.body).buffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(3).value).toBe('Họ và tên');
    expect(ws.getRow(1).getCell(13).value).toBe('Nằm trong quy hoạch');
    expect(ws.rowCount).toBe(1 + 7);
    const rows = Array.from({ length: 7 }, (_, i) => ws.getRow(i + 2));
    const hung = rows.find((row) => row.getCell(3).value === 'Phạm Văn Hùng')!;
    expect(hung.getCell(10).value).toBe('Không đủ điều kiện');
    expect(String(hung.getCell(13).value)).toMatch(/^Không đạt: /);
    expect(hung.getCell(5).value).toBeInstanceOf(Date);
    const logged = await t.get().pool.query(`SELECT meta FROM audit_log WHERE action = 'export' AND entity_type = 'screening' ORDER BY id DESC LIMIT 1`);
    expect(logged.rows[0].meta).toMatchObject({ sensitive: true, rows: 7 });
  });
  it('writes the eligible candidates in priority order as an official annex (.docx)', async () => {
    const r = await download(`/api/eligibility/annex.docx?referenceDate=${REF}&unitId=${dept.id}`, hr);
    expect(r.status).toBe(200);
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(r.body)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('SỞ THỬ NGHIỆM');
    expect(text).toMatch(/Cần Thơ, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(text).toContain('DANH SÁCH');
    expect(text.indexOf('Lê Thị Ngọc')).toBeGreaterThan(0);
    expect(text.indexOf('Lê Thị Ngọc')).toBeLessThan(text.indexOf('Trần Thị Mai'));
    expect(text).not.toContain('Phạm Văn Hùng');
    expect(xml).toContain('w:orient="landscape"');
  });
});

describe('destinations', () => {
  it('a unit officer may list the communes and a commune’s job posts to choose a destination, not another unit’s', async () => {
    const r = await call(app, 'GET', '/api/org-units/destinations', { session: hr });
    expect(r.status).toBe(200);
    const commune = r.json.items.find((u: { name: string }) => u.name === 'Xã Thử');
    expect(commune).toBeDefined();
    expect(r.json.items.every((u: { kind: string }) => u.kind === 'commune' || u.kind === 'ward')).toBe(true);
    expect((await call(app, 'GET', `/api/org-units/${commune.id}/job-posts`, { session: hr })).status).toBe(200);
    const other = (await call(app, 'GET', '/api/quotas?year=2026', { session: homeAffairs })).json.items.find((u: { unitName: string }) => u.unitName === 'Sở Khác');
    expect((await call(app, 'GET', `/api/org-units/${other.unitId}/job-posts`, { session: hr })).status).toBe(404);
  });
});
