import type pg from 'pg';
import { DEMO_TODAY } from './constants.js';
import { DEMO_DEPARTMENT_CODE, DEMO_HOST_COMMUNE_CODE } from './demo-accounts.js';
import { addMonths, dayNumber, isoDate, type Rng } from './random.js';
import { SYSTEM_ACTOR } from '../../domain/access/actor.js';
import type { SecondmentStatus } from '../../../common/secondment.js';
import { SECONDMENT_DEADLINES } from '../../../common/secondment.js';
import { PLAN_131_PARAMS } from '../../../common/plan-params.js';

/**
 * Demo secondments (Plan 131): a few dozen people from several city-level units at every step of the path, with
 * consistent columns — send decisions numbered per year with their items, the reserved home post, the host's
 * access to its cadres while they serve, periodic reports (some submitted, some late), evaluations, contacts
 * and the events of each step. The demo accounts' department has proposals in several states and the demo
 * commune has cadres serving and one awaiting reception. Deterministic: the same seed gives the same rows.
 */

type Client = pg.ClientBase;

interface Candidate {
  id: string;
  fullName: string;
  sendingUnitId: string;
  sendingUnitCode: string;
  sendingUnitName: string;
  unitId: string;
  unitName: string;
  jobPostId: string | null;
  positionTitle: string | null;
  isLeader: boolean;
  leadershipAllowanceCoef: string | null;
  rankCode: string | null;
  salaryStep: number | null;
  salaryCoefficient: string | null;
  inPlanning: boolean;
}

interface Unit {
  id: string;
  code: string;
  name: string;
}

interface Plan {
  person: Candidate;
  status: SecondmentStatus;
  host: Unit;
  /** Active, completed, returned, ended early: the start of the secondment (a batch date of the decisions). */
  start?: string;
  months?: number;
}

const D = (day: number) => isoDate(day);
const plusDays = (iso: string, n: number) => D(dayNumber(iso) + n);
const plusMonths = (iso: string, n: number) => D(addMonths(dayNumber(iso), n));
const at = (iso: string, hour: number, minute = 0) => `${iso}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`;

/** Batch starts of the send decisions (1st of the month, from 08/2025 to 06/2026). */
const ACTIVE_STARTS = ['2025-08-01', '2025-09-01', '2025-10-01', '2025-12-01', '2026-01-01', '2026-03-01', '2026-04-01', '2026-06-01'];
const SHORT_REASON = 'Trường hợp đặc thù: thực hiện nhiệm vụ chuyển đổi số, cải cách hành chính ở cấp xã theo đề nghị của UBND xã, phường';
/** The People's Committee's signer ("… Ủy ban nhân dân thành phố" or "… tỉnh"). */
const signerOf = (level: string) => ({ name: 'Trần Văn Minh', title: `Phó Chủ tịch Ủy ban nhân dân ${level}` });
/** The head of a sending unit signing its return decisions. */
const UNIT_SIGNER = { name: 'Nguyễn Thanh Bình', title: 'Giám đốc' };
const HOME_AFFAIRS_NAME = 'Chuyên viên Sở Nội vụ';
const authorityNameOf = (level: string) => `Lãnh đạo UBND ${level}`;

class Rows {
  readonly rows: unknown[][] = [];
  constructor(
    readonly table: string,
    readonly columns: string[],
  ) {}
  add(...values: unknown[]) {
    this.rows.push(values);
  }
  async flush(client: Client) {
    const n = this.columns.length;
    for (let i = 0; i < this.rows.length; i += 500) {
      const chunk = this.rows.slice(i, i + 500);
      const params = chunk.flat();
      const values = chunk.map((_, r) => `(${this.columns.map((_c, c) => `$${r * n + c + 1}`).join(',')})`).join(',');
      await client.query(`INSERT INTO ${this.table} (${this.columns.join(',')}) VALUES ${values}`, params);
    }
  }
}

