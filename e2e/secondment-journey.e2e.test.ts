import { vietnamToday } from '../common/dates.js';
/**
 * Browser journey: one cadre from proposal to return, each step by the demo account of its role.
 * tochuc (Sở Y tế) proposes an eligible cadre from the screening → sonoivu appraises and forwards → lanhdao decides
 * (a numbered decision) → xa (the host commune) confirms reception and then sees the cadre's record → the cadre
 * files the first report → tochuc logs a contact → lanhdao ends the secondment early by decision → donvi places the
 * cadre back (a lower post is refused first) → the host no longer sees the record. Screenshots of each step in
 * test-results/e2e/secondment-*.png.
 *
 * Runs the real server (`node dist/server/main.js`, so `npm run build` first) in demo mode on a fresh database of
 * the PostgreSQL at 127.0.0.1:5432, and Debian's chromium through playwright-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.js';
import { apiSession } from './support/api-session.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { chooseOption, dialogCloses, eventually, expectAccessible, login, logout, screenshots, textOf, type Shot } from './support/page-helpers.js';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;
let shot: Shot;
const pageErrors: string[] = [];

const today = vietnamToday();
const viToday = today.split('-').reverse().join('/');

/** Types a date into an antd DatePicker (dd/mm/yyyy) found by its label inside the open dialog. */
async function typeDate(page: Page, label: string, vi: string) {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(vi);
  await input.press('Enter');
}

async function statusOf(page: Page) {
  return (await page.getByTestId('secondment-status').getAttribute('data-status')) ?? '';
}

/** Opens an action of the record page, runs `fill` in its dialog, submits, and waits for the dialog to close. */
async function act(page: Page, action: string, fill: () => Promise<void> = async () => {}) {
  await page.getByTestId(`action-${action}`).first().click();
  await page.getByRole('dialog').waitFor();
  await fill();
  await page.getByTestId(`submit-${action}`).click();
}

const FIRST_PASSWORD = 'Mat khau ban dau 2026';

/**
 * A cadre account for the proposed person (a setup step through the API): the administrator proposes it, Sở Nội vụ
 * confirms the grant (no single administrator opens a record alone); the cadre changes the password at first login.
 */
async function createCadreAccount(baseURL: string, personId: string, username: string) {
  const admin = await apiSession(baseURL, 'admin');
  const r = await fetch(`${baseURL}/api/users`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ username, displayName: 'Cán bộ được đề xuất', password: FIRST_PASSWORD, role: 'cadre', personId }),
  });
  expect(r.status).toBe(201);
  const { id } = (await r.json()) as { id: string };
  const homeAffairs = await apiSession(baseURL, 'sonoivu');
  const pending = (await (await fetch(`${baseURL}/api/grants/pending`, { headers: homeAffairs })).json()) as { items: { userId: string; grantId: string }[] };
  const grant = pending.items.find((g) => g.userId === id)!;
  const confirmed = await fetch(`${baseURL}/api/users/${id}/grants/${grant.grantId}/confirm`, { method: 'POST', headers: homeAffairs });
  expect(confirmed.status).toBe(200);
}

