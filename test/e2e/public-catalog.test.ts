import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/web/app.tsx';
import { axeViolations, focusedText, formatViolations, launchChromium, openPage, startServer, type RunningServer } from '../support/browser.ts';
import { bfaFactsheet, createFakeCatalog, fixtureContributions, vagQuestionnaire } from '../support/contributions.ts';
import { createFakeSearch } from '../support/fake-search.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(createWebApp({ catalog: createFakeCatalog(fixtureContributions), search: createFakeSearch(fixtureContributions) }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What has keyboard focus: "#id" for form controls, else the element's text. */
async function focusDescription(page: Page): Promise<string> {
  const id = await page.evaluate(() => {
    const el = document.activeElement;
    return el && (el.tagName === 'INPUT' || el.tagName === 'BUTTON') && el.id ? `#${el.id}` : null;
  });
  return id ?? (await focusedText(page));
}

/** Presses Tab until the focus description matches, failing with the focus path otherwise. */
async function tabTo(page: Page, target: string, maxPresses = 60): Promise<void> {
  const visited: string[] = [];
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusDescription(page);
    if (focused === target) return;
    visited.push(focused);
  }
  throw new Error(`„${target}“ war nach ${maxPresses}× Tab nicht fokussiert. Fokusweg: ${visited.join(' → ')}`);
}

async function focusIsVisible(page: Page): Promise<boolean> {
  return page.locator(':focus').evaluate((el) => {
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
  });
}

const pages: Array<[string, string, { print?: boolean }?]> = [
  ['the start page', '/'],
  ['results with filters set', '/suche?q=Arbeit&bereich=soziales&sdg=8&region=rb-giessen&status=abgeschlossen'],
  ['all results with every facet', '/suche'],
  ['the no-results page', '/suche?q=Repiar&bereich=umwelt&sdg=12'],
  ['a page with German notices about bad input', `/suche?q=${'x'.repeat(300)}&sdg=99&seite=abc`],
  ['a detail page', `/beitraege/${bfaFactsheet.slug}`],
  ['a detail page in print view', `/beitraege/${bfaFactsheet.slug}`, { print: true }],
  ['the regional overview', '/regionen'],
  ['the Impressum', '/impressum'],
  ['the Datenschutzerklärung', '/datenschutz'],
  ['the Barrierefreiheitserklärung', '/barrierefreiheit'],
];

describe('public catalog pages in Chromium', () => {
  it.each(pages)('%s has no WCAG 2.1 A/AA violations found by axe-core', async (_name, path, options) => {
    // The CSP forbids inline scripts; bypassCSP lets axe-core be injected for the scan only.
    const { page, context } = await openPage(browser, { bypassCSP: true });
    try {
      const response = await page.goto(server.baseUrl + path);
      expect(response?.status()).toBe(200);
      if (options?.print) await page.emulateMedia({ media: 'print' });
      const violations = await axeViolations(page);
      expect(violations, `axe-core meldet Verstöße:\n${formatViolations(violations)}`).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the enhancement script runs under the CSP and announces that filters apply at once', async () => {
    const { page, context } = await openPage(browser);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      await page.goto(`${server.baseUrl}/suche?q=Arbeit`);
      await expect.poll(() => page.locator('[data-auto-submit-note]').isVisible()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('prints the BfA fact sheet on at most two A4 pages without navigation or filters', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(`${server.baseUrl}/beitraege/${bfaFactsheet.slug}`);
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.site-nav', '.toc', '.site-footer', '.back-link']) expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      expect(await page.locator('#kontakt').isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      console.log(`Druckansicht BfA-Steckbrief: ${pageCount} Seite(n) A4`);
      expect(pageCount).toBeGreaterThanOrEqual(1);
      expect(pageCount).toBeLessThanOrEqual(2);
    } finally {
      await context.close();
    }
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`a municipal employee finds a contribution via search and a filter and reaches its contact block (keyboard only, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { page, context } = await openPage(browser, { javaScriptEnabled });
      try {
        await page.goto(server.baseUrl + '/');
        await tabTo(page, 'Zum Inhalt springen', 1);
        await page.keyboard.press('Enter');

        // Search from the start page.
        await tabTo(page, '#q', 5);
        expect(await focusIsVisible(page)).toBe(true);
        await page.keyboard.type('Arbeit');
        await page.keyboard.press('Enter');
        await page.waitForURL('**/suche?q=Arbeit');
        expect(await page.locator('[role="status"]').textContent()).toBe('2 Treffer');

        // Narrow down with the status filter.
        await tabTo(page, 'Zum Inhalt springen', 1);
        await page.keyboard.press('Enter');
        await tabTo(page, '#filter-status-laufend');
        expect(await focusIsVisible(page)).toBe(true);
        await page.keyboard.press('Space');
        if (javaScriptEnabled) {
          // The enhancement applies the filter at once and puts focus back on the checkbox.
          await page.waitForURL('**/suche?q=Arbeit&status=laufend');
          await expect.poll(() => focusDescription(page)).toBe('#filter-status-laufend');
        } else {
          // Without the script nothing happens until the form is submitted.
          expect(page.url()).not.toContain('status=');
          await tabTo(page, 'Filter anwenden');
          await page.keyboard.press('Enter');
          await page.waitForURL('**/suche?q=Arbeit&status=laufend');
          await tabTo(page, '#filter-status-laufend');
        }
        expect(await page.locator('#filter-status-laufend').isChecked()).toBe(true);
        expect(await page.locator('[role="status"]').textContent()).toBe('1 Treffer');

        // Open the remaining hit.
        await tabTo(page, vagQuestionnaire.title);
        await page.keyboard.press('Enter');
        await page.waitForURL(`**/beitraege/${vagQuestionnaire.slug}`);
        expect(await page.locator('h1').textContent()).toBe(vagQuestionnaire.title);

        // Reach the contact block through the table of contents.
        await tabTo(page, 'Träger und Kontakt');
        await page.keyboard.press('Enter');
        await page.waitForURL(`**/beitraege/${vagQuestionnaire.slug}#kontakt`);
        await tabTo(page, 'https://hage.de/', 5);
        expect(await page.locator('#kontakt :focus').count()).toBe(1);
        expect(await focusIsVisible(page)).toBe(true);
      } finally {
        await context.close();
      }
    });
  }

  it('removing an active filter and following did-you-mean work without JavaScript', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(`${server.baseUrl}/suche?q=Repiar&bereich=umwelt`);
      expect(await page.locator('[role="status"]').textContent()).toBe('Keine Treffer');
      await page.getByRole('link', { name: '„Repair“' }).click();
      await page.waitForURL('**/suche?q=Repair&bereich=umwelt');
      expect(await page.locator('[role="status"]').textContent()).toBe('1 Treffer');
      await page.getByRole('link', { name: 'Bereich: Umwelt – Filter entfernen' }).click();
      await page.waitForURL('**/suche?q=Repair');
      expect(await page.locator('#filter-bereich-umwelt').isChecked()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
