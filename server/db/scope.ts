import { sql, type SQL } from 'drizzle-orm';
import type { Actor, RoleGrant } from '../domain/access/actor.js';
import type { Side, Who } from '../domain/access/policy.js';
import type { Role } from '../../common/enums.js';
import { SECONDMENT_DECIDED_STATUSES } from '../../common/secondment.js';
import type { InboxRelation } from '../domain/inbox/inbox-rules.js';
import { pgArray } from './sql-helpers.js';
import { secondmentPolicy } from '../domain/secondment/secondment.policy.js';
import { personnelPolicy } from '../domain/personnel/personnel.policy.js';
import { orgPolicy } from '../domain/org/org.policy.js';
import { feedbackPolicy } from '../domain/feedback/feedback.policy.js';
import { decisionPolicy } from '../domain/secondment-documents/decision.policy.js';
import { demandPolicy } from '../domain/demand/demand.policy.js';
import { reportsPolicy } from '../domain/reports/reports.policy.js';
import { inspectionPolicy } from '../domain/inspections/inspections.policy.js';
import { guidancePolicy } from '../domain/guidance/guidance.policy.js';

/**
 * The one module of scope SQL: which records a user may see, as a condition on the row, one relation per kind of
 * record. Each relation reads the sides of its policy's reading gate (`[role, side]`, see `domain/access/policy.ts`):
 * a grant counts through the side its role has there, and a role not listed sees nothing. A record out of scope is
 * simply not found.
 */

/** The ids of a unit and of every unit below it. */
export const unitSubtree = (unitId: string): SQL => sql`(SELECT su.id FROM org_units su WHERE su.path @> ARRAY[${unitId}::uuid])`;
/** `column` (a unit id) lies in the subtree of `unitId`. */
export const inSubtree = (column: SQL | string, unitId: string): SQL => sql`${typeof column === 'string' ? sql.raw(column) : column} IN ${unitSubtree(unitId)}`;
/** The `org_units` row aliased `alias` lies in the subtree of `unitId`. */
export const pathUnder = (alias: string, unitId: string): SQL => sql`${sql.raw(alias)}.path @> ARRAY[${unitId}::uuid]`;

/** An OR of the conditions given (none: FALSE). */
export const anyOf = (parts: (SQL | null)[]): SQL => {
  const xs = parts.filter((x): x is SQL => x !== null);
  return xs.length ? sql`(${sql.join(xs, sql` OR `)})` : sql`FALSE`;
};
const sideOf = (who: Who, role: Role): Side | undefined => who.find(([r]) => r === role)?.[1];
/** One condition per grant, through the side its role has in `who`. */
const byGrant = (actor: Actor, who: Who, side: (s: Side, g: RoleGrant) => SQL | null): SQL =>
  anyOf(
    actor.grants.map((g) => {
      const s = sideOf(who, g.role);
      return s ? side(s, g) : null;
    }),
  );

/** Who asks, and on which Vietnam calendar date (a host commune's access is dated). */
export interface ScopeContext {
  actor: Actor;
  today: string;
}

/**
 * `people` aliased `alias`, seen on `ctx.today`: province-wide grants see everyone (or their subtree), a unit its
 * people, a host commune only the people it has been given and only for the period given, a cadre themself.
 */
export function peopleScope(ctx: ScopeContext, alias = 'p', who: Who = personnelPolicy.gates.read.who): SQL {
  const p = sql.raw(alias);
  return byGrant(ctx.actor, who, (side, g) => {
    if (side === 'province') return g.unitId ? inSubtree(sql`${p}.unit_id`, g.unitId) : sql`TRUE`;
    if (side === 'unit') return g.unitId ? inSubtree(sql`${p}.unit_id`, g.unitId) : null;
    if (side === 'host' && g.unitId) {
      return sql`EXISTS (SELECT 1 FROM person_access_grants pag WHERE pag.person_id = ${p}.id
      AND pag.unit_id IN ${unitSubtree(g.unitId)} AND ${ctx.today}::date BETWEEN pag.valid_from AND pag.valid_to)`;
    }
    if (side === 'self' && ctx.actor.personId) return sql`${p}.id = ${ctx.actor.personId}::uuid`;
    return null;
  });
}

