import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makeSession, makeUnit, type Session } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { readXlsx } from '../../../test/support/xlsx-files.js';
import { download, testWorker, uploadFile } from '../../../test/support/import-helpers.js';
import type { JobWorker } from '../../jobs/worker.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { setUpProvince } from '../province/set-up-province.js';

const t = useTestDatabase();
let app: TestApp;
let worker: JobWorker;
let hr: Session;

beforeAll(async () => {
  const { pool, db } = t.get();
  await db.transaction((tx) => setUpProvince({ actor: SYSTEM_ACTOR, tx, today: '2026-12-03' }, '01'));
  app = testApp(t.get());
  worker = testWorker(t.get());
  const unit = await makeUnit(pool, { code: 'SXD' });
  hr = await makeSession(pool, 'unit_hr', { unitId: unit.id });
});

describe('the import template speaks of the province it serves', () => {
  it('gives Hà Nội’s places as examples, never Cần Thơ’s, and still skips its example rows', async () => {
    const tpl = await download(app, hr, '/api/imports/template.xlsx');
    expect(tpl.status).toBe(200);
    const sheets = await readXlsx(tpl.body);
    const example = (sheet: string, header: string) => {
      const rows = sheets.get(sheet)!.rows;
      return rows[1][rows[0].indexOf(header)];
    };
    // the first pre-2025 commune of Hà Nội by code
    expect(example('Cán bộ', 'Quê quán (xã, phường trước 01/07/2025)')).toBe('00001 - Phường Phúc Xá');
    expect(example('Cán bộ', 'Quê quán (ghi đầy đủ)')).toBe('Phường Phúc Xá, Thành phố Hà Nội');
    expect(example('Quá trình công tác', 'Cơ quan, đơn vị')).toBe('UBND phường Phúc Xá');
    expect(example('Đào tạo, bồi dưỡng', 'Cơ sở đào tạo, bồi dưỡng')).toBe('Trường Chính trị thành phố Hà Nội');
    const exampleRows = [...sheets.entries()].filter(([name]) => name !== 'Danh mục').map(([, s]) => JSON.stringify(s.rows[1] ?? []));
    expect(exampleRows.join(' ')).not.toMatch(/Cần Thơ|Cái Khế|Ninh Kiều/);

    // the template sent back untouched: every example row is recognised and skipped, nothing is an error
    const up = await uploadFile(app, hr, tpl.body);
    expect(up.status).toBe(202);
    await worker.drain();
    const v = (await call(app, 'GET', `/api/imports/${up.json.id}`, { session: hr })).json;
    expect(v.errorCount, JSON.stringify(v.issueStats)).toBe(0);
    expect(v.summary.skippedExampleRows).toBe(9);
  });
});