async function loadCandidates(client: Client, today: string): Promise<Candidate[]> {
  // eligible-looking: serving, healthy, never disciplined, no open case or barring circumstance, aged 28 to 52 (far from retirement), in a city-level unit
  const r = await client.query<Candidate>(
    `SELECT p.id, p.full_name AS "fullName", cu.id AS "sendingUnitId", cu.code AS "sendingUnitCode", cu.name AS "sendingUnitName", u.id AS "unitId", u.name AS "unitName",
       p.job_post_id AS "jobPostId", p.position_title AS "positionTitle", p.is_leader AS "isLeader",
       p.leadership_allowance_coef::text AS "leadershipAllowanceCoef", p.rank_code AS "rankCode", p.salary_step AS "salaryStep",
       p.salary_coefficient::text AS "salaryCoefficient",
       EXISTS (SELECT 1 FROM planning_entries pe WHERE pe.person_id = p.id AND pe.removed_on IS NULL) AS "inPlanning"
     FROM people p
     JOIN org_units u ON u.id = p.unit_id
     JOIN org_units cu ON cu.id = u.path[2]
     JOIN org_units root ON root.id = cu.parent_id AND root.parent_id IS NULL
     WHERE p.status = 'active' AND cu.kind NOT IN ('commune', 'ward')
       AND p.birth_date BETWEEN $1::date - interval '52 years' AND $1::date - interval '28 years'
       AND p.health_status = 'good'
       AND NOT EXISTS (SELECT 1 FROM discipline_records d WHERE d.person_id = p.id)
       AND NOT EXISTS (SELECT 1 FROM person_proceedings pp WHERE pp.person_id = p.id AND pp.closed_on IS NULL)
       AND NOT EXISTS (SELECT 1 FROM person_circumstances pc WHERE pc.person_id = p.id AND (pc.to_date IS NULL OR pc.to_date >= $1::date))
       AND NOT EXISTS (SELECT 1 FROM secondments s WHERE s.person_id = p.id)
     ORDER BY p.code`,
    [today],
  );
  return r.rows;
}

/**
 * The person the demo-accounts module makes the `canbo` account of (same ordering), so that account has a
 * secondment. Judged on the demo's today rather than the clock's, so the same seed gives the same rows.
 */
async function demoCadreId(client: Client, deptId: string, today: string): Promise<string | null> {
  const r = await client.query<{ id: string }>(
    `SELECT p.id FROM people p
     WHERE p.unit_id IN (SELECT id FROM org_units WHERE path @> ARRAY[$1::uuid]) AND p.status = 'active'
     ORDER BY (p.is_leader
         AND EXISTS (SELECT 1 FROM planning_entries pe WHERE pe.person_id = p.id AND pe.removed_on IS NULL)
         AND NOT EXISTS (SELECT 1 FROM discipline_records d WHERE d.person_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM person_proceedings pp WHERE pp.person_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM person_circumstances pc WHERE pc.person_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM annual_ratings ar WHERE ar.person_id = p.id AND ar.level_code NOT IN ('HTXS', 'HTT'))
         AND p.health_status = 'good' AND p.health_checked_on > $2::date - interval '5 months') DESC,
       p.code
     LIMIT 1`,
    [deptId, today],
  );
  return r.rows[0]?.id ?? null;
}

/** The statuses of the demo department: every step, with cadres serving and one awaiting reception at the demo commune. */
const DEMO_DEPARTMENT_PLAN: { status: SecondmentStatus; atDemoHost?: boolean; start?: string; months?: number }[] = [
  { status: 'active', atDemoHost: true, start: '2026-06-01' },
  { status: 'active', atDemoHost: true, start: '2025-09-01' },
  { status: 'active', start: '2025-08-01', months: 16 },
  { status: 'active', start: '2026-01-01' },
  { status: 'decided', atDemoHost: true },
  { status: 'decided' },
  { status: 'proposed' },
  { status: 'proposed' },
  { status: 'sent_back' },
  { status: 'appraised' },
  { status: 'completed' },
  { status: 'returned' },
];

const OTHER_UNIT_WEIGHTS: [SecondmentStatus, number][] = [
  ['proposed', 2],
  ['sent_back', 0.7],
  ['appraised', 1],
  ['decided', 1],
  ['active', 4],
  ['completed', 0.8],
  ['ended_early', 0.3],
  ['returned', 0.8],
];

export interface DemoSecondmentsResult {
  secondments: number;
  byStatus: Record<string, number>;
}

