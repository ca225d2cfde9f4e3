import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/create-user.ts';
import { questionnaireBytes } from '../support/api.ts';
import { createBackOfficeHarness, PASSWORD, type BackOfficeHarness } from '../support/backoffice.ts';
import { axeViolations, formatViolations, launchChromium, openPage, startServer, type RunningServer } from '../support/browser.ts';

let harness: BackOfficeHarness;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  harness = await createBackOfficeHarness('pglite');
  await createUser(harness.deps, { email: 'admin@example.org', name: 'Ada Admin', role: 'admin', password: PASSWORD }, { id: null, label: 'test' });
  server = await startServer(harness.app);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await harness?.dispose();
});

async function expectNoViolations(page: Page, what: string, javaScriptEnabled: boolean) {
  // axe-core runs as a page script; without JavaScript the same server HTML is scanned in the other run.
  if (!javaScriptEnabled) return;
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

/** What a trusted system does with the key: import the demo questionnaire. */
const importWith = (secret: string, name: string) =>
  fetch(`${server.baseUrl}/api/v1/imports?dateiname=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'text/plain' },
    body: Buffer.concat([questionnaireBytes(), Buffer.from(`\n${name}\n`)]),
  });

describe.each([true, false])('API tokens in the back office (JavaScript %s)', (javaScriptEnabled) => {
  it('an admin issues a key after fixing the form, a trusted system imports with it, the admin revokes it', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled, bypassCSP: true });
    try {
      await page.goto(`${server.baseUrl}/redaktion`);
      await page.getByLabel('E-Mail-Adresse').fill('admin@example.org');
      await page.getByLabel('Passwort').fill(PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('heading', { level: 1, name: 'Prüfliste' }).waitFor();

      await page.getByRole('navigation', { name: 'Redaktion' }).getByRole('link', { name: 'API-Zugänge' }).click();
      await page.getByRole('heading', { level: 1, name: 'API-Zugänge' }).waitFor();
      await expectNoViolations(page, 'API-Zugänge', javaScriptEnabled);

      // No scope chosen: the error summary names it, the typed name stays.
      const name = `Fachverfahren Förderdatenbank (JS ${javaScriptEnabled ? 'an' : 'aus'})`;
      await page.getByLabel('Name (welches System nutzt den Zugang?)').fill(name);
      await page.getByRole('button', { name: 'Zugang anlegen' }).click();
      await page.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
      expect(await page.getByLabel('Name (welches System nutzt den Zugang?)').inputValue()).toBe(name);
      expect(await page.locator('.error-summary').innerText()).toContain('Bitte wählen Sie mindestens eine Berechtigung aus.');
      await expectNoViolations(page, 'API-Zugänge mit Fehler', javaScriptEnabled);

      await page.getByRole('checkbox', { name: /import/ }).check();
      await page.getByLabel('Gültigkeit').selectOption('90');
      await page.getByRole('button', { name: 'Zugang anlegen' }).click();
      const secret = (await page.locator('code.secret').innerText()).trim();
      expect(secret).toMatch(/^bk_[\w-]{43}$/);
      await expectNoViolations(page, 'API-Zugänge mit neuem Schlüssel', javaScriptEnabled);
      const row = page.getByRole('row').filter({ hasText: name });
      expect(await row.innerText()).toContain('aktiv');

      const imported = await importWith(secret, `steckbrief-${javaScriptEnabled}.txt`);
      expect(imported.status).toBe(201);
      expect(((await imported.json()) as { contribution: { state: string } }).contribution.state).toBe('draft');

      // The key is shown once only.
      await page.goto(`${server.baseUrl}/redaktion/api-zugaenge`);
      expect(await page.locator('code.secret').count()).toBe(0);
      expect(await row.innerText()).not.toContain('noch nie');

      await row.getByRole('button', { name: /Widerrufen/ }).click();
      await page.getByRole('status').filter({ hasText: 'Der Zugang wurde widerrufen.' }).waitFor();
      expect(await page.getByRole('row').filter({ hasText: name }).innerText()).toContain('widerrufen am');
      expect((await importWith(secret, `danach-${javaScriptEnabled}.txt`)).status).toBe(401);

      await page.getByRole('navigation', { name: 'Redaktion' }).getByRole('link', { name: 'Protokoll' }).click();
      const log = await page.locator('main').innerText();
      expect(log).toContain('api_token.create');
      expect(log).toContain('api_token.revoke');
    } finally {
      await context.close();
    }
  });
});
