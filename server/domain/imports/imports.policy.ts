import type { Actor } from '../access/actor.js';
import type { ImportRow } from '../../db/repositories/imports.repository.js';

export type ImportAction = 'commit' | 'cancel' | 'downloadIssues';

/** Sở Nội vụ with a province-wide grant sees every import; everyone else only their own. */
export const seesAllImports = (actor: Actor) => actor.grants.some((g) => g.role === 'home_affairs' && g.unitId === null);

/** What may be done to an import now: only its author commits or cancels it. */
export function importActions(actor: Actor, imp: Pick<ImportRow, 'createdBy' | 'state' | 'issueCount'>): ImportAction[] {
  const own = imp.createdBy === actor.userId;
  const out: ImportAction[] = [];
  if (own && imp.state === 'validated') out.push('commit');
  // a checked file may also be dropped, so it does not stay "ready to commit" in the recent list
  if (own && ['uploaded', 'validating', 'committing', 'validated'].includes(imp.state)) out.push('cancel');
  if (imp.issueCount > 0) out.push('downloadIssues');
  return out;
}
