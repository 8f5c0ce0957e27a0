import type { Actor } from '../access/actor.js';
import { definePolicy } from '../access/policy.js';
import type { ImportRow } from '../../db/repositories/imports.repository.js';

type ImportPlace = Pick<ImportRow, 'createdBy' | 'state' | 'issueCount'>;

/**
 * Who imports personnel records (the unit's personnel officer, Sở Nội vụ), and what may be done to an import
 * now: only its author commits or cancels it.
 */
export const importsPolicy = definePolicy<ImportPlace, ImportAction, 'use', ImportRow['state']>({
  resource: 'imports',
  place: (i) => ({ ownerId: i.createdBy }),
  state: (i) => i.state,
  actions: {
    commit: {
      who: [
        ['unit_hr', 'own'],
        ['home_affairs', 'own'],
      ],
      states: ['validated'],
    },
    // a checked file may also be dropped, so it does not stay "ready to commit" in the recent list
    cancel: {
      who: [
        ['unit_hr', 'own'],
        ['home_affairs', 'own'],
      ],
      states: ['uploaded', 'validating', 'committing', 'validated'],
    },
    downloadIssues: {
      who: [
        ['unit_hr', 'any'],
        ['home_affairs', 'any'],
      ],
      offerIf: (i) => i.issueCount > 0,
    },
  },
  gates: {
    use: {
      who: [
        ['unit_hr', 'unit'],
        ['home_affairs', 'province'],
      ],
    },
  },
});

export type ImportAction = 'commit' | 'cancel' | 'downloadIssues';

/** Sở Nội vụ with a province-wide grant sees every import; everyone else only their own. */
export const seesAllImports = (actor: Actor) => actor.grants.some((g) => g.role === 'home_affairs' && g.unitId === null);

/** What may be done to an import now. */
export const importActions = (actor: Actor, imp: ImportPlace): ImportAction[] => importsPolicy.allowedActions(actor, imp);
