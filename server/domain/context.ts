import type { Tx } from '../db/client.js';
import type { Actor } from './access/actor.js';

/** What every use case receives: who acts, inside which transaction, under which request. */
export interface UseCaseContext {
  actor: Actor;
  tx: Tx;
  requestId?: string | null;
}