describe('secondment journey (browser)', () => {
  beforeAll(async () => {
    shot = screenshots('secondment-');
    app = await startAppServer({ name: 'secondment' });
    browser = await launchBrowser(app.baseURL, { acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('walks one cadre from the proposal to the return, each step by its own role', async () => {
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));

    // 1. the unit's personnel officer proposes an eligible cadre from the screening
    await login(page, 'tochuc');
    await page.goto('/plans/screening?verdict=eligible');
    const firstPropose = page.getByTestId('propose-button').first();
    await firstPropose.waitFor();
    await shot(page, 'screening');
    await firstPropose.click();
    await eventually(() => new URL(page.url()).pathname).toBe('/secondments/new');
    const personId = new URL(page.url()).searchParams.get('personId')!;
    expect(personId).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(() => textOf(page.getByTestId('propose-verdict'))).toMatch(/Đủ điều kiện/);
    const fullName = ((await (await page.request.get(`/api/cadres/${personId}`)).json()) as { identity: { fullName: string } }).identity.fullName;
    await page.getByTestId('proposal-target-group').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('proposal-remarks').fill('Hoàn thành tốt nhiệm vụ, có năng lực, uy tín; đủ sức khỏe công tác ở cơ sở.');
    await shot(page, 'propose');
    await expectAccessible(page, 'the proposal screen');
    await page.getByTestId('submit-propose').click();
    await eventually(() => new URL(page.url()).pathname).toMatch(/^\/secondments\/[0-9a-f-]{36}$/);
    const recordPath = new URL(page.url()).pathname;
    await eventually(() => statusOf(page)).toBe('proposed');
    await shot(page, 'proposed');
    await logout(page);

    // 2. Sở Nội vụ re-checks eligibility and the quota, and forwards it
    await login(page, 'sonoivu');
    await page.goto(recordPath);
    await eventually(() => statusOf(page)).toBe('proposed');
    await act(page, 'forward');
    await eventually(() => statusOf(page)).toBe('appraised');
    // and records the Party committee's opinion, which Plan 131 requires before the decision (II.1)
    await eventually(async () => page.getByTestId('party-opinion-bar').count()).toBe(1);
    await act(page, 'record_party_opinion', async () => {
      const dialog = page.getByRole('dialog');
      await page.getByTestId('opinion-committee').fill('Ban Thường vụ Đảng ủy Sở Y tế');
      await page.getByTestId('opinion-document').fill('15-CV/ĐU');
      await dialog.getByLabel('Đồng ý', { exact: true }).check();
      await dialog.getByLabel('Đủ tiêu chuẩn chính trị', { exact: true }).check();
    });
    await dialogCloses(page.getByRole('dialog'));
    await eventually(async () => page.getByTestId('party-opinions').getByText('15-CV/ĐU', { exact: false }).count()).toBe(1);
    await eventually(async () => page.getByTestId('party-opinion-bar').count()).toBe(0);
    await shot(page, 'appraised');
    await logout(page);

    // 3. the authority decides from the list (a batch of one), with the year's next number
    await login(page, 'lanhdao');
    await page.goto('/secondments?status=appraised');
    const listRow = page.locator('tr', { hasText: fullName });
    await listRow.locator('input[type="checkbox"]').check();
    await page.getByTestId('action-decide').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Người ký', { exact: true }).fill('Trần Văn Quyết');
    await dialog.getByLabel('Chức vụ người ký', { exact: true }).fill('Chủ tịch UBND thành phố');
    // the proposal named no commune: choose one (again if a busy machine let the click land during the list's animation)
    for (let attempt = 0; attempt < 3 && !(await textOf(page.getByTestId('decision-host-0'))).match(/Xã |Phường /); attempt++) {
      await page.getByTestId('decision-host-0').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await page
        .locator('.ant-select-dropdown:visible')
        .first()
        .waitFor({ state: 'hidden', timeout: 5_000 })
        .catch(() => page.getByRole('dialog').getByText('Xã, phường nơi đến').first().click());
    }
    expect(await textOf(page.getByTestId('decision-host-0'))).toMatch(/Xã |Phường /);
    await shot(page, 'decision');
    await expectAccessible(page, 'the decision dialog');
    await page.getByTestId('submit-decide').click();
    await dialogCloses(dialog);
    await page.goto(recordPath);
    await eventually(() => statusOf(page)).toBe('decided');
    const decisionText = await textOf(page.getByTestId('section-decisions'));
    expect(decisionText).toMatch(/\d{2}\/QĐ-UBND/);
    await shot(page, 'decided');
    await logout(page);

    // 4. the host commune confirms reception, starting today; from now it sees the cadre's record
    await login(page, 'xa');
    const before = await page.request.get(`/api/cadres/${personId}`);
    expect(before.status()).toBe(404);
    await page.goto(recordPath);
    await eventually(() => statusOf(page)).toBe('decided');
    await act(page, 'receive', async () => {
      await typeDate(page, 'Ngày bắt đầu công tác tại cơ sở', viToday);
      await page.getByTestId('receive-host-role').fill('Phó Chủ tịch UBND');
      await page.getByTestId('receive-assigned-work').fill('Phụ trách chuyển đổi số và cải cách hành chính');
    });
    await eventually(() => statusOf(page)).toBe('active');
    await shot(page, 'received');
    expect((await page.request.get(`/api/cadres/${personId}`)).status()).toBe(200);
    await logout(page);

    // 5. during: the cadre files the first periodic report; the unit logs a contact
    await createCadreAccount(app!.baseURL, personId, 'canbomoi');
    await login(page, 'canbomoi', undefined, FIRST_PASSWORD);
    await page.goto(recordPath);
    await eventually(() => statusOf(page)).toBe('active');
    await act(page, 'submit_report', async () => {
      await page.getByTestId('report-results').fill('Đã rà soát thủ tục hành chính, triển khai dịch vụ công trực tuyến toàn trình.');
    });
    await eventually(() => textOf(page.getByTestId('section-reports'))).toMatch(viToday);
    await shot(page, 'report');
    await logout(page);

    await login(page, 'tochuc');
    await page.goto(recordPath);
    await act(page, 'log_contact', async () => {
      await page.getByTestId('contact-summary').fill('Trao đổi qua điện thoại về nơi ở và công việc được phân công.');
    });
    await eventually(() => textOf(page.getByTestId('section-contacts'))).toMatch(/nơi ở/);
    await logout(page);

    // 6. the authority ends the secondment early by decision (today)
    await login(page, 'lanhdao');
    await page.goto(recordPath);
    await act(page, 'end_early', async () => {
      await page.getByRole('dialog').getByLabel('Lý do kết thúc trước thời hạn').fill('Điều động theo yêu cầu công tác của thành phố');
    });
    await eventually(() => statusOf(page)).toBe('ended_early');
    await shot(page, 'ended-early');
    await logout(page);

    // 7. the head of the unit places the cadre back: a lower post is refused with the clause, the reserved one is accepted
    await login(page, 'donvi');
    await page.goto(recordPath);
    await expect(textOf(page.getByTestId('reserved-post'))).resolves.toMatch(/\S/);
    await page.getByTestId('action-place').click();
    const place = page.getByRole('dialog');
    await place.waitFor();
    const reservedIsLeader = await place.getByLabel('Lãnh đạo, quản lý').isChecked();
    await chooseOption(page, page.getByTestId('place-outcome-rating'), 'Hoàn thành tốt nhiệm vụ');
    await page.getByTestId('place-outcome-remarks').fill('Hoàn thành tốt nhiệm vụ được giao ở cơ sở.');
    if (reservedIsLeader) {
      await place.getByLabel('Lãnh đạo, quản lý').uncheck();
      await page.getByTestId('submit-place').click();
      await eventually(() => textOf(place)).toMatch(/thấp hơn vị trí được bảo lưu/);
      // the comparison shows what is lower, and a lower placement asks for the authority's reason
      await eventually(() => textOf(page.getByTestId('place-comparison'))).toMatch(/Chức vụ lãnh đạo, quản lý.*Thấp hơn/);
      await eventually(() => page.getByTestId('place-lower-reason').isVisible()).toBe(true);
      // the rank and step are the reserved ones: the salary coefficient is read from the rank table and is not lower
      await eventually(() => textOf(page.getByTestId('place-comparison').locator('tr', { hasText: 'Hệ số lương' }))).toMatch(/\d,\d\d.*Không thấp hơn/);
      await shot(page, 'place-refused');
      await place.getByLabel('Lãnh đạo, quản lý').check();
      // the comparison is recomputed from the server: submit once it says the post is no longer lower (under load
      // the answer can take a while, and a submit before it would still ask for the reason)
      await eventually(() => textOf(page.getByTestId('place-comparison').locator('tr', { hasText: 'Chức vụ lãnh đạo, quản lý' }))).toMatch(/Không thấp hơn/);
      await eventually(() => page.getByTestId('place-lower-reason').isVisible()).toBe(false);
    }
    await shot(page, 'place');
    await page.getByTestId('submit-place').click();
    await dialogCloses(place);
    await eventually(() => statusOf(page)).toBe('returned');
    await expect(textOf(page.getByTestId('placement'))).resolves.toMatch(/\S/);
    await shot(page, 'returned');
    const timeline = await textOf(page.getByTestId('secondment-timeline'));
    expect(timeline).toMatch(/Quyết định/);
    await logout(page);

    // 8. the host's access to the record has ended
    await login(page, 'xa');
    expect((await page.request.get(`/api/cadres/${personId}`)).status()).toBe(404);
    await logout(page);

    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('shows Sở Nội vụ the oversight dashboard and the host commune its inbox, each item leading to its record', async () => {
    await browser!.context.clearCookies(); // whatever the first journey left
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));

    await login(page, 'sonoivu');
    await page.goto('/oversight');
    await page.getByTestId('returns-due-table').waitFor();
    await eventually(() => page.locator('svg rect').count()).toBeGreaterThan(5);
    const body = await textOf(page.locator('main'));
    expect(body).toMatch(/Chờ thẩm định/);
    expect(body).toMatch(/Đang tăng cường ở cơ sở/);
    await shot(page, 'oversight');
    await logout(page);

    await login(page, 'xa');
    const badge = page.getByTestId('inbox-badge');
    await badge.waitFor();
    await page.goto('/inbox');
    await page.getByTestId('inbox-table').waitFor();
    const first = page.getByTestId('inbox-item-link').first();
    await first.waitFor();
    await eventually(() => page.locator('.ant-spin-blur').count()).toBe(0);
    await shot(page, 'inbox');
    await first.click();
    await eventually(() => new URL(page.url()).pathname).toMatch(/^\/secondments\/[0-9a-f-]{36}$/);
    await page.getByTestId('secondment-status').waitFor();
    // the host reads the record without how the person was chosen
    await expect(textOf(page.getByTestId('section-proposal'))).resolves.toMatch(/thông tin nội bộ/);
    await logout(page);

    expect(pageErrors).toEqual([]);
  }, 120_000);
});
