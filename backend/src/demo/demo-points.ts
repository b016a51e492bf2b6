import type { IsoDate } from '@peakplan/forecasting';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';

import { DEFAULT_WEIGHTS, hardnessShares, shiftPoints, type ShiftBasis } from '../pool/points/points-formula';
import { DEMO_POOL_SIZE } from './demo-accounts';
import { queryRows } from '../database/query-rows';

/** The demo's rewards catalogue: name, points price, stock. */
const DEMO_REWARDS: [string, number, number][] = [
  ['PeakPlan mug', 60, 50],
  ['Cinema tickets for two', 150, 30],
  ['Gift voucher €25', 250, 20],
  ['Team activity: escape room', 600, 3],
];

/** Shift times of the demo's last Christmas: morning, afternoon, evening (local). */
const SLOTS = [
  ['09:00', '13:00'],
  ['13:00', '17:00'],
  ['18:00', '22:00'],
] as const;

/**
 * Points history for one member in three (deterministic by member number): one to three shifts of the
 * last Christmas peak (20–24 December), worked and computed by the points formula with the default
 * weights, a quality line each, and for every fifth of them a planner's grant. Plus the catalogue.
 * Lines only (no shift rows): cheap, a few hundred rows in the loader's transaction.
 */
export async function insertDemoPoints(
  manager: EntityManager,
  organisationId: string,
  today: IsoDate,
  timeZone: string,
): Promise<void> {
  await manager.query(
    `insert into pool_reward (organisation_id, name, price, stock) select $1, * from unnest($2::text[], $3::int[], $4::int[])`,
    [
      organisationId,
      DEMO_REWARDS.map((reward) => reward[0]),
      DEMO_REWARDS.map((reward) => reward[1]),
      DEMO_REWARDS.map((reward) => reward[2]),
    ],
  );
  const year = today.slice(5) > '12-24' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  const peak = `Christmas ${year}`;
  const users = await queryRows<{ id: string; email: string }>(
    manager,
    `select id, email from app_user where organisation_id = $1 and email like 'member%@peakplan.test'`,
    [organisationId],
  );
  const ids = new Map(users.map((user) => [user.email, user.id]));
  const lines: {
    userId: string;
    kind: string;
    points: number;
    reason: string;
    at: string;
    basis: string | null;
  }[] = [];
  for (let index = 3; index <= DEMO_POOL_SIZE; index += 3) {
    if (index % 10 === 0) continue; // still waiting for approval
    const userId = ids.get(`member${String(index).padStart(3, '0')}@peakplan.test`);
    if (!userId) continue;
    const shifts = 1 + ((index / 3) % 3);
    for (let shift = 0; shift < shifts; shift++) {
      const day = `${year}-12-${20 + ((index + shift * 2) % 5)}`;
      const [from, to] = SLOTS[(index + shift) % SLOTS.length];
      const startsAt = DateTime.fromISO(`${day}T${from}`, { zone: timeZone });
      const endsAt = DateTime.fromISO(`${day}T${to}`, { zone: timeZone });
      const basis: ShiftBasis = {
        worked: true,
        paidHours: 4,
        criticality: 0.5 + (index % 5) / 10,
        ...hardnessShares(
          startsAt.toMillis(),
          endsAt.toMillis(),
          timeZone,
          new Set([`${year}-12-24`, `${year}-12-25`]),
        ),
        trainingCurrent: index % 12 !== 5,
        reliable: true,
        rating: index % 4 === 0 ? 4 : null,
      };
      const points = shiftPoints(basis, DEFAULT_WEIGHTS);
      const when = `phone on ${startsAt.toFormat('ccc d LLL HH:mm')}–${to}`;
      lines.push(
        {
          userId,
          kind: 'shift',
          points: points.shift,
          reason: `Worked ${when}`,
          at: endsAt.toISO()!,
          basis: JSON.stringify(basis),
        },
        {
          userId,
          kind: 'quality',
          points: points.quality,
          reason: `Quality, ${when}`,
          at: endsAt.toISO()!,
          basis: JSON.stringify(basis),
        },
      );
    }
    if (index % 15 === 0)
      lines.push({
        userId,
        kind: 'grant',
        points: 25,
        reason: 'Granted by the planner: year-end push, an extra evening at short notice',
        at: DateTime.fromISO(`${year}-12-31T12:00`, { zone: timeZone }).toISO()!,
        basis: null,
      });
  }
  await manager.query(
    `insert into pool_point_line (organisation_id, user_id, kind, points, reason, peak, at, basis, source_key)
     select $1, u, k, p, r, $2, a, b::jsonb, 'demo:' || $2 || ':' || n
       from unnest($3::uuid[], $4::text[], $5::int[], $6::text[], $7::timestamptz[], $8::text[]) with ordinality as x(u, k, p, r, a, b, n)`,
    [
      organisationId,
      peak,
      lines.map((line) => line.userId),
      lines.map((line) => line.kind),
      lines.map((line) => line.points),
      lines.map((line) => line.reason),
      lines.map((line) => line.at),
      lines.map((line) => line.basis),
    ],
  );
}
