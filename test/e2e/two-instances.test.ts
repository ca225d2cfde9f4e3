import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/create-user.ts';
import { createAuditLog } from '../../src/storage/audit-log.ts';
import { createContributionRepository } from '../../src/storage/contributions-repository.ts';
import { createUsersRepository } from '../../src/storage/users-repository.ts';
import { cookieFrom, PASSWORD } from '../support/backoffice.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { textOf } from '../support/html.ts';
import { createSubmitted } from '../support/editorial.ts';

/*
 * Server mode (issue 6): two real `baukasten serve` processes on 127.0.0.1 behind an imagined load
 * balancer (one public SITE_URL), sharing one PostgreSQL. Sessions, CSRF tokens, rate limits, API
 * tokens, taxonomy names and search updates must work whichever instance a request reaches.
 * PGlite is embedded in one process and cannot be shared, so this needs TEST_DATABASE_URL; CI sets it.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const SITE_URL = 'http://baukasten.test';
const serverUrl = process.env.TEST_DATABASE_URL;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Instance {
  base: string;
  process: ChildProcess;
  output: string[];
}

async function startInstance(databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'bin/baukasten.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SITE_URL, API_RATE_LIMIT_ANONYMOUS: '5', SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance exited: ${output.join('')}`);
    if (output.join('').includes('Suchindex bereit')) return { base, process: child, output };
    if (Date.now() > deadline) throw new Error(`instance did not start: ${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A form post as the browser sends it behind the load balancer: Origin is the public site. */
