import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../cli/openapi.js';
import { ROUTE_GATES } from './plugins/route.js';
import { POLICIES } from '../domain/access/policies.js';

/**
 * The policy tables are the one home of who may take an action: every route's `x-roles` (in the committed OpenAPI
 * document, which the web client is generated from) must be exactly the roles the tables give for the actions
 * the route serves, and every action or gate that a route must serve is served. Editing a route's gate, or a
 * policy table alone, fails here.
 */
type Op = { 'x-roles'?: string[] };
const committed = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../common/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, Op>> };
buildOpenApiDocument(); // builds the app: every route module registers its gate
const operations = Object.entries(committed.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ path: p, method, roles: op['x-roles'] })));
// the login route is public (`x-roles: ["public"]`, no gate); every other /api route is a secured one
const secured = operations.filter((o) => o.roles && o.roles.join() !== 'public');

/** The roles the tables give for a qualified name `resource.action`, read from the table itself. */
function tableRoles(name: string): string[] | undefined {
  const [resource, action] = name.split('.');
  const policy = POLICIES.find((p) => p.resource === resource);
  const rule = policy?.actions[action] ?? policy?.gates[action];
  return rule?.who.map(([role]) => role);
}

describe('routes against the policy tables', () => {
  it('has a gate for every secured operation and an operation for every gate', () => {
    expect(ROUTE_GATES.map((g) => `${g.method} ${g.path}`).sort()).toEqual(secured.map((o) => `${o.method} ${o.path}`).sort());
  });

  it.each(secured)('$method $path: x-roles are the roles of the actions it serves', ({ path: p, method, roles }) => {
    const gate = ROUTE_GATES.find((g) => g.path === p && g.method === method)!;
    expect(gate.serves.length).toBeGreaterThan(0);
    const fromTables = gate.serves.flatMap((name) => {
      const r = tableRoles(name);
      expect(r, `${name} is in no policy table`).toBeDefined();
      return r ?? [];
    });
    expect([...roles!].sort()).toEqual([...new Set(fromTables)].sort());
  });

  it('serves every action and gate of every policy that needs a route', () => {
    const served = new Set(ROUTE_GATES.flatMap((g) => g.serves));
    const unserved = POLICIES.flatMap((p) => p.names())
      .filter((n) => n.routed && !served.has(n.name))
      .map((n) => n.name);
    expect(unserved).toEqual([]);
  });

  it('names each resource once', () => {
    const names = POLICIES.map((p) => p.resource);
    expect(new Set(names).size).toBe(names.length);
  });
});
