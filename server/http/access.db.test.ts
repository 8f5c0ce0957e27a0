import { addDays as shiftDays, vietnamToday } from '../../common/dates.js';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/test-database.js';
import { grantPersonToUnit, makePerson, makeSession, makeUnit, type Session } from '../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../test/support/test-app.js';
import { buildOpenApiDocument } from '../cli/openapi.js';
import { PLAN_131_PARAMS } from '../../common/plan-params.js';

/**
 * The cross-scope denial suite: for every route of the API and every role, a user never reads or changes
 * what lies outside their scope. Routes are taken from the OpenAPI document, so a new route is covered
 * (or this test fails for want of a sample body) without anyone remembering to add it.
 */
const t = useTestDatabase();
let app: TestApp;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};

// days around the Vietnam calendar date, as the server counts them (a UTC date is yesterday's after 17:00 UTC)
const today = vietnamToday();
const addDays = (n: number) => shiftDays(today, n);

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  const deptA = await makeUnit(pool, { parent: root });
  const subA = await makeUnit(pool, { parent: deptA, kind: 'sub_unit' });
  const deptB = await makeUnit(pool, { parent: root });
  const c1 = await makeUnit(pool, { parent: root, kind: 'commune' });
  const c2 = await makeUnit(pool, { parent: root, kind: 'commune' });
  ids.deptA = deptA.id;
  ids.deptB = deptB.id;
  ids.c1 = c1.id;
  ids.pA = (await makePerson(pool, { unitId: subA.id, fullName: 'Nguyễn Văn An' })).id;
  ids.pB = (await makePerson(pool, { unitId: deptB.id, fullName: 'Trần Thị Bình', gender: 'female' })).id;
  ids.pSeconded = (await makePerson(pool, { unitId: deptA.id, fullName: 'Lê Văn Cường' })).id;
  ids.pEnded = (await makePerson(pool, { unitId: deptA.id, fullName: 'Phạm Văn Dũng' })).id;
  await grantPersonToUnit(pool, c1.id, ids.pSeconded, addDays(-30), addDays(1000));
  await grantPersonToUnit(pool, c2.id, ids.pEnded, addDays(-1200), addDays(-1));
  await grantPersonToUnit(pool, c2.id, ids.pSeconded, addDays(1), addDays(1000)); // not yet started

  s.hrA = await makeSession(pool, 'unit_hr', { unitId: deptA.id });
  s.mgrA = await makeSession(pool, 'unit_manager', { unitId: deptA.id });
  s.hrB = await makeSession(pool, 'unit_hr', { unitId: deptB.id });
  s.homeAffairs = await makeSession(pool, 'home_affairs');
  s.authority = await makeSession(pool, 'authority');
  s.admin = await makeSession(pool, 'admin');
  s.hostC1 = await makeSession(pool, 'host', { unitId: c1.id });
  s.hostC2 = await makeSession(pool, 'host', { unitId: c2.id });
  s.cadreA = await makeSession(pool, 'cadre', { personId: ids.pA });
});

// the document read as data: each path's operations with the roles they declare
const doc = z
  .object({ paths: z.record(z.string(), z.record(z.string(), z.looseObject({ 'x-roles': z.array(z.string()).optional() }))) })
  .parse(buildOpenApiDocument());
const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), roles: op['x-roles'] })),
);

