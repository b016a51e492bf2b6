/* The storm over real HTTP (issue 12): 500 pool members sign up for 20 places at the same moment ->
 * exactly 20 confirmed, the rest waitlisted at positions 1..480, nobody twice; then 10 confirmed
 * withdraw while 30 others sign up, all at once -> still exactly 20 confirmed, and the 10 promoted are
 * the first 10 of the waitlist. On embedded PostgreSQL and, with DATABASE_URL, on the server. */
import type { SignUpResponse, WithdrawResponse } from '@peakplan/contracts';

import {
  prepareStorm,
  shiftSignUps,
  signUpStorm,
  withdrawAndSignUpStorm,
  type StormSetup,
} from '../support/pool-storm';
import { poolTarget } from '../support/pool-target';
import { startTestService, type TestService } from '../support/test-service';

const MEMBERS = 500;
const PLACES = 20;
const LATECOMERS = 30;
const LEAVING = 10;

describe('sign-up storm over real HTTP', () => {
  let service: TestService;
  let setup: StormSetup;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    setup = await prepareStorm(poolTarget(service), {
      members: MEMBERS,
      latecomers: LATECOMERS,
      places: PLACES,
      prefix: 'storm',
    });
  });
  afterAll(() => service?.stop());

  it(`gives ${PLACES} places to exactly ${PLACES} of ${MEMBERS} members signing up at once, the rest a waitlist 1..${MEMBERS - PLACES}`, async () => {
    const round = await signUpStorm(poolTarget(service), setup);
    expect(round.calls.map((call) => call.status)).toEqual(Array(MEMBERS).fill(201));
    const confirmed = round.calls.filter((call) => call.body.status === 'confirmed');
    const waitlisted = round.calls.filter((call) => call.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(PLACES);
    expect(waitlisted).toHaveLength(MEMBERS - PLACES);
    expect(waitlisted.map((call) => call.body.position).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: MEMBERS - PLACES }, (_, index) => index + 1),
    );
    const [counts] = await service.dataSource.query(
      `select s.confirmed_count, s.places,
              (select count(*)::int from pool_sign_up where shift_id = s.id) as rows,
              (select count(distinct user_id)::int from pool_sign_up where shift_id = s.id) as members,
              (select count(*)::int from pool_sign_up where shift_id = s.id and status = 'confirmed') as confirmed
         from pool_shift s where s.id = $1`,
      [setup.shiftId],
    );
    expect(counts).toEqual({
      confirmed_count: PLACES,
      places: PLACES,
      rows: MEMBERS,
      members: MEMBERS,
      confirmed: PLACES,
    });
    // The planner's list agrees: positions 1..480 in the order of the answers.
    const listed = await shiftSignUps(poolTarget(service), setup);
    const byMember = new Map(waitlisted.map((call) => [call.member.id, call.body.position]));
    for (const row of listed.filter((entry) => entry.status === 'waitlisted'))
      expect(row.position).toBe(byMember.get(row.memberId));
  });

  it(`keeps exactly ${PLACES} confirmed while ${LEAVING} withdraw and ${LATECOMERS} sign up at once; the first ${LEAVING} in line are promoted`, async () => {
    const before = await shiftSignUps(poolTarget(service), setup);
    const firstInLine = before
      .filter((row) => row.status === 'waitlisted')
      .sort((a, b) => a.position! - b.position!)
      .slice(0, LEAVING)
      .map((row) => row.memberId);
    const confirmedIds = new Set(
      before.filter((row) => row.status === 'confirmed').map((row) => row.memberId),
    );
    const leaving = setup.members.filter((member) => confirmedIds.has(member.id)).slice(0, LEAVING);

    const round = await withdrawAndSignUpStorm(poolTarget(service), setup, leaving);
    const withdrawals = round.calls.filter((call) => leaving.includes(call.member));
    const signUps = round.calls.filter((call) => !leaving.includes(call.member));
    expect(withdrawals.map((call) => [call.status, (call.body as WithdrawResponse).status])).toEqual(
      Array(LEAVING).fill([200, 'withdrawn']),
    );
    expect(signUps.map((call) => [call.status, (call.body as SignUpResponse).status])).toEqual(
      Array(LATECOMERS).fill([201, 'waitlisted']),
    );
    expect(withdrawals.map((call) => (call.body as WithdrawResponse).promotedMemberId).sort()).toEqual(
      [...firstInLine].sort(),
    );

    const after = await shiftSignUps(poolTarget(service), setup);
    const confirmedNow = after.filter((row) => row.status === 'confirmed').map((row) => row.memberId);
    expect(confirmedNow).toHaveLength(PLACES);
    expect(confirmedNow).toEqual(expect.arrayContaining(firstInLine));
    const waitlist = after.filter((row) => row.status === 'waitlisted');
    // 480 - 10 promoted + 30 latecomers = 500, at positions 1..500, the latecomers at the back.
    expect(waitlist.map((row) => row.position)).toEqual(Array.from({ length: 500 }, (_, index) => index + 1));
    const latecomerIds = new Set(setup.latecomers.map((member) => member.id));
    expect(waitlist.slice(-LATECOMERS).every((row) => latecomerIds.has(row.memberId))).toBe(true);
    const [{ confirmed_count }] = await service.dataSource.query(
      `select confirmed_count from pool_shift where id = $1`,
      [setup.shiftId],
    );
    expect(confirmed_count).toBe(PLACES);
    const [{ promoted }] = await service.dataSource.query(
      `select count(*)::int as promoted from pool_outbox where kind = 'promoted' and payload->>'shiftId' = $1`,
      [setup.shiftId],
    );
    expect(promoted).toBe(LEAVING);
  });
});
