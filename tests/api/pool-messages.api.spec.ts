/* Reminders and changes sent exactly once (issue 14), through a real SMTP server the test starts.
 * With DATABASE_URL (PostgreSQL server) two instances of the service run on the same database, in
 * this process (two Nest apps, each with its own connection pool and port), queueing reminders and
 * sending at the same moment; on embedded PostgreSQL, which serves one instance per data folder, one
 * instance sends from several concurrent passes. Every message arrives once: none twice, none lost. */
import { DateTime } from 'luxon';
import request from 'supertest';

import type {
  MessageFailureDto,
  NotificationSettingsDto,
  PoolMemberDto,
  PoolMessageDto,
} from '@peakplan/contracts';
import { PoolJobsService } from '@peakplan/backend/jobs/pool-jobs.service';
import { MAX_ATTEMPTS } from '@peakplan/backend/pool/messages/message-backoff';
import { MessageSenderService } from '@peakplan/backend/pool/messages/message-sender.service';
import { RemindersService } from '@peakplan/backend/pool/messages/reminders.service';

import { createPastShift } from '../support/past-shifts';
import {
  createPoolMembers,
  createShift,
  localDateIn,
  type PoolMemberFixture,
} from '../support/pool-fixtures';
import { poolTarget } from '../support/pool-target';
import { startSecondInstance, type SecondInstance } from '../support/second-instance';
import { sessionHeaders } from '../support/sign-in';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestService, type TestService } from '../support/test-service';

const ZONE = 'Europe/Amsterdam';
const TWO_INSTANCES = process.env['DATABASE_URL'] !== undefined;

