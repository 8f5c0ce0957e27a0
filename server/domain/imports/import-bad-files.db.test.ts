import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makeSession, makeUnit, type Session } from '../../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { buildXlsx, cadreRow, readXlsx } from '../../../test/support/xlsx-files.js';
import { download, testWorker, uploadFile } from '../../../test/support/import-helpers.js';
import type { JobWorker } from '../../jobs/worker.js';

const t = useTestDatabase();
let app: TestApp;
let worker: JobWorker;
let hr: Session;

const peopleCount = async () => Number((await t.get().pool.query('SELECT count(*) n FROM people')).rows[0].n);
const importCount = async () => Number((await t.get().pool.query('SELECT count(*) n FROM imports')).rows[0].n);

/** Uploads, runs the dry run, and returns the import with its first issues. */
async function dryRun(buf: Buffer) {
  const up = await uploadFile(app, hr, buf);
  expect(up.status, JSON.stringify(up.json)).toBe(202);
  await worker.drain();
  const v = (await call(app, 'GET', `/api/imports/${up.json.id}`, { session: hr })).json;
  const issues = (await call(app, 'GET', `/api/imports/${up.json.id}/issues?pageSize=50`, { session: hr })).json;
  return { v, issues: issues.items as { rowNo: number | null; column: string | null; reason: string; severity: string }[], page: issues };
}

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  worker = testWorker(t.get());
  const unit = await makeUnit(pool, { code: 'DV1' });
  hr = await makeSession(pool, 'unit_hr', { unitId: unit.id });
});

describe('files refused at upload, with a clear message and nothing stored', () => {
  it('not an xlsx, an old .xls, a password-protected file, a zip that is not a workbook', async () => {
    const before = await importCount();
    const cases: [Buffer, RegExp][] = [
      [Buffer.from('Họ và tên,Ngày sinh\nNguyễn Văn A,01/01/1980\n'), /không phải là tệp Excel/],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), /Excel 97-2003/],
      [
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(100),
          Buffer.from('EncryptionInfo', 'utf16le'),
          Buffer.alloc(100),
        ]),
        /mật khẩu/,
      ],
      [await new JSZip().file('hello.txt', 'xin chào').generateAsync({ type: 'nodebuffer' }), /không phải là tệp Excel/],
      [Buffer.alloc(0), /rỗng/],
    ];
    for (const [buf, message] of cases) {
      const r = await uploadFile(app, hr, buf);
      expect(r.status).toBe(422);
      expect(r.json.error.message).toMatch(message);
    }
    expect(await importCount()).toBe(before);
  });

  it('a zip bomb: a sheet that inflates far beyond the ratio limit', async () => {
    const real = await buildXlsx({ sheets: { cadres: [cadreRow('A1', 'DV1')] } });
    const zip = await JSZip.loadAsync(real);
    zip.file('xl/worksheets/sheet2.xml', Buffer.alloc(40 * 1024 * 1024, 0x20), { compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const r = await uploadFile(app, hr, bomb);
    expect(r.status).toBe(422);
    expect(r.json.error.message).toMatch(/giải nén bất thường/);
  });

  it('a file over the size limit answers 413 without being read whole', async () => {
    const res = await send(app, '/api/imports', {
      method: 'POST',
      headers: { cookie: hr.cookie, 'x-csrf-token': hr.csrf, 'content-type': 'application/octet-stream', 'content-length': String(60 * 1024 * 1024) },
      body: new Uint8Array(10),
    });
    expect(res.status).toBe(413);
  });
});

