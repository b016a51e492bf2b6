/**
 * The dashboard in a real headless Chromium against the built product (backend + Angular bundle) on
 * a fresh embedded database with the demo organisation. Needs `npm run build` first.
 */
import { Browser, BrowserContext, Page } from 'playwright-core';

import { RunningProduct, startProduct } from '../support/start-product';
import { collectPageErrors, launchChromium, readCanvasInk } from './support/chromium';

const DEMO_PASSWORD = 'peakplan-demo';
const HISTORY_CANVAS = '[data-testid="history-chart"] canvas';
/** The history section once no request is in flight. */
const HISTORY_SETTLED = 'section.history[aria-busy="false"]';
const PLANNER_EMAIL = 'planner@peakplan.test';

describe('dashboard in a real browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  // A fresh context per test: no session cookie carries over from one test to the next.
  beforeEach(async () => {
    context = await browser.newContext({ baseURL: product.baseUrl, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  });

  afterEach(async () => {
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  async function signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await page.goto('/');
    await page.waitForURL('**/sign-in**');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signInAsPlanner(): Promise<void> {
    await signIn(PLANNER_EMAIL);
    await page.waitForURL('**/planning');
  }

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    await page.goto('/planning');
    await page.waitForURL('**/sign-in?returnUrl=%2Fplanning');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('lands a planner on planning with the queue list and a drawn history chart per queue', async () => {
    await signInAsPlanner();

    const queueNames = page.locator('[data-testid="queue-row"] th');
    await queueNames.first().waitFor();
    const names = (await queueNames.allTextContents()).map((name) => name.trim());
    expect([...names].sort()).toEqual(['chat', 'email', expect.stringMatching(/^phone/)]);

    const charts = page.locator(HISTORY_CANVAS);
    await charts.nth(names.length - 1).waitFor();
    await page.locator(HISTORY_SETTLED).waitFor();
    expect(await charts.count()).toBe(names.length);
    for (let index = 0; index < names.length; index += 1) {
      const ink = await readCanvasInk(page, HISTORY_CANVAS, index);
      expect(ink.width).toBeGreaterThan(300);
      // Two years of daily points leave a long blue line; the demo peaks leave orange event markers.
      expect(ink.offeredLine).toBeGreaterThan(500);
      expect(ink.eventMarkers).toBeGreaterThan(20);
    }
    const label = await charts.first().getAttribute('aria-label');
    expect(label).toMatch(
      /^Line chart of contacts per day for .+: \d+ days with history\..* 6 event days marked\.$/,
    );
    // The facts above each chart in the organisation's nl-NL, as the axis writes them: "1.817.381
    // contacts offered", "busiest day ma 22 dec 2025 (9.734)" (not en-US "1,817,381" and "2025-12-22").
    const facts = (await page.locator('.chart-facts').first().textContent())!.replace(/\s+/g, ' ');
    expect(facts).toMatch(/\d{1,3}(\.\d{3})+ contacts offered/);
    expect(facts).toMatch(/busiest day [a-z]{2} \d{1,2} [a-z]{3} \d{4} \((\d{1,3}(\.\d{3})*)\)/);
    expect(facts).not.toMatch(/\d,\d{3}/);

    const nav = page.getByRole('navigation', { name: 'Main' });
    expect((await nav.getByRole('link').allTextContents()).map((text) => text.trim())).toEqual([
      'Planning',
      'Pool',
    ]);
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('Planner');
  });

  it('shows a clear error with a retry when the API cannot be reached, and recovers', async () => {
    await signInAsPlanner();
    await page.locator(HISTORY_SETTLED).waitFor();
    await page.locator(HISTORY_CANVAS).first().waitFor();
    // Cut the network to the history endpoint, then change the range: the page must say so, not spin.
    await page.route('**/api/queues/*/history/daily**', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Last 90 days' }).click();
    const alert = page.locator('.history [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'Cannot reach the PeakPlan server while loading the contact history',
    );
    expect(await page.locator(HISTORY_CANVAS).count()).toBe(0);

    await page.unroute('**/api/queues/*/history/daily**');
    await page.getByRole('button', { name: 'Try again' }).click();
    // After a failure no charts are kept, so the first canvas to appear is from the retried load.
    await page.locator(HISTORY_CANVAS).first().waitFor();
    await page.locator(HISTORY_SETTLED).waitFor();
    // The retried charts show the range that was chosen, not the one before the failure.
    const from = await page.getByLabel('From', { exact: true }).inputValue();
    const to = await page.getByLabel('To', { exact: true }).inputValue();
    expect(await page.locator(HISTORY_CANVAS).count()).toBe(3);
    expect(await page.locator(HISTORY_CANVAS).first().getAttribute('aria-label')).toContain(
      `${from} to ${to}`,
    );
  });

  // Each run signs the planner in five times; the server allows ten sign-ins per address and email
  // per minute, so keep new planner sign-ins few or use another demo account.
  describe('sign-in', () => {
    it('tells a person whose password is wrong, and keeps them on the sign-in page', async () => {
      await signIn(PLANNER_EMAIL, 'not-the-password');
      const message = page.getByTestId('sign-in-error');
      await message.waitFor();
      expect(await message.textContent()).toContain('That email and password do not match an active account');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
    });

    it('lands a pool member on the pool page, without planning or management in the navigation', async () => {
      await signIn('member001@peakplan.test');
      await page.waitForURL('**/pool');
      await page.getByRole('heading', { name: 'Open shifts' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect((await nav.getByRole('link').allTextContents()).map((text) => text.trim())).toEqual(['Pool']);
      const poolNav = page.getByRole('navigation', { name: 'Pool' });
      expect((await poolNav.getByRole('link').allTextContents()).map((text) => text.trim())).toEqual([
        'Open shifts',
        'My schedule',
        'Roster results',
        'Points',
        'Messages',
        'Membership',
      ]);

      // Typing the planning address does not open it either.
      await page.goto('/planning');
      await page.waitForURL('**/pool');
    });

    it('lands an admin on the admin area, with every area in the navigation', async () => {
      await signIn('admin@peakplan.test');
      await page.waitForURL('**/admin');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link').first().waitFor();
      expect((await nav.getByRole('link').allTextContents()).map((text) => text.trim())).toEqual([
        'Planning',
        'Pool',
        'Management',
        'Admin',
      ]);
    });

    it('sends a planner whose session ended to sign-in, and back to planning afterwards', async () => {
      await signIn(PLANNER_EMAIL);
      await page.waitForURL('**/planning');
      await page.locator(HISTORY_SETTLED).waitFor();
      // The server forgets the session (expired, revoked): the next API call answers 401.
      await context.clearCookies();
      await page.getByRole('button', { name: 'Last year' }).click();
      await page.waitForURL('**/sign-in?**reason=expired**');
      expect(await page.getByRole('status').textContent()).toContain('Your session has ended');

      await page.getByLabel('Email').fill(PLANNER_EMAIL);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/planning');
    });

    it('lands a manager on management, and signing out ends the session', async () => {
      await signIn('manager@peakplan.test');
      await page.waitForURL('**/management');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/sign-in**');
      await page.goto('/management');
      await page.waitForURL('**/sign-in**');
    });
  });
});
