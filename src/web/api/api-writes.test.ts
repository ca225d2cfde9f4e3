import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentOf } from '../../domain/contribution.ts';
import { openDatabase } from '../../storage/database.ts';
import { createApiInstance, questionnaireBytes, type ApiInstance } from '../../../test/support/api.ts';
import { bfaFactsheet, repairCafe } from '../../../test/support/contributions.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/support/databases.ts';
import { openApiDocument } from './openapi.ts';

type Json = Record<string, any>;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ ...openApiDocument(), $id: 'openapi' }, 'openapi');

/** The contract: a real body against the document's schema for that path, method and status. */
function expectMatchesContract(path: string, method: string, status: number, body: unknown) {
  const mediaType = status < 300 ? 'application/json' : 'application/problem+json';
  const pointer = `openapi#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/content/${mediaType.replace(/\//g, '~1')}/schema`;
  const validate = ajv.getSchema(pointer);
  expect(validate, `no schema at ${pointer}`).toBeDefined();
  expect(validate!(body) ? [] : validate!.errors).toEqual([]);
}

const newContent = () => ({ ...contentOf(repairCafe), title: 'Repair-Café im Quartier Nord', teaser: 'Reparieren statt wegwerfen, einmal im Monat.' });

describe.each(testEngines)('write API for trusted systems on %s', (engine) => {
  let database: TestDatabase;
  let api: ApiInstance;
  let importer: string;
  let editor: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    api = await createApiInstance(database.db);
    await api.contributions.create(contentOf(bfaFactsheet), { state: 'published', actor: 'test' });
    importer = await api.token(['import']);
    editor = await api.token(['edit']);
  }, 60_000);

  afterAll(async () => {
    api?.search.stop();
    await database?.dispose();
  });

  async function send(method: string, path: string, options: { token?: string; body?: BodyInit; type?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.type) headers['Content-Type'] = options.type;
    // duplex: a stream body (chunked, no Content-Length) needs it in Node's fetch Request.
    const response = await api.app.request(path, { method, headers, body: options.body, ...(options.body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Json) : null };
  }
  const postJson = (body: unknown, token = importer) => send('POST', '/api/v1/contributions', { token, type: 'application/json', body: JSON.stringify(body) });
  const count = async () => (await api.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM contributions'))[0]!.n;

  describe('tokens', () => {
    it('refuses a write without a token with 401 and a Bearer challenge', async () => {
      const response = await postJson(newContent(), '');
      expect(response.status).toBe(401);
      expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Nachhaltigkeitsbaukasten"');
      expectMatchesContract('/contributions', 'post', 401, response.json);
    });

    it('refuses unknown, malformed, revoked and expired tokens on every endpoint, reads included', async () => {
      const unknown = await send('GET', '/api/v1/regions', { token: `bk_${'x'.repeat(43)}` });
      expect(unknown.status).toBe(401);
      expect(unknown.headers.get('WWW-Authenticate')).toContain('error="invalid_token"');
      expect(unknown.json!.detail).toBe('Der Zugangsschlüssel ist unbekannt.');
      const malformed = await send('GET', '/api/v1/regions', { headers: { Authorization: 'Basic YTpi' } });
      expect(malformed.status).toBe(401);
      expect(malformed.headers.get('WWW-Authenticate')).toContain('error="invalid_request"');

      const secret = await api.token(['import'], { name: 'Wird widerrufen' });
      const [token] = (await api.apiTokens.list()).filter((t) => t.name === 'Wird widerrufen');
      await api.apiTokens.revoke(token!.id, 'test');
      const revoked = await postJson(newContent(), secret);
      expect(revoked.status).toBe(401);
      expect(revoked.json!.detail).toBe('Der Zugangsschlüssel wurde widerrufen.');

      const expiring = await api.token(['import'], { name: 'Läuft ab', validDays: 1 });
      await api.db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE name = 'Läuft ab'`);
      const expired = await postJson(newContent(), expiring);
      expect(expired.status).toBe(401);
      expect(expired.json!.detail).toBe('Der Zugangsschlüssel ist abgelaufen.');
    });

    it('stores only a hash of the secret', async () => {
      const secret = await api.token(['edit'], { name: 'Nur Hash' });
      const rows = await api.db.query<Json>(`SELECT * FROM api_tokens WHERE name = 'Nur Hash'`);
      expect(JSON.stringify(rows)).not.toContain(secret);
      expect(rows[0]!.prefix).toBe(secret.slice(0, 9));
    });

    it('refuses a token without the scope with 403 insufficient_scope', async () => {
      const response = await send('POST', '/api/v1/imports?dateiname=vag.txt', { token: editor, type: 'text/plain', body: questionnaireBytes() });
      expect(response.status).toBe(403);
      expect(response.headers.get('WWW-Authenticate')).toContain('error="insufficient_scope", scope="import"');
      expectMatchesContract('/imports', 'post', 403, response.json);
    });
  });

  describe('POST /contributions', () => {
    it('creates a draft with revision and audit entry, reports a likely duplicate, and answers 201 with Location', async () => {
      const before = await count();
      const response = await postJson({ ...contentOf(bfaFactsheet), teaser: 'Noch einmal gemeldet.' });
      expect(response.status).toBe(201);
      expectMatchesContract('/contributions', 'post', 201, response.json);
      const created = response.json!.contribution;
      expect(created).toMatchObject({ state: 'draft', version: 1, title: bfaFactsheet.title, teaser: 'Noch einmal gemeldet.' });
      expect(response.headers.get('Location')).toBe(`/api/v1/contributions/${created.id}`);
      expect(response.headers.get('ETag')).toMatch(/^"v1-/);
      expect(response.json!.possibleDuplicates).toEqual([expect.objectContaining({ title: bfaFactsheet.title, reason: expect.stringContaining('gleicher Titel und Träger') })]);
      expect(await count()).toBe(before + 1);
      const audit = await api.auditLog.list({ limit: 5, offset: 0, entityType: 'contribution', entityId: created.id });
      expect(audit.items[0]).toMatchObject({ action: 'contribution.create', actor: expect.stringMatching(/^API-Zugang „Testsystem import“ \(bk_/) });
      expect((await api.contributions.revisions(created.id)).map((r) => r.version)).toEqual([1]);
    });

    it('names every invalid and unknown field with a JSON Pointer and stores nothing', async () => {
      const before = await count();
      const invalid = await postJson({ ...newContent(), contacts: [{ name: 'Erika', email: 'kein-at-zeichen' }] });
      expect(invalid.status).toBe(400);
      expectMatchesContract('/contributions', 'post', 400, invalid.json);
      expect(invalid.json!.errors).toContainEqual({ pointer: '/contacts/0/email', detail: expect.stringContaining('gültige E-Mail-Adresse') });

      const unknown = await postJson({ ...newContent(), sponsor: { name: 'Stadt Kassel', fax: '0561 123' }, prioritaet: 'hoch' });
      expect(unknown.status).toBe(400);
      expect(unknown.json!.errors.map((e: Json) => e.pointer).sort()).toEqual(['/prioritaet', '/sponsor/fax']);
      expect(unknown.json!.errors[0].detail).toBe('Dieses Feld gibt es nicht.');

      const notAnObject = await postJson([1, 2, 3]);
      expect(notAnObject.status).toBe(400);
      expect(await count()).toBe(before);
    });

    it('answers malformed JSON with 400, other media types with 415 and oversized bodies with 413, before storing anything', async () => {
      const before = await count();
      const broken = await send('POST', '/api/v1/contributions', { token: importer, type: 'application/json', body: '{"title": "Halb' });
      expect(broken.status).toBe(400);
      expect(broken.json!.detail).toMatch(/^Der Anfrageinhalt ist kein gültiges JSON/);
      const form = await send('POST', '/api/v1/contributions', { token: importer, type: 'application/x-www-form-urlencoded', body: 'title=x' });
      expect(form.status).toBe(415);
      expectMatchesContract('/contributions', 'post', 415, form.json);
      const huge = JSON.stringify({ ...newContent(), description: 'x'.repeat(1_100_000) });
      const declared = await send('POST', '/api/v1/contributions', { token: importer, type: 'application/json', body: huge });
      expect(declared.status).toBe(413);
      // The same without Content-Length (chunked): counted while reading.
      const chunked = await send('POST', '/api/v1/contributions', {
        token: importer,
        type: 'application/json',
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < 12; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(100_000)));
            controller.close();
          },
        }),
      });
      expect(chunked.status).toBe(413);
      expect(await count()).toBe(before);
    });
  });

  describe('GET and PATCH /contributions/{id} with the scope "edit"', () => {
    it('shows a draft whole to an edit token only; the public and import tokens do not see it', async () => {
      const { json } = await postJson(newContent());
      const id = json!.contribution.id;
      expect((await send('GET', `/api/v1/contributions/${id}`)).status).toBe(404);
      expect((await send('GET', `/api/v1/contributions/${id}`, { token: importer })).status).toBe(404);
      const seen = await send('GET', `/api/v1/contributions/${id}`, { token: editor });
      expect(seen.status).toBe(200);
      expectMatchesContract('/contributions/{idOrSlug}', 'get', 200, seen.json);
      expect(seen.json).toMatchObject({ id, state: 'draft', contacts: [expect.objectContaining({ name: 'Erika Musterfrau' })] });
      expect(seen.headers.get('Cache-Control')).toBe('private, no-cache');
      expect(seen.headers.get('ETag')).toMatch(/^"v1-[\w-]+"$/);
      const again = await send('GET', `/api/v1/contributions/${id}`, { token: editor, headers: { 'If-None-Match': seen.headers.get('ETag')! } });
      expect(again.status).toBe(304);
    });

    it('applies a merge patch based on the current version: a new version, revision and audit entry with before and after', async () => {
      const { json } = await postJson(newContent());
      const id = json!.contribution.id;
      const seen = await send('GET', `/api/v1/contributions/${id}`, { token: editor });
      const patched = await send('PATCH', `/api/v1/contributions/${id}`, {
        token: editor,
        type: 'application/merge-patch+json',
        headers: { 'If-Match': seen.headers.get('ETag')! },
        body: JSON.stringify({ title: 'Repair-Café Nord (geändert)', teaser: null, sponsor: { postcode: '34117' } }),
      });
      expect(patched.status).toBe(200);
      expectMatchesContract('/contributions/{idOrSlug}', 'patch', 200, patched.json);
      expect(patched.json).toMatchObject({ version: 2, title: 'Repair-Café Nord (geändert)', teaser: null, sponsor: { name: repairCafe.sponsor!.name, postcode: '34117' } });
      expect(patched.json!.description).toBe(repairCafe.description);
      expect(patched.headers.get('ETag')).toMatch(/^"v2-/);
      const audit = await api.auditLog.list({ limit: 5, offset: 0, entityType: 'contribution', entityId: id });
      expect(audit.items[0]).toMatchObject({ action: 'contribution.update', before: { version: 1, fields: { title: 'Repair-Café im Quartier Nord' } }, after: { version: 2 } });
      expect((await api.contributions.revisions(id)).map((r) => r.version)).toEqual([1, 2]);
    });

    it('requires If-Match (428), refuses a stale one (412 with the current version) and never overwrites', async () => {
      const { json, headers } = await postJson(newContent());
      const id = json!.contribution.id;
      const etag = headers.get('ETag')!;
      const patch = (ifMatch: string | null, title: string) =>
        send('PATCH', `/api/v1/contributions/${id}`, { token: editor, type: 'application/merge-patch+json', headers: ifMatch ? { 'If-Match': ifMatch } : {}, body: JSON.stringify({ title }) });
      const missing = await patch(null, 'Ohne If-Match');
      expect(missing.status).toBe(428);
      expectMatchesContract('/contributions/{idOrSlug}', 'patch', 428, missing.json);

      // Two systems change the same version at the same time: exactly one wins.
      const results = await Promise.all([patch(etag, 'Erste Änderung'), patch(etag, 'Zweite Änderung')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const conflict = results.find((r) => r.status === 412)!;
      expectMatchesContract('/contributions/{idOrSlug}', 'patch', 412, conflict.json);
      expect(conflict.json!.currentVersion).toBe(2);
      const stored = await api.contributions.get(id);
      expect(stored!.version).toBe(2);
      expect(stored!.title).toBe(results.find((r) => r.status === 200)!.json!.title);

      const stale = await patch(etag, 'Auf alter Fassung');
      expect(stale.status).toBe(412);
      expect((await api.contributions.get(id))!.version).toBe(2);
    });

    it('refuses a patch that makes the contribution invalid or names unknown fields, changing nothing', async () => {
      const { json, headers } = await postJson(newContent());
      const id = json!.contribution.id;
      const patch = (body: unknown) =>
        send('PATCH', `/api/v1/contributions/${id}`, { token: editor, type: 'application/merge-patch+json', headers: { 'If-Match': headers.get('ETag')! }, body: JSON.stringify(body) });
      const invalid = await patch({ period: { start: '2024-05', end: '2023-01' } });
      expect(invalid.status).toBe(400);
      expect(invalid.json!.errors).toContainEqual({ pointer: '/period/end', detail: 'Das Ende darf nicht vor dem Beginn liegen.' });
      const unknown = await patch({ sponsor: { telefax: '1' } });
      expect(unknown.status).toBe(400);
      expect(unknown.json!.errors).toEqual([{ pointer: '/sponsor/telefax', detail: 'Dieses Feld gibt es nicht.' }]);
      const wrongType = await send('PATCH', `/api/v1/contributions/${id}`, { token: editor, type: 'application/json', headers: { 'If-Match': headers.get('ETag')! }, body: '{}' });
      expect(wrongType.status).toBe(415);
      expect((await api.contributions.get(id))!.version).toBe(1);
      expect((await send('PATCH', '/api/v1/contributions/gibt-es-nicht', { token: editor, type: 'application/merge-patch+json', headers: { 'If-Match': '"v1-x"' }, body: '{}' })).status).toBe(404);
    });
  });

  describe('POST /imports', () => {
    it('imports a questionnaire as a draft (201), the same bytes again as the existing one (200), audit-logged', async () => {
      const first = await send('POST', '/api/v1/imports', { token: importer, type: 'text/plain', body: questionnaireBytes(), headers: { 'Content-Disposition': "attachment; filename*=UTF-8''Frageb%C3%B6gen-VAG.txt" } });
      expect(first.status).toBe(201);
      expectMatchesContract('/imports', 'post', 201, first.json);
      expect(first.json).toMatchObject({ outcome: 'imported', contribution: { state: 'draft', provenance: { sourceFile: 'Fragebögen-VAG.txt', format: 'questionnaire' } } });
      expect(first.headers.get('Location')).toBe(`/api/v1/contributions/${first.json!.contribution.id}`);
      const audit = await api.auditLog.list({ limit: 5, offset: 0, entityType: 'contribution', entityId: first.json!.contribution.id });
      expect(audit.items.map((e) => e.action)).toEqual(['contribution.import']);

      const again = await send('POST', '/api/v1/imports?dateiname=nochmal.txt', { token: importer, type: 'text/plain', body: questionnaireBytes() });
      expect(again.status).toBe(200);
      expectMatchesContract('/imports', 'post', 200, again.json);
      expect(again.json).toMatchObject({ outcome: 'duplicate', contribution: { id: first.json!.contribution.id } });
    });

    it('refuses unreadable documents with 422 and the German reason, other media types with 415, large ones with 413; nothing stored', async () => {
      const before = await count();
      const garbage = await send('POST', '/api/v1/imports?dateiname=kaputt.pdf', { token: importer, type: 'application/pdf', body: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0xff, 0x00, 0x13]) });
      expect(garbage.status).toBe(422);
      expectMatchesContract('/imports', 'post', 422, garbage.json);
      expect(garbage.json!.detail).toContain('kaputt.pdf');
      const image = await send('POST', '/api/v1/imports', { token: importer, type: 'image/png', body: new Uint8Array([137, 80, 78, 71]) });
      expect(image.status).toBe(415);
      const large = await send('POST', '/api/v1/imports', { token: importer, type: 'text/plain', body: 'Projekt '.repeat(700_000) });
      expect(large.status).toBe(413);
      expectMatchesContract('/imports', 'post', 413, large.json);
      expect(await count()).toBe(before);
    });
  });
});

describe.each(testEngines)('rate limits and revocations across instances on %s', (engine) => {
  let database: TestDatabase;
  let second: Awaited<ReturnType<typeof openDatabase>> | null = null;
  let instances: ApiInstance[];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    // Two instances as behind a load balancer; on PostgreSQL each with its own connection pool.
    second = engine === 'postgres' ? await openDatabase(database.reopenConfig as { databaseUrl: string }) : null;
    instances = [
      await createApiInstance(database.db, { anonymousPerMinute: 6, tokenPerMinute: 4 }),
      await createApiInstance(second ?? database.db, { anonymousPerMinute: 6, tokenPerMinute: 4 }),
    ];
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances ?? []) instance.search.stop();
    await second?.close();
    await database?.dispose();
  });

  it('counts anonymous reads per address over all instances and answers 429 with Retry-After', async () => {
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 8; i++) {
      last = await instances[i % 2]!.app.request('/api/v1/regions');
      statuses.push(last.status);
      if (i === 0) expect(last.headers.get('RateLimit-Limit')).toBe('6');
    }
    // Unless the minute turned over during the loop, the 7th and 8th request are refused.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(6);
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    if (statuses.includes(429)) {
      expect(last!.status).toBe(429);
      const retryAfter = Number(last!.headers.get('Retry-After'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(last!.headers.get('RateLimit-Remaining')).toBe('0');
      const body = (await last!.json()) as Json;
      expect(body).toMatchObject({ status: 429, title: 'Zu viele Anfragen' });
      expectMatchesContract('/regions', 'get', 429, body);
    }
  });

  it('counts per token, independently of the address, and a revocation through one instance holds on the other at once', async () => {
    const secret = await instances[0]!.token(['edit'], { name: 'Zweites System' });
    const headers = { Authorization: `Bearer ${secret}` };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await instances[i % 2]!.app.request('/api/v1/taxonomies', { headers })).status);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    const [token] = (await instances[0]!.apiTokens.list()).filter((t) => t.name === 'Zweites System');
    await instances[0]!.apiTokens.revoke(token!.id, 'test');
    expect((await instances[1]!.app.request('/api/v1/taxonomies', { headers })).status).toBe(401);
  });
});