/** A valid body for each write route, so the scope check (not validation) is what answers. */
function sampleBody(method: string, path: string): unknown {
  if (method === 'GET') return undefined;
  if (path.endsWith('/ratings')) return { year: 2024, levelCode: 'HTT' };
  if (path.includes('/discipline')) return { formCode: 'KT', decidedOn: '2025-10-01', effectiveFrom: '2025-10-01' };
  if (path.endsWith('/close')) return { closedOn: '2026-01-10', outcome: 'Không kỷ luật' };
  if (path.includes('/proceedings')) return { kind: 'discipline_case', openedOn: '2026-01-05' };
  if (path.includes('/circumstances')) return { kind: 'serious_illness', fromDate: '2026-01-05' };
  if (path.includes('/planning')) return { title: 'Phó Giám đốc Sở', term: '2025-2030', approvedOn: '2025-06-01' };
  if (path.includes('/work-history')) return { fromDate: '2010-01-01', organisation: 'UBND xã', isGrassroots: true };
  if (path.includes('/training-history')) return { fromDate: '2015-01-01', institution: 'Học viện Hành chính', field: 'Quản lý công', kind: 'degree' };
  if (path === '/api/cadres/{id}' && method === 'PATCH') return { version: 1, positionTitle: 'Chuyên viên' };
  if (path === '/api/users') return { username: 'x' + Math.random().toString(36).slice(2, 8), displayName: 'X', password: 'matkhau123', role: 'home_affairs' };
  if (path === '/api/users/{id}') return { displayName: 'X', email: 'x@example.org' };
  if (path === '/api/auth/login') return { username: 'nobody', password: 'x' };
  if (path === '/api/setup') return { provinceCode: '92' };
  if (path.endsWith('/assessments')) return { assessedOn: '2026-01-05', politicalOk: 'yes', capacityOk: 'yes', prestigeOk: 'yes', prospectsOk: 'yes' };
  if (path === '/api/plans/versions') return { effectiveFrom: '2026-01-01', note: 'Thử', params: PLAN_131_PARAMS };
  if (path === '/api/plans/what-if') return { params: PLAN_131_PARAMS };
  if (path === '/api/plans') return { code: '7/KH-UBND', title: 'Kế hoạch thử', issuedOn: '2026-11-01', effectiveFrom: '2027-01-01', params: PLAN_131_PARAMS };
  if (path === '/api/plans/{id}') return { title: 'Kế hoạch thử' };
  if (path === '/api/feedback') return { kind: 'difficulty', subject: 'Khó khăn về chỗ ở', body: 'Chưa bố trí được nhà công vụ.' };
  if (path === '/api/feedback/{id}/replies') return { version: 1, body: 'Trả lời' };
  if (path === '/api/feedback/{id}/close') return { version: 1 };
  if (path.startsWith('/api/demand/')) return demandSampleBody(method, path);
  // the secondment path (a person id stands in for the secondment id: out of scope → 404)
  const header = { decidedOn: '2026-08-01', signerName: 'Nguyễn Văn A', signerTitle: 'Chủ tịch' };
  if (path === '/api/secondments') return { personId: '00000000-0000-4000-8000-000000000001', targetGroup: 3, remarks: 'Hoàn thành tốt nhiệm vụ' };
  if (path === '/api/secondments/decisions/send')
    return {
      ...header,
      items: [
        {
          secondmentId: '00000000-0000-4000-8000-000000000001',
          version: 1,
          hostUnitId: '00000000-0000-4000-8000-000000000002',
          startDate: '2026-08-15',
          durationMonths: 36,
        },
      ],
    };
  if (path.endsWith('/resubmit')) return { version: 1, targetGroup: 3, remarks: 'Bổ sung' };
  if (path.endsWith('/withdraw') || path.endsWith('/send-back') || path.endsWith('/reject')) return { version: 1, reason: 'Lý do' };
  if (path.endsWith('/forward')) return { version: 1 };
  if (path.endsWith('/receive')) return { version: 1, receivedOn: '2026-08-15', startDate: '2026-08-15', assignedWork: 'Hỗ trợ', hostRole: 'Chuyên viên' };
  if (path.endsWith('/extend')) return { ...header, version: 1, newEndDate: '2029-12-31', reason: 'Lý do' };
  if (path.endsWith('/end-early')) return { ...header, version: 1, endDate: '2027-01-31', reason: 'Lý do' };
  if (path.endsWith('/complete')) return { version: 1 };
  if (path.endsWith('/place'))
    return {
      ...header,
      version: 1,
      returnedOn: '2029-08-15',
      placement: { unitId: '00000000-0000-4000-8000-000000000002', positionTitle: 'Trưởng phòng', isLeader: true },
      outcomeRating: 'HTT',
      outcomeRemarks: 'Tốt',
    };
  if (path === '/api/secondments/{id}/reports') return { dueOn: '2099-01-01', note: 'Báo cáo tình hình' };
  if (path.endsWith('/submit')) return { version: 1, results: 'Kết quả' };
  if (path.endsWith('/evaluations')) return { year: 2026, evaluatedOn: '2026-01-05', proposedRating: 'HTT' };
  if (path.endsWith('/contacts')) return { contactedOn: '2026-01-05', channel: 'phone', summary: 'Trao đổi' };
  if (path.endsWith('/party-opinions'))
    return { committeeName: 'Đảng ủy Sở', givenOn: '2026-01-05', documentNo: '1-CV/ĐU', outcome: 'agree', politicalConclusion: 'meets' };
  if (path.endsWith('/term-reviews')) return { kind: 'self_review', reviewedOn: '2026-01-05', content: 'Tự nhận xét' };
  if (path.endsWith('/commendation')) return { declined: true, reason: 'Lý do' };
  if (path.endsWith('/follow-up')) return { planning: 'keep' };
  // the organisation (issue 11): Sở Nội vụ's changes, each dated
  const dated = { effectiveOn: '2025-03-01', decisionNo: '1/QĐ-UBND' };
  if (path === '/api/org-units') return { code: 'SX' + Math.random().toString(36).slice(2, 6), name: 'Sở thử', kind: 'department', ...dated };
  if (path === '/api/org-units/{id}/rename') return { name: 'Tên mới', ...dated };
  if (path === '/api/org-units/{id}/move') return { parentId: null, ...dated };
  if (path === '/api/org-units/{id}/close') return dated;
  if (path === '/api/org-units/merge') return { sourceIds: [ids.deptB], targetId: ids.deptA, ...dated };
  if (path === '/api/org-units/split') return { sourceId: ids.deptA, into: [{ targetId: ids.deptB }], ...dated };
  if (path.startsWith('/api/training/')) return trainingSampleBody(path);
  // reports of Sở Nội vụ (issue 15)
  if (path === '/api/reports') return { from: '2026-01-01', to: '2026-03-31' };
  if (path === '/api/reports/{id}') return { version: 1, narrative: { tasks: 'Nhiệm vụ' } };
  if (path === '/api/reports/{id}/issue') return { version: 1, issuedOn: '2026-04-05', signerName: 'Nguyễn Văn A', signerTitle: 'Giám đốc' };
  return undefined;
}

