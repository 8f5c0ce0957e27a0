import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { grantPersonToUnit, makePerson, makeProvince, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call } from '../../../test/support/test-app.js';
import { testApp, type TestApp } from '../../../test/support/test-app.js';
import { readXlsx } from '../../../test/support/xlsx-files.js';
import { download } from '../../../test/support/import-helpers.js';

const t = useTestDatabase();
let app: TestApp;
let dept: UnitRef;
let other: UnitRef;
let hr: Session;
let host: Session;
let person: { id: string; code: string };

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(t.get().pool);
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  dept = await makeUnit(pool, { parent: root, name: 'Sở Thử nghiệm', staffing: 40 });
  other = await makeUnit(pool, { parent: root, name: 'Sở Khác' });
  const commune = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Tiếp Nhận' });
  person = await makePerson(pool, {
    unitId: dept.id,
    fullName: 'Thạch Thị Sa Rươne',
    gender: 'female',
    birthDate: '1990-07-15',
    ethnicCode: '05',
    partyJoinedOn: '2015-01-02',
  });
  await pool.query(`UPDATE people SET position_title = '=1+2', religion = '@SUM(A1)', phone = '0912345678' WHERE id = $1`, [person.id]);
  await pool.query(`INSERT INTO annual_ratings (person_id, year, level_code) VALUES ($1, 2025, 'HTT')`, [person.id]);
  await pool.query(`INSERT INTO work_history (person_id, from_date, organisation, position) VALUES ($1, '2012-09-01', 'UBND xã Tiếp Nhận', 'Công chức')`, [
    person.id,
  ]);
  await makePerson(pool, { unitId: dept.id, fullName: 'Lê Văn Hai' });
  await makePerson(pool, { unitId: other.id, fullName: 'Ngoài Phạm Vi' });
  hr = await makeSession(pool, 'unit_hr', { unitId: dept.id });
  host = await makeSession(pool, 'host', { unitId: commune.id });
  await grantPersonToUnit(pool, commune.id, person.id, '2020-01-01', '2099-12-31');
});

describe('cadre list export (.xlsx)', () => {
  it('exports the scoped, filtered list in the template columns: frozen header, dates as dates, formulas neutralised, logged', async () => {
    const r = await download(app, hr, `/api/cadres/export.xlsx?gender=female`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="Danh sach can bo .*"; filename\*=UTF-8''Danh%20s%C3%A1ch/);
    const sheets = await readXlsx(r.body);
    const s = sheets.get('Cán bộ')!;
    expect(s.frozen).toBe(true);
    expect(sheets.get('_meta')!.state).toBe('veryHidden');
    const [header, row, ...rest] = s.rows;
    expect(rest).toHaveLength(0);
    expect(header).toContain('Dân tộc');
    const at = (h: string) => row[(header as string[]).indexOf(h)];
    expect(at('Họ và tên')).toBe('Thạch Thị Sa Rươne');
    expect(at('Ngày sinh')).toEqual(new Date('1990-07-15T00:00:00Z'));
    expect(at('Chức vụ')).toBe("'=1+2");
    expect(at('Tôn giáo')).toBe("'@SUM(A1)");
    expect(at('Dân tộc')).toBe('Khơ Me');
    const zip = await JSZip.loadAsync(r.body);
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).not.toContain('<f>');
    const log = await t.get().pool.query(`SELECT meta FROM audit_log WHERE action = 'export' AND entity_type = 'cadre_list' ORDER BY id DESC LIMIT 1`);
    expect(log.rows[0].meta).toMatchObject({ count: 1, sensitive: true, filters: { gender: 'female' } });
  });

  it('leaves the sensitive columns out for a receiving commune, and shows only its people', async () => {
    const r = await download(app, host, `/api/cadres/export.xlsx`);
    expect(r.status).toBe(200);
    const [header, ...rows] = (await readXlsx(r.body)).get('Cán bộ')!.rows;
    expect(rows).toHaveLength(1);
    for (const h of ['Dân tộc', 'Tôn giáo', 'Ngày vào Đảng', 'Tình trạng sức khỏe']) expect(header).not.toContain(h);
  });
});

