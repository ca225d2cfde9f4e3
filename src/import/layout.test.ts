import { describe, expect, it } from 'vitest';
import { parseFields } from './fields.ts';
import { normaliseLayout } from './layout.ts';

const fieldsOf = (text: string) => parseFields(normaliseLayout(text)).fields.map((f) => [f.key, f.value]);

describe('layouts rewritten into label and value (set G)', () => {
  it('a definition list: the term is the label, its ": " lines the value; every line keeps its number', () => {
    const text = 'Träger\n: Landschaftspflegeverband e. V.\n: Wilhelmshöher Allee 19a, 34117 Kassel\n\nZeitraum\n: seit Herbst 2019';
    expect(fieldsOf(text)).toEqual([
      ['sponsor', 'Landschaftspflegeverband e. V.\nWilhelmshöher Allee 19a, 34117 Kassel'],
      ['period', 'seit Herbst 2019'],
    ]);
    expect(normaliseLayout(text).split('\n')).toHaveLength(text.split('\n').length);
    // A line that ends with a colon is already a label; a lone ": " line stays as it is.
    expect(normaliseLayout('Hinweis:\n: siehe unten')).toBe('Hinweis:\n: siehe unten');
  });

  it('a key = value export: keys are labels (also spelt without umlauts), sections headings, comments dropped', () => {
    const text = '; Export der Förderdatenbank\n[programm]\ntitel = Hanau blüht auf\nlaufzeit = 2023 bis 2026\nzielgruppe = Eigentümer\n\n[foerdergeber]\nname = Stadt Hanau\nstrasse = Markt 1';
    const normalised = normaliseLayout(text);
    expect(normalised).not.toContain('Export der Förderdatenbank');
    expect(normalised.split('\n')).toHaveLength(text.split('\n').length);
    expect(normalised).toContain('## programm\ntitel: Hanau blüht auf');
    expect(fieldsOf(text).slice(0, 3)).toEqual([
      ['title', 'Hanau blüht auf'],
      ['period', '2023 bis 2026'],
      ['targetGroups', 'Eigentümer'],
    ]);
    // Fewer than four such lines are no export: "a = b" in running text stays.
    expect(normaliseLayout('Formel: a = b + c\nx = 1')).toBe('Formel: a = b + c\nx = 1');
  });

  it('tick boxes: only the ticked options remain', () => {
    expect(normaliseLayout('☐ Praxisbeispiel   ☐ Förderprogramm   ☒ Beratungsangebot')).toBe('Beratungsangebot');
    expect(normaliseLayout('Zielgruppen: [x] Vereine [ ] Schulen [X] Kirchengemeinden')).toBe('Zielgruppen: Vereine, Kirchengemeinden');
    expect(normaliseLayout('Veröffentlichung: ☒ ja ☐ nein')).toBe('Veröffentlichung: ja');
  });

  it('e-mail quotes: the markers go, the words stay', () => {
    expect(normaliseLayout('> 1. Wie ist die Entscheidung gefallen?\n>> zitiert\nAntwort')).toBe('1. Wie ist die Entscheidung gefallen?\nzitiert\nAntwort');
  });
});