/** The communes' demand (issue 13): a valid body for each of its write routes. */
function demandSampleBody(method: string, path: string): unknown {
  const needBody = { field: 'y_te', count: 2, urgency: 'high', reason: 'Thiếu cán bộ y tế' };
  const bodies: Record<string, unknown> = {
    'POST /api/demand/needs': { ...needBody, unitId: ids.c1 },
    'PATCH /api/demand/needs/{id}': { ...needBody, version: 1 },
    'POST /api/demand/needs/{id}/submit': { version: 1 },
    'POST /api/demand/needs/{id}/withdraw': { version: 1, reason: 'Đã bố trí được' },
    'POST /api/demand/needs/{id}/approve': { version: 1, approvedCount: 1 },
    'POST /api/demand/needs/{id}/reject': { version: 1, reason: 'Chưa cần thiết' },
    'POST /api/demand/rounds': { name: 'Đợt 1' },
    'POST /api/demand/rounds/{id}/needs': { version: 1, add: ['00000000-0000-4000-8000-000000000001'] },
    'POST /api/demand/rounds/{id}/approve': { version: 1, decisionNo: '1/QĐ-SNV', approvedOn: '2026-01-05' },
  };
  return bodies[`${method} ${path}`];
}

/** Training (issue 6): a valid body for each of its write routes. */
function trainingSampleBody(path: string): unknown {
  const id = '00000000-0000-4000-8000-000000000001';
  // a course as created, and as edited in full
  const course = {
    title: 'Khóa thử',
    provider: 'Học viện',
    location: 'domestic',
    source: 'city_plan',
    kind: 'short_course',
    fields: ['Kinh tế'],
    startDate: '2030-01-01',
    endDate: '2030-01-10',
    hours: 40,
    capacity: 10,
    costPerParticipantVnd: 1000,
    fundingSource: 'regular',
  };
  const bodies: Record<string, unknown> = {
    '/api/training/courses': course,
    '/api/training/courses/{id}': course,
    '/api/training/courses/{id}/close': { reason: 'Thử' },
    '/api/training/needs': { unitId: ids.deptA, period: '2025', kind: 'short_course', fields: ['Kinh tế'], description: 'Thử' },
    '/api/training/enrolments': { courseId: id, personId: ids.pA },
    '/api/training/enrolments/{id}/approve': {},
    '/api/training/enrolments/{id}/refuse': { reason: 'Thử' },
    '/api/training/enrolments/{id}/enrol': { enrolledOn: '2030-01-01' },
    '/api/training/enrolments/{id}/payments': { amountVnd: 1000, paidOn: '2030-01-01' },
    '/api/training/enrolments/{id}/complete': { completedOn: '2030-01-10', result: 'Đạt', certificateNo: 'CC-1' },
    '/api/training/enrolments/{id}/end': { outcome: 'withdrawn', endedOn: '2030-01-05', reason: 'Thử' },
    '/api/training/enrolments/{id}/repayment': { leftOn: '2031-01-01', reason: 'quit' },
    '/api/training/budgets/regular': { unitId: ids.deptA, year: 2030, amountVnd: 1000 },
    '/api/training/budgets/supplementary': { unitId: ids.deptA, year: 2030 },
    '/api/training/budgets/{id}/override': { amountVnd: 1000, reason: 'Thử' },
  };
  return bodies[path];
}

