import { addDays, type IsoDate } from '@peakplan/forecasting';
import type { EntityManager } from 'typeorm';

import type { WeeklyAvailability } from '@peakplan/contracts';

import { DEMO_POOL_SIZE } from './demo-accounts';
import { queryRows } from '../database/query-rows';

export interface DemoPoolMembership {
  email: string;
  approval: 'pending' | 'approved';
  skills: { skill: string; trainedOn: IsoDate; expiresOn: IsoDate }[];
  weeklyAvailability: WeeklyAvailability[];
  datesOff: IsoDate[];
  maxHoursPerWeek: number | null;
  maxHoursPerPeak: number | null;
}

const WEEKDAYS = [1, 2, 3, 4, 5];
/** Five availability patterns, so the open-shift lists differ from member to member. */
const PATTERNS: WeeklyAvailability[][] = [
  [],
  WEEKDAYS.map((weekday) => ({ weekday, from: '08:00', to: '18:00' })),
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '16:00', to: '22:00' })),
  [3, 6, 7].map((weekday) => ({ weekday, from: '08:00', to: '22:00' })),
  [1, 2, 4].map((weekday) => ({ weekday, from: '09:00', to: '17:00' })),
];

/**
 * The demo pool, deterministic per member number: one in ten waits for approval (every fortieth is
 * in the demo manager's Marketing department), eleven in twelve are trained for phone, two in three
 * for chat, half for email; five have an expired phone training; availability, hours caps and dates
 * off vary.
 */
export function demoPoolMemberships(today: IsoDate): DemoPoolMembership[] {
  const memberships: DemoPoolMembership[] = [];
  for (let index = 1; index <= DEMO_POOL_SIZE; index++) {
    const trainedOn = addDays(today, -(30 + ((index * 37) % 300)));
    const expiresOn = addDays(trainedOn, 730);
    const skills: DemoPoolMembership['skills'] = [];
    if (index % 12 !== 5)
      skills.push({
        skill: 'phone',
        trainedOn,
        expiresOn: index % 40 === 3 ? addDays(today, -(10 + (index % 50))) : expiresOn,
      });
    if (index % 3 !== 0) skills.push({ skill: 'chat', trainedOn, expiresOn });
    if (index % 2 === 0) skills.push({ skill: 'email', trainedOn, expiresOn });
    memberships.push({
      email: `member${String(index).padStart(3, '0')}@peakplan.test`,
      approval: index % 10 === 0 ? 'pending' : 'approved',
      skills,
      weeklyAvailability: PATTERNS[index % PATTERNS.length],
      datesOff: index % 7 === 0 ? [addDays(today, 7 + (index % 30))] : [],
      maxHoursPerWeek: index % 4 === 0 ? 16 : index % 4 === 1 ? 24 : null,
      maxHoursPerPeak: index % 6 === 0 ? 40 : null,
    });
  }
  return memberships;
}

/** Writes the demo pool in the demo loader's transaction (accounts and queues exist already). */
export async function insertDemoPool(
  manager: EntityManager,
  organisationId: string,
  queueIds: Map<string, string>,
  today: IsoDate,
): Promise<void> {
  const memberships = demoPoolMemberships(today);
  const users = await queryRows<{ id: string; email: string }>(
    manager,
    `select id, email from app_user where organisation_id = $1 and email = any($2)`,
    [organisationId, memberships.map((membership) => membership.email)],
  );
  const ids = new Map(users.map((user) => [user.email, user.id]));
  const memberIds = memberships.map((membership) => ids.get(membership.email)!);
  await manager.query(
    `insert into pool_member (user_id, organisation_id, weekly_availability, max_hours_per_week, max_hours_per_peak)
     select user_id, $1, availability, week, peak
       from unnest($2::uuid[], $3::jsonb[], $4::float8[], $5::float8[]) as x(user_id, availability, week, peak)`,
    [
      organisationId,
      memberIds,
      memberships.map((membership) => JSON.stringify(membership.weeklyAvailability)),
      memberships.map((membership) => membership.maxHoursPerWeek),
      memberships.map((membership) => membership.maxHoursPerPeak),
    ],
  );
  await manager.query(
    `update app_user set pool_approval = 'approved', pool_approval_at = now() where id = any($1::uuid[])`,
    [memberIds.filter((_, index) => memberships[index].approval === 'approved')],
  );
  const skills = memberships.flatMap((membership, index) =>
    membership.skills.map((skill) => ({ userId: memberIds[index], ...skill })),
  );
  await manager.query(
    `insert into pool_member_skill (user_id, queue_id, trained_on, training_expires_on)
     select * from unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[])`,
    [
      skills.map((skill) => skill.userId),
      skills.map((skill) => queueIds.get(skill.skill)),
      skills.map((skill) => skill.trainedOn),
      skills.map((skill) => skill.expiresOn),
    ],
  );
  const datesOff = memberships.flatMap((membership, index) =>
    membership.datesOff.map((day) => ({ userId: memberIds[index], day })),
  );
  await manager.query(
    `insert into pool_member_date_off (user_id, day) select * from unnest($1::uuid[], $2::date[])`,
    [datesOff.map((dayOff) => dayOff.userId), datesOff.map((dayOff) => dayOff.day)],
  );
}
