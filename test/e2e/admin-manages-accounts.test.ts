import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/create-user.ts';
import { createBackOfficeHarness, PASSWORD, type BackOfficeHarness } from '../support/backoffice.ts';
import { axeViolations, formatViolations, launchChromium, openPage, startServer, type RunningServer } from '../support/browser.ts';

let harness: BackOfficeHarness;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  harness = await createBackOfficeHarness('pglite');
  for (const role of ['admin', 'editor'] as const) {
    await createUser(harness.deps, { email: `${role}@example.org`, name: role === 'admin' ? 'Ada Admin' : 'Erika Redakteurin', role, password: PASSWORD }, { id: null, label: 'test' });
  }
  server = await startServer(harness.app);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await harness?.dispose();
});

async function expectNoViolations(page: Page, what: string, javaScriptEnabled: boolean) {
  // axe-core is injected as a page script, which a context without JavaScript does not run; the server
  // sends the same HTML either way, so the pages are scanned in the JavaScript run.
  if (!javaScriptEnabled) return;
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server.baseUrl}/redaktion`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

describe.each([true, false])('accounts in the back office (JavaScript %s)', (javaScriptEnabled) => {
  it('an admin signs in after a typo, creates an editor account after fixing the form, and signs out', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled, bypassCSP: true });
    try {
      await signIn(page, 'admin@example.org', 'vertippt-vertippt');
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('E-Mail-Adresse oder Passwort ist falsch.');
      expect(await page.getByLabel('E-Mail-Adresse').inputValue()).toBe('admin@example.org');
      await expectNoViolations(page, 'login with error', javaScriptEnabled);

      await page.getByLabel('Passwort').fill(PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('heading', { level: 1, name: 'Prüfliste' }).waitFor();
      await expectNoViolations(page, 'dashboard', javaScriptEnabled);

      await page.getByRole('link', { name: 'Benutzerkonten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Benutzerkonten' }).waitFor();
      await expectNoViolations(page, 'accounts', javaScriptEnabled);
      const email = `neu-${javaScriptEnabled}@example.org`;
      await page.getByLabel('Name').fill('Nora Neu');
      await page.getByLabel('E-Mail-Adresse').fill('nora-at-example.org');
      await page.getByLabel('Passwort (mindestens 12 Zeichen)').fill('kurz');
      await page.getByRole('button', { name: 'Konto anlegen' }).click();
      await page.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
      expect(await page.getByLabel('Name').inputValue()).toBe('Nora Neu');
      expect(await page.getByLabel('E-Mail-Adresse').inputValue()).toBe('nora-at-example.org');
      await expectNoViolations(page, 'accounts with errors', javaScriptEnabled);

      // The error summary links to the field it describes.
      await page.getByRole('link', { name: /gültige E-Mail-Adresse/ }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');

      await page.getByLabel('E-Mail-Adresse').fill(email);
      await page.getByLabel('Passwort (mindestens 12 Zeichen)').fill(PASSWORD);
      await page.getByRole('button', { name: 'Konto anlegen' }).click();
      await page.getByRole('status').filter({ hasText: 'Das Konto wurde angelegt.' }).waitFor();
      expect(await page.getByRole('cell', { name: email }).count()).toBe(1);

      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByText('Sie wurden abgemeldet.').waitFor();
      await page.goto(`${server.baseUrl}/redaktion/benutzer`);
      expect(new URL(page.url()).pathname).toBe('/redaktion/anmelden');
    } finally {
      await context.close();
    }
  });

  it('an editor who opens the accounts page is told that it needs the admin role', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled, bypassCSP: true });
    try {
      await signIn(page, 'editor@example.org', PASSWORD);
      await page.getByRole('heading', { level: 1, name: 'Prüfliste' }).waitFor();
      expect(await page.getByRole('link', { name: 'Benutzerkonten' }).count()).toBe(0);
      const response = await page.goto(`${server.baseUrl}/redaktion/benutzer`);
      expect(response?.status()).toBe(403);
      await page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' }).waitFor();
      await expectNoViolations(page, 'forbidden', javaScriptEnabled);
    } finally {
      await context.close();
    }
  });
});
