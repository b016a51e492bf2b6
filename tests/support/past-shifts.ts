/* Shifts that already happened, made straight in the database (the API only publishes shifts to come),
 * with the given members confirmed on them: for attendance, points and continuity tests. */
import type { DataSource } from 'typeorm';

export interface PastShiftOptions {
  startsAt: string;
  endsAt: string;
  memberIds: string[];
  peak?: string | null;
  breakMinutes?: number;
  skill?: string;
}

export async function createPastShift(dataSource: DataSource, options: PastShiftOptions): Promise<string> {
  const [{ id }]: { id: string }[] = await dataSource.query(
    `insert into pool_shift (organisation_id, queue_id, starts_at, ends_at, break_minutes, places, confirmed_count,
                             sign_up_opens_at, sign_up_closes_at, withdrawal_cutoff_at, allocation, peak)
     select o.id, q.id, $1::timestamptz, $2::timestamptz, $3, greatest($4::int, 1), $4::int,
            $1::timestamptz - interval '30 days', $1::timestamptz - interval '1 day', $1::timestamptz - interval '2 days',
            'first-come', $5
       from organisation o join queue q on q.organisation_id = o.id and q.name = $6
      order by o.created_at limit 1
     returning id`,
    [
      options.startsAt,
      options.endsAt,
      options.breakMinutes ?? 0,
      options.memberIds.length,
      options.peak ?? null,
      options.skill ?? 'phone',
    ],
  );
  await dataSource.query(
    `insert into pool_sign_up (shift_id, user_id, status) select $1, unnest($2::uuid[]), 'confirmed'`,
    [id, options.memberIds],
  );
  return id;
}
