/* Pool fixtures for API tests: members made straight in the database (hundreds at once, no argon2),
 * a fresh department per batch so department caps of other tests never apply, and shifts through the API. */
import { DateTime } from 'luxon';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import type { CreatePoolShiftRequest, PoolShiftDto, WeeklyAvailability } from '@peakplan/contracts';

/** What the fixtures need of a running service: its URL, its database, and a way to sign a person in. */
export interface PoolTarget {
  url: string;
  dataSource: DataSource;
  headersFor(email: string): Promise<Record<string, string>>;
}

export interface PoolMemberFixture {
  id: string;
  email: string;
  headers: Record<string, string>;
}

export interface PoolMembersOptions {
  prefix: string;
  count: number;
  /** Department name (created when missing); default one named after the prefix. */
  department?: string;
  approval?: 'approved' | 'pending' | 'refused';
  /** Skills with training dates; default phone trained long ago, never expiring. */
  skills?: { skill: string; trainedOn: string | null; expiresOn: string | null }[];
  weeklyAvailability?: WeeklyAvailability[];
  maxHoursPerWeek?: number | null;
  maxHoursPerPeak?: number | null;
  /** Sign each member in (a session made directly, not through argon2). */
  signIn?: boolean;
}

export async function createPoolMembers(
  service: PoolTarget,
  options: PoolMembersOptions,
): Promise<PoolMemberFixture[]> {
  const db = service.dataSource;
  const [{ id: organisationId }] = await db.query(`select id from organisation order by created_at limit 1`);
  const departmentName = options.department ?? `Dept ${options.prefix}`;
  await db.query(
    `insert into department (organisation_id, name) select $1, $2
      where not exists (select 1 from department where organisation_id = $1 and name = $2)`,
    [organisationId, departmentName],
  );
  const [{ id: departmentId }] = await db.query(
    `select id from department where organisation_id = $1 and name = $2`,
    [organisationId, departmentName],
  );
  const emails = Array.from(
    { length: options.count },
    (_, index) => `${options.prefix}-${String(index + 1).padStart(4, '0')}@peakplan.test`,
  );
  const users: { id: string; email: string }[] = await db.query(
    `insert into app_user (organisation_id, email, name, roles, department_id, pool_approval)
     select $1, e, 'Member ' || e, '{pool-member}', $2, $3 from unnest($4::text[]) with ordinality as x(e, n) order by n
     returning id, email`,
    [organisationId, departmentId, options.approval ?? 'approved', emails],
  );
  users.sort((a, b) => a.email.localeCompare(b.email));
  const ids = users.map((user) => user.id);
  await db.query(
    `insert into pool_member (user_id, organisation_id, weekly_availability, max_hours_per_week, max_hours_per_peak)
     select u, $1, $3::jsonb, $4, $5 from unnest($2::uuid[]) as u`,
    [
      organisationId,
      ids,
      JSON.stringify(options.weeklyAvailability ?? []),
      options.maxHoursPerWeek ?? null,
      options.maxHoursPerPeak ?? null,
    ],
  );
  for (const skill of options.skills ?? [{ skill: 'phone', trainedOn: '2020-01-01', expiresOn: null }])
    await db.query(
      `insert into pool_member_skill (user_id, queue_id, trained_on, training_expires_on)
       select u, (select id from queue where organisation_id = $2 and name = $3), $4, $5 from unnest($1::uuid[]) as u`,
      [ids, organisationId, skill.skill, skill.trainedOn, skill.expiresOn],
    );
  const members: PoolMemberFixture[] = [];
  for (const user of users)
    members.push({
      id: user.id,
      email: user.email,
      headers: options.signIn === false ? {} : await service.headersFor(user.email),
    });
  return members;
}

/** A local date `days` from today in Amsterdam (the demo organisation's zone). */
export function localDateIn(days: number, zone = 'Europe/Amsterdam'): string {
  return DateTime.now().setZone(zone).plus({ days }).toISODate()!;
}

export async function createShift(
  service: Pick<PoolTarget, 'url'>,
  planner: Record<string, string>,
  body: Partial<CreatePoolShiftRequest> = {},
): Promise<PoolShiftDto> {
  const response = await request(service.url)
    .post('/api/pool/shifts')
    .set(planner)
    .send({ date: localDateIn(10), start: '09:00', end: '13:00', skill: 'phone', places: 2, ...body });
  if (response.status !== 201)
    throw new Error(`creating a shift failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as PoolShiftDto;
}
