import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session } from '../../../test/support/factories.js';
import { call, testApp, testLogger, type TestApp } from '../../../test/support/test-app.js';
import { testWorker, uploadFile } from '../../../test/support/import-helpers.js';
import { buildXlsx, cadreRow } from '../../../test/support/xlsx-files.js';
import type { JobWorker } from '../../jobs/worker.js';
import { fold, leaksIn } from '../../../test/support/log-watch.js';

// Issue 14: the logs never hold personal data, not even inside a failing SQL statement's parameters or
// PostgreSQL's "Key (…)=(…)" / "Failing row contains (…)" details. Every line the app and the import worker
// write while they handle requests is captured and searched for the person's values.

const t = useTestDatabase();
const lines: string[] = [];
const capture = { write: (line: string) => void lines.push(line) };
let app: TestApp;
let worker: JobWorker;
let hr: Session;
let huong: { id: string; code: string };
let decoy: { id: string };

const HUONG = {
  fullName: 'Khổng Thị Diễm Hương',
  idNumber: '092188004517',
  phone: '0913572468',
  newPhone: '0986421357',
  email: 'khong.diemhuong@quan-ninh-kieu.vn',
  birthDate: '1988-11-23',
  homeTownText: 'Số 17 hẻm 42 đường Trần Hưng Đạo, phường Ninh Kiều',
};
const DECOY = { fullName: 'Lưu Quế Thanh Tuyền', idNumber: '092195007382', birthDate: '1995-04-09' };
const IMPORTED = { fullName: 'Giáp Văn Khởi Nguyên', idNumber: '092190006629', phone: '0977135792', email: 'Giap.KhoiNguyen@Ninh-Kieu.vn' };

/** Every personal value, and the other spellings it might be logged in. */
function watched(): string[] {
  const dmy = (iso: string) => iso.split('-').reverse().join('/');
  const values = [
    ...Object.values(HUONG),
    ...Object.values(DECOY),
    ...Object.values(IMPORTED),
    dmy(HUONG.birthDate),
    dmy(DECOY.birthDate),
    'Khong.DiemHuong@Quan-Ninh-Kieu.vn',
    'Hẻm 42 Trần Hưng Đạo',
  ];
  // the last two or more words of each name, as search terms carry it ("diem huong")
  for (const name of [HUONG.fullName, DECOY.fullName, IMPORTED.fullName]) {
    const words = name.split(' ');
    for (let i = 1; i <= words.length - 2; i++) values.push(words.slice(i).join(' '));
  }
  return values;
}

/** The watched values found in the lines (log-watch.ts, the suite-wide check, does the search). */
const leaks = (logLines: string[]) => leaksIn(logLines, watched());

const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, any>);

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get(), {}, { log: capture });
  worker = testWorker(t.get(), testLogger(capture));
  // Two rules the application does not check itself, so the statements that break them reach PostgreSQL with the
  // values among their parameters, and come back with the values in the error's detail: a citizen ID held once
  // ("Key (id_number)=(…) already exists") and e-mails stored in lower case ("Failing row contains (…)", the
  // whole row: name, birth date, phone).
  await pool.query('CREATE UNIQUE INDEX people_id_number_test_uq ON people (id_number)');
  await pool.query('ALTER TABLE people ADD CONSTRAINT people_email_lower_test_check CHECK (email = lower(email))');
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  const dept = await makeUnit(pool, { parent: root, code: 'STN', name: 'Sở Thử nghiệm' });
  huong = await makePerson(pool, {
    unitId: dept.id,
    gender: 'female',
    fullName: HUONG.fullName,
    idNumber: HUONG.idNumber,
    phone: HUONG.phone,
    email: HUONG.email,
    birthDate: HUONG.birthDate,
    homeTownText: HUONG.homeTownText,
  });
  decoy = await makePerson(pool, { unitId: dept.id, gender: 'female', fullName: DECOY.fullName, idNumber: DECOY.idNumber, birthDate: DECOY.birthDate });
  hr = await makeSession(pool, 'unit_hr', { unitId: dept.id });
});

async function version(id: string): Promise<number> {
  const r = await call(app, 'GET', `/api/cadres/${id}`, { session: hr });
  expect(r.status).toBe(200);
  return r.json.version as number;
}

