import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContributionContentSchema, type ContributionContent } from '../domain/contribution.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/support/databases.ts';
import { createContributionRepository, type ContributionRepository } from './contributions-repository.ts';
import { createTaxonomyRepository } from './taxonomy-repository.ts';
import { VersionConflictError } from './errors.ts';
import { migrate } from './migrate.ts';

const content = (overrides: Partial<ContributionContent> = {}): ContributionContent =>
  ContributionContentSchema.parse({
    title: 'Bürgerbus für den ländlichen Raum',
    teaser: 'Ehrenamtliche fahren Senior*innen zum Einkaufen.',
    period: { start: '2021-10-01', end: '2023-09-30', text: 'vom 01.10.2021 bis 30.09.2023' },
    places: [
      { regionId: 'lk-lahn-dill', label: 'Lahn-Dill-Kreis', focus: true },
      { regionId: null, label: 'Ehringshausen', focus: false },
    ],
    taxonomy: { leitbildArea: 'soziales', leitsaetze: [1, 19], sdgs: [11] },
    sponsor: { name: 'LAG WfbM Hessen e.V.', street: 'Friedenstraße 26', postcode: '35578', city: 'Wetzlar' },
    ...overrides,
  });

describe.each(testEngines)('contribution storage on %s', (engine) => {
  let t: TestDatabase;
  let repo: ContributionRepository;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    repo = createContributionRepository(t.db);
  });
  afterAll(async () => t?.dispose());

  it('stores a contribution and reads back the same content with identity and derived status', async () => {
    const created = await repo.create(content(), { state: 'draft', actor: 'test' });
    expect(created.version).toBe(1);
    expect(created.slug).toBe('buergerbus-fuer-den-laendlichen-raum');
    expect(created.status).toBe('finished');
    const read = await repo.get(created.id);
    expect(read).toEqual(created);
    expect(read?.sponsor?.street).toBe('Friedenstraße 26');
    expect(read?.places.map((p) => p.regionId)).toEqual(['lk-lahn-dill', null]);
  });

  it('gives a second contribution with the same title a distinct, stable slug', async () => {
    const second = await repo.create(content(), { state: 'draft', actor: 'test' });
    expect(second.slug).toBe('buergerbus-fuer-den-laendlichen-raum-2');
    const renamed = await repo.update(second.id, second.version, content({ title: 'Ganz anderer Titel' }), 'editor');
    expect(renamed.slug).toBe(second.slug);
  });

  it('refuses an update with a stale version and changes nothing', async () => {
    const created = await repo.create(content({ title: 'Konfliktprobe' }), { state: 'draft', actor: 'a' });
    const first = await repo.update(created.id, 1, content({ title: 'Konfliktprobe, Fassung A' }), 'editor-a');
    expect(first.version).toBe(2);
    await expect(repo.update(created.id, 1, content({ title: 'Konfliktprobe, Fassung B' }), 'editor-b')).rejects.toBeInstanceOf(VersionConflictError);
    const after = await repo.get(created.id);
    expect(after?.title).toBe('Konfliktprobe, Fassung A');
    expect(after?.version).toBe(2);
    expect((await repo.revisions(created.id)).map((r) => r.actor)).toEqual(['a', 'editor-a']);
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const created = await repo.create(content({ title: 'Gleichzeitig bearbeitet' }), { state: 'draft', actor: 'a' });
    const results = await Promise.allSettled([
      repo.update(created.id, 1, content({ title: 'Gleichzeitig A' }), 'a'),
      repo.update(created.id, 1, content({ title: 'Gleichzeitig B' }), 'b'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(VersionConflictError);
    expect((await repo.get(created.id))?.version).toBe(2);
  });

  it('records who changed which field in the revision history', async () => {
    const created = await repo.create(content({ title: 'Mit Historie' }), { state: 'submitted', actor: 'einreicher' });
    await repo.update(created.id, 1, content({ title: 'Mit Historie', teaser: 'Neuer Anreißer.' }), 'redaktion', 'Teaser gekürzt');
    const revisions = await repo.revisions(created.id);
    expect(revisions).toHaveLength(2);
    expect(revisions[1]).toMatchObject({ version: 2, actor: 'redaktion', note: 'Teaser gekürzt' });
    expect(revisions[1]?.changes).toEqual([{ path: 'teaser', before: 'Ehrenamtliche fahren Senior*innen zum Einkaufen.', after: 'Neuer Anreißer.' }]);
  });

  it('shows every field of the first revision as new, the same in the history list and in the revision itself', async () => {
    const created = await repo.create(content({ title: 'Erste Fassung' }), { state: 'draft', actor: 'import' });
    const [listed] = await repo.revisions(created.id);
    const shown = await repo.revision(created.id, 1);
    expect(listed?.changes).toEqual(shown?.changes);
    expect(shown?.changes).toEqual(
      expect.arrayContaining([
        { path: 'title', before: null, after: 'Erste Fassung' },
        { path: 'sponsor', before: null, after: expect.objectContaining({ city: 'Wetzlar' }) },
        { path: 'places', before: null, after: content().places },
      ]),
    );
    expect(shown?.changes.every((change) => change.before === null)).toBe(true);
  });

  it('publishes through a state transition and lists only published contributions publicly', async () => {
    const created = await repo.create(content({ title: 'Wird veröffentlicht' }), { state: 'in_review', actor: 'a' });
    expect(await repo.findPublishedBySlug(created.slug)).toBeNull();
    const published = await repo.transition(created.id, created.version, 'published', 'redaktion');
    expect(published.state).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    expect((await repo.findPublishedBySlug(created.slug))?.id).toBe(created.id);
    const page = await repo.listPublished({ limit: 50, offset: 0 });
    expect(page.items.every((c) => c.state === 'published')).toBe(true);
    expect(page.items.map((c) => c.id)).toContain(created.id);
    expect(page.total).toBe(page.items.length);
  });

  it('finds an imported contribution by the hash of its source', async () => {
    const hash = 'a'.repeat(64);
    const created = await repo.create(content({ title: 'Importiert' }), {
      state: 'draft',
      actor: 'import',
      provenance: { format: 'factsheet', sourceFile: 'x.txt', contentHash: hash, importedAt: new Date().toISOString() },
    });
    expect((await repo.findBySourceHash(hash))?.id).toBe(created.id);
    await expect(
      repo.create(content({ title: 'Importiert nochmal' }), {
        state: 'draft',
        actor: 'import',
        provenance: { format: 'factsheet', sourceFile: 'y.txt', contentHash: hash, importedAt: new Date().toISOString() },
      }),
    ).rejects.toThrow();
  });

  it('stores many contributions at once with distinct slugs and a first revision each', async () => {
    const created = await repo.createMany(
      [{ content: content({ title: 'Sammelimport' }) }, { content: content({ title: 'Sammelimport' }) }, { content: content({ title: 'Anderer Titel' }) }],
      { state: 'published', actor: 'bulk' },
    );
    expect(created.map((c) => c.slug)).toEqual(['sammelimport', 'sammelimport-2', 'anderer-titel']);
    expect(created.every((c) => c.state === 'published' && c.publishedAt !== null && c.version === 1)).toBe(true);
    expect((await repo.get(created[1]!.id))?.places).toEqual(content().places);
    expect((await repo.revisions(created[2]!.id)).map((r) => r.actor)).toEqual(['bulk']);
  });

  it('pages through a change feed whose rows share one transaction timestamp, each row once', async () => {
    const created = await repo.createMany(
      Array.from({ length: 7 }, (_, i) => ({ content: content({ title: `Gleicher Zeitstempel ${i}` }) })),
      { state: 'published', actor: 'bulk' },
    );
    const seen: string[] = [];
    let cursor = null;
    for (let page = 0; page < 20; page++) {
      const next = await repo.changedSince(cursor, 3);
      seen.push(...next.items.map((c) => c.id));
      cursor = next.cursor;
      if (next.items.length < 3) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created.map((c) => c.id)));
  });

  it('stores none of a batch when one item is invalid', async () => {
    const before = (await repo.list({ limit: 1000, offset: 0 })).total;
    await expect(repo.createMany([{ content: content({ title: 'Gut' }) }, { content: { ...content(), title: 'x' } }], { state: 'draft', actor: 'bulk' })).rejects.toThrow();
    expect((await repo.list({ limit: 1000, offset: 0 })).total).toBe(before);
  });

  it('rolls back every statement of a failed transaction, leaving no half-written record', async () => {
    const before = (await repo.list({ limit: 1000, offset: 0 })).total;
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO contributions (id, slug, kind, state, title, content) VALUES ('00000000-0000-4000-8000-000000000001', 'halb', 'projekt', 'draft', 'Halb', '{}')`,
        );
        // The revision insert violates NOT NULL: the contribution row above must vanish with it.
        await tx.query(`INSERT INTO contribution_revisions (contribution_id, version, actor, changes, snapshot, state) VALUES ('00000000-0000-4000-8000-000000000001', 1, NULL, '[]', '{}', 'draft')`);
      }),
    ).rejects.toThrow();
    expect((await repo.list({ limit: 1000, offset: 0 })).total).toBe(before);
    expect(await repo.findBySlug('halb')).toBeNull();
  });

  it('keeps taxonomy names that editors changed when migrations run again', async () => {
    const taxonomy = createTaxonomyRepository(t.db);
    expect((await taxonomy.names()).leitsaetze.get(17)).toBe('Wir schützen das Klima');
    expect((await taxonomy.names()).regions.size).toBe(30);
    expect(await taxonomy.rename('leitsaetze', '17', 'Wir schützen das Klima – gemeinsam')).toBe('Wir schützen das Klima');
    expect(await migrate(t.db)).toEqual([]);
    expect((await taxonomy.names()).leitsaetze.get(17)).toBe('Wir schützen das Klima – gemeinsam');
  });
});
