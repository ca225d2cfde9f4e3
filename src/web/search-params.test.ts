import { describe, expect, it } from 'vitest';
import { emptyFilters } from '../search/types.ts';
import { maxQueryLength, parseQueryString, parseSearchParams, pathWithout, safeDecode, searchPath } from './search-params.ts';

describe('safeDecode', () => {
  it('decodes valid percent-encoding and plus signs', () => {
    expect(safeDecode('Gesundheitsf%C3%B6rderung+f%C3%BCr+Erwerbslose')).toEqual({ text: 'Gesundheitsförderung für Erwerbslose', malformed: false });
  });

  it('keeps the valid part of malformed percent-encoding and reports it', () => {
    expect(safeDecode('%E0%A4%A')).toEqual({ text: '%A', malformed: true });
    expect(safeDecode('Klima%ZZschutz')).toEqual({ text: 'Klima%ZZschutz', malformed: true });
    expect(safeDecode('F%C3%B6rderung%')).toEqual({ text: 'Förderung%', malformed: true });
    expect(safeDecode('%FF%FEabc')).toEqual({ text: 'abc', malformed: true });
  });
});

describe('parseQueryString', () => {
  it('keeps repeated parameters in order and never throws', () => {
    expect(parseQueryString('sdg=3&sdg=13&q=a%20b').pairs).toEqual([
      ['sdg', '3'],
      ['sdg', '13'],
      ['q', 'a b'],
    ]);
    expect(parseQueryString('q=%E0%A4%A&&=x&flag').malformed).toBe(true);
  });
});

describe('parseSearchParams', () => {
  it('turns German parameters into a SearchQuery', () => {
    const { query, notices } = parseSearchParams(
      'q=Budget+f%C3%BCr+Arbeit&art=projekt&bereich=soziales&leitsatz=4&sdg=3&sdg=13&region=rb-giessen&zielgruppe=Arbeitslose+Menschen&status=laufend&status=abgeschlossen&teilnahme=offen&foerderung=land&sortierung=titel&seite=2',
    );
    expect(notices).toEqual([]);
    expect(query).toEqual({
      text: 'Budget für Arbeit',
      filters: {
        kinds: ['projekt'],
        areas: ['soziales'],
        leitsaetze: [4],
        sdgs: [3, 13],
        regions: ['rb-giessen'],
        targetGroups: ['arbeitslose menschen'],
        statuses: ['running', 'finished'],
        participationOpen: true,
        fundingKinds: ['land'],
      },
      sort: 'titel',
      page: 2,
      pageSize: 10,
    });
  });

  it('sorts by relevance with a query and by newest without one', () => {
    expect(parseSearchParams('q=Klima').query.sort).toBe('relevanz');
    expect(parseSearchParams('').query.sort).toBe('neueste');
    expect(parseSearchParams('').query.filters).toEqual(emptyFilters());
  });

  it('cuts a 10 000-character query to 200 characters with a German notice', () => {
    const { query, notices } = parseSearchParams(`q=${'a'.repeat(10_000)}`);
    expect(query.text).toHaveLength(maxQueryLength);
    expect(notices).toEqual(['Ihre Suchanfrage war mit 10.000 Zeichen zu lang. Gesucht wird nach den ersten 200 Zeichen.']);
  });

  it.each([
    ["' OR 1=1; DROP TABLE contributions; --", "' OR 1=1; DROP TABLE contributions; --"],
    ['.*(a+)+$[\\', '.*(a+)+$[\\'],
    ['%_\\%', '%_\\%'],
  ])('passes SQL and regex metacharacters through as text: %s', (text, expected) => {
    const { query, notices } = parseSearchParams(`q=${encodeURIComponent(text)}`);
    expect(query.text).toBe(expected);
    expect(notices).toEqual([]);
  });

  it('ignores unknown facet values and names them in a German notice', () => {
    const { query, notices } = parseSearchParams('bereich=mond&sdg=99&sdg=3&region=atlantis&art=raumschiff&status=vielleicht&foerderung=lotto&teilnahme=ja&leitsatz=0');
    expect(query.filters.sdgs).toEqual([3]);
    expect(query.filters.areas).toEqual([]);
    expect(query.filters.regions).toEqual([]);
    expect(query.filters.participationOpen).toBe(false);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^Diese Filterwerte gibt es nicht: Art „raumschiff“, Bereich „mond“, Leitsatz „0“, SDG „99“, Region „atlantis“ und 3 weitere\. Sie wurden nicht berücksichtigt\.$/);
  });

  it('names a single unknown value in the singular', () => {
    expect(parseSearchParams('sdg=18').notices).toEqual(['Den Filterwert SDG „18“ gibt es nicht. Er wurde nicht berücksichtigt.']);
  });

  it.each(['0', '-3', 'abc', '1.5', '9999999'])('reports ?seite=%s as invalid and starts at page 1', (value) => {
    const { query, notices } = parseSearchParams(`seite=${value}`);
    expect(query.page).toBe(1);
    expect(notices).toEqual([`Die Seitenangabe „${value}“ ist keine gültige Seitenzahl. Angezeigt wird die erste Seite.`]);
  });

  it('keeps a large but plausible page number for the app to check against the total', () => {
    expect(parseSearchParams('seite=99').query.page).toBe(99);
  });

  it('reports an unknown sort order', () => {
    const { query, notices } = parseSearchParams('q=x&sortierung=zufall');
    expect(query.sort).toBe('relevanz');
    expect(notices).toEqual(['Die Sortierung „zufall“ gibt es nicht. Sortiert wird nach Relevanz.']);
  });

  it('handles malformed percent-encoding with a notice instead of an error', () => {
    const { query, notices } = parseSearchParams('q=%E0%A4%A');
    expect(query.text).toBe('%A');
    expect(notices).toEqual(['Die Adresse enthielt ungültig kodierte Zeichen (Prozent-Kodierung). Diese Zeichen wurden entfernt.']);
  });

  it('drops control characters, empty values and unrelated parameters silently', () => {
    const { query, notices } = parseSearchParams('q=%00Klima%0Aschutz%07&sdg=&utm_source=newsletter');
    expect(query.text).toBe('Klima schutz');
    expect(query.filters.sdgs).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('deduplicates repeated values and caps very many', () => {
    expect(parseSearchParams('sdg=3&sdg=3').query.filters.sdgs).toEqual([3]);
    const many = Array.from({ length: 40 }, (_, i) => `zielgruppe=g${i}`).join('&');
    const { query, notices } = parseSearchParams(many);
    expect(query.filters.targetGroups).toHaveLength(30);
    expect(notices).toEqual(['Pro Filter werden höchstens 30 Werte berücksichtigt.']);
  });
});

describe('search URLs', () => {
  it('writes a stable, shareable URL with repeated parameters and round-trips it', () => {
    const { query } = parseSearchParams('sdg=13&q=Klima&sdg=3&status=laufend&teilnahme=offen&sortierung=neueste&seite=2');
    const path = searchPath(query);
    expect(path).toBe('/suche?q=Klima&sdg=13&sdg=3&status=laufend&teilnahme=offen&sortierung=neueste&seite=2');
    expect(parseSearchParams(path.split('?')[1] ?? '').query).toEqual(query);
  });

  it('removes one filter value and goes back to page 1', () => {
    const { query } = parseSearchParams('q=Klima&sdg=3&sdg=13&seite=3');
    expect(pathWithout(query, { param: 'sdg', value: '3' })).toBe('/suche?q=Klima&sdg=13');
    expect(searchPath({ text: '', filters: emptyFilters(), sort: 'neueste', page: 1 })).toBe('/suche');
  });
});
