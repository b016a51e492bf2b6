/**
 * An admin's day in real headless Chromium against the built product on a fresh embedded database:
 * creates an account and hands it a one-time password, previews a CSV import and applies it, deactivates
 * someone, finds each of those in the audit trail, and switches the organisation to en-GB, after which
 * the pages write dates the British way. Needs `npm run build`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { Browser, BrowserContext, Page } from 'playwright-core';

import { RunningProduct, startProduct } from '../support/start-product';
import { collectPageErrors, launchChromium } from './support/chromium';

const SCREENSHOTS = join(__dirname, '..', '..', 'tmp', 'screenshots');

/** `2 dec 2026, 11:05` (nl-NL) and `2 Dec 2026, 11:05` (en-GB; September is `Sept`). */
const DUTCH_INSTANT = /^\d{1,2} [a-z]{3} \d{4}, \d{2}:\d{2}$/;
const BRITISH_INSTANT = /^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}$/;

describe('the admin pages in a real browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let consoleErrors: string[];

  const screenshot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `admin-${name}.png`), fullPage: true });
  const accountRow = (email: string) => page.locator(`tr[data-email="${email}"]`);
  const firstAuditTime = async () =>
    (await page
      .getByRole('table', { name: 'Audit events' })
      .locator('tbody td.when')
      .first()
      .textContent())!.trim();

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [product, browser] = await Promise.all([
      startProduct({ env: { PEAKPLAN_DEMO_HISTORY_DAYS: '60' }, timeoutMs: 420_000 }),
      launchChromium(),
    ]);
    context = await browser.newContext({ baseURL: product.baseUrl, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
    consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // The browser itself logs the refused file's 400, which the page shows as a table: expected.
      const refusedImport =
        message.location().url.includes('/api/accounts/import') && message.text().includes('status of 400');
      if (!refusedImport) consoleErrors.push(message.text());
    });
  }, 480_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('lands on the accounts, creates one and shows its one-time password once', async () => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('admin@peakplan.test');
    await page.getByLabel('Password').fill('peakplan-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin');
    await page.getByRole('table', { name: 'Accounts' }).waitFor();

    const form = page.getByRole('region', { name: 'New account' });
    await form.getByLabel('Name').fill('Nora Nieuw');
    await form.getByLabel('Email').fill('nora.nieuw@peakplan.test');
    await form.getByLabel('Department (optional)').fill('Finance');
    await form.getByLabel('Planner').check();
    await form.getByRole('button', { name: 'Create account' }).click();
    await page
      .getByTestId('accounts-answer')
      .getByText('Nora Nieuw (nora.nieuw@peakplan.test) has an account now')
      .waitFor();
    // The demo has hundreds of accounts: find her by name.
    await page.getByLabel('Find by name, email or department').fill('nora');
    const row = accountRow('nora.nieuw@peakplan.test');
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('planner, pool member');
    expect(await row.locator('td').nth(3).textContent()).toMatch(/^Active, no password yet/);

    await row.getByRole('button', { name: 'Reset password' }).click();
    const password = (await page.getByTestId('one-time-password').textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await page.waitForFunction(
      () =>
        document.querySelector('tr[data-email="nora.nieuw@peakplan.test"] td:nth-of-type(4)')?.textContent ===
        'Active',
    );
    await page.getByLabel('Find by name, email or department').fill('');
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-accounts.png') });
  });

  it('previews a CSV import, writes nothing until applied, and the same file again changes nothing', async () => {
    await page
      .getByRole('navigation', { name: 'Admin' })
      .getByRole('link', { name: 'Import accounts' })
      .click();
    await page.waitForURL('**/admin/import');
    const csv = [
      'name,email,department,roles',
      'Ivo Import,ivo.import@peakplan.test,Finance,pool-member',
      'Isa Import,isa.import@peakplan.test,Marketing,pool-member;manager',
      'Nora Nieuw-Jansen,nora.nieuw@peakplan.test,Finance,planner;pool-member',
    ].join('\n');
    await page.getByTestId('account-csv-file').setInputFiles({
      name: 'accounts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.waitForFunction(() => document.querySelector('textarea')?.value.includes('ivo.import'));
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe(
      'The file would make 2 new, 1 changed, 0 unchanged. Nothing is written yet.',
    );
    const preview = page.getByRole('table', { name: 'Preview per row' });
    expect(
      await preview
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action'))),
    ).toEqual(['create', 'create', 'change']);
    expect(await preview.locator('tbody tr').nth(2).locator('td').nth(2).textContent()).toBe('Changes name');
    await screenshot('import-preview');

    // The preview wrote nothing: the accounts page does not know Ivo yet.
    const accounts = await page.request.get('/api/accounts');
    expect(((await accounts.json()) as { email: string }[]).map((account) => account.email)).not.toContain(
      'ivo.import@peakplan.test',
    );

    await page.getByRole('button', { name: 'Apply these changes' }).click();
    await page.getByText('Imported: 2 new, 1 changed, 0 unchanged.').waitFor();
    await page.getByRole('table', { name: 'Imported rows' }).waitFor();

    await page.getByRole('button', { name: 'Preview the changes' }).click();
    await page
      .getByText('Nothing to change: every account is already as the file says (3 unchanged).')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Apply these changes' }).isDisabled()).toBe(true);
  });

  it('refuses a file with bad rows whole, naming each row, field and reason', async () => {
    const badCsv = [
      'name,email,department,roles',
      'Bo Bad,not-an-email,Finance,pool-member',
      'Bea Bad,bea.bad@peakplan.test,Finance,chief',
    ].join('\n');
    await page.getByLabel('Or paste its text').fill(badCsv);
    // Typed text replaces the chosen file, which no longer names what is sent.
    expect(await page.getByTestId('account-csv-file').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    await page.getByTestId('import-refused').waitFor();
    const problems = await page
      .getByRole('table', { name: 'Refused rows' })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent!.trim())),
      );
    expect(problems.map(([row, field]) => `${row} ${field}`)).toEqual(['2 email', '3 roles']);
    await screenshot('import-refused');
  });

  it('deactivates an imported account', async () => {
    await page
      .getByRole('navigation', { name: 'Admin' })
      .getByRole('link', { name: 'Accounts', exact: true })
      .click();
    await page.waitForURL(/\/admin$/);
    await page.getByLabel('Find by name, email or department').fill('ivo.import');
    const row = accountRow('ivo.import@peakplan.test');
    await row.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await page.getByText('Ivo Import is deactivated: signed out everywhere and cannot sign in.').waitFor();
    await row.getByRole('button', { name: 'Activate', exact: true }).waitFor();
    expect(await row.locator('td').nth(3).textContent()).toBe('Deactivated');
  });

  it("changes an account's roles, and refuses none", async () => {
    await page.getByLabel('Find by name, email or department').fill('nora.nieuw');
    const row = accountRow('nora.nieuw@peakplan.test');
    await row.getByRole('button', { name: 'Roles…' }).click();
    const editor = page.getByRole('form', { name: 'Roles of Nora Nieuw-Jansen' });
    for (const role of ['Planner', 'Manager', 'Pool member', 'Admin'])
      await editor.getByLabel(role).uncheck();
    await editor.getByRole('button', { name: 'Save roles' }).click();
    await editor.getByText('Roles: tick at least one role.').waitFor();
    await screenshot('account-roles');
    await editor.getByLabel('Planner').check();
    await editor.getByLabel('Manager').check();
    await editor.getByRole('button', { name: 'Save roles' }).click();
    await page.getByText('Nora Nieuw-Jansen now has the roles: manager, planner.').waitFor();
    await editor.waitFor({ state: 'detached' });
    await row.locator('td', { hasText: 'manager, planner' }).waitFor();
    const account = (await (await page.request.get('/api/accounts')).json()) as {
      email: string;
      roles: string[];
    }[];
    expect(account.find((candidate) => candidate.email === 'nora.nieuw@peakplan.test')?.roles).toEqual([
      'manager',
      'planner',
    ]);
  });

  it('finds those actions in the audit trail, filtered by who and what', async () => {
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.waitForURL('**/admin/audit');
    await page.getByLabel('Who (part of the email)').fill('admin@');
    await page.getByLabel('What kind of thing').fill('account');
    await page.getByRole('button', { name: 'Show' }).click();
    const table = page.getByRole('table', { name: 'Audit events' });
    await table.waitFor();
    await table.locator('tbody tr[data-action="account.deactivated"]').waitFor();
    await page.waitForFunction(() => !document.querySelector('.status .spinner'));
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent!.trim())),
      );
    const find = (what: string, about: string) =>
      rows.find((cells) => cells[2] === what && cells[3] === about);
    expect(find('Account created', 'account nora.nieuw@peakplan.test')).toBeDefined();
    expect(find('Password reset', 'account nora.nieuw@peakplan.test')?.[4]).toBe('–');
    expect(find('Account created', 'account ivo.import@peakplan.test')?.[4]).toContain('by CSV import');
    expect(find('Account changed', 'account nora.nieuw@peakplan.test')?.[4]).toContain(
      'name: Nora Nieuw → Nora Nieuw-Jansen',
    );
    expect(find('Account deactivated', 'account ivo.import@peakplan.test')?.[4]).toBe('active: yes → no');
    expect(find('Roles changed', 'account nora.nieuw@peakplan.test')).toBeDefined();
    expect(rows.every((cells) => cells[1] === 'admin@peakplan.test')).toBe(true);
    // nl-NL until the admin says otherwise.
    expect(await firstAuditTime()).toMatch(DUTCH_INSTANT);
    await screenshot('audit');
  });

  it('switches the organisation to en-GB, and the pages write dates the British way from then on', async () => {
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Organisation' }).click();
    await page.waitForURL('**/admin/organisation');
    expect(await page.getByLabel('Time zone (IANA)').inputValue()).toBe('Europe/Amsterdam');
    expect(await page.getByTestId('locale-example').textContent()).toContain('za 14 feb 2026');
    await page.getByRole('combobox', { name: /^Locale/ }).selectOption('en-GB');
    expect(await page.getByTestId('locale-example').textContent()).toMatch(/Sat,? 14 Feb 2026/);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: every page now writes in English, United Kingdom (en-GB)').waitFor();
    await screenshot('organisation');

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('table', { name: 'Audit events' }).waitFor();
    expect(await firstAuditTime()).toMatch(BRITISH_INSTANT);
    expect(
      await page
        .getByRole('table', { name: 'Audit events' })
        .locator('tbody tr')
        .first()
        .locator('td')
        .nth(2)
        .textContent(),
    ).toBe('Organisation settings changed');

    // A fresh start of the app reads the locale from the server, not from this tab's memory.
    await page.reload();
    await page.getByRole('table', { name: 'Audit events' }).waitFor();
    expect(await firstAuditTime()).toMatch(BRITISH_INSTANT);
  });

  it('logged no console errors and no script errors on the way', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
