/**
 * Browser journey of the first setup (issue 11), as an operator follows the README's production path: the server
 * runs with DEMO=false on an empty database (migrated, reference data only), the accounts are created with
 * `cli create-user` before any unit exists. Sở Nội vụ signs in and is told the system is not set up; the
 * administrator signs in, lands on "Thiết lập lần đầu", finds Hà Nội by typing without accents, sees what will
 * be created, confirms, reads the summary, and finds Hà Nội's People's Committee and its wards in the org tree.
 *
 * Runs the real server (`node dist/server/main.js`, so `npm run build` first) on a fresh database of the
 * PostgreSQL at 127.0.0.1:5432, and Debian's chromium through playwright-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { eventually, expectAccessible, login, logout, screenshots, textOf, type Shot } from './support/page-helpers.js';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;
let shot: Shot;
const pageErrors: string[] = [];
const PASSWORD = 'mat-khau-van-hanh';

/** Nothing wider than the screen: the page scrolls only vertically on a phone. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('first setup journey (browser)', () => {
  beforeAll(async () => {
    shot = screenshots('setup-');
    app = await startAppServer({ name: 'setup', demo: false });
    // the README: accounts by the CLI right after migrate, before the setup (no unit exists yet)
    await app.cli(['create-user', '--username', 'quantri', '--name', 'Quản trị hệ thống', '--role', 'admin'], { NEW_PASSWORD: PASSWORD });
    await app.cli(['create-user', '--username', 'sonoivu', '--name', 'Nguyễn Thị Hoa', '--role', 'home_affairs'], { NEW_PASSWORD: PASSWORD });
    browser = await launchBrowser(app.baseURL);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sets up Hà Nội from the administrator’s screen; others are asked to wait for it', async () => {
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));

    // 1. the login page says the system is not set up; Sở Nội vụ, signed in, is told to ask the administrator
    await page.goto('/login');
    await page.getByText('Hệ thống chưa được thiết lập. Quản trị viên đăng nhập để chọn tỉnh, thành phố.').waitFor();
    await shot(page, 'login-not-set-up');
    await expectAccessible(page, 'the login page, not set up');
    await login(page, 'sonoivu', undefined, PASSWORD);
    await eventually(() => textOf(page.getByTestId('not-set-up'))).toContain('Hệ thống chưa được thiết lập; liên hệ quản trị viên.');
    await logout(page);

    // 2. the administrator lands on the first-run screen, on a phone
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, 'quantri', undefined, PASSWORD);
    await eventually(() => new URL(page.url()).pathname).toBe('/setup');
    await page.getByRole('heading', { name: 'Thiết lập lần đầu' }).waitFor();

    // 3. "ha noi" without accents finds Hà Nội among the 34; the preview says what will be created
    const box = page.getByRole('combobox', { name: 'Tỉnh, thành phố' });
    await box.click();
    await box.fill('ha noi');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await eventually(() => options.allInnerTexts()).toEqual(['Thành phố Hà Nội']);
    await options.first().click();
    const preview = page.getByTestId('setup-preview');
    await preview.waitFor();
    const previewText = await textOf(preview);
    expect(previewText).toContain('Ủy ban nhân dân thành phố Hà Nội');
    expect(previewText).toMatch(/126 \(\d+ phường, \d+ xã\)/);
    expect(previewText).toContain('Không hợp nhất');
    expect(await fitsWidth(page)).toBe(true);
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await shot(page, 'preview-phone');
    await expectAccessible(page, 'the first-run screen with its preview, on a phone');

    // 4. confirm; the summary counts what was created and says what comes next
    await page.getByRole('button', { name: 'Thiết lập cho Thành phố Hà Nội' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Thiết lập' }).click();
    const done = page.getByTestId('setup-done');
    await done.waitFor({ timeout: 60_000 });
    const doneText = await textOf(done);
    expect(doneText).toContain('Đã thiết lập hệ thống cho Thành phố Hà Nội');
    expect(doneText).toMatch(/Đã tạo Ủy ban nhân dân thành phố Hà Nội và 126 xã, phường, đặc khu, cùng [\d.]+ xã, phường cũ/);
    expect(doneText).toContain('Các bước tiếp theo');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'done-phone');
    await expectAccessible(page, 'the first-run summary, on a phone');

    // 5. the org tree holds the People's Committee and its wards; an accent-free search finds Ba Đình
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Xem cơ cấu tổ chức' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/org');
    const tree = page.getByTestId('org-tree');
    await eventually(() => textOf(tree)).toContain('Ủy ban nhân dân thành phố Hà Nội');
    expect(await textOf(tree)).toContain('Phường Ba Đình');
    await page.getByLabel('Tìm đơn vị').fill('ba dinh');
    await eventually(() => tree.locator('tbody tr.ant-table-row').allInnerTexts()).toHaveLength(2);
    expect((await tree.locator('tbody tr.ant-table-row').allInnerTexts())[1]).toContain('Phường Ba Đình');
    await shot(page, 'org-tree');

    // 6. the login page now names the province; the first-run screen shows the setup as made
    await page.goto('/setup');
    await eventually(() => textOf(page.getByTestId('setup-done'))).toContain('Đã thiết lập hệ thống cho Thành phố Hà Nội');
    await logout(page);
    await eventually(() => textOf(page.getByTestId('login-province'))).toContain('Ủy ban nhân dân thành phố Hà Nội');
    expect(pageErrors).toEqual([]);
  });
});
