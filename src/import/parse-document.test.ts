import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { ContributionContentSchema } from '../domain/contribution.ts';
import { parseDocument } from './parse-document.ts';
import type { ParseOutcome, ParsedDocument, RejectedDocument } from './types.ts';

// The two source documents, kept byte-identical in data/demo (copied from shared/seeds).
const demoDir = new URL('../../data/demo/', import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, demoDir));

function parsed(outcome: ParseOutcome): ParsedDocument {
  if (!outcome.ok) throw new Error(`expected a draft, got: ${outcome.reason}`);
  return outcome;
}
function rejected(outcome: ParseOutcome): RejectedDocument {
  if (outcome.ok) throw new Error('expected a rejection');
  return outcome;
}
const utf8 = (text: string) => new TextEncoder().encode(text);
const noTaxonomy = { leitbildArea: null, leitsaetze: [], sdgs: [], kommunenFocus: false };
const noAnswers = { decision: null, support: null, challenges: null, prerequisites: null };

// parseDocument is asynchronous (DOCX and PDF are read in a worker); describe blocks are not.
const factSheetBytes = seed('projektsteckbrief-bfa.txt');
const factSheet = parsed(await parseDocument(factSheetBytes, 'projektsteckbrief-bfa.txt'));
const questionnaire = parsed(await parseDocument(seed('frageformular-vag.txt'), 'frageformular-vag.txt'));

