import type { Role } from '../../../common/enums.js';
import type { Actor, RoleGrant } from './actor.js';
import { AppError, forbidden } from '../errors.js';

/**
 * Where a grant must sit, relative to the record, for its role to count:
 * - `province`: Sở Nội vụ or the authority, province-wide (grant without a unit) or covering the record;
 * - `sending`: a grant with a unit covering the sending side (the sending unit, or the person's unit);
 * - `host`: a grant with a unit covering the host commune;
 * - `unit`: a grant covering the record's unit (the unit's head or personnel officer acting for their staff);
 * - `self`: the person the record is about;
 * - `own`: the user who created the record;
 * - `any`: the role alone (what the actor sees is already limited by the scope of the query).
 * The db-layer scope module (`server/db/scope.ts`) writes the same sides as SQL.
 */
export type Side = 'province' | 'sending' | 'host' | 'unit' | 'self' | 'own' | 'any';
export type Who = readonly (readonly [Role, Side])[];

/** Where a record sits: the unit paths (ids from the root down) of each side, its person and its author. */
export interface Place {
  province?: readonly (readonly string[] | null)[];
  sending?: readonly (readonly string[] | null)[];
  host?: readonly (readonly string[] | null)[];
  unit?: readonly (readonly string[] | null)[];
  personId?: string | null;
  ownerId?: string | null;
}

/** One action on a record: who takes it, in which states, and what the refusals say. */
export interface ActionRule<R, S extends string = string> {
  who: Who;
  /** The states in which it may be taken (none: any state). */
  states?: readonly S[];
  /** In these states only these roles take it (send_back from `proposed` is Sở Nội vụ's, from `appraised` the authority's). */
  onlyBy?: Partial<Record<S, readonly Role[]>>;
  /** Offered in `allowedActions` only when this also holds (e.g. the term has ended); `assertCan` leaves it to the use case. */
  offerIf?: (record: R, today: string) => boolean;
  /** Text of the step, for the refusals ("Bạn không có quyền …"). */
  text?: string;
  /** Refusal (403) when the role or side does not take it. */
  refused?: string;
  /** Refusal (409) when the record is not in one of `states`. */
  outOfState?: string;
  /** Decided on the record's page only (e.g. reading the sensitive fields): no route of its own serves it. */
  noRoute?: true;
  /** A check made while presenting the record, not an action offered to the user (not in `allowedActions`). */
  unlisted?: true;
}

/** A route-level ability (list, create, export …): who may call it; what they then see is scoped in the query. */
export interface GateRule {
  who: Who;
  /** Checked inside a use case or published as a feature, not the gate of a route. */
  noRoute?: true;
}

/** What `secureRoute` takes: the roles admitted and the policy names they come from. */
export interface Gate {
  roles: Role[];
  serves: string[];
}

export interface PolicyDefinition<R, A extends string, G extends string, S extends string> {
  /** Resource name; route gates name `<resource>.<action>`. */
  resource: string;
  /** Actions on one record: listed in `allowedActions`, checked by `assertCan`. */
  actions?: Record<A, ActionRule<R, S>>;
  /** Route-level abilities without a record. */
  gates?: Record<G, GateRule>;
  /** Where a record sits (needed only when `actions` has sides other than `any`). */
  place?: (record: R) => Place;
  /** The record's state (needed only when some action has `states`). */
  state?: (record: R) => string;
  /** Default refusals, given the step's text. */
  messages?: { refused?: (text: string) => string; outOfState?: (text: string) => string };
}

const coversAny = (g: RoleGrant, paths: Place['province']) => (paths ?? []).some((p) => p !== null && g.unitId !== null && p.includes(g.unitId));

/** True when one grant of `role` of the actor sits on `side` of the record placed at `place`. */
export function holdsSide(actor: Actor, role: Role, side: Side, place: Place): boolean {
  return actor.grants.some((g) => {
    if (g.role !== role) return false;
    switch (side) {
      case 'any':
        return true;
      case 'self':
        return actor.personId !== null && actor.personId === place.personId;
      case 'own':
        return actor.userId === place.ownerId;
      case 'province':
        return g.unitId === null || coversAny(g, place.province);
      case 'unit':
        return g.unitId === null || coversAny(g, place.unit);
      case 'sending':
        return coversAny(g, place.sending);
      case 'host':
        return coversAny(g, place.host);
    }
  });
}

