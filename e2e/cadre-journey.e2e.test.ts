/**
 * Browser journey: a unit's personnel officer finds a cadre by an accent-free search, opens the résumé,
 * changes the phone number and sees the change (old → new) in the record's history.
 *
 * Runs the real server (`node dist/server/main.js`, so `npm run build` first) in demo mode on a fresh
 * database of the PostgreSQL at 127.0.0.1:5432, and Debian's chromium through playwright-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = path.join(ROOT, 'test-results', 'e2e');
const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const dbName = `tc_e2e_${crypto.randomBytes(5).toString('hex')}`;
let server: ChildProcess | null = null;
let serverLog = '';
let baseURL = '';
let browser: Browser | null = null;
let context: BrowserContext | null = null;
const pageErrors: string[] = [];

/** Vietnamese text without accents, as a user types it: "Nguyễn Văn Đức" → "Nguyen Van Duc". */
const stripAccents = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

async function freePort(): Promise<number> {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  await once(srv, 'close');
  return port;
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`the server exited (${server?.exitCode}) before answering:\n${serverLog.slice(-4000)}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000} s:\n${serverLog.slice(-4000)}`);
}

async function stopServer() {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = new Promise((r) => setTimeout(r, 10_000, 'timeout'));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Waits for a value in the page to satisfy the assertion (vitest has no Playwright locator matchers). */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const textOf = (l: Locator) => l.innerText().catch(() => '');

let step = 0;
async function shot(page: Page, name: string) {
  step += 1;
  await page.screenshot({ path: path.join(SHOTS, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
}

describe('cadre journey (browser)', () => {
  beforeAll(async () => {
    const main = path.join(ROOT, 'dist/server/main.js');
    if (!fs.existsSync(main) || !fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) {
      throw new Error('dist/server/main.js or web/dist/index.html is missing: run `npm run build` first');
    }
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    fs.mkdirSync(SHOTS, { recursive: true });
    // only this journey's screenshots (01-login.png, …); other journeys write their own (plan-01-quotas.png, …)
    for (const f of fs.readdirSync(SHOTS)) if (/^\d{2}-.*\.png$/.test(f)) fs.rmSync(path.join(SHOTS, f));

    await adminQuery(`CREATE DATABASE "${dbName}"`);
    const port = await freePort();
    baseURL = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [main], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${dbName}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO: 'true',
        DEMO_PEOPLE: '1500',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (b: Buffer) => {
      serverLog = (serverLog + b.toString()).slice(-20_000);
    };
    server.stdout?.on('data', collect);
    server.stderr?.on('data', collect);
    await waitForHealth(baseURL, 110_000);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ baseURL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    const pid = server?.pid;
    await stopServer();
    if (pid) expect(() => process.kill(pid, 0)).toThrow(); // the server process is gone
    await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((err) => console.error('could not drop', dbName, err));
  });

  it('finds a cadre without accents, edits the phone number and sees the change in the history', async () => {
    const page = await context!.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));

    // 1. log in as the personnel officer of a department
    await page.goto('/');
    await eventually(() => new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Tên đăng nhập').fill('tochuc');
    await page.getByLabel('Mật khẩu').fill('tangcuong');
    await shot(page, 'login');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await eventually(() => textOf(page.getByTestId('current-user'))).toContain('Cán bộ tổ chức đơn vị');

    // 2. the cadre list, from the menu
    await page.getByRole('menuitem', { name: 'Cán bộ, công chức, viên chức' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/cadres');
    await page.locator('[data-testid="cadre-table"] tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'cadre-list');

    // a real person in this user's scope, found through the API with the same session: one whose name has accents
    const list = await page.request.get('/api/cadres?pageSize=50&sort=code');
    expect(list.ok()).toBe(true);
    const { items } = (await list.json()) as { items: { id: string; code: string; fullName: string }[] };
    const cadre = items.find((c) => stripAccents(c.fullName) !== c.fullName) ?? items[0];
    expect(cadre, 'the demo data gives the department some cadres').toBeTruthy();
    const typed = stripAccents(cadre.fullName).toLowerCase();

    // 3. search without accents
    const searched = page.waitForResponse((r) => r.url().includes('/api/cadres?') && r.url().includes('q=') && r.ok());
    await page.getByLabel('Tìm kiếm').fill(typed);
    await searched;
    const row = page.locator('[data-testid="cadre-table"] tbody tr.ant-table-row').filter({ hasText: cadre.code });
    await eventually(() => row.count()).toBe(1);
    expect(await textOf(row)).toContain(cadre.fullName);
    expect(new URL(page.url()).searchParams.get('q')).toBe(typed); // the search is kept in the address
    await shot(page, 'search-without-accents');

    // 4. open the profile
    await row.click();
    await eventually(() => new URL(page.url()).pathname).toBe(`/cadres/${cadre.id}`);
    await eventually(() => textOf(page.getByTestId('profile-title'))).toBe(cadre.fullName);
    await page.getByTestId('section-employment').waitFor();
    await shot(page, 'profile');

    // 5. edit the phone number and save
    const before = (await (await page.request.get(`/api/cadres/${cadre.id}`)).json()) as { version: number; identity: { phone: string | null } };
    const oldPhone = before.identity.phone;
    let newPhone = oldPhone;
    while (newPhone === oldPhone) newPhone = '09' + String(crypto.randomInt(0, 1e8)).padStart(8, '0');
    await page.getByTestId('edit-identity').click();
    const dialog = page.getByRole('dialog', { name: 'Sửa: Thông tin chung' });
    await dialog.waitFor();
    const phoneInput = dialog.getByLabel('Số điện thoại');
    expect(await phoneInput.inputValue()).toBe(oldPhone ?? '');
    await phoneInput.fill(newPhone!);
    await shot(page, 'edit-phone');
    const patched = page.waitForResponse((r) => r.url().endsWith(`/api/cadres/${cadre.id}`) && r.request().method() === 'PATCH');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const patchResponse = await patched;
    expect(patchResponse.status()).toBe(200);
    expect(((await patchResponse.json()) as { changed: string[] }).changed).toEqual(['phone']);
    await dialog.waitFor({ state: 'hidden' });
    await eventually(() => textOf(page.getByTestId('phone'))).toBe(newPhone);
    await shot(page, 'saved');

    // 6. the history tab shows who changed the phone, from what to what
    await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
    const change = page.getByTestId('history-table').getByTestId('history-change').filter({ hasText: 'Số điện thoại' }).first();
    await eventually(() => textOf(change)).toBe(`Số điện thoại: ${oldPhone ?? '(trống)'} → ${newPhone}`);
    const firstRow = page.locator('[data-testid="history-table"] tbody tr.ant-table-row').first();
    expect(await textOf(firstRow)).toContain('Sửa');
    expect(await textOf(firstRow)).toContain('Cán bộ tổ chức');
    await shot(page, 'history');

    expect(pageErrors).toEqual([]);
  });
});