describe('files checked by the dry run: the report says what is wrong and the database is untouched', () => {
  it('a template of another version, or none', async () => {
    const before = await peopleCount();
    for (const version of ['TC-NHAP-2019.1', null]) {
      const { v, issues } = await dryRun(await buildXlsx({ sheets: { cadres: [cadreRow('V1', 'DV1')] }, version }));
      expect(v.state).toBe('invalid');
      expect(issues).toHaveLength(1);
      expect(issues[0].reason).toMatch(/không phải mẫu nhập liệu phiên bản/);
    }
    expect(await peopleCount()).toBe(before);
  });

  it('missing or renamed headers are named', async () => {
    const { v, issues } = await dryRun(
      await buildXlsx({ sheets: { cadres: [cadreRow('V2', 'DV1')] }, dropHeaders: ['Giới tính'], renameHeaders: { 'Ngày sinh': 'Sinh ngày' } }),
    );
    expect(v.state).toBe('invalid');
    const reasons = issues.map((i) => i.reason);
    expect(reasons).toContain('Thiếu cột bắt buộc "Giới tính"');
    expect(reasons).toContain('Thiếu cột bắt buộc "Ngày sinh"');
    expect(issues.find((i) => i.column === 'Sinh ngày')?.reason).toMatch(/không có trong mẫu/);
  });

  it('headers match whatever their case, spacing or Unicode form', async () => {
    const { v } = await dryRun(await buildXlsx({ sheets: { cadres: [cadreRow('V3', 'DV1')] }, renameHeaders: { 'Họ và tên': '  HỌ VÀ  TÊN '.normalize('NFD') } }));
    expect(v.state, JSON.stringify(v.issueStats)).toBe('validated');
  });

  it('merged cells and formulas', async () => {
    const { v, issues } = await dryRun(
      await buildXlsx({
        sheets: { cadres: [cadreRow('V4', 'DV1'), cadreRow('V5', 'DV1', { salaryStep: { formula: 'A1*2', result: 4 } })] },
        merge: { sheet: 'cadres', range: 'H2:I2' },
      }),
    );
    expect(v.state).toBe('invalid');
    expect(issues.some((i) => /ô gộp \(H2:I2\)/.test(i.reason))).toBe(true);
    expect(issues.find((i) => i.rowNo === 3 && i.column === 'Bậc lương')?.reason).toMatch(/công thức/);
  });

  it('10,000+ errors: counts stay exact, the stored list is capped, pages and the .xlsx report stay usable', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => cadreRow(`X${i}`, 'DV1', { birthDate: 'không rõ' }));
    const before = await peopleCount();
    const { v, page } = await dryRun(await buildXlsx({ sheets: { cadres: rows } }));
    expect(v.errorCount).toBe(12_000);
    expect(page.total).toBe(12_000);
    expect(page.stored).toBe(10_000);
    expect(v.issueStats.byColumnReason['Cán bộ › Ngày sinh › Ngày không đúng định dạng dd/mm/yyyy']).toBe(12_000);
    const last = await call(app, 'GET', `/api/imports/${v.id}/issues?page=50&pageSize=200`, { session: hr });
    expect(last.json.items).toHaveLength(200);
    const report = await download(app, hr, `/api/imports/${v.id}/issues.xlsx`);
    const sheets = await readXlsx(report.body);
    expect(sheets.get('Danh sách lỗi')!.rows.length).toBe(10_001);
    expect(sheets.get('Danh sách lỗi')!.frozen).toBe(true);
    expect(await peopleCount()).toBe(before);
  });

  it('the template itself: sheets, drop-downs, code lists, the hidden version sheet; its example row is skipped', async () => {
    const tpl = await download(app, hr, '/api/imports/template.xlsx');
    expect(tpl.status).toBe(200);
    expect(tpl.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''M%E1%BA%ABu/);
    const sheets = await readXlsx(tpl.body);
    expect([...sheets.keys()]).toEqual([
      'Danh mục',
      'Cán bộ',
      'Đơn vị - Biên chế',
      'Xếp loại',
      'Kỷ luật',
      'Quy hoạch',
      'Quá trình công tác',
      'Đào tạo, bồi dưỡng',
      'Vụ việc',
      'Hoàn cảnh',
      '_meta',
    ]);
    expect(sheets.get('_meta')!.state).toBe('veryHidden');
    expect(sheets.get('Cán bộ')!.rows[0][0]).toBe('Mã cán bộ');
    expect(sheets.get('Cán bộ')!.frozen).toBe(true);
    expect(sheets.get('Danh mục')!.rows.flat()).toContain('Khơ Me');
    const zip = await JSZip.loadAsync(tpl.body);
    const cadreSheetXml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(cadreSheetXml).toContain('<dataValidation type="list"');
    const { v } = await dryRun(tpl.body);
    expect(v.errorCount, JSON.stringify(v.issueStats)).toBe(0);
    expect(v.summary.skippedExampleRows).toBe(9);
  });
});
