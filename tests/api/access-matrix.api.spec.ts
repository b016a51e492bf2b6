/* The route-by-role matrix: every route the real app registers, called as each role and anonymously,
 * against the real database. Built from the app itself, so a route added tomorrow is in it tomorrow;
 * a route without @Public() or @Roles() fails the first test (and the guard refuses it at run time). */
import { randomUUID } from 'node:crypto';

import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import request from 'supertest';

import type { Role } from '@peakplan/contracts';
import { PUBLIC_KEY, ROLES_KEY } from '@peakplan/backend/auth/access.decorators';
import { ACCESS_MESSAGES } from '@peakplan/backend/auth/access.guard';

import { sessionHeaders } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

interface DeclaredRoute {
  method: string;
  path: string;
  isPublic: boolean;
  roles: Role[] | null;
}

const CALLERS: { name: Role | 'anonymous'; email: string | null }[] = [
  { name: 'admin', email: 'admin@peakplan.test' },
  { name: 'planner', email: 'planner@peakplan.test' },
  { name: 'manager', email: 'manager@peakplan.test' },
  { name: 'pool-member', email: 'member001@peakplan.test' },
  { name: 'anonymous', email: null },
];

/** The only routes anyone may call without signing in. Adding one is a security decision: add it here. */
const PUBLIC_ROUTES = [
  'GET /api/health',
  'POST /api/auth/login',
  // The session check answers "not signed in" without an error status (no 401 in the console).
  'GET /api/auth/session',
  // The calendar feed: its secret URL is the credential (calendar apps send no session).
  'GET /api/pool/calendar-feeds/:memberId/:key',
];

