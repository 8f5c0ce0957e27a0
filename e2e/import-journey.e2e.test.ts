/**
 * Browser journey: a unit's personnel officer imports cadres from Excel. The template is downloaded, filled
 * with three new cadres of a unit of Sở Y tế, one with an impossible birth date and an unknown ethnicity; the
 * report lists both problems by row and column; the fixed file previews "3 mới", is written, and a new cadre
 * is found in the cadre list by an accent-free search and in the list's Excel export.
 *
 * Runs the real server (`node dist/server/main.js`, so `npm run build` first) in demo mode on a fresh
 * database of the PostgreSQL at 127.0.0.1:5432, and Debian's chromium through playwright-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, type LaunchedBrowser } from './support/browser.js';
import { eventually, login, screenshots, stripAccents, textOf, type Shot } from './support/page-helpers.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CADRE_SHEET = 'Cán bộ';

let app: AppServer | undefined;
let browser: LaunchedBrowser | undefined;
let shot: Shot;
const pageErrors: string[] = [];

interface NewCadre {
  code: string;
  fullName: string;
  gender: 'Nam' | 'Nữ';
  /** A real date, or the text a user typed (kept as text by Excel when it is not a date). */
  birthDate: Date | string;
  category: string;
  positionTitle: string;
  ethnicity: string;
}

/**
 * The template as downloaded, with its example row on the cadre sheet replaced by the given cadres (the other
 * sheets keep their example rows, which the import skips with a warning, as a user would leave them).
 */
