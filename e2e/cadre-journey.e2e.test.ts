/**
 * Browser journey: a unit's personnel officer finds a cadre by an accent-free search, opens the résumé,
 * changes the phone number and sees the change (old → new) in the record's history; then rates a công chức on
 * Decree 335/2025 points and sees the level derived and the instrument of the year.
 *
 * Runs the real server (`node dist/server/main.js`, so `npm run build` first) in demo mode on a fresh
 * database of the PostgreSQL at 127.0.0.1:5432, and Debian's chromium through playwright-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { eventually, expectAccessible, login, screenshots, stripAccents, textOf, type Shot } from './support/page-helpers.js';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;
let shot: Shot;
const pageErrors: string[] = [];

describe('cadre journey (browser)', () => {
  beforeAll(async () => {
    shot = screenshots(''); // 01-login.png, …: the first journey's screenshots have no prefix
    app = await startAppServer();
    browser = await launchBrowser(app.baseURL);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('finds a cadre without accents, edits the phone number and sees the change in the history', async () => {
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));

    // 1. log in as the personnel officer of a department
    await login(page, 'tochuc', () => shot(page, 'login'));
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
    await expectAccessible(page, 'the edit dialog of a cadre record');
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

  it('rates a công chức for 2026 on points: the level follows the points, the row cites Decree 335/2025', async () => {
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    // the same browser context: still logged in as the personnel officer
    const list = await page.request.get('/api/cadres?pageSize=5&sort=code&category=cong_chuc');
    const { items } = (await list.json()) as { items: { id: string }[] };
    expect(items.length, 'the department has công chức').toBeGreaterThan(0);
    await page.goto(`/cadres/${items[0].id}`);
    await page.getByTestId('add-ratings').click();
    const dialog = page.getByRole('dialog', { name: 'Thêm xếp loại chất lượng' });
    await dialog.waitFor();
    await dialog.getByLabel('Năm').fill('2026');
    const points = dialog.getByLabel('Điểm (Nghị định 335/2025/NĐ-CP)');
    await points.fill('90');
    await eventually(() => textOf(dialog)).toContain('Theo điểm: Hoàn thành xuất sắc nhiệm vụ');
    await shot(page, 'rating-points');
    await expectAccessible(page, 'the rating dialog with points');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/cadres/${items[0].id}/ratings`) && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    expect((await saved).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('[data-testid="section-ratings"] tbody tr.ant-table-row').filter({ hasText: '2026' });
    await eventually(() => textOf(row)).toContain('Nghị định 335/2025/NĐ-CP');
    expect(await textOf(row)).toContain('Hoàn thành xuất sắc nhiệm vụ');
    expect(await textOf(row)).toContain('90');
    expect(pageErrors).toEqual([]);
  });
});
