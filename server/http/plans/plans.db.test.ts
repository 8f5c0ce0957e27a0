import { beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { recordPartyOpinion } from '../../../test/support/secondment-steps.js';
import { addDays, vietnamToday } from '../../../common/dates.js';
import { PLAN_TEMPLATES } from '../../../common/plan-templates.js';
import { BeforePlanError, planInForce } from '../../domain/plans/plan-in-force.js';

/**
 * Plans entered by Sở Nội vụ: from a template, refused when the number is taken, a second plan taking over from
 * the first on its effective date while the first one's secondments keep their version, the plan's text attached
 * (checked by its bytes) and read back.
 */
const t = useTestDatabase();
let app: TestApp;
const s: Record<string, Session> = {};
let deptA: UnitRef;
let c1: UnitRef;
const TODAY = vietnamToday();
const YEAR = Number(TODAY.slice(0, 4));
// the next plan starts on 1 January of next year: dates of this year stay with Plan 131
const NEXT_START = `${YEAR + 1}-01-01`;
const NEXT_CODE = `5/KH-UBND`;
// the next plan is entered once issued (today at the latest), before it takes effect
const NEXT_ISSUED = addDays(TODAY, -7);
let plan131: { id: string; versionId: string };
let nextPlanId: string;
let proposalId: string;

const counts = async () =>
  (
    await t.get().pool.query(`SELECT (SELECT count(*) FROM plans)::int AS plans, (SELECT count(*) FROM plan_versions)::int AS versions,
      (SELECT count(*) FROM audit_log)::int AS audit`)
  ).rows[0];

const template = PLAN_TEMPLATES.find((x) => x.id === 'plan-131')!;
const nextPlanBody = (o: Record<string, unknown> = {}) => ({
  code: NEXT_CODE,
  title: `Kế hoạch tăng cường cán bộ năm ${YEAR + 1}`,
  issuedOn: NEXT_ISSUED,
  effectiveFrom: NEXT_START,
  template: 'plan-131',
  params: { ...template.params, quotaRate: 0.04, minSecondmentMonths: 24, minServiceLeftMonths: 24 },
  ...o,
});

/** A person who meets every criterion today, so that a proposal is screened eligible. */
async function candidate(unit: UnitRef) {
  const { pool } = t.get();
  const p = await makePerson(pool, { unitId: unit.id, fullName: 'Võ Thị Kế Hoạch', gender: 'female', birthDate: '1988-03-01' });
  await pool.query(
    `UPDATE people SET is_leader = true, position_title = 'Phó Trưởng phòng', rank_code = '01.003', salary_step = 3, salary_coefficient = 3.00,
       health_status = 'good', health_checked_on = $2 WHERE id = $1`,
    [p.id, addDays(TODAY, -30)],
  );
  await pool.query(`INSERT INTO planning_entries (person_id, title, term, approved_on) VALUES ($1, 'Trưởng phòng', '2025-2030', '2025-08-01')`, [p.id]);
  await pool.query(`INSERT INTO annual_ratings (person_id, year, level_code) VALUES ($1, $2, 'HTT'), ($1, $3, 'HTXS'), ($1, $4, 'HTT')`, [
    p.id,
    YEAR - 2,
    YEAR - 1,
    YEAR,
  ]);
  await pool.query(
    `INSERT INTO unit_assessments (person_id, assessed_on, assessed_by, assessor_name, capacity_ok, prestige_ok, prospects_ok, political_ok)
     VALUES ($1, $2, gen_random_uuid(), 'Thủ trưởng', 'yes', 'yes', 'yes', 'yes')`,
    [p.id, addDays(TODAY, -20)],
  );
  return p.id;
}

/** A small but real PDF: header, one page, cross-reference table and trailer. */
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

const upload = (planId: string, content: Buffer, fileName: string, who = s.homeAffairs, type = 'application/octet-stream') =>
  send(app, `/api/plans/${planId}/document?fileName=${encodeURIComponent(fileName)}`, {
    method: 'PUT',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': type },
    body: new Uint8Array(content),
  });

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await pool.query(`INSERT INTO province_settings (code, name, level_word, place_name, peoples_committee_name)
    VALUES ('92', 'Thành phố Cần Thơ', 'thành phố', 'Cần Thơ', 'Ủy ban nhân dân thành phố Cần Thơ') ON CONFLICT DO NOTHING`);
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  deptA = await makeUnit(pool, { parent: root, name: 'Sở A', staffing: 400, restructuredOn: '2025-03-01' });
  c1 = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Một' });
  s.homeAffairs = await makeSession(pool, 'home_affairs');
  s.authority = await makeSession(pool, 'authority');
  s.hrA = await makeSession(pool, 'unit_hr', { unitId: deptA.id });
  const p = (await pool.query(`SELECT p.id, v.id AS "versionId" FROM plans p JOIN plan_versions v ON v.plan_id = p.id WHERE p.code = '131/KH-UBND'`)).rows[0];
  plan131 = p;
  // a proposal screened today, under Plan 131, before any later plan exists
  const personId = await candidate(deptA);
  const r = await call(app, 'POST', '/api/secondments', {
    session: s.hrA,
    body: { personId, targetGroup: 1, remarks: 'Hoàn thành tốt nhiệm vụ', suggestedHostUnitId: c1.id },
  });
  expect(r.status).toBe(201);
  proposalId = r.json.id;
});

