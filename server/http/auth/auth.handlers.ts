import type { OpenAPIHono } from '@hono/zod-openapi';
import { setCookie, deleteCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../plugins/app-env.js';
import * as routes from './auth.routes.js';
import { changeOwnPassword, login, logout } from '../../domain/access/login.js';
import { inTransaction } from '../plugins/route.js';
import { SESSION_COOKIE, currentActor } from '../plugins/auth.js';
import { featuresOf } from '../../../common/permissions.js';
import { rolesOf, type Actor } from '../../domain/access/actor.js';
import { capabilitiesOf } from '../../domain/access/capabilities.js';
import { findUnitNames } from '../../db/repositories/org.repository.js';
import type { Db } from '../../db/client.js';
import { findProvince } from '../../db/repositories/province.repository.js';
import { planCodeOrNone } from '../../domain/plans/plan-in-force.js';
import { committeeShortName } from '../../domain/province/province-identity.js';

async function describe(db: Db, actor: Actor, csrfToken: string, demo: boolean, today: string) {
  const [names, province, planCode] = await Promise.all([
    findUnitNames(
      db,
      actor.grants.map((g) => g.unitId).filter((x): x is string => !!x),
    ),
    findProvince(db),
    planCodeOrNone(db, today),
  ]);
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      personId: actor.personId,
      mustChangePassword: actor.mustChangePassword ?? false,
    },
    grants: actor.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: g.unitId ? (names.get(g.unitId) ?? null) : null })),
    features: featuresOf(rolesOf(actor)),
    capabilities: capabilitiesOf(actor),
    csrfToken,
    demo,
    province: province ? { ...province, committeeShortName: committeeShortName(province) } : null,
    // the plan in force today (plans/plan-in-force.ts)
    planCode: planCode ?? null,
  };
}

/**
 * The client's address for the login throttle. Behind a trusted proxy, the address that proxy appended: the last
 * entry of X-Forwarded-For (the client writes whatever it likes in the entries before it).
 */
export function clientAddress(c: Parameters<typeof getConnInfo>[0], trustProxy: boolean) {
  const forwarded = trustProxy
    ? c.req
        .header('x-forwarded-for')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .at(-1)
    : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.login, async (c) => {
    const { username, password } = c.req.valid('json');
    const { database, config } = c.get('deps');
    const r = await login(
      database.db,
      { username, password, clientKey: clientAddress(c, config.trustProxy) },
      config.sessionTtlMinutes,
      c.get('requestId'),
      c.get('today'),
    );
    setCookie(c, SESSION_COOKIE, r.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: config.cookieSecure,
      path: '/',
      maxAge: config.sessionTtlMinutes * 60,
    });
    return c.json(await describe(database.db, r.actor, r.csrfToken, config.demo, c.get('today')), 200);
  });
  app.openapi(routes.logout, async (c) => {
    const token = c.get('sessionToken');
    if (token) await logout(c.get('deps').database.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
  app.openapi(routes.changePassword, async (c) => {
    const body = c.req.valid('json');
    const { database, config } = c.get('deps');
    await inTransaction(c, (ctx) => changeOwnPassword(ctx, body, c.get('sessionToken')));
    const actor = { ...currentActor(c), mustChangePassword: false };
    return c.json(await describe(database.db, actor, c.get('csrfToken') ?? '', config.demo, c.get('today')), 200);
  });
  app.openapi(routes.me, async (c) => {
    const { database, config } = c.get('deps');
    return c.json(await describe(database.db, currentActor(c), c.get('csrfToken') ?? '', config.demo, c.get('today')), 200);
  });
}
