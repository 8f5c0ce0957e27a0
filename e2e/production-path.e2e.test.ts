/**
 * The README's production path, followed as an operator would on an empty PostgreSQL with DEMO=false, for two
 * provinces with no code change between them: `cli migrate` → `cli setup --province` → `cli create-user` → the
 * server → Sở Nội vụ imports the organisation and then the cadres from .xlsx files and enters the plan → the
 * sending unit assesses, screens and proposes → Sở Nội vụ appraises → the People's Committee decides → the
 * decision .docx, read back, is headed with that province's People's Committee, cites that plan and names one of
 * that province's communes as host.
 *
 * Runs the built CLI and server (`npm run build` first) on fresh databases of the PostgreSQL at 127.0.0.1:5432, the
 * requests through a role of their own (APP_DATABASE_URL) as the README sets it up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import pg from 'pg';
import JSZip from 'jszip';
import { startAppServer, type AppServer } from './support/app-server.js';
import { SHEET_BY_KIND, META_SHEET, TEMPLATE_VERSION, type SheetKind } from '../common/import-columns.js';
import { planTemplate } from '../common/plan-templates.js';
import { addDays, addMonths, vietnamToday, yearOf } from '../common/dates.js';

const PASSWORD = 'Mat-khau-dai-2026!';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TODAY = vietnamToday();
const YEAR = yearOf(TODAY);

/** A client as the browser is one: the session cookie and the CSRF token of /api/auth/me. */
class Client {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}

  async login(username: string): Promise<this> {
    const r = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    expect(r.status, `login ${username}: ${await r.clone().text()}`).toBe(200);
    this.cookie = r.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const me = await this.json<{ csrfToken: string; user: { mustChangePassword: boolean } }>('GET', '/api/auth/me');
    this.csrf = me.csrfToken;
    // the operator chose the password: the account changes it before anything else
    expect(me.user.mustChangePassword).toBe(true);
    await this.json('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: `${PASSWORD} rieng` });
    return this;
  }

  async raw(method: string, url: string, body?: BodyInit, type = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrf };
    if (body !== undefined) headers['content-type'] = type;
    return fetch(`${this.base}${url}`, { method, body, headers });
  }

  async json<T = any>(method: string, url: string, body?: unknown): Promise<T> {
    const r = await this.raw(method, url, body === undefined ? undefined : JSON.stringify(body));
    const text = await r.text();
    expect(r.ok, `${method} ${url} → ${r.status}: ${text.slice(0, 2000)}`).toBe(true);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** Uploads a workbook, waits for the check, previews and commits it: the import either writes all or nothing. */
  async importWorkbook(file: Buffer, fileName: string): Promise<Record<string, { create: number; update: number }>> {
    const r = await this.raw('POST', `/api/imports?fileName=${encodeURIComponent(fileName)}`, new Uint8Array(file), XLSX_TYPE);
    expect(r.status, await r.clone().text()).toBe(202);
    const { id } = (await r.json()) as { id: string };
    const checked = await this.waitImport(id, ['validated', 'invalid', 'failed']);
    if (checked.state !== 'validated') {
      const issues = await this.json<{ items: unknown[] }>('GET', `/api/imports/${id}/issues`);
      throw new Error(`${fileName} did not pass the check (${checked.state}): ${JSON.stringify(issues.items.slice(0, 10))}`);
    }
    await this.json('POST', `/api/imports/${id}/commit`, {});
    const done = await this.waitImport(id, ['committed', 'failed', 'invalid']);
    expect(done.state, JSON.stringify(done)).toBe('committed');
    return checked.summary.sheets;
  }

  private async waitImport(id: string, states: string[]): Promise<any> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const v = await this.json<{ state: string }>('GET', `/api/imports/${id}`);
      if (states.includes(v.state)) return v;
      if (Date.now() > deadline) throw new Error(`import ${id} stuck in ${v.state}`);
      await new Promise((res) => setTimeout(res, 200));
    }
  }
}