/**
 * `people` aliased `alias` whose sensitive fields (ethnicity, religion, health, Party, discipline …) the actor may
 * read: decided per person, by the grant that covers that person (a host commune's cadre is not, even when the
 * same user is a unit's manager elsewhere).
 */
export const sensitivePeopleScope = (ctx: ScopeContext, alias = 'p'): SQL => peopleScope(ctx, alias, personnelPolicy.actions.readSensitive.who);

/** `org_units` aliased `alias`: a province-wide grant sees every unit (or its subtree), any other grant its subtree. */
export function unitsScope(actor: Actor, alias = 'u', who: Who = orgPolicy.gates.read.who): SQL {
  return byGrant(actor, who, (side, g) => {
    if (side === 'province') return g.unitId ? pathUnder(alias, g.unitId) : sql`TRUE`;
    return g.unitId ? pathUnder(alias, g.unitId) : null;
  });
}

/** The `org_units` row (alias `alias`) of a feedback item's unit: the province sees every item, a unit or commune its subtree's. */
export function feedbackScope(actor: Actor, alias = 'u'): SQL {
  return unitsScope(actor, alias, feedbackPolicy.gates.read.who);
}

/**
 * The `org_units` row (alias `alias`) of a commune's demand (its posts, holders and needs): the province sees every
 * commune (or its subtree), a host commune only its own; a sending unit sees none.
 */
export function demandScope(actor: Actor, alias = 'u'): SQL {
  return unitsScope(actor, alias, demandPolicy.gates.read.who);
}

/**
 * The `org_units` row (alias `alias`) of an inspected unit: Sở Nội vụ and the authority see every inspection (or
 * their subtree's), the inspected unit or commune its own subtree's; no other role any.
 */
export function inspectionsScope(actor: Actor, alias = 'u'): SQL {
  return unitsScope(actor, alias, inspectionPolicy.gates.read.who);
}

/**
 * `guidance_documents` aliased `alias`, as addressed: a province-wide grant reads every document; a grant over a
 * unit reads those addressed to every unit, to a unit in its subtree, or to a unit above it.
 */
export function guidanceScope(actor: Actor, alias = 'gd'): SQL {
  const gd = sql.raw(alias);
  return byGrant(actor, guidancePolicy.gates.read.who, (side, g) => {
    if (side === 'province' && !g.unitId) return sql`TRUE`;
    if (!g.unitId) return null;
    return sql`(cardinality(${gd}.unit_ids) = 0 OR EXISTS (SELECT 1 FROM org_units ga WHERE ga.id = ANY(${gd}.unit_ids)
      AND (ga.path @> ARRAY[${g.unitId}::uuid] OR ga.id = ANY((SELECT gu.path FROM org_units gu WHERE gu.id = ${g.unitId}::uuid)::uuid[]))))`;
  });
}

/**
 * Who follows a recommendation in the inbox (conditions on the inspection `ins`): Sở Nội vụ covering the inspected
 * unit, and the inspected unit's head, personnel officer or commune account (inbox-rules.ts `inspectionInboxItems`
 * says the same).
 */
export function inspectionFollowers(actor: Actor): { homeAffairs: SQL; unit: SQL } {
  const over = (g: RoleGrant) => (g.unitId ? inSubtree('ins.unit_id', g.unitId) : null);
  return {
    homeAffairs: anyOf(actor.grants.filter((g) => g.role === 'home_affairs').map((g) => (g.unitId ? over(g) : sql`TRUE`))),
    unit: anyOf(actor.grants.filter((g) => g.role === 'unit_manager' || g.role === 'unit_hr' || g.role === 'host').map(over)),
  };
}

