import type { UseCaseContext } from '../context.js';
import { findLinkableSecondments } from '../../db/repositories/feedback.repository.js';
import { authorGrants } from './feedback.policy.js';

/** The secondments the actor's unit sent or hosts, to cite one in a new item. */
export async function listLinkableSecondments(ctx: UseCaseContext) {
  const unitIds = authorGrants(ctx.actor).map((g) => g.unitId!);
  return { items: await findLinkableSecondments(ctx.tx, unitIds) };
}
