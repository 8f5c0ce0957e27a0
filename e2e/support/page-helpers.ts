/** Helpers shared by the browser journeys: waiting on the page, reading it, screenshots, logging in and out. */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './app-server.js';

const SHOTS = path.join(ROOT, 'test-results', 'e2e');
/** Every demo account's password (README, "Demo accounts"). */
const DEMO_PASSWORD = 'tangcuong';

/** Waits for a value in the page to satisfy the assertion (vitest has no Playwright locator matchers). */
export const eventually = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout, interval: 100 });
export const textOf = (l: Locator) => l.innerText().catch(() => '');

/** Vietnamese text without accents, as a user types it: "Nguyễn Văn Đức" → "Nguyen Van Duc". */
export const stripAccents = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

export type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<void>;

/**
 * Numbered screenshots of one journey in test-results/e2e: `<prefix>01-<name>.png`, `<prefix>02-…` (full page unless
 * told otherwise). Deletes that prefix's old screenshots first, and only those: each journey writes its own
 * (01-login.png, plan-01-quotas.png, import-01-upload.png, …).
 */
export function screenshots(prefix: string): Shot {
  fs.mkdirSync(SHOTS, { recursive: true });
  const own = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d{2}-.*\\.png$`);
  for (const f of fs.readdirSync(SHOTS)) if (own.test(f)) fs.rmSync(path.join(SHOTS, f));
  let step = 0;
  return async (page, name, fullPage = true) => {
    step += 1;
    await page.screenshot({ path: path.join(SHOTS, `${prefix}${String(step).padStart(2, '0')}-${name}.png`), fullPage });
  };
}

/**
 * Logs in from the login page as a demo account (or with the given password); `beforeSubmit` runs once the form is
 * filled (e.g. a screenshot).
 */
/** The password the journeys set when an account must change the one it was given (12+ characters, not common). */
export const OWN_PASSWORD = 'Mat khau rieng cua toi 2026';

/**
 * Signs in through the login page. An account whose password someone else chose lands on the forced "Đổi mật khẩu"
 * screen first: it is changed to `newPassword` there, as a user would, before the app opens.
 */
export async function login(page: Page, username: string, beforeSubmit?: () => Promise<void>, password = DEMO_PASSWORD, newPassword = OWN_PASSWORD) {
  await page.goto('/');
  await eventually(() => new URL(page.url()).pathname).toBe('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await beforeSubmit?.();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const forced = page.getByTestId('forced-password-change');
  const signedIn = page.getByTestId('current-user');
  await forced.or(signedIn).first().waitFor({ state: 'attached' });
  if (await forced.count()) {
    await page.getByLabel('Mật khẩu hiện tại', { exact: true }).fill(password);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
    await page.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(newPassword);
    await forced.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await signedIn.waitFor({ state: 'attached' });
  }
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await eventually(() => new URL(page.url()).pathname).toBe('/login');
}

/** Waits for a dialog to close after its submit; if it stays open (a refusal, a slow server), fails with what it shows. */
export async function dialogCloses(dialog: Locator, timeout = 60_000) {
  await dialog.waitFor({ state: 'hidden', timeout }).catch(async (e: Error) => {
    // a server error is told outside the dialog, in a notification or a message: say it too
    const notices = await dialog
      .page()
      .locator('.ant-notification-notice, .ant-message-notice')
      .allTextContents()
      .catch(() => []);
    const elsewhere = notices.length ? `; the page also says: ${notices.join(' | ').replace(/\s+/g, ' ').slice(0, 400)}` : '';
    throw new Error(`the dialog stayed open, showing: ${(await textOf(dialog)).replace(/\s+/g, ' ').slice(0, 600)}${elsewhere} (${e.message.split('\n')[0]})`);
  });
}

/** Violations of impact "serious" or "critical" axe-core finds on the page as it is now (WCAG 2.1 A and AA rules). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // evaluated over the DevTools protocol: the app's Content-Security-Policy forbids inline scripts, rightly
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    type AxeNode = { target: unknown[]; any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } | null }[] };
    type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    // a node: its selector, and for a contrast failure the colours found (to tell which theme token is short)
    const describe = (n: AxeNode) => {
      const c = n.any.find((a) => a.data?.fgColor)?.data;
      return JSON.stringify(n.target) + (c ? ` ${c.fgColor} on ${c.bgColor} ${c.contrastRatio}:1` : '');
    };
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(describe).slice(0, 5).join(', ')}`);
  });
  return found;
}

/**
 * Asserts that axe-core finds no serious or critical violation on the page; `where` names the screen in the failure.
 * A select or date list the journey just used is let finish closing first (its fading copy is not the screen); to
 * check an open list, call `seriousAxeViolations` while it is open.
 */
export async function expectAccessible(page: Page, where: string) {
  await eventually(() => page.locator('.ant-select-dropdown:visible, .ant-picker-dropdown:visible').count()).toBe(0);
  expect(await seriousAxeViolations(page), `axe-core on ${where}`).toEqual([]);
}

let axeScript: string | null = null;
function axeSource(): string {
  axeScript ??= fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  return axeScript;
}

/**
 * Chooses the option holding `option` in an antd Select (`select`: its combobox), typing `typed` first in a select
 * with search, and checks the select then shows it. Under load a click can land while the previous dropdown is still
 * closing or before the options arrive, and antd then drops it: the choice is made again (at most three times),
 * and a select that never shows the option fails the test.
 */
export async function chooseOption(page: Page, select: Locator, option: string, typed = '') {
  // a label also names the select's list once it has been opened: the combobox comes first
  select = select.first();
  const shown = () => select.evaluate((el) => el.closest('.ant-select')?.textContent ?? '').catch(() => '');
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; attempt <= 3; attempt++) {
    await open.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await select.click();
    if (typed) await select.fill(typed);
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
    // a long list is virtual: walk it until the option is rendered
    for (let i = 0; i < 40 && !(await item.isVisible()); i++) {
      if (i >= 10) await page.keyboard.press('ArrowDown');
      else await page.waitForTimeout(200);
    }
    if (await item.isVisible()) {
      // the list can close or render again between the look and the click (its options reloaded): then choose again
      const clicked = await item.click({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (!clicked) continue;
      await open.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
      if ((await shown()).includes(option)) return;
    } else await page.keyboard.press('Escape');
  }
  expect(await shown(), `the select shows "${option}"`).toContain(option);
}