export interface SecondmentsScopeOptions {
  /** Alias of the `secondments` row (default `s`). */
  alias?: string;
  /** Alias of the cadre's `people` row when the query joins it; otherwise the person is looked up by id. */
  peopleAlias?: string;
  /** The reading gate whose sides count (default: the secondment policy's `read`). */
  who?: Who;
  /** A `secondment_decision_items` alias whose host unit also counts for a host commune (decisions list). */
  itemAlias?: string;
}

/**
 * `secondments` aliased `s` — the one reading used by the register, the steps, the inbox, the oversight
 * screens, the decisions and the entitlements. Province: all (a grant limited to a subtree: what is sent from,
 * hosted in or concerns the people of that subtree); sending: what it sends and what concerns its people; host:
 * what is sent to it, from the decision on; self: the cadre's own, from the decision on.
 */
export function secondmentsScope(actor: Actor, o: SecondmentsScopeOptions = {}): SQL {
  const s = sql.raw(o.alias ?? 's');
  const decidedOnwards = sql`${s}.status = ANY(${pgArray(SECONDMENT_DECIDED_STATUSES)}::text[])`;
  const sentFrom = (unitId: string) => inSubtree(sql`${s}.sending_unit_id`, unitId);
  const hostedIn = (unitId: string) => inSubtree(sql`${s}.host_unit_id`, unitId);
  const peopleOf = (unitId: string) =>
    o.peopleAlias
      ? inSubtree(`${o.peopleAlias}.unit_id`, unitId)
      : sql`EXISTS (SELECT 1 FROM people sp WHERE sp.id = ${s}.person_id AND sp.unit_id IN ${unitSubtree(unitId)})`;
  return byGrant(actor, o.who ?? secondmentPolicy.gates.read.who, (side, g) => {
    if (side === 'province') return g.unitId ? sql`(${sentFrom(g.unitId)} OR ${hostedIn(g.unitId)} OR ${peopleOf(g.unitId)})` : sql`TRUE`;
    if (side === 'sending' && g.unitId) return sql`(${sentFrom(g.unitId)} OR ${peopleOf(g.unitId)})`;
    if (side === 'host' && g.unitId) {
      const hosted = o.itemAlias ? sql`(${hostedIn(g.unitId)} OR ${inSubtree(`${o.itemAlias}.host_unit_id`, g.unitId)})` : hostedIn(g.unitId);
      return sql`(${hosted} AND ${decidedOnwards})`;
    }
    if (side === 'self' && actor.personId) return sql`(${s}.person_id = ${actor.personId}::uuid AND ${decidedOnwards})`;
    return null;
  });
}

/**
 * `reports r`: a province-wide grant of Sở Nội vụ or the authority sees every report (one limited to a subtree, the
 * reports of the units in it); a sending unit sees only its own subtree's reports, never the province's.
 */
export function reportsScope(actor: Actor, alias = 'r'): SQL {
  const r = sql.raw(alias);
  return byGrant(actor, reportsPolicy.actions.read.who, (side, g) => {
    if (side === 'province') return g.unitId ? sql`${r}.unit_id IN ${unitSubtree(g.unitId)}` : sql`TRUE`;
    if (side === 'unit' && g.unitId) return sql`${r}.unit_id IN ${unitSubtree(g.unitId)}`;
    return null;
  });
}

/** True when the actor sees every secondment through `who`: a province-wide grant on the province side. */
export const provinceWide = (actor: Actor, who: Who) => actor.grants.some((g) => g.unitId === null && sideOf(who, g.role) === 'province');

/**
 * `secondment_decisions d`: the province sees every decision; a sending unit or a host commune sees a decision
 * when one of its secondments is theirs.
 */
export function decisionScope(actor: Actor): SQL {
  const who = decisionPolicy.gates.read.who;
  if (provinceWide(actor, who)) return sql`TRUE`;
  return sql`EXISTS (SELECT 1 FROM secondment_decision_items di JOIN secondments s ON s.id = di.secondment_id
    WHERE di.decision_id = d.id AND ${secondmentsScope(actor, { who, itemAlias: 'di' })})`;
}