function fill(path: string, personId: string) {
  return path
    .replace('{id}', path.startsWith('/api/org-units') ? ids.deptA : personId)
    .replace('{recordId}', '00000000-0000-4000-8000-000000000001')
    .replace('{reportId}', '00000000-0000-4000-8000-000000000001')
    .replace('{year}', '2024');
}

describe('every route declares who may call it', () => {
  it.each(routes)('$method $path has x-roles', ({ roles }) => {
    expect(Array.isArray(roles) && roles.length > 0).toBe(true);
  });
});

describe('unauthenticated and forged requests', () => {
  it.each(routes.filter((r) => !r.roles?.includes('public')))('$method $path answers 401 without a session', async ({ method, path }) => {
    const r = await call(app, method, fill(path, ids.pA), { body: sampleBody(method, path) });
    expect(r.status).toBe(401);
    expect(r.json.error.message).toMatch(/đăng nhập/i);
  });
  it.each(routes.filter((r) => r.method !== 'GET' && !r.roles?.includes('public')))(
    '$method $path refuses a request without the CSRF token',
    async ({ method, path }) => {
      const r = await call(app, method, fill(path, ids.pA), { body: sampleBody(method, path), headers: { cookie: s.homeAffairs.cookie } });
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('csrf');
    },
  );
});

describe('a role not named on a route gets 403', () => {
  const cases = routes.flatMap((r) =>
    ['admin', 'home_affairs', 'authority', 'unit_manager', 'unit_hr', 'host', 'cadre']
      .filter((role) => r.roles && !r.roles.includes('public') && !r.roles.includes(role))
      .map((role) => ({ ...r, role })),
  );
  const sessionOf: Record<string, string> = {
    admin: 'admin',
    home_affairs: 'homeAffairs',
    authority: 'authority',
    unit_manager: 'mgrA',
    unit_hr: 'hrA',
    host: 'hostC1',
    cadre: 'cadreA',
  };
  it.each(cases)('$role → $method $path', async ({ method, path, role }) => {
    const r = await call(app, method, fill(path, ids.pA), { session: s[sessionOf[role]], body: sampleBody(method, path) });
    expect(r.status).toBe(403);
  });
});

