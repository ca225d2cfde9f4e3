import { describe, expect, it, vi } from 'vitest';
import type { Contribution } from '../domain/contribution.ts';
import {
  bfaFactsheet,
  createFakeCatalog,
  fixtureContributions,
  makeContribution,
  manyContributions,
  repairCafe,
  vagQuestionnaire,
} from '../../test/support/contributions.ts';
import { createFakeSearch } from '../../test/support/fake-search.ts';
import { anchors, headings, hrefs, sectionHtml, sectionText, textOf } from '../../test/support/html.ts';
import { createWebApp, pageSize } from './app.tsx';
import type { CatalogReader } from './ports.ts';

const siteUrl = 'https://baukasten.example';

function appWith(contributions: Contribution[] = fixtureContributions) {
  return createWebApp({ catalog: createFakeCatalog(contributions), search: createFakeSearch(contributions), siteUrl });
}

async function get(path: string, contributions?: Contribution[]) {
  const response = await appWith(contributions).request(path);
  return { status: response.status, headers: response.headers, html: await response.text() };
}

const detailPath = (c: Contribution) => `/beitraege/${c.slug}`;

describe('start page', () => {
  it('explains the Baukasten and lists each published contribution with kind, status, period, places and summary', async () => {
    const { status, html } = await get('/');
    expect(status).toBe(200);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="de">/);
    expect(headings(html, 1)).toEqual(['Nachhaltigkeitsbaukasten']);
    expect(textOf(html)).toContain('Der Nachhaltigkeitsbaukasten sammelt gute Praxis hessischer Kommunen');

    const links = anchors(html);
    for (const c of fixtureContributions) expect(links).toContainEqual({ text: c.title, href: detailPath(c) });

    const text = textOf(html);
    expect(text).toContain('Praxisbeispiel · abgeschlossen · 01.10.2021 bis 30.09.2023');
    expect(text).toContain('Ort: Hessen, Lahn-Dill-Kreis, Main-Kinzig-Kreis');
    expect(text).toContain(bfaFactsheet.teaser);
    expect(text).toContain('laufend · seit 2019');
    // Without a teaser the list shows the start of the first answer.
    expect(text).toContain('Das Modellprojekt Verzahnung von Arbeits- und Gesundheitsförderung');
  });

  it('has a title, meta description, canonical link and the stylesheet', async () => {
    const { html } = await get('/');
    expect(html).toContain('<title>Nachhaltigkeitsbaukasten Hessen</title>');
    expect(html).toMatch(/<meta name="description" content="[^"]{40,}"/);
    expect(html).toContain(`<link rel="canonical" href="${siteUrl}/"/>`);
    expect(html).toMatch(/<link rel="stylesheet" href="\/static\/app.css\?v=[0-9a-f]+"/);
    expect(anchors(html)[0]).toEqual({ text: 'Zum Inhalt springen', href: '#inhalt' });
    expect(html).toContain('<main id="inhalt"');
  });

  it('says so when nothing is published yet', async () => {
    const { status, html } = await get('/', []);
    expect(status).toBe(200);
    expect(textOf(html)).toContain('Es sind noch keine Beiträge veröffentlicht.');
  });
});

describe('pagination with ?seite=', () => {
  const many = manyContributions(45);

  it('shows 20 contributions per page with links to the other pages', async () => {
    const first = await get('/', many);
    expect(headings(first.html, 3)).toHaveLength(pageSize);
    expect(textOf(first.html)).toContain('45 Beiträge · Seite 1 von 3');
    expect(hrefs(first.html)).toContain('/?seite=2');

    const last = await get('/?seite=3', many);
    expect(headings(last.html, 3)).toEqual(['Beispielprojekt Nummer 41', 'Beispielprojekt Nummer 42', 'Beispielprojekt Nummer 43', 'Beispielprojekt Nummer 44', 'Beispielprojekt Nummer 45']);
    expect(last.html).toContain(`<link rel="canonical" href="${siteUrl}/?seite=3"/>`);
    expect(textOf(last.html)).toContain('Vorherige Seite');
  });

  it.each(['0', '-1', 'abc', '2.5', '1e3', '%00', '<script>', 'x'.repeat(500), '9999999999999'])(
    'treats ?seite=%s as a wrong page number: first page with a German hint, no error',
    async (value) => {
      const { status, html } = await get(`/?seite=${encodeURIComponent(value)}`, many);
      expect(status).toBe(200);
      expect(textOf(html)).toContain('ist keine gültige Seitenzahl. Angezeigt wird die erste Seite.');
      expect(headings(html, 3)[0]).toBe('Beispielprojekt Nummer 1');
      expect(html).not.toContain('<script>');
    },
  );

  it('explains a page number beyond the last page', async () => {
    const { status, html } = await get('/?seite=99', many);
    expect(status).toBe(200);
    expect(textOf(html)).toContain('Seite 99 gibt es nicht, die Liste hat 3 Seiten. Angezeigt wird die erste Seite.');
    expect(headings(html, 3)).toHaveLength(pageSize);
  });
});