/**
 * How the actor stands to the secondment `s`, one condition per inbox relation, each an OR over the grants that
 * give it (the same reading as `relationsOf`): Sở Nội vụ and the authority through a province-wide grant or one
 * over the sending or host unit; the sending unit over the sending unit; the host commune over the host unit from
 * the decision on; the cadre over their own secondment.
 */
export function inboxRelations(actor: Actor): Record<InboxRelation, SQL> {
  const touches = (g: RoleGrant) => (g.unitId === null ? sql`TRUE` : sql`(${inSubtree('s.sending_unit_id', g.unitId)} OR ${inSubtree('s.host_unit_id', g.unitId)})`);
  const of = (...roles: Role[]) => actor.grants.filter((g) => roles.includes(g.role));
  return {
    homeAffairs: anyOf(of('home_affairs').map(touches)),
    authority: anyOf(of('authority').map(touches)),
    sending: anyOf(of('unit_manager', 'unit_hr').map((g) => (g.unitId ? inSubtree('s.sending_unit_id', g.unitId) : null))),
    host: anyOf(
      of('host').map((g) => (g.unitId ? sql`(${inSubtree('s.host_unit_id', g.unitId)} AND s.status = ANY(${pgArray(SECONDMENT_DECIDED_STATUSES)}::text[]))` : null)),
    ),
    own: actor.personId && of('cadre').length ? sql`s.person_id = ${actor.personId}::uuid` : sql`FALSE`,
  };
}

/**
 * Who follows a training repayment in the inbox (a condition on the enrolment `te`): Sở Nội vụ covering its budget
 * unit, and that budget unit's head and personnel officer (inbox-rules.ts `repaymentInboxItems` says the same).
 */
export function repaymentFollowers(actor: Actor): SQL {
  return anyOf(
    actor.grants.map((g) => {
      if (g.role === 'home_affairs') return g.unitId ? inSubtree('te.budget_unit_id', g.unitId) : sql`TRUE`;
      if ((g.role === 'unit_manager' || g.role === 'unit_hr') && g.unitId) return inSubtree('te.budget_unit_id', g.unitId);
      return null;
    }),
  );
}

/**
 * Who follows the scheduled reports in the inbox (conditions on the report `rp`): a sending unit's head and personnel
 * officer their unit's reports (`unit`); Sở Nội vụ the province's report and, once late, the units' (`homeAffairs`,
 * over the units it covers). inbox-rules.ts `scheduledReportItems` says the same.
 */
export function scheduledReportFollowers(actor: Actor): { unit: SQL; homeAffairs: SQL; province: SQL } {
  const of = (...roles: Role[]) => actor.grants.filter((g) => roles.includes(g.role));
  return {
    unit: anyOf(of('unit_manager', 'unit_hr').map((g) => (g.unitId ? inSubtree('rp.unit_id', g.unitId) : null))),
    homeAffairs: anyOf(of('home_affairs').map((g) => (g.unitId ? inSubtree('rp.unit_id', g.unitId) : sql`TRUE`))),
    province: of('home_affairs').some((g) => g.unitId === null) ? sql`TRUE` : sql`FALSE`,
  };
}

// ---------------------------------------------------------------- row filters named for what they select
// (the domain composes these instead of writing SQL: it imports no query builder)

/** A filter that keeps every row (the caller has already checked access, e.g. a system job). */
export const everyRow: SQL = sql`TRUE`;
/** The `people` row aliased `p` is this person. */
export const personIs = (personId: string): SQL => sql`p.id = ${personId}::uuid`;
/** The `people` row aliased `p` is one of these people. */
export const personIn = (personIds: readonly string[]): SQL => sql`p.id = ANY(${pgArray(personIds)}::uuid[])`;
/** The `org_units` row aliased `u` is this unit. */
export const unitIs = (unitId: string): SQL => sql`u.id = ${unitId}::uuid`;
/** All the conditions hold. */
export const allOf = (parts: SQL[]): SQL => (parts.length ? sql`(${sql.join(parts, sql` AND `)})` : everyRow);
/** A condition built by the db layer, as the domain passes it along. */
export type { SQL as RowFilter } from 'drizzle-orm';