describe('out of scope is not found (404), for reads and writes alike', () => {
  const personRoutes = routes.filter((r) => r.path.startsWith('/api/cadres/{id}') || r.path.startsWith('/api/eligibility/people/{id}'));
  const outsiders: [string, string, string][] = [
    ['hrB', 'pA', 'unit officer of another department'],
    ['hostC1', 'pA', 'a commune for a person not seconded to it'],
    ['hostC2', 'pEnded', 'a commune after the secondment ended'],
    ['hostC2', 'pSeconded', 'a commune before the secondment starts'],
    ['cadreA', 'pB', 'a cadre for someone else'],
  ];
  const cases = personRoutes.flatMap((r) => outsiders.map(([who, person, why]) => ({ ...r, who, person, why })));
  it.each(cases)('$who ($why): $method $path', async ({ method, path, who, person, roles }) => {
    const role = { hrB: 'unit_hr', hostC1: 'host', hostC2: 'host', cadreA: 'cadre' }[who]!;
    if (!roles?.includes(role)) return; // covered by the 403 suite
    const r = await call(app, method, fill(path, ids[person]), { session: s[who], body: sampleBody(method, path) });
    expect(r.status).toBe(404);
  });

  it('a record out of scope changes nothing even when the write is refused', async () => {
    const { pool } = t.get();
    const before = await pool.query('SELECT version, position_title FROM people WHERE id = $1', [ids.pA]);
    await call(app, 'PATCH', `/api/cadres/${ids.pA}`, { session: s.hrB, body: { version: before.rows[0].version, positionTitle: 'Giám đốc' } });
    const after = await pool.query('SELECT version, position_title FROM people WHERE id = $1', [ids.pA]);
    expect(after.rows[0]).toEqual(before.rows[0]);
  });
});

describe('lists show only what is in scope', () => {
  const listed = async (who: string) => (await call(app, 'GET', '/api/cadres?pageSize=200', { session: s[who] })).json.items.map((i: { id: string }) => i.id).sort();
  it('unit officers see their subtree; Sở Nội vụ and the authority see all', async () => {
    expect(await listed('hrA')).toEqual([ids.pA, ids.pSeconded, ids.pEnded].sort());
    expect(await listed('mgrA')).toEqual([ids.pA, ids.pSeconded, ids.pEnded].sort());
    expect(await listed('hrB')).toEqual([ids.pB]);
    expect((await listed('homeAffairs')).length).toBe(4);
    expect((await listed('authority')).length).toBe(4);
  });
  it('a host commune sees only the people seconded to it, while the secondment lasts', async () => {
    expect(await listed('hostC1')).toEqual([ids.pSeconded]);
    expect(await listed('hostC2')).toEqual([]);
  });
  it('a cadre sees only themself', async () => {
    expect(await listed('cadreA')).toEqual([ids.pA]);
  });
  it('a host reads the profile without the sensitive sections, and cannot filter by ethnicity', async () => {
    const r = await call(app, 'GET', `/api/cadres/${ids.pSeconded}`, { session: s.hostC1 });
    expect(r.status).toBe(200);
    expect(r.json.sensitive).toBeNull();
    expect(r.json.hiddenSections).toContain('health');
    expect(r.json.allowedActions).toEqual([]);
    expect((await call(app, 'GET', '/api/cadres?ethnicCode=01', { session: s.hostC1 })).status).toBe(403);
  });
  it('a unit officer cannot move a cadre into a unit outside their scope', async () => {
    const p = (await call(app, 'GET', `/api/cadres/${ids.pA}`, { session: s.hrA })).json;
    const r = await call(app, 'PATCH', `/api/cadres/${ids.pA}`, { session: s.hrA, body: { version: p.version, unitId: ids.deptB } });
    expect(r.status).toBe(403);
  });
  it('the unit tree is scoped the same way', async () => {
    const tree = async (who: string) => (await call(app, 'GET', '/api/org-units', { session: s[who] })).json.items.map((u: { id: string }) => u.id);
    const b = await tree('hrB');
    expect(b).toEqual([ids.deptB]);
    expect(await tree('hostC1')).toEqual([ids.c1]);
    expect((await tree('homeAffairs')).length).toBe(6);
    expect((await call(app, 'GET', `/api/org-units/${ids.deptA}/job-posts`, { session: s.hrB })).status).toBe(404);
  });
});
