import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { buildXlsx, cadreRow, readXlsx } from '../../../test/support/xlsx-files.js';
import { download, testWorker, uploadFile } from '../../../test/support/import-helpers.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import type { JobWorker } from '../../jobs/worker.js';

/** The organisation sheets of the import: the tree from an .xlsx, dry run first, all or nothing, events kept. */
const t = useTestDatabase();
let app: TestApp;
let worker: JobWorker;
let nv: Session;
let hr: Session;
let root: UnitRef;

async function dryRun(session: Session, buf: Buffer, fileName = 'to-chuc.xlsx') {
  const up = await uploadFile(app, session, buf, fileName);
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
const issuesOf = async (session: Session, id: string) =>
  (await call(app, 'GET', `/api/imports/${id}/issues?pageSize=100`, { session })).json.items as { sheet: string; rowNo: number; column: string; reason: string }[];
const units = async () =>
  (
    await t
      .get()
      .pool.query<{ code: string; name: string; parent: string | null; path: string[]; depth: number; id: string }>(
        `SELECT u.id, u.code, u.name, p.code AS parent, u.path, u.depth FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id ORDER BY u.code`,
      )
  ).rows;
const unit = async (code: string) => (await units()).find((u) => u.code === code)!;
const count = async (q: string) => Number((await t.get().pool.query(q)).rows[0].n);

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  worker = testWorker(t.get());
  root = await makeUnit(pool, { kind: 'peoples_committee', code: 'UBND', name: 'Ủy ban nhân dân thành phố' });
  await makeUnit(pool, { parent: root, kind: 'ward', code: '31117', name: 'Phường Cái Khế' });
  nv = await makeSession(pool, 'home_affairs');
  hr = await makeSession(pool, 'unit_hr', { unitId: root.id });
});

// sub-units before their department: the order of the rows does not matter
const tree: Record<string, string | number>[] = [
  { code: 'STC-NS', name: 'Phòng Ngân sách', kind: 'Phòng, ban thuộc', parentCode: 'STC', year: 2026, assignedStaffing: 12 },
  {
    code: 'STC',
    name: 'Sở Tài chính',
    shortName: 'STC',
    kind: 'Sở, ban ngành',
    restructuredOn: '01/03/2025',
    year: 2026,
    assignedStaffing: 120,
    decisionNo: '12/QĐ-UBND',
  },
  { code: 'STC-NS-1', name: 'Tổ dự toán', kind: 'Phòng/ban thuộc', parentCode: 'STC-NS' },
  { code: 'SYT', name: 'Sở Y tế', kind: 'Sở/ban ngành' },
  { code: 'TTYT', name: 'Trung tâm Y tế', kind: 'Đơn vị sự nghiệp', parentCode: 'SYT' },
  { code: '31117', name: 'Phường Cái Khế', kind: 'Phường', isEspeciallyDisadvantaged: 'Có' },
];
const posts: Record<string, string>[] = [
  {
    code: 'STC-NS',
    title: 'Chuyên viên quản lý ngân sách',
    isLeadership: 'Không',
    minEducation: 'Đại học',
    requiredRankGrade: 'A1',
    standards: 'Tốt nghiệp đại học',
  },
  { code: 'STC', title: 'Giám đốc Sở', isLeadership: 'Có', isKeyPost: 'Có', requiredPoliticalTheory: 'Cao cấp' },
];

