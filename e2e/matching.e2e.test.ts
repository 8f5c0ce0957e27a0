/**
 * Sở Nội vụ matches the eligible cadres with the demo's approved round of commune needs (issue 13): the proposal is
 * proven optimal, each pair says why, each need left short says why; on a desktop and a phone, with no serious axe
 * violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { eventually, expectAccessible, login, textOf } from './support/page-helpers.js';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;

describe('matching cadres with the communes’ needs (browser)', () => {
  beforeAll(async () => {
    app = await startAppServer({ name: 'matching' });
    browser = await launchBrowser(app.baseURL);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('runs the matching on the approved round and reads why a pair was proposed and why a need is short', async () => {
    const page = await browser!.context.newPage();
    await login(page, 'sonoivu');
    await page.goto('/demand');
    await page.getByRole('tab', { name: 'Ghép cán bộ với nhu cầu' }).click();
    await page.getByTestId('matching-run').click();
    await eventually(() => textOf(page.locator('.ant-alert'))).toMatch(/Phương án tối ưu đã được chứng minh: [\d.,]+ điểm/);
    const panel = page.getByRole('tabpanel');
    const tables = panel.locator('.ant-table');
    // the pairs: each with the need it fills and why
    await eventually(() => tables.first().locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    const firstPair = await textOf(tables.first().locator('tbody tr.ant-table-row').first());
    expect(firstPair).toMatch(/\S/);
    expect(firstPair).toMatch(/điểm|nhu cầu|lĩnh vực/i);
    // the needs left short, each with its reason (or none left short)
    const short = await textOf(tables.nth(1));
    expect(short).toMatch(/Lý do|Mọi nhu cầu đều đã có người/);
    await expectAccessible(page, 'the matching result');
    // on a phone the result is still readable without scrolling the page sideways
    await page.setViewportSize({ width: 390, height: 844 });
    // the layout follows the new width once antd's breakpoints have fired: wait for it (under load that takes a while)
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await eventually(overflow).toBeLessThanOrEqual(1);
    const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    const offenders = await page.evaluate(() => {
      const clipped = (e: Element | null): boolean => {
        for (let a = e?.parentElement; a; a = a.parentElement) if (['hidden', 'auto', 'scroll', 'clip'].includes(getComputedStyle(a).overflowX)) return true;
        return false;
      };
      return [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))
        .slice(0, 6)
        .map((e) => `${e.tagName}.${String(e.className).slice(0, 50)}:${Math.round(e.getBoundingClientRect().right)}`);
    });
    expect(width.page, `the page scrolls sideways on a phone: ${offenders.join(' | ')}`).toBeLessThanOrEqual(width.screen + 1);
  });
});
