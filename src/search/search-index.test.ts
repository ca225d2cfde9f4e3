import { describe, expect, it } from 'vitest';
import { ContributionContentSchema, type ContributionContentInput } from '../domain/contribution.ts';
import { termOf } from './analyzer.ts';
import { toIndexedDocument } from './documents.ts';
import { SearchIndex, type IndexSearchOptions } from './search-index.ts';
import { parseSynonyms } from './synonyms.ts';
import { emptyFilters, type SearchFilters } from './types.ts';

const synonyms = parseSynonyms(`
bfa = budget für arbeit
erwerbslose, arbeitslose, arbeitsuchende
`);

function indexOf(docs: Record<string, ContributionContentInput & { publishedAt?: string }>): SearchIndex {
  const index = new SearchIndex(synonyms);
  for (const [id, { publishedAt, ...content }] of Object.entries(docs)) index.upsert(toIndexedDocument(id, ContributionContentSchema.parse(content), publishedAt ?? null));
  return index;
}

const search = (index: SearchIndex, text: string, filters: Partial<SearchFilters> = {}, extra: Partial<IndexSearchOptions> = {}) =>
  index.search({ text, filters: { ...emptyFilters(), ...filters }, sort: 'relevanz', offset: 0, limit: 20, today: '2026-11-21', ...extra });
const ids = (result: ReturnType<typeof search>) => result.hits.map((h) => h.id);

const catalog = indexOf({
  vag: {
    title: 'Verzahnung von Arbeits- und Gesundheitsförderung',
    description: 'Gesundheitsförderung für Erwerbslose in der kommunalen Lebenswelt.',
    places: [{ regionId: 'hessen', label: 'hessenweit' }],
    taxonomy: { leitbildArea: 'soziales', sdgs: [3] },
    period: { start: '2019' },
    publishedAt: '2024-01-01T00:00:00Z',
  },
  bfa: {
    title: 'Bewerbung des Budgets für Arbeit',
    description: 'Übergang aus Werkstätten in den allgemeinen Arbeitsmarkt.',
    places: [{ regionId: 'lk-lahn-dill', label: 'Lahn-Dill-Kreis', focus: true }],
    taxonomy: { leitbildArea: 'soziales', sdgs: [8, 10] },
    period: { start: '2021-10-01', end: '2023-09-30' },
    publishedAt: '2023-01-01T00:00:00Z',
  },
  rad: {
    kind: 'foerderung',
    title: 'Radverkehrsförderung im Landkreis Kassel',
    teaser: 'Zuschüsse für Radwege an Kreisstraßen.',
    places: [{ regionId: 'lk-kassel', label: 'Landkreis Kassel' }],
    taxonomy: { leitbildArea: 'wirtschaft', sdgs: [11, 13] },
    funding: { sources: [{ name: 'Land Hessen', kind: 'land' }] },
    participation: { status: 'open' },
    publishedAt: '2025-06-01T00:00:00Z',
  },
  klima: {
    title: 'Klimaschutzkonzept für kleine Gemeinden',
    description: 'Ein Klimaschutzmanager unterstützt Straßenbeleuchtung auf LED umzustellen.',
    places: [{ regionId: 'st-kassel', label: 'Stadt Kassel' }],
    taxonomy: { leitbildArea: 'umwelt', sdgs: [13] },
    period: { start: '2027' },
    publishedAt: '2022-01-01T00:00:00Z',
  },
});