function post(instance: Instance, path: string, form: Record<string, string>, cookie: string) {
  return fetch(`${instance.base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: cookie, Origin: SITE_URL, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;

describe.runIf(serverUrl)('two instances on one PostgreSQL (needs TEST_DATABASE_URL)', () => {
  let database: TestDatabase;
  let a: Instance;
  let b: Instance;
  let reviewed: { id: string; title: string; version: number };
  let secret: string;
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [join(root, 'bin/baukasten.js'), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: (database.reopenConfig as { databaseUrl: string }).databaseUrl },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await createUser({ users: createUsersRepository(database.db), auditLog: createAuditLog(database.db) }, { email: 'admin@example.org', name: 'Ada Admin', role: 'admin', password: PASSWORD }, { id: null, label: 'test' });
    const contribution = await createSubmitted(
      { contributions: createContributionRepository(database.db) },
      { title: 'Lastenradverleih Zwillingsinstanz', teaser: 'Ein Lastenrad für alle Ortsteile.', description: 'Die Gemeinde verleiht kostenlos ein Lastenrad mit Elektroantrieb.' },
      { state: 'in_review' },
    );
    reviewed = { id: contribution.id, title: contribution.title, version: contribution.version };
    const url = (database.reopenConfig as { databaseUrl: string }).databaseUrl;
    [a, b] = await Promise.all([startInstance(url), startInstance(url)]);
    // A token issued by the CLI against the same database; its requests do not count against the tiny anonymous limit.
    secret = cli('token', 'add', '--name', 'Zwei Instanzen', '--scope', 'edit');
  }, 90_000);

  afterAll(async () => {
    for (const instance of [a, b]) instance?.process.kill('SIGTERM');
    await Promise.all([a, b].map((instance) => instance && new Promise((resolve) => (instance.process.exitCode !== null ? resolve(null) : instance.process.once('exit', resolve)))));
    await database?.dispose();
  });

  it('an editor signs in through one instance and publishes through the other; the first finds it in search within 2 s', async () => {
    // Sign in through A.
    const form = await fetch(`${a.base}/redaktion/anmelden`);
    const loginCookie = cookieFrom(form, 'baukasten_login_csrf')!;
    const signedIn = await post(a, '/redaktion/anmelden', { email: 'admin@example.org', password: PASSWORD, _csrf: csrfOf(await form.text())! }, loginCookie);
    expect(signedIn.status).toBe(303);
    const session = cookieFrom(signedIn, 'baukasten_session')!;

    // The session and its CSRF token are valid on B.
    const page = await fetch(`${b.base}/redaktion/beitraege/${reviewed.id}`, { headers: { Cookie: session } });
    expect(page.status).toBe(200);
    const csrf = csrfOf(await page.text())!;
    expect(await (await fetch(`${a.base}/suche?q=Zwillingsinstanz`)).text()).toContain('Keine Treffer');

    const published = await post(b, `/redaktion/beitraege/${reviewed.id}/zustand`, { _csrf: csrf, version: String(reviewed.version), ziel: 'published' }, session);
    expect(published.status).toBe(303);
    const publishedAt = Date.now();
    let found = false;
    while (!found && Date.now() - publishedAt < 2000) {
      // Text, not HTML: the hit's title has its matching words marked.
      found = textOf(await (await fetch(`${a.base}/suche?q=Zwillingsinstanz`)).text()).includes(reviewed.title);
      if (!found) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(found, 'published through B, searchable through A within 2 s').toBe(true);
    const withToken = { headers: { Authorization: `Bearer ${secret}` } };
    expect((await fetch(`${a.base}/api/v1/contributions?q=Lastenradverleih`, withToken).then((r) => r.json())) as { total: number }).toMatchObject({ total: 1 });

    // A rename of a taxonomy entry through A shows on B within 2 s.
    const taxonomy = await fetch(`${a.base}/redaktion/taxonomie`, { headers: { Cookie: session } });
    const renamed = await post(a, '/redaktion/taxonomie', { _csrf: csrfOf(await taxonomy.text())!, art: 'sdgs', 'sdgs-13': 'Maßnahmen zum Klimaschutz (umbenannt)' }, session);
    expect(renamed.status).toBe(303);
    const renamedAt = Date.now();
    let shown = false;
    while (!shown && Date.now() - renamedAt < 2000) {
      shown = (await fetch(`${b.base}/api/v1/taxonomies`, withToken).then((r) => r.text())).includes('Maßnahmen zum Klimaschutz (umbenannt)');
      if (!shown) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(shown, 'renamed through A, shown by B within 2 s').toBe(true);

    // Signing out through B ends the session on A too.
    const home = await fetch(`${b.base}/redaktion`, { headers: { Cookie: session } });
    expect((await post(b, '/redaktion/abmelden', { _csrf: csrfOf(await home.text())! }, session)).status).toBe(303);
    const after = await fetch(`${a.base}/redaktion`, { headers: { Cookie: session }, redirect: 'manual' });
    expect(after.status).toBe(302);
  }, 60_000);

  it('counts the anonymous API limit over both instances and honours a revocation made through the other', async () => {
    // API_RATE_LIMIT_ANONYMOUS=5 per minute and address: five answers in all, whichever instance; then 429.
    // Counts of the first test are cleared; both instances read the shared counters on every request.
    // (Should the minute turn over between the requests, the count starts again and so does this check.)
    await database.db.query('DELETE FROM rate_limit_counters');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${[a, b][i % 2]!.base}/api/v1/regions`)).status);
    const firstRefused = statuses.indexOf(429);
    if (firstRefused >= 0) expect(firstRefused).toBe(5);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(6);

    // The token works on both instances and is revoked for both at once.
    const headers = { Authorization: `Bearer ${secret}` };
    expect((await fetch(`${a.base}/api/v1/contributions/${reviewed.id}`, { headers })).status).toBe(200);
    expect((await fetch(`${b.base}/api/v1/contributions/${reviewed.id}`, { headers })).status).toBe(200);
    cli('token', 'revoke', cli('token', 'list').split('\t')[0]!);
    expect((await fetch(`${a.base}/api/v1/contributions/${reviewed.id}`, { headers })).status).toBe(401);
    expect((await fetch(`${b.base}/api/v1/contributions/${reviewed.id}`, { headers })).status).toBe(401);
  }, 60_000);
});