export async function seedDemoSecondments(
  client: Client,
  rng: Rng,
  o: { today?: string; otherUnits?: number; perUnit?: number } = {},
): Promise<DemoSecondmentsResult> {
  const today = o.today ?? DEMO_TODAY;
  // the province and the plan of the demo (Cần Thơ and Plan 131 when the tests seed without a province)
  const level = (await client.query<{ level: string }>('SELECT level_word AS level FROM province_settings')).rows[0]?.level ?? 'thành phố';
  const planCode = (await client.query<{ code: string }>('SELECT code FROM plans ORDER BY issued_on DESC LIMIT 1')).rows[0]?.code ?? '131/KH-UBND';
  const SIGNER = signerOf(level);
  const AUTHORITY_NAME = authorityNameOf(level);
  const candidates = await loadCandidates(client, today);
  const communes = (await client.query<Unit>(`SELECT id, code, name FROM org_units WHERE kind IN ('commune', 'ward') ORDER BY code`)).rows;
  const dept = (await client.query<Unit>(`SELECT id, code, name FROM org_units WHERE code = $1`, [DEMO_DEPARTMENT_CODE])).rows[0];
  const demoHost = communes.find((c) => c.code === DEMO_HOST_COMMUNE_CODE) ?? communes[0];
  if (!communes.length || candidates.length === 0) return { secondments: 0, byStatus: {} };

  const byUnit = new Map<string, Candidate[]>();
  for (const c of candidates) byUnit.set(c.sendingUnitId, [...(byUnit.get(c.sendingUnitId) ?? []), c]);
  const plans: Plan[] = [];
  const pickHost = () => rng.pick(communes);

  // the demo department first
  if (dept && byUnit.has(dept.id)) {
    const pool = rng.shuffle([...byUnit.get(dept.id)!]);
    const cadreId = await demoCadreId(client, dept.id, today);
    const i = pool.findIndex((p) => p.id === cadreId);
    if (i > 0) pool.unshift(...pool.splice(i, 1));
    DEMO_DEPARTMENT_PLAN.forEach((p, k) => {
      if (!pool[k]) return;
      plans.push({ person: pool[k], status: p.status, host: p.atDemoHost ? demoHost : pickHost(), start: p.start, months: p.months });
    });
  }
  // then several other units, those with the most candidates among a seeded draw
  const others = rng
    .shuffle([...byUnit.keys()].filter((id) => id !== dept?.id).sort())
    .slice(0, 12)
    .sort((a, b) => byUnit.get(b)!.length - byUnit.get(a)!.length || a.localeCompare(b))
    .slice(0, o.otherUnits ?? 5);
  let shortLeft = 3; // a few active secondments shorter than 36 months, ending in the coming weeks
  for (const unitId of others) {
    const pool = rng.shuffle([...byUnit.get(unitId)!]).slice(0, o.perUnit ?? 8);
    pool.forEach((person, k) => {
      // each unit has someone serving and someone proposed; the rest drawn
      const status: SecondmentStatus = k === 0 ? 'active' : k === 1 ? 'proposed' : rng.weighted(OTHER_UNIT_WEIGHTS);
      let months: number | undefined;
      let start: string | undefined;
      if (status === 'active' && shortLeft > 0 && rng.chance(0.4)) {
        shortLeft--;
        start = rng.pick(['2025-08-01', '2025-09-01', '2025-10-01']);
        months = 16;
      }
      plans.push({ person, status, host: pickHost(), start, months });
    });
  }

  const t = {
    sec: new Rows('secondments', [
      'id',
      'person_id',
      'sending_unit_id',
      'host_unit_id',
      'status',
      'target_group',
      'suggested_role',
      'remarks',
      'eligible_at_proposal',
      'proposal_verdict',
      'proposed_by',
      'proposed_at',
      'appraisal_verdict',
      'appraisal_note',
      'appraised_by',
      'appraised_at',
      'decision_id',
      'decision_no',
      'duration_months',
      'short_duration_reason',
      'start_date',
      'end_date',
      'received_on',
      'assigned_work',
      'host_role',
      'received_by',
      'reserved_post',
      'actual_end_date',
      'end_reason',
      'placement',
      'outcome_rating',
      'outcome_remarks',
      'extra_step_granted',
      'returned_on',
      'version',
      'created_at',
      'updated_at',
    ]),
    events: new Rows('secondment_events', ['id', 'secondment_id', 'action', 'from_status', 'to_status', 'actor_user_id', 'actor_name', 'note', 'data', 'at']),
    decisions: new Rows('secondment_decisions', [
      'id',
      'kind',
      'issuer_unit_id',
      'year',
      'seq',
      'number',
      'decided_on',
      'signer_name',
      'signer_title',
      'note',
      'created_by',
      'created_at',
    ]),
    // Plan 131 II.1: the Party committee's opinion before the decision (the plan requires it)
    opinions: new Rows('secondment_party_opinions', [
      'secondment_id',
      'committee_name',
      'given_on',
      'document_no',
      'outcome',
      'political_conclusion',
      'recorded_by',
      'recorded_by_name',
      'created_at',
    ]),
    items: new Rows('secondment_decision_items', ['decision_id', 'secondment_id', 'host_unit_id', 'start_date', 'end_date', 'duration_months', 'reason']),
    reports: new Rows('secondment_reports', [
      'id',
      'secondment_id',
      'kind',
      'period_no',
      'period_from',
      'period_to',
      'due_on',
      'submitted_on',
      'submitted_at',
      'submitted_by',
      'results',
      'difficulties',
      'proposals',
    ]),
    evaluations: new Rows('secondment_evaluations', [
      'id',
      'secondment_id',
      'year',
      'evaluated_on',
      'proposed_rating',
      'strengths',
      'weaknesses',
      'usage_proposal',
      'evaluator_user_id',
      'evaluator_name',
      'created_at',
    ]),
    contacts: new Rows('secondment_contacts', [
      'id',
      'secondment_id',
      'contacted_on',
      'channel',
      'summary',
      'follow_up',
      'author_user_id',
      'author_name',
      'created_at',
    ]),
    grants: new Rows('person_access_grants', ['id', 'unit_id', 'person_id', 'valid_from', 'valid_to', 'reason', 'source_type', 'source_id']),
  };
  const system = SYSTEM_ACTOR.userId;

  // decisions: one per kind and date, numbered from 01 each year in date order (Decree 30/2020)
  type Decision = {
    id: string;
    kind: string;
    on: string;
    number?: string;
    issuer?: { id: string; code: string };
    members: { secId: string; host: string; start: string | null; end: string | null; months: number | null; reason: string | null }[];
  };
  const decisions = new Map<string, Decision>();
  // the People's Committee decides sending and early ends; a sending unit takes its cadres back by its own decision
  const decisionFor = (kind: string, on: string, issuer?: { id: string; code: string }) => {
    const key = `${kind}:${on}:${issuer?.id ?? 'ubnd'}`;
    if (!decisions.has(key)) decisions.set(key, { id: rng.uuid(), kind, on, members: [], issuer });
    return decisions.get(key)!;
  };

  // first pass: dates and decisions
  type Built = Plan & {
    id: string;
    proposedOn: string;
    sentBackOn?: string;
    resubmitted?: boolean;
    appraisedOn?: string;
    decision?: Decision;
    decidedOn?: string;
    startDate?: string;
    endDate?: string;
    months?: number;
    actualEnd?: string;
    endDecision?: Decision;
    returnDecision?: Decision;
    returnedOn?: string;
  };
  const built: Built[] = [];
  for (const p of plans) {
    const b: Built = { ...p, id: rng.uuid(), proposedOn: today };
    const s = p.status;
    if (s === 'proposed') {
      b.proposedOn = plusDays(today, -rng.int(2, 30));
    } else if (s === 'sent_back') {
      b.proposedOn = plusDays(today, -rng.int(35, 60));
      b.sentBackOn = plusDays(today, -rng.int(3, 25));
    } else if (s === 'appraised') {
      b.proposedOn = plusDays(today, -rng.int(40, 70));
      b.appraisedOn = plusDays(today, -rng.int(2, 28));
    } else if (s === 'decided') {
      b.decidedOn = plusDays(today, -rng.int(3, 24));
      b.startDate = plusDays(b.decidedOn, 15);
      b.months = PLAN_131_PARAMS.minSecondmentMonths;
      b.endDate = plusDays(plusMonths(b.startDate, b.months), -1);
      b.appraisedOn = plusDays(b.decidedOn, -rng.int(7, 20));
      b.proposedOn = plusDays(b.appraisedOn, -rng.int(10, 25));
    } else {
      // served or serving: active from a batch start; the closed ones served a 12-month special case
      const start = p.start ?? (s === 'active' ? rng.pick(ACTIVE_STARTS) : s === 'ended_early' ? '2025-10-01' : '2025-08-01');
      b.startDate = start;
      b.months = p.months ?? (s === 'active' ? PLAN_131_PARAMS.minSecondmentMonths : 12);
      b.endDate = plusDays(plusMonths(start, b.months), -1);
      b.decidedOn = plusDays(start, -10);
      b.appraisedOn = plusDays(b.decidedOn, -rng.int(7, 15));
      b.proposedOn = plusDays(b.appraisedOn, -rng.int(10, 25));
      if (s === 'ended_early') {
        b.actualEnd = '2026-06-30';
        b.endDecision = decisionFor('end_early', '2026-06-20');
      }
      if (s === 'completed' || s === 'returned') b.actualEnd = b.endDate;
      if (s === 'returned') {
        b.returnDecision = decisionFor('return', plusDays(b.endDate, 15), { id: p.person.sendingUnitId, code: p.person.sendingUnitCode });
        b.returnedOn = plusDays(b.endDate, 20);
      }
    }
    if (b.decidedOn) b.decision = decisionFor('send', b.decidedOn);
    built.push(b);
  }
  const perYear = new Map<string, number>();
  for (const d of [...decisions.values()].sort((a, b) => a.on.localeCompare(b.on) || a.kind.localeCompare(b.kind))) {
    const year = Number(d.on.slice(0, 4));
    const book = `${d.issuer?.id ?? 'ubnd'}:${year}`;
    const seq = (perYear.get(book) ?? 0) + 1;
    perYear.set(book, seq);
    d.number = `${String(seq).padStart(2, '0')}/QĐ-${d.issuer?.code ?? 'UBND'}`;
    const note =
      d.kind === 'send'
        ? 'Cử cán bộ, công chức, viên chức tăng cường đi công tác ở cơ sở'
        : d.kind === 'return'
          ? 'Tiếp nhận trở lại và bố trí công tác'
          : 'Kết thúc tăng cường trước thời hạn';
    const signer = d.issuer ? UNIT_SIGNER : SIGNER;
    t.decisions.add(d.id, d.kind, d.issuer?.id ?? null, year, seq, d.number, d.on, signer.name, signer.title, note, system, at(d.on, 16));
  }

  // second pass: rows
  const byStatus: Record<string, number> = {};
  for (const b of built) {
    const s = b.status;
    byStatus[s] = (byStatus[s] ?? 0) + 1;
    const p = b.person;
    const unitOfficer = `Cán bộ tổ chức ${p.sendingUnitName}`;
    const hostOfficer = `Cán bộ ${b.host.name}`;
    const targetGroup = p.isLeader && p.inPlanning ? 1 : p.isLeader ? 2 : 3;
    const post = {
      unitId: p.unitId,
      unitName: p.unitName,
      jobPostId: p.jobPostId,
      positionTitle: p.positionTitle,
      isLeader: p.isLeader,
      leadershipAllowanceCoef: p.leadershipAllowanceCoef,
      rankCode: p.rankCode,
      salaryStep: p.salaryStep,
      salaryCoefficient: p.salaryCoefficient,
    };
    const verdict = (on: string) => JSON.stringify({ verdict: 'eligible', referenceDate: on, planCode, planVersion: 1, criteria: [] });
    const events: [string, string | null, string | null, string, string | null, string, unknown][] = [];
    const ev = (action: string, from: string | null, to: string | null, actor: string, note: string | null, on: string, data: unknown = null) =>
      events.push([action, from, to, actor, note, at(on, rng.int(8, 16), rng.int(0, 59)), data]);

    ev('propose', null, 'proposed', unitOfficer, `Đề xuất cử tăng cường theo Kế hoạch số ${planCode}`, b.proposedOn);
    if (s === 'sent_back')
      ev(
        'send_back',
        'proposed',
        'sent_back',
        HOME_AFFAIRS_NAME,
        'Đề nghị bổ sung nhận xét, đánh giá của đơn vị và giấy chứng nhận sức khỏe còn hiệu lực',
        b.sentBackOn!,
      );
    if (b.appraisedOn) ev('forward', 'proposed', 'appraised', HOME_AFFAIRS_NAME, 'Đủ tiêu chuẩn, điều kiện; trình cấp có thẩm quyền quyết định', b.appraisedOn);
    if (b.decision)
      ev('decide', 'appraised', 'decided', AUTHORITY_NAME, `Quyết định số ${b.decision.number}`, b.decidedOn!, {
        decisionId: b.decision.id,
        decisionNo: b.decision.number,
      });
    const served = ['active', 'completed', 'ended_early', 'returned'].includes(s);
    if (served) ev('receive', 'decided', 'active', hostOfficer, 'Đã tiếp nhận, phân công nhiệm vụ', b.startDate!);
    if (s === 'completed' || s === 'returned') ev('complete', 'active', 'completed', 'Hệ thống', 'Hết thời hạn tăng cường', plusDays(b.endDate!, 1));
    if (s === 'ended_early')
      ev('end_early', 'active', 'ended_early', AUTHORITY_NAME, `Quyết định số ${b.endDecision!.number}`, b.actualEnd!, { decisionId: b.endDecision!.id });
    if (s === 'returned')
      ev('place', 'completed', 'returned', unitOfficer, `Bố trí công tác theo Quyết định số ${b.returnDecision!.number}`, b.returnedOn!, {
        decisionId: b.returnDecision!.id,
      });
    for (const [action, from, to, actor, note, when, data] of events) {
      t.events.add(rng.uuid(), b.id, action, from, to, null, actor, note, data === null ? null : JSON.stringify(data), when);
    }

    const hostRole = rng.pick([
      'Hỗ trợ Văn phòng HĐND và UBND',
      'Hỗ trợ Phòng Kinh tế',
      'Hỗ trợ Phòng Văn hóa - Xã hội',
      'Hỗ trợ Trung tâm Phục vụ hành chính công',
    ]);
    const shortReason = b.months !== undefined && b.months < PLAN_131_PARAMS.minSecondmentMonths ? SHORT_REASON : null;
    const placement = s === 'returned' ? JSON.stringify(post) : null;
    t.sec.add(
      b.id,
      p.id,
      p.sendingUnitId,
      b.host.id,
      s,
      targetGroup,
      targetGroup === 3 ? 'Hỗ trợ, hướng dẫn chuyên môn' : 'Phó Chủ tịch UBND xã',
      `Đồng chí ${p.fullName} có bản lĩnh chính trị vững vàng, năng lực chuyên môn tốt, hoàn thành tốt nhiệm vụ được giao.`,
      true,
      verdict(b.proposedOn),
      null,
      at(b.proposedOn, 9),
      b.appraisedOn ? verdict(b.appraisedOn) : null,
      b.appraisedOn ? 'Đủ tiêu chuẩn, điều kiện' : null,
      null,
      b.appraisedOn ? at(b.appraisedOn, 10) : null,
      b.decision?.id ?? null,
      b.decision?.number ?? null,
      b.months ?? null,
      shortReason,
      b.startDate ?? null,
      b.endDate ?? null,
      served ? b.startDate : null,
      served ? 'Tham mưu, hướng dẫn chuyên môn và chuyển đổi số ở cơ sở' : null,
      served ? hostRole : null,
      null,
      b.decision ? JSON.stringify(post) : null,
      b.actualEnd ?? null,
      s === 'ended_early' ? 'Theo yêu cầu nhiệm vụ của cơ quan cử' : s === 'completed' || s === 'returned' ? 'Hết thời hạn tăng cường' : null,
      placement,
      s === 'returned' ? 'HTT' : null,
      s === 'returned' ? 'Hoàn thành tốt nhiệm vụ ở cơ sở' : null,
      s === 'returned' ? false : null,
      b.returnedOn ?? null,
      events.length,
      at(b.proposedOn, 9),
      events.length ? events[events.length - 1][5] : at(b.proposedOn, 9),
    );
    // every proposal Sở Nội vụ forwarded has the Party committee's agreement, so the demo authority can decide it
    if (b.appraisedOn)
      t.opinions.add(
        b.id,
        `Đảng ủy ${p.sendingUnitName}`,
        b.appraisedOn,
        `${String(byStatus[s]).padStart(2, '0')}-CV/ĐU`,
        'agree',
        'meets',
        system,
        HOME_AFFAIRS_NAME,
        at(b.appraisedOn, 10),
      );
    if (b.decision) b.decision.members.push({ secId: b.id, host: b.host.id, start: b.startDate!, end: b.endDate!, months: b.months ?? null, reason: null });
    if (b.endDecision)
      b.endDecision.members.push({ secId: b.id, host: b.host.id, start: null, end: b.actualEnd!, months: null, reason: 'Theo yêu cầu nhiệm vụ của cơ quan cử' });
    if (b.returnDecision)
      b.returnDecision.members.push({ secId: b.id, host: b.host.id, start: null, end: b.endDate!, months: null, reason: 'Hết thời hạn tăng cường' });

    if (!served) continue;
    const lastDay = b.actualEnd ?? b.endDate!;
    const open = s === 'active';
    // the host sees its cadre while the secondment lasts; closed at the end
    t.grants.add(
      rng.uuid(),
      b.host.id,
      p.id,
      b.startDate!,
      open ? b.endDate! : lastDay,
      `Cán bộ tăng cường theo Quyết định số ${b.decision!.number}`,
      'secondment',
      b.id,
    );

    // periodic reports every reportPeriodMonths from the start, due some days after each period
    const period = PLAN_131_PARAMS.reportPeriodMonths;
    for (let k = 1; ; k++) {
      const from = plusMonths(b.startDate!, period * (k - 1));
      if (from > lastDay) break;
      let to = plusDays(plusMonths(b.startDate!, period * k), -1);
      if (to > lastDay) to = lastDay;
      const due = plusDays(to, SECONDMENT_DEADLINES.reportGraceDays);
      const late = due < today;
      // most past reports were submitted on time; a few are late (a serving cadre's, never a closed one's)
      const submitted = late && (!open || rng.chance(0.75));
      const on = submitted ? plusDays(due, -rng.int(0, 8)) : null;
      t.reports.add(
        rng.uuid(),
        b.id,
        'periodic',
        k,
        from,
        to,
        due,
        on,
        on ? at(on, 15) : null,
        null,
        on ? 'Hoàn thành các nhiệm vụ được phân công; tham mưu UBND xã triển khai các chương trình mục tiêu' : null,
        on ? 'Cơ sở vật chất, trang thiết bị phục vụ công việc còn hạn chế' : null,
        on ? 'Đề nghị tăng cường tập huấn chuyển đổi số cho công chức cấp xã' : null,
      );
    }
    // the host's evaluation for 2025 of those serving by then
    if (b.startDate! < '2025-12-01' && rng.chance(0.8)) {
      t.evaluations.add(
        rng.uuid(),
        b.id,
        2025,
        '2025-12-10',
        rng.pick(['HTXS', 'HTT', 'HTT']),
        'Nhiệt tình, trách nhiệm; nắm chắc chuyên môn',
        'Cần tăng cường nắm bắt tình hình thực tế ở địa phương',
        'Tiếp tục bố trí ở vị trí phù hợp sau khi kết thúc tăng cường',
        system,
        `Chủ tịch UBND ${b.host.name}`,
        at('2025-12-10', 14),
      );
    }
    // the sending unit's contacts: some recent, some long ago (then overdue)
    const contacts = rng.int(0, 3);
    const endSeen = open ? today : lastDay;
    for (let c = 0; c < contacts; c++) {
      const on = D(rng.day(dayNumber(b.startDate!) + 20, dayNumber(endSeen) - 1));
      if (on <= b.startDate! || on >= today) continue;
      t.contacts.add(
        rng.uuid(),
        b.id,
        on,
        rng.pick(['phone', 'visit', 'meeting', 'online']),
        'Trao đổi tình hình công tác, tâm tư nguyện vọng của cán bộ',
        rng.chance(0.3) ? 'Phối hợp UBND xã giải quyết chỗ ở cho cán bộ' : null,
        system,
        unitOfficer,
        at(on, 10),
      );
    }
  }
  for (const d of decisions.values()) {
    for (const m of d.members) t.items.add(d.id, m.secId, m.host, m.start, m.end, m.months, m.reason);
  }

  await t.sec.flush(client);
  await t.decisions.flush(client);
  for (const r of [t.events, t.opinions, t.items, t.reports, t.evaluations, t.contacts, t.grants]) await r.flush(client);
  return { secondments: built.length, byStatus };
}
