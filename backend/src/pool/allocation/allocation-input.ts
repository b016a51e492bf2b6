import type { DataSource } from 'typeorm';

import type { AllocationPin } from '@peakplan/contracts';
import type { RosterCandidate, RosterInput, RosterPreference } from '@peakplan/forecasting';

import type { ScenariosService } from '../../scenarios/scenarios.service';
import { EARNED_KINDS } from '../points/points-ledger';
import { PoolRuleRefusal } from '../pool-refusal';
import { SHIFT_COLUMNS, type PoolShiftRow } from '../pool-shift.row';
import { paidHours } from '../pool-time';
import { checkMemberRules, MINIMUM_REST_HOURS } from '../sign-up-rules';
import { coverIntervals, eventDaysOf } from './allocation-cover';
import { departmentCapLimits, hourLimits, type MemberLimitRow } from './allocation-limits';
import { hardHours } from './hard-hours';
import { queryRows } from '../../database/query-rows';

/** A filled place is worth this much cover per paid hour beyond the service level it buys. */
export const NOMINAL_PLACE_HOUR_VALUE = 0.001;

/** A want or can that a sign-up rule already rules out, with the rule's sentence. */
export interface StaticRefusal {
  memberId: string;
  shiftId: string;
  preference: RosterPreference;
  pin: 'in' | 'out' | null;
  reason: string;
}

/** The roster's input and what its indices stand for. */
export interface AllocationInput {
  input: RosterInput;
  shifts: PoolShiftRow[];
  memberIds: string[];
  refusals: StaticRefusal[];
}

interface MarkRow {
  shift_id: string;
  user_id: string;
  preference: 'want' | 'can';
  preference_rank: number | null;
}

/**
 * Recognition points per member, the allocation's last tie-breaker: points earned (shifts, quality,
 * grants, continuity; not moved by redeeming) in the year before the roster's first shift, so recent
 * effort counts. Ties left fall to the stable order (shifts by start then id, members by id).
 */
export async function recognitionPoints(
  dataSource: DataSource,
  memberIds: readonly string[],
  before: Date,
): Promise<number[]> {
  const rows = await queryRows<{ user_id: string; points: number }>(
    dataSource,
    `select user_id, sum(points)::int as points from pool_point_line
      where user_id = any($1::uuid[]) and kind = any($2::text[])
        and at < $3 and at >= $3::timestamptz - interval '1 year'
      group by user_id`,
    [memberIds, EARNED_KINDS, before],
  );
  const byMember = new Map(rows.map((row) => [row.user_id, row.points]));
  return memberIds.map((id) => byMember.get(id) ?? 0);
}

/**
 * Reads everything the roster needs, in a stable order. The rules that depend on one member and one
 * shift alone (membership, approval, training, days off, availability, rest and hours beside the
 * member's confirmed shifts, their department's cap as it stands) are checked pair by pair with the
 * sign-up rules themselves; the rules between the roster's own shifts become rows of the program:
 * places, rest and overlap, weekly and peak hours left, department caps left at each moment.
 */
