import request from 'supertest';

import type {
  ApiError,
  AuditEventDto,
  ForecastRunSummary,
  ScenarioCoreStaffChange,
  ScenarioCoreStaffDto,
  ScenarioDto,
  ScenarioInputsDto,
  ScenarioResult,
} from '@peakplan/contracts';
import { computeScenario } from '@peakplan/forecasting';
import { ForecastRunsService } from '@peakplan/backend/forecast-runs/forecast-runs.service';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

/** `HH:MM` of the quarter-hours from `fromMinute` (inclusive) to `toMinute` (exclusive). */
function quarterHours(fromMinute: number, toMinute: number): string[] {
  const clocks: string[] = [];
  for (let minute = fromMinute; minute < toMinute; minute += 15)
    clocks.push(
      `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
    );
  return clocks;
}

// Friday 13 February 2026 (CET, +01:00): phone 4 agents all day (96 quarter-hours), chat 7 agents from
// 09:00 to 12:00 (12 quarter-hours); email nothing.
const UPLOAD = [
  'queue,start,agents',
  ...quarterHours(0, 24 * 60).map((clock) => `phone,2026-02-13T${clock}:00+01:00,4`),
  ...quarterHours(9 * 60, 12 * 60).map((clock) => `chat,2026-02-13T${clock}:00+01:00,7`),
].join('\n');

describe('uploaded core staff per interval, on a real database', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let manager: Record<string, string>;
  let poolMember: Record<string, string>;
  let scenario: ScenarioDto;

  const put = (id: string, csv: string, as = planner) =>
    request(service.url)
      .put(`/api/scenarios/${id}/core-staff`)
      .set(as)
      .set('Content-Type', 'text/csv')
      .send(csv);
  const stored = async (id: string) =>
    (await request(service.url).get(`/api/scenarios/${id}/core-staff`).set(manager).expect(200))
      .body as ScenarioCoreStaffDto;
  const result = async (id: string) =>
    (await request(service.url).get(`/api/scenarios/${id}/result`).set(manager).expect(200))
      .body as ScenarioResult;
  const history = async (id: string) =>
    (await request(service.url).get(`/api/scenarios/${id}/history`).set(manager).expect(200))
      .body as AuditEventDto[];

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 400, today: '2026-03-01' });
    planner = (await signIn(service.url, 'planner@peakplan.test')).bearer;
    manager = (await signIn(service.url, 'manager@peakplan.test')).bearer;
    poolMember = (await signIn(service.url, 'member001@peakplan.test')).bearer;
    const runs = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ trainingTo: '2026-01-10', horizonDays: 40 })
        .expect(202)
    ).body as ForecastRunSummary[];
    await service.service.app.get(ForecastRunsService).waitFor(runs.map((run) => run.id));
    scenario = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({
          name: 'Valentine core roster',
          forecastRunIds: runs.map((run) => run.id),
          from: '2026-02-12',
          to: '2026-02-14',
          adjustments: {
            coreStaff: [
              { queue: 'phone', weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '18:00', agents: 10 },
              { queue: 'chat', weekdays: [0, 1, 2, 3, 4, 5, 6], from: '09:00', to: '17:00', agents: 3 },
            ],
          },
        })
        .expect(201)
    ).body as ScenarioDto;
  });
  afterAll(() => service?.stop());

  it('takes the upload as core staff where it covers an interval, the weekly pattern elsewhere', async () => {
    const change = (await put(scenario.id, UPLOAD).expect(200)).body as ScenarioCoreStaffChange;
    expect(change).toMatchObject({ intervals: 108, inserted: 108, updated: 0, deleted: 0, unchanged: 0 });
    expect(change.queues).toEqual([
      {
        queue: 'chat',
        intervals: 12,
        firstStart: '2026-02-13T09:00:00+01:00',
        lastStart: '2026-02-13T11:45:00+01:00',
        agentHours: 21, // 12 × 7 × 0.25 h
      },
      {
        queue: 'phone',
        intervals: 96,
        firstStart: '2026-02-13T00:00:00+01:00',
        lastStart: '2026-02-13T23:45:00+01:00',
        agentHours: 96, // 96 × 4 × 0.25 h
      },
    ]);

    const computed = await result(scenario.id);
    const slot = (queue: string, start: string) =>
      computed.intervals!.find((candidate) => candidate.queue === queue && candidate.start === start)!;
    for (const interval of computed.intervals!) {
      expect(interval.poolGap).toBe(Math.max(0, interval.scheduled - interval.core));
      if (interval.queue === 'phone' && interval.start.startsWith('2026-02-13'))
        expect(interval.core).toBe(4);
    }
    expect(slot('phone', '2026-02-12T10:00:00+01:00').core).toBe(10); // Thursday: the pattern
    expect(slot('phone', '2026-02-13T10:00:00+01:00').core).toBe(4); // uploaded, not 10 + 4
    expect(slot('phone', '2026-02-13T03:00:00+01:00').core).toBe(4); // uploaded outside the pattern's hours
    expect(slot('chat', '2026-02-13T09:30:00+01:00').core).toBe(7);
    expect(slot('chat', '2026-02-13T12:00:00+01:00').core).toBe(3); // after the upload: the pattern
    const coreHours = (queue: string) => computed.queues.find((row) => row.queue === queue)!.coreHours;
    // phone: Thu 10 h × 10 (pattern) + Fri 96 × 4 × 0.25 h (upload) + Sat nothing = 196
    expect(coreHours('phone')).toBe(196);
    // chat: Thu 8 h × 3 + Fri (3 h × 7 uploaded + 5 h × 3 pattern) + Sat 8 h × 3 = 24 + 36 + 24 = 84
    expect(coreHours('chat')).toBe(84);
    expect(coreHours('email')).toBe(0);
    expect(computed.warnings).toEqual(
      expect.arrayContaining([
        'core staff uploaded for 2 of 3 queues; email uses the weekly pattern (none for this queue: 0 core staff)',
        'core staff of phone uploaded for 96 of 288 intervals; the other 192 use the weekly pattern',
        'core staff of chat uploaded for 12 of 288 intervals; the other 276 use the weekly pattern',
      ]),
    );
  });

  it('gives the browser the inputs from which the same computeScenario gives the saved result exactly', async () => {
    const inputs = (
      await request(service.url).get(`/api/scenarios/${scenario.id}/inputs`).set(manager).expect(200)
    ).body as ScenarioInputsDto;
    expect(inputs).toMatchObject({ scenarioId: scenario.id, from: '2026-02-12', to: '2026-02-14' });
    expect(inputs.adjustments).toEqual(scenario.adjustments);
    // Three days of 96 quarter-hours per queue; the upload of phone rides along (−1 = not uploaded).
    const phone = inputs.queues.find((queue) => queue.name === 'phone')!;
    expect(phone.p50).toHaveLength(288);
    expect(phone.uploadedCore!.filter((agents) => agents === 4)).toHaveLength(96);
    expect(phone.uploadedCore!.filter((agents) => agents === -1)).toHaveLength(192);
    expect(inputs.queues.find((queue) => queue.name === 'email')!.uploadedCore).toBeUndefined();
    // What the dashboard's worker does with them, against what the server answers: equal, to the last digit.
    const browser = computeScenario({ ...inputs, id: inputs.scenarioId }, inputs.queues, inputs.adjustments);
    browser.warnings.push(...inputs.warnings);
    expect(browser).toEqual(await result(scenario.id));
    // Read like the result: planners, managers and admins; not pool members.
    await request(service.url).get(`/api/scenarios/${scenario.id}/inputs`).set(poolMember).expect(403);
  });

  it('changes nothing when the same file (or its download) is uploaded again', async () => {
    const before = { stored: await stored(scenario.id), result: await result(scenario.id) };
    const events = (await history(scenario.id)).length;
    const again = (await put(scenario.id, UPLOAD).expect(200)).body as ScenarioCoreStaffChange;
    expect(again).toMatchObject({ intervals: 108, inserted: 0, updated: 0, deleted: 0, unchanged: 108 });
    const download = await request(service.url)
      .get(`/api/scenarios/${scenario.id}/core-staff?format=csv`)
      .set(planner)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    expect(download.text.split('\n')[0]).toBe('queue,start,agents');
    expect(download.text.trim().split('\n')).toHaveLength(109);
    expect((await put(scenario.id, download.text).expect(200)).body).toMatchObject({ unchanged: 108 });
    expect(await stored(scenario.id)).toEqual(before.stored);
    expect(await result(scenario.id)).toEqual(before.result);
    expect(await history(scenario.id)).toHaveLength(events);
  });

  it('refuses a file with bad rows whole, by row and field, and keeps the previous upload', async () => {
    const before = await stored(scenario.id);
    const bad = [
      'queue,start,agents',
      'phone,2026-02-13T09:00:00+01:00,6', // row 2: fine on its own
      'fax,2026-02-13T09:00:00+01:00,1', // row 3: unknown queue
      'phone,2026-02-13T09:10:00+01:00,1', // row 4: not a quarter-hour
      'phone,2026-02-20T09:00:00+01:00,1', // row 5: after the period
      'phone,2026-02-13T08:00:00Z,2', // row 6: the same interval as row 2
      'chat,2026-02-13T09:00:00+01:00,-3', // row 7: negative
      'chat,2026-02-13T09:15:00+01:00,2.5', // row 8: not whole
    ].join('\n');
    const refusal = (await put(scenario.id, bad).expect(400)).body as ApiError;
    expect(refusal.message).toMatch(/^6 row\(s\) are invalid, nothing was changed/);
    expect(refusal.details.map((detail) => [detail.row, detail.field])).toEqual([
      [3, 'queue'],
      [4, 'start'],
      [5, 'start'],
      [6, 'start'],
      [7, 'agents'],
      [8, 'agents'],
    ]);
    expect(refusal.details[3].reason).toBe('duplicates row 2 (same queue and start)');
    const header = (
      await put(scenario.id, 'queue,begin,agents\nphone,2026-02-13T09:00:00+01:00,1').expect(400)
    ).body as ApiError;
    expect(header.details).toEqual(
      expect.arrayContaining([
        { row: 1, field: 'start', reason: 'required column is missing' },
        { row: 1, field: 'begin', reason: 'unknown column; expected queue, start, agents' },
      ]),
    );
    await put(scenario.id, '').expect(400);
    await put(scenario.id, 'queue,start,agents\n').expect(400);
    await request(service.url)
      .put(`/api/scenarios/${scenario.id}/core-staff`)
      .set(planner)
      .send({ rows: [] })
      .expect(415);
    expect(await stored(scenario.id)).toEqual(before);
  });

  it('refuses more than 200,000 rows with 413', async () => {
    const line = 'phone,2026-02-13T09:00:00+01:00,1\n';
    const response = await put(scenario.id, `queue,start,agents\n${line.repeat(200_001)}`).expect(413);
    expect((response.body as ApiError).message).toMatch(/more than 200000 rows/);
    expect((await stored(scenario.id)).intervals).toBe(108);
  });

  it('carries the upload into a copy', async () => {
    const copy = (
      await request(service.url)
        .post(`/api/scenarios/${scenario.id}/copy`)
        .set(planner)
        .send({ name: 'Valentine core roster (copy)' })
        .expect(201)
    ).body as ScenarioDto;
    const original = await stored(scenario.id);
    expect(await stored(copy.id)).toEqual({ ...original, scenarioId: copy.id });
    expect((await result(copy.id)).totals).toEqual((await result(scenario.id)).totals);
    expect((await history(copy.id)).map((event) => event.action)).toEqual([
      'scenario.core-staff-copied',
      'scenario.created',
    ]);
    // A shorter period leaves the upload stored but unused, and says so.
    await request(service.url)
      .patch(`/api/scenarios/${copy.id}`)
      .set(planner)
      .send({ from: '2026-02-14', to: '2026-02-14' })
      .expect(200);
    const shorter = await result(copy.id);
    expect(shorter.warnings).toContain(
      '108 uploaded core-staff intervals fall outside the period 2026-02-14 to 2026-02-14; they are kept but not used',
    );
    expect(shorter.queues.find((row) => row.queue === 'phone')!.coreHours).toBe(0); // Saturday: no pattern
  });

  it('documents the routes in OpenAPI: a CSV body for the upload, JSON or CSV back', async () => {
    const document = (await request(service.url).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content: object }; responses: object }>>;
    };
    const path = document.paths['/api/scenarios/{scenarioId}/core-staff'];
    expect(Object.keys(path).sort()).toEqual(['delete', 'get', 'put']);
    expect(Object.keys(path.put.requestBody!.content)).toEqual(['text/csv']);
    expect(JSON.stringify(path.get.responses)).toContain('text/csv');
  });

  it('lets only planners change it, replaces on upload, clears on delete, all in the history', async () => {
    await put(scenario.id, UPLOAD, manager).expect(403);
    await put(scenario.id, UPLOAD, poolMember).expect(403);
    await request(service.url).delete(`/api/scenarios/${scenario.id}/core-staff`).set(manager).expect(403);
    await request(service.url).get(`/api/scenarios/${scenario.id}/core-staff`).set(poolMember).expect(403);

    // A smaller file replaces the upload: chat goes, one phone interval changes.
    const smaller = [
      'queue,start,agents',
      ...quarterHours(0, 24 * 60).map(
        (clock) => `phone,2026-02-13T${clock}:00+01:00,${clock === '12:00' ? 9 : 4}`,
      ),
    ].join('\n');
    const replaced = (await put(scenario.id, smaller).expect(200)).body as ScenarioCoreStaffChange;
    expect(replaced).toMatchObject({ intervals: 96, inserted: 0, updated: 1, deleted: 12, unchanged: 95 });
    const summary = (
      await request(service.url)
        .get(`/api/scenarios/${scenario.id}/core-staff?rows=false`)
        .set(planner)
        .expect(200)
    ).body as ScenarioCoreStaffDto;
    expect(summary).toEqual({
      scenarioId: scenario.id,
      intervals: 96,
      queues: [expect.objectContaining({ queue: 'phone', agentHours: 97.25 })], // (95 × 4 + 9) × 0.25
    });

    const cleared = (
      await request(service.url).delete(`/api/scenarios/${scenario.id}/core-staff`).set(planner).expect(200)
    ).body as ScenarioCoreStaffChange;
    expect(cleared).toMatchObject({ intervals: 0, deleted: 96 });
    expect(await stored(scenario.id)).toEqual({
      scenarioId: scenario.id,
      intervals: 0,
      queues: [],
      rows: [],
    });
    const computed = await result(scenario.id);
    expect(computed.queues.find((row) => row.queue === 'phone')!.coreHours).toBe(200); // 2 weekdays × 10 h × 10
    expect(computed.warnings).toEqual([]);

    const events = await history(scenario.id);
    expect(events.map((event) => event.action)).toEqual([
      'scenario.core-staff-cleared',
      'scenario.core-staff-uploaded',
      'scenario.core-staff-uploaded',
      'scenario.created',
    ]);
    expect(events.every((event) => event.actorEmail === 'planner@peakplan.test')).toBe(true);
    expect(events[0].before).toMatchObject({ intervals: 96 });
    expect(events[1].after).toMatchObject({ intervals: 96, updated: 1, deleted: 12 });
    expect(events[2].after).toMatchObject({ intervals: 108, inserted: 108 });
  });
});
