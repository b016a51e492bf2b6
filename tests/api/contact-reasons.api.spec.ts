/* From a history import with contact reasons and quality counts, through the reason analysis of
 * Valentine's 2026, to a deflection scenario over the next Valentine's window, on a real database. */
import { DateTime } from 'luxon';
import request from 'supertest';

import type {
  ContactReasonsReport,
  DeflectionScenarioResult,
  PeakReviewDto,
  QueueDto,
  ScenarioDto,
  ScenarioResult,
} from '@peakplan/contracts';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

jest.setTimeout(600_000);

const ZONE = 'Europe/Amsterdam';
/** A deferred queue (hand-derivable staffing: workload, no Erlang): AHT 360 s, 15-minute intervals. */
const RETURNS = {
  name: 'returns',
  kind: 'deferred',
  serviceLevelTarget: 0.95,
  targetSeconds: 86400,
  ahtSeconds: 360,
};

/**
 * One interval a day at 10:00 local. Valentine's window 2026 (4–15 Feb): order-status 50 (10 repeats,
 * NPS 1 promoter, 1 passive, 2 detractors), other 30 (3 repeats). Every other day: order-status 10
 * (1 repeat, NPS 2/1/1), other 30 (3 repeats).
 */
function historyCsv(from: string, to: string): string {
  const lines = ['queue,start,offered,reason,repeat,nps_promoters,nps_passives,nps_detractors'];
  for (
    let day = DateTime.fromISO(from, { zone: ZONE });
    day.toISODate()! <= to;
    day = day.plus({ days: 1 })
  ) {
    const date = day.toISODate()!;
    const start = day.set({ hour: 10 }).toISO({ suppressMilliseconds: true })!;
    const peak = date >= '2026-02-04' && date <= '2026-02-15';
    lines.push(
      peak ? `returns,${start},50,order-status,10,1,1,2` : `returns,${start},10,order-status,1,2,1,1`,
    );
    lines.push(`returns,${start},30,other,3,,,`);
  }
  return `${lines.join('\n')}\n`;
}