async function filledTemplate(template: Buffer, unitCode: string, cadres: NewCadre[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(template).buffer);
  const ws = wb.getWorksheet(CADRE_SHEET);
  if (!ws) throw new Error(`the template has no "${CADRE_SHEET}" sheet`);
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => col.set(String(cell.value).trim(), n));
  const set = (row: ExcelJS.Row, header: string, value: ExcelJS.CellValue) => {
    const n = col.get(header);
    if (!n) throw new Error(`the template has no column "${header}"; it has: ${[...col.keys()].join(', ')}`);
    row.getCell(n).value = value;
  };
  const example = ws.getRow(2);
  for (let n = 1; n <= ws.columnCount; n++) example.getCell(n).value = null;
  cadres.forEach((c, i) => {
    const row = ws.getRow(2 + i);
    set(row, 'Mã cán bộ', c.code);
    set(row, 'Họ và tên', c.fullName);
    set(row, 'Giới tính', c.gender);
    set(row, 'Ngày sinh', c.birthDate);
    set(row, 'Mã đơn vị', unitCode);
    set(row, 'Đối tượng', c.category);
    set(row, 'Chức vụ', c.positionTitle);
    set(row, 'Dân tộc', c.ethnicity);
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Excel import journey (browser)', () => {
  beforeAll(async () => {
    shot = screenshots('import-');
    app = await startAppServer();
    browser = await launchBrowser(app.baseURL, { acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('reports the errors of a file by row and column, previews the fixed file, writes it, and finds the new cadre', async () => {
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));

    // 1. log in as the personnel officer of Sở Y tế
    await login(page, 'tochuc');

    // a unit below Sở Y tế, and the template, through the API with the same session
    const unitsResponse = await page.request.get('/api/org-units');
    expect(unitsResponse.ok()).toBe(true);
    const { items: units } = (await unitsResponse.json()) as { items: { id: string; code: string; name: string; parentId: string | null }[] };
    const syt = units.find((u) => u.code === 'SYT');
    expect(syt, 'Sở Y tế is in the personnel officer’s scope').toBeTruthy();
    const byId = new Map(units.map((u) => [u.id, u]));
    const underSyt = (u: (typeof units)[number]) => {
      for (let p = u.parentId ? byId.get(u.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) if (p.id === syt!.id) return true;
      return false;
    };
    const unit = units.find(underSyt) ?? syt!;
    const templateResponse = await page.request.get('/api/imports/template.xlsx');
    expect(templateResponse.ok()).toBe(true);
    expect(templateResponse.headers()['content-type']).toContain(XLSX_TYPE);
    const template = await templateResponse.body();

    const tag = crypto.randomBytes(3).toString('hex').toUpperCase();
    const cadres: NewCadre[] = [
      {
        code: `NX${tag}1`,
        fullName: 'Võ Thị Diễm Kiều',
        gender: 'Nữ',
        birthDate: new Date(Date.UTC(1991, 6, 14)),
        category: 'Viên chức',
        positionTitle: 'Bác sĩ',
        ethnicity: 'Kinh',
      },
      {
        code: `NX${tag}2`,
        fullName: 'Lâm Quốc Khải',
        gender: 'Nam',
        birthDate: '31/02/1990',
        category: 'Công chức',
        positionTitle: 'Chuyên viên',
        ethnicity: 'Xyz',
      },
      {
        code: `NX${tag}3`,
        fullName: 'Đặng Minh Triết',
        gender: 'Nam',
        birthDate: '05/11/1987',
        category: 'Công chức',
        positionTitle: 'Chuyên viên chính',
        ethnicity: 'Hoa',
      },
    ];
    const badFile = await filledTemplate(template, unit.code, cadres);

    // 2. the import screen, from the menu
    await page.getByRole('menuitem', { name: 'Nhập từ Excel' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/cadres/import');
    await page.getByRole('button', { name: 'Tải mẫu' }).waitFor();
    // the template also downloads from the screen, under its Vietnamese name
    const templateDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải mẫu' }).click();
    expect((await templateDownload).suggestedFilename()).toMatch(/^Mẫu nhập dữ liệu cán bộ.*\.xlsx$/);
    await shot(page, 'upload');

    // 3. upload the file with errors: the report lists both problems of row 3 by column
    const fileInput = page.locator('input[type="file"]');
    await fileInput.setInputFiles({ name: 'can-bo-moi.xlsx', mimeType: XLSX_TYPE, buffer: badFile });
    const report = page.getByTestId('issue-report');
    await report.waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('id')).toMatch(/^[0-9a-f-]{36}$/); // the import can be reopened from its address
    expect(await textOf(report)).toContain('có 2 lỗi');
    const issueRows = page.locator('[data-testid="issue-table"] tbody tr.ant-table-row');
    const dateIssue = issueRows.filter({ hasText: '31/02/1990' });
    const ethnicIssue = issueRows.filter({ hasText: 'Xyz' });
    await eventually(() => dateIssue.count()).toBe(1);
    await eventually(() => ethnicIssue.count()).toBe(1);
    const cells = async (row: Locator) => (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    const [dRow, dSheet, dColumn, dValue, dReason] = await cells(dateIssue);
    expect([dRow, dSheet, dColumn, dValue]).toEqual(['3', CADRE_SHEET, 'Ngày sinh', '31/02/1990']);
    expect(dReason).toBe('Ngày không tồn tại');
    const [eRow, eSheet, eColumn, eValue, eReason] = await cells(ethnicIssue);
    expect([eRow, eSheet, eColumn, eValue]).toEqual(['3', CADRE_SHEET, 'Dân tộc', 'Xyz']);
    expect(eReason).toContain('Dân tộc không có trong danh mục');
    // the summary by sheet, column and reason
    const summary = await textOf(page.getByTestId('issue-summary'));
    expect(summary).toContain('Ngày sinh');
    expect(summary).toContain('Dân tộc');
    await shot(page, 'error-report');

    // the error report downloads as .xlsx
    const reportDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải báo cáo lỗi (.xlsx)' }).click();
    expect((await reportDownload).suggestedFilename()).toMatch(/\.xlsx$/);

    // 4. fix the file and upload it again: the preview shows three new cadres
    cadres[1] = { ...cadres[1], birthDate: '28/02/1990', ethnicity: 'Kinh' };
    const goodFile = await filledTemplate(template, unit.code, cadres);
    await page.getByRole('button', { name: 'Chọn tệp khác' }).click();
    await fileInput.setInputFiles({ name: 'can-bo-moi-da-sua.xlsx', mimeType: XLSX_TYPE, buffer: goodFile });
    const preview = page.getByTestId('change-preview');
    await preview.waitFor({ timeout: 30_000 });
    await eventually(() => textOf(page.getByTestId('preview-counts'))).toBe('3 mới, 0 thay đổi, 0 không đổi');
    const changeRows = page.locator('[data-testid="change-table"] tbody tr.ant-table-row');
    await eventually(() => changeRows.count()).toBe(3);
    for (const c of cadres) {
      const row = changeRows.filter({ hasText: c.code });
      expect(await textOf(row)).toContain(c.fullName);
      expect(await textOf(row)).toContain('Thêm mới');
      expect(await textOf(row)).toContain(unit.name); // the unit by its name, not its id
    }
    expect(await textOf(changeRows.filter({ hasText: cadres[1].code }))).toContain('28/02/1990');
    await shot(page, 'preview');

    // 5. write: confirm, then the success message
    await page.getByTestId('commit-import').click();
    await page.getByRole('button', { name: 'Ghi dữ liệu' }).click();
    const done = page.getByTestId('import-done');
    await done.waitFor({ timeout: 60_000 });
    expect(await textOf(done)).toContain('Đã ghi 3 hồ sơ mới, 0 hồ sơ cập nhật');
    // both attempts are in the recent list, to come back to
    const recent = await textOf(page.getByTestId('recent-imports'));
    expect(recent).toContain('can-bo-moi.xlsx');
    expect(recent).toContain('Có lỗi, cần sửa tệp');
    expect(recent).toContain('can-bo-moi-da-sua.xlsx');
    expect(recent).toContain('Đã ghi dữ liệu');
    await shot(page, 'success');

    // 6. the cadre list: the new cadre is found without accents
    await page.getByRole('button', { name: 'Xem danh sách cán bộ' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/cadres');
    const cadre = cadres[0];
    const typed = stripAccents(cadre.fullName).toLowerCase();
    const searched = page.waitForResponse((r) => r.url().includes('/api/cadres?') && r.url().includes('q=') && r.ok());
    await page.getByLabel('Tìm kiếm').fill(typed);
    await searched;
    const row = page.locator('[data-testid="cadre-table"] tbody tr.ant-table-row').filter({ hasText: cadre.code });
    await eventually(() => row.count()).toBe(1);
    expect(await textOf(row)).toContain(cadre.fullName);
    expect(await textOf(row)).toContain('14/07/1991');
    await shot(page, 'cadre-found');

    // 7. "Xuất Excel" exports the list with its current filter: the new cadre is in the file
    const exportDownload = page.waitForEvent('download');
    await page.getByTestId('export-cadres').click();
    const exported = await exportDownload;
    expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await exported.path())!);
    const codes: string[] = [];
    wb.getWorksheet(CADRE_SHEET)?.eachRow((r, n) => n > 1 && codes.push(String(r.getCell(1).value)));
    expect(codes).toContain(cadre.code);

    expect(pageErrors).toEqual([]);
  });

  it('downloads the résumé, the unit list and the screening (Excel and annex) from their screens', async () => {
    const page = await browser!.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    /** Clicks a download button and checks the file: its name, and that it is an Office (zip) document. */
    const download = async (testId: string, extension: string) => {
      const started = page.waitForEvent('download');
      await page.getByTestId(testId).click();
      const d = await started;
      expect(d.suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`));
      const file = fs.readFileSync((await d.path())!);
      expect(file.subarray(0, 2).toString()).toBe('PK');
      return { name: d.suggestedFilename(), file };
    };

    // the résumé of a cadre (Mẫu 2C) from the profile
    const { items } = (await (await page.request.get('/api/cadres?pageSize=1&sort=code')).json()) as { items: { id: string; fullName: string }[] };
    await page.goto(`/cadres/${items[0].id}`);
    await eventually(() => textOf(page.getByTestId('profile-title'))).toBe(items[0].fullName);
    await download('download-resume', 'docx');

    // the units with their staffing, for the year shown
    await page.goto('/org');
    await page.locator('[data-testid="org-tree"] tbody tr.ant-table-row').first().waitFor();
    const units = await download('export-org-units', 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(units.file).buffer);
    expect(wb.worksheets[0].rowCount).toBeGreaterThan(1);

    // the screening with its filters, and the annex of those proposed
    await page.goto('/plans/screening');
    await page.locator('[data-testid="screening-table"] tbody tr.ant-table-row').first().waitFor({ timeout: 30_000 });
    await download('export-screening', 'xlsx');
    await download('export-annex', 'docx');
    await shot(page, 'screening-exports');

    expect(pageErrors).toEqual([]);
  });
});
