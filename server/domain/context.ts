import type { Tx } from '../db/client.js';
import type { Actor } from './access/actor.js';

/**
 * What every use case receives: who acts, inside which transaction, under which request, and on which day.
 * `today` is the Vietnam calendar date (`vietnamToday()` of `common/dates.ts`), taken once per request or job so
 * every rule, scope and statement of one request agrees on it; SQL receives it as a parameter, never `CURRENT_DATE`.
 */
export interface UseCaseContext {
  actor: Actor;
  tx: Tx;
  requestId?: string | null;
  today: string;
}
