import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContributionContentSchema, type ContributionContentInput } from '../domain/contribution.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/support/databases.ts';
import { createContributionRepository, type ContributionRepository } from '../storage/contributions-repository.ts';
import { openDatabase, type Database } from '../storage/database.ts';
import { createSettingsRepository } from '../storage/settings-repository.ts';
import { createCatalogSearch, type CatalogSearchService } from './catalog-search.ts';
import { defaultSynonymsFile, readSynonymSetting, SYNONYMS_SETTING } from './synonyms.ts';
import { emptyFilters, type SearchQuery } from './types.ts';

const query = (text: string, overrides: Partial<SearchQuery> = {}): SearchQuery => ({
  text,
  filters: emptyFilters(),
  sort: 'relevanz',
  page: 1,
  pageSize: 10,
  ...overrides,
});
const content = (input: ContributionContentInput) => ContributionContentSchema.parse(input);

describe.each(testEngines)('catalog search over storage on %s', (engine) => {
  let t: TestDatabase;
  let repo: ContributionRepository;
  let search: CatalogSearchService;
  // A second instance with its own connection (on PostgreSQL) sharing the same database.
  let otherDb: Database | null = null;
  let other: CatalogSearchService;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    repo = createContributionRepository(t.db);
    await repo.create(
      content({
        title: 'Gesundheitsförderung für Erwerbslose',
        description: 'Angebote der **Gesundheitsförderung** in Zusammenarbeit mit dem Jobcenter.',
        places: [{ regionId: 'lk-main-kinzig', label: 'Main-Kinzig-Kreis' }],
      }),
      { state: 'published', actor: 'test' },
    );
    await repo.create(content({ title: 'Entwurf zur Gesundheitsförderung' }), { state: 'draft', actor: 'test' });
    search = createCatalogSearch({ contributions: repo, today: () => '2026-11-21' });
    await search.load();
    otherDb = engine === 'postgres' && 'databaseUrl' in t.reopenConfig ? await openDatabase(t.reopenConfig) : null;
    other = createCatalogSearch({ contributions: otherDb ? createContributionRepository(otherDb) : repo, today: () => '2026-11-21' });
    await other.load();
  });
  afterAll(async () => {
    search?.stop();
    other?.stop();
    await otherDb?.close();
    await t?.dispose();
  });

  it('reports its results as incomplete until the index is loaded', async () => {
    const fresh = createCatalogSearch({ contributions: repo, today: () => '2026-11-21' });
    expect((await fresh.search(query('Förderung'))).incomplete).toBe(true);
    await fresh.load();
    // The same request again: an answer from before the load must not be reused.
    const after = await fresh.search(query('Förderung'));
    expect(after.incomplete).toBe(false);
    expect(after.total).toBe(1);
  });

  it('finds published contributions only, with highlighted title and snippet', async () => {
    const result = await search.search(query('Förderung'));
    expect(result.total).toBe(1);
    const hit = result.hits[0]!;
    expect(hit.contribution.title).toBe('Gesundheitsförderung für Erwerbslose');
    expect(hit.title.filter((s) => s.match).map((s) => s.text)).toEqual(['Gesundheitsförderung']);
    expect(hit.snippets[0]?.some((s) => s.match && s.text === 'Gesundheitsförderung')).toBe(true);
    expect(hit.snippets[0]?.map((s) => s.text).join('')).not.toContain('**');
  });

  it('makes a contribution published through one instance searchable through another within 2 seconds', async () => {
    other.start(200);
    const created = await repo.create(content({ title: 'Streuobstwiesen im Vogelsberg' }), { state: 'in_review', actor: 'test' });
    await repo.transition(created.id, created.version, 'published', 'redaktion');
    const deadline = Date.now() + 2000;
    let found = 0;
    while (Date.now() < deadline && found === 0) {
      found = (await other.search(query('Streuobstwiese'))).total;
      if (!found) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    other.stop();
    expect(found).toBe(1);
  });

  it('drops an archived contribution and reindexes an edited one on refresh', async () => {
    const created = await repo.create(content({ title: 'Repair-Café Lauterbach' }), { state: 'published', actor: 'test' });
    await search.refresh();
    expect((await search.search(query('Repair'))).total).toBe(1);
    const edited = await repo.update(created.id, created.version, content({ title: 'Reparaturtreff Lauterbach' }), 'redaktion');
    await search.refresh();
    expect((await search.search(query('Repair'))).total).toBe(0);
    expect((await search.search(query('Reparaturtreff'))).hits[0]?.contribution.version).toBe(edited.version);
    await repo.transition(edited.id, edited.version, 'archived', 'redaktion');
    await search.refresh();
    expect((await search.search(query('Reparaturtreff'))).total).toBe(0);
  });

  it('suggests similar contributions, never the contribution itself', async () => {
    const base = await repo.create(content({ title: 'Bürgerbus Schwalmstadt', teaser: 'Ehrenamtliche fahren den Bürgerbus.', taxonomy: { sdgs: [11] } }), {
      state: 'published',
      actor: 'test',
    });
    await repo.create(content({ title: 'Bürgerbus Homberg', teaser: 'Ein Bürgerbus für Dörfer.', taxonomy: { sdgs: [11] } }), { state: 'published', actor: 'test' });
    await search.refresh();
    const similar = await search.similar(base, 3);
    expect(similar[0]?.title).toBe('Bürgerbus Homberg');
    expect(similar.map((c) => c.id)).not.toContain(base.id);
  });

  it('follows the synonym list editors maintain: seeded from the file, and a change through one instance applies to another on refresh', async () => {
    const settings = createSettingsRepository(t.db);
    const first = createCatalogSearch({ contributions: repo, settings, today: () => '2026-11-21' });
    const second = createCatalogSearch({ contributions: otherDb ? createContributionRepository(otherDb) : repo, settings: otherDb ? createSettingsRepository(otherDb) : settings, today: () => '2026-11-21' });
    await Promise.all([first.load(), second.load()]);
    expect((await readSynonymSetting(settings)).text).toBe(readFileSync(defaultSynonymsFile, 'utf8'));
    // The seeded list already knows "Arbeitslose" for "Erwerbslose".
    expect((await second.search(query('Arbeitslose'))).total).toBe(1);
    expect((await second.search(query('Zauberwort'))).total).toBe(0);
    await settings.put(SYNONYMS_SETTING, 'zauberwort, jobcenter');
    await second.refresh();
    expect((await second.search(query('Zauberwort'))).total).toBe(1);
    expect((await second.search(query('Arbeitslose'))).total).toBe(0);
  });
});
