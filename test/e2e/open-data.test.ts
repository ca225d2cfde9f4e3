import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOpenDataSettings } from '../../src/app/exports/settings.ts';
import { createWebApp } from '../../src/web/app.tsx';
import { axeViolations, focusedText, formatViolations, launchChromium, openPage, startServer, type RunningServer } from '../support/browser.ts';
import { createFakeCatalog } from '../support/contributions.ts';
import { createFakeSearch } from '../support/fake-search.ts';
import { createFakeOpenDataSource } from '../support/open-data.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(
    createWebApp({ catalog: createFakeCatalog(), search: createFakeSearch(), openData: { source: createFakeOpenDataSource(), settings: defaultOpenDataSettings } }),
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('open data page in Chromium', () => {
  it('has no WCAG 2.1 A/AA violations found by axe-core', async () => {
    const { page, context } = await openPage(browser, { bypassCSP: true });
    try {
      await page.goto(`${server.baseUrl}/daten`);
      const violations = await axeViolations(page);
      expect(violations, `axe-core meldet Verstöße:\n${formatViolations(violations)}`).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a reader finds it from the footer and downloads the table by keyboard, without JavaScript', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(`${server.baseUrl}/`);
      await page.locator('footer a', { hasText: 'Offene Daten' }).click();
      await page.waitForURL('**/daten');
      expect(await page.locator('h1').textContent()).toBe('Offene Daten');

      const csvLink = page.getByRole('link', { name: 'Alle Beiträge als Tabelle (CSV)' });
      await csvLink.focus();
      expect(await focusedText(page)).toBe('Alle Beiträge als Tabelle (CSV)');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe('nachhaltigkeitsbaukasten-beitraege.csv');
      const text = readFileSync(await download.path(), 'utf8');
      expect(text.startsWith('\uFEFFID;Adresse;Art;Titel;')).toBe(true);
      expect(text).toContain('Repair-Café im Stadtteilzentrum');
    } finally {
      await context.close();
    }
  });
});
