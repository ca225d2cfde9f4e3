import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppContext, type AppContext } from '../../src/app/context.ts';
import { seedDemoContent } from '../../src/app/seed-demo.ts';
import { createWebApp } from '../../src/web/app.tsx';
import { axeViolations, formatViolations, launchChromium, openPage, startServer, type RunningServer } from '../support/browser.ts';

// The whole stack: embedded PostgreSQL with the demo documents, the real search index and the pages.
let context: AppContext;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  context = await openAppContext({ inMemory: true });
  await seedDemoContent(context.contributions);
  await context.search.load();
  server = await startServer(createWebApp({ catalog: context.catalog, search: context.search }));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await context?.close();
});

/** axe needs scripts, so the check opens the same URL in a context with JavaScript (CSP bypassed for the injected script). */
async function expectNoAxeViolations(url: string): Promise<void> {
  const { page, context: browserContext } = await openPage(browser, { bypassCSP: true });
  try {
    await page.goto(url);
    expect(formatViolations(await axeViolations(page))).toBe('');
  } finally {
    await browserContext.close();
  }
}

describe('searching the demo catalog with the real search engine', () => {
  it('a municipal employee without JavaScript finds a project for jobless people, narrows it by region and reaches its sponsor', async () => {
    const { page, context: browserContext } = await openPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(`${server.baseUrl}/`);
      // "Arbeitslose" is a synonym of the document's "Erwerbslose"; "Gesundheit" the first part of "Gesundheitsförderung".
      await page.getByLabel('Suchbegriff').first().fill('Gesundheit Arbeitslose');
      await page.getByLabel('Suchbegriff').first().press('Enter');
      await expect.poll(() => page.url()).toContain('/suche?');
      const firstHit = page.locator('#ergebnisse h3 a').first();
      expect(await firstHit.innerText()).toBe('Verzahnung von Arbeits- und Gesundheitsförderung in der kommunalen Lebenswelt');
      expect(await page.locator('#ergebnisse mark').allInnerTexts()).toContain('Gesundheitsförderung');

      await page.getByLabel(/Hessenweit/).check();
      await page.getByRole('button', { name: 'Filter anwenden' }).click();
      expect(page.url()).toContain('region=hessen');
      await expectNoAxeViolations(page.url());

      await page.locator('#ergebnisse h3 a').first().click();
      expect(await page.locator('h1').innerText()).toBe('Verzahnung von Arbeits- und Gesundheitsförderung in der kommunalen Lebenswelt');
      expect(await page.locator('#kontakt').innerText()).toContain('Hessische Arbeitsgemeinschaft für Gesundheitsförderung e. V.');
    } finally {
      await browserContext.close();
    }
  });

  it('finds a contribution despite a typo and offers the corrected spelling', async () => {
    const { page, context: browserContext } = await openPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(`${server.baseUrl}/suche?q=Budjet+f%C3%BCr+Arbeit`);
      expect(await page.locator('#ergebnisse h3 a').first().innerText()).toBe('Bewerbung des Budgets für Arbeit (BfA) nach § 61 SGB IX');
      await page.getByRole('link', { name: '„Budget für Arbeit“' }).click();
      expect(decodeURIComponent(page.url())).toContain('q=Budget+für+Arbeit');
      expect(await page.locator('#ergebnisse h3 a').first().innerText()).toBe('Bewerbung des Budgets für Arbeit (BfA) nach § 61 SGB IX');
    } finally {
      await browserContext.close();
    }
  });
});