describe('contact reasons on a real database', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let manager: Record<string, string>;
  const today = DateTime.now().setZone(ZONE).toISODate()!;
  const yesterday = DateTime.fromISO(today).minus({ days: 1 }).toISODate()!;
  // The next Valentine's window that has not ended: 4–15 February.
  const nextYear = today.slice(5) <= '02-15' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) + 1;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 1, today });
    planner = (await signIn(service.url, 'planner@peakplan.test')).bearer;
    manager = (await signIn(service.url, 'manager@peakplan.test')).bearer;
    await request(service.url).post('/api/queues').set(planner).send(RETURNS).expect(201);
    const report = await request(service.url)
      .post('/api/history/imports')
      .set(planner)
      .set('Content-Type', 'text/csv')
      .send(Buffer.from(historyCsv('2025-10-01', yesterday)));
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ rejected: 0 });
  });
  afterAll(() => service?.stop());

  it("ranks the reasons of Valentine's 2026 with shares, growth, extra and staff hours", async () => {
    const body = (
      await request(service.url)
        .get('/api/contact-reasons?queue=returns&event=valentines&year=2026')
        .set(manager)
        .expect(200)
    ).body as ContactReasonsReport;
    // Window 2026-02-04..15 (10 days before, 1 after): 12 days. Ordinary: the 8 weeks before
    // (2025-12-10..2026-02-03) without the Christmas window (4 Dec–1 Jan): 2 Jan–3 Feb, 33 days.
    expect(body).toMatchObject({
      queue: 'returns',
      event: 'valentines',
      year: 2026,
      from: '2026-02-04',
      to: '2026-02-15',
      ordinaryFrom: '2025-12-10',
      ordinaryTo: '2026-02-03',
      peakDays: 12,
      ordinaryDays: 33,
      warnings: [],
    });
    // order-status: 12 × 50 = 600 of 960 → 0.625; ordinary 10 of 40 → 0.25; growth 50/10 = 5;
    //   extra per day 50 − 10 = 40 of a total extra 40 (other: 30 − 30 = 0) → 1.
    // Staff hours (deferred, occupancy 0.85, shrinkage 0.3): one agent clears 15·60·0.85/360 = 2.125
    //   contacts a quarter-hour. 80 → ⌈37.6⌉ = 38 agents → ⌈38/0.7⌉ = 55 scheduled → 13.75 h a day.
    //   Without order-status: 30 → 15 → 22 → 5.5 h: 8.25 h × 12 days = 99 h.
    //   Without other: 50 → 24 → 35 → 8.75 h: 5 h × 12 = 60 h.
    expect(body.reasons).toEqual([
      {
        reason: 'order-status',
        peakContacts: 600,
        peakShare: 0.625,
        ordinaryShare: 0.25,
        growth: 5,
        extraShare: 1,
        poolHours: 99,
      },
      {
        reason: 'other',
        peakContacts: 360,
        peakShare: 0.375,
        ordinaryShare: 0.75,
        growth: 1,
        extraShare: 0,
        poolHours: 60,
      },
    ]);
    expect(body.reasons.reduce((sum, row) => sum + row.peakShare, 0)).toBe(1);
    // A week either side of the window for the stacked bars.
    expect(body.days).toHaveLength(26);
    expect(body.days.find((day) => day.date === '2026-02-10')).toEqual({
      date: '2026-02-10',
      inWindow: true,
      contacts: { 'order-status': 50, other: 30 },
    });
    // Repeats: peak (10 + 3)/80 = 0.1625, ordinary (1 + 3)/40 = 0.1. NPS over order-status's answers:
    // peak 100·(1 − 2)/4 = −25, ordinary 100·(2 − 1)/4 = 25.
    expect(body.quality.peak).toMatchObject({
      contacts: 960,
      repeatRate: 0.1625,
      nps: -25,
      npsAnswers: 48,
      transferRate: null,
    });
    expect(body.quality.ordinary).toMatchObject({
      contacts: 1320,
      repeatRate: 0.1,
      nps: 25,
      npsAnswers: 132,
    });
    expect(body.quality.reasons.find((row) => row.reason === 'other')!.peak.repeatRate).toBe(0.1);
    expect(body.repeatWindowDays).toBe(7);

    // The manager's post-peak review carries the same quality per queue that measured it.
    const review = (
      await request(service.url)
        .get('/api/peak-reviews/valentines/2026?intervals=false')
        .set(manager)
        .expect(200)
    ).body as PeakReviewDto;
    const returns = review.quality!.find((queue) => queue.queue === 'returns')!;
    expect(returns.peak).toEqual(body.quality.peak);
    expect(returns.ordinary).toEqual(body.quality.ordinary);
    expect(review.quality!.map((queue) => queue.queue)).not.toContain('chat');
  });

  it('refuses bad input with the field named', async () => {
    const bad = await request(service.url)
      .get('/api/contact-reasons?queue=returns&event=valentines&year=20x6')
      .set(planner)
      .expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/year/);
    const unknown = await request(service.url)
      .get('/api/contact-reasons?queue=nope&event=valentines&year=2026')
      .set(planner)
      .expect(404);
    expect(unknown.body.details).toEqual([{ field: 'queue', reason: 'no such queue' }]);
    const share = await request(service.url)
      .post('/api/contact-reasons/deflection-scenarios')
      .set(planner)
      .send({ queue: 'returns', event: 'valentines', reason: 'order-status', share: 1.5 })
      .expect(400);
    expect(JSON.stringify(share.body)).toMatch(/share/);
    const reason = await request(service.url)
      .post('/api/contact-reasons/deflection-scenarios')
      .set(planner)
      .send({ queue: 'returns', event: 'valentines', reason: 'weather', share: 0.3 })
      .expect(400);
    expect(reason.body.details).toEqual([
      { field: 'reason', reason: 'no contacts with this reason in queue returns' },
    ]);
    await request(service.url)
      .post('/api/contact-reasons/deflection-scenarios')
      .set(manager)
      .send({ queue: 'returns', event: 'valentines', reason: 'order-status', share: 0.3 })
      .expect(403);
  });

  it('makes the deflection scenario, removing the right share on the right days', async () => {
    const made = (
      await request(service.url)
        .post('/api/contact-reasons/deflection-scenarios')
        .set(planner)
        .send({ queue: 'returns', event: 'valentines', reason: 'order-status', share: 0.3 })
        .expect(201)
    ).body as DeflectionScenarioResult;
    expect(made.forecastRunStarted).toBe(true);
    expect(made.scenario).toMatchObject({
      from: `${nextYear}-02-04`,
      to: `${nextYear}-02-15`,
      adjustments: { deflection: { 'order-status': 0.3 } },
    });
    expect(made.scenario.name).toBe(`Deflect 30% of order-status at Valentine's Day ${nextYear} (returns)`);
    // The window's mix is Valentine's 2026's (order-status 0.625 on every offset): 30% of it is
    // 18.75% of the contacts, against 7.5% (0.3 × 0.25) on an ordinary day.
    expect(made.with.contacts / made.without.contacts).toBeCloseTo(0.8125, 2);
    expect(made.poolHoursSaved).toBeGreaterThan(0);
    expect(made.poolHoursSaved).toBeCloseTo(made.without.poolHours - made.with.poolHours, 1);
    // No core staff: every hour is a pool hour at the default 38 an hour.
    expect(made.costSaved).toBeCloseTo(made.poolHoursSaved * 38, 0);
    // Deferred queues have no Erlang service level.
    expect(made.serviceLevelGained).toBeNull();

    // Asking again gives the same scenario back and makes no second forecast.
    const again = (
      await request(service.url)
        .post('/api/contact-reasons/deflection-scenarios')
        .set(planner)
        .send({ queue: 'returns', event: 'valentines', reason: 'order-status', share: 0.3 })
        .expect(201)
    ).body as DeflectionScenarioResult;
    expect(again.scenario.id).toBe(made.scenario.id);
    expect(again.forecastRunStarted).toBe(false);

    // From today to the window's end on the same forecast: ordinary days lose 7.5%, window days 18.75%.
    const queues = (await request(service.url).get('/api/queues').set(planner).expect(200))
      .body as QueueDto[];
    expect(queues.some((queue) => queue.name === 'returns')).toBe(true);
    const results: ScenarioResult[] = [];
    for (const [name, adjustments] of [
      ['returns plain', {}],
      ['returns deflected', { deflection: { 'order-status': 0.3 } }],
    ] as const) {
      const scenario = (
        await request(service.url)
          .post('/api/scenarios')
          .set(planner)
          .send({ name, forecastRunIds: made.scenario.forecastRunIds, to: `${nextYear}-02-15`, adjustments })
          .expect(201)
      ).body as ScenarioDto;
      results.push(
        (
          await request(service.url)
            .get(`/api/scenarios/${scenario.id}/result?intervals=false`)
            .set(planner)
            .expect(200)
        ).body as ScenarioResult,
      );
    }
    const [plain, deflected] = results;
    let windowDays = 0;
    let ordinaryDays = 0;
    plain.days.forEach((day, index) => {
      if (day.contacts < 20) return;
      const ratio = deflected.days[index].contacts / day.contacts;
      if (day.date >= `${nextYear}-02-04`) {
        windowDays++;
        expect(ratio).toBeCloseTo(0.8125, 2);
      } else {
        ordinaryDays++;
        expect(ratio).toBeCloseTo(0.925, 2);
      }
    });
    expect(windowDays).toBe(12);
    expect(ordinaryDays).toBeGreaterThan(0);
  });
});