describe(`pool messages sent exactly once (${TWO_INSTANCES ? 'two instances, server database' : 'one instance, embedded database'})`, () => {
  let sink: SmtpSink;
  let service: TestService;
  let second: SecondInstance | undefined;
  let senders: MessageSenderService[];
  let reminders: RemindersService[];
  let members: PoolMemberFixture[];
  let bouncing: PoolMemberFixture;
  let admin: Record<string, string>;
  let planner: Record<string, string>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    service = await startTestService({
      demoHistoryDays: 7,
      today: '2026-03-01',
      env: { SMTP_URL: sink.url },
    });
    if (TWO_INSTANCES) second = await startSecondInstance(service, { SMTP_URL: sink.url });
    const apps = [service.service.app, ...(second ? [second.service.app] : [])];
    senders = apps.map((app) => app.get(MessageSenderService));
    reminders = apps.map((app) => app.get(RemindersService));
    admin = await sessionHeaders(service, 'admin@peakplan.test');
    planner = await sessionHeaders(service, 'planner@peakplan.test');
    members = await createPoolMembers(poolTarget(service), { prefix: 'messages', count: 30 });
    [bouncing] = await createPoolMembers(poolTarget(service), { prefix: 'bounce', count: 1 });
  });
  afterAll(async () => {
    await second?.stop();
    await service?.stop();
    await sink?.stop();
  });

  const outbox = (): Promise<
    {
      id: string;
      user_id: string;
      kind: string;
      sent_at: Date | null;
      skipped_at: Date | null;
      last_error: string | null;
    }[]
  > => service.dataSource.query(`select id, user_id, kind, sent_at, skipped_at, last_error from pool_outbox`);

  it('queues the time-based reminders once, however often and on whichever instance the job runs', async () => {
    // A shift tomorrow 09:00–13:00 local with the 30 members and the bouncing one confirmed.
    const tomorrow = DateTime.now()
      .setZone(ZONE)
      .plus({ days: 1 })
      .set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    await createPastShift(service.dataSource, {
      startsAt: tomorrow.toUTC().toISO()!,
      endsAt: tomorrow.plus({ hours: 4 }).toUTC().toISO()!,
      memberIds: [...members.map((member) => member.id), bouncing.id],
    });
    // A peak shift in ten days whose sign-up opens in two hours; member 1's phone training expires before it.
    await createShift(service, planner, {
      date: localDateIn(10),
      peak: 'Messages peak',
      signUpOpensAt: DateTime.now().plus({ hours: 2 }).toUTC().toISO({ suppressMilliseconds: true })!,
      signUpClosesAt: DateTime.now().plus({ days: 5 }).toUTC().toISO({ suppressMilliseconds: true })!,
    });
    await service.dataSource.query(
      `update pool_member_skill set training_expires_on = $2 where user_id = $1`,
      [members[0].id, localDateIn(5)],
    );

    const first = await reminders[0].queueDue();
    const rows = await outbox();
    const tomorrowFor = (id: string) =>
      rows.filter((row) => row.user_id === id && row.kind === 'shift-tomorrow');
    for (const member of [...members, bouncing]) expect(tomorrowFor(member.id)).toHaveLength(1);
    expect(first.shiftTomorrow).toBeGreaterThanOrEqual(31);
    expect(
      rows.filter((row) => row.user_id === members[0].id && row.kind === 'training-expiring'),
    ).toHaveLength(1);
    // Every approved, phone-trained member hears that sign-up opens: one message each for that day.
    for (const member of members)
      expect(rows.filter((row) => row.user_id === member.id && row.kind === 'window-opening')).toHaveLength(
        1,
      );

    // Again, on every instance at once, and through the daily job: nothing new.
    const again = await Promise.all(reminders.map((instance) => instance.queueDue()));
    for (const counts of again)
      expect(counts).toEqual({ shiftTomorrow: 0, windowOpening: 0, windowClosing: 0, trainingExpiring: 0 });
    const jobs = service.service.app.get(PoolJobsService);
    const today = DateTime.now().setZone(ZONE).toISODate()!;
    const run = await jobs.run('pool-reminders', today);
    expect(run.ran).toBe(true);
    expect(run.result).toEqual({ shiftTomorrow: 0, windowOpening: 0, windowClosing: 0, trainingExpiring: 0 });
    expect((await jobs.run('pool-reminders', today)).skipped).toBe('already-run');
    expect(await outbox()).toHaveLength(rows.length);
  });

  it('tells a member of their manager’s decision, written with the decision', async () => {
    const manager = await sessionHeaders(service, 'manager@peakplan.test');
    const [applicant] = (await request(service.url).get('/api/pool/applicants').set(manager).expect(200))
      .body as PoolMemberDto[];
    await request(service.url)
      .post(`/api/pool/applicants/${applicant.memberId}/decision`)
      .set(manager)
      .send({ decision: 'approved' })
      .expect(200);
    const messages = await service.dataSource.query(
      `select payload from pool_outbox where user_id = $1 and kind = 'approval-decided'`,
      [applicant.memberId],
    );
    expect(messages).toEqual([{ payload: { decision: 'approved' } }]);
  });

  it('sends every message exactly once while the senders run at the same time', async () => {
    // Member 2 switched the day-before reminder off: it is skipped, not sent.
    const settings = (
      await request(service.url)
        .put('/api/pool/me/notification-settings')
        .set(members[1].headers)
        .send({ off: ['shift-tomorrow'] })
        .expect(200)
    ).body as NotificationSettingsDto;
    expect(settings.kinds.find((kind) => kind.kind === 'shift-tomorrow')?.on).toBe(false);

    const before = await outbox();
    const passes = await Promise.all([...senders, ...senders].map((sender) => sender.sendDue()));
    const after = await outbox();
    const sent = after.filter((row) => row.sent_at !== null);
    const skipped = after.filter((row) => row.skipped_at !== null);
    const failing = after.filter((row) => row.sent_at === null && row.skipped_at === null);

    // Each message arrived once: the ids in the mail server are exactly the sent rows, none twice.
    const arrived = sink.received.map((mail) => mail.messageId);
    expect(new Set(arrived).size).toBe(arrived.length);
    expect([...arrived].sort()).toEqual(sent.map((row) => row.id).sort());
    // Nothing lost: every row is sent, skipped (switched off) or failing (the refused recipient).
    expect(sent.length + skipped.length + failing.length).toBe(before.length);
    expect(skipped.map((row) => [row.user_id, row.kind])).toEqual([[members[1].id, 'shift-tomorrow']]);
    // The refused recipient's reminders: the day before, and sign-up opening.
    expect(failing.map((row) => [row.user_id, row.kind]).sort()).toEqual([
      [bouncing.id, 'shift-tomorrow'],
      [bouncing.id, 'window-opening'],
    ]);
    expect(failing[0].last_error).toContain('550');
    const claimed = passes.reduce((sum, pass) => sum + pass.claimed, 0);
    expect(claimed).toBe(before.length);
    // Mail 1's reminder says what and when.
    const mail = sink.received.find(
      (received) => received.to.includes(members[0].email) && received.subject === 'Your shift tomorrow',
    );
    expect(mail?.raw).toContain('phone on');
    // And again: nothing more goes out.
    const idle = await Promise.all(senders.map((sender) => sender.sendDue()));
    expect(idle.map((pass) => pass.claimed)).toEqual(senders.map(() => 0));
    expect(sink.received).toHaveLength(arrived.length);
    process.stdout.write(
      `pool messages: ${before.length} queued, ${sent.length} sent, ${skipped.length} skipped, ${failing.length} failing; claimed per pass ${passes.map((pass) => pass.claimed).join(', ')}\n`,
    );
  });

  it('retries a refused message with back-off, shows it to admins, and gives up after the last attempt', async () => {
    const failures = (await request(service.url).get('/api/pool/messages/failures').set(admin).expect(200))
      .body as MessageFailureDto[];
    const bounce = failures.find(
      (failure) => failure.memberId === bouncing.id && failure.kind === 'shift-tomorrow',
    )!;
    expect(bounce).toMatchObject({ kind: 'shift-tomorrow', attempts: 1, failedAt: null });
    // One failed attempt: the next is a minute later, so an immediate pass leaves it alone.
    expect(Date.parse(bounce.nextAttemptAt!) - Date.now()).toBeGreaterThan(30_000);
    expect((await senders[0].sendDue()).claimed).toBe(0);

    await service.dataSource.query(
      `update pool_outbox set attempts = $2, next_attempt_at = now() where id = $1`,
      [bounce.id, MAX_ATTEMPTS - 1],
    );
    expect(await senders[senders.length - 1].sendDue()).toMatchObject({ claimed: 1, failed: 1 });
    const givenUp = (
      (await request(service.url).get('/api/pool/messages/failures').set(admin).expect(200))
        .body as MessageFailureDto[]
    ).find((failure) => failure.id === bounce.id)!;
    expect(givenUp.attempts).toBe(MAX_ATTEMPTS);
    expect(givenUp.failedAt).not.toBeNull();
    expect(givenUp.lastError).toContain('550');
    await request(service.url).get('/api/pool/messages/failures').set(planner).expect(403);
    const retried = await request(service.url)
      .post(`/api/pool/messages/${bounce.id}/retry`)
      .set(admin)
      .expect(200);
    expect(retried.body).toMatchObject({ attempts: 0, failedAt: null });
  });

  it('takes over a message whose claimer died, and leaves alone one another sender still holds', async () => {
    // One claimed by a sender that crashed (its claim ran out), one held by a live sender right now.
    const [orphan, held] = await Promise.all(
      [
        { claimedBy: 'crashed-instance', claimedUntil: `now() - interval '1 minute'` },
        { claimedBy: 'live-instance', claimedUntil: `now() + interval '5 minutes'` },
      ].map(async ({ claimedBy, claimedUntil }) => {
        const [{ id }]: { id: string }[] = await service.dataSource.query(
          `insert into pool_outbox (user_id, kind, payload, attempts, claimed_by, claimed_until)
           values ($1, 'allocation-result', '{}', 1, $2, ${claimedUntil}) returning id`,
          [members[2].id, claimedBy],
        );
        return id;
      }),
    );
    const passes = await Promise.all(senders.map((sender) => sender.sendDue()));
    expect(passes.reduce((sum, pass) => sum + pass.sent, 0)).toBe(1);
    expect(sink.received.filter((mail) => mail.messageId === orphan)).toHaveLength(1);
    expect(sink.received.filter((mail) => mail.messageId === held)).toHaveLength(0);
    const [row] = await service.dataSource.query(`select attempts, sent_at from pool_outbox where id = $1`, [
      orphan,
    ]);
    expect(row.attempts).toBe(2);
    expect(row.sent_at).not.toBeNull();
  });

  it('lists a member’s own messages and keeps their choices, refusing unknown kinds by name', async () => {
    const mine = (await request(service.url).get('/api/pool/me/messages').set(members[0].headers).expect(200))
      .body as PoolMessageDto[];
    expect(mine.map((message) => [message.kind, message.status]).sort()).toEqual(
      [
        ['shift-tomorrow', 'sent'],
        ['training-expiring', 'sent'],
        ['window-opening', 'sent'],
      ].sort(),
    );
    expect(mine.find((message) => message.kind === 'training-expiring')?.text).toContain('Messages peak');
    const skipped = (
      await request(service.url).get('/api/pool/me/messages').set(members[1].headers).expect(200)
    ).body as PoolMessageDto[];
    expect(skipped.find((message) => message.kind === 'shift-tomorrow')?.status).toBe('skipped');
    const refused = await request(service.url)
      .put('/api/pool/me/notification-settings')
      .set(members[1].headers)
      .send({ off: ['carrier-pigeon'] })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('off');
    const kept = (
      await request(service.url).get('/api/pool/me/notification-settings').set(members[1].headers).expect(200)
    ).body as NotificationSettingsDto;
    expect(kept.kinds.filter((kind) => !kind.on).map((kind) => kind.kind)).toEqual(['shift-tomorrow']);
  });
});
