import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import { DataSource } from 'typeorm';

import type { DatabaseKind } from '@peakplan/contracts';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DATABASE_KIND } from '../database/database-kind';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DatabaseThrottlerStorage } from './database-throttler-storage';
import { IDENTITY_PROVIDERS } from './identity-provider';
import { PasswordIdentityProvider } from './password-identity.provider';
import { SIGN_IN_RATE_LIMITS } from './session-policy';
import { resolveSessionSecret, SESSION_SECRET } from './session-secret';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    // Applied only where a route asks for it (POST /api/auth/login), not globally.
    // Counted in the database, so that the limit holds across instances (see DatabaseThrottlerStorage).
    ThrottlerModule.forRootAsync({
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => ({
        storage: new DatabaseThrottlerStorage(dataSource),
        throttlers: [
          {
            name: 'sign-in-per-address',
            ttl: SIGN_IN_RATE_LIMITS.windowMs,
            limit: SIGN_IN_RATE_LIMITS.perAddress,
          },
          {
            name: 'sign-in-per-address-and-email',
            ttl: SIGN_IN_RATE_LIMITS.windowMs,
            limit: SIGN_IN_RATE_LIMITS.perAddressAndEmail,
            getTracker: (request: Record<string, unknown>) => {
              const body = (request as unknown as Request).body as { email?: unknown } | undefined;
              const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
              return `${(request as unknown as Request).ip}|${email}`;
            },
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    {
      provide: SESSION_SECRET,
      inject: [APP_CONFIG, DATABASE_KIND],
      useFactory: (config: AppConfig, kind: DatabaseKind) =>
        resolveSessionSecret(config, kind, (message) => new Logger('auth').warn(message)),
    },
    SessionsService,
    PasswordIdentityProvider,
    {
      provide: IDENTITY_PROVIDERS,
      inject: [PasswordIdentityProvider],
      useFactory: (password: PasswordIdentityProvider) => [password],
    },
    AuthService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SessionsService, SESSION_SECRET],
})
export class AuthModule {}