describe('detail page', () => {
  it('shows the fact sheet sections with their content and leaves out empty ones', async () => {
    const { status, html } = await get(detailPath(bfaFactsheet));
    expect(status).toBe(200);
    expect(headings(html, 1)).toEqual([bfaFactsheet.title]);
    expect(html).toContain(`<title>${'Bewerbung des Budgets für Arbeit (BfA) nach § 61 SGB IX'} – Nachhaltigkeitsbaukasten Hessen</title>`);
    expect(html).toContain(`<link rel="canonical" href="${siteUrl}${detailPath(bfaFactsheet)}"/>`);

    expect(sectionText(html, 'kurzbeschreibung')).toContain('sollen Gelingensfaktoren und Hemmnisse zur Inanspruchnahme');
    expect(sectionHtml(html, 'kurzbeschreibung')).toContain('<strong>Gelingensfaktoren und Hemmnisse</strong>');
    expect(sectionText(html, 'projektzweck')).toContain('Das seit 2018 bestehende Budget für Arbeit');
    expect(headings(sectionHtml(html, 'bestandteile') ?? '', 3)).toEqual(bfaFactsheet.components.map((c) => c.title));
    expect(sectionText(html, 'kontakt')).toContain('LAG WfbM Hessen e.V. Friedenstraße 26 35578 Wetzlar');
    expect(sectionText(html, 'ort')).toBe('Ort Hessen Lahn-Dill-Kreis (Schwerpunktregion) Main-Kinzig-Kreis (Schwerpunktregion)');
    expect(sectionText(html, 'laufzeit')).toBe('Laufzeit und Status Laufzeit 01.10.2021 bis 30.09.2023 Status abgeschlossen');
    expect(sectionText(html, 'rechtsgrundlagen')).toContain('§ 61 SGB IX');
    expect(sectionText(html, 'zielgruppen')).toContain('Beschäftigte in Werkstätten für behinderte Menschen');
    expect(sectionText(html, 'leitsaetze-und-sdgs')).toContain('Leitsatz 4: Jede und jeder zählt');
    expect(sectionText(html, 'leitsaetze-und-sdgs')).toContain('SDG 8: Menschenwürdige Arbeit und Wirtschaftswachstum');

    for (const empty of ['umsetzung', 'unterstuetzung', 'teilnahme', 'finanzierung', 'partner', 'links']) expect(sectionHtml(html, empty)).toBeNull();
    expect(headings(html, 2)).not.toContain('Finanzierung');
  });

  it('shows the four questionnaire answers, participation, funding, partners and links', async () => {
    const { html } = await get(detailPath(vagQuestionnaire));
    expect(sectionText(html, 'umsetzung')).toContain('wird in 18 hessischen Landkreisen individuell umgesetzt');
    expect(sectionHtml(html, 'umsetzung')).toContain('<em>Verzahnung von Arbeits- und Gesundheitsförderung in der kommunalen Lebenswelt</em>');
    expect(sectionText(html, 'unterstuetzung')).toContain('Seit Sommer 2019 ist die Hessische Arbeitsgemeinschaft');
    expect(sectionText(html, 'herausforderungen')).toContain('Erreichbarkeit der Zielgruppe');
    expect(anchors(sectionHtml(html, 'herausforderungen') ?? '').map((a) => a.href)).toEqual([
      'https://hage.de/aktivitaeten/verzahnung-von-arbeits-und-gesundheitsfoerderung-in-der-kommunalen-lebenswelt-vag/news-vag/',
    ]);
    expect(sectionText(html, 'voraussetzungen')).toContain('Aktuell können keine weiteren Landkreise');
    expect(sectionText(html, 'kontakt')).toContain('Hessische Arbeitsgemeinschaft für Gesundheitsförderung e. V. (HAGE) Frankfurt am Main');
    expect(sectionText(html, 'laufzeit')).toBe('Laufzeit und Status Laufzeit seit 2019 Status laufend');
    expect(sectionText(html, 'teilnahme')).toContain('Eine Teilnahme ist derzeit nicht möglich.');
    expect(sectionText(html, 'finanzierung')).toContain('GKV-Bündnis für Gesundheit (Krankenkassen)');
    expect(anchors(sectionHtml(html, 'partner') ?? '')).toEqual([{ text: 'GKV-Bündnis für Gesundheit', href: 'https://www.gkv-buendnis.de/' }]);
    expect(sectionText(html, 'partner')).toContain('Jobcenter der beteiligten Landkreise – Kooperationspartner');
    expect(sectionText(html, 'leitsaetze-und-sdgs')).toContain('Schwerpunkt Kommunen');
  });

  it('writes placeholder links as text with a note instead of a dead anchor', async () => {
    const { html } = await get(detailPath(vagQuestionnaire));
    const links = sectionHtml(html, 'links') ?? '';
    expect(anchors(links)).toEqual([{ text: 'Projektseite der HAGE', href: vagQuestionnaire.links[0]?.url }]);
    expect(textOf(links)).toContain('Leitfaden Prävention - GKV-Spitzenverband (Link fehlt in der Quelle)');
    // The same placeholder inside a Markdown answer is not an anchor either.
    expect(sectionText(html, 'unterstuetzung')).toContain('Leitfaden Prävention - GKV-Spitzenverband (Link fehlt in der Quelle)');
    expect(hrefs(html).filter((href) => href === '#' || href === '')).toEqual([]);
  });

  it('hides name, phone and e-mail of a contact person who did not consent', async () => {
    const { html } = await get(detailPath(bfaFactsheet));
    expect(html).not.toContain('Jörg Heyer');
    expect(html).not.toContain('9277607');
    expect(html).not.toContain('j.heyer@lag-werkstaetten.de');
    expect(sectionText(html, 'kontakt')).toContain('Projektleitung: Kontakt über den Träger');
  });

  it('says "Kontakt über den Träger" for a non-consenting contact without role', async () => {
    const noRole = makeContribution({ ...bfaFactsheet, contacts: [{ name: 'Jörg Heyer', role: null, email: 'j.heyer@lag-werkstaetten.de' }] });
    const { html } = await get(detailPath(noRole), [noRole]);
    expect(html).not.toContain('Jörg Heyer');
    expect(sectionText(html, 'kontakt')).toMatch(/Ansprechpartner\*innen Kontakt über den Träger$/);
  });

  it('shows name, phone and e-mail of a contact person who consented', async () => {
    const { html } = await get(detailPath(repairCafe));
    const contact = sectionHtml(html, 'kontakt') ?? '';
    expect(textOf(contact)).toContain('Erika Musterfrau, Klimaschutzmanagerin');
    expect(anchors(contact)).toEqual(
      expect.arrayContaining([
        { text: '+49 6151 123456', href: 'tel:+496151123456' },
        { text: 'erika.musterfrau@example.org', href: 'mailto:erika.musterfrau@example.org' },
        { text: 'https://www.example.org/umweltamt', href: 'https://www.example.org/umweltamt' },
      ]),
    );
  });

  it('formats funding amounts in euros and shows open participation', async () => {
    const { html } = await get(detailPath(repairCafe));
    const funding = sectionText(html, 'finanzierung').replace(/\u00a0/g, ' ');
    expect(funding).toContain('Klimarichtlinie Hessen (Land): 12.500 €');
    expect(funding).toContain('Haushalt der Stadt (Kommune): 3.125,50 €');
    expect(funding).toContain('Gesamtkosten 15.625,50 €');
    expect(funding).toContain('Gefördert über die Klimarichtlinie des Landes Hessen.');
    expect(sectionText(html, 'teilnahme')).toContain('Eine Teilnahme ist möglich. Weitere Kommunen können sich');
  });

  it('orders all sections as a municipal reader needs them', async () => {
    const complete = makeContribution({
      ...vagQuestionnaire,
      description: bfaFactsheet.description,
      purpose: bfaFactsheet.purpose,
      components: bfaFactsheet.components,
      contacts: repairCafe.contacts,
      legalReferences: bfaFactsheet.legalReferences,
    });
    const { html } = await get(detailPath(complete), [complete]);
    const sectionHeadings = headings(html, 2).filter((h) => h !== 'Auf dieser Seite');
    expect(sectionHeadings).toEqual([
      'Kurzbeschreibung',
      'Projektzweck',
      'Bestandteile',
      'Wie kam es zur Umsetzung?',
      'Unterstützung',
      'Herausforderungen und Tipps',
      'Voraussetzungen und Eignung',
      'Träger und Kontakt',
      'Ort',
      'Laufzeit und Status',
      'Teilnahme',
      'Finanzierung',
      'Rechtsgrundlagen',
      'Partner',
      'Zielgruppen',
      'Links',
      'Leitsätze und SDGs',
    ]);
    // The table of contents links every section.
    for (const id of ['kurzbeschreibung', 'kontakt', 'leitsaetze-und-sdgs']) expect(hrefs(html)).toContain(`#${id}`);
  });
});

