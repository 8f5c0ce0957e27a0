/**
 * Browser journey through the plan's rules (issue 4): Sở Nội vụ opens the quotas, checks a unit's target against its
 * calculation, opens the screening of that unit and the explanation of one person, criterion by criterion with
 * its legal clause; then the head of Sở Y tế records the unit's assessment of a person whose assessment was
 * missing and sees that criterion, and the verdict, change.
 *
 * Runs the real server (`node dist/server/main.js`, so `npm run build` first) in demo mode on a fresh
 * database of the PostgreSQL at 127.0.0.1:5432, and Debian's chromium through playwright-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { eventually, login, logout, screenshots, textOf, type Shot } from './support/page-helpers.js';
import { CRITERIA } from '../common/eligibility.js';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;
let shot: Shot;
const pageErrors: string[] = [];

/** "2.599" → 2599, "129,95" → 129.95 (Vietnamese separators). */
const viNumber = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

/** Waits until an element stops moving (a drawer sliding in), so a screenshot shows it at rest. */
async function settled(l: Locator) {
  let last = '';
  await eventually(async () => {
    const box = JSON.stringify(await l.boundingBox());
    const same = box === last;
    last = box;
    return same;
  }).toBe(true);
}

type Criterion = { criterion: string; result: string; reason: string; clause: string };
type ScreeningItem = { personId: string; code: string; fullName: string; verdict: string; criteria: Criterion[] };

