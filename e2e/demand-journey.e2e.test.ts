/**
 * Browser journey of issue 13, from a commune's needs to the proposals: xa (the host commune) declares two needs
 * through the form and sends them — one for the field the demo's eligible cadres hold (lãnh đạo), one for a field
 * none of them holds (nông nghiệp) → sonoivu approves both, opens a round, puts them in it and approves the round by
 * a decision dated today → runs the matching on that round: the proof, why the pair was proposed, why the other
 * need is unfilled, why an eligible cadre was not proposed → accepts the pair → the proposal is in the secondment
 * list with its destination → the cadre's sending unit sees it in its own list. Screenshots of each step in
 * test-results/e2e/demand-*.png.
 *
 * Runs the real server (`node dist/server/main.js`, so `npm run build` first) in demo mode on a fresh database of
 * the PostgreSQL at 127.0.0.1:5432, and Debian's chromium through playwright-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { vietnamToday } from '../common/dates.js';
import { startAppServer, type AppServer } from './support/app-server.js';
import { apiSession } from './support/api-session.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { chooseOption, dialogCloses, eventually, expectAccessible, login, logout, screenshots, textOf, type Shot } from './support/page-helpers.js';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;
let shot: Shot;
const pageErrors: string[] = [];

const viToday = vietnamToday().split('-').reverse().join('/');
const COMMUNE = 'Phường An Bình';
const FILLABLE = 'Cán bộ lãnh đạo phụ trách cải cách hành chính';
const UNFILLABLE = 'Cán bộ khuyến nông hỗ trợ hợp tác xã';
const ROUND = 'Đợt bổ sung tháng 12: nhu cầu của Phường An Bình';
const DECISION_NO = '512/QĐ-SNV';

const pick = (page: Page, select: Locator, label: string) => chooseOption(page, select, label);

/** Declares one need through the form and sends it to Sở Nội vụ. */
async function declareNeed(page: Page, need: { field: string; title: string; count: number; reason: string }) {
  await page.getByTestId('need-new').click();
  const dialog = page.getByRole('dialog', { name: /Khai báo nhu cầu tăng cường/ });
  await dialog.waitFor();
  await pick(page, dialog.getByLabel('Lĩnh vực', { exact: true }), need.field);
  await dialog.getByLabel('Chức danh, công việc cần tăng cường', { exact: true }).fill(need.title);
  await dialog.getByLabel('Số người', { exact: true }).fill(String(need.count));
  await pick(page, dialog.getByLabel('Mức độ', { exact: true }), 'Cấp bách');
  await dialog.getByLabel('Lý do', { exact: true }).fill(need.reason);
  return dialog;
}

const FIRST_PASSWORD = 'Mat khau ban dau 2026';

/**
 * The login of the personnel officer of the cadre's sending unit: the demo's `tochuc` when that is Sở Y tế's
 * (it then reads the cadre), else an account made for that unit (a setup step through the API: the administrator
 * proposes it, Sở Nội vụ confirms the grant; the password is changed at first login).
 */
async function sendingUnitLogin(baseURL: string, personId: string, unitId: string): Promise<{ username: string; password?: string }> {
  const demoHr = await apiSession(baseURL, 'tochuc');
  if ((await fetch(`${baseURL}/api/cadres/${personId}`, { headers: demoHr })).status === 200) return { username: 'tochuc' };
  const admin = await apiSession(baseURL, 'admin');
  const r = await fetch(`${baseURL}/api/users`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ username: 'tochucdonvicu', displayName: 'Cán bộ tổ chức đơn vị cử', password: FIRST_PASSWORD, role: 'unit_hr', unitId }),
  });
  expect(r.status).toBe(201);
  const { id } = (await r.json()) as { id: string };
  const homeAffairs = await apiSession(baseURL, 'sonoivu');
  const pending = (await (await fetch(`${baseURL}/api/grants/pending`, { headers: homeAffairs })).json()) as { items: { userId: string; grantId: string }[] };
  const grant = pending.items.find((g) => g.userId === id)!;
  const confirmed = await fetch(`${baseURL}/api/users/${id}/grants/${grant.grantId}/confirm`, { method: 'POST', headers: homeAffairs });
  expect(confirmed.status).toBe(200);
  return { username: 'tochucdonvicu', password: FIRST_PASSWORD };
}

interface RunPair {
  personId: string;
  fullName: string;
  sendingUnitName: string;
  needId: string;
  communeName: string;
  postTitle: string | null;
}
interface RunResponse {
  id: string;
  pairs: RunPair[];
  unfilled: { needId: string; postTitle: string | null }[];
}

