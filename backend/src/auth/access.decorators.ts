import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

import type { Role } from '@peakplan/contracts';

/*
 * Every route declares who may call it: `@Roles('planner', 'admin')` on a controller or handler, or
 * `@Public()` for the few routes anyone may call (health, sign-in). A route with neither is refused
 * (deny by default); the guard in this folder enforces it.
 */
export const ROLES_KEY = 'peakplan:roles';
export const PUBLIC_KEY = 'peakplan:public';

export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The signed-in person, as the guard attaches it to the request. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisationId: string;
  departmentId: string | null;
  department: string | null;
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): SessionUser => {
  const request = context.switchToHttp().getRequest<{ user?: SessionUser }>();
  if (!request.user) throw new Error('CurrentUser used on a route without a signed-in user');
  return request.user;
});

/** Every role: for routes any signed-in person may call (`@Roles(...EVERY_ROLE)`), such as their own profile. */
export const EVERY_ROLE: Role[] = ['admin', 'planner', 'manager', 'pool-member'];
