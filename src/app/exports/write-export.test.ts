import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { presentContribution } from '../../domain/public-contribution.ts';
import { bfaFactsheet, makeContribution, fixtureId, repairCafe, seededTaxonomyNames, vagQuestionnaire } from '../../../test/support/contributions.ts';
import { csvColumns, type ExportRecord } from './csv-columns.ts';
import { csvHeader, exportChunks, exportFingerprint, publishedRecords } from './write-export.ts';

const context = { siteUrl: 'https://baukasten.example', names: seededTaxonomyNames() };

/** Values that a spreadsheet would run as formulas, in the fields a submitter controls. */
const hostile = makeContribution({
  id: fixtureId(50),
  slug: 'formel-test',
  title: '=HYPERLINK("https://boese.example";"Klick")',
  teaser: '+49 als Anfang',
  description: '-Spiegelstrich am Anfang\r\nzweite Zeile; mit Semikolon und "Anführungszeichen"',
  purpose: '@SUMME(A1:A9)',
  targetGroups: ['=1+1', 'Senior*innen'],
});

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

async function* pagesOf(...pages: ExportRecord[][]): AsyncGenerator<ExportRecord[]> {
  for (const page of pages) yield page;
}

const publicRecords = [bfaFactsheet, vagQuestionnaire, repairCafe, hostile].map(presentContribution);

describe('CSV export', () => {
  it('opens as one row per contribution with a BOM, semicolons, CRLF and umlauts intact (round trip through a CSV parser)', async () => {
    const csv = await text(exportChunks('csv', pagesOf(publicRecords.slice(0, 2), publicRecords.slice(2)), context));
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Every record ends with CRLF; line breaks inside quoted cells are the only bare "\n".
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes).not.toMatch(/[^\r]\n/);
    expect(csv.endsWith('\r\n')).toBe(true);

    const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual([...csvHeader]);
    expect(rows).toHaveLength(1 + publicRecords.length);
    for (const row of rows) expect(row).toHaveLength(csvColumns.length);

    const records = rows.slice(1).map((row) => Object.fromEntries(csvHeader.map((header, i) => [header, row[i]!])));
    const bfa = records[0]!;
    expect(bfa.ID).toBe(bfaFactsheet.id);
    expect(bfa.Titel).toBe('Bewerbung des Budgets für Arbeit (BfA) nach § 61 SGB IX');
    expect(bfa.Adresse).toBe(`https://baukasten.example/beitraege/${bfaFactsheet.slug}`);
    expect(bfa['Träger Straße']).toBe('Friedenstraße 26');
    expect(bfa.Orte).toBe('Hessen | Lahn-Dill-Kreis (Schwerpunkt) | Main-Kinzig-Kreis (Schwerpunkt)');
    expect(bfa.Regionen).toBe('Hessen | Lahn-Dill-Kreis | Main-Kinzig-Kreis');
    expect(bfa.Zielgruppen).toBe('Beschäftigte in Werkstätten für behinderte Menschen | Handwerkskammern und kleine und mittelständische Unternehmen');
    expect(bfa.SDGs).toMatch(/^SDG 8 .+ \| SDG 10 .+$/);
    expect(bfa.Beginn).toBe('2021-10-01');
    expect(bfa.Ende).toBe('2023-09-30');
    expect(bfa.Projektstatus).toBe('abgeschlossen');
    expect(bfa.Beschreibung).toBe(bfaFactsheet.description);
    // Fixture times are UTC; the CSV shows German local time (winter: UTC+1).
    expect(bfa['Geändert am']).toBe('2024-03-02 10:00:00');
    expect(bfa['Redaktioneller Stand']).toBe('veröffentlicht');

    const cafe = records[2]!;
    expect(cafe['Gesamtkosten (Euro)']).toBe('15625,50');
    expect(cafe['Förderquellen']).toBe('Klimarichtlinie Hessen (Land): 12500,00 | Haushalt der Stadt (Kommune): 3125,50');
    expect(cafe.Kurzbeschreibung).toContain('Bürger*innen');
    expect(records[1]!.Beginn).toBe('2019');
  });

  it('shows a contact person only with consent to publish', async () => {
    const csv = await text(exportChunks('csv', pagesOf(publicRecords), context));
    const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    const contacts = rows.map((row) => row[csvHeader.indexOf('Ansprechpartner*innen')]);
    expect(contacts[1]).toBe('Projektleitung (Name und Kontaktdaten nicht veröffentlicht)');
    expect(contacts[3]).toBe('Erika Musterfrau, Klimaschutzmanagerin, +49 6151 123456, erika.musterfrau@example.org');
    for (const secret of ['Jörg Heyer', 'Heyer', 'j.heyer@lag-werkstaetten.de', '9277607']) expect(csv).not.toContain(secret);
  });

  it('turns cells that would run as formulas into text with a leading apostrophe', async () => {
    const csv = await text(exportChunks('csv', pagesOf([presentContribution(hostile)]), context));
    const [, row] = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    const cell = (header: string) => row![csvHeader.indexOf(header)];
    expect(cell('Titel')).toBe(`'=HYPERLINK("https://boese.example";"Klick")`);
    expect(cell('Kurzbeschreibung')).toBe("'+49 als Anfang");
    expect(cell('Beschreibung')).toBe(`'-Spiegelstrich am Anfang\nzweite Zeile; mit Semikolon und "Anführungszeichen"`);
    expect(cell('Ziel und Hintergrund')).toBe("'@SUMME(A1:A9)");
    // A joined cell is guarded by its first character; "=1+1" later in a cell is no formula.
    expect(cell('Zielgruppen')).toBe("'=1+1 | Senior*innen");
    // No cell of the file begins with a formula character.
    for (const value of row!) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes the header row alone when nothing is published', async () => {
    const csv = await text(exportChunks('csv', pagesOf(), context));
    expect(parse(csv, { bom: true, delimiter: ';' })).toEqual([[...csvHeader]]);
  });
});