describe('sensitive cells are decided per person', () => {
  it('a user who is a host for one cadre and a unit manager elsewhere sees that cadre without ethnicity, and cannot select them by it', async () => {
    const { pool } = t.get();
    // the same account: head of Sở Khác, and the receiving commune of the seconded cadre
    const both = await makeSession(pool, 'unit_manager', { unitId: other.id });
    const commune = (await pool.query(`SELECT unit_id FROM person_access_grants WHERE person_id = $1`, [person.id])).rows[0].unit_id as string;
    await pool.query(`INSERT INTO role_grants (user_id, role, unit_id) VALUES ($1, 'host', $2)`, [both.userId, commune]);
    await pool.query(`UPDATE people SET ethnic_code = '01' WHERE full_name = 'Ngoài Phạm Vi'`);
    const r = await download(app, both, `/api/cadres/export.xlsx`);
    expect(r.status).toBe(200);
    const [header, ...rows] = (await readXlsx(r.body)).get('Cán bộ')!.rows as unknown[][];
    const at = (row: unknown[], h: string) => row[(header as string[]).indexOf(h)];
    const byName = new Map(rows.map((row) => [at(row, 'Họ và tên'), row]));
    // their own unit's person: the ethnicity is shown; the hosted cadre's is not
    expect(at(byName.get('Ngoài Phạm Vi')!, 'Dân tộc')).toBe('Kinh');
    expect(byName.has('Thạch Thị Sa Rươne')).toBe(true);
    expect(at(byName.get('Thạch Thị Sa Rươne')!, 'Dân tộc') ?? null).toBeNull();
    expect(at(byName.get('Thạch Thị Sa Rươne')!, 'Tôn giáo') ?? null).toBeNull();
    // filtering by the hosted cadre's ethnicity finds nobody (it would reveal it); the list answers the same
    const filtered = await call(app, 'GET', `/api/cadres?ethnicCode=05`, { session: both });
    expect(filtered.json.items.map((i: { fullName: string }) => i.fullName)).toEqual([]);
    const exported = (await readXlsx((await download(app, both, `/api/cadres/export.xlsx?ethnicCode=05`)).body)).get('Cán bộ')!.rows;
    expect(exported).toHaveLength(1);
  });
});

describe('résumé (Mẫu 2C, .docx)', () => {
  it('renders the official layout, read back from the file; scoped like the profile and logged', async () => {
    const r = await download(app, hr, `/api/cadres/${person.id}/resume.docx`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(r.body);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'SƠ YẾU LÝ LỊCH',
      'THẠCH THỊ SA RƯƠNE',
      '15/07/1990',
      'Khơ Me',
      '02/01/2015',
      'Hoàn thành tốt nhiệm vụ',
      'UBND xã Tiếp Nhận',
    ]) {
      expect(text).toContain(s);
    }
    expect(xml).toMatch(/w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134".*w:right="850".*w:bottom="1134".*w:left="1701"/);
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('Times New Roman');
    const log = await t.get().pool.query(`SELECT count(*)::int n FROM audit_log WHERE action = 'export' AND entity_id = $1`, [person.id]);
    expect(log.rows[0].n).toBe(1);
  });

  it('hides the sensitive sections from a receiving commune, and answers 404 out of scope', async () => {
    const r = await download(app, host, `/api/cadres/${person.id}/resume.docx`);
    expect(r.status).toBe(200);
    const text = (await (await JSZip.loadAsync(r.body)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).not.toContain('Khơ Me');
    expect(text).toContain('không có quyền xem');
    const outside = (await t.get().pool.query(`SELECT id FROM people WHERE full_name = 'Ngoài Phạm Vi'`)).rows[0].id;
    expect((await call(app, 'GET', `/api/cadres/${outside}/resume.docx`, { session: hr })).status).toBe(404);
  });
});

describe('org-unit export (.xlsx)', () => {
  it('lists the units in scope with assigned staffing and headcount', async () => {
    const r = await download(app, hr, `/api/org-units/export.xlsx`);
    expect(r.status).toBe(200);
    const [header, ...rows] = [...(await readXlsx(r.body)).values()][0].rows;
    expect(header).toContain('Biên chế được giao');
    expect(rows).toHaveLength(1);
    expect(rows[0][4]).toBe(40);
    expect(rows[0][5]).toBe(2);
  });
});
