import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppContext, type AppContext } from '../../src/app/context.ts';
import { createUser } from '../../src/app/auth/create-user.ts';
import { ContributionContentSchema } from '../../src/domain/contribution.ts';
import { createWebApp } from '../../src/web/app.tsx';
import { axeViolations, formatViolations, launchChromium, openPage, startServer, type RunningServer } from '../support/browser.ts';

// The whole stack as served: embedded PostgreSQL, the real search index following the change feed,
// the back office and the public pages. An editor reviews a submission and finds it in the public search.
const PASSWORD = 'ein-langes-redaktionspasswort';
let context: AppContext;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  context = await openAppContext({ inMemory: true });
  await context.search.load();
  context.search.start(250);
  for (const [role, name] of [['editor', 'Erika Redakteurin'], ['admin', 'Ada Admin']] as const) {
    const created = await createUser(context, { email: `${role}@example.org`, name, role, password: PASSWORD }, { id: null, label: 'test' });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
  }
  server = await startServer(createWebApp({ catalog: context.catalog, search: context.search, backOffice: { ...context, siteUrl: 'http://localhost', secureCookies: false } }));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await context?.close();
});

/** A submission as the public form leaves it, after an earlier import of the same project (a likely duplicate). */
async function submitted(title: string, keyword: string) {
  await context.contributions.create(ContributionContentSchema.parse({ title, sponsor: { name: 'Gemeinde Schwalmstadt' } }), { state: 'draft', actor: 'Import' });
  return context.contributions.create(
    ContributionContentSchema.parse({
      title,
      teaser: `Ehrenamtliche pflegen ${keyword} im Ort.`,
      description: `Seit 2024 kümmert sich eine Gruppe um ${keyword}.`,
      sponsor: { name: 'Gemeinde Schwalmstadt' },
      links: [{ url: null, label: 'Flyer', placeholder: true }],
    }),
    { state: 'submitted', actor: 'Einreichung', reference: `BK-2026-${title.length}${Date.now() % 100_000}`, submitter: { name: 'Paula Pflanz', email: 'paula@gemeinde.example' } },
  );
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe-core meldet Verstöße auf ${what}:\n${formatViolations(violations)}`).toEqual([]);
}

async function logIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** Reloads the public search until the index (polled every 250 ms) has the contribution. */
async function findInPublicSearch(page: Page, keyword: string, title: string): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    await page.goto(`${server.baseUrl}/suche?q=${encodeURIComponent(keyword)}`);
    const titles = await page.locator('#ergebnisse h3 a').allInnerTexts();
    if (titles.includes(title) || Date.now() > deadline) {
      expect(titles).toContain(title);
      return;
    }
    await page.waitForTimeout(200);
  }
}

/** The journey both with and without JavaScript: queue → contribution → in review → published → public search. */
async function reviewAndPublish(page: Page, title: string, keyword: string, checkAccessibility: boolean): Promise<void> {
  const check = (what: string) => (checkAccessibility ? expectAccessible(page, what) : Promise.resolve());
  await page.goto(`${server.baseUrl}/redaktion`);
  expect(page.url()).toContain('/redaktion/anmelden');
  await check('der Anmeldeseite');
  await logIn(page, 'editor@example.org');

  await expect.poll(() => page.url()).toBe(`${server.baseUrl}/redaktion`);
  expect(await page.locator('h1').innerText()).toBe('Prüfliste');
  await check('der Prüfliste');
  await page.getByRole('link', { name: title }).click();

  expect(await page.locator('h1').innerText()).toBe(title);
  expect(await page.locator('main').innerText()).toContain('Paula Pflanz');
  expect(await page.locator('#dubletten').innerText()).toContain(`Mögliche Dublette von: ${title} (Entwurf) – gleicher Titel und Träger`);
  await check('der Beitragsseite');
  // Suggestions are applied only as chosen: choosing none is answered with the error summary.
  await page.getByRole('button', { name: 'Ausgewählte übernehmen' }).click();
  expect(await page.locator('.error-summary').innerText()).toContain('Bitte wählen Sie mindestens einen Vorschlag aus');
  await check('der Beitragsseite mit Fehlermeldung zu den Vorschlägen');
  await page.getByRole('button', { name: 'In Prüfung nehmen' }).click();
  expect(await page.getByRole('status').innerText()).toBe('Erledigt: Der Beitrag ist jetzt „in Prüfung“.');
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  expect(await page.getByRole('status').innerText()).toBe('Erledigt: Der Beitrag ist jetzt „veröffentlicht“.');

  await page.getByRole('link', { name: 'Fassung 3' }).click();
  expect(await page.locator('h1').innerText()).toBe(`Fassung 3 von „${title}“`);
  expect(await page.locator('table.diff tbody').innerText()).toMatch(/Zustand\s+state\s+in Prüfung\s+veröffentlicht/);
  await check('der Versionsansicht');

  await findInPublicSearch(page, keyword, title);
  await page.getByRole('link', { name: title }).click();
  expect(await page.locator('h1').innerText()).toBe(title);
}

describe('an editor reviews a submission and publishes it', () => {
  it('with JavaScript, every back-office page without axe-core violations', async () => {
    const contribution = await submitted('Blühwiesen in Ziegenhain', 'Blühwiesen');
    // axe-core is injected as a script, which the pages' CSP forbids; bypassCSP allows it for the scan only.
    const { page, context: browserContext } = await openPage(browser, { bypassCSP: true });
    try {
      await reviewAndPublish(page, contribution.title, 'Blühwiese', true);

      for (const [link, heading] of [
        ['Aktualität', 'Aktualität'],
        ['Taxonomie', 'Taxonomie'],
        ['Suchsynonyme', 'Suchsynonyme'],
        ['Postausgang', 'Postausgang'],
      ] as const) {
        await page.goto(`${server.baseUrl}/redaktion`);
        await page.getByRole('navigation', { name: 'Redaktion' }).getByRole('link', { name: link }).click();
        expect(await page.locator('h1').innerText()).toBe(heading);
        await expectAccessible(page, `der Seite „${heading}“`);
      }
      // The placeholder link puts the published contribution on the currency page; the publication mail waits in the outbox.
      await page.goto(`${server.baseUrl}/redaktion/aktualitaet`);
      expect(await page.locator('#links').locator('xpath=..').innerText()).toContain(contribution.title);
      await page.goto(`${server.baseUrl}/redaktion/postausgang`);
      expect(await page.locator('main').innerText()).toContain(`Ihr Beitrag „${contribution.title}“ ist veröffentlicht`);

      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.goto(`${server.baseUrl}/redaktion/protokoll`);
      await logIn(page, 'admin@example.org');
      expect(await page.locator('h1').innerText()).toBe('Protokoll');
      expect(await page.locator('main').innerText()).toContain('veröffentlicht');
      await expectAccessible(page, 'dem Protokoll');
    } finally {
      await browserContext.close();
    }
  });

  it('without JavaScript', async () => {
    const contribution = await submitted('Streuobstwiesen in Treysa', 'Streuobstwiesen');
    const { page, context: browserContext } = await openPage(browser, { javaScriptEnabled: false });
    try {
      await reviewAndPublish(page, contribution.title, 'Streuobstwiese', false);
    } finally {
      await browserContext.close();
    }
  });
});
