/**
 * The contact-reasons page in a real headless Chromium against the built product on a fresh embedded
 * database with the demo organisation (420 days of history: Valentine's 2026 and the weeks before it):
 * the reasons that drive Valentine's, the quality of the answer, and a deflection scenario made from
 * the page showing the pool hours it saves. Needs `npm run build` first. Screenshots go to
 * $PEAKPLAN_SCREENSHOTS (default /tmp).
 */
import { join } from 'node:path';

import { Browser, BrowserContext, Page } from 'playwright-core';

import { RunningProduct, startProduct } from '../support/start-product';
import { launchChromium } from './support/chromium';

const DEMO_PASSWORD = 'peakplan-demo';
const SCREENSHOTS = process.env['PEAKPLAN_SCREENSHOTS'] ?? '/tmp';

jest.setTimeout(900_000);

describe('the contact-reasons page in a real browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let logged: string[];

  const screenshot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `peakplan-${name}.png`), fullPage: true });

  async function signIn(email: string): Promise<void> {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/(planning|management)$/);
  }

  beforeAll(async () => {
    [product, browser] = await Promise.all([
      startProduct({ timeoutMs: 600_000, env: { PEAKPLAN_DEMO_HISTORY_DAYS: '420' } }),
      launchChromium(),
    ]);
    context = await browser.newContext({ baseURL: product.baseUrl, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    logged = [];
    page.on('pageerror', (error) => logged.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') logged.push(`console error: ${message.text()}`);
    });
  }, 660_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  afterEach(() => {
    expect(logged).toEqual([]);
    logged.length = 0;
  });

  it("shows which reasons drive Valentine's 2026 on the phone queue", async () => {
    await signIn('planner@peakplan.test');
    await page
      .getByRole('navigation', { name: 'Planning' })
      .getByRole('link', { name: 'Contact reasons' })
      .click();
    await page.waitForURL('**/planning/reasons');
    await page.getByLabel('Year').selectOption('2026');
    const ranking = page.getByRole('table', {
      name: 'Reasons ranked by the staff hours they cost at the peak',
    });
    await ranking.waitFor({ timeout: 120_000 });
    // The demo swells order-status most before Valentine's: it costs the most hours and grows fastest.
    const firstRow = ranking.getByRole('row').nth(1);
    await expect(firstRow.getByRole('rowheader').textContent()).resolves.toBe('order-status');
    expect(await ranking.getByRole('row').count()).toBe(8);
    await page
      .getByRole('img', { name: /Contacts per reason per day, phone, around Valentine's Day 2026/ })
      .waitFor();
    const quality = page.getByRole('table').filter({ hasText: 'Repeat rate' });
    await quality.getByRole('row', { name: /All, at the peak/ }).waitFor();
    await screenshot('reasons-valentines');
  });

  it('creates the deflection scenario from the page and shows the pool hours it saves', async () => {
    await page.locator('#deflect-reason').selectOption('order-status');
    await page.getByLabel('Share prevented (%)').fill('30');
    await page.getByRole('button', { name: 'Create deflection scenario' }).click();
    const saved = page.getByTestId('pool-hours-saved');
    // The demo has no forecast reaching next Valentine's yet: the page waits while one is made.
    await saved.waitFor({ timeout: 600_000 });
    const hours = Number((await saved.textContent())!.replace(/[^\d,]/g, '').replace(',', '.'));
    expect(hours).toBeGreaterThan(0);
    await page.getByText(/Deflect 30% of order-status at Valentine's Day/).waitFor();
    await screenshot('reasons-deflection');
  });

  it('fits a 390 px wide screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await screenshot('reasons-390');
  });
});
