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
  /** Console errors (a failed request logs one): none is expected. */
  let consoleErrors: string[];

  beforeAll(async () => {
    // The first start loads the full demo history and its past peaks: minutes on a busy machine.
    [product, browser] = await Promise.all([startProduct({ timeoutMs: 420_000 }), launchChromium()]);
    context = await browser.newContext({ baseURL: product.baseUrl, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
    consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }, 480_000); // a first start loads the demo (then forecasts, plans and reviews its past peaks)

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
    // The same peaks year by year: a row per event, a column per year.
    const years = page.getByTestId('peak-years');
    expect((await years.locator('tbody th').allTextContents()).sort()).toEqual([
      'Christmas',
      "Mother's Day",
      "Valentine's Day",
    ]);
    expect(await years.locator('tbody td').first().textContent()).toMatch(/contacts|not reviewed/);
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
    const accuracy = page.locator('table', {
      has: page.locator('caption', { hasText: 'Accuracy of the forecast used' }),
    });
    const rows = accuracy.locator('tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual(['chat', 'email', 'phone']);
    for (const cell of await rows.locator('td').allTextContents())
      expect(cell).toMatch(/^([-+]?\d+(,\d)?%|–)$/);
    // Beside it, the plainest baseline on the same days: last year's same weekdays.
    expect(await accuracy.locator('thead th').allTextContents()).toContain(
      'WAPE, same weekday last year (days)',
    );
    expect(await rows.last().locator('td').last().textContent()).toMatch(/^\d+(,\d)?%$/);

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

  it("approves an applicant of the manager's department, on a phone too", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page
      .getByRole('navigation', { name: 'Management' })
      .getByRole('link', { name: 'Pool approvals' })
      .click();
    await page.waitForURL('**/management/approvals');
    const applicants = page.getByTestId('applicant');
    await applicants.first().waitFor();
    // The demo has five Marketing members waiting (demo-pool.ts: every fortieth member).
    const before = await applicants.count();
    expect(before).toBeGreaterThan(0);
    const name = (await applicants.first().locator('h3').textContent())!.trim();
    await page.getByTestId('cap-text').first().waitFor();
    await page.getByRole('heading', { name: 'Who of your department is booked when' }).waitFor();
    await page.screenshot({ path: 'tmp/screenshots/management-approvals.png', fullPage: true });

    await applicants.first().getByRole('button', { name: 'Approve' }).click();
    await page
      .getByTestId('approvals-answer')
      .filter({ hasText: `${name} is approved` })
      .waitFor();
    await applicants.filter({ hasText: name }).waitFor({ state: 'detached' });
    await expect(applicants.count()).resolves.toBe(before - 1);
    const member = page.getByTestId('member').filter({ hasText: name });
    await member.getByText('Approved', { exact: true }).waitFor();
    // Focus went to the applicants' heading, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('applicants-heading');
    const widths = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(widths).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('compares the demo’s scenarios read-only', async () => {
    await page
      .getByRole('navigation', { name: 'Management' })
      .getByRole('link', { name: 'Scenarios' })
      .click();
    await page.waitForURL('**/management/scenarios');
    const choices = page.getByRole('group', { name: 'Pick two or more to compare' }).getByRole('checkbox');
    await choices.first().waitFor();
    expect(await choices.count()).toBeGreaterThanOrEqual(2);
    await choices.nth(0).check();
    await choices.nth(1).check();
    await page.getByRole('button', { name: 'Compare' }).click();
    const table = page.getByTestId('comparison');
    await table.waitFor();
    expect(await table.locator('tbody th').allTextContents()).toContain('Pool gap hours');
    expect(await table.locator('thead th').count()).toBe(4);
    // Nothing on the page changes a scenario.
    await expect(page.getByRole('button', { name: /save|create|mark/i }).count()).resolves.toBe(0);
    await page.screenshot({ path: 'tmp/screenshots/management-scenarios.png', fullPage: true });
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("shows the department's recognition points per member, never another department's", async () => {
    await page.getByRole('navigation', { name: 'Management' }).getByRole('link', { name: 'Points' }).click();
    await page.waitForURL('**/management/points');
    // The demo gave points for last Christmas's shifts (demo-points.ts): choose that year.
    const lastChristmas = String(
      Number(new Date().toISOString().slice(0, 4)) - (new Date().getMonth() === 11 ? 1 : 0),
    );
    await page.getByLabel('Year').selectOption(lastChristmas);
    await page.getByTestId('points-summary').waitFor();
    expect(await page.getByTestId('points-summary').textContent()).toMatch(
      /^\d+ members? earned [\d.]+ points\.$/,
    );
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
