/**
 * Browser journey through the statutory exclusions (issue 12): the personnel officer of Sở Y tế records an open
 * discipline case on the profile of an eligible person; the person leaves the eligible list and the explanation
 * shows the clause of Law 80/2025 Art. 38 cl. 2; the officer closes the case (today, with its outcome) and the
 * person is eligible again.
 *
 * Runs the real server (`node dist/server/main.js`, so `npm run build` first) in demo mode on a fresh
 * database of the PostgreSQL at 127.0.0.1:5432, and Debian's chromium through playwright-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { dialogCloses, eventually, expectAccessible, login, screenshots, textOf, type Shot } from './support/page-helpers.js';
import { vietnamToday } from '../common/dates.js';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;
let shot: Shot;
const pageErrors: string[] = [];
const viToday = vietnamToday().split('-').reverse().join('/');

type ScreeningItem = { personId: string; code: string; fullName: string; verdict: string };

async function typeDate(page: Page, label: string, vi: string) {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(vi);
  await input.press('Enter');
}

/** The people of the officer's scope the screening calls eligible today whose code is `code` (0 or 1). */
async function eligibleWithCode(page: Page, code: string) {
  const r = (await (await page.request.get(`/api/eligibility?verdict=eligible&q=${encodeURIComponent(code)}&pageSize=5`)).json()) as { items: ScreeningItem[] };
  return r.items.filter((i) => i.code === code).length;
}

async function openEligibility(page: Page, personId: string) {
  await page.goto(`/cadres/${personId}?tab=eligibility`);
  await page.getByTestId('eligibility-tab').waitFor();
  return page.getByTestId('criterion-proceedings');
}

describe('exclusions journey (browser)', () => {
  beforeAll(async () => {
    shot = screenshots('exclusions-');
    app = await startAppServer({ name: 'exclusions' });
    browser = await launchBrowser(app.baseURL);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('an open discipline case takes the person off the eligible list with its clause; closing it puts them back', async () => {
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await login(page, 'tochuc');

    // 1. an eligible person of the unit
    const list = (await (await page.request.get('/api/eligibility?verdict=eligible&pageSize=1')).json()) as { items: ScreeningItem[] };
    const person = list.items[0];
    expect(person, 'the demo data has an eligible person in Sở Y tế').toBeTruthy();
    const before = await openEligibility(page, person.personId);
    await eventually(() => before.getAttribute('data-result')).toBe('pass');
    expect(await textOf(before)).toContain('Không có vụ việc đang xem xét, điều tra, truy tố, xét xử được ghi nhận');

    // 2. the officer records an open discipline case on the "Vụ việc, hoàn cảnh" tab
    await page.getByRole('tab', { name: 'Vụ việc, hoàn cảnh' }).click();
    await page.getByTestId('add-proceedings').click();
    const dialog = page.getByRole('dialog', { name: 'Thêm vụ việc' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Loại vụ việc' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Đang xem xét kỷ luật' }).first().click();
    await typeDate(page, 'Ngày bắt đầu', viToday);
    await dialog.getByLabel('Số văn bản').fill('15/TB-UBKT');
    await shot(page, 'record-case', false);
    const created = page.waitForResponse((r) => r.url().endsWith(`/api/cadres/${person.personId}/proceedings`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    expect((await created).status()).toBe(201);
    await dialogCloses(dialog);
    const section = page.getByTestId('section-proceedings');
    await eventually(() => textOf(section)).toContain('Chưa kết thúc');
    expect(await textOf(section)).toContain('15/TB-UBKT');
    await expectAccessible(page, 'the exclusions tab of a profile');
    await shot(page, 'case-open');

    // 3. not eligible any more, with the clause; off the eligible list
    const open = await openEligibility(page, person.personId);
    await eventually(() => open.getAttribute('data-result')).toBe('fail');
    expect(await textOf(open)).toContain('Đang xem xét kỷ luật');
    expect(await textOf(open.getByTestId('criterion-clause'))).toContain('Luật Cán bộ, công chức 80/2025/QH15, Điều 38 khoản 2');
    await eventually(() => textOf(page.getByTestId('eligibility-verdict'))).toBe('Không đủ điều kiện');
    expect(await eligibleWithCode(page, person.code)).toBe(0);
    await shot(page, 'not-eligible');

    // 4. the case closes today with its outcome
    await page.getByRole('tab', { name: 'Vụ việc, hoàn cảnh' }).click();
    await section.getByTestId('close-proceeding').click();
    const closeDialog = page.getByRole('dialog', { name: 'Kết thúc vụ việc' });
    await closeDialog.waitFor();
    await typeDate(page, 'Ngày kết thúc', viToday);
    await closeDialog.getByLabel('Số văn bản').fill('20/KL-UBKT');
    await closeDialog.getByLabel('Kết quả').fill('Không kỷ luật');
    await expectAccessible(page, 'the dialog closing a proceeding');
    await shot(page, 'close-case', false);
    const closedCall = page.waitForResponse((r) => r.url().endsWith('/close') && r.request().method() === 'POST');
    await closeDialog.getByRole('button', { name: 'Kết thúc vụ việc' }).click();
    expect((await closedCall).status()).toBe(200);
    await dialogCloses(closeDialog);
    await eventually(() => textOf(section)).toContain('Đã kết thúc: Không kỷ luật');
    expect(await section.getByTestId('close-proceeding').count()).toBe(0);

    // 5. eligible again from the day it closed
    const closed = await openEligibility(page, person.personId);
    await eventually(() => closed.getAttribute('data-result')).toBe('pass');
    await eventually(() => textOf(page.getByTestId('eligibility-verdict'))).toBe('Đủ điều kiện');
    expect(await eligibleWithCode(page, person.code)).toBe(1);
    await shot(page, 'eligible-again');

    expect(pageErrors).toEqual([]);
  });
});