/** Routes whose access rule is pinned here, so that a changed decorator is a failing test, not a silent change. */
const PINNED: Record<string, Role[] | 'public'> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': ['admin', 'planner', 'manager', 'pool-member'],
  'GET /api/auth/me': ['admin', 'planner', 'manager', 'pool-member'],
  'PUT /api/auth/password': ['admin', 'planner', 'manager', 'pool-member'],
  'GET /api/accounts': ['admin'],
  'POST /api/accounts': ['admin'],
  'POST /api/accounts/import': ['admin'],
  'GET /api/accounts/:id': ['admin'],
  'PUT /api/accounts/:id/roles': ['admin'],
  'POST /api/accounts/:id/deactivate': ['admin'],
  'POST /api/accounts/:id/activate': ['admin'],
  'POST /api/accounts/:id/password-reset': ['admin'],
  'GET /api/people/:id': ['admin', 'planner', 'manager', 'pool-member'],
  'GET /api/departments/:departmentId/members': ['manager', 'admin'],
  'POST /api/departments/:departmentId/members/:userId/approval': ['manager'],
  'GET /api/audit': ['admin', 'manager'],
  // The organisation's zone and locale, which every page formats with (issue 15, admin pages)
  'GET /api/organisation': ['admin', 'planner', 'manager', 'pool-member'],
  'PUT /api/organisation': ['admin'],
  'GET /api/queues': ['planner', 'manager', 'admin'],
  'GET /api/queues/:id': ['planner', 'manager', 'admin'],
  'GET /api/queues/:queueId/history/daily': ['planner', 'manager', 'admin'],
  'GET /api/events': ['planner', 'manager', 'admin'],
  'GET /api/events/occurrences': ['planner', 'manager', 'admin'],
  'GET /api/peak-reviews': ['manager', 'planner', 'admin'],
  'GET /api/peak-reviews/hindsight': ['manager', 'planner', 'admin'],
  'GET /api/peak-reviews/:event/:year': ['manager', 'planner', 'admin'],
  'PUT /api/scenarios/:scenarioId/core-staff': ['planner', 'admin'],
  'GET /api/scenarios/:scenarioId/core-staff': ['planner', 'manager', 'admin'],
  'DELETE /api/scenarios/:scenarioId/core-staff': ['planner', 'admin'],
  // What the dashboard recomputes a scenario on in the browser: read like its result.
  'GET /api/scenarios/:scenarioId/inputs': ['planner', 'manager', 'admin'],
  // Flexible pool (issue 12)
  'GET /api/pool/me': ['pool-member'],
  'POST /api/pool/me/join': ['pool-member'],
  'POST /api/pool/me/leave': ['pool-member'],
  'PUT /api/pool/me/availability': ['pool-member'],
  'GET /api/pool/members': ['planner', 'manager', 'admin'],
  'PUT /api/pool/members/:memberId/skills': ['planner', 'admin'],
  'GET /api/pool/applicants': ['manager', 'admin'],
  'POST /api/pool/applicants/:memberId/decision': ['manager'],
  'GET /api/pool/department-caps': ['manager', 'planner', 'admin'],
  'PUT /api/pool/department-caps/:departmentId': ['manager', 'admin'],
  // The members' and managers' dashboard (issue 17)
  'GET /api/pool/department-bookings': ['manager', 'admin'],
  'POST /api/pool/shifts': ['planner', 'admin'],
  'GET /api/pool/shifts': ['admin', 'planner', 'manager', 'pool-member'],
  'GET /api/pool/shifts/:shiftId': ['admin', 'planner', 'manager', 'pool-member'],
  'PATCH /api/pool/shifts/:shiftId': ['planner', 'admin'],
  'POST /api/pool/shifts/:shiftId/cancel': ['planner', 'admin'],
  'GET /api/pool/shifts/:shiftId/sign-ups': ['planner', 'admin'],
  'POST /api/pool/shifts/:shiftId/sign-ups': ['pool-member'],
  'DELETE /api/pool/shifts/:shiftId/sign-ups/mine': ['pool-member'],
  'POST /api/staffing-plans/:planId/publish': ['planner', 'admin'],
  'GET /api/staffing-plans/:planId/coverage': ['planner', 'manager', 'admin'],
  'GET /api/staffing-plans': ['planner', 'manager', 'admin'],
  'GET /api/staffing-plans/:planId/roster': ['planner', 'manager', 'admin'],
  'GET /api/staffing-plans/:planId/roster.csv': ['planner', 'manager', 'admin'],
  'PUT /api/staffing-plans/:planId/sign-up-window': ['planner', 'admin'],
  'GET /api/pool/me/schedule': ['pool-member'],
  'GET /api/pool/me/calendar-feed': ['pool-member'],
  'POST /api/pool/me/calendar-feed/renew': ['pool-member'],
  'GET /api/pool/me/calendar.ics': ['pool-member'],
  'GET /api/pool/calendar-feeds/:memberId/:key': 'public',
  // Planner's dashboard (issue 15): queue and event upkeep, and the session check that never answers 401.
  'GET /api/auth/session': 'public',
  'POST /api/queues': ['planner', 'admin'],
  'PATCH /api/queues/:id': ['planner', 'admin'],
  'DELETE /api/queues/:id': ['planner', 'admin'],
  'GET /api/events/:id': ['planner', 'manager', 'admin'],
  'POST /api/events': ['planner', 'admin'],
  'PATCH /api/events/:id': ['planner', 'admin'],
  'DELETE /api/events/:id': ['planner', 'admin'],
  // closed days (issue 13)
  'PUT /api/queues/:id/closed-days': ['planner', 'admin'],
  'PUT /api/events/:id/closed': ['planner', 'admin'],
  // Recognition points, rewards and messages (issue 14)
  'GET /api/pool/me/points': ['pool-member'],
  'GET /api/pool/shifts/:shiftId/attendance': ['planner', 'manager', 'admin'],
  'PUT /api/pool/shifts/:shiftId/attendance/:memberId': ['planner', 'manager', 'admin'],
  'POST /api/pool/points/grants': ['planner', 'admin'],
  'GET /api/pool/points/members': ['planner', 'manager', 'admin'],
  'GET /api/pool/points/peaks': ['planner', 'admin'],
  'GET /api/pool/points/weights': ['planner', 'admin'],
  'PUT /api/pool/points/weights': ['admin'],
  'POST /api/pool/points/weights/preview': ['admin'],
  'POST /api/pool/points/continuity': ['admin'],
  'GET /api/pool/rewards': ['admin', 'planner', 'manager', 'pool-member'],
  'POST /api/pool/rewards': ['admin'],
  'PATCH /api/pool/rewards/:rewardId': ['admin'],
  'POST /api/pool/rewards/:rewardId/redemptions': ['pool-member'],
  'GET /api/pool/me/redemptions': ['pool-member'],
  'GET /api/pool/redemptions': ['admin'],
  'POST /api/pool/redemptions/:redemptionId/cancel': ['admin'],
  'GET /api/pool/me/messages': ['pool-member'],
  'GET /api/pool/me/notification-settings': ['pool-member'],
  'PUT /api/pool/me/notification-settings': ['pool-member'],
  'GET /api/pool/messages/failures': ['admin'],
  'POST /api/pool/messages/:messageId/retry': ['admin'],
  'POST /api/pool/messages/send-due': ['admin'],
  // Roster by preference (issue 14)
  'PUT /api/pool/shifts/:shiftId/preference': ['pool-member'],
  'POST /api/pool/allocations': ['planner', 'admin'],
  'GET /api/pool/allocations/:allocationId': ['planner', 'admin'],
  'PUT /api/pool/allocations/:allocationId/pins': ['planner', 'admin'],
  'POST /api/pool/allocations/:allocationId/publish': ['planner', 'admin'],
  'GET /api/pool/me/allocations': ['pool-member'],
  // contact reasons (issue 16)
  'GET /api/contact-reasons': ['planner', 'manager'],
  'POST /api/contact-reasons/deflection-scenarios': ['planner'],
};

