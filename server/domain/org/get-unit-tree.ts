import type { UseCaseContext } from '../context.js';
import { unitsScope } from '../access/scope.js';
import { findJobPosts, findUnitTree, isUnitInScope } from '../../db/repositories/org.repository.js';
import { notFound } from '../errors.js';

/** The org units the actor may see, as a flat list with parents (the client nests it), with staffing for the year. */
export async function getUnitTree({ actor, tx }: UseCaseContext, year: number) {
  return findUnitTree(tx, unitsScope(actor), year);
}

/** Job posts of a unit the actor may see. */
export async function getUnitJobPosts({ actor, tx }: UseCaseContext, unitId: string) {
  if (!(await isUnitInScope(tx, unitId, unitsScope(actor)))) throw notFound('Đơn vị');
  return findJobPosts(tx, unitId);
}
