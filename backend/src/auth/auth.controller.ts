import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Put,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { CookieOptions, Request, Response } from 'express';

import type { LoginResponse, MeResponse, SessionResponse } from '@peakplan/contracts';

import { CurrentUser, EVERY_ROLE, Public, Roles, type SessionUser } from './access.decorators';
import { type AuthenticatedRequest, sessionTokenOf } from './access.guard';
import { ChangePasswordDto, LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { SESSION_POLICY } from './session-policy';
import { SESSION_SECRET } from './session-secret';
import { CSRF_COOKIE, SESSION_COOKIE, csrfTokenFor } from './session-tokens';
import { SessionsService } from './sessions.service';

/** Generic on purpose: it never says whether the email exists, the password was wrong or the account is locked. */
export const SIGN_IN_FAILED =
  'wrong email or password (after repeated failures an account is locked for a while)';

@ApiTags('auth')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @Inject(SESSION_SECRET) private readonly secret: string,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Signed in: session cookie set; the body carries the same token for programs.',
  })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const signedIn = await this.auth.signIn(body, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    if (!signedIn) throw new UnauthorizedException(SIGN_IN_FAILED);
    // A new sign-in replaces the browser's previous session rather than leaving it alive beside the new one.
    const previous = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    if (typeof previous === 'string' && previous && previous !== signedIn.token)
      await this.auth.signOut(previous);
    this.setSessionCookies(request, response, signedIn.token);
    return { token: signedIn.token, user: toMe(signedIn.user) };
  }

  @Post('logout')
  @Roles(...EVERY_ROLE)
  @HttpCode(204)
  async logout(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.signOut(request.sessionToken!);
    const options = this.cookieOptions(request);
    response.clearCookie(SESSION_COOKIE, { ...options, httpOnly: true });
    response.clearCookie(CSRF_COOKIE, options);
  }

  @Get('me')
  @Roles(...EVERY_ROLE)
  @ApiOkResponse({ description: 'The signed-in person.' })
  me(
    @CurrentUser() user: SessionUser,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): MeResponse {
    // A browser that lost its CSRF cookie (cleared, expired) gets it back on its first page load.
    if (request.authenticatedBy === 'cookie' && !request.cookies?.[CSRF_COOKIE]) {
      response.cookie(
        CSRF_COOKIE,
        csrfTokenFor(this.secret, request.sessionToken!),
        this.cookieOptions(request),
      );
    }
    return toMe(user);
  }

  /**
   * Who is signed in, for the dashboard's first page load: 200 with `user: null` when nobody is, so that
   * a visit of the sign-in page logs no 401. Public, and it tells the caller only about their own session.
   */
  @Get('session')
  @Public()
  @ApiOkResponse({ description: 'The signed-in person, or user null; never 401.' })
  async session(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    const presented = sessionTokenOf(request);
    const user = presented ? await this.sessions.resolve(presented.token) : null;
    if (!presented || !user) return { user: null };
    if (presented.via === 'cookie' && !request.cookies?.[CSRF_COOKIE]) {
      response.cookie(CSRF_COOKIE, csrfTokenFor(this.secret, presented.token), this.cookieOptions(request));
    }
    return { user: toMe(user) };
  }

  @Put('password')
  @Roles(...EVERY_ROLE)
  @HttpCode(204)
  async changePassword(
    @CurrentUser() user: SessionUser,
    @Body() body: ChangePasswordDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<void> {
    await this.auth.changeOwnPassword(user, body, request.sessionToken!);
  }

  private setSessionCookies(request: Request, response: Response, token: string): void {
    const options = this.cookieOptions(request);
    response.cookie(SESSION_COOKIE, token, { ...options, httpOnly: true });
    // Readable by the dashboard's script (that is the point), useless to another site.
    response.cookie(CSRF_COOKIE, csrfTokenFor(this.secret, token), options);
  }

  private cookieOptions(request: Request): CookieOptions {
    return {
      sameSite: 'lax',
      // Secure whenever the request came over HTTPS (behind a proxy: set Express "trust proxy").
      secure: request.secure,
      path: '/',
      maxAge: SESSION_POLICY.absoluteLifetimeMs,
    };
  }
}

function toMe(user: SessionUser): MeResponse {
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, department: user.department };
}