describe('the list of plans', () => {
  it('shows Plan 131 in force, from its template, with its version, and the issuer a new plan gets', async () => {
    const r = await call(app, 'GET', '/api/plans', { session: s.hrA });
    expect(r.status).toBe(200);
    expect(r.json.defaultIssuedBy).toBe('Ủy ban nhân dân thành phố Cần Thơ');
    expect(r.json.items).toHaveLength(1);
    expect(r.json.items[0]).toMatchObject({ code: '131/KH-UBND', template: 'plan-131', inForce: true, effectiveFrom: '2025-06-03', document: null });
    expect(r.json.items[0].versions.map((v: { version: number }) => v.version)).toEqual([1]);
  });
});

describe('creating a plan', () => {
  it('refuses bad input with every issue in Vietnamese and writes nothing', async () => {
    const before = await counts();
    const r = await call(app, 'POST', '/api/plans', {
      session: s.homeAffairs,
      body: nextPlanBody({ code: 'kế hoạch', effectiveFrom: addDays(NEXT_ISSUED, -1), params: { ...template.params, minRatingCode: 'NOPE' } }),
    });
    expect(r.status).toBe(422);
    expect(r.json.error.issues.map((i: { path: string }) => i.path)).toContain('code');
    const r2 = await call(app, 'POST', '/api/plans', {
      session: s.homeAffairs,
      body: nextPlanBody({ effectiveFrom: addDays(NEXT_ISSUED, -1), params: { ...template.params, minRatingCode: 'NOPE' } }),
    });
    expect(r2.status).toBe(422);
    expect(r2.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['effectiveFrom', 'params.minRatingCode']);
    expect(r2.json.error.issues.find((i: { path: string }) => i.path === 'effectiveFrom').message).toMatch(/trước ngày ban hành/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a plan not yet issued (a date of issue after today) and writes nothing', async () => {
    const before = await counts();
    const r = await call(app, 'POST', '/api/plans', { session: s.homeAffairs, body: nextPlanBody({ issuedOn: addDays(TODAY, 1) }) });
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toEqual([{ path: 'issuedOn', message: `Ngày ban hành không được sau ngày hôm nay (${TODAY.split('-').reverse().join('/')})` }]);
    expect(await counts()).toEqual(before);
  });

  it('creates the plan and its version 1 from the template, issued by the province by default, audited', async () => {
    const before = await counts();
    const r = await call(app, 'POST', '/api/plans', { session: s.homeAffairs, body: nextPlanBody() });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ code: NEXT_CODE, version: 1 });
    nextPlanId = r.json.id;
    expect(await counts()).toEqual({ plans: before.plans + 1, versions: before.versions + 1, audit: before.audit + 1 });
    const { pool } = t.get();
    const row = (await pool.query(`SELECT issued_by, template, created_by FROM plans WHERE id = $1`, [nextPlanId])).rows[0];
    expect(row).toMatchObject({ issued_by: 'Ủy ban nhân dân thành phố Cần Thơ', template: 'plan-131', created_by: s.homeAffairs.userId });
    const audit = (await pool.query(`SELECT action, after FROM audit_log WHERE entity_type = 'plan' AND entity_id = $1`, [nextPlanId])).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ code: NEXT_CODE, effectiveFrom: NEXT_START, params: { quotaRate: 0.04 } });
  });

  it('refuses a number already used (whatever its case) and changes nothing', async () => {
    const before = await counts();
    const r = await call(app, 'POST', '/api/plans', {
      session: s.homeAffairs,
      body: nextPlanBody({ code: NEXT_CODE.toLowerCase(), effectiveFrom: `${YEAR + 2}-01-01` }),
    });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toBe(`Đã có kế hoạch số ${NEXT_CODE.toLowerCase()}. Mỗi kế hoạch có một số, ký hiệu riêng.`);
    expect(await counts()).toEqual(before);
  });

  it('lets only Sở Nội vụ create one', async () => {
    const before = await counts();
    for (const who of [s.authority, s.hrA]) {
      const r = await call(app, 'POST', '/api/plans', { session: who, body: nextPlanBody({ code: '9/KH-UBND', effectiveFrom: `${YEAR + 3}-01-01` }) });
      expect(r.status).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('a second plan follows the first', () => {
  it('governs from its effective date; dates before stay with Plan 131', async () => {
    const { db } = t.get();
    const dec = await planInForce(db, `${YEAR}-12-01`);
    expect(dec.ref).toMatchObject({ code: '131/KH-UBND', id: plan131.versionId });
    expect(dec.params.quotaRate).toBe(0.05);
    const feb = await planInForce(db, `${YEAR + 1}-02-01`);
    expect(feb.ref).toMatchObject({ code: NEXT_CODE, version: 1, effectiveFrom: NEXT_START });
    expect(feb.params.minSecondmentMonths).toBe(24);
    await expect(planInForce(db, '2025-01-01')).rejects.toBeInstanceOf(BeforePlanError);
    const list = (await call(app, 'GET', '/api/plans', { session: s.homeAffairs })).json.items;
    expect(list.find((p: { code: string }) => p.code === '131/KH-UBND').inForce).toBe(TODAY < NEXT_START);
    expect(list.find((p: { code: string }) => p.code === NEXT_CODE).inForce).toBe(TODAY >= NEXT_START);
  });

  it('keeps the proposal made under Plan 131 on its version, and judges a decision by the plan of its start date', async () => {
    const { pool } = t.get();
    const stored = (await pool.query(`SELECT proposal_verdict FROM secondments WHERE id = $1`, [proposalId])).rows[0].proposal_verdict;
    expect(stored.planVersionId).toBe(plan131.versionId);
    const f = await call(app, 'POST', `/api/secondments/${proposalId}/forward`, { session: s.homeAffairs, body: { version: 1 } });
    expect(f.status).toBe(200);
    await recordPartyOpinion(app, s.homeAffairs, proposalId);
    const version = async () => (await pool.query('SELECT version FROM secondments WHERE id = $1', [proposalId])).rows[0].version as number;
    const decide = async (startDate: string) =>
      call(app, 'POST', '/api/secondments/decisions/send', {
        session: s.authority,
        body: {
          decidedOn: TODAY,
          signerName: 'Trần Văn Quyết',
          signerTitle: 'Chủ tịch',
          items: [{ secondmentId: proposalId, version: await version(), hostUnitId: c1.id, startDate, durationMonths: 24 }],
        },
      });
    // 24 months: short of Plan 131's 36 when starting this year, the new plan's minimum when starting under it
    const underOld = await decide(addDays(NEXT_START, -1) < TODAY ? TODAY : addDays(NEXT_START, -1));
    if (TODAY < NEXT_START) {
      expect(underOld.status).toBe(422);
      expect(underOld.json.error.issues[0].message).toMatch(/36 tháng/);
    }
    const underNew = await decide(addDays(NEXT_START, 14));
    expect(underNew.status).toBe(201);
    const after = (await pool.query(`SELECT proposal_verdict, appraisal_verdict FROM secondments WHERE id = $1`, [proposalId])).rows[0];
    expect(after.proposal_verdict.planVersionId).toBe(plan131.versionId);
  });

  it('saves a version of the plan named, by default the one in force today, never past the next plan’s start', async () => {
    const params = { ...template.params, youngAgeThreshold: 35 };
    const old = await call(app, 'POST', '/api/plans/versions', {
      session: s.homeAffairs,
      body: { planId: plan131.id, effectiveFrom: addDays(NEXT_START, 31), note: 'Quá muộn', params },
    });
    expect(old.status).toBe(422);
    expect(old.json.error.issues[0]).toMatchObject({ path: 'effectiveFrom' });
    expect(old.json.error.issues[0].message).toMatch(/5\/KH-UBND/);
    const early = await call(app, 'POST', '/api/plans/versions', {
      session: s.homeAffairs,
      body: { planId: nextPlanId, effectiveFrom: addDays(NEXT_START, -1), note: 'Sớm hơn', params },
    });
    expect(early.status).toBe(422);
    const r = await call(app, 'POST', '/api/plans/versions', {
      session: s.homeAffairs,
      body: { planId: nextPlanId, effectiveFrom: addDays(NEXT_START, 90), note: 'Điều chỉnh tuổi trẻ', params },
    });
    expect(r.status).toBe(201);
    expect(r.json.version).toBe(2);
    const versions = await call(app, 'GET', `/api/plans/versions?planId=${nextPlanId}`, { session: s.hrA });
    expect(versions.json.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // without a plan named: the plan in force today
    const current = await call(app, 'GET', '/api/plans/versions', { session: s.hrA });
    expect(current.json.items[0].version).toBe(TODAY < NEXT_START ? 1 : 2);
  });
});

describe('the identity of a plan', () => {
  it('is corrected by Sở Nội vụ, audited before → after; a number of another plan is refused', async () => {
    const { pool } = t.get();
    const r = await call(app, 'PATCH', `/api/plans/${nextPlanId}`, { session: s.homeAffairs, body: { title: 'Kế hoạch tăng cường cán bộ về cơ sở' } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: nextPlanId, title: 'Kế hoạch tăng cường cán bộ về cơ sở', code: NEXT_CODE });
    const audit = (await pool.query(`SELECT before, after FROM audit_log WHERE entity_type = 'plan' AND entity_id = $1 AND action = 'update'`, [nextPlanId])).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toEqual({ title: `Kế hoạch tăng cường cán bộ năm ${YEAR + 1}` });
    const dup = await call(app, 'PATCH', `/api/plans/${nextPlanId}`, { session: s.homeAffairs, body: { code: '131/KH-UBND' } });
    expect(dup.status).toBe(409);
    // issued after it takes effect: for a plan to come that is a date still to come, for Plan 131 one after 03/06/2025
    const late = await call(app, 'PATCH', `/api/plans/${nextPlanId}`, { session: s.homeAffairs, body: { issuedOn: addDays(NEXT_START, 1) } });
    expect(late.status).toBe(422);
    expect(late.json.error.issues).toEqual([{ path: 'issuedOn', message: `Ngày ban hành không được sau ngày hôm nay (${TODAY.split('-').reverse().join('/')})` }]);
    const after131 = await call(app, 'PATCH', `/api/plans/${plan131.id}`, { session: s.homeAffairs, body: { issuedOn: '2025-06-04' } });
    expect(after131.status).toBe(422);
    expect(after131.json.error.issues).toEqual([{ path: 'issuedOn', message: 'Ngày ban hành không được sau ngày kế hoạch bắt đầu có hiệu lực' }]);
    expect((await pool.query(`SELECT issued_on FROM plans WHERE id = $1`, [plan131.id])).rows[0].issued_on).toBe('2025-06-03');
    expect((await pool.query(`SELECT code, issued_on FROM plans WHERE id = $1`, [nextPlanId])).rows[0]).toEqual({ code: NEXT_CODE, issued_on: NEXT_ISSUED });
    expect((await call(app, 'PATCH', `/api/plans/${nextPlanId}`, { session: s.hrA, body: { title: 'X' } })).status).toBe(403);
  });
});

describe('the plan’s text', () => {
  const documentOf = async (id: string) =>
    (await t.get().pool.query(`SELECT document_name, document_type, octet_length(document) AS size FROM plans WHERE id = $1`, [id])).rows[0];

  it('attaches a real PDF and gives it back, byte for byte, to anyone who may read plans', async () => {
    const pdf = smallPdf();
    const r = await upload(plan131.id, pdf, 'KH 131-KH-UBND.pdf', s.homeAffairs, 'application/pdf');
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.document).toEqual({ name: 'KH 131-KH-UBND.pdf', type: 'application/pdf', size: pdf.length });
    const back = await send(app, `/api/plans/${plan131.id}/document`, { headers: { cookie: s.hrA.cookie } });
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('application/pdf');
    expect(back.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''KH%20131-KH-UBND\.pdf/);
    expect(Buffer.from(await back.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('replaces it with a real .docx, audited', async () => {
    const { pool } = t.get();
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch số 131/KH-UBND')] }] }));
    const r = await upload(plan131.id, docx, 'ke-hoach-131.docx');
    expect(r.status).toBe(200);
    expect(await documentOf(plan131.id)).toEqual({
      document_name: 'ke-hoach-131.docx',
      document_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: docx.length,
    });
    const audit = (await pool.query(`SELECT before, after FROM audit_log WHERE entity_type = 'plan' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [plan131.id]))
      .rows[0];
    expect(audit.before.document.name).toBe('KH 131-KH-UBND.pdf');
    expect(audit.after.document).toMatchObject({ name: 'ke-hoach-131.docx', size: docx.length });
  });

  it('refuses what is not a PDF or .docx whatever its name says, one too large, and a unit officer; nothing changes', async () => {
    const before = await documentOf(plan131.id);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2000, 0x41)]);
    const r = await upload(plan131.id, exe, 'ke-hoach.pdf', s.homeAffairs, 'application/pdf');
    expect(r.status).toBe(422);
    expect((await r.json()).error.issues[0].message).toMatch(/Chỉ nhận văn bản PDF hoặc Word/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['x']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await upload(plan131.id, xlsx, 'ke-hoach.docx')).status).toBe(422);
    const mislabeled = await upload(plan131.id, smallPdf(), 'ke-hoach.docx');
    expect(mislabeled.status).toBe(422);
    expect((await mislabeled.json()).error.issues[0].message).toMatch(/đuôi \.docx nhưng nội dung là PDF/);
    const big = await upload(plan131.id, Buffer.concat([smallPdf(), Buffer.alloc(21 * 1024 * 1024)]), 'lon.pdf');
    expect(big.status).toBe(413);
    expect((await big.json()).error.message).toMatch(/tối đa 20 MB/);
    expect((await upload(plan131.id, smallPdf(), 'x.pdf', s.hrA)).status).toBe(403);
    expect(await documentOf(plan131.id)).toEqual(before);
  });

  it('answers 404 for a plan without text', async () => {
    const r = await call(app, 'GET', `/api/plans/${nextPlanId}/document`, { session: s.hrA });
    expect(r.status).toBe(404);
  });
});

describe('a province without any plan yet', () => {
  it('answers the pages that need a plan with a message telling Sở Nội vụ to create one; the list is empty', async () => {
    const { pool } = t.get();
    await pool.query('DELETE FROM screening_runs');
    await pool.query('DELETE FROM plans');
    const list = await call(app, 'GET', '/api/plans', { session: s.homeAffairs });
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([]);
    for (const path of ['/api/plans/current', '/api/eligibility', '/api/quotas']) {
      const r = await call(app, 'GET', path, { session: s.homeAffairs });
      expect(r.status, path).toBe(404);
      expect(r.json.error.message).toMatch(/Chưa có kế hoạch .* Sở Nội vụ cần tạo kế hoạch/);
    }
  });
});
