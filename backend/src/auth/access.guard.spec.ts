import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { Public, Roles, type SessionUser } from './access.decorators';
import { ACCESS_MESSAGES, AccessGuard } from './access.guard';
import type { SessionsService } from './sessions.service';

class UndeclaredController {
  handler(): string {
    return 'handler';
  }
}
@Roles('planner')
class PlannerController {
  handler(): string {
    return 'handler';
  }
  @Public() open(): string {
    return 'open';
  }
}

const planner: SessionUser = {
  id: 'u1',
  email: 'p@example.com',
  name: 'P',
  roles: ['planner'],
  organisationId: 'o1',
  departmentId: null,
  department: null,
};

function contextFor(
  controller: new () => object,
  handler: string,
  headers: Record<string, string> = {},
): ExecutionContext {
  const request = { method: 'GET', originalUrl: '/api/x', headers, cookies: {} };
  return {
    getType: () => 'http',
    getHandler: () => (controller.prototype as Record<string, unknown>)[handler],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

describe('AccessGuard (deny by default)', () => {
  const sessions = {
    resolve: async (token: string) => (token === 'good' ? planner : null),
  } as unknown as SessionsService;
  const guard = new AccessGuard(new Reflector(), sessions, 'secret'.repeat(8));

  it('refuses a route without @Public or @Roles, even for a signed-in person', async () => {
    await expect(
      guard.canActivate(contextFor(UndeclaredController, 'handler', { authorization: 'Bearer good' })),
    ).rejects.toThrow(new ForbiddenException(ACCESS_MESSAGES.undeclared));
  });

  it('lets anyone call a @Public route, asks for a session elsewhere, and checks the role', async () => {
    await expect(guard.canActivate(contextFor(PlannerController, 'open'))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor(PlannerController, 'handler'))).rejects.toBeInstanceOf(
      UnauthorizedException,
    );
    await expect(
      guard.canActivate(contextFor(PlannerController, 'handler', { authorization: 'Bearer bad' })),
    ).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(
      guard.canActivate(contextFor(PlannerController, 'handler', { authorization: 'Bearer good' })),
    ).resolves.toBe(true);
  });
});
