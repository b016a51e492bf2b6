/**
 * A new manager on a first start, in real headless Chromium against the built product on a fresh
 * embedded database: the demo's past peaks are reviewed, and the review shows its figures, its
 * accuracy per queue and forecast against actual per day and per interval. Needs `npm run build`.
 */
import { Browser, BrowserContext, Page } from 'playwright-core';

import { RunningProduct, startProduct } from '../support/start-product';
import { collectPageErrors, launchChromium } from './support/chromium';

/** Pixels of a canvas in the chart's actual (#d55e00) and forecast (#0072b2) colours. */
function chartInk(page: Page, index: number): Promise<{ actual: number; forecast: number }> {
  return page.$$eval(
    'pp-forecast-actual-chart canvas',
    (canvases, at) => {
      const canvas = canvases[at] as HTMLCanvasElement;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let actual = 0;
      let forecast = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [red, green, blue, alpha] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (alpha < 128) continue;
        if (red > 180 && green > 60 && green < 130 && blue < 60) actual += 1;
        if (red < 60 && green > 80 && green < 150 && blue > 140) forecast += 1;
      }
      return { actual, forecast };
    },
    index,
  );
}

describe('management in a real browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    context = await browser.newContext({ baseURL: product.baseUrl, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  }, 400_000); // a first start loads the demo (then forecasts, plans and reviews its past peaks)

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('opens last Valentine’s review with its figures, accuracy table and charts on a first start', async () => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('manager@peakplan.test');
    await page.getByLabel('Password').fill('peakplan-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/management');

    // The product listens before the demo's past peaks are ready; the page says how far they are and
    // shows the reviews when they are (on a busy two-core machine that can take minutes).
    const reviews = page.getByRole('list', { name: 'Reviewed peaks, newest first' }).getByRole('button');
    await reviews.first().waitFor({ timeout: 300_000 });
    const names = await reviews.locator('strong').allTextContents();
    expect(names).toHaveLength(3);
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/^Valentine's Day \d{4}$/)]));

    await reviews.filter({ hasText: "Valentine's Day" }).click();
    await page
      .getByRole('heading', { name: /^Valentine's Day \d{4}: \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d$/ })
      .waitFor();
    const figure = (name: string) =>
      page.locator('.figure').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) });
    await expect(figure('Contacts').locator('.value').textContent()).resolves.toMatch(/^[\d.]+$/);
    await expect(figure('Service level reached').locator('.value').textContent()).resolves.toMatch(
      /^\d+(,\d)?%$/,
    );
    const rows = page.locator('table tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual(['chat', 'email', 'phone']);
    for (const cell of await rows.locator('td').allTextContents())
      expect(cell).toMatch(/^([-+]?\d+(,\d)?%|–)$/);

    // Both charts drew the actual and the forecast, and the interval chart opened on 14 February.
    const dayOption = page.getByLabel('Day', { exact: true }).locator('option:checked');
    expect((await dayOption.textContent())?.trim()).toMatch(/-02-14 \(event day\)$/);
    const daily = await chartInk(page, 0);
    const intervals = await chartInk(page, 1);
    expect(daily.actual).toBeGreaterThan(200);
    expect(daily.forecast).toBeGreaterThan(100);
    expect(intervals.actual).toBeGreaterThan(200);
    expect(intervals.forecast).toBeGreaterThan(100);

    // Another queue and day redraw the charts with their titles.
    await page.getByLabel('Queue', { exact: true }).selectOption({ label: 'phone' });
    const daySelect = page.getByLabel('Day', { exact: true });
    await daySelect.selectOption({ index: 0 });
    const firstDay = await daySelect.inputValue();
    expect(firstDay).toMatch(/^\d{4}-02-\d\d$/);
    await page.screenshot({ path: 'tmp/screenshots/management-valentines.png', fullPage: true });
    const labels = await page
      .locator('pp-forecast-actual-chart canvas')
      .evaluateAll((canvases) => canvases.map((canvas) => canvas.getAttribute('aria-label') ?? ''));
    expect(labels[0]).toMatch(/^phone: contacts per day, actual against the plan: \d+ points/);
    expect(labels[1]).toContain(`phone on ${firstDay}: contacts per 15 minutes`);
    expect(pageErrors).toEqual([]);
  }, 420_000);
});
