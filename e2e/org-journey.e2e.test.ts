/**
 * Browser journey, on a phone: Sở Nội vụ adds a department to the organisation, renames it with a decision, and
 * reads its restructuring history; the import page names the organisation sheets.
 *
 * Runs the real server (`node dist/server/main.js`, so `npm run build` first) in demo mode on a fresh database of
 * the PostgreSQL at 127.0.0.1:5432, and Debian's chromium through playwright-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { dialogCloses, eventually, login, screenshots, textOf, type Shot } from './support/page-helpers.js';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;
let shot: Shot;
const pageErrors: string[] = [];

describe('organisation journey (browser, phone)', () => {
  beforeAll(async () => {
    shot = screenshots('org-');
    app = await startAppServer({ name: 'org' });
    browser = await launchBrowser(app.baseURL, { viewport: { width: 390, height: 844 } });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('adds a department, renames it and shows both events in its history', async () => {
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await login(page, 'sonoivu');
    await page.goto('/org');
    await page.getByTestId('org-tree').waitFor();
    // the tree and its tools fit the phone's width (the table scrolls inside its own box)
    const box = await page.getByTestId('org-tree').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect((await page.getByTestId('org-add').boundingBox())!.x).toBeLessThan(390);

    const code = `STN${crypto.randomBytes(2).toString('hex').toUpperCase()}`;
    await page.getByTestId('org-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mã đơn vị').fill(code);
    await dialog.getByLabel('Tên đơn vị').fill('Sở Thử nghiệm');
    await dialog.getByLabel('Ngày hiệu lực').fill('01/03/2025');
    await dialog.getByLabel('Ngày hiệu lực').press('Enter');
    await dialog.getByLabel('Số quyết định').fill('15/QĐ-UBND');
    await shot(page, 'add');
    await dialog.getByRole('button', { name: 'Thêm' }).click();
    await dialogCloses(dialog);

    await page.getByLabel('Tìm đơn vị').fill(code.toLowerCase());
    const rowOf = (c: string) =>
      page
        .getByTestId('org-tree')
        .locator('tr')
        .filter({ has: page.getByRole('cell', { name: c, exact: true }) });
    const row = rowOf(code);
    await eventually(() => textOf(row)).toContain('Sở Thử nghiệm');

    await page.getByTestId(`unit-actions-${code}`).click();
    await page.getByRole('menuitem', { name: 'Đổi tên' }).click();
    const rename = page.getByRole('dialog');
    await rename.getByLabel('Tên mới').fill('Sở Thử nghiệm và Đổi mới');
    await rename.getByLabel('Ngày hiệu lực').fill('01/06/2025');
    await rename.getByLabel('Ngày hiệu lực').press('Enter');
    await rename.getByRole('button', { name: 'Đổi tên' }).click();
    await dialogCloses(rename);
    await eventually(() => textOf(row)).toContain('Sở Thử nghiệm và Đổi mới');

    await page.getByTestId(`unit-actions-${code}`).click();
    await page.getByRole('menuitem', { name: 'Lịch sử sắp xếp' }).click();
    const events = page.getByTestId('unit-events');
    // the drawer's history is fetched when it opens; a loaded machine can take a while
    await eventually(() => textOf(events), 30_000).toContain('Đổi tên');
    const text = await textOf(events);
    expect(text).toContain('01/06/2025');
    expect(text).toContain('“Sở Thử nghiệm” → “Sở Thử nghiệm và Đổi mới”');
    expect(text).toContain('Thành lập');
    expect(text).toContain('Quyết định số 15/QĐ-UBND');
    await shot(page, 'history');

    await page.keyboard.press('Escape');
    await page
      .getByRole('dialog')
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);

    // merge it into a new unit: it closes on the date, the new unit is restructured from that date
    const merged = `${code}M`;
    await page.getByTestId('org-merge').click();
    const merge = page.getByRole('dialog', { name: 'Hợp nhất, sáp nhập đơn vị' });
    await merge.getByLabel('Các đơn vị được hợp nhất').click();
    await merge.getByLabel('Các đơn vị được hợp nhất').fill(code.toLowerCase());
    await page.locator('.ant-select-tree-title', { hasText: code }).first().click();
    await page.keyboard.press('Escape');
    await merge.getByLabel('Mã đơn vị').fill(merged);
    await merge.getByLabel('Tên đơn vị').fill('Sở Hợp nhất');
    await merge.getByLabel('Ngày hiệu lực').fill('01/09/2025');
    await merge.getByLabel('Ngày hiệu lực').press('Enter');
    await shot(page, 'merge');
    await merge.getByRole('button', { name: 'Hợp nhất' }).click();
    await dialogCloses(merge);
    await eventually(() => textOf(row)).toContain('Đã giải thể 01/09/2025');
    await page.getByLabel('Tìm đơn vị').fill(merged.toLowerCase());
    const mergedRow = rowOf(merged);
    await eventually(() => textOf(mergedRow)).toContain('01/09/2025');

    await page.goto('/cadres/import');
    await eventually(() => textOf(page.locator('body'))).toContain('Tổ chức bộ máy');
    expect(pageErrors).toEqual([]);
  });
});
