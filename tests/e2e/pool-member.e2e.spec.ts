/**
 * A pool member on a phone (390 × 844) in real headless Chromium against the built product on a fresh
 * embedded database with the demo organisation: shifts published through the API, signed up for,
 * seen in the schedule and withdrawn from; a waitlisted member sees their promotion. No page scrolls
 * sideways and none logs a console error. Needs `npm run build`. Screenshots go to
 * $PEAKPLAN_SCREENSHOTS (default /tmp).
 */
import { join } from 'node:path';

import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import request from 'supertest';

import type { PoolShiftDto } from '@peakplan/contracts';

import { createShift, localDateIn } from '../support/pool-fixtures';
import { signIn } from '../support/sign-in';
import { RunningProduct, startProduct } from '../support/start-product';
import { launchChromium } from './support/chromium';

const SCREENSHOTS = process.env['PEAKPLAN_SCREENSHOTS'] ?? '/tmp';
const PHONE = { width: 390, height: 844 };
/** Approved, trained for phone, no weekly limits and no dates off (demo-pool.ts: 15 % 5 == 0, 15 % 7 != 0). */
const MEMBER = 'member015@peakplan.test';
/** Likewise (25 % 5 == 0, 25 % 7 != 0, 25 % 10 != 0): takes the last place first, then gives it back. */
const OTHER_MEMBER = 'member025@peakplan.test';