function joinPath(...parts: string[]): string {
  return (
    '/' +
    parts
      .map((part) => part.replace(/^\/+|\/+$/g, ''))
      .filter(Boolean)
      .join('/')
  );
}

/** Every handler of every controller, with its HTTP method, full path and access declaration. */
function declaredRoutes(service: TestService): DeclaredRoute[] {
  const scanner = new MetadataScanner();
  const routes: DeclaredRoute[] = [];
  for (const module of service.service.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!controller || !wrapper.instance) continue;
      const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(wrapper.instance))) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as object;
        const methodPaths = Reflect.getMetadata(PATH_METADATA, handler);
        if (methodPaths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const isPublic =
          Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller) ?? false;
        const roles =
          Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller) ?? null;
        for (const controllerPath of controllerPaths) {
          for (const methodPath of ([] as string[]).concat(methodPaths)) {
            routes.push({ method, path: joinPath('api', controllerPath, methodPath), isPublic, roles });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** What Express actually answers under /api (Swagger's /api/docs aside), to prove the list above is complete. */
function expressApiRoutes(service: TestService): string[] {
  const express = service.service.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack
    .filter(
      (layer) =>
        layer.route && layer.route.path.startsWith('/api') && !layer.route.path.startsWith('/api/docs'),
    )
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((method) => method !== '_all')
        .map((method) => `${method.toUpperCase()} ${layer.route!.path}`),
    )
    .sort();
}

/**
 * Bodies for routes whose empty body would start real work: the smallest valid request, so an allowed
 * call still proves its 2xx without leaving heavy work running when the suite stops the service.
 */
async function cheapBodies(service: TestService): Promise<Record<string, object>> {
  const [queue]: { id: string }[] = await service.dataSource.query(
    `select id from queue order by name limit 1`,
  );
  return {
    // One queue, one day ahead (an empty body would forecast every queue 90 days ahead).
    'POST /api/forecast-runs': { queueId: queue.id, horizonDays: 1 },
  };
}

describe('route-by-role matrix on the real app and database', () => {
  let service: TestService;
  let routes: DeclaredRoute[];
  let bodies: Record<string, object>;

  beforeAll(async () => {
    // 14 days: the fewest a forecast run trains on, so an allowed caller's run is accepted.
    service = await startTestService({ demoHistoryDays: 14, today: '2026-03-01' });
    routes = declaredRoutes(service);
    bodies = await cheapBodies(service);
  });
  afterAll(() => service?.stop());

  it('finds every registered route, and each declares who may call it', () => {
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(PINNED).length);
    expect(routes.map((route) => `${route.method} ${route.path}`).sort()).toEqual(expressApiRoutes(service));
    const undeclared = routes.filter((route) => !route.isPublic && !(route.roles && route.roles.length > 0));
    expect(undeclared.map((route) => `${route.method} ${route.path}`)).toEqual([]);
    expect(
      routes
        .filter((route) => route.isPublic)
        .map((route) => `${route.method} ${route.path}`)
        .sort(),
    ).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('keeps the pinned access rules of the security-relevant routes', () => {
    for (const [route, expected] of Object.entries(PINNED)) {
      const found = routes.find((candidate) => `${candidate.method} ${candidate.path}` === route);
      expect({
        route,
        declared: found ? (found.isPublic ? 'public' : [...found.roles!].sort()) : 'missing',
      }).toEqual({
        route,
        declared: expected === 'public' ? 'public' : [...expected].sort(),
      });
    }
  });

  it('allows and denies each route for each role exactly as declared', async () => {
    const cells: string[] = [];
    const wrong: string[] = [];
    for (const route of routes) {
      // Unknown ids everywhere: a route that lets the caller in answers 400/404, never changes real data.
      const path = route.path.replace(/:[A-Za-z]+/g, () => randomUUID());
      for (const caller of CALLERS) {
        const allowed = route.isPublic || (caller.name !== 'anonymous' && route.roles!.includes(caller.name));
        // A fresh session per call: a route such as logout must not end the next call's session.
        const headers = caller.email ? await sessionHeaders(service, caller.email) : {};
        let call = request(service.url)
          [route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path)
          .set(headers);
        if (['POST', 'PUT', 'PATCH'].includes(route.method))
          call = call.send(bodies[`${route.method} ${route.path}`] ?? {});
        // A route that never answers is a failed cell, not a hung suite.
        const response = await call.timeout(20_000).catch((error: Error) => {
          throw new Error(`${route.method} ${path} as ${caller.name} did not answer: ${error.message}`);
        });
        const message = String(response.body?.message ?? '');
        const deniedByGuard =
          (response.status === 401 && message === ACCESS_MESSAGES.signInNeeded) ||
          (response.status === 403 && message === ACCESS_MESSAGES.roleMissing);
        const expectedDenial = caller.name === 'anonymous' ? 401 : 403;
        // A route given a valid body must do its work for an allowed caller.
        const provesSuccess = bodies[`${route.method} ${route.path}`] !== undefined;
        cells.push(`${route.method} ${route.path} as ${caller.name}: ${response.status}`);
        if (
          allowed
            ? deniedByGuard || response.status >= (provesSuccess ? 300 : 500)
            : !deniedByGuard || response.status !== expectedDenial
        ) {
          wrong.push(
            `${route.method} ${route.path} as ${caller.name}: expected ${allowed ? 'allowed' : `denied ${expectedDenial}`}, got ${response.status} ${message}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toHaveLength(routes.length * CALLERS.length);
    process.stdout.write(
      `route matrix: ${routes.length} routes x ${CALLERS.length} callers = ${cells.length} cells\n`,
    );
  });

  it('gives a person with several roles what any of their roles may do', async () => {
    await service.dataSource.query(
      `update app_user set roles = '{manager,pool-member}' where email = 'member002@peakplan.test'`,
    );
    const both = await sessionHeaders(service, 'member002@peakplan.test');
    await request(service.url).get('/api/queues').set(both).expect(200);
    await request(service.url).get('/api/audit').set(both).expect(200);
    const me = await request(service.url).get('/api/auth/me').set(both).expect(200);
    expect([...me.body.roles].sort()).toEqual(['manager', 'pool-member']);
    await request(service.url).get('/api/accounts').set(both).expect(403);
  });
});
