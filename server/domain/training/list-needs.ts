import type { UseCaseContext } from '../context.js';
import { peopleScope, unitsScope } from '../../db/scope.js';
import { findNeeds } from '../../db/repositories/training.repository.js';

/** Training needs of the units (and people) in scope. */
export function listNeeds(ctx: UseCaseContext, f: { unitId?: string; period?: string }) {
  return findNeeds(ctx.tx, unitsScope(ctx.actor), peopleScope(ctx), f);
}
