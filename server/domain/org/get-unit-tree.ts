import type { UseCaseContext } from '../context.js';
import { unitsScope } from '../../db/scope.js';
import { findGrassrootsUnits, findJobPosts, findUnitTree, isGrassrootsUnit, isUnitInScope } from '../../db/repositories/org.repository.js';
import { notFound } from '../errors.js';
import { eligibilityPolicy } from '../eligibility/eligibility.policy.js';

/** The org units the actor may see, as a flat list with parents (the client nests it), with staffing for the year. */
export async function getUnitTree({ actor, tx }: UseCaseContext, year: number) {
  return findUnitTree(tx, unitsScope(actor), year);
}

/**
 * Job posts of a unit the actor may see. The posts of a commune or ward are open to everyone who screens
 * candidates: choosing a destination post needs them, and they hold no personal data.
 */
export async function getUnitJobPosts({ actor, tx }: UseCaseContext, unitId: string) {
  const visible = (await isUnitInScope(tx, unitId, unitsScope(actor))) || (eligibilityPolicy.mayAnywhere(actor, 'screen') && (await isGrassrootsUnit(tx, unitId)));
  if (!visible) throw notFound('Đơn vị');
  return findJobPosts(tx, unitId);
}

/** The communes and wards a cadre may be sent to. */
export async function getDestinations({ tx }: UseCaseContext) {
  return findGrassrootsUnits(tx);
}