describe('seed fact sheet (Projektsteckbrief BfA)', () => {
  const bytes = factSheetBytes;
  const result = factSheet;

  it('is recognised as a fact sheet with hash and file name', () => {
    expect(result.format).toBe('factsheet');
    expect(result.sourceFile).toBe('projektsteckbrief-bfa.txt');
    expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(ContributionContentSchema.safeParse(result.content).success).toBe(true);
  });

  it('extracts every field', () => {
    const component2 =
      'Zum anderen ist es Ziel in zwei Modellregionen Rahmenbedingungen zu evaluieren, die notwendige Voraussetzungen für eine erfolgreiche Inanspruchnahme des Budgets sind, bzw. die diese verhindern. Dazu werden die entsprechenden Werkstätten in den Modellregionen eingebunden. Über strukturierte Interviews nach Leitfaden sollen in den beiden Modellregionen - Landkreis Lahn-Dill und Main-Kinzig- Erkenntnisse für die Gelingens- und Hinderungsfaktoren zum Zustandekommen eines Budgets für Arbeit eruiert werden. Zusätzlich werden in den Modellregionen umfassende Informations- und Beratungskompetenzen zum BfA aufgebaut.';
    const component1 =
      'Zum einen werden landesweite Informations- und Bewerbungsveranstaltungen zur Bewerbung des Budgets für Arbeit durchgeführt. Dazu sollen sowohl Veranstaltungen der LAG WfbM, als auch Veranstaltungen von Netzwerkpartnern genutzt werden. Bei den Netzwerkpartnern wird vor allem ein Schwerpunkt auf Handwerkskammern und kleine und mittelständische Unternehmen gelegt. Zur Kommunikation des Budgets für Arbeit und des Projektes werden hessenweit Best-Practice-Beispiele für erfolgreiche Budget für Arbeit dokumentiert und aufbereitet und in den Veranstaltungen und auf der Internetseite der LAG WfbM Hessen präsentiert.';
    const component3 =
      'Der Projektträger wird auch hessenweite Handlungsempfehlungen BfA aus den Erfahrungen in den Modellregionen erstellen. Einbindungen in die bestehenden regionalen Netzwerkstrukturen sind hierfür von Bedeutung.';
    const component4 =
      'Die LAG WfbM Hessen wird das Projekt und seine Ergebnisse darüber hinaus auf bundesweiten Fachveranstaltungen wie der Werkstätten-Messe präsentieren und so zum bundesländerübergreifenden Vergleich der Umsetzung des Budgets für Arbeit beitragen. In diesem Zusammenhang sind -auch zur Nutzung bei Erstellung der Handlungsempfehlungen- erfolgreiche Umsetzungspraktiken anderer Bundesländer (z.B. BW, HH) auf ihre Anwendbarkeit in Hessen zu „überprüfen“, insbesondere, ob diese Ansätze ggf. auch in Hessen erfolversprechend umsetzbar erscheinen.';
    const teaser =
      'Ausgehend vom Vermittlungsauftrag von WfbM sollen Gelingensfaktoren und Hemmnisse zur Inanspruchnahme von Budgets für Arbeit ermittelt werden.';
    expect(result.content).toEqual({
      kind: 'projekt',
      title: 'Bewerbung des Budgets für Arbeit (BfA) nach § 61 SGB IX',
      teaser,
      // The bold-led paragraphs became the components; the description keeps the rest.
      description: [teaser, 'Das Projekt hat dazu vier Bestandteile, welche gleichzeitig das Budget für Arbeit in Hessen bekannter machen sollen.'].join('\n\n'),
      purpose:
        'Das seit 2018 bestehende Budget für Arbeit ermöglicht neue Wege des Übergangs in den allgemeinen Arbeitsmarkt und echte Alternativen zu einer Beschäftigung in Werkstätten für behinderte Menschen.\n\n' +
        'Aus dem gesetzlichen Auftrag der Werkstätten für Menschen mit Behinderungen (WfbM) heraus, haben diese bereits einen Vermittlungsauftrag für ihre Beschäftigten in den allgemeinen Arbeitsmarkt. Dieser Auftrag soll durch das Projekt für einen langfristigen Zuwachs der BfA in Hessen begleitet werden.',
      components: [
        { title: 'landesweite Informations- und Bewerbungsveranstaltungen', text: component1 },
        { title: 'in zwei Modellregionen Rahmenbedingungen', text: component2 },
        { title: 'hessenweite Handlungsempfehlungen BfA', text: component3 },
        { title: 'bundesländerübergreifenden Vergleich der Umsetzung', text: component4 },
      ],
      answers: noAnswers,
      sponsor: { name: 'LAG WfbM Hessen e.V.', street: 'Friedenstraße 26', postcode: '35578', city: 'Wetzlar', website: null },
      contacts: [{ name: 'Jörg Heyer', role: null, phone: '+49 6441 9277607', email: 'j.heyer@lag-werkstaetten.de', publishConsent: false }],
      partners: [],
      places: [
        { regionId: 'hessen', label: 'Hessen', focus: false },
        { regionId: 'lk-lahn-dill', label: 'Lahn-Dill-Kreis', focus: true },
        { regionId: 'lk-main-kinzig', label: 'Main-Kinzig-Kreis', focus: true },
      ],
      period: { start: '2021-10-01', end: '2023-09-30', text: 'vom 01.10.2021 bis 30.09.2023' },
      participation: { status: 'unknown', text: null },
      funding: { sources: [], grantCents: null, ownCents: null, totalCents: null, text: null },
      legalReferences: [{ label: '§ 61 SGB IX', law: 'SGB IX', section: '61' }],
      targetGroups: [],
      links: [],
      taxonomy: noTaxonomy,
    });
  });

  it('warns in German that the funding is missing, and nothing else', () => {
    expect(result.warnings).toEqual([
      { field: 'funding', code: 'missing', message: 'Finanzierung: im Dokument sind keine Angaben zur Finanzierung enthalten.' },
    ]);
  });

  it('gives the same draft for the same text with CRLF line ends, and a different hash', async () => {
    const crlf = Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n'));
    const again = parsed(await parseDocument(crlf, 'crlf.txt'));
    expect(again.content).toEqual(result.content);
    expect(again.contentHash).not.toBe(result.contentHash);
  });
});

