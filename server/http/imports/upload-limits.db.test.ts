import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makeSession, makeUnit, type Session } from '../../../test/support/factories.js';
import { send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { buildXlsx, cadreRow } from '../../../test/support/xlsx-files.js';
import { MAX_UPLOAD_BYTES } from '../../domain/imports/create-import.js';

const t = useTestDatabase();
let app: TestApp;
let hr: Session;
let unitCode: string;

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  const unit = await makeUnit(pool, {});
  unitCode = (await pool.query(`SELECT code FROM org_units WHERE id = $1`, [unit.id])).rows[0].code as string;
  hr = await makeSession(pool, 'unit_hr', { unitId: unit.id });
});

/** A chunked request body (no Content-Length) of `mb` megabytes, counting how much the server pulled. */
function chunked(mb: number) {
  let pulled = 0;
  const chunk = new Uint8Array(1024 * 1024).fill(65);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= mb) return controller.close();
      pulled++;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => pulled };
}

describe('the upload limit', () => {
  it('a multipart upload still works', async () => {
    const file = await buildXlsx({ sheets: { cadres: [cadreRow('MP001', unitCode)] } });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'nhap.xlsx');
    const r = await send(app, '/api/imports', { method: 'POST', headers: { cookie: hr.cookie, 'x-csrf-token': hr.csrf }, body: form });
    expect(r.status).toBe(202);
  });

  for (const kind of ['multipart/form-data; boundary=x', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']) {
    it(`a chunked ${kind.split(';')[0]} body past the limit is refused with 413 after reading no more than the limit`, async () => {
      const big = chunked(120);
      const r = await send(app, '/api/imports?fileName=to.xlsx', {
        method: 'POST',
        headers: { cookie: hr.cookie, 'x-csrf-token': hr.csrf, 'content-type': kind },
        body: big.body,
        duplex: 'half',
      } as RequestInit);
      expect(r.status).toBe(413);
      expect(big.pulled()).toBeLessThanOrEqual(Math.ceil(MAX_UPLOAD_BYTES / (1024 * 1024)) + 2);
    });
  }
});