describe('a pool member on a phone', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let planner: Record<string, string>;
  /** Script errors and console errors (a failed request logs one): none is expected. */
  let logged: string[];

  const screenshot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `peakplan-pool-${name}.png`), fullPage: true });

  /** The page fits the phone's width: nothing scrolls sideways. */
  async function expectNoSidewaysScroll(): Promise<void> {
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(PHONE.width);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  }

  function card(shift: PoolShiftDto): Locator {
    return page.locator('pp-shift-card').filter({ has: page.locator(`#shift-${shift.id}`) });
  }

  beforeAll(async () => {
    // A short demo history: this file needs the pool, not the past peaks.
    [product, browser] = await Promise.all([
      startProduct({ env: { PEAKPLAN_DEMO_HISTORY_DAYS: '60' }, timeoutMs: 420_000 }),
      launchChromium(),
    ]);
    planner = (await signIn(product.baseUrl, 'planner@peakplan.test')).bearer;
    context = await browser.newContext({ baseURL: product.baseUrl, viewport: PHONE, isMobile: true });
    page = await context.newPage();
    logged = [];
    page.on('pageerror', (error) => logged.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') logged.push(`console error: ${message.text()}`);
    });
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(MEMBER);
    await page.getByLabel('Password').fill('peakplan-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/pool');
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

  it('signs up for a shift published through the API, sees it in the schedule and withdraws', async () => {
    const date = localDateIn(10);
    const shift = await createShift({ url: product.baseUrl }, planner, {
      date,
      start: '09:00',
      end: '13:00',
      places: 2,
      peak: 'Valentine e2e',
    });
    await page.reload();
    const shiftCard = card(shift);
    await shiftCard.waitFor();
    await page.getByRole('heading', { name: /^Valentine e2e/ }).waitFor();
    expect(await shiftCard.locator('h4').textContent()).toBe('09:00–13:00 · phone');
    expect(await shiftCard.locator('.places').textContent()).toBe('2 of 2 places left');

    // The day filter keeps the shift; another skill hides it.
    await page.getByLabel('Day').selectOption(date);
    await shiftCard.waitFor();
    await page.getByLabel('Skill').selectOption('phone');
    await shiftCard.waitFor();
    await expectNoSidewaysScroll();
    await screenshot('open-shifts');

    const signUp = shiftCard.getByRole('button', { name: 'Sign up' });
    await signUp.focus();
    await page.keyboard.press('Enter');
    const answer = page.getByTestId('pool-answer');
    await answer.getByText(/^You are confirmed for .* 09:00–13:00\.$/).waitFor();
    await shiftCard.getByText('You are confirmed').waitFor();
    expect(await shiftCard.locator('.places').textContent()).toBe('1 of 2 places left');
    // The same button now withdraws, and keyboard focus stayed on it.
    const withdraw = shiftCard.getByRole('button', { name: 'Withdraw' });
    await withdraw.waitFor();
    expect(await withdraw.evaluate((button) => button === document.activeElement)).toBe(true);
    await answer.getByRole('button', { name: 'Undo' }).waitFor();
    await expectNoSidewaysScroll();
    await screenshot('signed-up');

    // Undo gives the place back and returns focus to the shift's button; then sign up again.
    await answer.getByRole('button', { name: 'Undo' }).click();
    await answer.getByText(/^Undone\. You withdrew from .* 09:00–13:00\.$/).waitFor();
    await shiftCard.getByRole('button', { name: 'Sign up' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`action-${shift.id}`);
    await page.keyboard.press('Enter');
    await answer.getByText(/^You are confirmed for /).waitFor();

    await page.getByRole('link', { name: 'My schedule' }).click();
    await page.waitForURL('**/pool/schedule');
    const entry = page.getByTestId('schedule-entry').filter({ hasText: '09:00–13:00' });
    await entry.waitFor();
    await entry.getByText('You are confirmed').waitFor();
    await entry.getByText(/^You can withdraw until /).waitFor();
    const feedUrl = await page.getByLabel('Calendar feed address').inputValue();
    expect(feedUrl).toMatch(new RegExp(`^${product.baseUrl}/api/pool/calendar-feeds/[0-9a-f-]{36}/`));
    const feed = await request(product.baseUrl).get(new URL(feedUrl).pathname).expect(200);
    expect(feed.text).toContain('BEGIN:VEVENT');
    // Renewing asks first; the new address replaces the old, which stops working.
    await page.getByRole('button', { name: 'Renew address' }).click();
    await page.getByRole('button', { name: 'Yes, renew' }).click();
    await page
      .getByTestId('calendar-feed-notice')
      .getByText(/^New address made/)
      .waitFor();
    const renewed = await page.getByLabel('Calendar feed address').inputValue();
    expect(renewed).not.toBe(feedUrl);
    await request(product.baseUrl).get(new URL(feedUrl).pathname).expect(404);
    await expectNoSidewaysScroll();
    await screenshot('schedule');

    await entry.getByRole('button', { name: /^Withdraw from / }).click();
    await page
      .getByTestId('schedule-answer')
      .getByText(/^You withdrew from .* 09:00–13:00\.$/)
      .waitFor();
    await entry.waitFor({ state: 'detached' });
    const after = (
      await request(product.baseUrl).get(`/api/pool/shifts/${shift.id}`).set(planner).expect(200)
    ).body as PoolShiftDto;
    expect(after.confirmed).toBe(0);

    await page.getByRole('link', { name: 'Membership' }).click();
    await page.getByTestId('approval-state').getByText('Approved').waitFor();
    await page.getByRole('heading', { name: 'Training' }).waitFor();
    await expectNoSidewaysScroll();
    await screenshot('membership');
  });

  it('joins the waitlist of a full shift and sees the promotion when a place frees up', async () => {
    const shift = await createShift({ url: product.baseUrl }, planner, {
      date: localDateIn(12),
      start: '14:00',
      end: '18:00',
      places: 1,
      peak: 'Valentine e2e',
    });
    const other = (await signIn(product.baseUrl, OTHER_MEMBER)).bearer;
    await request(product.baseUrl).post(`/api/pool/shifts/${shift.id}/sign-ups`).set(other).expect(201);

    await page.getByRole('link', { name: 'Open shifts' }).click();
    await page.waitForURL('**/pool');
    await page.reload();
    const shiftCard = card(shift);
    await shiftCard.waitFor();
    expect(await shiftCard.locator('.places').textContent()).toBe('Full: the waitlist is empty');
    await shiftCard.getByRole('button', { name: 'Join the waitlist' }).click();
    await page
      .getByTestId('pool-answer')
      .getByText(/is full: you are number 1 on the waitlist/)
      .waitFor();
    await shiftCard.getByText('You are number 1 on the waitlist').waitFor();
    expect(await shiftCard.locator('.places').textContent()).toBe('Full: 1 person on the waitlist');
    await expectNoSidewaysScroll();

    await page.getByRole('link', { name: 'My schedule' }).click();
    const entry = page.getByTestId('schedule-entry').filter({ hasText: '14:00–18:00' });
    await entry.getByText('You are number 1 on the waitlist').waitFor();

    // The other member gives the place back: the first in line is promoted in the same transaction.
    const withdrawn = await request(product.baseUrl)
      .delete(`/api/pool/shifts/${shift.id}/sign-ups/mine`)
      .set(other)
      .expect(200);
    expect(withdrawn.body.promotedMemberId).toEqual(expect.any(String));
    // The page reads the schedule again every 30 s and whenever it becomes visible again (the member
    // comes back to the tab): the latter, at once.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page
      .getByTestId('schedule-answer')
      .getByText(/^Good news: you moved up from the waitlist and are confirmed for .* 14:00–18:00\.$/)
      .waitFor();
    await entry.getByText('You are confirmed').waitFor();
    await entry.getByText('Moved up from the waitlist').waitFor();
    await expectNoSidewaysScroll();
    await screenshot('promoted');

    // A shift that evening leaves less than 11 hours of rest: the list says so and offers no button.
    const evening = await createShift({ url: product.baseUrl }, planner, {
      date: localDateIn(12),
      start: '20:00',
      end: '23:00',
      places: 3,
      peak: 'Valentine e2e',
    });
    await page.getByRole('link', { name: 'Open shifts' }).click();
    await page.waitForURL('**/pool');
    const blocked = card(evening);
    await blocked
      .getByTestId('blocked-by')
      .filter({ hasText: /Less than 11 hours of rest after your shift that ends at 18:00 on \d+ \w+\./ })
      .waitFor();
    expect(await blocked.getByRole('button').count()).toBe(0);
    await expectNoSidewaysScroll();
    await screenshot('blocked');
  });

  it('asks for a preference shift, marks it "can", then "want" as choice 2, and the marks are kept', async () => {
    // A preference shift: places are shared out by the roster at the window's close, not first come.
    const shift = await createShift({ url: product.baseUrl }, planner, {
      // Not the waitlist test's day: that shift of the member's would overlap this one.
      date: localDateIn(15),
      start: '14:00',
      end: '18:00',
      places: 1,
      peak: 'Mother e2e',
      allocation: 'preference',
    });
    await page.goto('/pool');
    const shiftCard = card(shift);
    await shiftCard.waitFor();
    await shiftCard.getByRole('button', { name: 'Ask for this shift' }).click();
    const answer = page.getByTestId('pool-answer');
    await answer.getByText(/^You asked for .* 14:00–18:00\./).waitFor();
    await shiftCard.getByText('You want this shift', { exact: true }).waitFor();

    const mark = shiftCard.getByRole('group', { name: 'How well does it fit you?' });
    await mark.getByLabel('I can take it').check();
    await mark.getByRole('button', { name: 'Save my mark' }).click();
    await answer.getByText(/^Marked: you can take .* 14:00–18:00\./).waitFor();
    await shiftCard.getByText('You can take this shift').waitFor();

    await mark.getByLabel('I want it').check();
    await mark.getByLabel('Your choice (1 = most wanted)').fill('2');
    await mark.getByRole('button', { name: 'Save my mark' }).click();
    await answer.getByText(/^Marked: you want .* 14:00–18:00, as your choice 2\.$/).waitFor();
    await expectNoSidewaysScroll();
    await screenshot('preference-marked');

    // Kept by the server: a reload shows the mark, and the API agrees.
    await page.reload();
    await card(shift).getByText('You want this shift (your choice 2)').waitFor();
    const member = (await signIn(product.baseUrl, MEMBER)).bearer;
    const mine = (
      (await request(product.baseUrl).get('/api/pool/shifts').set(member).expect(200)).body as PoolShiftDto[]
    ).find((candidate) => candidate.id === shift.id);
    expect(mine?.mine).toMatchObject({ status: 'requested', preference: 'want', rank: 2 });
  });
});
