/**
 * Staffing plan and publishing in a real headless Chromium against the built product on a fresh
 * embedded database with the demo organisation: the planner runs a shift plan for a scenario, reads its
 * timeline, publishes it; a member signs up through the API; the planner sees coverage move, closes
 * sign-up (the next member is refused), downloads the roster CSV and opens the print page. Then the
 * history chart's zoom buttons and its event-day labels (a closed Christmas reads "closed").
 * Needs `npm run build` first. Screenshots go to $PEAKPLAN_SCREENSHOTS (default /tmp).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DateTime } from 'luxon';
import { Browser, BrowserContext, Page } from 'playwright-core';

import type {
  EventDto,
  ForecastRunSummary,
  PoolShiftDto,
  QueueDto,
  ScenarioDto,
  StaffingPlanDto,
} from '@peakplan/contracts';

import { RunningProduct, startProduct } from '../support/start-product';
import { launchChromium } from './support/chromium';

const DEMO_PASSWORD = 'peakplan-demo';
const SCREENSHOTS = process.env['PEAKPLAN_SCREENSHOTS'] ?? '/tmp';

describe('staffing plan, publishing and coverage in a real browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let logged: string[];
  let plannerToken: string;
  let phone: QueueDto;
  let published: PoolShiftDto[];
  let scenarioId: string;
  /** The plan's day: the day after tomorrow in the organisation's zone, so sign-up is still open. */
  const day = DateTime.now().setZone('Europe/Amsterdam').plus({ days: 2 }).toISODate()!;

  const screenshot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `peakplan-${name}.png`), fullPage: true });

  async function signIn(email: string): Promise<string> {
    const response = await fetch(`${product.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }

  async function api<T>(
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${product.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  beforeAll(async () => {
    [product, browser] = await Promise.all([
      startProduct({ timeoutMs: 420_000, waitForDemo: true }),
      launchChromium(),
    ]);
    context = await browser.newContext({
      baseURL: product.baseUrl,
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    logged = [];
    page.on('pageerror', (error) => logged.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') logged.push(`console error: ${message.text()}`);
    });
    // A scenario for one day of phone, without core staff: its whole need is pool gap.
    plannerToken = await signIn('planner@peakplan.test');
    phone = (await api<QueueDto[]>(plannerToken, 'GET', '/api/queues')).body.find(
      (queue) => queue.name === 'phone',
    )!;
    const runs = await api<ForecastRunSummary[]>(plannerToken, 'POST', '/api/forecast-runs', {
      queueId: phone.id,
      horizonDays: 3,
    });
    expect(runs.status).toBe(202);
    for (const run of runs.body) {
      for (let wait = 0; ; wait++) {
        const now = await api<ForecastRunSummary>(plannerToken, 'GET', `/api/forecast-runs/${run.id}`);
        if (now.body.status === 'completed') break;
        expect(now.body.status).toBe('running');
        expect(wait).toBeLessThan(300);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    const scenario = await api<ScenarioDto>(plannerToken, 'POST', '/api/scenarios', {
      name: 'Publish test',
      forecastRunIds: runs.body.map((run) => run.id),
      from: day,
      to: day,
    });
    expect(scenario.status).toBe(201);
    scenarioId = scenario.body.id;
  }, 900_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  afterEach(() => {
    expect(logged).toEqual([]);
    logged.length = 0;
  });

  it('signs the planner in and runs the shift plan, showing it running and then the timeline', async () => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('planner@peakplan.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/planning');
    await page
      .getByRole('navigation', { name: 'Planning' })
      .getByRole('link', { name: 'Staffing and publishing' })
      .click();
    await page.waitForURL('**/planning/staffing');
    const form = page.getByRole('form', { name: 'Run a shift plan' });
    await form.getByLabel('Scenario').selectOption(scenarioId);
    await form.getByLabel('From').fill(day);
    await form.getByLabel('To').fill(day);
    await form.getByRole('button', { name: 'Run shift plan' }).click();
    await page.getByTestId('plan-running').waitFor();
    await page.getByTestId('timeline-shift').first().waitFor({ timeout: 180_000 });
    expect(page.url()).toMatch(/plan=[0-9a-f-]{36}/);
    const bars = await page.getByTestId('timeline-shift').count();
    expect(bars).toBeGreaterThan(0);
    expect(await page.getByTestId('timeline-day').count()).toBe(1);
    expect(await page.getByTestId('publishing-state').textContent()).toContain(
      `Not published yet: ${bars} draft shifts.`,
    );
    await screenshot('staffing-timeline');
  });

  it('publishes to the pool, and coverage moves when a member signs up', async () => {
    await page.getByRole('button', { name: /^Publish \d+ shifts? to the pool$/ }).click();
    await page.getByTestId('publishing-notice').filter({ hasText: 'Published' }).waitFor();
    const totals = page.getByTestId('coverage-totals');
    await totals.waitFor();
    const before = (await totals.textContent())!.replace(/\s+/g, ' ').trim();
    expect(before).toMatch(/^0 \/ [\d.]+ \/ [\d.]+$/);

    const planId = new URL(page.url()).searchParams.get('plan')!;
    published = (await api<PoolShiftDto[]>(plannerToken, 'GET', '/api/pool/shifts')).body.filter(
      (shift) => shift.staffingPlanId === planId,
    );
    const first = published[0];
    // member015: approved, phone-trained, available any time (backend/src/demo/demo-pool.ts).
    const member = await signIn('member015@peakplan.test');
    expect((await api(member, 'POST', `/api/pool/shifts/${first.id}/sign-ups`)).status).toBe(201);

    await page.getByRole('button', { name: 'Refresh now' }).click();
    // One confirmed member on the first shift covers each interval that starts within it: its minutes
    // over the queue's interval length, e.g. 4 h of 15-minute intervals = 16 agent-intervals.
    const minutes = (Date.parse(first.endsAt) - Date.parse(first.startsAt)) / 60_000;
    const confirmed = minutes / phone.intervalMinutes;
    await page.waitForFunction(
      ([expected]) =>
        document
          .querySelector('[data-testid="coverage-totals"]')
          ?.textContent?.trim()
          .startsWith(`${expected} /`),
      [confirmed],
    );
    await page.getByText('Coverage per interval as a table').click();
    expect(await page.getByTestId('coverage-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot('staffing-coverage');
  });

  it('closes sign-up: the next member is refused', async () => {
    await page.getByRole('button', { name: 'Close sign-up' }).click();
    await page
      .getByTestId('publishing-notice')
      .filter({ hasText: `Sign-up closed on ${published.length} shifts.` })
      .waitFor();
    await page.getByRole('button', { name: 'Reopen sign-up' }).waitFor();
    const other = await signIn('member025@peakplan.test');
    const refused = await api<{ code: string }>(
      other,
      'POST',
      `/api/pool/shifts/${published[1 % published.length].id}/sign-ups`,
    );
    expect([refused.status, refused.body.code]).toEqual([409, 'window-closed']);
  });

  it('downloads the roster CSV and opens the print page', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('roster-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^roster-publish-test-[0-9a-f]{8}\.csv$/);
    const rows = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe('date,start,end,starts_at,ends_at,queue,member,email,department');
    // A line per published place.
    expect(rows).toHaveLength(1 + published.reduce((sum, shift) => sum + shift.places, 0));
    const first = published[0];
    const memberRows = rows.filter((row) => row.includes('member015@peakplan.test'));
    expect(memberRows).toHaveLength(1);
    expect(
      memberRows[0].startsWith(
        `${first.date},${first.start},${first.end},${first.startsAt},${first.endsAt},phone,`,
      ),
    ).toBe(true);
    expect(rows.slice(1).every((row) => row.startsWith(`${day},`))).toBe(true);

    await page.getByRole('link', { name: 'Print roster' }).click();
    await page.waitForURL('**/planning/staffing/print?plan=*');
    const table = page.getByTestId('print-roster');
    await table.waitFor();
    expect(await table.textContent()).toContain(first.start);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Planning' }).isVisible()).toBe(false);
    await screenshot('staffing-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('zooms the history chart by day, week and year and names event days, a closed Christmas as closed', async () => {
    const events = (await api<EventDto[]>(plannerToken, 'GET', '/api/events')).body;
    const christmas = events.find((event) => /christmas/i.test(event.name))!;
    expect(
      (await api(plannerToken, 'PUT', `/api/events/${christmas.id}/closed`, { closed: true })).status,
    ).toBe(200);

    await page.goto('/planning');
    const chart = page.getByTestId('history-chart').first();
    await chart.locator('canvas').waitFor();
    const labels = chart.getByTestId('event-labels');
    // The default range is the last two years: a Christmas in it, named and closed without hovering.
    expect(await labels.textContent()).toMatch(new RegExp(`${christmas.name} · closed`));
    await screenshot('history-closed-christmas');

    const zoom = page.getByRole('group', { name: 'Zoom the history charts' });
    const shownText = async () => (await zoom.locator('.shown').textContent()) ?? '';
    await zoom.getByRole('button', { name: 'Week' }).click();
    // Angular repaints after the click: wait for what the click changes, never read it at once.
    await zoom.getByRole('button', { name: 'Week', pressed: true }).waitFor();
    // The last 7 days of the range: "<first> – <last>", a span of 6 days.
    const shown = await shownText();
    expect(shown).toMatch(/ – /);
    await zoom.getByRole('button', { name: '← Earlier' }).click();
    await until(async () => (await shownText()) !== shown, 'the week to move back');
    await zoom.getByRole('button', { name: 'Day' }).click();
    await until(async () => !/ – /.test(await shownText()), 'a single day to be shown');
    await zoom.getByRole('button', { name: 'Year' }).click();
    await zoom.getByRole('button', { name: 'Year', pressed: true }).waitFor();
    await screenshot('history-zoom-year');
    await zoom.getByRole('button', { name: 'Whole range' }).click();
    // The whole range has nothing earlier to step to.
    await zoom.getByRole('button', { name: '← Earlier' }).waitFor({ state: 'detached' });
  });

  it('opens a plan of several queues with the Queue list naming the queue its timeline draws', async () => {
    // The demo's past peaks are planned on all three queues; one day of one of them is enough.
    const scenarios = (await api<ScenarioDto[]>(plannerToken, 'GET', '/api/scenarios')).body;
    const several = scenarios.find((scenario) => scenario.forecastRunIds.length > 1)!;
    expect(several).toBeDefined();
    const plan = await api<StaffingPlanDto>(plannerToken, 'POST', '/api/staffing-plans', {
      scenarioId: several.id,
      from: several.from,
      to: several.from,
    });
    expect(plan.status).toBe(201);
    // The page opens a plan on its first shift's queue. Shifts come in order of start, so which queue
    // that is depends on the solver; put a shift of the last queue with shifts first, so that the queue
    // shown is not the list's first option (the demo's Mother's Day 2026 opened on email, listed second).
    const queuesWithShifts = plan.body.queues
      .map((queue) => queue.queue)
      .filter((queue) => plan.body.shifts.some((shift) => shift.queue === queue));
    expect(queuesWithShifts.length).toBeGreaterThan(1);
    const opening = queuesWithShifts.at(-1)!;
    const planPath = `**/api/staffing-plans/${plan.body.id}`;
    await page.route(planPath, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as StaffingPlanDto;
      const first = body.shifts.findIndex((shift) => shift.queue === opening);
      body.shifts = [body.shifts[first], ...body.shifts.filter((_, index) => index !== first)];
      await route.fulfill({ response, json: body });
    });
    await page.goto(`/planning/staffing?plan=${plan.body.id}`);
    await page.getByTestId('timeline-shift').first().waitFor({ timeout: 60_000 });
    await page.unroute(planPath);
    const queueList = page.getByTestId('plan-result').getByLabel('Queue');
    const shownQueue = () =>
      queueList.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent?.trim());
    const drawnQueue = async () =>
      /^Shifts of (.+) over the pool gap, per day$/.exec(
        (await page.locator('figure.timeline .title').first().textContent())!.trim(),
      )?.[1];
    expect(await drawnQueue()).toBe(opening);
    // The list once showed its first option (chat) above the timeline of another queue.
    expect(await shownQueue()).toBe(opening);
    const other = queuesWithShifts[0];
    await queueList.selectOption(other);
    await until(async () => (await drawnQueue()) === other, `the timeline of ${other}`);
    expect(await shownQueue()).toBe(other);
    await screenshot('staffing-several-queues');
  }, 240_000);
});

/** Polls `check` every 100 ms for up to 10 s; fails naming what it waited for. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
