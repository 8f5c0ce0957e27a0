/**
 * Browser journey: every screen passes axe-core (WCAG 2.1 A and AA rules) with no serious or critical violation.
 * The login page, then for sonoivu (Sở Nội vụ), donvi (a unit's head), xa (a host commune, on a phone) and canbo (a
 * cadre, on a phone) each screen of that role's menu (the links of the side menu, as web/src/app/menu.tsx decides
 * from the session) plus one detail page: a cadre's record and a secondment.
 *
 * Runs the real server (`node dist/server/main.js`, so `npm run build` first) in demo mode on a fresh database of
 * the PostgreSQL at 127.0.0.1:5432, and Debian's chromium through playwright-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { login, seriousAxeViolations } from './support/page-helpers.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let app: AppServer | undefined;
const browsers: LaunchedBrowser[] = [];

/** Waits for the screen's data: the requests done, no spinner or skeleton left, then a short settle for antd's motion. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-table-placeholder .ant-spin'), null, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  await page.waitForTimeout(400);
}

/**
 * The screens of the user's menu (web/src/app/menu.tsx), read from its links: the groups' entries, not the group. On a
 * phone the side menu folds away (its groups' entries are not rendered), so it is read at a desktop width.
 */
async function menuPaths(page: Page, phone: boolean): Promise<string[]> {
  if (phone) await page.setViewportSize({ width: 1440, height: 900 });
  const menu = page.getByRole('menu', { name: 'Chức năng' });
  await menu.locator('a[href]').first().waitFor();
  const hrefs = await menu.locator('a[href]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  if (phone) await page.setViewportSize(PHONE.viewport);
  return [...new Set(hrefs)];
}

async function openAs(username: string, phone: boolean) {
  const b = await launchBrowser(app!.baseURL, phone ? PHONE : {});
  browsers.push(b);
  const page = await b.context.newPage();
  await login(page, username);
  return { page, paths: await menuPaths(page, phone) };
}

/** Checks each screen softly, so one run lists every screen's violations; fails at the end if any was found. */
async function check(page: Page, where: string) {
  await settled(page);
  expect.soft(await seriousAxeViolations(page), `axe-core on ${where}`).toEqual([]);
}

async function firstId(page: Page, url: string): Promise<string> {
  const r = await page.request.get(url);
  expect(r.status(), url).toBe(200);
  const { items } = (await r.json()) as { items: { id: string }[] };
  expect(items.length, `${url} lists something`).toBeGreaterThan(0);
  return items[0].id;
}

describe('accessibility (axe-core, browser)', () => {
  beforeAll(async () => {
    app = await startAppServer({ name: 'a11y' });
  });

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await app?.stop();
  });

  it('the login page', async () => {
    const b = await launchBrowser(app!.baseURL);
    browsers.push(b);
    const page = await b.context.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await page.waitForTimeout(300);
    expect(await seriousAxeViolations(page), 'axe-core on /login').toEqual([]);
  });

  it('open lists of options: the unit tree and a plain list among the filters of the cadre list', async () => {
    const { page } = await openAs('sonoivu', false);
    await page.goto('/cadres');
    await settled(page);
    const boxes = page.getByRole('combobox');
    for (const [i, what] of [
      [0, 'the unit tree'],
      [1, 'a list of options'],
    ] as const) {
      await boxes.nth(i).click();
      await page.locator('.ant-select-dropdown:visible').first().waitFor();
      await page.waitForTimeout(400);
      expect.soft(await seriousAxeViolations(page), `axe-core on /cadres with ${what} open`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
    }
  });

  // one test walks a role's whole menu (about fifteen screens for Sở Nội vụ, each loaded and checked by axe-core):
  // 46 s on a quiet machine, twice that when the machine is busy
  for (const [username, phone] of [
    ['sonoivu', false],
    ['donvi', false],
    ['xa', true],
    ['canbo', true],
  ] as const) {
    it(`${username}${phone ? ' (phone)' : ''}: each screen of the menu, a cadre's record and a secondment`, { timeout: 240_000 }, async () => {
      const { page, paths } = await openAs(username, phone);
      expect(paths.length, `the menu of ${username}`).toBeGreaterThan(3);
      // a cadre's menu leads to their own record ("Hồ sơ của tôi"); the others open the first of their list
      const cadre = paths.find((p) => /^\/cadres\/[0-9a-f-]{36}$/.test(p)) ?? `/cadres/${await firstId(page, '/api/cadres?pageSize=1')}`;
      const secondment = `/secondments/${await firstId(page, '/api/secondments?pageSize=1')}`;
      for (const p of [...paths.filter((p) => p !== cadre), cadre, secondment]) {
        await page.goto(p);
        await check(page, `${username} ${p}`);
      }
    });
  }
});
