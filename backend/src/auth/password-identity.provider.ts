import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditService } from '../audit/audit.service';
import type { IdentityProvider, SignInClient } from './identity-provider';
import { verifyAgainstDecoy, verifyPassword } from './password-hashing';
import { LOCKOUT_POLICY } from './session-policy';
import { queryOne } from '../database/query-rows';

export interface PasswordCredentials {
  email: string;
  password: string;
}

interface CandidateRow {
  id: string;
  email: string;
  organisation_id: string;
  password_hash: string | null;
  active: boolean;
  locked: boolean;
}

/**
 * Email and password. Unknown email, wrong password, deactivated or locked account all give the same
 * null (and take about the same time), so the response never tells which emails exist. After
 * LOCKOUT_POLICY.maxFailedAttempts consecutive wrong passwords the account locks for lockMs; a locked
 * account refuses even the right password until then.
 */
@Injectable()
export class PasswordIdentityProvider implements IdentityProvider<PasswordCredentials> {
  readonly id = 'password';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async authenticate(credentials: PasswordCredentials, client: SignInClient): Promise<string | null> {
    const user = await queryOne<CandidateRow>(
      this.dataSource,
      `select id, email, organisation_id, password_hash, active,
              coalesce(locked_until > now(), false) as locked
         from app_user where lower(email) = lower($1)`,
      [credentials.email.trim()],
    );
    if (!user || !user.password_hash || !user.active)
      return verifyAgainstDecoy(credentials.password).then(() => null);
    const correct = await verifyPassword(user.password_hash, credentials.password);
    if (user.locked) return null;
    if (correct) {
      await this.dataSource.query(
        `update app_user set failed_login_count = 0, locked_until = null where id = $1`,
        [user.id],
      );
      return user.id;
    }
    await this.countFailure(user, client);
    return null;
  }

  private async countFailure(user: CandidateRow, client: SignInClient): Promise<void> {
    // One statement, so that parallel wrong attempts cannot each read the same old count.
    const updated = await queryOne<{ failed_login_count: number; locked_until: Date | null }>(
      this.dataSource,
      `update app_user
          set failed_login_count = case when failed_login_count + 1 >= $2 then 0 else failed_login_count + 1 end,
              locked_until = case when failed_login_count + 1 >= $2 then now() + ($3 * interval '1 millisecond') else locked_until end
        where id = $1
        returning failed_login_count, locked_until`,
      [user.id, LOCKOUT_POLICY.maxFailedAttempts, LOCKOUT_POLICY.lockMs],
    );
    if (updated?.locked_until && updated.failed_login_count === 0) {
      await this.audit.record({
        actor: null,
        organisationId: user.organisation_id,
        action: 'account.locked',
        entityType: 'account',
        entityId: user.id,
        after: {
          email: user.email,
          lockedUntil: new Date(updated.locked_until).toISOString(),
          failedAttempts: LOCKOUT_POLICY.maxFailedAttempts,
          ip: client.ip ?? null,
        },
      });
    }
  }
}
