import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContributionContentSchema, type Contribution } from '../domain/contribution.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/support/databases.ts';
import { createContributionRepository, type ContributionRepository, type PublishedCursor } from './contributions-repository.ts';
import { createEditorialRepository } from './editorial-repository.ts';

const content = (title: string) => ContributionContentSchema.parse({ title, teaser: `Anriss zu ${title}` });

/** Every published contribution through publishedAfter, page by page. */
async function readPublished(repo: ContributionRepository, pageSize: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: PublishedCursor | null = null;
  let pages = 0;
  for (; pages < 100; ) {
    const page = await repo.publishedAfter(cursor, pageSize);
    pages++;
    ids.push(...page.items.map((c) => c.id));
    if (page.items.length < pageSize) break;
    cursor = page.cursor;
  }
  return { ids, pages };
}

describe.each(testEngines)('export reads on %s', (engine) => {
  let t: TestDatabase;
  let repo: ContributionRepository;
  let bulk: Contribution[];
  let drafts: Contribution[];

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    repo = createContributionRepository(t.db);
    // One bulk import: all rows share one publication timestamp, so only the id orders them.
    bulk = await repo.createMany(Array.from({ length: 7 }, (_, i) => ({ content: content(`Sammelimport Nummer ${i}`) })), { state: 'published', actor: 'bulk' });
    drafts = [
      await repo.create(content('Entwurf, nie exportiert'), { state: 'draft', actor: 'test' }),
      await repo.create(content('Eingereicht, nie exportiert'), { state: 'submitted', actor: 'test' }),
    ];
  });
  afterAll(async () => t?.dispose());

  it('reads the published contributions in pages, each once, in publication order; drafts never', async () => {
    const { ids, pages } = await readPublished(repo, 3);
    expect(pages).toBe(3);
    expect(ids).toEqual([...bulk.map((c) => c.id)].sort());
    for (const draft of drafts) expect(ids).not.toContain(draft.id);
  });

  it('keeps its place while contributions change: edited ones stay, newly published ones come last, archived ones leave', async () => {
    const first = await repo.publishedAfter(null, 3);
    const edited = first.items[0]!;
    await repo.update(edited.id, edited.version, content('Nachträglich geändert'), 'editor');
    const published = await repo.transition(drafts[1]!.id, 1, 'published', 'editor');
    const rest: string[] = [];
    let cursor = first.cursor;
    for (;;) {
      const page = await repo.publishedAfter(cursor, 3);
      rest.push(...page.items.map((c) => c.id));
      if (page.items.length < 3) break;
      cursor = page.cursor;
    }
    const all = [...first.items.map((c) => c.id), ...rest];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(8);
    expect(all[all.length - 1]).toBe(published.id);
    // Back to review: no longer exported.
    await repo.transition(published.id, published.version, 'in_review', 'editor');
    expect((await readPublished(repo, 3)).ids).not.toContain(published.id);
  });

  it('reads every contribution of every state for the operators’ export, by id', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await repo.allAfter(cursor, 4);
      ids.push(...page.items.map((c) => c.id));
      if (page.items.length < 4) break;
      cursor = page.cursor;
    }
    expect(ids).toEqual([...bulk, ...drafts].map((c) => c.id).sort());
  });

  it('summarises the published set so that every change to it shows', async () => {
    const before = await repo.publishedSummary();
    expect(before.count).toBe(7);
    const current = await Promise.all(bulk.map((c) => repo.get(c.id)));
    expect(before.lastUpdatedAt).toBe(current.map((c) => c!.updatedAt).sort().at(-1));
    expect(before.firstPublishedAt).toBe(bulk[0]!.publishedAt);

    const marks = [before.changeMark];
    const target = current[3]!;
    const edited = await repo.update(target.id, target.version, content('Noch einmal geändert'), 'editor');
    marks.push((await repo.publishedSummary()).changeMark);
    expect((await repo.publishedSummary()).lastUpdatedAt).toBe(edited.updatedAt);
    // Confirming currency changes reviewed_at only, which the CSV shows.
    await createEditorialRepository(t.db).markReviewed(target.id);
    marks.push((await repo.publishedSummary()).changeMark);
    const archived = await repo.transition(target.id, edited.version, 'archived', 'editor');
    const afterArchive = await repo.publishedSummary();
    marks.push(afterArchive.changeMark);
    expect(afterArchive.count).toBe(6);
    expect(new Set(marks).size).toBe(marks.length);
    expect(afterArchive.lastUpdatedAt).not.toBe(archived.updatedAt);
  });

  it('summarises an empty catalog', async () => {
    const empty = await createTestDatabase(engine);
    try {
      const summary = await createContributionRepository(empty.db).publishedSummary();
      expect(summary).toMatchObject({ count: 0, firstPublishedAt: null, lastUpdatedAt: null });
      expect((await createContributionRepository(empty.db).publishedAfter(null, 10)).items).toEqual([]);
    } finally {
      await empty.dispose();
    }
  });
});
