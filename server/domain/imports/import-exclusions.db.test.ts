import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { buildXlsx } from '../../../test/support/xlsx-files.js';
import { download, testWorker, uploadFile } from '../../../test/support/import-helpers.js';
import type { JobWorker } from '../../jobs/worker.js';

/** The 'Vụ việc' and 'Hoàn cảnh' sheets: checked like the profile's forms, all or nothing, applied set-based, audited as sensitive. */
const t = useTestDatabase();
let app: TestApp;
let worker: JobWorker;
let hr: Session;

async function importFile(buf: Buffer) {
  const up = await uploadFile(app, hr, buf);
  expect(up.status, JSON.stringify(up.json)).toBe(202);
  await worker.drain();
  return (await call(app, 'GET', `/api/imports/${up.json.id}`, { session: hr })).json;
}
const count = async (q: string) => Number((await t.get().pool.query(q)).rows[0].n);

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  worker = testWorker(t.get());
  const root = await makeUnit(pool, { kind: 'peoples_committee', code: 'UBND' });
  const unit = await makeUnit(pool, { parent: root, code: 'DVA', name: 'Sở A' });
  await makePerson(pool, { unitId: unit.id, code: 'A0001', fullName: 'Trần Thị Mai' });
  await makePerson(pool, { unitId: unit.id, code: 'A0002', fullName: 'Lê Văn Hùng' });
  hr = await makeSession(pool, 'unit_hr', { unitId: unit.id });
});

describe('importing proceedings and circumstances', () => {
  it('the template has both sheets with their Vietnamese headers', async () => {
    const buf = await download(app, hr, '/api/imports/template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf.body as unknown as ArrayBuffer);
    const headers = (name: string) => (wb.getWorksheet(name)?.getRow(1).values as unknown[] | undefined)?.filter(Boolean).map(String) ?? [];
    expect(headers('Vụ việc')).toEqual(expect.arrayContaining(['Vụ việc', 'Ngày bắt đầu', 'Ngày kết thúc', 'Kết quả']));
    expect(headers('Hoàn cảnh')).toEqual(expect.arrayContaining(['Hoàn cảnh', 'Ngày sinh của con', 'Đồng ý đi tăng cường (ngày)']));
  });

  it('a bad row rejects the whole file with a clear reason and changes nothing', async () => {
    const buf = await buildXlsx({
      sheets: {
        proceedings: [{ code: 'A0001', kind: 'Đang bị điều tra', openedOn: '01/10/2026', closedOn: '01/09/2026', outcome: 'Đình chỉ' }],
        circumstances: [{ code: 'A0002', kind: 'Đang điều trị bệnh hiểm nghèo', fromDate: '01/01/2026', consentOn: '02/01/2026' }],
      },
    });
    const v = await importFile(buf);
    expect(v.state).toBe('invalid');
    const issues = (await call(app, 'GET', `/api/imports/${v.id}/issues?pageSize=100&severity=error`, { session: hr })).json.items as { reason: string }[];
    expect(issues.map((i) => i.reason)).toEqual(
      expect.arrayContaining([
        'Ngày kết thúc không thể trước ngày bắt đầu vụ việc',
        'Chỉ ghi sự đồng ý với trường hợp mang thai, nghỉ thai sản, nuôi con dưới 36 tháng tuổi',
      ]),
    );
    expect(await count('SELECT count(*) n FROM person_proceedings')).toBe(0);
    expect(await count('SELECT count(*) n FROM person_circumstances')).toBe(0);
  });

  it('a good file is previewed, then committed: rows stored, each audited as a sensitive change', async () => {
    const buf = await buildXlsx({
      sheets: {
        proceedings: [{ code: 'A0001', kind: 'Đang xem xét kỷ luật', openedOn: '01/10/2026', documentNo: '15/TB-UBKT' }],
        circumstances: [{ code: 'A0002', kind: 'Đang nuôi con dưới 36 tháng tuổi', fromDate: '15/03/2025', childBirthDate: '15/03/2025' }],
      },
    });
    const v = await importFile(buf);
    expect(v.state, JSON.stringify(v)).toBe('validated');
    expect(await count('SELECT count(*) n FROM person_proceedings')).toBe(0);
    const r = await call(app, 'POST', `/api/imports/${v.id}/commit`, { session: hr });
    expect(r.status, JSON.stringify(r.json)).toBe(202);
    await worker.drain();
    const { pool } = t.get();
    const pr = await pool.query(
      `SELECT p.code, x.kind, x.opened_on::text, x.closed_on, x.document_no FROM person_proceedings x JOIN people p ON p.id = x.person_id`,
    );
    expect(pr.rows).toEqual([{ code: 'A0001', kind: 'discipline_case', opened_on: '2026-10-01', closed_on: null, document_no: '15/TB-UBKT' }]);
    const cs = await pool.query(`SELECT p.code, x.kind, x.child_birth_date::text FROM person_circumstances x JOIN people p ON p.id = x.person_id`);
    expect(cs.rows).toEqual([{ code: 'A0002', kind: 'child_under_36_months', child_birth_date: '2025-03-15' }]);
    const audit = await pool.query(`SELECT entity_type, (meta->>'sensitive')::boolean AS sensitive FROM audit_log
      WHERE entity_type IN ('person_proceeding', 'person_circumstance') ORDER BY entity_type`);
    expect(audit.rows).toEqual([
      { entity_type: 'person_circumstance', sensitive: true },
      { entity_type: 'person_proceeding', sensitive: true },
    ]);
  });
});
