import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { buildXlsx, readXlsx } from '../../../test/support/xlsx-files.js';
import { download, testWorker, uploadFile } from '../../../test/support/import-helpers.js';
import type { JobWorker } from '../../jobs/worker.js';

/** The "Nhu cầu tăng cường" sheet of the import: dry run, row errors, all or nothing, an update of an open need. */
const t = useTestDatabase();
let app: TestApp;
let worker: JobWorker;
let nv: Session;
let hr: Session;
let c1: UnitRef;
let landPost: string;

async function dryRun(session: Session, buf: Buffer) {
  const up = await uploadFile(app, session, buf, 'nhu-cau.xlsx');
  expect(up.status, JSON.stringify(up.json)).toBe(202);
  await worker.drain();
  return (await call(app, 'GET', `/api/imports/${up.json.id}`, { session })).json;
}
async function commit(session: Session, id: string) {
  const r = await call(app, 'POST', `/api/imports/${id}/commit`, { session });
  await worker.drain();
  return { status: r.status, json: (await call(app, 'GET', `/api/imports/${id}`, { session })).json };
}
const issuesOf = async (session: Session, id: string) =>
  (await call(app, 'GET', `/api/imports/${id}/issues?pageSize=100`, { session })).json.items as { sheet: string; rowNo: number; column: string; reason: string }[];
const needs = async () =>
  (
    await t.get().pool.query(
      `SELECT u.code, n.job_post_id, n.field, n.count, n.urgency, n.wanted_from::text, n.wanted_until::text, n.reason, n.status, n.version, n.min_education
       FROM commune_needs n JOIN org_units u ON u.id = n.unit_id ORDER BY u.code, n.field`,
    )
  ).rows;

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  worker = testWorker(t.get());
  const root = await makeUnit(pool, { kind: 'peoples_committee', code: 'UBND' });
  await makeUnit(pool, { parent: root, code: 'STC', name: 'Sở Tài chính' });
  c1 = await makeUnit(pool, { parent: root, kind: 'commune', code: '31120', name: 'Xã Mỹ Khánh' });
  await makeUnit(pool, { parent: root, kind: 'ward', code: '31117', name: 'Phường Cái Khế' });
  const r = await pool.query(
    `INSERT INTO job_posts (unit_id, title, norm, field, min_education, standards) VALUES ($1, 'Công chức Địa chính - Xây dựng', 3, 'dat_dai_tnmt', 'dai_hoc', 'Đại học quản lý đất đai') RETURNING id`,
    [c1.id],
  );
  landPost = r.rows[0].id;
  nv = await makeSession(pool, 'home_affairs');
  hr = await makeSession(pool, 'unit_hr', { unitId: root.id });
});

type Row = Record<string, string | number>;
const good: Row[] = [
  {
    code: '31120',
    postOrField: 'Công chức địa chính - xây dựng',
    count: 2,
    urgency: 'Cấp bách',
    wantedFrom: '01/01/2027',
    wantedUntil: '31/12/2029',
    reason: 'Thiếu công chức địa chính',
  },
  { code: '31117', postOrField: 'Công nghệ thông tin - chuyển đổi số', count: 1, reason: 'Chưa có cán bộ chuyển đổi số' },
];