describe('plan rules journey (browser)', () => {
  beforeAll(async () => {
    shot = screenshots('plan-');
    app = await startAppServer({ name: 'plan' });
    browser = await launchBrowser(app.baseURL);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows quotas with their calculation, screens a unit, explains a verdict and records a unit assessment', async () => {
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));

    // 1. Sở Nội vụ opens "Chỉ tiêu" from the "Kế hoạch" group of the menu
    await login(page, 'sonoivu');
    await page.getByRole('menuitem', { name: 'Chỉ tiêu' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/plans/quotas');
    const quotaRows = page.locator('[data-testid="quota-table"] tbody tr.ant-table-row');
    await quotaRows.first().waitFor();
    expect(await quotaRows.count()).toBeGreaterThan(5);
    await eventually(() => textOf(page.getByTestId('quota-plan-version'))).toMatch(/Kế hoạch 131\/KH-UBND, phiên bản \d+, hiệu lực từ \d{2}\/\d{2}\/\d{4}/);
    expect(await textOf(page.getByTestId('quota-totals'))).toContain('Tổng cộng');
    await shot(page, 'quotas');

    // 2. a unit's target matches its explanation: staffing × rate = exact figure → rounded target
    const unitRow = quotaRows.filter({ hasText: 'Sở Y tế' }).first();
    const staffing = viNumber(await textOf(unitRow.getByTestId('quota-staffing')));
    const target = viNumber(await textOf(unitRow.getByTestId('quota-target')));
    const explanation = await textOf(unitRow.getByTestId('quota-explanation'));
    const m = /^([\d.]+) × ([\d,]+) ?% = ([\d.,]+) → làm tròn (\d+) người/.exec(explanation);
    expect(m, `explanation "${explanation}"`).not.toBeNull();
    const [, shownStaffing, shownRate, shownExact, shownTarget] = m!;
    expect(viNumber(shownStaffing)).toBe(staffing);
    expect(viNumber(shownExact)).toBeCloseTo((staffing * viNumber(shownRate)) / 100, 2);
    expect(viNumber(shownTarget)).toBe(target);
    expect(target).toBe(Math.round(viNumber(shownExact))); // Plan 131: "khoảng 5 %", rounded half up
    expect(target).toBeGreaterThan(0);

    // 3. clicking the unit opens the screening filtered by it, with the counts by verdict
    await unitRow.click();
    await eventually(() => new URL(page.url()).pathname).toBe('/plans/screening');
    const unitId = new URL(page.url()).searchParams.get('unitId');
    expect(unitId).toBeTruthy();
    await eventually(() => textOf(page.locator('.ant-card-head-title').first())).toBe('Sàng lọc cán bộ — Sở Y tế');
    const screeningRows = page.locator('[data-testid="screening-table"] tbody tr.ant-table-row');
    await screeningRows.first().waitFor();
    const api = (await (await page.request.get(`/api/eligibility?unitId=${unitId}&pageSize=1`)).json()) as {
      summary: { total: number; byVerdict: Record<string, number> };
    };
    expect(api.summary.total).toBeGreaterThan(0);
    await eventually(async () => viNumber(await textOf(page.getByTestId('tile-all-value')))).toBe(api.summary.total);
    for (const v of ['eligible', 'not_eligible', 'needs_info']) {
      expect(viNumber(await textOf(page.getByTestId(`tile-${v}-value`)))).toBe(api.summary.byVerdict[v]);
    }
    expect(await textOf(page.getByTestId('criterion-breakdown'))).toContain('Đơn vị đánh giá đủ năng lực, uy tín, triển vọng');
    await shot(page, 'screening-unit');

    // clicking a verdict tile filters the list (kept in the address)
    await page.getByTestId('tile-not_eligible').click();
    await eventually(() => new URL(page.url()).searchParams.get('verdict')).toBe('not_eligible');
    await eventually(async () =>
      (await page.locator('[data-testid="screening-table"] [data-testid="row-verdict"]').allInnerTexts()).every((t) => t === 'Không đủ điều kiện'),
    ).toBe(true);

    // 4. a person's explanation: every criterion with its result, reason and legal clause
    const first = screeningRows.first();
    const name = await textOf(first.locator('a').first());
    await first.click();
    const drawer = page.getByRole('dialog', { name: 'Giải thích kết quả sàng lọc' });
    await drawer.waitFor();
    await eventually(() => textOf(drawer.getByTestId('eligibility-name'))).toBe(name);
    const blocks = drawer.locator('[data-testid^="criterion-"][data-result]');
    await eventually(() => blocks.count()).toBe(CRITERIA.length);
    for (let i = 0; i < CRITERIA.length; i++) {
      const clause = await textOf(blocks.nth(i).getByTestId('criterion-clause'));
      expect(clause).toMatch(/^Căn cứ: .*(Kế hoạch 131\/KH-UBND|Nghị định|Quy định)/);
    }
    expect(await textOf(drawer.getByTestId('eligibility-verdict'))).toBe('Không đủ điều kiện');
    expect(await drawer.locator('[data-testid^="criterion-"][data-result="fail"]').count()).toBeGreaterThan(0);
    expect(await textOf(drawer.getByTestId('eligibility-basis'))).toMatch(/Kế hoạch 131\/KH-UBND, phiên bản \d+, hiệu lực từ .*; ngày xét \d{2}\/\d{2}\/\d{4}/);
    expect(new URL(page.url()).searchParams.get('person')).toBeTruthy(); // the open explanation is part of the address
    await settled(drawer);
    await shot(page, 'explanation', false);
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    // 5. the head of Sở Y tế assesses a person whose assessment is missing (ideally the only thing missing)
    await logout(page);
    await login(page, 'donvi');
    await eventually(() => textOf(page.getByTestId('current-user'))).toContain('Thủ trưởng đơn vị');
    const screened = (await (await page.request.get('/api/eligibility?verdict=needs_info&pageSize=100')).json()) as { items: ScreeningItem[] };
    const missingAssessment = (p: ScreeningItem) => p.criteria.some((c) => c.criterion === 'unit_assessment' && c.result === 'unknown');
    const onlyAssessmentMissing = (p: ScreeningItem) =>
      missingAssessment(p) && p.criteria.every((c) => c.criterion === 'unit_assessment' || c.result === 'pass' || c.result === 'na');
    const person = screened.items.find(onlyAssessmentMissing) ?? screened.items.find(missingAssessment);
    expect(person, 'the demo data has someone in Sở Y tế without an assessment').toBeTruthy();

    await page.getByRole('menuitem', { name: 'Sàng lọc cán bộ' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/plans/screening');
    await eventually(() => textOf(page.locator('.ant-card-head-title').first())).toBe('Sàng lọc cán bộ');
    await screeningRows.first().waitFor();
    const searched = page.waitForResponse((r) => r.url().includes('/api/eligibility?') && r.url().includes(`q=${person!.code}`) && r.ok());
    await page.getByLabel('Tìm kiếm').fill(person!.code);
    await searched;
    const row = screeningRows.filter({ hasText: person!.code });
    await eventually(() => row.count()).toBe(1);
    await row.click();
    await drawer.waitFor();
    const assessment = drawer.getByTestId('criterion-unit_assessment');
    await eventually(() => assessment.getAttribute('data-result')).toBe('unknown');
    expect(await textOf(assessment)).toContain('Đơn vị chưa nhận xét, đánh giá');
    await settled(drawer);
    await assessment.scrollIntoViewIfNeeded();
    await shot(page, 'before-assessment', false);

    await drawer.getByRole('button', { name: 'Nhận xét, đánh giá' }).click();
    const modal = page.getByRole('dialog', { name: `Nhận xét, đánh giá: ${person!.fullName}` });
    await modal.waitFor();
    for (const aspect of ['Lập trường, tư tưởng chính trị', 'Năng lực', 'Uy tín', 'Triển vọng phát triển']) {
      await modal.getByRole('radiogroup', { name: aspect }).getByLabel('Đạt', { exact: true }).check();
    }
    await modal.getByLabel('Nhận xét').fill('Lập trường vững vàng, hoàn thành tốt nhiệm vụ, có uy tín và triển vọng.');
    await shot(page, 'assessment-form', false);
    const posted = page.waitForResponse((r) => r.url().endsWith(`/api/eligibility/people/${person!.personId}/assessments`) && r.request().method() === 'POST');
    await modal.getByRole('button', { name: 'Lưu đánh giá' }).click();
    expect((await posted).status()).toBe(201);
    await modal.waitFor({ state: 'hidden' });

    // 6. the criterion (and, when it was the only thing missing, the verdict) changes
    await eventually(() => assessment.getAttribute('data-result')).toBe('pass');
    expect(await textOf(assessment)).toContain('Đạt các mặt');
    expect(await textOf(assessment)).toContain('Thủ trưởng Sở Y tế');
    if (onlyAssessmentMissing(person!)) await eventually(() => textOf(drawer.getByTestId('eligibility-verdict'))).toBe('Đủ điều kiện');
    await assessment.scrollIntoViewIfNeeded();
    await shot(page, 'after-assessment', false);
    await drawer.getByTestId('eligibility-verdict').scrollIntoViewIfNeeded();
    await shot(page, 'after-assessment-verdict', false);

    // the list behind the drawer was read again too
    await drawer.locator('.ant-drawer-close').click();
    await eventually(() => row.getAttribute('data-row-key')).toBe(person!.personId);
    if (onlyAssessmentMissing(person!)) await eventually(() => textOf(row.getByTestId('row-verdict'))).toBe('Đủ điều kiện');

    expect(pageErrors).toEqual([]);
  });
});
