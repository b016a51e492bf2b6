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

  /**
   * Hovers a grid of cells of the heatmap (every 4th day, every 10th time of day) and reads each one's
   * tooltip (its day and time, and its value) and the colour painted at its centre.
   */
  const sampleHeatmapCells = async (): Promise<{ key: string; value: number; colour: string }[]> => {
    const heatmap = page.getByTestId('heatmap');
    await heatmap.scrollIntoViewIfNeeded();
    const box = (await heatmap.boundingBox())!;
    const grid = await heatmap.evaluate((canvas) => ({
      left: Number(canvas.dataset['left']),
      top: Number(canvas.dataset['top']),
      cellWidth: Number(canvas.dataset['cellWidth']),
      cellHeight: Number(canvas.dataset['cellHeight']),
    }));
    const columns = Math.floor((box.width - grid.left) / grid.cellWidth);
    const rows = Math.floor((box.height - grid.top) / grid.cellHeight);
    const sample: { key: string; value: number; colour: string }[] = [];
    let shown: string | null = null;
    for (let row = 0; row < rows; row += 4)
      for (let column = 0; column < columns; column += 10) {
        const x = grid.left + column * grid.cellWidth + grid.cellWidth / 2;
        const y = grid.top + row * grid.cellHeight + grid.cellHeight / 2;
        await page.mouse.move(box.x + x, box.y + y);
        await page.waitForFunction((before) => {
          const key = document.querySelector('[data-testid="heatmap-tooltip"]')?.getAttribute('data-cell');
          return key !== undefined && key !== null && key !== before;
        }, shown);
        const tooltip = page.getByTestId('heatmap-tooltip');
        shown = await tooltip.getAttribute('data-cell');
        const value = await tooltip.getAttribute('data-value');
        if (value === null) continue; // a time of day this day has no interval at
        const colour = await heatmap.evaluate(
          (element, at) => {
            const canvas = element as HTMLCanvasElement;
            const ratio = canvas.width / canvas.getBoundingClientRect().width;
            const [red, green, blue] = canvas
              .getContext('2d')!
              .getImageData(Math.floor(at.x * ratio), Math.floor(at.y * ratio), 1, 1).data;
            return `rgb(${red}, ${green}, ${blue})`;
          },
          { x, y },
        );
        sample.push({ key: shown!, value: Number(value), colour });
      }
    await page.mouse.move(0, 0);
    return sample;
  };

  /** The legend's bins: whole agents from–to and the swatch colour. */
  const legendBins = async (): Promise<{ from: number; to: number; colour: string }[]> =>
    page
      .getByRole('list', { name: 'Legend: agents per interval' })
      .locator('li:has(.swatch)')
      .evaluateAll((items) =>
        items.map((item) => {
          const [from, to] = item.textContent!.trim().split('–').map(Number);
          const colour = getComputedStyle(item.querySelector('.swatch')!).backgroundColor;
          return { from, to: to ?? from, colour };
        }),
      );

  const binOf = (bins: { from: number; to: number; colour: string }[], value: number) =>
    bins.find((bin) => value >= bin.from && value <= bin.to)?.colour;

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
    // A sample of heatmap cells (pool gap per interval, all queues summed), read as a planner reads them:
    // the tooltip of the cell under the mouse, and the cell's colour against the legend.
    const cells = await sampleHeatmapCells();
    expect(cells.length).toBeGreaterThan(30);
    expect(cells.some((cell) => cell.value > 0)).toBe(true);
    const bins = await legendBins();
    for (const cell of cells) expect([cell.key, cell.colour]).toEqual([cell.key, binOf(bins, cell.value)]);
    const milliseconds = Number(await page.getByTestId('recompute-ms').textContent());
    // The last change was a cost: the staffing kept from the change before is reused.
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

  it('draws the heatmap with a legend in agents, reads cells out by keyboard, and switches the figure', async () => {
    const heatmap = page.getByRole('img', { name: /^Pool gap in agents per interval, all queues/ });
    expect(await page.getByRole('list', { name: 'Legend: agents per interval' }).textContent()).toContain(
      'agents (pool gap)',
    );
    // The label names the size and the busiest cells for a screen reader; a table gives each day's peak.
    expect(await heatmap.getAttribute('aria-labelledby')).toBe('heatmap-title heatmap-summary');
    const summary = (await page.locator('#heatmap-summary').textContent())!;
    expect(summary).toMatch(/^\d+ days × \d+ intervals; highest: /);
    const days = page.getByTestId('heatmap-days');
    expect(await days.locator('tbody tr').count()).toBe(Number(summary.split(' ')[0]));
    expect(await days.locator('tbody tr').first().locator('td').nth(1).textContent()).toMatch(/^\d\d:\d\d$/);
    // The arrow keys move a tooltip from cell to cell, and it is read out. Each key is waited for: Angular
    // paints after the key, and reading at once could give the cell before.
    const tooltip = page.getByTestId('heatmap-tooltip');
    const press = async (key: string): Promise<string> => {
      const before = (await tooltip.count()) > 0 ? await tooltip.getAttribute('data-cell') : null;
      await page.keyboard.press(key);
      await page.waitForFunction((previous) => {
        const cell = document.querySelector('[data-testid="heatmap-tooltip"]')?.getAttribute('data-cell');
        return cell !== undefined && cell !== null && cell !== previous;
      }, before);
      return (await tooltip.getAttribute('data-cell'))!;
    };
    await heatmap.focus();
    const first = await press('ArrowRight'); // the first key shows the top left cell
    const below = await press('ArrowDown');
    const atEnd = await press('End');
    expect(below > first).toBe(true); // the next day, the same time
    expect([atEnd.slice(0, 10), atEnd.slice(11) > below.slice(11)]).toEqual([below.slice(0, 10), true]);
    const said = (await tooltip.textContent())!.trim();
    expect(said).toMatch(
      /: (pool gap \d+ agents \(required \d+, scheduled \d+, core \d+, pool gap \d+\)|no interval)$/,
    );
    await page.locator('[aria-live="polite"]').filter({ hasText: said }).waitFor();
    // Home: the same day, its first time of day.
    expect(await press('Home')).toBe(below);
    await page.getByRole('radio', { name: 'Core staff' }).check();
    await page.getByText('Core staff in agents per interval, all queues').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'peakplan-scenario-heatmap.png'), fullPage: true });
    expect(logged).toEqual([]);
  });

  it('repaints the result after a slider move (times printed, not asserted: the machine is shared)', async () => {
    // From the slider's input event to the frame after the new figures are in the page: the worker's
    // recompute (at once, the worker being free), Angular's render of totals, bars and heatmap.
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
    // The volume moved: every interval's contacts change, so nothing kept from before applies.
    const workerMs = Number(await page.getByTestId('recompute-ms').textContent());
    process.stdout.write(
      `slider move to repainted result: ${Math.round(timing.repaintMs)} ms (recompute in the worker ${workerMs} ms); longest frame gap while computing ${Math.round(timing.longestGapMs)} ms\n`,
    );
    // Five points more volume on the slider: more contacts shown than before the move.
    const moved = await totalsOnScreen();
    expect(moved.contacts).toBeGreaterThan(before.contacts);
    expect(logged).toEqual([]);
  });
});