describe('German search behaviour', () => {
  it('folds umlaut spellings and word endings into one index term', () => {
    expect(termOf('Förderung')).toBe(termOf('Foerderung'));
    expect(termOf('Förderungen')).toBe(termOf('Förderung'));
    expect(termOf('Straße')).toBe(termOf('Strasse'));
    expect(termOf('Bürgerbus')).toBe(termOf('Buergerbus'));
  });

  it('finds compounds by their last part: "Förderung" finds "Gesundheitsförderung" and "Radverkehrsförderung"', () => {
    expect(ids(search(catalog, 'Förderung')).sort()).toEqual(['rad', 'vag']);
    expect(ids(search(catalog, 'Foerderung')).sort()).toEqual(['rad', 'vag']);
  });

  it('finds a compound by its first part and a synonym: "Gesundheit Arbeitslose" finds "Gesundheitsförderung für Erwerbslose"', () => {
    expect(ids(search(catalog, 'Gesundheit Arbeitslose'))[0]).toBe('vag');
  });

  it('expands abbreviations both ways', () => {
    expect(ids(search(catalog, 'BfA'))).toEqual(['bfa']);
  });

  it('tolerates a typo and suggests the correct spelling', () => {
    const result = search(catalog, 'Klimschutz');
    expect(ids(result)).toEqual(['klima']);
    expect(result.didYouMean).toBe('Klimaschutz');
    expect(search(catalog, 'Klimaschutz').didYouMean).toBeNull();
  });

  it('splits an unknown query compound into known parts', () => {
    expect(ids(search(catalog, 'Arbeitsmarktübergang'))).toEqual(['bfa']);
  });

  it('ranks a title match above a body match', () => {
    const index = indexOf({
      body: { title: 'Dorfladen Ulrichstein', description: 'Ein Repair-Café ergänzt den Dorfladen.' },
      title: { title: 'Repair-Café im Stadtteilzentrum', description: 'Ehrenamtliche reparieren Geräte.' },
    });
    expect(ids(search(index, 'Repair-Café'))).toEqual(['title', 'body']);
  });

  describe('how many query words a document needs', () => {
    const common = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`common-${i}`, { title: `Gemeinde ${i}`, description: 'Ein Vorhaben der Gemeinde.' }]),
    );
    const index = indexOf({
      ...common,
      both: { title: 'Streuobstwiese der Gemeinde', description: 'Pflege durch Ehrenamtliche.' },
      rare: { title: 'Streuobstwiese am Ortsrand', description: 'Schnittkurs im Frühjahr.' },
      other: { title: 'Schnittkurs für Obstbäume', description: 'Im Frühjahr.' },
    });

    it('with two words, needs both: the common word counts only together with the rare one', () => {
      expect(ids(search(index, 'Streuobstwiese Gemeinde'))).toEqual(['both']);
    });

    it('with three words, needs two of them, whichever two', () => {
      expect(ids(search(index, 'Streuobstwiese Gemeinde Schnittkurs')).sort()).toEqual(['both', 'rare']);
      expect(ids(search(index, 'Gemeinde Schnittkurs Frühjahr')).sort()).toEqual(['other', 'rare']);
    });

    it('falls back to documents matching the most words when none matches enough of them', () => {
      const result = search(index, 'Streuobstwiese Biotopverbund Flurbereinigung');
      expect(ids(result).sort()).toEqual(['both', 'rare']);
    });

    it('still corrects a misspelt word and reports corrections in the order typed', () => {
      const result = search(index, 'Streuobstwise Gemeinde Schnitkurs');
      expect(ids(result)).toContain('rare');
      expect(result.didYouMean).toBe('Streuobstwiese Gemeinde Schnittkurs');
    });
  });

  it('treats SQL and regex metacharacters as plain text', () => {
    expect(() => search(catalog, "'; DROP TABLE contributions; -- .* (a|b")).not.toThrow();
    expect(search(catalog, '((((').total).toBe(4);
  });
});

