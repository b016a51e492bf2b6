/* The member's calendar feed, parsed back with an iCalendar parser (ical.js): VTIMEZONE of the
 * organisation's zone, a 09:00 shift at 09:00 local on both sides of the spring clock change, stable
 * UIDs, SEQUENCE raised on a change, withdrawn and cancelled shifts as STATUS:CANCELLED; the secret URL
 * opens that feed only, renewing kills the old URL; the one-shot .ics download. */
import ICAL from 'ical.js';
import request from 'supertest';

import type { CalendarFeedDto, PoolShiftDto } from '@peakplan/contracts';

import { createPoolMembers, createShift, type PoolMemberFixture } from '../support/pool-fixtures';
import { poolTarget } from '../support/pool-target';
import { sessionHeaders } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  tzid: string;
  localStart: string;
  utcStart: string;
  utcEnd: string;
}

/** Parses a feed with ical.js, registering its VTIMEZONEs so local times convert to UTC by the feed's own rules. */
function parseFeed(text: string): { timezones: string[]; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const timezones = calendar.getAllSubcomponents('vtimezone').map((zone) => {
    const timezone = new ICAL.Timezone(zone);
    ICAL.TimezoneService.register(timezone, timezone.tzid);
    return timezone.tzid;
  });
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const start = component.getFirstProperty('dtstart')!;
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue('status')),
      summary: event.summary,
      tzid: String(start.getParameter('tzid')),
      localStart: event.startDate.toString(),
      utcStart: event.startDate.toJSDate().toISOString(),
      utcEnd: event.endDate.toJSDate().toISOString(),
    };
  });
  return { timezones, events };
}

describe('calendar feed', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let member: PoolMemberFixture;
  let other: PoolMemberFixture;
  let friday: PoolShiftDto;
  let monday: PoolShiftDto;
  let full: PoolShiftDto;
  let feedUrl: string;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    planner = await sessionHeaders(service, 'planner@peakplan.test');
    [member, other] = await createPoolMembers(poolTarget(service), { prefix: 'calendar', count: 2 });
    // Amsterdam moves its clocks from 02:00 CET to 03:00 CEST on Sunday 28 March 2027.
    friday = await createShift(service, planner, {
      date: '2027-03-26',
      start: '09:00',
      end: '13:00',
      places: 1,
    });
    monday = await createShift(service, planner, {
      date: '2027-03-29',
      start: '09:00',
      end: '13:00',
      places: 1,
    });
    full = await createShift(service, planner, {
      date: '2027-03-31',
      start: '09:00',
      end: '13:00',
      places: 1,
    });
    for (const shift of [friday, monday])
      await request(service.url)
        .post(`/api/pool/shifts/${shift.id}/sign-ups`)
        .set(member.headers)
        .expect(201);
    await request(service.url).post(`/api/pool/shifts/${full.id}/sign-ups`).set(other.headers).expect(201);
    await request(service.url).post(`/api/pool/shifts/${full.id}/sign-ups`).set(member.headers).expect(201);
    feedUrl = (
      (await request(service.url).get('/api/pool/me/calendar-feed').set(member.headers).expect(200))
        .body as CalendarFeedDto
    ).url;
  });
  afterAll(() => service?.stop());

  async function feed(url = feedUrl): Promise<{ timezones: string[]; events: ParsedEvent[] }> {
    const response = await request(url).get('').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    return parseFeed(response.text);
  }

  it('answers without a session, in the organisation time zone with its VTIMEZONE, 09:00 local across the clock change', async () => {
    expect(feedUrl).toMatch(
      new RegExp(`^${service.url}/api/pool/calendar-feeds/${member.id}/[A-Za-z0-9_-]+\\.ics$`),
    );
    const { timezones, events } = await feed();
    expect(timezones).toEqual(['Europe/Amsterdam']);
    const byStart = events.sort((a, b) => a.utcStart.localeCompare(b.utcStart));
    expect(
      byStart.map((event) => [event.tzid, event.localStart, event.utcStart, event.utcEnd, event.status]),
    ).toEqual([
      // CET (UTC+1) before the change, CEST (UTC+2) after: the same 09:00 local is a different UTC hour.
      [
        'Europe/Amsterdam',
        '2027-03-26T09:00:00',
        '2027-03-26T08:00:00.000Z',
        '2027-03-26T12:00:00.000Z',
        'CONFIRMED',
      ],
      [
        'Europe/Amsterdam',
        '2027-03-29T09:00:00',
        '2027-03-29T07:00:00.000Z',
        '2027-03-29T11:00:00.000Z',
        'CONFIRMED',
      ],
      [
        'Europe/Amsterdam',
        '2027-03-31T09:00:00',
        '2027-03-31T07:00:00.000Z',
        '2027-03-31T11:00:00.000Z',
        'TENTATIVE',
      ],
    ]);
    expect(byStart[2].summary).toBe('phone shift (waitlist)');
  });

  it('keeps UIDs stable, raises SEQUENCE on a change, and keeps withdrawn and cancelled shifts as CANCELLED', async () => {
    const before = await feed();
    const again = await feed();
    expect(again.events.map((event) => [event.uid, event.sequence])).toEqual(
      before.events.map((event) => [event.uid, event.sequence]),
    );
    const uidOf = (events: ParsedEvent[], localStart: string) =>
      events.find((event) => event.localStart === localStart)!;
    await request(service.url)
      .patch(`/api/pool/shifts/${monday.id}`)
      .set(planner)
      .send({ start: '10:00' })
      .expect(200);
    await request(service.url)
      .delete(`/api/pool/shifts/${full.id}/sign-ups/mine`)
      .set(member.headers)
      .expect(200);
    await request(service.url).post(`/api/pool/shifts/${friday.id}/cancel`).set(planner).expect(200);
    const after = await feed();
    const moved = after.events.find(
      (event) => event.uid === uidOf(before.events, '2027-03-29T09:00:00').uid,
    )!;
    expect(moved.localStart).toBe('2027-03-29T10:00:00');
    expect(moved.sequence).toBeGreaterThan(uidOf(before.events, '2027-03-29T09:00:00').sequence);
    expect(moved.status).toBe('CONFIRMED');
    for (const localStart of ['2027-03-26T09:00:00', '2027-03-31T09:00:00']) {
      const previous = uidOf(before.events, localStart);
      const now = after.events.find((event) => event.uid === previous.uid)!;
      expect([now.status, now.sequence > previous.sequence]).toEqual(['CANCELLED', true]);
    }
    expect(after.events).toHaveLength(3);
  });

  it('opens only that member’s feed, and renewing kills the old URL', async () => {
    const key = feedUrl.split('/').pop()!;
    await request(service.url).get(`/api/pool/calendar-feeds/${other.id}/${key}`).expect(404);
    await request(service.url).get(`/api/pool/calendar-feeds/${member.id}/not-the-key.ics`).expect(404);
    const renewed = (
      await request(service.url).post('/api/pool/me/calendar-feed/renew').set(member.headers).expect(200)
    ).body as CalendarFeedDto;
    expect(renewed.url).not.toBe(feedUrl);
    await request(feedUrl).get('').expect(404);
    const fresh = await feed(renewed.url);
    expect(fresh.events).toHaveLength(3);
  });

  it('offers a one-shot .ics download to the signed-in member', async () => {
    const response = await request(service.url)
      .get('/api/pool/me/calendar.ics')
      .set(member.headers)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="peakplan-shifts.ics"');
    expect(parseFeed(response.text).events).toHaveLength(3);
    await request(service.url).get('/api/pool/me/calendar.ics').expect(401);
  });
});
