/**
 * Browser journey through training after restructuring (issue 6): the personnel officer of Sở Y tế records a
 * training need of one of the staff, tied to their job post, and nominates them for a course of the catalogue;
 * Sở Nội vụ approves and the budget chart shows the commitment; the unit records the enrolment, the payment and
 * the certificate, and the chart shows the money spent. A course is nominated for before it starts, and what
 * happens on it is dated today at the latest (issue 14): the enrolment and the payment are dated today, and before
 * the completion the course is made to have run (its dates move into the past, behind the API).
 *
 * Runs the real server (`node dist/server/main.js`, so `npm run build` first) in demo mode on a fresh database of
 * the PostgreSQL at 127.0.0.1:5432, and Debian's chromium through playwright-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import pg from 'pg';
import { addDays, vietnamToday } from '../common/dates.js';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { chooseOption, dialogCloses, eventually, login, logout, screenshots, textOf, type Shot } from './support/page-helpers.js';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;
let shot: Shot;
const pageErrors: string[] = [];

const COURSE = 'Bồi dưỡng kỹ năng quản lý nhà nước sau sắp xếp tổ chức bộ máy';
const COST = 4_500_000;
const PAID = 4_350_000;

/** Opens an antd select by its accessible name, types, and picks the option holding `option`. */
const pick = (page: Page, scope: Locator, name: string, typed: string, option: string) => chooseOption(page, scope.getByRole('combobox', { name }), option, typed);

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

