import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import type { Contribution } from '../domain/contribution.ts';
import { bfaFactsheet, createFakeCatalog, fixtureContributions, makeContribution, manyContributions, repairCafe, vagQuestionnaire } from '../../test/support/contributions.ts';
import { createFakeSearch } from '../../test/support/fake-search.ts';
import { anchors, headings, hrefs, textOf } from '../../test/support/html.ts';
import { createWebApp } from './app.tsx';

const siteUrl = 'https://baukasten.example';

function appWith(contributions: Contribution[] = fixtureContributions, extra: { contentDir?: string; logError?: (e: unknown) => void } = {}) {
  const search = createFakeSearch(contributions);
  return { app: createWebApp({ catalog: createFakeCatalog(contributions), search, siteUrl, ...extra }), search };
}

async function get(path: string, contributions?: Contribution[]) {
  const { app } = appWith(contributions);
  const response = await app.request(path);
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** A page that must be a normal German page: 200, no error page, no internals. */
function expectNormalPage(status: number, html: string) {
  expect(status).toBe(200);
  expect(html).toContain('<html lang="de">');
  expect(headings(html, 1)).not.toContain('Ein Fehler ist aufgetreten');
  expect(html).not.toMatch(/\bat .*\.(ts|js):\d+|Error:|TypeError|URIError/);
}

const resultTitles = (html: string) => headings(/<ul class="contribution-list">([\s\S]*?)<\/ul>\s*(<nav|<\/section>)/.exec(html)?.[1] ?? '', 3);

describe('start page entry points', () => {
  it('has a labelled search form, entry points by area and SDG, the newest contributions and the regional overview', async () => {
    const { status, html } = await get('/');
    expect(status).toBe(200);
    expect(html).toMatch(/<form method="get" action="\/suche"[^>]*>/);
    expect(html).toContain('<label for="q">Suchbegriff</label>');
    expect(html).toMatch(/<input type="search" id="q" name="q"/);
    const links = hrefs(html);
    for (const area of ['soziales', 'wirtschaft', 'umwelt', 'bildung-kultur']) expect(links).toContain(`/suche?bereich=${area}`);
    for (let n = 1; n <= 17; n++) expect(links).toContain(`/suche?sdg=${n}`);
    expect(links).toContain('/regionen');
    expect(headings(html, 2)).toContain('Neu im Baukasten');
    expect(textOf(html)).toContain('(Praxisbeispiel, veröffentlicht am 02.03.2024)');
  });

  it('asks the search for the six newest contributions', async () => {
    const many = manyContributions(9).map((c, i) => makeContribution({ ...c, publishedAt: `2024-04-${String(i + 1).padStart(2, '0')}T08:00:00.000Z` }));
    const { app, search } = appWith(many);
    const html = await (await app.request('/')).text();
    expect(search.queries[0]).toMatchObject({ sort: 'neueste', pageSize: 6, text: '' });
    const section = /<section class="entry" aria-labelledby="neu-titel">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(anchors(section).map((a) => a.text)).toEqual([9, 8, 7, 6, 5, 4].map((n) => `Beispielprojekt Nummer ${n}`));
  });

  it('links the legal pages, the regional overview and the feed from every page', async () => {
    for (const path of ['/', `/beitraege/${repairCafe.slug}`, '/suche', '/regionen', '/impressum']) {
      const { html } = await get(path);
      const footer = /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';
      expect(hrefs(footer)).toEqual(expect.arrayContaining(['/impressum', '/datenschutz', '/barrierefreiheit', '/regionen']));
      expect(html).toContain('<link rel="alternate" type="application/atom+xml" href="/feed.atom"');
      expect(html).toMatch(new RegExp(`<link rel="canonical" href="${siteUrl}/`));
    }
  });
});

describe('results page /suche', () => {
  it('finds contributions, marks matches in title and snippet and shows kind, status, places and period', async () => {
    const { status, html } = await get('/suche?q=Werkst%C3%A4tten');
    expect(status).toBe(200);
    expect(headings(html, 1)).toEqual(['Suchergebnisse für „Werkstätten“']);
    expect(resultTitles(html)).toEqual([bfaFactsheet.title]);
    expect(html).toContain('<mark>Werkstätten</mark>');
    const text = textOf(html);
    expect(text).toContain('Praxisbeispiel · abgeschlossen · 01.10.2021 bis 30.09.2023');
    expect(text).toContain('Ort: Hessen, Lahn-Dill-Kreis, Main-Kinzig-Kreis');
    expect(html).toMatch(/<p class="result-count" role="status" aria-live="polite">1 Treffer<\/p>/);
  });

  it('escapes snippet text and only marks with <mark>', async () => {
    const hostile = makeContribution({ slug: 'boese', title: 'Projekt <script>alert(1)</script>', teaser: 'Projekt mit <img src=x onerror=alert(1)> drin' });
    const { html } = await get('/suche?q=Projekt', [hostile]);
    expect(html).toContain('<mark>Projekt</mark> &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script>alert|<img/);
  });

  it('shows every facet as a fieldset with a legend and counts', async () => {
    const { html } = await get('/suche');
    const legends = [...html.matchAll(/<legend>([^<]*)<\/legend>/g)].map((m) => m[1]);
    expect(legends).toEqual([
      'Art des Beitrags',
      'Bereich des Leitbilds',
      'Leitsätze',
      'Ziele für nachhaltige Entwicklung (SDGs)',
      'Region',
      'Regierungsbezirk Darmstadt',
      'Regierungsbezirk Gießen',
      'Zielgruppe',
      'Status',
      'Teilnahme',
      'Förderung durch',
    ]);
    const text = textOf(html);
    expect(text).toContain('Praxisbeispiel (3)');
    expect(text).toContain('Soziales (2)');
    expect(text).toContain('SDG 8: Menschenwürdige Arbeit und Wirtschaftswachstum (2)');
    expect(text).toContain('Hessenweit (2)');
    expect(text).toContain('Teilnahme möglich (1)');
    expect(text).toContain('Krankenkassen (1)');
    expect(text).toContain('laufend (2)');
    // The Regierungsbezirk's own checkbox rolls up its districts: Darmstadt holds the city and the Main-Kinzig-Kreis.
    expect(html).toMatch(/<legend>Regierungsbezirk Darmstadt<\/legend><ul><li><input type="checkbox" id="filter-region-rb-darmstadt" name="region" value="rb-darmstadt"\/><label for="filter-region-rb-darmstadt">ganzer Regierungsbezirk <span class="count">\(2\)<\/span>/);
    expect(html).toContain('<button type="submit">Filter anwenden</button>');
    expect(anchors(html)).toContainEqual({ text: 'Alle Filter zurücksetzen', href: '/suche' });
  });

  it('applies filters from repeated parameters, checks their boxes and lists them with remove links', async () => {
    const { html } = await get('/suche?sdg=12&sdg=3&status=laufend');
    expect(resultTitles(html).sort()).toEqual([repairCafe.title, vagQuestionnaire.title].sort());
    expect(html).toMatch(/id="filter-sdg-12" name="sdg" value="12" checked=""/);
    expect(html).toMatch(/id="filter-sdg-3" name="sdg" value="3" checked=""/);
    expect(html).toMatch(/id="filter-status-laufend" name="status" value="laufend" checked=""/);
    const links = anchors(html);
    expect(links).toContainEqual({ text: 'SDG 12: Nachhaltige/r Konsum und Produktion – Filter entfernen', href: '/suche?sdg=3&status=laufend' });
    expect(links).toContainEqual({ text: 'Status: laufend – Filter entfernen', href: '/suche?sdg=12&sdg=3' });
  });

  it('rolls a Regierungsbezirk up to its districts and filters by participation and funding', async () => {
    expect(resultTitles((await get('/suche?region=rb-giessen')).html)).toEqual([bfaFactsheet.title]);
    expect(resultTitles((await get('/suche?region=rb-darmstadt')).html).sort()).toEqual([bfaFactsheet.title, repairCafe.title].sort());
    expect(resultTitles((await get('/suche?teilnahme=offen')).html)).toEqual([repairCafe.title]);
    expect(resultTitles((await get('/suche?foerderung=krankenkassen')).html)).toEqual([vagQuestionnaire.title]);
    expect(resultTitles((await get('/suche?zielgruppe=Arbeitslose%20Menschen')).html)).toEqual([vagQuestionnaire.title]);
  });

  it('sorts by title and keeps the sort in the form and the links', async () => {
    const { html } = await get('/suche?sortierung=titel');
    expect(resultTitles(html)).toEqual([bfaFactsheet.title, repairCafe.title, vagQuestionnaire.title]);
    expect(html).toContain('<input type="hidden" name="sortierung" value="titel"/>');
    expect(anchors(html)).toContainEqual({ text: 'Neueste zuerst', href: '/suche' });
  });

  it('paginates with shareable page links', async () => {
    const many = manyContributions(25);
    const first = await get('/suche?q=Beispielprojekt', many);
    expect(resultTitles(first.html)).toHaveLength(10);
    expect(textOf(first.html)).toContain('25 Treffer · Seite 1 von 3');
    expect(hrefs(first.html)).toContain('/suche?q=Beispielprojekt&seite=2');
    const third = await get('/suche?q=Beispielprojekt&seite=3', many);
    expect(resultTitles(third.html)).toHaveLength(5);
    expect(third.html).toContain(`<link rel="canonical" href="${siteUrl}/suche?q=Beispielprojekt&amp;seite=3"/>`);
  });

  it('shows the last page with a German notice when the page number is out of range', async () => {
    const many = manyContributions(25);
    const { status, html } = await get('/suche?q=Beispielprojekt&seite=99', many);
    expectNormalPage(status, html);
    expect(textOf(html)).toContain('Seite 99 gibt es nicht, die Ergebnisliste hat 3 Seiten. Angezeigt wird die letzte Seite.');
    expect(resultTitles(html)).toHaveLength(5);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
  });

  it('shows a helpful no-results page: did-you-mean, relaxing each filter, areas', async () => {
    const { status, html } = await get('/suche?q=Repiar&bereich=umwelt&sdg=12');
    expectNormalPage(status, html);
    const text = textOf(html);
    expect(text).toContain('Keine Treffer');
    expect(text).toContain('Zu „Repiar“ mit den gewählten Filtern haben wir keine Beiträge gefunden.');
    const links = anchors(html);
    expect(links).toContainEqual({ text: '„Repair“', href: '/suche?q=Repair&bereich=umwelt&sdg=12' });
    expect(links).toContainEqual({ text: 'Ohne „Bereich: Umwelt“ suchen', href: '/suche?q=Repiar&sdg=12' });
    expect(links).toContainEqual({ text: 'Ohne „SDG 12: Nachhaltige/r Konsum und Produktion“ suchen', href: '/suche?q=Repiar&bereich=umwelt' });
    expect(links).toContainEqual({ text: 'Ohne alle Filter suchen', href: '/suche?q=Repiar' });
    expect(hrefs(html)).toContain('/suche?bereich=bildung-kultur');
  });
});

describe('search while the index is still being built', () => {
  it('tells the visitor that not every contribution is found yet', async () => {
    const app = createWebApp({ catalog: createFakeCatalog(fixtureContributions), search: createFakeSearch(fixtureContributions, { incomplete: true }), siteUrl });
    const html = await (await app.request('/suche?q=Arbeit')).text();
    expect(textOf(html)).toContain('Der Suchindex wird gerade aufgebaut');
    expect(textOf((await get('/suche?q=Arbeit')).html)).not.toContain('Der Suchindex wird gerade aufgebaut');
  });
});

describe('bad input on /suche: a normal German page, never a 500', () => {
  it('cuts a 10 000-character query and says so', async () => {
    const { app, search } = appWith();
    const response = await app.request(`/suche?q=${'Klimaschutz '.repeat(900).slice(0, 10_000)}`);
    const html = await response.text();
    expectNormalPage(response.status, html);
    expect(textOf(html)).toContain('Ihre Suchanfrage war mit 10.000 Zeichen zu lang. Gesucht wird nach den ersten 200 Zeichen.');
    expect(search.queries.at(-1)?.text.length).toBeLessThanOrEqual(200);
  });

  it.each(["' OR 1=1 --", 'a.*+?^${}()|[]\\', '<script>alert(1)</script>', '%', '\u0000'])('treats %j as plain text', async (q) => {
    const { status, html } = await get(`/suche?q=${encodeURIComponent(q)}`);
    expectNormalPage(status, html);
    expect(html).not.toContain('<script>alert(1)');
  });

  it('ignores unknown facet values with a German notice naming them', async () => {
    const { status, html } = await get('/suche?bereich=mond&sdg=3');
    expectNormalPage(status, html);
    expect(textOf(html)).toContain('Den Filterwert Bereich „mond“ gibt es nicht. Er wurde nicht berücksichtigt.');
    expect(resultTitles(html)).toEqual([vagQuestionnaire.title]);
  });

  it.each(['/suche?q=%E0%A4%A', '/suche?q=%', '/suche?%E0=1&sdg=%FF3', '/suche?seite=%E0%A4%A'])('answers malformed percent-encoding %s with a notice', async (path) => {
    const { status, html } = await get(path);
    expectNormalPage(status, html);
    expect(textOf(html)).toContain('Die Adresse enthielt ungültig kodierte Zeichen (Prozent-Kodierung). Diese Zeichen wurden entfernt.');
  });

  it.each(['/?q=%E0%A4%A', '/?seite=%E0%A4%A', '/regionen?x=%E0'])('other pages survive malformed percent-encoding too: %s', async (path) => {
    const { status, html } = await get(path);
    expectNormalPage(status, html);
  });

  it('reports a broken search engine as a German 500 page without internals', async () => {
    const logError = vi.fn();
    const app = createWebApp({
      catalog: createFakeCatalog(),
      search: { search: () => Promise.reject(new Error('index at /srv/secret')), similar: async () => [] },
      logError,
    });
    const response = await app.request('/suche?q=x');
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('secret');
    expect(logError).toHaveBeenCalledOnce();
  });
});

describe('detail page extras', () => {
  const jsonLdOf = (html: string) => {
    const raw = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1];
    if (raw === undefined) throw new Error('kein JSON-LD auf der Seite');
    return { raw, data: JSON.parse(raw) as Record<string, unknown> };
  };

  it('embeds schema.org JSON-LD with name, description, url, dates, places, sponsor and keywords', async () => {
    const { html } = await get(`/beitraege/${bfaFactsheet.slug}`);
    const { data } = jsonLdOf(html);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'CreativeWork',
      name: bfaFactsheet.title,
      url: `${siteUrl}/beitraege/${bfaFactsheet.slug}`,
      dateModified: bfaFactsheet.updatedAt,
      inLanguage: 'de',
      spatialCoverage: [
        { '@type': 'Place', name: 'Hessen' },
        { '@type': 'Place', name: 'Lahn-Dill-Kreis' },
        { '@type': 'Place', name: 'Main-Kinzig-Kreis' },
      ],
      sponsor: { '@type': 'Organization', name: 'LAG WfbM Hessen e.V.', address: { postalCode: '35578', addressLocality: 'Wetzlar' } },
    });
    expect(String(data.description)).toContain('Budget für Arbeit in Hessen bekannter');
    expect(data.keywords).toBe('Leitsatz 4: Jede und jeder zählt, SDG 8: Menschenwürdige Arbeit und Wirtschaftswachstum, SDG 10: Weniger Ungleichheiten');
  });

  it('escapes "<" inside JSON-LD so contribution text cannot close the script element', async () => {
    const hostile = makeContribution({ slug: 'boese', title: '</script><script>alert(1)</script>', sponsor: { name: '<!-- x' } });
    const { html } = await get('/beitraege/boese', [hostile]);
    const { raw, data } = jsonLdOf(html);
    expect(raw).not.toContain('<');
    expect(raw).toContain('\\u003c/script\\u003e');
    expect(data.name).toBe('</script><script>alert(1)</script>');
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('lists up to four similar contributions', async () => {
    const many = manyContributions(8).map((c) => makeContribution({ ...c, taxonomy: { leitbildArea: 'umwelt', sdgs: [13] } }));
    const { html } = await get(`/beitraege/${many[0]?.slug}`, many);
    const aside = /<aside class="similar"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
    expect(headings(aside, 2)).toEqual(['Ähnliche Beiträge']);
    expect(anchors(aside)).toHaveLength(4);
    expect(anchors(aside).map((a) => a.text)).not.toContain(many[0]?.title);
  });

  it('still shows the contribution when "similar" fails', async () => {
    const logError = vi.fn();
    const app = createWebApp({
      catalog: createFakeCatalog(),
      search: { ...createFakeSearch(), similar: () => Promise.reject(new Error('boom')) },
      logError,
    });
    const response = await app.request(`/beitraege/${repairCafe.slug}`);
    expect(response.status).toBe(200);
    expect(logError).toHaveBeenCalledOnce();
  });
});

describe('regional overview /regionen', () => {
  it('lists every Landkreis and kreisfreie Stadt by Regierungsbezirk with counts and search links', async () => {
    const { status, html } = await get('/regionen');
    expect(status).toBe(200);
    expect(headings(html, 1)).toEqual(['Beiträge nach Regionen']);
    expect(headings(html, 2)).toEqual(['Ganz Hessen', 'Regierungsbezirk Darmstadt', 'Regierungsbezirk Gießen', 'Regierungsbezirk Kassel']);
    const text = textOf(html);
    expect(text).toContain('Hessenweite Beiträge: 2 Beiträge');
    expect(text).toContain('Darmstadt (Kreisfreie Stadt): 1 Beitrag');
    expect(text).toContain('Lahn-Dill-Kreis: 1 Beitrag');
    expect(text).toContain('Alle Beiträge im Regierungsbezirk Darmstadt (2 Beiträge)');
    expect(text).toContain('Vogelsbergkreis: noch keine Beiträge');
    expect(text).toContain('Im Regierungsbezirk Kassel gibt es noch keine Beiträge.');
    expect(anchors(html)).toContainEqual({ text: 'Main-Kinzig-Kreis', href: '/suche?region=lk-main-kinzig' });
    // 26 districts and cities, each listed once.
    expect(html.match(/<li>[^<]*(<a href="\/suche\?region=(lk|st)-[^"]+">[^<]*<\/a>)?[^<]*: (\d+ Beitr|1 Beitrag|noch keine)/g)).toHaveLength(26);
    expect(text).toContain('Eine Karte zeigen wir hier bewusst nicht');
  });
});

describe('legal pages from content/*.md', () => {
  it.each([
    ['/impressum', 'Impressum'],
    ['/datenschutz', 'Datenschutzerklärung'],
    ['/barrierefreiheit', 'Erklärung zur Barrierefreiheit'],
  ])('%s renders its Markdown file with a placeholder note', async (path, title) => {
    const { status, html } = await get(path);
    expect(status).toBe(200);
    expect(headings(html, 1)).toEqual([title]);
    expect(textOf(html)).toContain('Platzhalter – vom Betreiber anzupassen');
    expect(headings(html, 2).length).toBeGreaterThan(2);
  });

  it('the accessibility statement names the standard, the test methods, a feedback contact and the Schlichtungsstelle', async () => {
    const text = textOf((await get('/barrierefreiheit')).html);
    expect(text).toContain('WCAG');
    expect(text).toContain('2.1 auf Stufe AA');
    expect(text).toContain('BITV 2.0');
    expect(text).toContain('axe-core');
    expect(text).toContain('nur mit der Tastatur');
    expect(text).toContain('abgeschaltetem JavaScript');
    expect(text).toContain('Barrieren melden: Kontakt');
    expect(text).toContain('Schlichtungsstelle BGG');
  });

  it('picks up edits without a restart and sanitises the Markdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baukasten-content-'));
    for (const file of ['impressum.md', 'datenschutz.md', 'barrierefreiheit.md']) writeFileSync(join(dir, file), '# Erste Fassung\n\nText.');
    const { app } = appWith(fixtureContributions, { contentDir: dir });
    expect(headings(await (await app.request('/impressum')).text(), 1)).toEqual(['Erste Fassung']);
    writeFileSync(join(dir, 'impressum.md'), '# Zweite Fassung\n\n## Kontakt\n\n<script>alert(1)</script> [x](javascript:alert(1)) [Datenschutz](/datenschutz)');
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'impressum.md'), later, later);
    const html = await (await app.request('/impressum')).text();
    expect(headings(html, 1)).toEqual(['Zweite Fassung']);
    expect(headings(html, 2)).toContain('Kontakt');
    expect(html).not.toContain('<script>alert');
    expect(textOf(html)).toContain('<script>alert(1)</script>');
    expect(hrefs(html).filter((href) => /javascript/i.test(href))).toEqual([]);
    expect(anchors(html)).toContainEqual({ text: 'Datenschutz', href: '/datenschutz' });
  });

  it('answers a missing content file with a 404 and logs it', async () => {
    const logError = vi.fn();
    const { app } = appWith(fixtureContributions, { contentDir: mkdtempSync(join(tmpdir(), 'baukasten-empty-')), logError });
    expect((await app.request('/datenschutz')).status).toBe(404);
    expect(logError).toHaveBeenCalledOnce();
  });
});

