import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from './access.decorators';
import type { ChangePasswordDto, LoginDto } from './auth.dto';
import { IDENTITY_PROVIDERS, type IdentityProvider, type SignInClient } from './identity-provider';
import { hashPassword, verifyPassword } from './password-hashing';
import { SessionsService } from './sessions.service';
import { queryOne } from '../database/query-rows';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(IDENTITY_PROVIDERS) private readonly providers: IdentityProvider[],
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /** Password sign-in: a new session for the account, or null with no reason given. */
  async signIn(
    credentials: LoginDto,
    client: SignInClient,
  ): Promise<{ token: string; user: SessionUser } | null> {
    const provider = this.providers.find((candidate) => candidate.id === 'password')!;
    const userId = await provider.authenticate(credentials, client);
    if (!userId) return null;
    await this.sessions.sweep();
    const { token } = await this.sessions.start(userId, client);
    const user = await this.sessions.resolve(token);
    return user ? { token, user } : null;
  }

  signOut(token: string): Promise<void> {
    return this.sessions.end(token);
  }

  /** Needs the current password; ends the person's other sessions (a stolen one stops working). */
  async changeOwnPassword(user: SessionUser, body: ChangePasswordDto, currentToken: string): Promise<void> {
    const row = await queryOne<{ password_hash: string | null }>(
      this.dataSource,
      `select password_hash from app_user where id = $1`,
      [user.id],
    );
    if (!row?.password_hash || !(await verifyPassword(row.password_hash, body.currentPassword))) {
      throw new BadRequestException({
        message: 'currentPassword: is not your current password',
        details: [{ field: 'currentPassword', reason: 'is not your current password' }],
      });
    }
    if (body.newPassword === body.currentPassword) {
      throw new BadRequestException({
        message: 'newPassword: must differ from the current password',
        details: [{ field: 'newPassword', reason: 'must differ from the current password' }],
      });
    }
    const passwordHash = await hashPassword(body.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`update app_user set password_hash = $2, updated_at = now() where id = $1`, [
        user.id,
        passwordHash,
      ]);
      await this.audit.record(
        { actor: user, action: 'account.password-changed', entityType: 'account', entityId: user.id },
        manager,
      );
    });
    await this.sessions.endAllFor(user.id, currentToken);
  }
}
