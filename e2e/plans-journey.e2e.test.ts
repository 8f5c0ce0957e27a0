/**
 * Browser journey of the plan record (issue 11): Sở Nội vụ opens the plan page, attaches the text of Plan 131 and
 * downloads it back, then creates next year's plan from the "Kế hoạch 131/KH-UBND" template; a number already
 * used is refused on its field. The page is checked on a phone too.
 *
 * Runs the real server (`node dist/server/main.js`, so `npm run build` first) in demo mode on a fresh database
 * of the PostgreSQL at 127.0.0.1:5432, and Debian's chromium through playwright-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, viDate, vietnamToday } from '../common/dates.js';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { eventually, login, screenshots, textOf, type Shot } from './support/page-helpers.js';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;
let shot: Shot;
const pageErrors: string[] = [];
const YEAR = Number(vietnamToday().slice(0, 4));

/** A one-page PDF, as a scanner would produce the signed plan (smaller). */
function smallPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function typeDate(page: Page, label: string, vi: string) {
  const input = page.getByTestId('create-plan-form').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(vi);
  await input.press('Enter');
}

describe('plan record journey (browser)', () => {
  beforeAll(async () => {
    shot = screenshots('plans-');
    app = await startAppServer({ name: 'plans' });
    browser = await launchBrowser(app.baseURL);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('attaches the plan’s text, creates the next plan from the template, and refuses a number used twice', async () => {
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await login(page, 'sonoivu');
    await page.getByRole('menuitem', { name: 'Kế hoạch, tham số' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/plans');
    const list = page.getByTestId('plan-list');
    await eventually(() => textOf(list)).toMatch(/Kế hoạch 131\/KH-UBND\s*Đang áp dụng/);

    // 1. the text of Plan 131, attached and read back
    const pdf = smallPdf();
    await page.locator('input[type="file"]').setInputFiles({ name: 'Kế hoạch 131-KH-UBND.pdf', mimeType: 'application/pdf', buffer: pdf });
    const download = page.getByTestId('plan-document-download');
    await eventually(() => textOf(download)).toMatch(/Kế hoạch 131-KH-UBND\.pdf/);
    const saved = page.waitForEvent('download');
    await download.click();
    expect((await saved).suggestedFilename()).toBe('Kế hoạch 131-KH-UBND.pdf');
    await shot(page, 'plan-131');

    // 2. next year's plan from the template: the form is pre-filled, the user completes the number and dates
    await page.getByTestId('create-plan').click();
    const form = page.getByTestId('create-plan-form');
    await form.waitFor();
    await page.getByRole('button', { name: 'Dùng mẫu Kế hoạch 131/KH-UBND' }).click();
    expect(await form.getByLabel('Tên kế hoạch (trích yếu)').inputValue()).toMatch(/^Kế hoạch tăng cường cán bộ/);
    expect(await form.getByLabel('Thời gian tăng cường tối thiểu (tháng)').inputValue()).toBe('36');
    await form.getByLabel('Số, ký hiệu').fill('131/KH-UBND');
    await typeDate(page, 'Ngày ban hành', viDate(addDays(vietnamToday(), -7))); // issued already: today at the latest
    await typeDate(page, 'Ngày có hiệu lực', `01/01/${YEAR + 1}`);
    await form.getByLabel('Thời gian tăng cường tối thiểu (tháng)').fill('24');
    await form.getByLabel('Thời gian công tác còn lại tối thiểu trước khi nghỉ hưu (tháng)').fill('24');
    await page.getByTestId('create-plan-button').click();
    // the number is Plan 131's: refused on its field, nothing created
    await eventually(() => textOf(form)).toMatch(/Số, ký hiệu 131\/KH-UBND đã được dùng/);
    await form.getByLabel('Số, ký hiệu').fill(`7/KH-UBND`);
    await page.getByTestId('create-plan-button').click();
    await eventually(() => textOf(list)).toMatch(/Kế hoạch 7\/KH-UBND\s*Chưa có hiệu lực/);
    const identity = page.getByTestId('plan-identity');
    await eventually(() => textOf(identity)).toMatch(/Lập từ mẫu\s*Mẫu Kế hoạch 131\/KH-UBND/);
    expect(await textOf(identity)).toMatch(new RegExp(`Có hiệu lực từ\\s*01/01/${YEAR + 1}`));
    expect(await textOf(page.getByTestId('current-params'))).toMatch(/Thời gian tăng cường tối thiểu \(tháng\)[\s\S]*24 tháng/);
    expect(await textOf(list)).toMatch(/Kế hoạch 131\/KH-UBND\s*Đang áp dụng/);

    // 3. on a phone the plan page fits the screen (wide tables scroll inside themselves)
    await page.setViewportSize({ width: 390, height: 844 });
    const fits = () =>
      page.evaluate(() => {
        const main = document.querySelector('main')!;
        return main.scrollWidth <= main.clientWidth + 1 && main.getBoundingClientRect().right <= window.innerWidth + 1;
      });
    await eventually(fits).toBe(true);
    await shot(page, 'phone', true);
    expect(pageErrors).toEqual([]);
  });
});