describe('JSON and NDJSON export', () => {
  it('JSON is one array of the records, NDJSON one record per line, both across pages', async () => {
    const json = await text(exportChunks('json', pagesOf(publicRecords.slice(0, 1), [], publicRecords.slice(1)), context));
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(publicRecords)));
    const ndjson = await text(exportChunks('ndjson', pagesOf(publicRecords.slice(0, 3), publicRecords.slice(3)), context));
    const lines = ndjson.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(JSON.parse(JSON.stringify(publicRecords)));
  });

  it('an empty export is an empty array or no line at all', async () => {
    expect(JSON.parse(await text(exportChunks('json', pagesOf(), context)))).toEqual([]);
    expect(await text(exportChunks('ndjson', pagesOf(), context))).toBe('');
  });
});

describe('reading published contributions', () => {
  it('pages through the source with the cursor it returns and presents each record publicly', async () => {
    const all = [bfaFactsheet, vagQuestionnaire, repairCafe];
    const calls: Array<string | null> = [];
    const source = {
      publishedAfter: async (after: { publishedAt: string; id: string } | null, limit: number) => {
        calls.push(after?.id ?? null);
        const start = after ? all.findIndex((c) => c.id === after.id) + 1 : 0;
        const items = all.slice(start, start + limit);
        const last = items[items.length - 1];
        return { items, cursor: last ? { publishedAt: last.publishedAt!, id: last.id } : after };
      },
    };
    const pages: ExportRecord[][] = [];
    for await (const page of publishedRecords(source, 2)) pages.push(page);
    expect(pages.map((page) => page.map((r) => r.id))).toEqual([[bfaFactsheet.id, vagQuestionnaire.id], [repairCafe.id]]);
    expect(calls).toEqual([null, vagQuestionnaire.id]);
    expect(pages[0]![0]!.contacts[0]).toEqual({ name: null, role: 'Projektleitung', phone: null, email: null, publishConsent: false });
  });
});

describe('export fingerprint', () => {
  const base = { format: 'csv' as const, changeMark: '3/2024-03-02T09:00:00.000000Z/-', names: seededTaxonomyNames(), siteUrl: context.siteUrl, today: '2024-03-05' };

  it('is stable for the same input and changes with data, names, day, base URL and format', () => {
    expect(exportFingerprint(base)).toBe(exportFingerprint({ ...base, names: seededTaxonomyNames() }));
    const renamed = seededTaxonomyNames();
    renamed.sdgs.set(13, 'Klimaschutz (umbenannt)');
    for (const changed of [
      { changeMark: '3/2024-03-02T09:00:00.000001Z/-' },
      { names: renamed },
      { today: '2024-03-06' },
      { siteUrl: 'https://anders.example' },
      { format: 'json' as const },
    ]) {
      expect(exportFingerprint({ ...base, ...changed })).not.toBe(exportFingerprint(base));
    }
  });
});
