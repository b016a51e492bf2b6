/* The sign-up storm of issue 12, over real HTTP: many pool members sign up for one shift at the same
 * moment, then some confirmed withdraw while others sign up, all at once. Shared by the API test (which
 * checks the outcome) and the bench (which reports latency and throughput). */
import type { ShiftSignUpDto, SignUpResponse, WithdrawResponse } from '@peakplan/contracts';

import {
  createPoolMembers,
  createShift,
  localDateIn,
  type PoolMemberFixture,
  type PoolTarget,
} from './pool-fixtures';

export interface StormCall<T> {
  member: PoolMemberFixture;
  status: number;
  body: T;
  ms: number;
}

export interface StormRound<T> {
  calls: StormCall<T>[];
  wallMs: number;
}

/** Fires every call at once (no await between starts) and times each from its start to its answer. */
async function allAtOnce<T>(
  members: PoolMemberFixture[],
  call: (member: PoolMemberFixture) => Promise<Response>,
): Promise<StormRound<T>> {
  const started = performance.now();
  const calls = await Promise.all(
    members.map(async (member) => {
      const begin = performance.now();
      const response = await call(member);
      const body = (await response.json()) as T;
      return { member, status: response.status, body, ms: performance.now() - begin };
    }),
  );
  return { calls, wallMs: performance.now() - started };
}

export interface StormSetup {
  shiftId: string;
  members: PoolMemberFixture[];
  latecomers: PoolMemberFixture[];
  planner: Record<string, string>;
}

export async function prepareStorm(
  target: PoolTarget,
  options: { members: number; latecomers: number; places: number; prefix: string },
): Promise<StormSetup> {
  const planner = await target.headersFor('planner@peakplan.test');
  const shift = await createShift(target, planner, { date: localDateIn(9), places: options.places });
  const everyone = await createPoolMembers(target, {
    prefix: options.prefix,
    count: options.members + options.latecomers,
  });
  return {
    shiftId: shift.id,
    members: everyone.slice(0, options.members),
    latecomers: everyone.slice(options.members),
    planner,
  };
}

/** Round 1: every member signs up for the shift at the same moment. */
export function signUpStorm(target: PoolTarget, setup: StormSetup): Promise<StormRound<SignUpResponse>> {
  return allAtOnce<SignUpResponse>(setup.members, (member) =>
    fetch(`${target.url}/api/pool/shifts/${setup.shiftId}/sign-ups`, {
      method: 'POST',
      headers: member.headers,
    }),
  );
}

/** Round 2: the given confirmed members withdraw while the latecomers sign up, all at once. */
export function withdrawAndSignUpStorm(
  target: PoolTarget,
  setup: StormSetup,
  leaving: PoolMemberFixture[],
): Promise<StormRound<SignUpResponse | WithdrawResponse>> {
  const leavingIds = new Set(leaving.map((member) => member.id));
  return allAtOnce<SignUpResponse | WithdrawResponse>([...leaving, ...setup.latecomers], (member) =>
    fetch(
      `${target.url}/api/pool/shifts/${setup.shiftId}/sign-ups${leavingIds.has(member.id) ? '/mine' : ''}`,
      {
        method: leavingIds.has(member.id) ? 'DELETE' : 'POST',
        headers: member.headers,
      },
    ),
  );
}

export async function shiftSignUps(target: PoolTarget, setup: StormSetup): Promise<ShiftSignUpDto[]> {
  const response = await fetch(`${target.url}/api/pool/shifts/${setup.shiftId}/sign-ups`, {
    headers: setup.planner,
  });
  return (await response.json()) as ShiftSignUpDto[];
}

/** p-th percentile (nearest rank) of the call times, in ms. */
export function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