/** The grants of the actor that cover a unit, given that unit's path (ids from the root down). */
export function grantsCovering(actor: Actor, unitPath: readonly string[]): RoleGrant[] {
  return actor.grants.filter((g) => g.unitId === null || unitPath.includes(g.unitId));
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

/**
 * One table per resource: which role, on which side, may take which action in which state. The route gate
 * (`gate`/`rolesFor`), the check after loading (`assertCan`) and the actions sent to the UI (`allowedActions`)
 * are all read from it.
 */
export function definePolicy<R, A extends string = never, G extends string = never, S extends string = string>(def: PolicyDefinition<R, A, G, S>) {
  const actions = (def.actions ?? {}) as Record<A, ActionRule<R, S>>;
  const gates = (def.gates ?? {}) as Record<G, GateRule>;
  const actionNames = Object.keys(actions) as A[];
  const whoOf = (name: A | G): Who => (actions[name as A] ?? gates[name as G]).who;
  const placeOf = (record: R): Place => (def.place ? def.place(record) : {});

  /** The roles that may take an action or pass a gate, in the order of the table. */
  const rolesFor = (...names: (A | G)[]): Role[] => uniq(names.flatMap((n) => whoOf(n).map(([r]) => r)));

  /** Whether the actor's role and side let them take this action on this record (state aside). */
  const mayAct = (actor: Actor, action: A, record: R): boolean => {
    const rule = actions[action];
    const only = def.state && rule.onlyBy ? rule.onlyBy[def.state(record) as S] : undefined;
    const who = only ? rule.who.filter(([r]) => only.includes(r)) : rule.who;
    const place = placeOf(record);
    return who.some(([role, side]) => holdsSide(actor, role, side, place));
  };

  /** Whether the actor's role and side let them take an action or pass a gate on a record placed at `place`. */
  const holds = (actor: Actor, name: A | G, place: Place): boolean => whoOf(name).some(([role, side]) => holdsSide(actor, role, side, place));

  /** Whether the actor holds, anywhere, a role that the action or gate admits (what a route gate checks). */
  const mayAnywhere = (actor: Actor, name: A | G): boolean => {
    const roles = rolesFor(name);
    return actor.grants.some((g) => roles.includes(g.role));
  };

  const stateAllows = (action: A, record: R): boolean => {
    const states = actions[action].states;
    return !states || !def.state || states.includes(def.state(record) as S);
  };

  const text = (action: A) => actions[action].text ?? action;

  return {
    resource: def.resource,
    actions,
    gates,
    rolesFor,
    mayAct,
    holds,
    mayAnywhere,
    /** The actions the actor may take now on the record: the page shows only these. */
    allowedActions(actor: Actor, record: R, today = ''): A[] {
      return actionNames.filter(
        (a) => !actions[a].unlisted && stateAllows(a, record) && mayAct(actor, a, record) && (!actions[a].offerIf || actions[a].offerIf(record, today)),
      );
    },
    /** Whether the action is open in the record's state. */
    stateAllows,
    /** Refuses someone whose role or side does not take the action (403), then a record in another state (409). */
    assertCan(actor: Actor, action: A, record: R): void {
      const rule = actions[action];
      if (!mayAct(actor, action, record)) throw forbidden(rule.refused ?? def.messages?.refused?.(text(action)) ?? `Bạn không có quyền ${text(action)}.`);
      if (!stateAllows(action, record))
        throw new AppError('conflict', rule.outOfState ?? def.messages?.outOfState?.(text(action)) ?? `Không thể ${text(action)} ở bước này.`);
    },
    /** The gate of a route serving these actions or gates: the roles come from the table. */
    gate(...names: (A | G)[]): Gate {
      return { roles: rolesFor(...names), serves: names.map((n) => `${def.resource}.${n}`) };
    },
    /** Every name of the table with its kind and whether a route must serve it (for the drift test). */
    names(): { name: string; routed: boolean }[] {
      return [
        ...actionNames.map((a) => ({ name: `${def.resource}.${a}`, routed: !actions[a].noRoute })),
        ...(Object.keys(gates) as G[]).map((g) => ({ name: `${def.resource}.${g}`, routed: !gates[g].noRoute })),
      ];
    },
  };
}

export type Policy = ReturnType<typeof definePolicy<unknown, string, string, string>>;

/** What the drift test reads of any policy, whatever its record type: its name, its tables and their names. */
export interface PolicyTable {
  resource: string;
  actions: Record<string, { who: Who }>;
  gates: Record<string, { who: Who }>;
  names(): { name: string; routed: boolean }[];
}
