/**
 * Then a sending unit's personnel officer opens "Báo cáo": only the unit's reports, the one the plan's schedule
 * drafted for the half year just ended tagged late; drafts the unit's own report (the unit preselected), issues it
 * under the first number of the unit's book and downloads it.
 *
 * Sở Nội vụ drafts the report to the People's Committee for the year so far (issue 15), reads its figures against the
 * previous period, edits a paragraph of section III, clicks a figure through to the list it counts (same count), issues it under the first number of its book and downloads the
 * .docx; the report's page passes axe-core with no serious violation, as a draft and once issued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { eventually, expectAccessible, login, logout, textOf } from './support/page-helpers.js';
import { viDate, vietnamToday } from '../common/dates.js';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;

describe("the report of Sở Nội vụ to the People's Committee (browser)", () => {
  beforeAll(async () => {
    app = await startAppServer({ name: 'reports' });
    browser = await launchBrowser(app.baseURL);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('drafts, edits, issues and downloads the report', { timeout: 90_000 }, async () => {
    const today = vietnamToday();
    const page = await browser!.context.newPage();
    await login(page, 'sonoivu');
    await page.goto('/reports');
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    for (const [label, value] of [
      ['Từ ngày', viDate(`${today.slice(0, 4)}-01-01`)],
      ['Đến ngày', viDate(today)],
    ] as const) {
      await page.getByLabel(label).click();
      await page.getByLabel(label).fill(value);
      await page.keyboard.press('Enter');
    }
    // Enter in the last date field may already have sent the form: click only if it has not
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 10_000 }).catch(async () => {
      await page.getByRole('button', { name: 'Lập dự thảo' }).click();
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    });
    const figures = page.locator('.ant-card').filter({ hasText: 'Số liệu (mục I, II và Biểu 01)' });
    await eventually(() => textOf(figures)).toContain('Cán bộ được quyết định cử tăng cường trong kỳ');
    await eventually(() => page.getByText('Dự thảo', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'a draft report');

    await page.getByLabel('Ưu điểm').fill('Các đơn vị triển khai kế hoạch đúng tiến độ.');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await eventually(async () => (await page.request.get(page.url().replace('/reports/', '/api/reports/'))).json()).toMatchObject({
      narrative: { strengths: 'Các đơn vị triển khai kế hoạch đúng tiến độ.' },
    });

    // a figure opens the list it counts, for the report's period, with the same count
    const sentLink = page.getByRole('link', { name: /^Cán bộ được quyết định cử tăng cường trong kỳ: / });
    const sentValue = (await sentLink.textContent())!.trim();
    const reportUrl = page.url();
    await sentLink.click();
    await page.waitForURL(/\/reports\/figures\/sent\.total\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&report=/);
    const trimmed = (l: ReturnType<typeof page.getByTestId>) => async () => (await textOf(l)).trim();
    await eventually(trimmed(page.getByTestId('figure-rows-total'))).toBe(sentValue);
    await eventually(trimmed(page.getByTestId('figure-value'))).toBe(`${sentValue} người`);
    if (sentValue !== '0') await eventually(() => textOf(page.locator('.ant-pagination'))).toContain(`Tổng số ${sentValue} dòng`);
    await expectAccessible(page, "a figure's list");
    // the statistics page gives the same number for the same period, by the report's own code
    await page.goto(`/statistics?from=${today.slice(0, 4)}-01-01&to=${today}&group=sent`);
    await eventually(async () => (await textOf(page.getByRole('link', { name: /^Cán bộ được quyết định cử tăng cường trong kỳ: / }))).trim()).toBe(sentValue);
    await eventually(() => page.getByTestId('statistics-chart').count()).toBe(1);
    await expectAccessible(page, 'the statistics page');
    await page.goto(reportUrl);

    await page.getByLabel('Ngày ban hành').click();
    await page.getByLabel('Ngày ban hành').fill(viDate(today));
    await page.keyboard.press('Enter');
    await page.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn Bình');
    await page.getByRole('button', { name: 'Ban hành' }).click();
    await eventually(() => textOf(page.locator('.ant-descriptions'))).toContain('01/BC-SNV');
    await eventually(() => page.getByText('Đã ban hành', { exact: true }).count()).toBe(1);
    await eventually(() => page.getByRole('button', { name: 'Lưu dự thảo' }).count()).toBe(0);
    await expectAccessible(page, 'an issued report');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải .docx' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-01-BC-SNV\.docx$/);

    // the annual training report of last year (Decree 171/2025 Art. 39), chosen on the same page
    const lastYear = Number(today.slice(0, 4)) - 1;
    await page.goto('/reports');
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.getByRole('radio', { name: 'Báo cáo kết quả đào tạo, bồi dưỡng hằng năm' }).check();
    await eventually(() => page.getByLabel('Năm báo cáo').inputValue()).toBe(String(lastYear));
    await page.getByRole('button', { name: 'Lập dự thảo' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await eventually(() => textOf(page.locator('.ant-card-head').first())).toContain(
      `Báo cáo kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm ${lastYear}`,
    );
    const training = page.locator('.ant-card').filter({ hasText: 'Số liệu (mục I và Biểu 01)' });
    await eventually(() => textOf(training)).toContain('Lượt người được cử đi đào tạo, bồi dưỡng');
    await eventually(() => textOf(page.getByTestId('proposal-facts'))).toContain('Kiến nghị, đề xuất của các đơn vị trong kỳ');
    await expectAccessible(page, 'a draft training report');
  });

  it(
    "a sending unit's officer sees only the unit's reports, the schedule's late one tagged, and drafts, issues and downloads its own",
    { timeout: 90_000 },
    async () => {
      const today = vietnamToday();
      const page = await browser!.context.newPage();
      // the context holds Sở Nội vụ's session
      await page.goto('/');
      await logout(page);
      await login(page, 'tochuc');
      await page.goto('/reports');
      // the schedule drafted the unit's report of the half year just ended at start-up; the province's report is not theirs
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await eventually(() => rows.count()).toBeGreaterThan(0);
      expect(await textOf(page.locator('.ant-table-tbody'))).not.toContain('Toàn tỉnh, thành phố');
      await expectAccessible(page, "a unit's reports");

      await page.getByRole('button', { name: 'Lập báo cáo' }).click();
      // the unit is preselected: the officer's own
      await eventually(() => textOf(page.locator('form[id="draft-report"] .ant-select'))).not.toBe('');
      for (const [label, value] of [
        ['Từ ngày', viDate(`${today.slice(0, 4)}-01-01`)],
        ['Đến ngày', viDate(today)],
      ] as const) {
        await page.getByLabel(label).click();
        await page.getByLabel(label).fill(value);
        await page.keyboard.press('Enter');
      }
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 10_000 }).catch(async () => {
        await page.getByRole('button', { name: 'Lập dự thảo' }).click();
        await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      });
      const report = await (await page.request.get(page.url().replace('/reports/', '/api/reports/'))).json();
      expect(report).toMatchObject({ status: 'draft', allowedActions: ['edit', 'issue'] });
      expect(report.unitId).toBeTruthy();
      await page.getByLabel('Ưu điểm').fill('Đơn vị cử đủ cán bộ theo chỉ tiêu.');
      await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
      await eventually(async () => (await (await page.request.get(page.url().replace('/reports/', '/api/reports/'))).json()).version).toBe(2);
      await page.getByLabel('Ngày ban hành').click();
      await page.getByLabel('Ngày ban hành').fill(viDate(today));
      await page.keyboard.press('Enter');
      await page.getByLabel('Người ký', { exact: true }).fill('Trần Thị Cúc');
      await page.getByRole('button', { name: 'Ban hành' }).click();
      await eventually(() => page.getByText('Đã ban hành', { exact: true }).count()).toBe(1);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải .docx' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^bao-cao-01-BC-.+\.docx$/);

      // back on the list: only the unit's reports, the schedule's past its deadline tagged as late
      await page.goto('/reports');
      await eventually(() => rows.count()).toBeGreaterThan(1);
      const list = await (await page.request.get('/api/reports')).json();
      expect(list.items.every((r: { unitId: string | null }) => r.unitId === report.unitId)).toBe(true);
      expect(list.items.some((r: { late: boolean; dueOn: string | null }) => r.late && r.dueOn! < today)).toBe(true);
      await eventually(() => page.getByTestId('report-late').count()).toBeGreaterThan(0);
    },
  );
});