/** The course has run: it ended today (the dates of the enrolment and the payment, today, fall within it). */
async function courseHasRun(databaseUrl: string, title: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const today = vietnamToday();
    const r = await client.query(`UPDATE training_courses SET start_date = $2, end_date = $3 WHERE title = $1`, [title, addDays(today, -18), today]);
    expect(r.rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

const chartValue = async (page: Page, attr: 'data-committed' | 'data-spent') => Number(await page.getByTestId('budget-chart').getAttribute(attr));

describe('training journey (browser)', () => {
  beforeAll(async () => {
    shot = screenshots('training-');
    app = await startAppServer({ name: 'training' });
    browser = await launchBrowser(app.baseURL);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('goes from a need to a certificate, and the budget chart follows the money', async () => {
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));

    // 1. the personnel officer of Sở Y tế opens "Đào tạo, bồi dưỡng" and picks a colleague not yet nominated
    await login(page, 'tochuc');
    await page.getByRole('menuitem', { name: 'Đào tạo, bồi dưỡng' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/training');
    const cadres = (await (await page.request.get('/api/cadres?pageSize=50')).json()) as { items: { id: string; code: string; fullName: string }[] };
    const enrolled = (await (await page.request.get('/api/training/enrolments')).json()) as { items: { personId: string }[] };
    const person = cadres.items.find((p) => !enrolled.items.some((e) => e.personId === p.id))!;
    expect(person).toBeTruthy();

    // 2. a need of that person, tied to their job post and tagged with a priority field
    await openTab(page, 'Nhu cầu đào tạo');
    await page.getByRole('button', { name: 'Ghi nhận nhu cầu' }).click();
    const needModal = page.getByRole('dialog', { name: 'Ghi nhận nhu cầu đào tạo, bồi dưỡng' });
    await pick(page, needModal, 'Cán bộ có nhu cầu', person.code, person.fullName);
    await pick(page, needModal, 'Lĩnh vực ưu tiên', 'Luật', 'Luật');
    await needModal.getByLabel('Nội dung cần đào tạo, bồi dưỡng').fill('Kỹ năng quản lý nhà nước theo vị trí việc làm sau hợp nhất');
    await shot(page, 'need');
    await needModal.getByRole('button', { name: 'Lưu' }).click();
    await needModal.waitFor({ state: 'detached' });
    const gapInfo = page.getByRole('button', { name: 'OK' });
    if (await gapInfo.isVisible().catch(() => false)) await gapInfo.click();
    await eventually(() => textOf(page.getByTestId('need-table'))).toContain(person.fullName);

    // 3. the nomination, with the training rules shown for the person before sending
    await openTab(page, 'Danh mục khóa học');
    const courseRow = page.locator(`[data-testid="course-table"] tr[data-course="${COURSE}"]`);
    await courseRow.getByRole('button', { name: 'Đề cử cán bộ' }).click();
    const nominate = page.getByRole('dialog', { name: `Đề cử đi học: ${COURSE}` });
    await pick(page, nominate, 'Cán bộ được đề cử', person.code, person.fullName);
    await pick(page, nominate, 'Nhu cầu đào tạo', '', 'Kỹ năng quản lý nhà nước theo vị trí việc làm sau hợp nhất');
    await eventually(() => textOf(nominate.getByTestId('nominate-eligibility'))).toMatch(/Kế hoạch 131\/KH-UBND/);
    await shot(page, 'nominate');
    await nominate.getByRole('button', { name: 'Đề cử' }).click();
    await nominate.waitFor({ state: 'detached' });
    await logout(page);

    // 4. Sở Nội vụ approves; the commitment shows on the chart of the year
    await login(page, 'sonoivu');
    await page.goto('/training?tab=budget');
    await page.getByTestId('budget-chart').waitFor();
    const committedBefore = await chartValue(page, 'data-committed');
    await openTab(page, 'Cử đi đào tạo');
    const row = page.locator(`[data-testid="enrolment-table"] tr[data-person="${person.fullName}"]`);
    await row.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    const approve = page.getByRole('dialog', { name: `Phê duyệt: ${person.fullName}` });
    await approve.locator('.ant-modal-footer').getByRole('button', { name: 'Phê duyệt' }).click();
    await dialogCloses(approve);
    await eventually(() => textOf(row)).toContain('Đã phê duyệt');
    await openTab(page, 'Kinh phí');
    await eventually(() => chartValue(page, 'data-committed')).toBe(committedBefore + COST);
    await shot(page, 'budget-approved');
    await logout(page);

    // 5. the unit records the enrolment, the payment and the certificate; the chart shows what was spent
    await login(page, 'tochuc');
    await page.goto('/training?tab=budget');
    await page.getByTestId('budget-chart').waitFor();
    const spentBefore = await chartValue(page, 'data-spent');
    await openTab(page, 'Cử đi đào tạo');
    const mine = page.locator(`[data-testid="enrolment-table"] tr[data-person="${person.fullName}"]`);
    const step = async (button: string, fill?: (d: Locator) => Promise<void>) => {
      await mine.getByRole('button', { name: button, exact: true }).click();
      const d = page.getByRole('dialog', { name: `${button}: ${person.fullName}` });
      await fill?.(d);
      await d.locator('.ant-modal-footer').getByRole('button', { name: button }).click();
      await d.waitFor({ state: 'detached' });
    };
    await step('Nhập học');
    await eventually(() => textOf(mine)).toContain('Đang học');
    await step('Ghi nhận chi', async (d) => {
      await d.getByLabel('Số tiền đã chi (đồng)').fill(String(PAID));
    });
    await courseHasRun(app!.databaseUrl, COURSE);
    await page.goto('/training?tab=enrolments');
    await eventually(() => textOf(mine)).toContain('Đang học');
    await step('Hoàn thành', async (d) => {
      await d.getByLabel('Kết quả (xếp loại)').fill('Giỏi');
      await d.getByLabel('Số văn bằng, chứng chỉ').fill('CC-131-0001');
    });
    await eventually(() => textOf(mine.getByTestId('certificate'))).toContain('CC-131-0001');
    expect(await textOf(mine)).toContain('Hoàn thành');
    expect(await textOf(mine)).toContain('Đã chi: 4.350.000 đồng');
    await shot(page, 'certificate');
    await openTab(page, 'Kinh phí');
    await eventually(() => chartValue(page, 'data-spent')).toBe(spentBefore + PAID);
    const syt = page.locator('[data-testid="budget-table"] tr[data-source="regular"]', { hasText: 'Sở Y tế' });
    expect(await textOf(syt.getByTestId('budget-spent'))).toBe('4.350.000 đồng');
    await shot(page, 'budget-spent');
    expect(pageErrors).toEqual([]);
  });
});