describe('filters and facets', () => {
  it('counts facet values over the matching documents', () => {
    const result = search(catalog, '');
    expect(result.total).toBe(4);
    const area = Object.fromEntries(result.facets.area.map((v) => [v.value, v.count]));
    expect(area).toEqual({ soziales: 2, wirtschaft: 1, umwelt: 1 });
    const status = Object.fromEntries(result.facets.status.map((v) => [v.value, v.count]));
    expect(status).toEqual({ running: 1, finished: 1, unknown: 1, planned: 1 });
  });

  it('rolls a Landkreis up into its Regierungsbezirk', () => {
    const result = search(catalog, '', { regions: ['rb-giessen'] });
    expect(ids(result)).toEqual(['bfa']);
    const kassel = search(catalog, '', { regions: ['rb-kassel'] });
    expect(ids(kassel).sort()).toEqual(['klima', 'rad']);
    expect(kassel.facets.region.find((v) => v.value === 'lk-kassel')).toMatchObject({ count: 1, parent: 'rb-kassel' });
  });

  it('keeps the other values of a filtered facet countable (disjunctive facets)', () => {
    const result = search(catalog, '', { areas: ['umwelt'] });
    expect(ids(result)).toEqual(['klima']);
    const area = Object.fromEntries(result.facets.area.map((v) => [v.value, v.count]));
    expect(area).toEqual({ soziales: 2, wirtschaft: 1, umwelt: 1 });
    expect(result.facets.area.find((v) => v.value === 'umwelt')?.selected).toBe(true);
    // Other facets are counted within the filtered set.
    expect(Object.fromEntries(result.facets.kind.map((v) => [v.value, v.count]))).toEqual({ projekt: 1 });
  });

  it('filters by status derived from today, open participation and funding source', () => {
    expect(ids(search(catalog, '', { statuses: ['planned'] }))).toEqual(['klima']);
    expect(ids(search(catalog, '', { participationOpen: true }))).toEqual(['rad']);
    expect(ids(search(catalog, '', { fundingKinds: ['land'] }))).toEqual(['rad']);
    expect(ids(search(catalog, '', { sdgs: [3, 8] })).sort()).toEqual(['bfa', 'vag']);
  });

  it('sorts by newest and by German title order, and pages through results', () => {
    expect(ids(search(catalog, '', {}, { sort: 'neueste' }))).toEqual(['rad', 'vag', 'bfa', 'klima']);
    expect(ids(search(catalog, '', {}, { sort: 'titel' }))).toEqual(['bfa', 'klima', 'rad', 'vag']);
    expect(ids(search(catalog, '', {}, { sort: 'neueste', offset: 2, limit: 1 }))).toEqual(['bfa']);
  });

  it('forgets a removed document and replaces an updated one', () => {
    const index = indexOf({ a: { title: 'Streuobstwiesen pflegen' }, b: { title: 'Streuobstwiesen kartieren' } });
    index.remove('a');
    expect(ids(search(index, 'Streuobstwiesen'))).toEqual(['b']);
    index.upsert(toIndexedDocument('b', ContributionContentSchema.parse({ title: 'Blühstreifen anlegen' }), null));
    expect(search(index, 'Streuobstwiesen').total).toBe(0);
    expect(ids(search(index, 'Blühstreifen'))).toEqual(['b']);
    expect(index.size).toBe(1);
  });
});

describe('scoring only the documents that can still qualify', () => {
  // Words of very different frequency, so that common words are pruned in multi-word queries.
  const vocabulary = ['Gemeinde', 'Klima', 'Radweg', 'Schule', 'Senioren', 'Streuobst', 'Dorfladen', 'Bürgerbus', 'Energie', 'Wasser'];
  const frequency = [0.9, 0.6, 0.3, 0.25, 0.15, 0.1, 0.06, 0.04, 0.4, 0.2];
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const docs: Record<string, ContributionContentInput> = {};
  for (let i = 0; i < 400; i++) {
    const words = vocabulary.filter((_, w) => random() < frequency[w]!);
    docs[`d${i}`] = { title: `Vorhaben ${i}`, description: `${words.join(' ')} im Ort.`, taxonomy: { leitbildArea: i % 2 ? 'umwelt' : 'soziales' } };
  }
  const index = indexOf(docs);
  const all = (text: string, filters: Partial<SearchFilters> = {}) => new Set(ids(search(index, text, filters, { limit: 1000 })));

  it('finds exactly the documents matching enough of the words, with the same totals and facet counts', () => {
    for (let q = 0; q < 60; q++) {
      const words = vocabulary.filter(() => random() < 0.3).slice(0, 4);
      if (words.length < 2) continue;
      const required = words.length <= 2 ? words.length : Math.ceil(words.length * 0.66);
      const perWord = words.map((w) => all(w));
      const matches = (id: string) => perWord.filter((set) => set.has(id)).length;
      const best = Math.max(...Object.keys(docs).map(matches));
      const expected = Object.keys(docs).filter((id) => matches(id) >= Math.min(required, best)).sort();
      const result = search(index, words.join(' '), {}, { limit: 1000 });
      expect(ids(result).sort(), words.join(' ')).toEqual(expected);
      expect(result.total).toBe(expected.length);
      const areas = Object.fromEntries(result.facets.area.map((v) => [v.value, v.count]));
      const umwelt = expected.filter((id) => Number(id.slice(1)) % 2 === 1).length;
      expect(areas.umwelt ?? 0, words.join(' ')).toBe(umwelt);
      expect(areas.soziales ?? 0).toBe(expected.length - umwelt);
    }
  });
});
