import { sql, type SQL } from 'drizzle-orm';
import type { Actor, RoleGrant } from './actor.js';
import type { Role } from '../../../common/enums.js';

/**
 * The one place that decides which records a user may see. Every list and read of people goes through
 * `peopleScope`, every read of units through `unitsScope`: a record out of scope is simply not found.
 */

const PROVINCE_WIDE_PEOPLE: Role[] = ['home_affairs', 'authority'];
const UNIT_PEOPLE: Role[] = ['unit_manager', 'unit_hr'];

function subtree(unitId: string): SQL {
  return sql`(SELECT su.id FROM org_units su WHERE su.path @> ARRAY[${unitId}::uuid])`;
}

/** Who asks, and on which Vietnam calendar date (a host commune's access is dated). */
export interface ScopeContext {
  actor: Actor;
  today: string;
}

function grantPeopleCondition(g: RoleGrant, { actor, today }: ScopeContext, p: SQL): SQL | null {
  if (PROVINCE_WIDE_PEOPLE.includes(g.role)) return g.unitId ? sql`${p}.unit_id IN ${subtree(g.unitId)}` : sql`TRUE`;
  if (UNIT_PEOPLE.includes(g.role)) return g.unitId ? sql`${p}.unit_id IN ${subtree(g.unitId)}` : null;
  if (g.role === 'host' && g.unitId) {
    // a host commune sees only the people it has been given, and only for the period given
    return sql`EXISTS (SELECT 1 FROM person_access_grants pag WHERE pag.person_id = ${p}.id
      AND pag.unit_id IN ${subtree(g.unitId)} AND ${today}::date BETWEEN pag.valid_from AND pag.valid_to)`;
  }
  if (g.role === 'cadre' && actor.personId) return sql`${p}.id = ${actor.personId}::uuid`;
  return null; // admin and anything unknown: nothing
}

/** SQL condition on a `people` row aliased `alias` that holds when the actor may see that person on `ctx.today`. */
export function peopleScope(ctx: ScopeContext, alias = 'p'): SQL {
  const p = sql.raw(alias);
  const parts = ctx.actor.grants.map((g) => grantPeopleCondition(g, ctx, p)).filter((x): x is SQL => x !== null);
  if (parts.length === 0) return sql`FALSE`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** SQL condition on an `org_units` row aliased `alias` that holds when the actor may see that unit. */
export function unitsScope(actor: Actor, alias = 'u'): SQL {
  const u = sql.raw(alias);
  const parts: SQL[] = [];
  for (const g of actor.grants) {
    if (['admin', 'home_affairs', 'authority'].includes(g.role)) {
      parts.push(g.unitId ? sql`${u}.path @> ARRAY[${g.unitId}::uuid]` : sql`TRUE`);
    } else if (['unit_manager', 'unit_hr', 'host'].includes(g.role) && g.unitId) {
      parts.push(sql`${u}.path @> ARRAY[${g.unitId}::uuid]`);
    }
  }
  if (parts.length === 0) return sql`FALSE`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** The grants of the actor that cover a unit, given that unit's path (ids from the root down). */
export function grantsCovering(actor: Actor, unitPath: string[]): RoleGrant[] {
  return actor.grants.filter((g) => g.unitId === null || unitPath.includes(g.unitId));
}