describe('no personal data in the logs', () => {
  it('reads the profile and finds the person by name, with and without accents', async () => {
    const profile = await call(app, 'GET', `/api/cadres/${huong.id}`, { session: hr });
    expect(profile.status).toBe(200);
    expect(profile.json.identity).toMatchObject({ fullName: HUONG.fullName, idNumber: HUONG.idNumber, phone: HUONG.phone, email: HUONG.email });
    for (const q of [HUONG.fullName, fold(HUONG.fullName), 'diem huong']) {
      const found = await call(app, 'GET', `/api/cadres?q=${encodeURIComponent(q)}`, { session: hr });
      expect(found.status).toBe(200);
      expect(found.json.items.map((i: { id: string }) => i.id)).toContain(huong.id);
    }
  });

  it('edits the phone, and refuses a stale version (409), a bad phone (422) and an unknown cadre (404)', async () => {
    const v = await version(huong.id);
    const ok = await call(app, 'PATCH', `/api/cadres/${huong.id}`, { session: hr, body: { version: v, phone: HUONG.newPhone } });
    expect(ok.status).toBe(200);
    expect(ok.json.changed).toEqual(['phone']);
    const stale = await call(app, 'PATCH', `/api/cadres/${huong.id}`, { session: hr, body: { version: v, phone: HUONG.phone } });
    expect(stale.status).toBe(409);
    const bad = await call(app, 'PATCH', `/api/cadres/${huong.id}`, {
      session: hr,
      body: { version: v + 1, phone: `${HUONG.phone}x`, email: `${HUONG.email} ${HUONG.fullName}` },
    });
    expect(bad.status).toBe(422);
    const missing = await call(app, 'GET', '/api/cadres/00000000-0000-4000-8000-000000000000', { session: hr });
    expect(missing.status).toBe(404);
  });

  it('answers 500 when the database refuses an edit, and logs the failure without the values in its statement', async () => {
    // the citizen ID is already another person's: a unique violation, the ID in both the parameters and the detail
    const dup = await call(app, 'PATCH', `/api/cadres/${decoy.id}`, {
      session: hr,
      body: { version: await version(decoy.id), idNumber: HUONG.idNumber, homeTownText: HUONG.homeTownText, phone: HUONG.phone },
    });
    expect(dup.status).toBe(500);
    expect(dup.json.error.code).toBe('internal');
    // an e-mail with capitals breaks the check: PostgreSQL's detail repeats the whole row
    const upper = await call(app, 'PATCH', `/api/cadres/${huong.id}`, {
      session: hr,
      body: { version: await version(huong.id), email: 'Khong.DiemHuong@Quan-Ninh-Kieu.vn' },
    });
    expect(upper.status).toBe(500);
    const failures = parsed().filter((l) => l.msg === 'unhandled error');
    expect(failures.map((l) => l.err?.code)).toEqual(['23505', '23514']);
    expect(failures.map((l) => l.err?.constraint)).toEqual(['people_id_number_test_uq', 'people_email_lower_test_check']);
    expect(failures.map((l) => l.requestId)).toEqual([dup.json.error.requestId, upper.json.error.requestId]);
  });

  it('imports a file with a bad row, then one the database refuses, and the worker logs that failure', async () => {
    const badRow = await buildXlsx({
      sheets: { cadres: [cadreRow('LG0001', 'STN', { fullName: IMPORTED.fullName, idNumber: `${IMPORTED.idNumber}9`, phone: IMPORTED.phone })] },
    });
    const up = await uploadFile(app, hr, badRow);
    expect(up.status, JSON.stringify(up.json)).toBe(202);
    await worker.drain();
    const checked = await call(app, 'GET', `/api/imports/${up.json.id}`, { session: hr });
    expect(checked.json.state).toBe('invalid');
    expect(checked.json.errorCount).toBe(1);

    const refused = await buildXlsx({
      sheets: { cadres: [cadreRow('LG0002', 'STN', { fullName: IMPORTED.fullName, idNumber: IMPORTED.idNumber, email: IMPORTED.email })] },
    });
    const up2 = await uploadFile(app, hr, refused);
    expect(up2.status, JSON.stringify(up2.json)).toBe(202);
    await worker.drain();
    // the dry run checks the rows without writing them to people; the commit writes them and breaks the check
    expect((await call(app, 'GET', `/api/imports/${up2.json.id}`, { session: hr })).json.state).toBe('validated');
    expect((await call(app, 'POST', `/api/imports/${up2.json.id}/commit`, { session: hr })).status).toBe(202);
    await worker.drain();
    const committed = await call(app, 'GET', `/api/imports/${up2.json.id}`, { session: hr });
    expect(committed.json.job.status).toBe('failed');
    expect(committed.json.state).toBe('failed');
    const jobFailure = parsed().find((l) => l.msg === 'job failed');
    expect(jobFailure?.err?.code).toBe('23514');
  });

  it('no captured line holds any of the values, with or without accents', () => {
    // the capture worked: a line per request, the failures with their SQLSTATE
    const logged = parsed();
    expect(logged.filter((l) => l.msg === 'request').length).toBeGreaterThanOrEqual(15);
    expect(logged.filter((l) => l.msg === 'request').map((l) => l.status)).toEqual(expect.arrayContaining([200, 404, 409, 422, 500]));
    expect(logged.filter((l) => l.level >= 50).length).toBeGreaterThanOrEqual(3);
    // the search itself finds a value escaped, decomposed, without accents or inside drizzle's "params:"
    expect(leaks([JSON.stringify({ msg: 'x' }).replace('x', 'Kh\\u1ed5ng Th\\u1ecb Di\\u1ec5m H\\u01b0\\u01a1ng')])).not.toEqual([]);
    expect(leaks([JSON.stringify({ msg: HUONG.fullName.normalize('NFD') })])).not.toEqual([]);
    expect(leaks([JSON.stringify({ msg: 'KHONG THI DIEM HUONG' })])).not.toEqual([]);
    expect(leaks([JSON.stringify({ err: { message: `Failed query: UPDATE people SET id_number = $1\nparams: ${HUONG.idNumber}` } })])).toHaveLength(1);
    expect(leaks([JSON.stringify({ url: `/api/cadres?q=${encodeURIComponent(HUONG.fullName)}` })])).not.toEqual([]);
    expect(leaks([JSON.stringify({ url: '/api/cadres?q=diem+huong' })])).not.toEqual([]);
    expect(leaks(lines)).toEqual([]);
  });
});
