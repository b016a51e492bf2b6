/**
 * The planner's working day in a real headless Chromium against the built product on a fresh embedded
 * database with the demo organisation: queues and events, history import, forecast, scenarios.
 * Needs `npm run build` first. Screenshots of each page go to $PEAKPLAN_SCREENSHOTS (default /tmp).
 */
import { join } from 'node:path';

import { Browser, BrowserContext, Page } from 'playwright-core';

import { RunningProduct, startProduct } from '../support/start-product';
import { launchChromium } from './support/chromium';

const DEMO_PASSWORD = 'peakplan-demo';
const SCREENSHOTS = process.env['PEAKPLAN_SCREENSHOTS'] ?? '/tmp';
const FIXTURES = join(__dirname, '..', 'fixtures', 'history-import');

describe("the planner's pages in a real browser", () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Script errors and console errors (a failed request logs one): an ordinary visit has none. */
  let logged: string[];

  const screenshot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `peakplan-${name}.png`), fullPage: true });

  beforeAll(async () => {
    // The first start loads two years of demo history: minutes on a busy machine.
    [product, browser] = await Promise.all([
      startProduct({ timeoutMs: 420_000, waitForDemo: true }),
      launchChromium(),
    ]);
    // One signed-in planner for the whole file: sign-ins are rate limited per email.
    context = await browser.newContext({ baseURL: product.baseUrl, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    logged = [];
    page.on('pageerror', (error) => logged.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') logged.push(`console error: ${message.text()}`);
    });
  }, 480_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  afterEach(() => {
    expect(logged).toEqual([]);
    logged.length = 0;
  });

  it('shows the sign-in page without a console error, then signs the planner in', async () => {
    await page.goto('/');
    await page.waitForURL('**/sign-in**');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The session check answered "not signed in" without a 401 in the console.
    await page.waitForLoadState('networkidle');
    expect(logged).toEqual([]);
    await page.getByLabel('Email').fill('planner@peakplan.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/planning');
  });

  it('creates an event with a rule, sees its next dates previewed, and finds it in the list', async () => {
    await page
      .getByRole('navigation', { name: 'Planning' })
      .getByRole('link', { name: 'Queues and events' })
      .click();
    await page.waitForURL('**/planning/queues-events');
    await page.getByRole('table', { name: 'Events' }).waitFor();
    await page.getByRole('button', { name: 'New event' }).click();

    const form = page.getByRole('form', { name: 'New event' });
    await form.getByLabel('Name').fill('Back to school');
    await form.getByLabel('Date rule', { exact: true }).selectOption('last-weekday');
    await form.getByLabel('Month', { exact: true }).selectOption({ label: 'August' });
    await form.getByLabel('Weekday', { exact: true }).selectOption({ label: 'Friday' });
    await form.getByLabel('Days before (window)').fill('5');
    await form.getByLabel('Days after (window)').fill('2');
    const preview = form.getByTestId('event-preview');
    expect(await preview.textContent()).toContain('Rule: last Friday of August');
    // The next three dates, in nl-NL, each a Friday (vr) in August whatever today is: "vr 27 aug 2027".
    expect((await preview.textContent())!.match(/vr \d{2} aug \d{4}/g)).toHaveLength(3);
    await screenshot('queues-events-form');
    await form.getByRole('button', { name: 'Create event' }).click();

    await page.getByTestId('upkeep-notice').filter({ hasText: 'Event Back to school created.' }).waitFor();
    const row = page.getByTestId('event-row').filter({ hasText: 'Back to school' });
    await row.waitFor();
    expect(await row.textContent()).toContain('last Friday of August');
    expect(await row.textContent()).toContain('5 days before · 2 after');
    await screenshot('queues-events');
  });

  it('shows the server refusal of a taken key in the form', async () => {
    await page.getByRole('button', { name: 'New event' }).click();
    const form = page.getByRole('form', { name: 'New event' });
    await form.getByLabel('Name').fill('Back to school');
    await form.getByRole('button', { name: 'Create event' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('already exists');
    // A 409 is an answer the page shows, not a console problem of ours; the browser logs the failed request.
    logged.length = 0;
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('runs a forecast for a queue, watches it, and sees the band and the backtest table', async () => {
    await page.getByRole('navigation', { name: 'Planning' }).getByRole('link', { name: 'Forecast' }).click();
    await page.waitForURL('**/planning/forecast');
    const form = page.getByRole('form', { name: 'Run a forecast' });
    await form.getByLabel('Queue', { exact: true }).selectOption({ label: 'chat' });
    await form.getByLabel('Horizon (days)').fill('42');
    await form.getByRole('button', { name: 'Start forecast' }).click();

    const result = page.getByTestId('forecast-result');
    await result.waitFor({ timeout: 180_000 });
    expect(await result.getByRole('heading').first().textContent()).toContain('chat');
    expect(await result.textContent()).toContain('Why this model');
    const canvas = result.locator('canvas');
    await canvas.waitFor();
    await page.getByTestId('backtest-table').waitFor();
    await screenshot('forecast');
    const label = await canvas.getAttribute('aria-label');
    expect(label).toMatch(
      /^Forecast of contacts per day for chat from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, median total [\d.]+, with its P10 to P90 band\./,
    );
    const ink = await page.$eval('[data-testid="forecast-result"] canvas', (element) => {
      const chart = element as HTMLCanvasElement;
      const { data } = chart.getContext('2d')!.getImageData(0, 0, chart.width, chart.height);
      let band = 0;
      let median = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [red, green, blue, alpha] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (alpha === 0) continue;
        // The canvas is transparent: the band is sky blue #56B4E9 (86, 180, 233) at 35% opacity
        // (alpha ≈ 89, more where an event window overlaps it); the median line is blue #0072B2.
        if (alpha > 60 && alpha < 200 && red < 130 && green > 150 && blue > 200) band += 1;
        if (red < 40 && green > 90 && green < 135 && blue > 150 && blue < 200) median += 1;
      }
      return { band, median };
    });
    expect(ink.band).toBeGreaterThan(2000);
    expect(ink.median).toBeGreaterThan(200);

    const table = page.getByTestId('backtest-table');
    await table.waitFor();
    const names = await table.locator('tbody th').allTextContents();
    expect(names.map((name) => name.trim())).toEqual([
      'Chosen model',
      'Regression',
      'Seasonal naive',
      "Last year's uplift",
    ]);
    const rows = await table.locator('tbody tr').allTextContents();
    // WAPE as an nl-NL percentage with a decimal comma.
    expect(rows[0]).toMatch(/\d+,\d%/);

    // One day interval by interval: it opens on the busiest open day; another day can be chosen.
    const intraday = page.getByTestId('forecast-intraday');
    const intradayCanvas = intraday.locator('canvas');
    await intradayCanvas.waitFor();
    expect(await intradayCanvas.getAttribute('aria-label')).toMatch(
      /^chat on .+: forecast per interval: \d+ points, [\d.]+ contacts forecast\.$/,
    );
    const day = intraday.getByLabel('Day');
    const options = await day
      .locator('option:not([disabled])')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLOptionElement).value));
    const other = options.find((value) => value !== options[0]) ?? options[0];
    await day.selectOption(other);
    await intraday
      .getByText(/contacts forecast this day; the busiest interval starts at \d\d:\d\d/)
      .waitFor();
    await screenshot('forecast-intraday');
  }, 300_000);

  it("imports a file with a progress bar, shows a refused file's problems as a table, and refreshes the charts", async () => {
    await page
      .getByRole('navigation', { name: 'Planning' })
      .getByRole('link', { name: 'History and import' })
      .click();
    await page.waitForURL(/\/planning$/);
    const panel = page.getByRole('form', { name: 'Import history' });
    await page.locator('section.history[aria-busy="false"]').waitFor();

    // A refused file: negative counts on rows 3 and 4 (tests/fixtures/history-import/README.md).
    await panel.getByLabel('History file (CSV)').setInputFiles(join(FIXTURES, 'negative-counts.csv'));
    await panel.getByRole('button', { name: 'Import' }).click();
    const problemTable = page.getByTestId('import-problems');
    await problemTable.waitFor();
    expect(await page.getByTestId('import-refused').textContent()).toContain('nothing was imported');
    const cells = await problemTable
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent!.trim())),
      );
    expect(cells.map(([row, field]) => [row, field])).toEqual([
      ['3', 'offered'],
      ['4', 'handled'],
    ]);
    await screenshot('import-refused');
    // The browser logs the 422 it was answered; that is the refusal the page shows, not a fault.
    expect(logged.every((line) => line.includes('422'))).toBe(true);
    logged.length = 0;

    // A good file: one day of email long before the demo history; the charts load again afterwards.
    const file = {
      name: 'email-2020.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('queue,start,offered\nemail,2020-01-15,321\n'),
    };
    await panel.getByLabel('History file (CSV)').setInputFiles(file);
    const reloaded = page.waitForResponse(
      (response) => response.url().includes('/history/daily') && response.ok(),
    );
    // Hold the upload a moment, as a large file over a slow line would, to see the progress bar.
    await page.route('**/api/history/imports?**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue().catch(() => undefined);
    });
    await panel.getByRole('button', { name: 'Import' }).click();
    const progress = page.getByTestId('import-progress');
    await progress.waitFor();
    expect(await progress.locator('progress').count()).toBe(1);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await page.unroute('**/api/history/imports?**');
    expect(await report.textContent()).toContain(
      'Imported email-2020.csv: 1 rows read, 1 new, 0 changed, 0 unchanged.',
    );
    await reloaded;
    await page.locator('section.history[aria-busy="false"]').waitFor();
    await screenshot('history-import');
  });

  it('creates a scenario, warns without core staff, moves a slider and sees the pool gap total change', async () => {
    await page.getByRole('navigation', { name: 'Planning' }).getByRole('link', { name: 'Scenarios' }).click();
    await page.waitForURL('**/planning/scenarios');
    const create = page.getByRole('form', { name: 'New scenario' });
    await create.getByLabel('New scenario name').fill('Peak base');
    await create.getByRole('button', { name: 'Create scenario' }).click();
    await page.getByTestId('scenario-notice').filter({ hasText: 'Scenario Peak base created.' }).waitFor();

    const gap = page.getByTestId('pool-gap-total');
    await gap.waitFor();
    await page.locator('section.result[aria-busy="false"]').waitFor();
    expect(await page.getByTestId('no-core-staff').textContent()).toContain('no core staff');
    const before = await gap.textContent();
    const totals = await page.getByTestId('scenario-totals').textContent();
    // Scheduled = core used + pool gap, said on screen.
    expect(totals).toMatch(/= core used [\d.]+ h \+ pool gap [\d.]+ h/);
    await screenshot('scenario-before');

    const editor = page.getByRole('form', { name: 'Scenario adjustments' });
    await editor.getByRole('slider', { name: 'Volume change (%)' }).fill('25');
    expect(await editor.getByRole('slider', { name: 'Volume change (%)' }).inputValue()).toBe('25');
    await editor.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByTestId('scenario-notice').filter({ hasText: 'Saved' }).waitFor();
    // Saving reloads the list; the result must then be the saved scenario's, not the old one again.
    await page.waitForFunction(
      ([selector, old]) => {
        const element = document.querySelector(selector);
        const status = document.querySelector('[data-testid="recompute-status"]')?.textContent ?? '';
        return element !== null && element.textContent !== old && status.includes('The saved scenario');
      },
      ['[data-testid="pool-gap-total"]', before] as const,
    );
    expect(await editor.getByRole('slider', { name: 'Volume change (%)' }).inputValue()).toBe('25');
    const after = await gap.textContent();
    const hours = (text: string | null) => Number(/([\d.]+) h/.exec(text ?? '')![1].replace(/\./g, ''));
    // 25% more contacts need more pool hours when there is no core staff.
    expect(hours(after)).toBeGreaterThan(hours(before));
    await screenshot('scenario-after');
  });

  it('compares two scenarios side by side', async () => {
    const create = page.getByRole('form', { name: 'New scenario' });
    await create.getByLabel('New scenario name').fill('Peak lean');
    await create.getByRole('button', { name: 'Create scenario' }).click();
    await page.getByTestId('scenario-notice').filter({ hasText: 'Scenario Peak lean created.' }).waitFor();
    const pick = page.getByRole('group', { name: 'Scenarios to compare' });
    await pick.getByLabel('Peak base').check();
    await pick.getByLabel('Peak lean').check();
    await pick.getByRole('button', { name: 'Compare' }).click();
    const table = page.getByTestId('comparison');
    await table.waitFor();
    const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
    expect(headers).toEqual(['Figure', 'Peak base', 'Peak lean', 'Difference']);
    // Peak base has 25% more volume: Peak lean needs fewer pool hours, a negative difference.
    const poolRow = table.locator('tbody tr').filter({ hasText: 'Pool gap hours' });
    expect(await poolRow.locator('td').last().textContent()).toMatch(/^-[\d.]+$/);
    await screenshot('scenario-compare');
  });

  it('sends the planner to the staffing page to run the shift plan of the open scenario', async () => {
    // Shift plans are run in one place: the scenario page links there with its scenario chosen.
    await page.getByRole('combobox', { name: 'Open scenario' }).selectOption({ label: 'Peak base' });
    const scenarioId = await page.getByRole('combobox', { name: 'Open scenario' }).inputValue();
    await page.getByRole('link', { name: 'Plan shifts for Peak base' }).click();
    await page.waitForURL(`**/planning/staffing?scenario=${scenarioId}`);
    const form = page.getByRole('form', { name: 'Run a shift plan' });
    expect(await form.getByLabel('Scenario').inputValue()).toBe(scenarioId);
    await form.getByRole('button', { name: 'Run shift plan' }).click();
    await page.getByTestId('timeline-shift').first().waitFor({ timeout: 240_000 });
    expect(await page.getByTestId('plan-result').getByRole('heading', { level: 2 }).textContent()).toBe(
      'Shifts of "Peak base"',
    );
    // Days of the scenario's first week, the first with a gap to cover and shifts for it (no core staff).
    const days = page.getByTestId('timeline-day');
    expect(await days.count()).toBeGreaterThan(0);
    const heading = (await days.first().locator('h4').textContent())!.replace(/\s+/g, ' ');
    const [, shifts, gapHours] = /· (\d+) shifts, .* gap ([\d.,]+) h/.exec(heading)!;
    expect(Number(shifts)).toBeGreaterThan(0);
    expect(Number(gapHours.replace(/[.,]/g, ''))).toBeGreaterThan(0);
    await screenshot('shift-plan');
  }, 300_000);
});
