import { z } from 'zod';

/** Responses of the matching API (S7; Plan 131 I.2, I.4): a run's proposed pairs and unfilled needs, each with why. */

export const UNFILLED_REASONS = ['no_field', 'all_local', 'standards', 'guard', 'excluded', 'quota', 'taken'] as const;

export const matchingRun = z.object({
  id: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  referenceDate: z.string(),
  createdAt: z.string(),
  /** When pairs of the run were last accepted into proposals; null if never. */
  acceptedAt: z.string().nullable(),
  /** The proposal's total points under the plan's weights. */
  objective: z.number(),
  /** The verifier accepted the certificate from the stored inputs: no list scores more. */
  proven: z.boolean(),
  /** The certificate's upper bound on any list (equal to the objective when proven). */
  bound: z.number(),
  stats: z.object({
    candidates: z.number().int(),
    needs: z.number().int(),
    units: z.number().int(),
    allowedPairs: z.number().int(),
    augmentations: z.number().int(),
    phases: z.number().int(),
    solveMs: z.number(),
  }),
  pairs: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      sendingUnitName: z.string(),
      needId: z.string(),
      communeName: z.string(),
      postTitle: z.string().nullable(),
      field: z.string(),
      fit: z.enum(['exact', 'general']),
      points: z.object({ total: z.number(), seat: z.number(), fit: z.number(), urgency: z.number(), priority: z.number() }),
      priorityParts: z.array(z.object({ factor: z.enum(['young', 'female', 'ethnicMinority', 'outstandingRating']), label: z.string(), points: z.number() })),
      why: z.string(),
      /** The pair has been accepted: a proposal carrying the run's id exists for the person. */
      accepted: z.boolean(),
    }),
  ),
  unfilled: z.array(
    z.object({
      needId: z.string(),
      communeName: z.string(),
      postTitle: z.string().nullable(),
      field: z.string(),
      filled: z.number().int(),
      count: z.number().int(),
      reason: z.enum(UNFILLED_REASONS),
      why: z.string(),
    }),
  ),
});

export const matchingWhyNot = z.object({ personId: z.string(), needId: z.string(), proposed: z.boolean(), why: z.string() });

export const matchingListCheck = z.object({
  feasible: z.boolean(),
  value: z.number(),
  optimum: z.number(),
  optimumProven: z.boolean(),
  /** optimum − value for a feasible list; null when the list breaks a constraint. */
  gap: z.number().nullable(),
  issues: z.array(z.string()),
});

export const matchingAccepted = z.object({
  runId: z.string(),
  accepted: z.array(z.object({ personId: z.string(), needId: z.string(), secondmentId: z.string() })),
});