describe('seed questionnaire (Frageformular VAG)', () => {
  const result = questionnaire;
  const hageUrl = 'https://hage.de/aktivitaeten/verzahnung-von-arbeits-und-gesundheitsfoerderung-in-der-kommunalen-lebenswelt-vag/';

  it('is recognised as a questionnaire', () => {
    expect(result.format).toBe('questionnaire');
    expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('extracts every field', () => {
    expect(result.content).toEqual({
      kind: 'projekt',
      title: 'Verzahnung von Arbeits- und Gesundheitsförderung in der kommunalen Lebenswelt',
      teaser: null,
      description: null,
      purpose: null,
      components: [],
      answers: {
        decision:
          'Das Modellprojekt *Verzahnung von Arbeits- und Gesundheitsförderung in der kommunalen Lebenswelt* wird in 18 hessischen Landkreisen individuell umgesetzt. Die Umsetzung findet in Sozialräumen statt die gemeinsam mit Mitarbeitenden des Jobcenters und Referent*innen nach Bedarfen und Umsetzungsmöglichkeiten gewählt wurden.',
        support:
          `Seit Sommer 2019 ist die Hessische Arbeitsgemeinschaft für Gesundheitsförderung e. V. (HAGE) mit der Federführung des Projekts an 12 hessischen Standorten beauftragt und unterstützt die Jobcenter bei der Umsetzung. Die Förderung erfolgt aus Mitteln der gesetzlichen Krankenkassen im Rahmen des GKV-Bündnisses für Gesundheit. (<${hageUrl}>)\n\n` +
          'Die Umsetzung des Projektes erfolgt unter den Rahmenbedingungen des Leitfadens für Prävention ([Leitfaden Prävention - GKV-Spitzenverband](#)). Kooperationspartner sind Mitarbeitende des jeweiligen Jobcenters und weitere regionale Partner (Bildungs-/Maßnahmenträger, Familienzentren, Sportvereine, Stadtteilzentren, Mehrgenerationenhäuser, Kitas ...).',
        challenges:
          'Als Herausforderung stellt sich die Erreichbarkeit der Zielgruppe heraus. Besonders während der Corona Pandemie gestaltet sich das schwierig. Alle Angebote für die Zielgruppe sind freiwillig und kostenlos und in Zusammenarbeit mit kommunalen Partnern (s.o.) organisiert, was die Erreichbarkeit verbessert.\n\n' +
          `Weitere Einblicke und Ideen finden Sie hier: <${hageUrl}news-vag/>`,
        prerequisites: 'Aktuell können keine weiteren Landkreise an dem Projekt teilnehmen.',
      },
      sponsor: { name: 'Hessische Arbeitsgemeinschaft für Gesundheitsförderung e. V.', street: null, postcode: null, city: null, website: null },
      contacts: [],
      partners: [
        { name: 'Mitarbeitende des jeweiligen Jobcenters', role: null, website: null },
        {
          name: 'weitere regionale Partner (Bildungs-/Maßnahmenträger, Familienzentren, Sportvereine, Stadtteilzentren, Mehrgenerationenhäuser, Kitas ...)',
          role: null,
          website: null,
        },
      ],
      places: [{ regionId: 'hessen', label: '18 hessischen Landkreisen', focus: false }],
      period: { start: '2019', end: null, text: 'Seit Sommer 2019' },
      participation: { status: 'closed', text: 'Aktuell können keine weiteren Landkreise an dem Projekt teilnehmen.' },
      funding: {
        sources: [{ name: 'GKV-Bündnis für Gesundheit', kind: 'krankenkassen', amountCents: null }],
        grantCents: null,
        ownCents: null,
        totalCents: null,
        text: 'Die Förderung erfolgt aus Mitteln der gesetzlichen Krankenkassen im Rahmen des GKV-Bündnisses für Gesundheit.',
      },
      legalReferences: [],
      targetGroups: [],
      links: [
        { url: hageUrl, label: null, placeholder: false, broken: false },
        { url: null, label: 'Leitfaden Prävention - GKV-Spitzenverband', placeholder: true, broken: false },
        { url: `${hageUrl}news-vag/`, label: null, placeholder: false, broken: false },
      ],
      taxonomy: noTaxonomy,
    });
  });

  it('warns about the placeholder link and the missing contact person', () => {
    expect(result.warnings).toEqual([
      {
        field: 'links',
        code: 'placeholder_link',
        message: 'Der Link „Leitfaden Prävention - GKV-Spitzenverband“ hat im Dokument kein Ziel. Bitte die Internetadresse ergänzen.',
      },
      { field: 'contacts', code: 'missing', message: 'Ansprechperson: im Dokument ist keine Ansprechperson angegeben.' },
    ]);
  });

  it('does not put the abbreviation HAGE into the sponsor name', () => {
    expect(JSON.stringify(result.content.sponsor)).not.toContain('HAGE');
  });
});

describe('bad input is rejected with a German reason naming the file', () => {
  it('empty file', async () => {
    const r = rejected(await parseDocument(new Uint8Array(), 'leer.txt'));
    expect(r).toMatchObject({ code: 'empty', sourceFile: 'leer.txt', reason: '„leer.txt“ ist leer und wurde nicht importiert.' });
    expect(r.contentHash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('whitespace-only file (also with BOM and CRLF)', async () => {
    const r = rejected(await parseDocument(utf8('\uFEFF  \r\n\t\r\n   \n'), 'leerzeilen.txt'));
    expect(r.code).toBe('empty');
    expect(r.reason).toContain('„leerzeilen.txt“ ist leer');
  });

  it('binary file (PNG header and NUL bytes)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const r = rejected(await parseDocument(png, 'bild.png'));
    expect(r.code).toBe('binary');
    expect(r.reason).toMatch(/^„bild\.png“ ist keine Textdatei/);
  });

  it('control characters without NUL bytes are binary too', async () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(rejected(await parseDocument(bytes, 'x.bin')).code).toBe('binary');
  });

  it('a 20 MB buffer is rejected quickly, before decoding or hashing', async () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    const started = performance.now();
    const r = rejected(await parseDocument(big, 'riesig.txt'));
    expect(performance.now() - started).toBeLessThan(200);
    expect(decode).not.toHaveBeenCalled();
    decode.mockRestore();
    expect(r).toMatchObject({ code: 'too_large', contentHash: null });
    expect(r.reason).toBe('„riesig.txt“ ist größer als 5 MB (20 MB) und wurde nicht importiert.');
  });

  it('respects a custom maxBytes', async () => {
    expect(rejected(await parseDocument(seed('projektsteckbrief-bfa.txt'), 'x.txt', { maxBytes: 1000 })).code).toBe('too_large');
  });

  it('unrecognised prose', async () => {
    const text = 'Liebe Kolleginnen und Kollegen,\n\nanbei wie besprochen die Unterlagen zur Sitzung am Dienstag. Ort: Rathaus, Raum 2.\n\nViele Grüße\nAnna';
    const r = rejected(await parseDocument(utf8(text), 'brief.txt'));
    expect(r.code).toBe('unrecognised');
    expect(r.reason).toBe('„brief.txt“ wurde weder als Frageformular noch als Projektsteckbrief erkannt und daher nicht importiert.');
  });

  it('a letter presenting a project is read as prose, everything flagged as guessed', async () => {
    const text = [
      'Betreff: Unser Beitrag zum Nachhaltigkeitsbaukasten',
      '',
      'Sehr geehrte Damen und Herren,',
      '',
      'hiermit möchten wir Ihnen unser Projekt „Dorfladen Mittelberg“ vorstellen.',
      '',
      'Seit April 2021 betreibt die Gemeinde Mittelberg im alten Bahnhof einen Dorfladen mit regionalen Lebensmitteln. Ehrenamtliche übernehmen den Lieferdienst für ältere Menschen.',
      '',
      'Der Umbau wurde vom Land Hessen mit 40.000 Euro gefördert.',
      '',
      'Mit freundlichen Grüßen',
      '',
      'Eva Roth',
      'Bürgermeisterin',
      'Gemeinde Mittelberg',
      'Hauptstraße 1',
      '35999 Mittelberg',
      'Tel. 06400 1234-10',
    ].join('\n');
    const r = parsed(await parseDocument(utf8(text), 'brief.txt'));
    expect(r.format).toBe('factsheet');
    expect(r.content.title).toBe('Dorfladen Mittelberg');
    expect(r.content.description).toMatch(/^Seit April 2021 betreibt/);
    expect(r.content.description).not.toContain('vorstellen');
    expect(r.content.sponsor).toMatchObject({ name: 'Gemeinde Mittelberg', street: 'Hauptstraße 1', postcode: '35999', city: 'Mittelberg' });
    expect(r.content.contacts).toMatchObject([{ name: 'Eva Roth', role: 'Bürgermeisterin', phone: '+49 6400 123410' }]);
    expect(r.content.period).toMatchObject({ start: '2021-04', text: 'Seit April 2021' });
    expect(r.content.funding.sources).toEqual([{ name: 'Land Hessen', kind: 'land', amountCents: 4_000_000 }]);
    const guessed = r.warnings.filter((w) => w.code === 'guessed').map((w) => w.field);
    expect(guessed).toEqual(expect.arrayContaining(['document', 'title', 'sponsor', 'contacts', 'period', 'funding']));
    expect(r.evidence.find((e) => e.field === 'contacts.0.phone')?.text).toBe('Tel. 06400 1234-10');
  });

  it('a fact sheet without title', async () => {
    const text = '**Projektzweck:** Mehr Grün in der Stadt.\n\n**Projektträger:** Stadt Kassel\n\n**Projektlaufzeit:** 2020 bis 2022\n';
    const r = rejected(await parseDocument(utf8(text), 'ohne-titel.txt'));
    expect(r.code).toBe('invalid');
    expect(r.reason).toBe('„ohne-titel.txt“ enthält keinen Titel (erste Zeile oder Feld „Projekttitel“) und wurde nicht importiert.');
  });

  it('a questionnaire with questions but no answers at all', async () => {
    const text = 'Frageformular\n\n1. Bitte erläutern Sie kurz, wie die Entscheidung zur Umsetzung gefallen ist?\n\n2. Wer oder was hatte Ihnen bei der Umsetzung geholfen?\n';
    const r = rejected(await parseDocument(utf8(text), 'unbeantwortet.txt'));
    expect(r.code).toBe('invalid');
    expect(r.reason).toContain('„unbeantwortet.txt“');
  });

  it('a field whose read value breaks the schema is left empty with a warning; the document is kept', async () => {
    // An end before the start is a contradiction in the document, not a reason to lose the whole record.
    const text = '**Projekttitel:** Blühflächen am Bauhof\n\n**Projektträger:** Gemeinde Gründau\n\n**Projektbeginn:** März 2024\n\n**Projektende:** Mai 2022\n\n**Kurzbeschreibung:** Der Bauhof legt Blühflächen an.\n';
    const r = await parseDocument(utf8(text), 'widerspruch.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.title).toBe('Blühflächen am Bauhof');
    expect(r.content.period).toEqual({ start: null, end: null, text: null });
    expect(r.warnings.find((w) => w.field === 'period')).toMatchObject({ code: 'ambiguous' });
    expect(r.warnings.find((w) => w.field === 'period')?.message).toContain('nicht übernommen');
  });

  it('a social-media post: its bold headline is the title, a paragraph ending in a hashtag is part of the description', async () => {
    const text = [
      'Dr. Katharina Seibel • 1.', 'Klimaschutzmanagerin beim Landkreis Limburg-Weilburg', '3 Wochen • Bearbeitet', '',
      '**Energiesparchallenge an Berufsschulen**', '',
      'Seit dem Schuljahr 2024/25 treten Klassen der Berufsschulen in Limburg und Hadamar gegeneinander an und sparen Strom. #Energiesparchallenge', '',
      'Finanziert haben wir die Challenge mit € 7.800,- aus dem Klimaschutzbudget des Kreises; das Ergebnis der ersten Runde: 11 % weniger Strom und 8 % weniger Heizenergie als im Vorjahr.', '',
      'Fragen? Schreibt mir gern: k.seibel@limburg-weilburg.example', '',
      '#Klimaschutz #Berufsschule',
    ].join('\n');
    const r = await parseDocument(utf8(text), 'post.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.title).toBe('Energiesparchallenge an Berufsschulen');
    expect(r.content.description).toContain('gegeneinander an und sparen Strom. #Energiesparchallenge');
    expect(r.content.period).toMatchObject({ start: '2024-08' });
  });

  it('a title too short for the schema is rejected as invalid, not thrown', async () => {
    const text = '**AB**\n\n**Projektzweck:** Test.\n\n**Projektträger:** Stadt Kassel\n';
    const r = rejected(await parseDocument(utf8(text), 'kurz.txt'));
    expect(r.code).toBe('invalid');
    expect(r.reason).toContain('„kurz.txt“');
  });
});

describe('encodings and drafts with gaps', () => {
  it('accepts Windows-1252 text with an encoding warning and correct umlauts', async () => {
    const text = '„Grüne Höfe für Gießen“\r\n\r\nProjektträger: Bürgerstiftung Gießen\r\nProjektlaufzeit: 2020 bis 2022\r\nKurzbeschreibung: Schüler pflanzen Bäume – für 5.000 € Fördermittel.\r\n';
    const result = parsed(await parseDocument(iconv.encode(text, 'windows-1252'), 'ansi.txt'));
    expect(result.content.title).toBe('Grüne Höfe für Gießen');
    expect(result.content.sponsor?.name).toBe('Bürgerstiftung Gießen');
    expect(result.content.description).toBe('Schüler pflanzen Bäume – für 5.000 € Fördermittel.');
    expect(result.warnings[0]).toMatchObject({ field: 'document', code: 'encoding' });
    expect(result.warnings[0]?.message).toContain('„ansi.txt“');
  });

  it('strips a UTF-8 BOM without warning', async () => {
    const result = parsed(await parseDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seed('projektsteckbrief-bfa.txt')]), 'bom.txt'));
    expect(result.content.title).toBe('Bewerbung des Budgets für Arbeit (BfA) nach § 61 SGB IX');
    expect(result.warnings.some((w) => w.code === 'encoding')).toBe(false);
  });

  it('reads UTF-16 with BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed('projektsteckbrief-bfa.txt').toString('utf8'), 'utf16le')]);
    expect(parsed(await parseDocument(bytes, 'utf16.txt')).content.sponsor?.name).toBe('LAG WfbM Hessen e.V.');
  });

  it('a questionnaire with a missing answer is still a draft, with a warning naming the question', async () => {
    const text = [
      'Frageformular Nachhaltigkeitsbaukasten',
      '1) Bitte erläutern Sie kurz, wie die Entscheidung zur Umsetzung für dieses Projekt in Ihrer Kommune gefallen ist?',
      'Das Projekt *Repair-Café Vogelsberg* entstand aus einer Idee des Seniorenbeirats.',
      'Frage 2: Wer oder was hatte Ihnen bei der Umsetzung geholfen?',
      '',
      'Frage 3: Gab es bei der Umsetzung bestimmte Herausforderungen?',
      'Die Suche nach Ehrenamtlichen.',
      '4) Gibt es Voraussetzungen, die eine Kommune erfüllen sollte?',
      'Ein Raum und Werkzeug.',
    ].join('\n');
    const result = parsed(await parseDocument(utf8(text), 'luecke.txt'));
    expect(result.content.title).toBe('Repair-Café Vogelsberg');
    expect(result.content.answers).toEqual({
      decision: 'Das Projekt *Repair-Café Vogelsberg* entstand aus einer Idee des Seniorenbeirats.',
      support: null,
      challenges: 'Die Suche nach Ehrenamtlichen.',
      prerequisites: 'Ein Raum und Werkzeug.',
    });
    expect(result.warnings).toContainEqual({
      field: 'answers.support',
      code: 'missing',
      message: 'Antwort auf Frage 2 (Unterstützung bei der Umsetzung): Frage 2 ist nicht beantwortet.',
    });
  });

  it('is robust to bold and heading numbering, answers on the question line and numbered lists in answers', async () => {
    const text = [
      '**1. Bitte erläutern Sie kurz, wie die Entscheidung zur Umsetzung gefallen ist?**',
      'Unser Projekt *Solarbörse Hochtaunus* startete im Januar 2021. Vorgehen:',
      '',
      '1. Bedarf erheben',
      '2. Dächer prüfen',
      '',
      '**2. Wer oder was hatte Ihnen bei der Umsetzung geholfen?** Die Energiegenossenschaft Hochtaunus eG hat als Träger die Projektleitung übernommen.',
      '**Frage 3:** Gab es bei der Umsetzung bestimmte Herausforderungen?',
      'Lieferengpässe.',
      '### 4) Gibt es Voraussetzungen, die eine Kommune erfüllen sollte?',
      'Dachflächen im Hochtaunuskreis.',
    ].join('\n');
    const result = parsed(await parseDocument(utf8(text), 'varianten.txt'));
    expect(result.format).toBe('questionnaire');
    expect(result.content.title).toBe('Solarbörse Hochtaunus');
    expect(result.content.answers).toEqual({
      decision: 'Unser Projekt *Solarbörse Hochtaunus* startete im Januar 2021. Vorgehen:\n\n1. Bedarf erheben\n2. Dächer prüfen',
      support: 'Die Energiegenossenschaft Hochtaunus eG hat als Träger die Projektleitung übernommen.',
      challenges: 'Lieferengpässe.',
      prerequisites: 'Dachflächen im Hochtaunuskreis.',
    });
    expect(result.content.sponsor?.name).toBe('Energiegenossenschaft Hochtaunus eG');
    expect(result.content.period).toEqual({ start: '2021-01', end: null, text: 'startete im Januar 2021' });
    // Names of the project and the cooperative are not places; the district is.
    expect(result.content.places).toEqual([{ regionId: 'lk-hochtaunus', label: 'Hochtaunuskreis', focus: false }]);
  });

  it('a questionnaire without project name gets a guessed title from the first sentence', async () => {
    const text = 'Frageformular\n\n1. Wie ist die Entscheidung zur Umsetzung gefallen?\n\nDie Gemeinde Lahntal hat 2021 einen Bürgerbus eingerichtet. Die Idee kam aus dem Ortsbeirat.\n';
    const result = parsed(await parseDocument(utf8(text), 'ohne-name.txt'));
    expect(result.content.title).toBe('Die Gemeinde Lahntal hat 2021 einen Bürgerbus eingerichtet');
    expect(result.warnings[0]).toMatchObject({ field: 'title', code: 'guessed' });
  });
});

describe('evidence', () => {
  it('keeps for every extracted value the line of the document it stands on', async () => {
    const text = 'Projektsteckbrief\n\nTitel: Werkzeugtausch\n\nAnsprechpartnerin:\nFrau Anna Berg\nFon: (06441) 9277607\n\nLaufzeit: 2019 bis 2022\n\nFinanzierung:\nEigenmittel: 50.000 EUR\n';
    const outcome = await parseDocument(new TextEncoder().encode(text), 'beleg.txt');
    if (!outcome.ok) throw new Error(outcome.reason);
    const at = (field: string) => outcome.evidence.find((e) => e.field === field);
    expect(at('title')).toEqual({ field: 'title', text: 'Titel: Werkzeugtausch', line: 3 });
    expect(at('contacts.0.phone')).toEqual({ field: 'contacts.0.phone', text: 'Fon: (06441) 9277607', line: 7 });
    expect(at('period.start')?.text).toBe('Laufzeit: 2019 bis 2022');
    expect(at('funding.ownCents')?.line).toBe(12);
  });
});
