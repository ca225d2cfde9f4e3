// Shared helpers for browser tests: the system Chromium via playwright-core, a throwaway
// HTTP server for a Hono app, and axe-core scans with readable failure output.
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { serve } from '@hono/node-server';
import type { AxeResults, Result } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/** Flags measured to work on the CI machines (see /work/shared/reference/tech-notes.md). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Debian's Chromium; a missing browser is a failure, never a silent skip. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Browsertests brauchen Chromium unter ${chromiumPath}, es fehlt. Installieren mit: apt-get install -y chromium ` +
        '(es wird nie ein Browser heruntergeladen; "npx playwright install" nicht verwenden).',
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** A fresh context per test keeps cookies and focus state apart; axe needs pages from newContext(). */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ locale: 'de-DE', ...options });
  const page = await context.newPage();
  return { page, context };
}

export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves a fetch handler (e.g. a Hono app) on an ephemeral loopback port. */
export function startServer(app: { fetch: (request: Request) => Response | Promise<Response> }): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        baseUrl: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
  });
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core against the loaded page for WCAG 2.1 A/AA. The page's CSP forbids inline
 * scripts, so the context must be opened with `bypassCSP: true` for the injection to work.
 */
export async function axeViolations(page: Page): Promise<Result[]> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run(options: object): Promise<AxeResults> } }).axe.run({ runOnly: { type: 'tag', values: tags } }),
    wcagTags,
  );
  return results.violations;
}

/** One block per violation with the offending elements, so a failing test explains itself. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`).join('\n');
      return `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

/** Accessible text of the element that has keyboard focus ("" for body). */
export async function focusedText(page: Page): Promise<string> {
  const focused = page.locator(':focus');
  if ((await focused.count()) === 0) return '';
  return ((await focused.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
