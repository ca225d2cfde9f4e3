import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILL_MS } from '../../src/app/submissions/deps.ts';
import { axeViolations, formatViolations, launchChromium, openPage, startServer, type RunningServer } from '../support/browser.ts';
import { createSubmissionHarness, type SubmissionHarness } from '../support/submissions.ts';

let harness: SubmissionHarness;
let server: RunningServer;
let browser: Browser;
/** A JavaScript-enabled context that scans pages captured from the JavaScript-free run. */
let scanner: BrowserContext;

beforeAll(async () => {
  harness = await createSubmissionHarness();
  server = await startServer(harness.app);
  browser = await launchChromium();
  scanner = await browser.newContext({ locale: 'de-DE', bypassCSP: true });
});

afterAll(async () => {
  await scanner?.close();
  await browser?.close();
  await server?.close();
  await harness?.dispose();
});

/**
 * axe-core (WCAG 2.1 A/AA) on the page as the reader sees it. Without JavaScript axe cannot run in
 * the page itself, so its HTML is scanned in a second page with the same stylesheet.
 */
async function expectAccessible(page: Page, javaScriptEnabled: boolean, what: string): Promise<void> {
  let violations;
  if (javaScriptEnabled) {
    violations = await axeViolations(page);
  } else {
    const copy = await scanner.newPage();
    await copy.setContent((await page.content()).replace('<head>', `<head><base href="${server.baseUrl}/">`), { waitUntil: 'load' });
    violations = await axeViolations(copy);
    await copy.close();
  }
  expect(violations, `${what}: axe-core meldet Verstöße:\n${formatViolations(violations)}`).toEqual([]);
}

async function next(page: Page, step: string): Promise<void> {
  await page.locator('.form-actions button[value="weiter"]').click();
  await page.waitForURL(`**/${step}`);
}

