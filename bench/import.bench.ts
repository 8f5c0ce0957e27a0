/**
 * bench/import: a 100,000-row cadre .xlsx through the product path (HTTP upload → background dry run →
 * commit, on a server process of its own), next to a COPY of the same rows from CSV into the same table on a
 * fresh database, in the same run. Aim (issue 3): ≥ 25 % of COPY's throughput, server peak RSS < 512 MB.
 *
 *   npm run bench:import [-- --rows 100000]
 */
import ExcelJS from 'exceljs';
import pg from 'pg';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { seedDemo } from '../server/db/seed/demo.js';
import { hashToken } from '../server/domain/access/login.js';
import { verifyAuditChain } from '../server/domain/audit/verify-audit-chain.js';
import { projectRoot } from '../server/config.js';
import { CADRE_SHEET, META_SHEET, TEMPLATE_VERSION } from '../common/import-columns.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(values.rows);
const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function freshDatabase(name: string) {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await c.end();
  const u = new URL(admin);
  u.pathname = '/' + name;
  const database = openDatabase(u.toString(), 4);
  await runMigrations(database);
  await seedDemo(database.pool, { people: 200, seed: 131 }); // reference data, the org tree, legacy communes
  return { url: u.toString(), database };
}

// ---- the rows: deterministic, in the template's form (xlsx) and in storage form (CSV for COPY) ----
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Thạch', 'Lâm', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Hoàng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hà', 'Hương', 'Khánh', 'Lan', 'Sa Rươne', 'Tâm', 'Vy'];
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const vi = (s: string) => s.split('-').reverse().join('/');

function person(i: number, units: { id: string; code: string }[]) {
  const female = i % 2 === 1;
  const full = `${FAMILY[i % 10]} ${female ? 'Thị' : MIDDLE[i % 6]} ${GIVEN[(i * 7) % 12]}`;
  const unit = units[i % units.length];
  const birth = iso(1966 + (i % 36), 1 + (i % 12), 1 + (i % 28));
  const khmer = i % 9 === 0;
  return {
    code: `BI${String(i).padStart(6, '0')}`,
    fullName: full,
    givenName: full.split(' ').pop()!,
    female,
    birth,
    unit,
    category: i % 3 === 0 ? 'vien_chuc' : 'cong_chuc',
    position: i % 10 === 0 ? 'Phó Trưởng phòng' : 'Chuyên viên',
    leader: i % 10 === 0,
    step: 1 + (i % 9),
    coef: (2.34 + 0.33 * (i % 9)).toFixed(2),
    recruited: iso(2000 + (i % 24), 9, 1),
    idNumber: `0920${String(80000000 + i)}`,
    phone: `09${String(10000000 + i).padStart(8, '0')}`,
    education: i % 5 === 0 ? 'thac_si' : 'dai_hoc',
    major: 'Quản lý nhà nước',
    theory: i % 4 === 0 ? 'cao_cap' : 'trung_cap',
    ethnic: khmer ? '05' : '01',
    religion: khmer ? 'Phật giáo' : null,
    health: 'good',
    checked: iso(2026, 1 + (i % 10), 10),
  };
}

