import type { UseCaseContext } from '../context.js';
import { findCourses } from '../../db/repositories/training.repository.js';
import { vndNumber } from './present.js';

/** The course catalogue of a year, with the seats taken and the nominations waiting. */
export async function listCourses(ctx: UseCaseContext, f: { year?: number; kind?: string }) {
  const rows = await findCourses(ctx.tx, f);
  return rows.map((c) => ({ ...c, costPerParticipantVnd: vndNumber(c.costPerParticipantVnd), seatsLeft: Math.max(0, c.capacity - c.seatsTaken) }));
}