describe('untrusted content', () => {
  const hostile = makeContribution({
    id: '00000000-0000-4000-8000-000000000666',
    slug: 'boese',
    title: '<script>alert(1)</script>',
    teaser: '"><img src=x onerror=alert(1)>',
    description: 'Klick [x](javascript:alert(1)) und <img src=x onerror=alert(2)> und [y](JaVaScRiPt:alert(3))',
    purpose: '<iframe src="https://evil.example"></iframe>',
    sponsor: { name: '<b>Träger</b>', website: null },
    places: [{ label: '<svg onload=alert(1)>' }],
    targetGroups: ['</li><script>alert(4)</script>'],
  });

  it('escapes HTML in plain text fields on the start page and the detail page', async () => {
    for (const path of ['/', '/beitraege/boese']) {
      const { html: page } = await get(path, [hostile]);
      // The detail page's JSON-LD block is the only script element; its own escaping is tested in detail-extras.
      const html = page.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '');
      expect(html).not.toMatch(/<script|<img|<svg|<iframe|<b>/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    const { html } = await get('/beitraege/boese', [hostile]);
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; – Nachhaltigkeitsbaukasten Hessen</title>');
    expect(headings(html, 1)).toEqual(['<script>alert(1)</script>']);
  });

  it('sanitises Markdown so no javascript: link survives', async () => {
    const { html } = await get('/beitraege/boese', [hostile]);
    // The Markdown source may remain visible as text; it must never become a link target.
    expect(hrefs(html).some((href) => /javascript|data:/i.test(href))).toBe(false);
    expect(html).not.toMatch(/href="\s*javascript/i);
    expect(hrefs(html).every((href) => /^(\/|#|https?:|mailto:|tel:)/.test(href))).toBe(true);
  });

  it('allows only same-origin script files through the Content-Security-Policy as a second line of defence', async () => {
    const { headers } = await get('/');
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});

describe('errors and assets', () => {
  it.each(['/beitraege/gibt-es-nicht', '/beitraege/%3Cscript%3E', '/beitraege/', '/irgendwo'])('answers %s with a German 404 page', async (path) => {
    const { status, html } = await get(path);
    expect(status).toBe(404);
    expect(headings(html, 1)).toEqual(['Seite nicht gefunden']);
    expect(html).toContain('<html lang="de">');
    expect(html).not.toContain('<script');
  });

  it('does not show drafts', async () => {
    const draft = makeContribution({ ...repairCafe, state: 'draft' });
    expect((await get(detailPath(draft), [draft])).status).toBe(404);
  });

  it('turns any thrown error into a German 500 page without internals', async () => {
    const failing: CatalogReader = {
      listPublished: () => Promise.reject(new Error('connection refused at /var/lib/secret')),
      findPublishedBySlug: () => Promise.reject(new Error('connection refused at /var/lib/secret')),
      findPublishedById: () => Promise.reject(new Error('connection refused at /var/lib/secret')),
      taxonomyNames: () => Promise.reject(new Error('boom')),
    };
    const logError = vi.fn();
    const failingSearch = { search: () => Promise.reject(new Error('index at /var/lib/secret')), similar: () => Promise.reject(new Error('boom')) };
    const app = createWebApp({ catalog: failing, search: failingSearch, logError });
    for (const path of ['/', detailPath(bfaFactsheet)]) {
      const response = await app.request(path);
      const html = await response.text();
      expect(response.status).toBe(500);
      expect(headings(html, 1)).toEqual(['Ein Fehler ist aufgetreten']);
      expect(html).not.toMatch(/secret|Error|at \//);
    }
    expect(logError).toHaveBeenCalledTimes(2);
  });

  it('serves the stylesheet with cache headers, focus and print styles', async () => {
    const app = appWith();
    const page = await (await app.request('/')).text();
    const href = /href="(\/static\/app\.css\?v=[0-9a-f]+)"/.exec(page)?.[1] ?? '';
    const response = await app.request(href);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/css');
    expect(response.headers.get('cache-control')).toContain('immutable');
    const css = await response.text();
    expect(css).toContain(':focus-visible');
    expect(css).toContain('@media print');

    const etag = response.headers.get('etag') ?? '';
    const revalidated = await app.request('/static/app.css', { headers: { 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
  });
});