async function writeFiles(dir: string, units: { id: string; code: string }[]) {
  const xlsxPath = path.join(dir, 'can-bo.xlsx');
  const csvPath = path.join(dir, 'can-bo.csv');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(CADRE_SHEET.name);
  const headers = [
    'Mã cán bộ',
    'Họ và tên',
    'Giới tính',
    'Ngày sinh',
    'Mã đơn vị',
    'Đối tượng',
    'Chức vụ',
    'Là lãnh đạo',
    'Bậc lương',
    'Hệ số lương',
    'Ngày tuyển dụng',
    'Số định danh cá nhân',
    'Điện thoại',
    'Trình độ chuyên môn',
    'Chuyên ngành',
    'Lý luận chính trị',
    'Trạng thái',
    'Dân tộc',
    'Tôn giáo',
    'Tình trạng sức khỏe',
    'Ngày khám sức khỏe',
  ];
  ws.addRow(headers).commit();
  const csv = fs.createWriteStream(csvPath);
  const q = (v: string | null) => (v === null ? '' : '"' + v.replace(/"/g, '""') + '"');
  for (let i = 0; i < ROWS; i++) {
    const p = person(i, units);
    ws.addRow([
      p.code,
      p.fullName,
      p.female ? 'Nữ' : 'Nam',
      vi(p.birth),
      p.unit.code,
      p.category === 'vien_chuc' ? 'Viên chức' : 'Công chức',
      p.position,
      p.leader ? 'Có' : 'Không',
      p.step,
      Number(p.coef),
      vi(p.recruited),
      p.idNumber,
      p.phone,
      p.education === 'thac_si' ? 'Thạc sĩ' : 'Đại học',
      p.major,
      p.theory === 'cao_cap' ? 'Cao cấp' : 'Trung cấp',
      'Đang công tác',
      p.ethnic === '05' ? 'Khmer' : 'Kinh',
      p.religion,
      'Tốt',
      vi(p.checked),
    ]).commit();
    const line = [
      crypto.randomUUID(),
      p.code,
      p.fullName,
      p.givenName,
      p.female ? 'female' : 'male',
      p.birth,
      p.unit.id,
      p.category,
      p.position,
      p.leader ? 't' : 'f',
      String(p.step),
      p.coef,
      p.recruited,
      p.idNumber,
      p.phone,
      p.education,
      p.major,
      p.theory,
      'active',
      p.ethnic,
      p.religion,
      p.health,
      p.checked,
    ].map((v) => (v === null ? '' : q(v)));
    if (!csv.write(line.join(',') + '\n')) await new Promise<void>((r) => csv.once('drain', () => r()));
  }
  ws.commit();
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRow(['version', TEMPLATE_VERSION]).commit();
  await wb.commit();
  await new Promise<void>((r) => csv.end(() => r()));
  return { xlsxPath, csvPath };
}

function startServer(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server process
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, 'dist/server/main.js'], {
      cwd: projectRoot(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (d) => String(d).includes('đang chạy') && resolve(child));
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

// ---- product path ----
const product = await freshDatabase('tc_bench_import');
const units = (await product.database.pool.query(`SELECT id, code FROM org_units WHERE kind NOT IN ('commune', 'ward', 'peoples_committee') ORDER BY code`)).rows;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-bench-import-'));
let t0 = performance.now();
const files = await writeFiles(dir, units);
console.log(
  `generated ${ROWS.toLocaleString('en')} rows: xlsx ${(fs.statSync(files.xlsxPath).size / 1048576).toFixed(1)} MB, csv ${(fs.statSync(files.csvPath).size / 1048576).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
const user = await product.database.pool.query(`INSERT INTO users (username, password_hash, display_name) VALUES ('bench', 'x', 'Bench') RETURNING id`);
await product.database.pool.query(`INSERT INTO role_grants (user_id, role) VALUES ($1, 'home_affairs')`, [user.rows[0].id]);
const token = crypto.randomBytes(24).toString('base64url');
await product.database.pool.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, 'x', now() + interval '2 hours')`, [
  hashToken(token),
  user.rows[0].id,
]);
const before = Number((await product.database.pool.query('SELECT count(*) n FROM people')).rows[0].n);

const port = 3911;
const server = await startServer({ DATABASE_URL: product.url, DEMO: 'false', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
const base = `http://127.0.0.1:${port}`;
const headers = { cookie: `tc_session=${token}`, 'x-csrf-token': 'x' };
async function waitFor(id: string, states: string[]) {
  for (;;) {
    const v = (await (await fetch(`${base}/api/imports/${id}`, { headers })).json()) as {
      state: string;
      errorCount: number;
      summary: unknown;
      error: string | null;
    };
    if (states.includes(v.state)) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}
let productSeconds = 0;
let validateSeconds = 0;
try {
  const rssStart = peakRssMb(server.pid!);
  t0 = performance.now();
  const up = await fetch(`${base}/api/imports?fileName=can-bo.xlsx`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: fs.readFileSync(files.xlsxPath),
  });
  const created = (await up.json()) as { id: string };
  if (up.status !== 202) throw new Error(`upload: ${up.status} ${JSON.stringify(created)}`);
  const checked = await waitFor(created.id, ['validated', 'invalid', 'failed']);
  validateSeconds = (performance.now() - t0) / 1000;
  if (checked.state !== 'validated') throw new Error(`dry run: ${JSON.stringify(checked).slice(0, 2000)}`);
  await fetch(`${base}/api/imports/${created.id}/commit`, { method: 'POST', headers });
  const done = await waitFor(created.id, ['committed', 'invalid', 'failed', 'validated']);
  productSeconds = (performance.now() - t0) / 1000;
  if (done.state !== 'committed') throw new Error(`commit: ${JSON.stringify(done).slice(0, 2000)}`);
  const after = Number((await product.database.pool.query('SELECT count(*) n FROM people')).rows[0].n);
  const audit = Number((await product.database.pool.query(`SELECT count(*) n FROM audit_log WHERE entity_type = 'person' AND action = 'create'`)).rows[0].n);
  console.log(
    `\nproduct: upload → dry run (${validateSeconds.toFixed(1)} s) → commit: ${productSeconds.toFixed(1)} s end to end; ${after - before} people created, ${audit} audit rows`,
  );
  console.log(`  server peak RSS ${peakRssMb(server.pid!).toFixed(0)} MB (at start ${rssStart.toFixed(0)} MB; aim < 512 MB)`);
  // not timed: the hash chain written by the bulk path must verify like any other
  const chain = await verifyAuditChain(product.database.pool);
  if (!chain.ok) throw new Error(`audit chain broken at row ${chain.firstBrokenId}: ${chain.reason}`);
  console.log(`  audit chain verifies (${chain.rows} rows)`);
} finally {
  server.kill('SIGTERM');
  await product.database.close();
}

// ---- the limit: COPY of the same rows from CSV into the same table, on a fresh database ----
const limit = await freshDatabase('tc_bench_import_copy');
const client = await limit.database.pool.connect();
t0 = performance.now();
await client.query('BEGIN');
await pipeline(
  fs.createReadStream(files.csvPath),
  client.query(
    copyFrom(`COPY people (id, code, full_name, given_name, gender, birth_date, unit_id, category, position_title, is_leader, salary_step,
    salary_coefficient, recruited_on, id_number, phone, education_level, major, political_theory, status, ethnic_code, religion, health_status,
    health_checked_on) FROM STDIN (FORMAT csv)`),
  ),
);
await client.query('COMMIT');
const copySeconds = (performance.now() - t0) / 1000;
client.release();
await limit.database.close();
if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
else console.log('files in', dir);

const productRate = ROWS / productSeconds;
const copyRate = ROWS / copySeconds;
console.log(`COPY from CSV (same rows, same table): ${copySeconds.toFixed(1)} s`);
console.log(
  `\nthroughput: product ${productRate.toFixed(0)} rows/s (dry run + commit), COPY ${copyRate.toFixed(0)} rows/s; ratio ${(productRate / copyRate).toFixed(2)} (aim ≥ 0.25)`,
);
