/**
 * Sở Nội vụ adds a guidance document to every unit and records an inspection of the demo department with one recommendation (issue 15, Plan 131 IV.3); the
 * department's personnel officer, on a 390 px phone, answers it from the inspection's page; Sở Nội vụ accepts the
 * answer. The page passes axe-core with no serious violation, for both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { chooseOption, dialogCloses, eventually, expectAccessible, login, textOf } from './support/page-helpers.js';
import { addDays, viDate, vietnamToday } from '../common/dates.js';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;
let phone: BrowserContext | undefined;

async function fillDate(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.fill(value);
  await page.keyboard.press('Enter');
}

describe('an inspection and its recommendation (browser)', () => {
  beforeAll(async () => {
    app = await startAppServer({ name: 'inspections' });
    browser = await launchBrowser(app.baseURL);
    phone = await browser.browser.newContext({ baseURL: app.baseURL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 390, height: 844 } });
  });

  afterAll(async () => {
    await phone?.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  it('Sở Nội vụ records it, the unit answers, Sở Nội vụ accepts', { timeout: 120_000 }, async () => {
    const today = vietnamToday();
    const ha = await browser!.context.newPage();
    await login(ha, 'sonoivu');
    const units = (await (await ha.request.get('/api/inspections/units')).json()) as { items: { code: string; name: string }[] };
    const dept = units.items.find((u) => u.code === 'SYT')!;
    await ha.goto('/inspections');
    // a guidance document to every unit, listed with its number and date
    await ha.getByRole('button', { name: 'Thêm văn bản hướng dẫn' }).click();
    const g = ha.getByRole('dialog', { name: 'Ghi nhận văn bản hướng dẫn' });
    await g.getByLabel('Số, ký hiệu').fill('777/HD-SNV');
    await fillDate(ha, 'Ngày ban hành', viDate(today));
    await g.getByLabel('Trích yếu').fill('Hướng dẫn theo dõi cán bộ tăng cường');
    await g.getByRole('button', { name: 'Lưu' }).click();
    await dialogCloses(g);
    const row = ha.locator('.ant-table-row').filter({ hasText: '777/HD-SNV' });
    await eventually(() => textOf(row)).toContain(viDate(today));
    expect(await textOf(row)).toContain('Gửi: tất cả các đơn vị');
    await expectAccessible(ha, 'the guidance documents');
    await ha.getByRole('tab', { name: 'Kiểm tra' }).click();
    await ha.getByRole('button', { name: 'Ghi nhận cuộc kiểm tra' }).click();
    const dialog = ha.getByRole('dialog', { name: 'Ghi nhận cuộc kiểm tra' });
    await chooseOption(ha, dialog.getByLabel('Đơn vị, xã, phường được kiểm tra'), dept.name, dept.name.slice(0, 6));
    await fillDate(ha, 'Từ ngày', viDate(addDays(today, -3)));
    await fillDate(ha, 'Đến ngày', viDate(addDays(today, -2)));
    await dialog.getByLabel('Nội dung kiểm tra').fill('Kiểm tra việc quản lý cán bộ tăng cường');
    await dialog.getByLabel('Thành phần đoàn kiểm tra').fill('Trần Văn Hùng, Trưởng đoàn\nLê Thị Mai, thành viên');
    await dialog.getByLabel('Kết quả kiểm tra').fill('Đơn vị chưa lập sổ theo dõi cán bộ tăng cường.');
    await dialog.getByLabel('Kiến nghị 1', { exact: true }).fill('Lập sổ theo dõi cán bộ tăng cường');
    await fillDate(ha, 'Hạn thực hiện', viDate(addDays(today, 30)));
    await dialog.getByLabel('Số văn bản kết luận').fill('99/KL-SNV');
    await fillDate(ha, 'Ngày kết luận', viDate(today));
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialogCloses(dialog);
    await eventually(() => new URL(ha.url()).searchParams.get('inspection')).toMatch(/^[0-9a-f-]{36}$/);
    const link = new URL(ha.url()).pathname + new URL(ha.url()).search;
    const drawer = ha.locator('.ant-drawer');
    await eventually(() => textOf(drawer)).toContain('Lập sổ theo dõi cán bộ tăng cường');
    expect(await textOf(drawer)).toContain('Chưa trả lời');
    expect(await textOf(drawer)).toContain(`Hạn: ${viDate(addDays(today, 30))}`);
    await expectAccessible(ha, 'an inspection recorded by Sở Nội vụ');

    // the unit, on a phone
    const unit = await phone!.newPage();
    await login(unit, 'tochuc');
    await unit.goto(link);
    const unitDrawer = unit.locator('.ant-drawer');
    await eventually(() => textOf(unitDrawer)).toContain('Lập sổ theo dõi cán bộ tăng cường');
    // the guidance addressed to every unit reaches it too
    expect(await (await unit.request.get('/api/guidance')).json()).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ number: '777/HD-SNV' })]),
    });
    expect(await unit.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await unitDrawer.getByRole('button', { name: 'Trả lời' }).click();
    const answer = unit.getByRole('dialog', { name: 'Trả lời kết quả thực hiện kiến nghị' });
    await answer.getByLabel('Kết quả thực hiện').fill('Đã lập sổ theo dõi từ ngày ' + viDate(today));
    await answer.getByRole('button', { name: 'Gửi trả lời' }).click();
    await dialogCloses(answer);
    await eventually(() => textOf(unitDrawer)).toContain('Đã trả lời, chờ Sở Nội vụ xem xét');
    await expectAccessible(unit, 'the unit answering on a phone');

    // Sở Nội vụ accepts
    await ha.reload();
    await eventually(() => textOf(drawer)).toContain('Đã trả lời, chờ Sở Nội vụ xem xét');
    await drawer.getByRole('button', { name: 'Chấp nhận' }).click();
    const accept = ha.getByRole('dialog', { name: 'Chấp nhận kết quả thực hiện kiến nghị' });
    await accept.getByRole('button', { name: 'Chấp nhận' }).click();
    await dialogCloses(accept);
    await eventually(() => textOf(drawer)).toContain('Đã hoàn thành');
    expect(await textOf(drawer)).toContain(`Sở Nội vụ chấp nhận ngày ${viDate(today)}`);
  });
});
