import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { OrgUnit } from '../../../api/types';

export interface UnitTreeNode extends OrgUnit {
  children?: UnitTreeNode[];
}

/**
 * Nests the flat unit list the API returns. A unit whose parent is not in the list (the top of the user's
 * scope) is a root. Order within a level is kept as the API gave it.
 */
export function buildUnitTree(items: OrgUnit[]): UnitTreeNode[] {
  const byId = new Map<string, UnitTreeNode>();
  for (const u of items) byId.set(u.id, { ...u });
  const roots: UnitTreeNode[] = [];
  for (const u of items) {
    const node = byId.get(u.id)!;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** The units the user may see, for a staffing year (default: this year). */
export function useOrgUnits(year?: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['org-units', year ?? null],
    queryFn: async () => {
      const r = await unwrap(api.GET('/api/org-units', { params: { query: year ? { year } : {} } }));
      return { ...r, tree: buildUnitTree(r.items), byId: new Map(r.items.map((u) => [u.id, u])) };
    },
    staleTime: 5 * 60_000,
  });
}