describe('the needs sheet', () => {
  it('is in Sở Nội vụ’s template, with its headers', async () => {
    const r = await download(app, nv, '/api/imports/template.xlsx');
    const sheet = (await readXlsx(r.body)).get('Nhu cầu tăng cường');
    expect(sheet?.rows[0]).toEqual(['Mã xã, phường', 'Vị trí việc làm hoặc lĩnh vực', 'Số người', 'Mức độ', 'Cần từ ngày', 'Đến ngày', 'Lý do']);
    const forHr = await download(app, hr, '/api/imports/template.xlsx');
    expect((await readXlsx(forHr.body)).has('Nhu cầu tăng cường')).toBe(false);
  });

  it('an error row stops the whole file: nothing is written, each problem on its row and column', async () => {
    const bad: Row[] = [
      ...good,
      { code: 'STC', postOrField: 'Y tế', count: 1, reason: 'x' }, // not a commune
      { code: '31120', postOrField: 'Chủ tịch UBND', count: 1, reason: 'x' }, // no such post, not a field
      { code: '31117', postOrField: 'Y tế', count: 0, reason: 'x' }, // count 0
      { code: '31117', postOrField: 'Giáo dục', count: 10000, reason: 'x' },
      { code: '31117', postOrField: 'Tư pháp - hộ tịch', count: 1, wantedFrom: '01/06/2027', wantedUntil: '01/05/2027', reason: 'x' },
      { code: '99999', postOrField: 'Y tế', count: 1, reason: 'x' },
    ];
    // with a valid post for the ward in the same file: it is not written either
    const jobPosts = [{ code: '31117', title: 'Công chức Tư pháp - Hộ tịch', isLeadership: 'Không' }];
    const run = await dryRun(nv, await buildXlsx({ sheets: { needs: bad, jobPosts } }));
    expect(run.state).toBe('invalid');
    const issues = (await issuesOf(nv, run.id)).map((i) => [i.rowNo, i.column, i.reason]);
    expect(issues).toEqual(
      expect.arrayContaining([
        [4, 'Mã xã, phường', expect.stringMatching(/không phải xã, phường/)],
        [5, 'Vị trí việc làm hoặc lĩnh vực', expect.stringMatching(/Không có vị trí việc làm "Chủ tịch UBND" của Xã Mỹ Khánh/)],
        [6, 'Số người', expect.any(String)],
        [7, 'Số người', expect.any(String)],
        [8, 'Đến ngày', 'Thời gian cần đến phải sau thời gian cần từ'],
        [9, 'Mã xã, phường', 'Mã xã, phường không có trong danh mục'],
      ]),
    );
    const c = await commit(nv, run.id);
    expect(c.status).toBe(409);
    expect(await needs()).toEqual([]);
    expect((await t.get().pool.query(`SELECT count(*)::int AS n FROM job_posts`)).rows[0].n).toBe(1);
  });

  it('dry run then commit: the post is matched by title (standards from it), the field by label; submitted and audited', async () => {
    const run = await dryRun(nv, await buildXlsx({ sheets: { needs: good } }));
    expect(run.issueCount ?? 0).toBe(0);
    expect(run.summary.sheets.needs).toMatchObject({ rows: 2, valid: 2, create: 2, update: 0 });
    expect(await needs()).toEqual([]); // the dry run writes nothing
    const c = await commit(nv, run.id);
    expect(c.json.state).toBe('committed');
    expect(await needs()).toEqual([
      expect.objectContaining({ code: '31117', job_post_id: null, field: 'cntt_chuyen_doi_so', count: 1, urgency: 'normal', status: 'submitted' }),
      expect.objectContaining({
        code: '31120',
        job_post_id: landPost,
        field: 'dat_dai_tnmt',
        count: 2,
        urgency: 'high',
        wanted_from: '2027-01-01',
        wanted_until: '2029-12-31',
        status: 'submitted',
        min_education: 'dai_hoc',
      }),
    ]);
    const audit = await t.get().pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'commune_need' AND action = 'create'`);
    expect(audit.rows[0].n).toBe(2);
  });

  it('the same file again changes nothing; a new count updates the open need', async () => {
    const same = await dryRun(nv, await buildXlsx({ sheets: { needs: good } }));
    expect(same.summary.sheets.needs).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    const run = await dryRun(nv, await buildXlsx({ sheets: { needs: [{ ...good[0], count: 3 }] } }));
    expect(run.summary.sheets.needs).toMatchObject({ create: 0, update: 1, fields: { count: 1 } });
    await commit(nv, run.id);
    const land = (await needs()).find((n) => n.code === '31120');
    expect(land).toMatchObject({ count: 3, version: 2 });
  });

  it('a unit officer’s file with the sheet is refused row by row', async () => {
    const run = await dryRun(hr, await buildXlsx({ sheets: { needs: [good[1]] } }));
    expect((await issuesOf(hr, run.id))[0]).toMatchObject({ column: 'Mã xã, phường', reason: 'Chỉ Sở Nội vụ được nhập nhu cầu tăng cường của xã, phường' });
  });
});