type Cell = string | number | boolean | null;

/** A real .xlsx in the template's layout: the given sheets, headers from the one list of columns. */
async function workbook(sheets: Partial<Record<SheetKind, Record<string, Cell>[]>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [kind, rows] of Object.entries(sheets) as [SheetKind, Record<string, Cell>[]][]) {
    const def = SHEET_BY_KIND[kind];
    const ws = wb.addWorksheet(def.name);
    ws.addRow(def.columns.map((c) => c.header));
    for (const row of rows) ws.addRow(def.columns.map((c) => row[c.key] ?? null));
  }
  wb.addWorksheet(META_SHEET, { state: 'veryHidden' }).addRow(['version', TEMPLATE_VERSION]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

async function docxText(buf: ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '');
}

interface Province {
  code: string;
  peoplesCommittee: string;
  /** The heading of the decision: the province's name in capitals. */
  heading: string;
  place: string;
  host: string;
  plan: { code: string; quotaRate: number; months: number };
}

let app: AppServer | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function goLive(p: Province) {
  const users: [string, string, string][] = [
    ['quantri', 'Lê Văn Quản', 'admin'],
    ['sonoivu', 'Nguyễn Thị Hoa', 'home_affairs'],
    ['lanhdao', 'Trần Văn Quyết', 'authority'],
  ];
  // the README, in order: migrate, setup, the first accounts; then the server
  app = await startAppServer({
    name: `golive${p.code}`,
    demo: false,
    // the requests through a role of their own (APP_DATABASE_URL): the audit log stays append-only by privilege
    appRole: true,
    prepare: async (cli) => {
      expect(await cli(['migrate'])).toContain('Đã áp dụng migration');
      expect(await cli(['setup', '--province', p.code])).toContain(p.peoplesCommittee);
      for (const [username, name, role] of users) await cli(['create-user', '--username', username, '--name', name, '--role', role], { NEW_PASSWORD: PASSWORD });
    },
  });
  const server = app;
  const homeAffairs = await new Client(server.baseURL).login('sonoivu');

  // the organisation: a department, one of its offices and a public service unit, with the staffing of the year
  const org = await homeAffairs.importWorkbook(
    await workbook({
      orgUnits: [
        {
          code: 'STC',
          name: 'Sở Tài chính',
          shortName: 'STC',
          kind: 'Sở',
          restructuredOn: '01/03/2025',
          year: YEAR,
          assignedStaffing: 40,
          decisionNo: `15/QĐ-UBND`,
        },
        { code: 'STC-NS', name: 'Phòng Quản lý ngân sách', kind: 'Phòng', parentCode: 'STC' },
        { code: 'STC-TT', name: 'Trung tâm Tin học và Dịch vụ tài chính công', kind: 'Đơn vị sự nghiệp', parentCode: 'STC' },
      ],
      jobPosts: [
        { code: 'STC-NS', title: 'Chuyên viên quản lý ngân sách', isLeadership: 'Không', isKeyPost: 'Không', minEducation: 'Đại học', requiredRankGrade: 'A1' },
      ],
    }),
    'to-chuc-bo-may.xlsx',
  );
  expect(org).toMatchObject({ orgUnits: { create: 3 }, jobPosts: { create: 1 } });

  // the sending unit's accounts, scoped to the department just imported
  await server.cli(['create-user', '--username', 'thutruong', '--name', 'Phạm Minh Đức', '--role', 'unit_manager', '--unit', 'STC'], { NEW_PASSWORD: PASSWORD });

  // the cadres, with their ratings of the last three years
  const healthOn = addMonths(TODAY, -2);
  const cadres = [
    { code: 'TC001', fullName: 'Võ Thị Minh Thư', gender: 'Nữ', birthDate: '12/05/1990', positionTitle: 'Phó Trưởng phòng', isLeader: 'Có' },
    { code: 'TC002', fullName: 'Đặng Quốc Bảo', gender: 'Nam', birthDate: '03/11/1986', positionTitle: 'Chuyên viên', isLeader: 'Không' },
  ].map((c) => ({
    ...c,
    unitCode: 'STC-NS',
    category: 'Công chức',
    rankCode: '01.003',
    salaryStep: 3,
    salaryCoefficient: '3.00',
    recruitedOn: '01/09/2014',
    educationLevel: 'Đại học',
    major: 'Tài chính - Ngân hàng',
    ethnicCode: 'Kinh',
    healthStatus: 'Tốt',
    healthCheckedOn: dmy(healthOn),
  }));
  const ratings = cadres.flatMap((c) => [YEAR - 3, YEAR - 2, YEAR - 1].map((year) => ({ code: c.code, year, levelCode: 'Hoàn thành tốt nhiệm vụ' })));
  // in the planning for a leading post (I.3: the plan sends cadres in planning)
  const planning = cadres.map((c) => ({ code: c.code, title: 'Phó Trưởng phòng', term: '2025-2030', decisionNo: '12-QĐ/ĐU', approvedOn: '15/12/2025' }));
  const people = await homeAffairs.importWorkbook(await workbook({ cadres, ratings, planning }), 'can-bo.xlsx');
  expect(people).toMatchObject({ cadres: { create: 2 }, ratings: { create: 6 }, planning: { create: 2 } });

  // the plan, entered by Sở Nội vụ from the Plan 131 template with the province's own numbers
  const template = planTemplate('plan-131')!;
  const plans0 = await homeAffairs.json<{ items: unknown[]; defaultIssuedBy: string | null }>('GET', '/api/plans');
  expect(plans0.items).toEqual([]);
  expect(plans0.defaultIssuedBy).toBe(p.peoplesCommittee);
  await homeAffairs.json('POST', '/api/plans', {
    code: p.plan.code,
    title: template.title,
    issuedOn: '2025-06-03',
    effectiveFrom: '2025-06-03',
    template: template.id,
    params: { ...template.params, quotaRate: p.plan.quotaRate, minSecondmentMonths: p.plan.months, minServiceLeftMonths: p.plan.months },
  });

  // the sending unit assesses its cadres (III.1.b) and screens them under the plan in force
  const unit = await new Client(server.baseURL).login('thutruong');
  const first = await unit.json<{ items: { personId: string; code: string }[] }>('GET', '/api/eligibility?sort=name');
  expect(first.items.map((i) => i.code).sort()).toEqual(['TC001', 'TC002']);
  for (const item of first.items) {
    await unit.json('POST', `/api/eligibility/people/${item.personId}/assessments`, {
      assessedOn: TODAY,
      politicalOk: 'yes',
      capacityOk: 'yes',
      prestigeOk: 'yes',
      prospectsOk: 'yes',
    });
  }
  const screened = await unit.json<{
    planVersion: { code: string };
    items: {
      personId: string;
      code: string;
      verdict: string;
      targetGroup: number;
      targetGroupReason: string;
      criteria: { criterion: string; result: string; clause: string }[];
    }[];
  }>('GET', '/api/eligibility?sort=name');
  expect(screened.planVersion.code).toBe(p.plan.code);
  const thu = screened.items.find((i) => i.code === 'TC001')!;
  expect(thu.verdict, JSON.stringify(thu.criteria.filter((c) => c.result !== 'pass'))).toBe('eligible');
  // Sở Tài chính was restructured on 01/03/2025 (its row in the org sheet): a leader in planning there is of group 1
  expect([thu.targetGroup, thu.targetGroupReason]).toEqual([1, expect.stringContaining('01/03/2025')]);
  // every clause cites the plan in force, never another province's
  const clauses = thu.criteria.map((c) => c.clause).join(' | ');
  if (p.plan.code !== '131/KH-UBND') expect(clauses).not.toContain('131/KH-UBND');

  // the host: one of this province's communes
  const destinations = await unit.json<{ id: string; name: string }[] | { items: { id: string; name: string }[] }>('GET', '/api/org-units/destinations');
  const list = Array.isArray(destinations) ? destinations : destinations.items;
  const host = list.find((d) => d.name === p.host);
  expect(host, `${p.host} among ${list.length} destinations`).toBeDefined();

  const proposed = await unit.json<{ id: string }>('POST', '/api/secondments', {
    personId: thu.personId,
    targetGroup: thu.targetGroup,
    remarks: 'Hoàn thành tốt nhiệm vụ, có năng lực quản lý ngân sách',
    suggestedHostUnitId: host!.id,
  });
  await homeAffairs.json('POST', `/api/secondments/${proposed.id}/forward`, { version: 1, note: 'Đủ điều kiện, trong chỉ tiêu' });
  // Plan 131 II.1: the Party committee's opinion before the decision
  await homeAffairs.json('POST', `/api/secondments/${proposed.id}/party-opinions`, {
    committeeName: 'Ban Thường vụ Đảng ủy',
    givenOn: TODAY,
    documentNo: '15-CV/ĐU',
    outcome: 'agree',
    politicalConclusion: 'meets',
  });

  const authority = await new Client(server.baseURL).login('lanhdao');
  const current = await authority.json<{ version: number }>('GET', `/api/secondments/${proposed.id}`);
  const decided = await authority.json<{ decisionId: string; number: string }>('POST', '/api/secondments/decisions/send', {
    decidedOn: TODAY,
    signerName: 'Trần Văn Quyết',
    signerTitle: 'Chủ tịch',
    items: [{ secondmentId: proposed.id, version: current.version, hostUnitId: host!.id, startDate: addDays(TODAY, 14), durationMonths: p.plan.months }],
  });

  const docx = await authority.raw('GET', `/api/secondments/decisions/${decided.decisionId}/document.docx`);
  expect(docx.status).toBe(200);
  const text = await docxText(await docx.arrayBuffer());
  expect(text).toContain('ỦY BAN NHÂN DÂN');
  expect(text).toContain(p.heading);
  expect(text).toContain(`${p.place}, ngày`);
  expect(text).toContain(p.plan.code);
  expect(text).toContain(p.host);
  expect(text).toContain('Võ Thị Minh Thư');
  expect(text).toContain(`${p.plan.months} tháng`);

  // every connection the server holds is the requests' role; none is the owner's, and no warning was logged
  const admin = new pg.Client({ connectionString: server.databaseUrl });
  await admin.connect();
  try {
    const users = await admin.query<{ usename: string }>(
      'SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    expect(users.rows.map((r) => r.usename)).toEqual([server.appRoleName]);
  } finally {
    await admin.end();
  }
  expect(server.log()).not.toMatch(/superuser|owner of the tables/);
  return text;
}

describe('go live on a real database, as the README says, for any province', () => {
  it('Cần Thơ: Plan 131 (5 %, 36 months), a ward of Cần Thơ as host', { timeout: 240_000 }, async () => {
    await goLive({
      code: '92',
      peoplesCommittee: 'Ủy ban nhân dân thành phố Cần Thơ',
      heading: 'THÀNH PHỐ CẦN THƠ',
      place: 'Cần Thơ',
      host: 'Phường Ninh Kiều',
      plan: { code: '131/KH-UBND', quotaRate: 0.05, months: 36 },
    });
  });

  it('Hà Nội: its own plan (4 %, 24 months), headed with Hà Nội’s People’s Committee, a ward of Hà Nội as host, no Cần Thơ', { timeout: 240_000 }, async () => {
    const text = await goLive({
      code: '01',
      peoplesCommittee: 'Ủy ban nhân dân thành phố Hà Nội',
      heading: 'THÀNH PHỐ HÀ NỘI',
      place: 'Hà Nội',
      host: 'Phường Ba Đình',
      plan: { code: '27/KH-UBND', quotaRate: 0.04, months: 24 },
    });
    expect(text).not.toContain('Cần Thơ');
    expect(text).not.toContain('131/KH-UBND');
  });
});
