import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/web/app.tsx';
import { createFakeCatalog, repairCafe, vagQuestionnaire } from '../support/contributions.ts';
import { createFakeSearch } from '../support/fake-search.ts';
import { axeViolations, focusedText, formatViolations, launchChromium, openPage, startServer, type RunningServer } from '../support/browser.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(createWebApp({ catalog: createFakeCatalog(), search: createFakeSearch() }));
  // Throws with an installation hint when /usr/bin/chromium is missing, failing every test here.
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Presses Tab until the focused element's text matches, failing with the focus path if it never does. */
async function tabTo(page: Page, text: string, maxPresses = 40): Promise<void> {
  const visited: string[] = [];
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedText(page);
    if (focused === text) return;
    visited.push(focused);
  }
  throw new Error(`„${text}“ war nach ${maxPresses}× Tab nicht fokussiert. Fokusweg: ${visited.join(' → ')}`);
}

async function focusIsVisible(page: Page): Promise<boolean> {
  return page.locator(':focus').evaluate((el) => {
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
  });
}

describe('public pages in Chromium', () => {
  it.each([
    ['the start page', '/'],
    ['a questionnaire contribution', `/beitraege/${vagQuestionnaire.slug}`],
    ['a contribution with contact and funding', `/beitraege/${repairCafe.slug}`],
    ['the 404 page', '/beitraege/gibt-es-nicht'],
    ['the API documentation', '/api/v1/docs'],
  ])('%s has no WCAG 2.1 A/AA violations found by axe-core', async (_name, path) => {
    // The pages' CSP forbids inline scripts; bypassCSP lets axe-core be injected for the scan only.
    const { page, context } = await openPage(browser, { bypassCSP: true });
    try {
      await page.goto(server.baseUrl + path);
      const violations = await axeViolations(page);
      expect(violations, `axe-core meldet Verstöße:\n${formatViolations(violations)}`).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the axe-core helper does report violations (guards against a scan that silently checks nothing)', async () => {
    const { page, context } = await openPage(browser);
    try {
      await page.setContent('<!DOCTYPE html><html><body><img src="x.png"><a href="/"></a></body></html>');
      const ids = (await axeViolations(page)).map((v) => v.id);
      expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'link-name']));
    } finally {
      await context.close();
    }
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`a reader opens a contribution from the start page and reaches its contact block (keyboard only, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { page, context } = await openPage(browser, { javaScriptEnabled });
      try {
        await page.goto(server.baseUrl + '/');

        await tabTo(page, 'Zum Inhalt springen', 1);
        expect(await focusIsVisible(page)).toBe(true);
        await page.keyboard.press('Enter');
        await tabTo(page, repairCafe.title);
        expect(await focusIsVisible(page)).toBe(true);
        await page.keyboard.press('Enter');
        await page.waitForURL(`**/beitraege/${repairCafe.slug}`);
        expect(await page.locator('h1').textContent()).toBe(repairCafe.title);

        await tabTo(page, 'Träger und Kontakt');
        await page.keyboard.press('Enter');
        await page.waitForURL(`**/beitraege/${repairCafe.slug}#kontakt`);

        // Sequential focus continues inside the contact block: website, phone, then e-mail.
        await tabTo(page, 'erika.musterfrau@example.org', 5);
        expect(await page.locator('#kontakt :focus').count()).toBe(1);
        expect(await page.locator(':focus').getAttribute('href')).toBe('mailto:erika.musterfrau@example.org');
      } finally {
        await context.close();
      }
    });
  }

  it('printing a contribution hides navigation and writes out link targets', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(`${server.baseUrl}/beitraege/${vagQuestionnaire.slug}`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.toc').isVisible()).toBe(false);
      expect(await page.locator('.back-link').isVisible()).toBe(false);
      const after = await page.locator('#links a').first().evaluate((el) => getComputedStyle(el, '::after').content);
      expect(after).toContain('https://hage.de/aktivitaeten/');
    } finally {
      await context.close();
    }
  });
});
