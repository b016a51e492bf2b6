import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';

import type { AllocationPin } from '@peakplan/contracts';
import {
  placeValues,
  type RosterCandidate,
  type RosterInput,
  type RosterInterval,
  type RosterLimit,
  type RosterPreference,
} from '@peakplan/forecasting';

import type { ScenariosService } from '../../scenarios/scenarios.service';
import { PoolRuleRefusal } from '../pool-refusal';
import { SHIFT_COLUMNS, type PoolShiftRow } from '../pool-shift.row';
import { inZone, paidHours } from '../pool-time';
import { checkMemberRules, effectiveCap, MINIMUM_REST_HOURS } from '../sign-up-rules';
import { hardHours } from './hard-hours';

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

interface MemberLimitRow {
  id: string;
  department_id: string | null;
  max_hours_per_week: number | null;
  max_hours_per_peak: number | null;
}

interface BookedRow {
  user_id: string;
  department_id: string | null;
  starts_at: Date;
  ends_at: Date;
  break_minutes: number;
  peak: string | null;
}

/**
 * Recognition points per member: the allocation's last tie-breaker. There is no points table yet, so
 * everyone has 0 and ties fall to the stable order (shifts by start then id, members by id); the
 * recognition-points feature replaces this function's body.
 */
export async function recognitionPointsHook(memberIds: readonly string[]): Promise<number[]> {
  return memberIds.map(() => 0);
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
  const shifts: PoolShiftRow[] = await dataSource.query(
    `select ${SHIFT_COLUMNS} from pool_shift s join queue q on q.id = s.queue_id
      where s.id = any($1) and s.organisation_id = $2 and s.allocation = 'preference'
        and s.cancelled_at is null and s.starts_at > $3
      order by s.starts_at, s.id`,
    [shiftIds, organisationId, now],
  );
  const shiftIndex = new Map(shifts.map((shift, s) => [shift.id, s]));
  const marks: MarkRow[] = await dataSource.query(
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

  const members: MemberLimitRow[] = await dataSource.query(
    `select u.id, u.department_id, pm.max_hours_per_week, pm.max_hours_per_peak
       from app_user u left join pool_member pm on pm.user_id = u.id where u.id = any($1)`,
    [memberIds],
  );
  const memberRow = new Map(members.map((row) => [row.id, row]));
  const points = await recognitionPointsHook(memberIds);
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

/** Confirmed shifts (of members or departments), for the hours and caps they leave. */
async function bookedOf(dataSource: DataSource, where: string, params: unknown[]): Promise<BookedRow[]> {
  return dataSource.query(
    `select su.user_id, u.department_id, s.starts_at, s.ends_at, s.break_minutes, s.peak
       from pool_sign_up su join pool_shift s on s.id = su.shift_id join app_user u on u.id = su.user_id
      where su.status = 'confirmed' and s.cancelled_at is null and ${where}`,
    params,
  );
}

/** Weekly and per-peak hours: what the member's confirmed shifts leave of their maximum. */
async function hourLimits(
  dataSource: DataSource,
  shifts: readonly PoolShiftRow[],
  memberIds: readonly string[],
  memberRow: ReadonlyMap<string, MemberLimitRow>,
  candidates: readonly RosterCandidate[],
  timeZone: string,
): Promise<RosterLimit[]> {
  const booked = await bookedOf(dataSource, 'su.user_id = any($1)', [memberIds]);
  const week = (at: Date) => inZone(timeZone, at).toFormat("kkkk-'W'WW");
  const limits: RosterLimit[] = [];
  memberIds.forEach((memberId, m) => {
    const row = memberRow.get(memberId);
    const mine = candidates.flatMap((candidate, p) =>
      candidate.member === m && candidate.pin !== 'out' ? [p] : [],
    );
    const hoursOf = (p: number) => {
      const shift = shifts[candidates[p].shift];
      return paidHours(shift.starts_at, shift.ends_at, shift.break_minutes);
    };
    const bookedHours = (keep: (other: BookedRow) => boolean) =>
      booked
        .filter((other) => other.user_id === memberId && keep(other))
        .reduce((sum, other) => sum + paidHours(other.starts_at, other.ends_at, other.break_minutes), 0);
    const add = (group: number[], max: number, reason: string) => {
      if (group.reduce((sum, p) => sum + hoursOf(p), 0) > max + 1e-9)
        limits.push({ candidates: group, coefficients: group.map(hoursOf), max, reason });
    };
    if (row?.max_hours_per_week != null) {
      const weeks = [...new Set(mine.map((p) => week(shifts[candidates[p].shift].starts_at)))];
      for (const label of weeks) {
        const group = mine.filter((p) => week(shifts[candidates[p].shift].starts_at) === label);
        const left = row.max_hours_per_week - bookedHours((other) => week(other.starts_at) === label);
        add(
          group,
          left,
          `It would bring you over your maximum of ${row.max_hours_per_week} hours in week ${label.slice(-2)}.`,
        );
      }
    }
    if (row?.max_hours_per_peak != null) {
      const peaks = [
        ...new Set(mine.map((p) => shifts[candidates[p].shift].peak).filter((peak) => peak !== null)),
      ];
      for (const peak of peaks) {
        const group = mine.filter((p) => shifts[candidates[p].shift].peak === peak);
        const left = row.max_hours_per_peak - bookedHours((other) => other.peak === peak);
        add(
          group,
          left,
          `It would bring you over your maximum of ${row.max_hours_per_peak} hours in ${peak}.`,
        );
      }
    }
  });
  return limits;
}

/**
 * Department caps: at each start of a shift of the roster, the department's people in the pool then
 * (confirmed already) plus those the roster gives a shift covering that moment stay within the cap.
 * The count only rises at a start, so the roster's starts are the moments to check.
 */
async function departmentCapLimits(
  dataSource: DataSource,
  shifts: readonly PoolShiftRow[],
  memberIds: readonly string[],
  memberRow: ReadonlyMap<string, MemberLimitRow>,
  candidates: readonly RosterCandidate[],
): Promise<RosterLimit[]> {
  const departments = [
    ...new Set(memberIds.map((id) => memberRow.get(id)?.department_id ?? null).filter((id) => id !== null)),
  ].sort();
  if (departments.length === 0) return [];
  const caps: {
    department_id: string;
    max_people: number | null;
    max_share: number | null;
    people: number;
  }[] = await dataSource.query(
    `select c.department_id, c.max_people, c.max_share,
              (select count(*)::int from app_user u where u.department_id = c.department_id and u.active) as people
         from department_pool_cap c where c.department_id = any($1)`,
    [departments],
  );
  const booked = await bookedOf(dataSource, 'u.department_id = any($1)', [departments]);
  const limits: RosterLimit[] = [];
  for (const cap of caps.sort((a, b) => (a.department_id < b.department_id ? -1 : 1))) {
    const limit = effectiveCap(cap.max_people, cap.max_share, cap.people);
    if (limit === null) continue;
    const ofDepartment = candidates.flatMap((candidate, p) =>
      candidate.pin !== 'out' &&
      memberRow.get(memberIds[candidate.member])?.department_id === cap.department_id
        ? [p]
        : [],
    );
    const moments = [
      ...new Set(ofDepartment.map((p) => shifts[candidates[p].shift].starts_at.getTime())),
    ].sort((a, b) => a - b);
    for (const moment of moments) {
      const covering = ofDepartment.filter((p) => {
        const shift = shifts[candidates[p].shift];
        return shift.starts_at.getTime() <= moment && moment < shift.ends_at.getTime();
      });
      const away = booked.filter(
        (other) =>
          other.department_id === cap.department_id &&
          other.starts_at.getTime() <= moment &&
          moment < other.ends_at.getTime(),
      ).length;
      if (covering.length > limit - away)
        limits.push({
          candidates: covering,
          max: limit - away,
          reason: `Your department would have more than its most of ${limit} people in the pool during this shift.`,
        });
    }
  }
  return limits;
}

/**
 * The plan intervals the shifts cover, each with what its 1st, 2nd, … pool person is worth: the
 * service level they buy (the plan scenario's Erlang C or A per added agent, see `placeValues`), or for
 * a deferred queue an equal share of the interval's gap. Shifts not published from a plan cover none.
 */
async function coverIntervals(
  dataSource: DataSource,
  scenarios: ScenariosService,
  shifts: readonly PoolShiftRow[],
): Promise<{ intervals: RosterInterval[]; covered: number[][] }> {
  const intervals: RosterInterval[] = [];
  const covered = shifts.map(() => [] as number[]);
  const planIds = [
    ...new Set(shifts.map((shift) => shift.staffing_plan_id).filter((id) => id !== null)),
  ].sort();
  for (const planId of planIds) {
    const [plan]: { scenario_id: string }[] = await dataSource.query(
      `select scenario_id from staffing_plan where id = $1`,
      [planId],
    );
    if (!plan) continue;
    const result = await scenarios.result(plan.scenario_id, true, true);
    const planShifts = shifts
      .map((shift, s) => ({ shift, s }))
      .filter(({ shift }) => shift.staffing_plan_id === planId);
    for (const slot of result.intervals ?? []) {
      if (slot.poolGap <= 0) continue;
      const at = DateTime.fromISO(slot.start, { setZone: true }).toMillis();
      const covering = planShifts.filter(
        ({ shift }) =>
          shift.skill === slot.queue && shift.starts_at.getTime() <= at && at < shift.ends_at.getTime(),
      );
      if (covering.length === 0) continue;
      const levels =
        slot.serviceLevelSteps ?? Array.from({ length: slot.poolGap + 1 }, (_, k) => k / slot.poolGap);
      const index = intervals.push({ placeValues: placeValues(levels) }) - 1;
      for (const { s } of covering) covered[s].push(index);
    }
  }
  return { intervals, covered };
}

/** Local dates that a forecast of the organisation marks with an event. */
async function eventDaysOf(
  dataSource: DataSource,
  organisationId: string,
  shifts: readonly PoolShiftRow[],
  timeZone: string,
): Promise<Set<string>> {
  if (shifts.length === 0) return new Set();
  const from = inZone(timeZone, shifts[0].starts_at).toISODate();
  const to = inZone(timeZone, shifts[shifts.length - 1].ends_at).toISODate();
  const rows: { date: string }[] = await dataSource.query(
    `select distinct to_char(d.date, 'YYYY-MM-DD') as date
       from forecast_run_day d join forecast_run r on r.id = d.run_id join queue q on q.id = r.queue_id
      where q.organisation_id = $1 and cardinality(d.events) > 0 and d.date between $2 and $3`,
    [organisationId, from, to],
  );
  return new Set(rows.map((row) => row.date));
}
