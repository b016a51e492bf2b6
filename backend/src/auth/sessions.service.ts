import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { Role } from '@peakplan/contracts';

import type { SessionUser } from './access.decorators';
import { SESSION_POLICY } from './session-policy';
import { SESSION_SECRET } from './session-secret';
import { newSessionToken, sessionTokenHash } from './session-tokens';
import { queryOne } from '../database/query-rows';

export interface StartedSession {
  token: string;
  expiresAt: Date;
}

/** An account as `select u.id, u.email, u.name, u.roles, u.organisation_id, u.department_id, d.name as department` reads it. */
export interface SessionUserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisation_id: string;
  department_id: string | null;
  department: string | null;
}

interface SessionRow extends SessionUserRow {
  session_id: string;
  last_seen_at: Date;
}

/** The signed-in person of a session, from their account row. */
export function toSessionUser(row: SessionUserRow): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    organisationId: row.organisation_id,
    departmentId: row.department_id,
    department: row.department,
  };
}

/**
 * Server-side sessions. However a person proved who they are (password today, OpenID Connect later),
 * a session is started here; the guard only ever resolves sessions, so it never changes with the
 * sign-in method. Only an HMAC of each token is stored: a copy of the table signs nobody in.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SESSION_SECRET) private readonly secret: string,
  ) {}

  async start(userId: string, client: { ip?: string; userAgent?: string } = {}): Promise<StartedSession> {
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + SESSION_POLICY.absoluteLifetimeMs);
    await this.dataSource.query(
      `insert into user_session (user_id, token_hash, expires_at, ip, user_agent) values ($1, $2, $3, $4, $5)`,
      [
        userId,
        sessionTokenHash(this.secret, token),
        expiresAt,
        client.ip ?? null,
        client.userAgent?.slice(0, 300) ?? null,
      ],
    );
    return { token, expiresAt };
  }

  /** The person behind a live session of an active account, or null (unknown, expired, idle, deactivated). */
  async resolve(token: string): Promise<SessionUser | null> {
    if (!token || token.length > 200) return null;
    const idleSince = new Date(Date.now() - SESSION_POLICY.idleTimeoutMs);
    const row = await queryOne<SessionRow>(
      this.dataSource,
      `select s.id as session_id, s.last_seen_at, u.id, u.email, u.name, u.roles, u.organisation_id,
              u.department_id, d.name as department
         from user_session s
         join app_user u on u.id = s.user_id
         left join department d on d.id = u.department_id
        where s.token_hash = $1 and s.expires_at > now() and s.last_seen_at > $2 and u.active`,
      [sessionTokenHash(this.secret, token), idleSince],
    );
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > SESSION_POLICY.touchIntervalMs) {
      await this.dataSource.query(`update user_session set last_seen_at = now() where id = $1`, [
        row.session_id,
      ]);
    }
    return toSessionUser(row);
  }

  async end(token: string): Promise<void> {
    await this.dataSource.query(`delete from user_session where token_hash = $1`, [
      sessionTokenHash(this.secret, token),
    ]);
  }

  /** Ends every session of a person (deactivation, password reset), optionally keeping the current one. */
  async endAllFor(userId: string, exceptToken?: string): Promise<void> {
    await this.dataSource.query(`delete from user_session where user_id = $1 and token_hash <> $2`, [
      userId,
      exceptToken ? sessionTokenHash(this.secret, exceptToken) : '',
    ]);
  }

  /** Removes expired and idle sessions; cheap enough to run on each sign-in. */
  async sweep(): Promise<void> {
    await this.dataSource.query(`delete from user_session where expires_at <= now() or last_seen_at <= $1`, [
      new Date(Date.now() - SESSION_POLICY.idleTimeoutMs),
    ]);
  }
}
