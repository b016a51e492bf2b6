import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import type { Role } from '@peakplan/contracts';

import { PUBLIC_KEY, ROLES_KEY, type SessionUser } from './access.decorators';
import { SESSION_SECRET } from './session-secret';
import { CSRF_HEADER, SESSION_COOKIE, csrfTokenFor, sameToken } from './session-tokens';
import { SessionsService } from './sessions.service';

/** Messages of the guard's refusals; the route matrix test tells a guard refusal from a route's own 403 by them. */
export const ACCESS_MESSAGES = {
  undeclared: 'this route declares no access rule, so it is refused',
  signInNeeded: 'sign in first',
  roleMissing: 'your role may not call this route',
  csrf: 'missing or wrong X-XSRF-TOKEN header (it must echo the XSRF-TOKEN cookie)',
} as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type AuthenticatedRequest = Request & {
  user?: SessionUser;
  sessionToken?: string;
  authenticatedBy?: 'cookie' | 'bearer';
};

/**
 * The global guard (APP_GUARD), deny by default: a route must carry @Public() or @Roles(...); anything
 * else is refused for everyone. A session comes from `Authorization: Bearer <token>` or the
 * `peakplan_session` cookie; cookie-authenticated requests that change something must also echo the
 * CSRF token in X-XSRF-TOKEN. A person with several roles may call what any of their roles may.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('access');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(SESSION_SECRET) private readonly secret: string,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (isPublic) return true;
    if (!roles || roles.length === 0) {
      this.logger.error(`${request.method} ${request.originalUrl}: ${ACCESS_MESSAGES.undeclared}`);
      throw new ForbiddenException(ACCESS_MESSAGES.undeclared);
    }

    const presented = sessionTokenOf(request);
    const user = presented ? await this.sessions.resolve(presented.token) : null;
    if (!presented || !user) throw new UnauthorizedException(ACCESS_MESSAGES.signInNeeded);
    if (presented.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (
        !sameToken(
          typeof header === 'string' ? header : undefined,
          csrfTokenFor(this.secret, presented.token),
        )
      ) {
        throw new ForbiddenException(ACCESS_MESSAGES.csrf);
      }
    }
    request.user = user;
    request.sessionToken = presented.token;
    request.authenticatedBy = presented.via;
    if (!user.roles.some((role) => roles.includes(role))) {
      throw new ForbiddenException(ACCESS_MESSAGES.roleMissing);
    }
    return true;
  }
}

/** The bearer token wins over the cookie: a program that sends one means it. */
export function sessionTokenOf(request: Request): { token: string; via: 'cookie' | 'bearer' } | null {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && /^Bearer\s+/i.test(authorization)) {
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    return token ? { token, via: 'bearer' } : null;
  }
  const cookie = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie ? { token: cookie, via: 'cookie' } : null;
}