describe('the organisation sheets of the import', () => {
  it('a dry run changes nothing; the commit creates the tree with paths, staffing, job posts and dated events', async () => {
    const buf = await buildXlsx({ sheets: { orgUnits: tree, jobPosts: posts } });
    const before = await count(`SELECT count(*) AS n FROM org_units`);
    const v = await dryRun(nv, buf);
    expect(v.state, JSON.stringify(v.issueStats)).toBe('validated');
    expect(v.summary.sheets.orgUnits).toMatchObject({ rows: 6, create: 5, update: 1, unchanged: 0 });
    expect(v.summary.sheets.jobPosts).toMatchObject({ rows: 2, create: 2 });
    expect(await count(`SELECT count(*) AS n FROM org_units`)).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM org_unit_events`)).toBe(0);

    const done = await commit(nv, v.id);
    expect(done.state, JSON.stringify(done)).toBe('committed');
    const [stc, ns, ns1, ttyt] = [await unit('STC'), await unit('STC-NS'), await unit('STC-NS-1'), await unit('TTYT')];
    expect(stc).toMatchObject({ parent: 'UBND', depth: 1, path: [root.id, stc.id] });
    expect(ns1).toMatchObject({ parent: 'STC-NS', depth: 3, path: [root.id, stc.id, ns.id, ns1.id] });
    expect(ttyt.parent).toBe('SYT');
    const { pool } = t.get();
    const facts =
      await pool.query(`SELECT u.code, u.kind, u.restructured_on::text AS r, u.is_especially_disadvantaged AS dbkk, s.assigned_staffing AS staffing, s.decision_no AS dn
      FROM org_units u LEFT JOIN org_unit_staffing s ON s.unit_id = u.id AND s.year = 2026 WHERE u.code IN ('STC', 'STC-NS', '31117', 'TTYT') ORDER BY u.code`);
    expect(facts.rows).toEqual([
      { code: '31117', kind: 'ward', r: null, dbkk: true, staffing: null, dn: null },
      { code: 'STC', kind: 'department', r: '2025-03-01', dbkk: false, staffing: 120, dn: '12/QĐ-UBND' },
      { code: 'STC-NS', kind: 'sub_unit', r: null, dbkk: false, staffing: 12, dn: null },
      { code: 'TTYT', kind: 'public_service_unit', r: null, dbkk: false, staffing: null, dn: null },
    ]);
    const ev = await pool.query(`SELECT e.kind, count(*)::int AS n FROM org_unit_events e GROUP BY 1 ORDER BY 1`);
    expect(ev.rows).toEqual([
      { kind: 'formed', n: 5 },
      { kind: 'merged', n: 1 },
    ]);
    const jp = await pool.query(`SELECT u.code, j.title, j.is_leadership, j.is_key_post, j.min_education, j.required_rank_grade, j.required_political_theory
      FROM job_posts j JOIN org_units u ON u.id = j.unit_id ORDER BY u.code`);
    expect(jp.rows).toEqual([
      {
        code: 'STC',
        title: 'Giám đốc Sở',
        is_leadership: true,
        is_key_post: true,
        min_education: null,
        required_rank_grade: null,
        required_political_theory: 'cao_cap',
      },
      {
        code: 'STC-NS',
        title: 'Chuyên viên quản lý ngân sách',
        is_leadership: false,
        is_key_post: false,
        min_education: 'dai_hoc',
        required_rank_grade: 'A1',
        required_political_theory: null,
      },
    ]);
    expect((await verifyAuditChain(t.get().pool)).ok).toBe(true);
  });

  it('re-importing updates instead of duplicating; a move rewrites every descendant’s path', async () => {
    const { pool } = t.get();
    const nUnits = await count(`SELECT count(*) AS n FROM org_units`);
    // the same file again: nothing to change
    const same = await dryRun(nv, await buildXlsx({ sheets: { orgUnits: tree, jobPosts: posts } }));
    expect(same.summary.sheets.orgUnits).toMatchObject({ create: 0, update: 0, unchanged: 6 });
    expect(same.summary.sheets.jobPosts).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    // the budget office moves to Sở Y tế (with its team), is renamed, gets new staffing; a post changes
    const moved = [{ code: 'STC-NS', name: 'Phòng Kế hoạch - Tài chính', kind: 'Phòng, ban thuộc', parentCode: 'SYT', year: 2026, assignedStaffing: 10 }];
    const v = await dryRun(nv, await buildXlsx({ sheets: { orgUnits: moved, jobPosts: [{ ...posts[0], standards: 'Thạc sĩ' }] } }));
    expect(v.state, JSON.stringify(v.issueStats)).toBe('validated');
    expect(v.summary.sheets.orgUnits).toMatchObject({ create: 0, update: 1 });
    expect((await call(app, 'GET', `/api/imports/${v.id}/changes`, { session: nv })).json.items[0]).toMatchObject({
      key: 'STC-NS',
      action: 'update',
      fields: {
        changed: ['name', 'parentCode', 'assignedStaffing'],
        before: { parentCode: 'STC', assignedStaffing: 12 },
        after: { parentCode: 'SYT', assignedStaffing: 10 },
      },
    });
    expect((await commit(nv, v.id)).state).toBe('committed');
    expect(await count(`SELECT count(*) AS n FROM org_units`)).toBe(nUnits);
    expect(await count(`SELECT count(*) AS n FROM job_posts`)).toBe(2);
    const [syt, ns, ns1] = [await unit('SYT'), await unit('STC-NS'), await unit('STC-NS-1')];
    expect(ns).toMatchObject({ parent: 'SYT', name: 'Phòng Kế hoạch - Tài chính', path: [root.id, syt.id, ns.id], depth: 2 });
    expect(ns1).toMatchObject({ path: [root.id, syt.id, ns.id, ns1.id], depth: 3 });
    const ev = await pool.query(
      `SELECT kind, before->>'parentCode' AS was, after->>'parentCode' AS now FROM org_unit_events WHERE unit_id = $1 ORDER BY created_at`,
      [ns.id],
    );
    expect(ev.rows.map((e: { kind: string }) => e.kind)).toEqual(['formed', 'renamed', 'moved']);
    expect(ev.rows[2]).toMatchObject({ was: 'STC', now: 'SYT' });
    expect((await pool.query(`SELECT standards FROM job_posts WHERE title = 'Chuyên viên quản lý ngân sách'`)).rows[0].standards).toBe('Thạc sĩ');
  });

  it('one bad row rejects the whole file, each problem named by its row in Vietnamese; cycles and unknown parents too', async () => {
    const { pool } = t.get();
    const snapshot = async () =>
      (await pool.query(`SELECT md5(string_agg(u::text, ',' ORDER BY code)) AS h, (SELECT count(*) FROM org_unit_events) AS e FROM org_units u`)).rows[0];
    const was = await snapshot();
    const bad: Record<string, string>[] = [
      { code: 'SNEW', name: 'Sở Mới', kind: 'Sở, ban ngành' },
      { code: 'CYA', name: 'Vòng A', kind: 'Phòng, ban thuộc', parentCode: 'CYB' },
      { code: 'CYB', name: 'Vòng B', kind: 'Phòng, ban thuộc', parentCode: 'CYA' },
      { code: 'ORPH', name: 'Mồ côi', kind: 'Phòng, ban thuộc', parentCode: 'KHONGCO' },
      { code: 'SYT', name: 'Sở Y tế', kind: 'Phòng, ban thuộc', parentCode: 'STC-NS-1' },
      { code: 'X99', name: 'Xã mới', kind: 'Xã' },
      { code: 'SBAD', name: 'Sở Lạ', kind: 'Ban bí mật' },
    ];
    const v = await dryRun(nv, await buildXlsx({ sheets: { orgUnits: bad, jobPosts: [{ code: 'NOWHERE', title: 'Chuyên viên' }] } }));
    expect(v.state).toBe('invalid');
    const issues = await issuesOf(nv, v.id);
    const at = (rowNo: number, sheet = 'Tổ chức bộ máy') => issues.filter((i) => i.rowNo === rowNo && i.sheet === sheet).map((i) => `${i.column}: ${i.reason}`);
    expect(at(3)[0]).toMatch(/^Mã đơn vị cấp trên: Vòng lặp cấp trên: CYA → CYB → CYA/);
    expect(at(4)[0]).toMatch(/^Mã đơn vị cấp trên: Vòng lặp cấp trên/);
    expect(at(5)).toEqual(['Mã đơn vị cấp trên: Không có đơn vị mã "KHONGCO" trong hệ thống hoặc trong tệp']);
    // Sở Y tế under its own sub-unit's team: a cycle through the tree as it is
    expect(at(6)[0]).toMatch(/Vòng lặp cấp trên/);
    expect(at(7)[0]).toContain('Xã, phường được tạo khi thiết lập tỉnh');
    expect(at(8)[0]).toMatch(/^Loại: Chỉ nhận một trong các giá trị/);
    expect(at(2, 'Vị trí việc làm')[0]).toContain('Không có đơn vị mã này');
    expect(at(2)).toEqual([]); // the good row has no problem, but is not written either
    const commitRefused = await call(app, 'POST', `/api/imports/${v.id}/commit`, { session: nv });
    expect(commitRefused.status).toBe(409);
    expect(await snapshot()).toEqual(was);
    expect(await unit('SNEW')).toBeUndefined();
  });

  it('a unit personnel officer may not import the organisation; the template has its sheets for Sở Nội vụ only', async () => {
    const v = await dryRun(hr, await buildXlsx({ sheets: { orgUnits: [{ code: 'SHR', name: 'Sở HR', kind: 'Sở, ban ngành' }] } }));
    expect(v.state).toBe('invalid');
    expect((await issuesOf(hr, v.id))[0].reason).toBe('Chỉ Sở Nội vụ được cập nhật tổ chức bộ máy và vị trí việc làm');
    const forNv = await readXlsx((await download(app, nv, '/api/imports/template.xlsx')).body);
    expect(forNv.get('Tổ chức bộ máy')?.rows[0]).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Tên viết tắt',
      'Loại',
      'Mã đơn vị cấp trên',
      'Ngày sắp xếp',
      'Xã ĐBKK',
      'Năm biên chế',
      'Biên chế được giao',
      'Số quyết định giao biên chế',
    ]);
    expect(forNv.has('Vị trí việc làm')).toBe(true);
    const forHr = await readXlsx((await download(app, hr, '/api/imports/template.xlsx')).body);
    expect(forHr.has('Tổ chức bộ máy')).toBe(false);
    expect(forHr.has('Cán bộ')).toBe(true);
  });

  it('a closed unit takes no new staff from the cadre sheet', async () => {
    await t.get().pool.query(`UPDATE org_units SET closed_on = '2026-01-01' WHERE code = 'TTYT'`);
    const v = await dryRun(nv, await buildXlsx({ sheets: { cadres: [cadreRow('C0001', 'TTYT')] } }));
    expect(v.state).toBe('invalid');
    expect((await issuesOf(nv, v.id)).map((i) => `${i.rowNo} ${i.column}: ${i.reason}`)).toEqual([
      '2 Mã đơn vị: Đơn vị đã giải thể hoặc hợp nhất: vui lòng ghi mã đơn vị hiện nay',
    ]);
  });
});