describe('sitemap, feed and scripts', () => {
  it('lists static pages and every published contribution with lastmod in sitemap.xml', async () => {
    const draft = makeContribution({ ...repairCafe, id: '00000000-0000-4000-8000-000000000077', slug: 'entwurf', state: 'draft' });
    const { status, headers, html: xml } = await get('/sitemap.xml', [...fixtureContributions, draft]);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/xml');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(
      expect.arrayContaining([`${siteUrl}/`, `${siteUrl}/suche`, `${siteUrl}/regionen`, `${siteUrl}/impressum`, `${siteUrl}/datenschutz`, `${siteUrl}/barrierefreiheit`]),
    );
    for (const c of fixtureContributions) expect(xml).toContain(`<loc>${siteUrl}/beitraege/${c.slug}</loc>\n    <lastmod>${c.updatedAt}</lastmod>`);
    expect(xml).not.toContain('entwurf');
  });

  it('serves an Atom feed of the 20 newest contributions with urn:uuid ids', async () => {
    const many = manyContributions(25).map((c, i) => makeContribution({ ...c, publishedAt: `2024-05-${String(i + 1).padStart(2, '0')}T08:00:00.000Z`, updatedAt: `2024-05-${String(i + 1).padStart(2, '0')}T09:00:00.000Z` }));
    const { status, headers, html: xml } = await get('/feed.atom', many);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/atom+xml');
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">');
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${siteUrl}/feed.atom"/>`);
    expect(xml).toContain('<updated>2024-05-25T09:00:00.000Z</updated>');
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1] ?? '');
    expect(entries).toHaveLength(20);
    expect(entries[0]).toContain(`<id>urn:uuid:${many[24]?.id}</id>`);
    expect(entries[0]).toContain(`<link rel="alternate" type="text/html" href="${siteUrl}/beitraege/beispiel-25"/>`);
    expect(entries[0]).toContain('<summary type="text">Kurzer Anriss für Beispiel 25.</summary>');
    expect(entries[0]).toContain('<updated>2024-05-25T09:00:00.000Z</updated>');
  });

  it('escapes contribution text in the feed', async () => {
    const hostile = makeContribution({ slug: 'boese', title: 'A & B <c>', teaser: ']]> <x>' });
    const { html: xml } = await get('/feed.atom', [hostile]);
    expect(xml).toContain('<title>A &amp; B &lt;c&gt;</title>');
    expect(xml).toContain('<summary type="text">]]&gt; &lt;x&gt;</summary>');
  });

  it('keeps every script the public pages reference at or below 20 KB gzip', async () => {
    const { app } = appWith();
    const scripts = new Set<string>();
    for (const path of ['/', '/suche?q=Arbeit&sdg=8', '/suche?q=nichts', `/beitraege/${bfaFactsheet.slug}`, '/regionen', '/impressum', '/datenschutz', '/barrierefreiheit']) {
      const html = await (await app.request(path)).text();
      for (const m of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)) scripts.add(textOf(m[1] ?? ''));
      // Inline scripts would be blocked by the CSP; only JSON-LD data blocks are allowed inline.
      for (const m of html.matchAll(/<script\b([^>]*)>/g)) if (!/\ssrc="/.test(m[1] ?? '')) expect(m[1]).toBe(' type="application/ld+json"');
    }
    expect([...scripts]).toEqual([expect.stringMatching(/^\/static\/enhance\.js\?v=[0-9a-f]{12}$/)]);
    let total = 0;
    for (const src of scripts) {
      const response = await app.request(src);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('javascript');
      expect(response.headers.get('cache-control')).toContain('immutable');
      total += gzipSync(Buffer.from(await response.text())).length;
    }
    console.log(`Öffentliches JavaScript: ${scripts.size} Datei(en), ${total} Bytes gzip (Grenze 20 480)`);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(20_480);
  });

  it('does not serve unknown static files', async () => {
    const { app } = appWith();
    expect((await app.request('/static/secret.txt')).status).toBe(404);
    expect((await app.request('/static/__proto__')).status).toBe(404);
    expect(readFileSync(new URL('./static/enhance.js', import.meta.url), 'utf8')).toContain('requestSubmit');
  });
});