describe('a database export read whole', () => {
  it('street, postcode and town given as fields of their own make one address', async () => {
    const { parseDocument } = await import('./parse-document.ts');
    const text = ['[programm]', 'typ = Förderprogramm', 'titel = Hanau blüht auf', 'kurztext = Die Stadt bezuschusst Dachbegrünungen.', 'laufzeit = 2023 bis 2026', '', '[foerdergeber]', 'name = Stadt Hanau, Umweltamt', 'strasse = Markt 7', 'plz = 63452', 'ort = Hanau'].join('\n');
    const r = await parseDocument(new TextEncoder().encode(text), 'export.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.sponsor).toMatchObject({ name: 'Stadt Hanau, Umweltamt', street: 'Markt 7', postcode: '63452', city: 'Hanau' });
    expect(r.content.description).toBe('Die Stadt bezuschusst Dachbegrünungen.');
    // The evidence still points at the words as written.
    expect(r.evidence.find((e) => e.field === 'title')?.text).toContain('Hanau blüht auf');
  });
});

describe('layouts of set H', () => {
  it('dot leaders between label and value, also with the value on the lines below', () => {
    const text = 'Projektname ........ Hitzetelefon\nProjektträger ...... Stadt Bad Vilbel\nLaufzeit ........... ab 2023\n\nKurzbeschreibung .....\nAn Hitzetagen rufen Ehrenamtliche an.';
    expect(fieldsOf(text)).toEqual([
      ['title', 'Hitzetelefon'],
      ['sponsor', 'Stadt Bad Vilbel'],
      ['period', 'ab 2023'],
      ['description', 'An Hitzetagen rufen Ehrenamtliche an.'],
    ]);
  });

  it('label and value in two columns set apart by wide gaps', () => {
    expect(fieldsOf('Projekttitel      Repair-Café\nTräger            Stadt Eschwege\nLaufzeit          seit 2019')).toEqual([
      ['title', 'Repair-Café'],
      ['sponsor', 'Stadt Eschwege'],
      ['period', 'seit 2019'],
    ]);
    // One wide gap in running text is no such layout.
    expect(normaliseLayout('Wir treffen uns   jeden Montag.')).toBe('Wir treffen uns   jeden Montag.');
  });

  it('a CSV export of one record: header names become labels of the row\'s cells, quoted semicolons stay in their cell', () => {
    const text = 'Export aus der Projektdatenbank\n\nNr;Projekt;Kurztext;Traeger;Zeitraum\nBER-1;Saatgut-Bibliothek;"Wer gärtnert, leiht Saatgut; später bringt man Samen zurück.";Stadt Bensheim;seit 2017';
    expect(fieldsOf(text)).toEqual([
      ['title', 'Saatgut-Bibliothek'],
      ['description', 'Wer gärtnert, leiht Saatgut; später bringt man Samen zurück.'],
      ['sponsor', 'Stadt Bensheim'],
      ['period', 'seit 2017'],
    ]);
    // Several rows are a table of many projects, not one record: left as it is.
    const many = 'Nr;Projekt;Träger;Ort\n1;A;Stadt X;X\n2;B;Stadt Y;Y';
    expect(normaliseLayout(many)).toBe(many);
  });

  it('an FAQ page: "F:" questions become headings, "A:" answers their text', async () => {
    const text = '# Starkregen-Check\n\nF: Was ist der Starkregen-Check?\nA: Eine kostenlose Vor-Ort-Beratung.\n\nF: Was kostet der Check?\nA: Für Sie nichts.\n\nF: Wie melde ich mich an?\nA: Über das Online-Formular.';
    expect(fieldsOf(text)).toEqual([
      ['description', 'Eine kostenlose Vor-Ort-Beratung.'],
      ['funding', 'Für Sie nichts.'],
      ['participation', 'Über das Online-Formular.'],
    ]);
    const { parseFactSheet } = await import('./factsheet.ts');
    const r = parseFactSheet(normaliseLayout(text), 'faq.txt');
    if (!r.ok) throw new Error(r.reason);
    // A section that says how to sign up offers it.
    expect(r.content.participation?.status).toBe('open');
  });

  it('an online form\'s printout: required-field marks, steps, character counters and the note on required fields', () => {
    const text = 'Schritt 1 von 2 – Angaben zur Kommune\n\nName der Kommune *\nGemeinde Fischbachtal\n\nAnschrift der Verwaltung *\nRathausstraße 5, 64405 Fischbachtal\n\nSchritt 2 von 2 – Ansprechperson\n\nVor- und Nachname *\nTobias Geyer\n\nKurzbeschreibung *\nDie Gemeinde bündelt Bestellungen.\n(35 von 1.500 Zeichen)\n\nPflichtfelder sind mit * gekennzeichnet.';
    const normalised = normaliseLayout(text);
    expect(normalised).not.toMatch(/Zeichen\)|Pflichtfelder/);
    expect(normalised.split('\n')).toHaveLength(text.split('\n').length);
    expect(fieldsOf(text).filter(([, v]) => v)).toEqual([
      ['name', 'Gemeinde Fischbachtal'],
      ['address', 'Rathausstraße 5, 64405 Fischbachtal'],
      ['name', 'Tobias Geyer'],
      ['description', 'Die Gemeinde bündelt Bestellungen.'],
    ]);
  });

  it('slide and page numbers and a footer repeated on every slide are dropped; answers and list items that repeat stay', () => {
    const footer = 'Gemeinde Nauheim · Netzwerktreffen · 18.03.2025';
    const text = ['Folie 1 von 3', '# Titel', footer, 'Folie 2 von 3', 'Antwort:', '- ja', footer, 'Folie 3 von 3', 'Antwort:', '- ja', footer].join('\n');
    const lines = normaliseLayout(text).split('\n');
    expect(lines).toHaveLength(11);
    expect(lines.filter(Boolean)).toEqual(['# Titel', 'Antwort:', '- ja', 'Antwort:', '- ja']);
  });
});

