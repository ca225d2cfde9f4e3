import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContributionContentSchema, type ContributionContentInput } from '../../domain/contribution.ts';
import { createCatalogSearch, type CatalogSearchService } from '../../search/catalog-search.ts';
import { parseSynonyms } from '../../search/synonyms.ts';
import { createContributionRepository, type ContributionRepository } from '../../storage/contributions-repository.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/support/databases.ts';
import { NEAR_IDENTICAL_TEXT, createShingleCache, findDuplicates, rememberStored } from './find-duplicates.ts';

const description =
  'Das Budget für Arbeit ermöglicht Menschen mit Behinderungen den Übergang aus den Werkstätten in den allgemeinen Arbeitsmarkt. ' +
  'In zwei Modellregionen werden Gelingensfaktoren und Hemmnisse ermittelt, Betriebe beraten und Handlungsempfehlungen für ganz Hessen erarbeitet. ' +
  'Veranstaltungen mit Handwerkskammern und kleinen Unternehmen machen das Budget bekannter.';
const original: ContributionContentInput = {
  title: 'Bewerbung des Budgets für Arbeit (BfA)',
  teaser: 'Das Budget für Arbeit in Hessen bekannter machen.',
  description,
  sponsor: { name: 'LAG WfbM Hessen e.V.' },
};
const content = (input: ContributionContentInput) => ContributionContentSchema.parse(input);

describe.each(testEngines)('likely duplicates on %s', (engine) => {
  let test: TestDatabase;
  let contributions: ContributionRepository;
  let search: CatalogSearchService;
  let originalId: string;

  beforeAll(async () => {
    test = await createTestDatabase(engine);
    contributions = createContributionRepository(test.db);
    originalId = (await contributions.create(content(original), { state: 'published', actor: 'test' })).id;
    await contributions.create(content({ title: 'Repair-Café im Stadtteilzentrum', description: 'Ehrenamtliche reparieren Geräte. '.repeat(5), sponsor: { name: 'Stadt Musterstadt' } }), { state: 'published', actor: 'test' });
    search = createCatalogSearch({ contributions, synonyms: parseSynonyms('') });
    await search.load();
  });
  afterAll(() => test.dispose());

  const deps = () => ({ contributions, search });

  it('flags the same title and sponsor, ignoring case, umlaut spelling, spaces and punctuation', async () => {
    const found = await findDuplicates(deps(), content({ title: 'BEWERBUNG des Budgets fuer  Arbeit – BfA', sponsor: { name: 'LAG WfbM Hessen e. V.' } }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ contribution: { id: originalId }, sameTitleAndSponsor: true, textSimilarity: null });
  });

  it('flags near-identical text under a changed title and another sponsor spelling (found through the search index)', async () => {
    const edited = content({
      title: 'Budget für Arbeit: Übergänge aus der Werkstatt',
      teaser: original.teaser,
      description: description.replace('ganz Hessen', 'das Land Hessen'),
      sponsor: { name: 'Landesarbeitsgemeinschaft Werkstätten' },
    });
    const found = await findDuplicates(deps(), edited);
    expect(found.map((m) => m.contribution.id)).toEqual([originalId]);
    expect(found[0]!.sameTitleAndSponsor).toBe(false);
    expect(found[0]!.textSimilarity).toBeGreaterThanOrEqual(NEAR_IDENTICAL_TEXT);
    expect(found[0]!.textSimilarity).toBeLessThan(1);
    // Neither title nor sponsor leads there: without the search index it is not a candidate.
    expect(await findDuplicates({ contributions }, edited)).toEqual([]);
  });

  it('flags near-identical text of an unpublished contribution with the same sponsor (found through the database)', async () => {
    const draft = await contributions.create(content({ ...original, title: 'Entwurf: Übergang in den Arbeitsmarkt', teaser: null }), { state: 'draft', actor: 'test' });
    const found = await findDuplicates({ contributions }, content({ ...original, title: 'Ganz anderer Titel', teaser: null }), originalId);
    expect(found.map((m) => m.contribution.id)).toEqual([draft.id]);
    expect(found[0]!.textSimilarity).toBe(1);
  });

  it('does not flag a clearly different contribution of the same sponsor, nor the contribution itself', async () => {
    const other = content({
      title: 'Inklusive Ferienfreizeiten',
      description: 'Kinder mit und ohne Behinderung verbringen gemeinsam eine Woche im Zeltlager am See, begleitet von geschulten Teamerinnen und Teamern aus den Werkstätten.',
      sponsor: { name: 'LAG WfbM Hessen e.V.' },
    });
    expect(await findDuplicates(deps(), other)).toEqual([]);
    const self = (await contributions.get(originalId))!;
    expect((await findDuplicates(deps(), self, originalId)).map((m) => m.contribution.id)).not.toContain(originalId);
  });

  it('reads a candidate\'s text once per version in a bulk run, and not at all for a contribution it stored itself', async () => {
    const read: string[] = [];
    const counting = { ...contributions, runningTexts: async (ids: readonly string[]) => (read.push(...ids), contributions.runningTexts(ids)) };
    const bulk = { contributions: counting, shingleCache: createShingleCache() };
    const first = content({ title: 'Leihladen im Quartier', description: `${description} Ausleihe im Quartier.`, sponsor: { name: 'LAG WfbM Hessen e.V.' } });
    expect((await findDuplicates(bulk, first)).map((m) => m.contribution.id)).toContain(originalId);
    expect(read).toContain(originalId);
    expect(new Set(read).size).toBe(read.length);
    const stored = await contributions.create(first, { state: 'draft', actor: 'test' });
    rememberStored(bulk, stored, first);

    read.length = 0;
    const second = content({ title: 'Leihladen im Quartier – zweiter Standort', description: `${description} Ausleihe im Quartier.`, sponsor: { name: 'LAG WfbM Hessen e.V.' } });
    const found = await findDuplicates(bulk, second);
    expect(found.map((m) => m.contribution.id)).toEqual(expect.arrayContaining([originalId, stored.id]));
    expect(found.find((m) => m.contribution.id === stored.id)?.textSimilarity).toBeGreaterThanOrEqual(NEAR_IDENTICAL_TEXT);
    expect(read).toEqual([]);
  });
});
