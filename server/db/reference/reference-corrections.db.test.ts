import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { applyCorrections, applyReferenceData, REFERENCE_CORRECTIONS, VIEN_CHUC_LAW_2019, type ReferenceCorrection } from './reference-data.js';

const t = useTestDatabase();

async function form(code: string, from: string) {
  const r = await t
    .get()
    .pool.query(
      `SELECT applies_to AS "appliesTo", bar_months AS "barMonths", to_char(effective_to, 'YYYY-MM-DD') AS "to", instrument FROM discipline_forms WHERE code = $1 AND effective_from = $2`,
      [code, from],
    );
  return r.rows[0];
}

async function inTx<T>(f: (c: import('pg').PoolClient) => Promise<T>): Promise<T> {
  const client = await t.get().pool.connect();
  try {
    await client.query('BEGIN');
    const out = await f(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

describe('corrections of shipped reference rows', () => {
  it('a new database has the corrected rows: viên chức under Art. 56 (2019), the 112/2020 rows only for cán bộ, công chức', async () => {
    expect(await form('KT', '2020-09-18')).toMatchObject({ appliesTo: ['can_bo', 'cong_chuc'], to: '2025-06-30' });
    expect((await form('KT', '2020-09-18')).instrument).toMatch(/^Nghị định 112\/2020\/NĐ-CP \(.*chưa có căn cứ/);
    expect(await form('KT', '2020-07-01')).toMatchObject({ appliesTo: ['vien_chuc'], barMonths: 12, instrument: VIEN_CHUC_LAW_2019 });
    expect(await form('CC', '2020-07-01')).toMatchObject({ barMonths: 12 });
    expect(await form('CCH', '2020-07-01')).toMatchObject({ barMonths: 24, to: '2026-06-30' });
    // nothing left for the corrections to do on a database made from the corrected data
    expect((await inTx((c) => applyCorrections(c))).every((n) => n === 0)).toBe(true);
  });

  it('corrects a row still holding the shipped value, leaves a row a user edited alone, and is idempotent', async () => {
    const { pool } = t.get();
    // a database made by the earlier release: the shared 112/2020 rows, one of them since edited by a user
    await pool.query(`UPDATE discipline_forms SET applies_to = '{can_bo,cong_chuc,vien_chuc}', effective_to = '2026-06-30', instrument = 'Nghị định 112/2020/NĐ-CP'
      WHERE code IN ('KT', 'CC', 'CCH') AND effective_from = '2020-09-18'`);
    await pool.query(`UPDATE discipline_forms SET applies_to = '{can_bo,vien_chuc}', instrument = 'Nghị định 112/2020/NĐ-CP (đã đối chiếu)'
      WHERE code = 'CC' AND effective_from = '2020-09-18'`);

    await inTx((c) => applyReferenceData(c));
    expect(await form('KT', '2020-09-18')).toMatchObject({ appliesTo: ['can_bo', 'cong_chuc'], to: '2025-06-30' });
    expect((await form('KT', '2020-09-18')).instrument).toContain('chưa có căn cứ');
    // the user's values stay; the column they did not touch is still corrected
    expect(await form('CC', '2020-09-18')).toMatchObject({
      appliesTo: ['can_bo', 'vien_chuc'],
      instrument: 'Nghị định 112/2020/NĐ-CP (đã đối chiếu)',
      to: '2025-06-30',
    });

    const second = await inTx((c) => applyCorrections(c));
    expect(second).toHaveLength(REFERENCE_CORRECTIONS.length);
    expect(second.every((n) => n === 0)).toBe(true);
  });

  it('refuses a correction naming something that is not a plain identifier', async () => {
    const bad: ReferenceCorrection = { table: 'discipline_forms; DROP TABLE x', key: { code: 'KT' }, column: 'bar_months', from: 6, to: 12, why: 'x' };
    await expect(inTx((c) => applyCorrections(c, [bad]))).rejects.toThrow(/Invalid identifier/);
  });
});