export async function loadAllocationInput(
  dataSource: DataSource,
  scenarios: ScenariosService,
  organisationId: string,
  shiftIds: readonly string[],
  pins: readonly AllocationPin[],
  timeZone: string,
  now: Date,
): Promise<AllocationInput> {
  const shifts = await queryRows<PoolShiftRow>(
    dataSource,
    `select ${SHIFT_COLUMNS} from pool_shift s join queue q on q.id = s.queue_id
      where s.id = any($1) and s.organisation_id = $2 and s.allocation = 'preference'
        and s.cancelled_at is null and s.starts_at > $3
      order by s.starts_at, s.id`,
    [shiftIds, organisationId, now],
  );
  const shiftIndex = new Map(shifts.map((shift, s) => [shift.id, s]));
  const marks = await queryRows<MarkRow>(
    dataSource,
    `select shift_id, user_id, preference, preference_rank from pool_sign_up
      where shift_id = any($1) and status = 'requested'`,
    [shifts.map((shift) => shift.id)],
  );
  const pairs = new Map<
    string,
    {
      memberId: string;
      shift: number;
      preference: RosterPreference;
      rank: number | null;
      pin: 'in' | 'out' | null;
    }
  >();
  for (const mark of marks)
    pairs.set(`${mark.user_id}|${mark.shift_id}`, {
      memberId: mark.user_id,
      shift: shiftIndex.get(mark.shift_id)!,
      preference: mark.preference ?? 'want',
      rank: mark.preference === 'want' ? mark.preference_rank : null,
      pin: null,
    });
  for (const pin of pins) {
    const s = shiftIndex.get(pin.shiftId);
    if (s === undefined) continue;
    const key = `${pin.memberId}|${pin.shiftId}`;
    const pair = pairs.get(key) ?? {
      memberId: pin.memberId,
      shift: s,
      preference: 'none' as const,
      rank: null,
      pin: null,
    };
    pair.pin = pin.pin;
    pairs.set(key, pair);
  }
  const memberIds = [...new Set([...pairs.values()].map((pair) => pair.memberId))].sort();
  const memberIndex = new Map(memberIds.map((id, m) => [id, m]));
  const ordered = [...pairs.values()].sort(
    (a, b) => memberIndex.get(a.memberId)! - memberIndex.get(b.memberId)! || a.shift - b.shift,
  );

  // Pair by pair, the sign-up rules as they stand (one short transaction per member).
  const refusals: StaticRefusal[] = [];
  const candidates: RosterCandidate[] = [];
  for (const memberId of memberIds) {
    const mine = ordered.filter((pair) => pair.memberId === memberId);
    await dataSource.transaction(async (manager) => {
      for (const pair of mine) {
        if (pair.pin === 'out') {
          candidates.push({
            member: memberIndex.get(memberId)!,
            shift: pair.shift,
            preference: pair.preference,
            rank: pair.rank,
            pin: 'out',
          });
          continue;
        }
        try {
          await checkMemberRules(manager, shifts[pair.shift], memberId, { timeZone, now, promotion: true });
          candidates.push({
            member: memberIndex.get(memberId)!,
            shift: pair.shift,
            preference: pair.preference,
            rank: pair.rank,
            pin: pair.pin,
          });
        } catch (error) {
          if (!(error instanceof PoolRuleRefusal)) throw error;
          const reason = (error.getResponse() as { message: string }).message;
          refusals.push({
            memberId,
            shiftId: shifts[pair.shift].id,
            preference: pair.preference,
            pin: pair.pin,
            reason,
          });
        }
      }
    });
  }

  const members = await queryRows<MemberLimitRow>(
    dataSource,
    `select u.id, u.department_id, pm.max_hours_per_week, pm.max_hours_per_peak
       from app_user u left join pool_member pm on pm.user_id = u.id where u.id = any($1)`,
    [memberIds],
  );
  const memberRow = new Map(members.map((row) => [row.id, row]));
  const points = await recognitionPoints(dataSource, memberIds, shifts[0]?.starts_at ?? new Date());
  const limits = [
    ...(await hourLimits(dataSource, shifts, memberIds, memberRow, candidates, timeZone)),
    ...(await departmentCapLimits(dataSource, shifts, memberIds, memberRow, candidates)),
  ];
  const { intervals, covered } = await coverIntervals(dataSource, scenarios, shifts);
  const eventDays = await eventDaysOf(dataSource, organisationId, shifts, timeZone);
  const origin = shifts[0]?.starts_at.getTime() ?? 0;
  return {
    shifts,
    memberIds,
    refusals,
    input: {
      shifts: shifts.map((shift, s) => ({
        id: shift.id,
        places: Math.max(0, shift.places - shift.confirmed_count),
        start: (shift.starts_at.getTime() - origin) / 60_000,
        end: (shift.ends_at.getTime() - origin) / 60_000,
        hardHours: hardHours(timeZone, shift.starts_at, shift.ends_at, shift.break_minutes, eventDays),
        intervals: covered[s],
        nominalValue:
          NOMINAL_PLACE_HOUR_VALUE * paidHours(shift.starts_at, shift.ends_at, shift.break_minutes),
      })),
      intervals,
      members: memberIds.map((id, m) => ({
        id,
        department: memberRow.get(id)?.department_id ?? null,
        points: points[m],
      })),
      candidates,
      limits,
      restMinutes: MINIMUM_REST_HOURS * 60,
    },
  };
}
