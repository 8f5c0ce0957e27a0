import type { Logger } from 'pino';
import type { Actor } from '../../domain/access/actor.js';
import type { Database } from '../../db/client.js';
import type { Config } from '../../config.js';

export interface Deps {
  database: Database;
  config: Config;
  logger: Logger;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    logger: Logger;
    requestId: string;
    /** The Vietnam calendar date of this request, taken once when it arrives. */
    today: string;
    actor: Actor | null;
    csrfToken: string | null;
    sessionToken: string | null;
  };
}
