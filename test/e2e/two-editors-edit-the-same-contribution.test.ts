import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/create-user.ts';
import { createBackOfficeHarness, PASSWORD, type BackOfficeHarness } from '../support/backoffice.ts';
import { axeViolations, formatViolations, launchChromium, openPage, startServer, type RunningServer } from '../support/browser.ts';
import { createSubmitted } from '../support/editorial.ts';

let harness: BackOfficeHarness;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  harness = await createBackOfficeHarness('pglite');
  for (const [email, name] of [
    ['erika@example.org', 'Erika Redakteurin'],
    ['tom@example.org', 'Tom Redakteur'],
  ] as const) {
    await createUser(harness.deps, { email, name, role: 'editor', password: PASSWORD }, { id: null, label: 'test' });
  }
  server = await startServer(harness.app);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await harness?.dispose();
});

async function signedIn(email: string, javaScriptEnabled: boolean) {
  const opened = await openPage(browser, { javaScriptEnabled, bypassCSP: true });
  await opened.page.goto(`${server.baseUrl}/redaktion/anmelden`);
  await opened.page.getByLabel('E-Mail-Adresse').fill(email);
  await opened.page.getByLabel('Passwort').fill(PASSWORD);
  await opened.page.getByRole('button', { name: 'Anmelden' }).click();
  await opened.page.getByRole('heading', { level: 1, name: 'Prüfliste' }).waitFor();
  return opened;
}

async function expectNoViolations(page: Page, what: string, javaScriptEnabled: boolean) {
  // axe-core runs as a page script, which a context without JavaScript does not execute; the HTML is the same.
  if (!javaScriptEnabled) return;
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

describe.each([true, false])('two editors edit the same contribution (JavaScript %s)', (javaScriptEnabled) => {
  it('the second to save sees both versions, keeps her own after comparing, and nothing is silently overwritten', async () => {
    const item = await createSubmitted(harness.deps, { title: `Mitfahrbank Schwalmstadt ${javaScriptEnabled}`, teaser: 'Erste Fassung' });
    const erika = await signedIn('erika@example.org', javaScriptEnabled);
    const tom = await signedIn('tom@example.org', javaScriptEnabled);
    try {
      for (const { page } of [erika, tom]) {
        await page.goto(`${server.baseUrl}/redaktion/beitraege/${item.id}`);
        await page.getByRole('link', { name: 'Inhalt bearbeiten' }).click();
        await page.getByRole('heading', { level: 1, name: /bearbeiten$/ }).waitFor();
      }
      await expectNoViolations(erika.page, 'edit form', javaScriptEnabled);

      // An invalid entry first: the error summary names the field, nothing is saved, the typing stays.
      await tom.page.getByLabel('Kurzbeschreibung').fill('Fassung von Tom');
      await tom.page.getByLabel('Beginn').fill('31.02.2021');
      await tom.page.getByRole('button', { name: 'Speichern', exact: true }).last().click();
      await tom.page.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
      expect(await tom.page.getByLabel('Kurzbeschreibung').inputValue()).toBe('Fassung von Tom');
      await expectNoViolations(tom.page, 'edit form with errors', javaScriptEnabled);
      await tom.page.getByLabel('Beginn').fill('2021');

      await erika.page.getByLabel('Kurzbeschreibung').fill('Fassung von Erika');
      await erika.page.getByRole('button', { name: 'Speichern', exact: true }).last().click();
      await erika.page.getByText('Ihre Änderungen wurden als neue Fassung gespeichert.').waitFor();

      await tom.page.getByRole('button', { name: 'Speichern', exact: true }).last().click();
      await tom.page.getByRole('heading', { level: 1, name: 'Der Beitrag wurde inzwischen geändert' }).waitFor();
      const table = tom.page.getByRole('table', { name: /Unterschiede/ });
      expect(await table.getByRole('row', { name: /Kurzbeschreibung/ }).textContent()).toMatch(/Fassung von Erika.*Fassung von Tom/);
      await expectNoViolations(tom.page, 'conflict page', javaScriptEnabled);
      expect((await harness.deps.contributions.get(item.id))!.teaser).toBe('Fassung von Erika');

      await tom.page.getByRole('button', { name: 'Meine Fassung speichern' }).click();
      await tom.page.getByText('Ihre Änderungen wurden als neue Fassung gespeichert.').waitFor();
      const stored = (await harness.deps.contributions.get(item.id))!;
      expect(stored.teaser).toBe('Fassung von Tom');
      expect((await harness.deps.contributions.revisions(item.id)).map((r) => r.actor)).toEqual([
        'Einreichung',
        'Erika Redakteurin <erika@example.org>',
        'Tom Redakteur <tom@example.org>',
      ]);
    } finally {
      await erika.context.close();
      await tom.context.close();
    }
  });
});