describe('demand journey: from a commune’s needs to the proposals (browser)', () => {
  beforeAll(async () => {
    shot = screenshots('demand-');
    app = await startAppServer({ name: 'demand' });
    browser = await launchBrowser(app.baseURL);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('declares two needs, approves the round, matches, reads why, accepts, and finds the proposals with their destination', async () => {
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));

    // 1. the host commune declares two needs through the form and sends them to Sở Nội vụ
    await login(page, 'xa');
    await page.goto('/demand');
    await page.getByTestId('need-new').waitFor();
    let dialog = await declareNeed(page, {
      field: 'Lãnh đạo',
      title: FILLABLE,
      count: 1,
      reason: 'Phó Chủ tịch UBND phường còn khuyết sau sắp xếp; cần cán bộ có năng lực chỉ đạo cải cách hành chính',
    });
    await shot(page, 'need-form');
    await expectAccessible(page, 'the need form');
    await dialog.getByRole('button', { name: 'Gửi Sở Nội vụ' }).click();
    await dialogCloses(dialog);
    await eventually(() => textOf(page.locator('.ant-message'))).toMatch(/Đã gửi nhu cầu đến Sở Nội vụ/);
    dialog = await declareNeed(page, {
      field: 'Nông nghiệp',
      title: UNFILLABLE,
      count: 2,
      reason: 'Chuyển đổi cơ cấu cây trồng, vật nuôi; cần cán bộ có chuyên môn nông nghiệp',
    });
    await dialog.getByRole('button', { name: 'Gửi Sở Nội vụ' }).click();
    await dialogCloses(dialog);
    const communeNeeds = page.getByTestId('needs-table');
    for (const title of [FILLABLE, UNFILLABLE]) {
      await eventually(() => textOf(communeNeeds.locator('tr', { hasText: title }))).toMatch(/Cấp bách[\s\S]*Đã gửi, chờ Sở Nội vụ xem xét/);
    }
    await shot(page, 'needs-sent');
    await logout(page);

    // 2. Sở Nội vụ approves each need, opens a round, puts both in it and approves the round by a decision of today
    await login(page, 'sonoivu');
    await page.goto('/demand');
    await page.getByRole('tab', { name: 'Xem xét nhu cầu' }).click();
    let panel = page.getByRole('tabpanel');
    for (const [title, count] of [
      [FILLABLE, 1],
      [UNFILLABLE, 2],
    ] as const) {
      const row = panel.locator('tr', { hasText: title });
      await expect(textOf(row)).resolves.toContain(COMMUNE);
      await row.getByTestId('need-approve').click();
      const review = page.getByRole('dialog', { name: 'Chấp thuận nhu cầu' });
      await review.waitFor();
      expect(await textOf(review)).toContain(`${COMMUNE}: ${title} — ${count} người`);
      await expect(review.getByLabel('Số người chấp thuận', { exact: true }).inputValue()).resolves.toBe(String(count));
      await review.getByRole('button', { name: 'Xác nhận' }).click();
      await dialogCloses(review);
      // approved, it leaves the list of needs waiting for review
      await eventually(() => panel.locator('tr', { hasText: title }).count()).toBe(0);
    }
    await page.getByRole('tab', { name: 'Đợt tổng hợp' }).click();
    panel = page.getByRole('tabpanel');
    await page.getByTestId('round-new').click();
    const create = page.getByRole('dialog', { name: 'Mở đợt tổng hợp nhu cầu' });
    await create.getByLabel('Tên đợt', { exact: true }).fill(ROUND);
    await create.getByRole('button', { name: 'Tạo' }).click();
    await dialogCloses(create);
    // the round's own card (the innermost of the cards whose title is the round's name)
    const detail = panel.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: ROUND }) }).last();
    await detail.getByText('Nhu cầu đã chấp thuận, chưa thuộc đợt nào').waitFor();
    for (const title of [FILLABLE, UNFILLABLE]) await detail.locator('tr', { hasText: title }).locator('input[type="checkbox"]').check();
    await expect(textOf(detail.getByTestId('round-add'))).resolves.toMatch(/Đưa 2 nhu cầu vào đợt/);
    await detail.getByTestId('round-add').click();
    await eventually(() => textOf(panel.locator('.ant-list-item', { hasText: ROUND }))).toMatch(/2 nhu cầu · 3 người · 1 xã, phường/);
    await shot(page, 'round');
    await detail.getByTestId('round-approve').click();
    const approve = page.getByRole('dialog', { name: 'Phê duyệt đợt tổng hợp nhu cầu' });
    await approve.waitFor();
    expect(await textOf(approve)).toMatch(/2 nhu cầu \(3 người\)/);
    await approve.getByLabel('Số quyết định', { exact: true }).fill(DECISION_NO);
    const date = approve.getByLabel('Ngày quyết định', { exact: true });
    await date.click();
    await date.fill(viToday);
    await date.press('Enter');
    await approve.getByRole('button', { name: 'Phê duyệt' }).click();
    await dialogCloses(approve);
    await eventually(() => textOf(panel.locator('.ant-list-item', { hasText: ROUND }))).toMatch(
      new RegExp(`Đã phê duyệt[\\s\\S]*QĐ ${DECISION_NO} ngày ${viToday}`),
    );
    await shot(page, 'round-approved');

    // 3. the matching on that round: proven optimal, why the pair, why the other need is unfilled, why not another cadre
    await page.getByRole('tab', { name: 'Ghép cán bộ với nhu cầu' }).click();
    panel = page.getByRole('tabpanel');
    await pick(page, page.getByLabel('Đợt tổng hợp đã phê duyệt'), ROUND);
    await expect(textOf(panel.locator('.ant-select').first())).resolves.toContain(`${ROUND} (QĐ ${DECISION_NO} ngày ${viToday})`);
    const [runResponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/matching/runs'),
      page.getByTestId('matching-run').click(),
    ]);
    expect(runResponse.status()).toBe(201);
    const run = (await runResponse.json()) as RunResponse;
    await eventually(() => textOf(panel.locator('.ant-alert').first())).toMatch(/Phương án tối ưu đã được chứng minh: [\d.,]+ điểm/);
    const tables = panel.locator('.ant-table');
    const pairRows = tables.first().locator('tbody tr.ant-table-row');
    // one seat for the fillable need, none for the other: exactly one pair, at the commune, for the lãnh đạo need
    await eventually(() => pairRows.count()).toBe(1);
    expect(run.pairs).toHaveLength(1);
    const pair = run.pairs[0]!;
    expect(pair.postTitle).toBe(FILLABLE);
    const pairText = await textOf(pairRows.first());
    expect(pairText).toContain(pair.fullName);
    expect(pairText).toContain(pair.sendingUnitName);
    expect(pairText).toContain(COMMUNE);
    expect(pairText).toMatch(new RegExp(`Bố trí vào ${FILLABLE} tại ${COMMUNE}: đúng lĩnh vực Lãnh đạo`));
    expect(pairText).toMatch(/\d+ điểm = bố trí 10 \+ lĩnh vực 2 \+ mức độ cấp bách 3/);
    expect(pairText).toMatch(/nhu cầu đã đủ 1\/1 người/);
    const unfilledRows = tables.nth(1).locator('tbody tr.ant-table-row');
    await eventually(() => unfilledRows.count()).toBe(1);
    const unfilled = await textOf(unfilledRows.first());
    expect(unfilled).toContain(UNFILLABLE);
    expect(unfilled).toContain('0/2');
    expect(unfilled).toMatch(/Còn thiếu 2\/2 người .*: không có cán bộ đủ điều kiện thuộc lĩnh vực Nông nghiệp/);
    await shot(page, 'matching');
    // why not another eligible cadre (found by code, as the officer types it) for the filled need
    const eligible = (await (await page.request.get('/api/eligibility?verdict=eligible&pageSize=50')).json()) as {
      items: { personId: string; code: string; fullName: string }[];
    };
    const other = eligible.items.find((p) => p.personId !== pair.personId)!;
    expect(other).toBeDefined();
    await page.locator('#why-not-person').click();
    await page.locator('#why-not-person').fill(other.code);
    const personOption = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: other.code });
    await personOption.click();
    await pick(page, page.locator('#why-not-need'), `${FILLABLE} — ${COMMUNE}`);
    await page.getByTestId('why-not-ask').click();
    const answer = await eventually(() => textOf(page.getByTestId('why-not-answer')))
      .toMatch(/Các chỗ của nhu cầu và chỉ tiêu của đơn vị đã dành cho cặp khác|chỉ tiêu cử tăng cường/)
      .then(() => textOf(page.getByTestId('why-not-answer')));
    expect(answer).not.toMatch(/Cặp này có trong phương án/);
    // and the proposed cadre for the need nobody could fill: the field does not fit
    const pairCode = ((await (await page.request.get(`/api/cadres/${pair.personId}`)).json()) as { identity: { code: string } }).identity.code;
    await page.locator('#why-not-person').click();
    await page.locator('#why-not-person').fill(pairCode);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: pairCode }).click();
    await pick(page, page.locator('#why-not-need'), `${UNFILLABLE} — ${COMMUNE}`);
    await page.getByTestId('why-not-ask').click();
    await eventually(() => textOf(page.getByTestId('why-not-answer'))).toBe('Lĩnh vực của cán bộ không phù hợp với nhu cầu (Nông nghiệp).');
    await shot(page, 'why-not');

    // 4. the pair is selected (the run selects every pair): accepted into a proposal, checked again today
    const checkbox = pairRows.first().getByLabel(`Chọn cặp ${pair.fullName} – ${COMMUNE}`);
    await expect(checkbox.isChecked()).resolves.toBe(true);
    // unselected, nothing can be accepted; selected again, the one pair can
    await checkbox.uncheck();
    await expect(page.getByTestId('matching-accept').isDisabled()).resolves.toBe(true);
    await checkbox.check();
    await expect(textOf(page.getByTestId('matching-accept'))).resolves.toMatch(/Chấp nhận 1 cặp đã chọn/);
    await page.getByTestId('matching-check').click();
    await eventually(() => textOf(page.getByTestId('matching-check-result'))).toMatch(/Danh sách hợp lệ: [\d.,]+ điểm, kém phương án tối ưu 0 điểm/);
    await page.getByTestId('matching-accept').click();
    const confirm = page.locator('.ant-popconfirm:visible');
    await expect(textOf(confirm)).resolves.toMatch(/Chấp nhận 1 cặp thành đề xuất cử tăng cường\?/);
    await shot(page, 'accept-confirm', false);
    await confirm.getByRole('button', { name: 'Chấp nhận' }).click();
    await eventually(() => textOf(page.locator('.ant-message'))).toMatch(/Đã tạo 1 đề xuất cử tăng cường/);
    await eventually(() => textOf(pairRows.first())).toMatch(/Đã thành đề xuất/);
    expect(await page.getByTestId('matching-refusals').count()).toBe(0);
    // nothing left to accept
    await expect(page.getByTestId('matching-accept').isDisabled()).resolves.toBe(true);
    await shot(page, 'accepted');
    await expectAccessible(page, 'the matching tab after acceptance');

    // 5. the secondment list: the cadre, proposed, bound for the commune
    await page.getByRole('link', { name: 'Xem các đề xuất trong danh sách cử tăng cường' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/secondments');
    await page.goto(`/secondments?status=proposed&q=${encodeURIComponent(pairCode)}`);
    const listed = page.getByTestId('secondment-table').locator('tbody tr.ant-table-row', { hasText: pair.fullName });
    await eventually(() => listed.count()).toBe(1);
    const listedText = await textOf(listed);
    expect(listedText).toContain(pair.sendingUnitName);
    expect(listedText).toContain(COMMUNE);
    expect(await listed.locator('[data-status]').getAttribute('data-status')).toBe('proposed');
    await shot(page, 'secondments');
    const summary = (await (await page.request.get(`/api/secondments?q=${encodeURIComponent(pairCode)}`)).json()) as {
      items: { id: string; status: string; sendingUnit: { id: string; name: string }; hostUnit: { name: string } | null; person: { id: string } }[];
    };
    const proposal = summary.items.find((s) => s.person.id === pair.personId && s.status === 'proposed')!;
    expect(proposal.hostUnit?.name).toBe(COMMUNE);
    await logout(page);

    // 6. the cadre's sending unit sees the proposal in its own list, bound for the commune
    const unit = await sendingUnitLogin(app!.baseURL, pair.personId, proposal.sendingUnit.id);
    await login(page, unit.username, undefined, unit.password);
    await page.goto('/secondments?status=proposed');
    const own = page.getByTestId('secondment-table').locator('tbody tr.ant-table-row', { hasText: pair.fullName });
    await eventually(() => own.count()).toBeGreaterThanOrEqual(1);
    const ownText = await textOf(own.filter({ hasText: COMMUNE }).first());
    expect(ownText).toContain(proposal.sendingUnit.name);
    expect(ownText).toContain(COMMUNE);
    await shot(page, 'sending-unit');
    await own.filter({ hasText: COMMUNE }).first().getByTestId('secondment-link').click();
    await eventually(() => new URL(page.url()).pathname).toBe(`/secondments/${proposal.id}`);
    await eventually(async () => page.getByTestId('secondment-status').getAttribute('data-status')).toBe('proposed');
    await logout(page);

    expect(pageErrors).toEqual([]);
  }, 180_000);
});
