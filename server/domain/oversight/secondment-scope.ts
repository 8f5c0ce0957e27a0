import { sql, type SQL } from 'drizzle-orm';
import type { Actor, RoleGrant } from '../access/actor.js';

/**
 * Which secondments a user may see, as a SQL condition on a `secondments` row: Sở Nội vụ and the authority all
 * (or those touching their subtree), a sending unit those it sends, a host commune those decided for it onwards,
 * a cadre their own. The finer split of who must act on what is made by the inbox rules on top of this.
 */
const subtree = (unitId: string) => sql`(SELECT su.id FROM org_units su WHERE su.path @> ARRAY[${unitId}::uuid])`;

/** Statuses in which the host commune is concerned: from the decision that sends the cadre to it. */
export const HOST_STATUSES = ['decided', 'active', 'completed', 'ended_early', 'returned'] as const;

function grantCondition(g: RoleGrant, actor: Actor, s: SQL): SQL | null {
  if (g.role === 'home_affairs' || g.role === 'authority') {
    return g.unitId ? sql`(${s}.sending_unit_id IN ${subtree(g.unitId)} OR ${s}.host_unit_id IN ${subtree(g.unitId)})` : sql`TRUE`;
  }
  if ((g.role === 'unit_manager' || g.role === 'unit_hr') && g.unitId) return sql`${s}.sending_unit_id IN ${subtree(g.unitId)}`;
  if (g.role === 'host' && g.unitId) {
    return sql`(${s}.host_unit_id IN ${subtree(g.unitId)} AND ${s}.status IN ('decided', 'active', 'completed', 'ended_early', 'returned'))`;
  }
  if (g.role === 'cadre' && actor.personId) return sql`${s}.person_id = ${actor.personId}::uuid`;
  return null;
}

export function secondmentsScope(actor: Actor, alias = 's'): SQL {
  const s = sql.raw(alias);
  const parts = actor.grants.map((g) => grantCondition(g, actor, s)).filter((x): x is SQL => x !== null);
  if (parts.length === 0) return sql`FALSE`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}
