import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import type { Role } from '../../../common/enums.js';

function subtree(unitId: string): SQL {
  return sql`(SELECT su.id FROM org_units su WHERE su.path @> ARRAY[${unitId}::uuid])`;
}

/**
 * SQL condition on a `secondments` row aliased `alias` that holds when the actor, through one of `roles`, may
 * see that secondment: Sở Nội vụ and the authority everywhere (or in their unit subtree), a sending unit for
 * the secondments it sends (or of its people), a host commune for those it receives, a cadre for their own.
 * An optional `hostAlias` names a decision item whose host unit also counts for a host.
 */
export function secondmentScope(actor: Actor, roles: readonly Role[], alias = 's', itemAlias?: string): SQL {
  const s = sql.raw(alias);
  const parts: SQL[] = [];
  for (const g of actor.grants) {
    if (!roles.includes(g.role)) continue;
    if (g.role === 'home_affairs' || g.role === 'authority') {
      parts.push(g.unitId ? sql`(${s}.sending_unit_id IN ${subtree(g.unitId)} OR ${s}.host_unit_id IN ${subtree(g.unitId)})` : sql`TRUE`);
    } else if ((g.role === 'unit_manager' || g.role === 'unit_hr') && g.unitId) {
      parts.push(
        sql`(${s}.sending_unit_id IN ${subtree(g.unitId)} OR EXISTS (SELECT 1 FROM people sp WHERE sp.id = ${s}.person_id AND sp.unit_id IN ${subtree(g.unitId)}))`,
      );
    } else if (g.role === 'host' && g.unitId) {
      const item = itemAlias ? sql` OR ${sql.raw(itemAlias)}.host_unit_id IN ${subtree(g.unitId)}` : sql``;
      parts.push(sql`(${s}.host_unit_id IN ${subtree(g.unitId)}${item})`);
    } else if (g.role === 'cadre' && actor.personId) {
      parts.push(sql`${s}.person_id = ${actor.personId}::uuid`);
    }
  }
  if (parts.length === 0) return sql`FALSE`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** True when the actor sees every secondment through one of `roles` (a province-wide grant). */
export const provinceWide = (actor: Actor, roles: readonly Role[]) =>
  actor.grants.some((g) => roles.includes(g.role) && (g.role === 'home_affairs' || g.role === 'authority') && g.unitId === null);