describe('a filled-in template (set I)', () => {
  it('hints in brackets before the values, Word\'s placeholder and the instruction to fill it in are dropped', () => {
    const text = [
      'Bitte füllen Sie die Felder aus. Die Hinweise in eckigen Klammern können Sie stehen lassen.', '',
      'Titel des Materials: [Vollständiger Titel] Klimafreundlich feiern', '',
      'Herausgeber: [Name der Organisation] Landkreis Darmstadt-Dieburg', '',
      'Internetseite: [www.…]', '',
      'Finanzierung: [Wer hat die Erstellung finanziert?] Klicken oder tippen Sie hier, um Text einzugeben.',
    ].join('\n');
    expect(fieldsOf(text)).toEqual([
      ['title', 'Klimafreundlich feiern'],
      ['sponsor', 'Landkreis Darmstadt-Dieburg'],
      ['website', ''],
      ['funding', ''],
    ]);
    // A Markdown link keeps its text.
    expect(normaliseLayout('Weitere Infos: [Leitfaden](https://x.example) und Titel: [Hinweis] Wert')).toContain('[Leitfaden](https://x.example)');
  });

  it('a table of contents with dot leaders to page numbers stays as it is', () => {
    const toc = 'Inhaltsverzeichnis\nEinleitung ..... 2\nAusgangslage ..... 3\nDurchführung ..... 4\nErgebnisse ..... 6';
    expect(normaliseLayout(toc)).toBe(toc);
  });
});


describe('layouts of set J', () => {
  it('a sheet that asks its fields and is answered after the question mark', () => {
    const text = 'Wie heißt das Projekt? Gießpaten für Stadtbäume\n\nWer steht dahinter? Stadt Friedberg (Hessen)\n\nSeit wann? Seit Sommer 2019\n\nWer gibt Auskunft? Lea Hartmann, 06031/88-213';
    expect(fieldsOf(text)).toEqual([
      ['title', 'Gießpaten für Stadtbäume'],
      ['sponsor', 'Stadt Friedberg (Hessen)'],
      ['period', 'Seit Sommer 2019'],
      ['contact', 'Lea Hartmann, 06031/88-213'],
    ]);
    expect(normaliseLayout(text).split('\n')).toHaveLength(text.split('\n').length);
    // One question answered in running text is no such sheet.
    const prose = 'Warum machen wir das? Weil es hilft.\n\nDas Projekt läuft seit 2019.';
    expect(normaliseLayout(prose)).toBe(prose);
  });

  it('a header table with two label/value pairs per row becomes one "Label: value" line per pair', () => {
    const text = '| Kommune | Gemeinde Fuldabrück | Landkreis | Landkreis Kassel |\n|---|---|---|---|\n| Projekt | Generationenplatz | Start | Mai 2021 |';
    expect(fieldsOf(text)).toEqual([
      ['sponsor', 'Gemeinde Fuldabrück'],
      ['place', 'Landkreis Kassel'],
      ['title', 'Generationenplatz'],
      ['periodStart', 'Mai 2021'],
    ]);
    // A table of four columns whose cells are no labels stays a table.
    const table = '| Jahr | 2024 | 2025 | 2026 |\n|---|---|---|---|\n| Land | 10 | 20 | 30 |';
    expect(normaliseLayout(table)).toBe(table);
  });
});

describe('notes on the form itself (set J)', () => {
  it('"Dieses Formular wurde aus einer Word-Vorlage exportiert." goes, its line stays', () => {
    const text = 'Anmeldung: Gemeinden melden sich per E-Mail.\n\nDieses Formular wurde aus einer Word-Vorlage exportiert. Bitte Tabellenstruktur nicht verändern.';
    expect(normaliseLayout(text)).toBe('Anmeldung: Gemeinden melden sich per E-Mail.\n\n');
    const prose = 'Dieses Dokument wurde mit viel Liebe von der Klasse 4b gestaltet und erzählt von unserem Schulgarten.';
    expect(normaliseLayout(prose)).toBe(prose);
  });
});

describe('a dash between label and value (set K)', () => {
  it('several "Label – value" lines with known labels are read as fields', () => {
    const text = 'Anbieter – Kreisausschuss des Landkreises Hersfeld-Rotenburg\nAdresse – Friedloser Straße 12, 36251 Bad Hersfeld\nWann – Juli 2024 bis Juni 2027\nWer berät – Sabine Gerlach, Telefon 06621 87315';
    expect(fieldsOf(text)).toEqual([
      ['sponsor', 'Kreisausschuss des Landkreises Hersfeld-Rotenburg'],
      ['address', 'Friedloser Straße 12, 36251 Bad Hersfeld'],
      ['period', 'Juli 2024 bis Juni 2027'],
      ['contact', 'Sabine Gerlach, Telefon 06621 87315'],
    ]);
    // The answers of a short questionnaire led by topic words stay as they are.
    const answers = 'Entscheidung – Die Idee kam von der Agenda-Gruppe.\n\nUnterstützung – Die Verbraucherzentrale half.\n\nHerausforderungen – Ehrenamtliche zu finden.';
    expect(normaliseLayout(answers)).toBe(answers);
  });
});