describe('a contributor submits a project through the questionnaire', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}: errors keep the typed values, the secret link resumes, the submission arrives`, async () => {
      const title = `Repair-Café im Stadtteilzentrum (JavaScript ${javaScriptEnabled ? 'an' : 'aus'})`;
      // bypassCSP only lets axe-core be injected; the pages' own scripts are same-origin files anyway.
      const { page, context } = await openPage(browser, { javaScriptEnabled, bypassCSP: true });
      let resumed: BrowserContext | null = null;
      try {
        await page.goto(`${server.baseUrl}/`);
        await page.getByRole('link', { name: 'Projekt einreichen' }).first().click();
        await page.waitForURL('**/einreichen');
        await expectAccessible(page, javaScriptEnabled, 'Startseite der Einreichung');
        await page.getByRole('button', { name: 'Einreichung beginnen' }).click();
        const startedAt = Date.now();

        // Step 1 with a mistake: the error summary appears, the typed values stay.
        await page.waitForURL('**/ueber-sie');
        await expectAccessible(page, javaScriptEnabled, 'Über Sie');
        await page.locator('#submitter-name').fill('Erika Musterfrau');
        await page.locator('#submitter-email').fill('erika.musterfrau@');
        await page.locator('.form-actions button[value="weiter"]').click();
        await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true);
        expect(await page.locator('.error-summary h2').textContent()).toBe('Es gibt ein Problem');
        expect(await page.locator('#submitter-name').inputValue()).toBe('Erika Musterfrau');
        expect(await page.locator('#submitter-email').inputValue()).toBe('erika.musterfrau@');
        expect(await page.locator('#submitter-email').getAttribute('aria-invalid')).toBe('true');
        await expectAccessible(page, javaScriptEnabled, 'Fehlerzustand');
        if (javaScriptEnabled) {
          // The summary has focus; its link takes the keyboard into the field.
          expect(await page.locator(':focus').getAttribute('class')).toBe('error-summary');
          await page.locator('.error-summary a').click();
          expect(await page.locator(':focus').getAttribute('id')).toBe('submitter-email');
        }
        await page.locator('#submitter-email').fill('erika.musterfrau@example.org');
        await next(page, 'projekt');

        // Step 2: a repeatable group grows by a button (a real form post without JavaScript).
        await expectAccessible(page, javaScriptEnabled, 'Das Projekt');
        await page.locator('#title').fill(title);
        await page.locator('#teaser').fill('Ehrenamtliche reparieren mit Bürger*innen Elektrogeräte, Kleidung und Fahrräder.');
        await page.locator('#components-0-title').fill('Monatliches Reparaturtreffen');
        await page.getByRole('button', { name: 'Weiteren Baustein hinzufügen' }).click();
        await page.waitForURL('**/projekt#components-1');
        expect(await page.locator('#title').inputValue()).toBe(title);
        await page.locator('#components-1-title').fill('Werkzeugbibliothek');
        // Enter in a text field means "Weiter", not one of the row buttons.
        await page.locator('#components-1-title').press('Enter');
        await page.waitForURL('**/fragen');

        await expectAccessible(page, javaScriptEnabled, 'Fragen zur Umsetzung');
        expect(await page.locator('#answers-decision-hint').textContent()).toContain('Handelte es sich dabei um eine Idee z. B. aus der Fachverwaltung / Zivilgesellschaft?');
        await page.locator('#answers-decision').fill('Die Idee kam aus der Zivilgesellschaft.');
        await next(page, 'beteiligte');

        await expectAccessible(page, javaScriptEnabled, 'Träger und Beteiligte');
        await page.locator('#sponsor-name').fill('Stadt Musterstadt, Umweltamt');
        await page.locator('#sponsor-postcode').fill('64283');
        await page.locator('#contacts-0-name').fill('Erika Musterfrau');
        await page.locator('#contacts-0-email').fill('erika.musterfrau@example.org');
        await page.locator('#contacts-0-publishConsent').check();
        await next(page, 'ort-und-laufzeit');

        // Later, somewhere else: the secret link opens the draft at the step it was left on.
        const link = await page.locator('.resume-url a').getAttribute('href');
        expect(link).toMatch(/\/einreichen\/entwurf\/[\w-]{43}$/);
        await context.close();
        ({ context: resumed } = await openPage(browser, { javaScriptEnabled, bypassCSP: true }));
        const later = await resumed.newPage();
        await later.goto(link!);
        await later.waitForURL('**/ort-und-laufzeit');

        await expectAccessible(later, javaScriptEnabled, 'Ort und Laufzeit');
        await later.locator('#places-0-regionId').selectOption('st-darmstadt');
        await later.locator('#places-0-label').fill('Darmstadt');
        await later.locator('#period-start').fill('03.2022');
        await next(later, 'weitere-angaben');

        await expectAccessible(later, javaScriptEnabled, 'Finanzierung und weitere Angaben');
        await later.locator('#funding-sources-0-name').fill('Klimarichtlinie Hessen');
        await later.locator('#funding-sources-0-kind').selectOption('land');
        await later.locator('#funding-sources-0-amountCents').fill('12.500,50 €');
        await later.locator('#targetGroups').fill('Bürger*innen\nEhrenamtliche');
        await next(later, 'einordnung');

        await expectAccessible(later, javaScriptEnabled, 'Einordnung');
        await later.locator('#taxonomy-sdgs-12').check();
        await next(later, 'pruefen');

        // Review: everything typed on the way is there; consent and submit.
        await expectAccessible(later, javaScriptEnabled, 'Prüfen und absenden');
        const review = (await later.locator('main').textContent()) ?? '';
        for (const typed of [title, 'Werkzeugbibliothek', 'Die Idee kam aus der Zivilgesellschaft.', 'Stadt Musterstadt, Umweltamt', '12.500,50 €', 'SDG 12']) {
          expect(review).toContain(typed);
        }
        await later.locator('#privacyConsent').check();
        // A person takes longer than the minimum fill time; this test is quicker than that.
        await later.waitForTimeout(Math.max(0, MIN_FILL_MS + 500 - (Date.now() - startedAt)));
        await later.getByRole('button', { name: 'Verbindlich einreichen' }).click();
        await later.waitForURL(/\/einreichen\/entwurf\/[\w-]{43}$/);

        await expectAccessible(later, javaScriptEnabled, 'Bestätigung');
        const reference = (await later.locator('.reference').textContent()) ?? '';
        expect(reference).toMatch(/^BK-\d{4}-\d{5}$/);
        expect(await later.locator('h1').textContent()).toBe('Vielen Dank, Ihr Beitrag ist eingegangen');
        const stored = (await harness.submitted()).find((c) => c.reference === reference);
        expect(stored).toMatchObject({ title, state: 'submitted', submitter: { name: 'Erika Musterfrau', email: 'erika.musterfrau@example.org' } });
      } finally {
        await context.close().catch(() => undefined);
        await resumed?.close();
      }
    });
  }
});
