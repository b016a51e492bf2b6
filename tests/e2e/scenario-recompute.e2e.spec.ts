/**
 * The scenario editor recomputes in the browser (a Web Worker running forecasting's computeScenario on
 * the server's inputs): what it shows after a change is exactly what the server answers once the change
 * is saved. Real headless Chromium against the built product (`npm run build` first) with the demo.
 */
import { join } from 'node:path';

import { Browser, BrowserContext, Page } from 'playwright-core';

import type { ScenarioResult, ScenarioTotals } from '@peakplan/contracts';

import { RunningProduct, startProduct } from '../support/start-product';
import { launchChromium } from './support/chromium';

const SCREENSHOTS = process.env['PEAKPLAN_SCREENSHOTS'] ?? '/tmp';

describe('the scenario recompute in the browser against the server', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let logged: string[];

  beforeAll(async () => {
    // The demo's past peaks give scenarios to open (prepared in the background after the start).
    [product, browser] = await Promise.all([
      startProduct({ timeoutMs: 420_000, waitForDemo: true }),
      launchChromium(),
    ]);
    context = await browser.newContext({ baseURL: product.baseUrl, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    logged = [];
    page.on('pageerror', (error) => logged.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') logged.push(`console error: ${message.text()}`);
    });
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('planner@peakplan.test');
    await page.getByLabel('Password').fill('peakplan-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/planning');
  }, 480_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  const totalsOnScreen = async (): Promise<ScenarioTotals> =>
    JSON.parse((await page.getByTestId('scenario-totals').getAttribute('data-totals'))!) as ScenarioTotals;

  it('shows after each change what the server gives once it is saved, totals and intervals', async () => {
    await page.goto('/planning/scenarios');
    const totals = page.getByTestId('scenario-totals');
    await totals.waitFor();
    const saved = await totalsOnScreen();
    const scenarioId = await page.getByRole('combobox', { name: 'Open scenario' }).inputValue();

    // Change several adjustments at once, as a planner would: more volume, more shrinkage, core staff.
    const editor = page.getByRole('form', { name: 'Scenario adjustments' });
    await editor.getByRole('slider', { name: 'Volume change (%)' }).fill('15');
    await editor.getByRole('slider', { name: 'Shrinkage (%)' }).fill('35');
    await editor.getByRole('button', { name: 'Add core staff pattern' }).click();
    await editor.getByLabel('Pool').fill('41');
    await page.getByTestId('recompute-status').filter({ hasText: 'Not saved yet' }).waitFor();
    await page.waitForFunction((before) => {
      const element = document.querySelector('[data-testid="scenario-totals"]');
      const section = document.querySelector('section.result');
      if (!element || section?.getAttribute('aria-busy') !== 'false') return false;
      const shown = JSON.parse(element.getAttribute('data-totals')!) as {
        poolCost: number;
        coreHours: number;
      };
      // The last change (pool €41 an hour) is in, and the core staff pattern too.
      return shown.coreHours > before.coreHours && shown.poolCost !== before.poolCost;
    }, saved);
    const inBrowser = await totalsOnScreen();
    // A sample of heatmap cells (pool gap per interval, all queues summed): every tenth, with its value.
    const cells = await page
      .getByTestId('heatmap')
      .locator('rect')
      .evaluateAll((rects) =>
        rects
          .filter((_, index) => index % 10 === 0)
          .map((rect) => ({
            key: rect.getAttribute('data-cell')!,
            value: Number(rect.getAttribute('data-value')),
          })),
      );
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.some((cell) => cell.value > 0)).toBe(true);
    const milliseconds = Number(await page.getByTestId('recompute-ms').textContent());
    process.stdout.write(`scenario recompute in the browser's worker: ${milliseconds} ms\n`);
    await page.screenshot({ path: join(SCREENSHOTS, 'peakplan-scenario-recompute.png'), fullPage: true });

    await editor.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByTestId('scenario-notice').filter({ hasText: 'Saved' }).waitFor();
    const response = await page.request.get(`/api/scenarios/${scenarioId}/result`);
    expect(response.status()).toBe(200);
    const server = (await response.json()) as ScenarioResult;

    expect(inBrowser).toEqual(server.totals);
    const poolGapAt = new Map<string, number>();
    for (const interval of server.intervals!) {
      const key = `${interval.start.slice(0, 10)} ${interval.start.slice(11, 16)}`;
      poolGapAt.set(key, (poolGapAt.get(key) ?? 0) + interval.poolGap);
    }
    for (const cell of cells) expect([cell.key, cell.value]).toEqual([cell.key, poolGapAt.get(cell.key)]);
    // Once saved, the page says the result is the saved one.
    await page.getByTestId('recompute-status').filter({ hasText: 'The saved scenario' }).waitFor();
    expect(logged).toEqual([]);
  });

  it('draws the heatmap with a legend in agents and a title on every cell, and switches the figure', async () => {
    const heatmap = page.getByTestId('heatmap');
    expect(await page.getByRole('list', { name: 'Legend: agents per interval' }).textContent()).toContain(
      'agents (pool gap)',
    );
    const rects = await heatmap.locator('rect').count();
    expect(await heatmap.locator('rect > title').count()).toBe(rects);
    expect(await heatmap.locator('rect > title').first().textContent()).toMatch(
      /pool gap \d+ agents \(required \d+, scheduled \d+, core \d+, pool gap \d+\)/,
    );
    await page.getByRole('radio', { name: 'Core staff' }).check();
    await page.getByText('Core staff in agents per interval, all queues').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'peakplan-scenario-heatmap.png'), fullPage: true });
    expect(logged).toEqual([]);
  });

  it('repaints the result after a slider move (times printed, not asserted: the machine is shared)', async () => {
    // From the slider's input event to the frame after the new figures are in the page: the editor's
    // 60 ms rest, the worker's recompute, Angular's render of totals, bars and heatmap.
    const before = await totalsOnScreen();
    const timing = await page.evaluate(
      () =>
        new Promise<{ repaintMs: number; longestGapMs: number }>((resolve) => {
          const slider = document.querySelector<HTMLInputElement>('input[name="volumeUpliftPercent"]')!;
          const totals = document.querySelector('[data-testid="scenario-totals"]')!;
          const before = totals.getAttribute('data-totals');
          const started = performance.now();
          // The page's own thread stays free while the worker computes: the longest gap between frames.
          let last = started;
          let longestGapMs = 0;
          const frame = () => {
            const now = performance.now();
            longestGapMs = Math.max(longestGapMs, now - last);
            last = now;
            if (totals.getAttribute('data-totals') === before) requestAnimationFrame(frame);
            else
              requestAnimationFrame(() => resolve({ repaintMs: performance.now() - started, longestGapMs }));
          };
          requestAnimationFrame(frame);
          slider.value = String(Number(slider.value) + 5);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
        }),
    );
    process.stdout.write(
      `slider move to repainted result: ${Math.round(timing.repaintMs)} ms; longest frame gap while computing ${Math.round(timing.longestGapMs)} ms\n`,
    );
    // Five points more volume on the slider: more contacts shown than before the move.
    const moved = await totalsOnScreen();
    expect(moved.contacts).toBeGreaterThan(before.contacts);
    expect(logged).toEqual([]);
  });
});
