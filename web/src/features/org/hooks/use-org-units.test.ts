import { describe, expect, it } from 'vitest';
import { buildUnitTree } from './use-org-units';
import type { OrgUnit } from '../../../api/types';

const unit = (id: string, parentId: string | null, depth: number): OrgUnit => ({
  id,
  parentId,
  kind: 'department',
  code: id,
  name: id,
  depth,
  restructuredOn: null,
  closedOn: null,
  isEspeciallyDisadvantaged: false,
  assignedStaffing: null,
  headcount: 0,
});

describe('buildUnitTree', () => {
  it('nests children under their parents and keeps the order', () => {
    const tree = buildUnitTree([unit('a', null, 0), unit('b', 'a', 1), unit('c', 'a', 1), unit('d', 'b', 2)]);
    expect(tree.map((n) => n.id)).toEqual(['a']);
    expect(tree[0].children?.map((n) => n.id)).toEqual(['b', 'c']);
    expect(tree[0].children?.[0].children?.map((n) => n.id)).toEqual(['d']);
    expect(tree[0].children?.[1].children).toBeUndefined();
  });
  it('makes a unit whose parent is out of scope a root', () => {
    expect(buildUnitTree([unit('b', 'a', 1), unit('d', 'b', 2)]).map((n) => n.id)).toEqual(['b']);
  });
});
