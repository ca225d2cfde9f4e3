import { describe, expect, it } from 'vitest';
import { lookupLabel, matchLabelLine, parseFields } from './fields.ts';

describe('labels', () => {
  it.each([
    ['Titel des Projekts', 'title'],
    ['Name des Vorhabens', 'title'],
    ['Ziel(e) des Projekts', 'purpose'],
    ['Ziele des Vorhabens', 'purpose'],
    ['Träger der Maßnahme', 'sponsor'],
    ['Zuwendungsempfängerin', 'sponsor'],
    ['Ort der Umsetzung', 'place'],
    ['Zeitraum der Durchführung', 'period'],
    ['Rechtsgrundlage(n)', 'legal'],
    ['Zielgruppe(n)', 'targetGroups'],
    ['Ansprechpartner*innen', 'contact'],
    ['Kommune / Träger', 'sponsor'],
    ['Funktion', 'role'],
    ['Stand', 'other'],
    ['Projektträger (Name, Anschrift)', 'sponsor'],
    ['Angaben zur Finanzierung', 'funding'],
    ['Angaben zum Projekt', 'other'],
    ['Projektbeginn', 'periodStart'],
    ['Beteiligte Kommunen', 'place'],
    // Compounds are read by their last part.
    ['Schulträger', 'sponsor'],
    ['Kita-Träger', 'sponsor'],
    ['Förderzeitraum', 'period'],
    ['Anschubfinanzierung', 'funding'],
    ['Gesamtinvestition', 'funding'],
    ['Landkreis', 'place'],
  ])('%s → %s', (label, key) => expect(lookupLabel(label)?.key).toBe(key));

  it('reads numbered, bold and heading labels, and weak labels alone on their line', () => {
    expect(matchLabelLine('**1. Vorhaben**')).toMatchObject({ key: 'title', rest: '' });
    expect(matchLabelLine('2) Projektträger: Stadt Kassel')).toMatchObject({ key: 'sponsor', rest: 'Stadt Kassel' });
    expect(matchLabelLine('### Ziel(e) des Projekts:')).toMatchObject({ key: 'purpose' });
    expect(matchLabelLine('Förderung')).toMatchObject({ key: 'funding' });
    // A list item that is a weak label word is content; prose is never a label.
    expect(matchLabelLine('- Kosten')).toBeNull();
    expect(matchLabelLine('**Ziel** ist es, …')).toBeNull();
  });

  it('a specific label that a PDF ran into the previous sentence starts a new field', () => {
    const { fields } = parseFields('Beschreibung: Sie beraten in den Rathäusern. Finanzierung: Die Kosten von 540.000 Euro trägt der Bund.');
    expect(fields.map((f) => [f.key, f.value])).toEqual([
      ['description', 'Sie beraten in den Rathäusern.'],
      ['funding', 'Die Kosten von 540.000 Euro trägt der Bund.'],
    ]);
  });

  it('forms whose colons were lost, key tables with unknown labels, wider tables, question headings', () => {
    const form = parseFields('PROJEKTSTECKBRIEF\n\nProjekttitel Solarkataster\nTräger Landkreis Fulda, Wörthstraße 15, 36037 Fulda\nTelefon 0661 6006-1517\nKosten 148.000 EUR');
    expect(form.fields.map((f) => [f.key, f.value])).toEqual([
      ['title', 'Solarkataster'],
      ['sponsor', 'Landkreis Fulda, Wörthstraße 15, 36037 Fulda'],
      ['phone', '0661 6006-1517'],
      ['funding', '148.000 EUR'],
    ]);
    // One sentence that begins with a label word stays prose.
    expect(parseFields('Titel: Wiesen\nKurzbeschreibung: Text.\nTräger des Projekts ist der Verein.').fields.map((f) => f.key)).toEqual(['title', 'description']);
    const table = parseFields('| Maßnahme | Schulhof |\n|---|---|\n| Federführende Stelle | Stadt Hanau |\n\n## Finanzierung\n\n| Quelle | Betrag | Anteil |\n|---|---|---|\n| Land Hessen | 210.000 € | 70 % |');
    expect(table.preamble).toBe('Maßnahme: Schulhof');
    expect(table.fields.map((f) => [f.key, f.value])).toEqual([
      ['sponsor', 'Stadt Hanau'],
      ['funding', 'Land Hessen | 210.000 € | 70 %'],
    ]);
    expect(parseFields('## Worum geht es?\nGärtnern.\n\n## Wer kann mitmachen?\nAlle.').fields.map((f) => f.key)).toEqual(['description', 'targetGroups']);
  });

  it('ends a section at every known label, also without colon', () => {
    const { fields } = parseFields('Projekttitel\nBlühende Gewerbegebiete\n\nZiele des Projekts\nInsekten fördern.\n\nTräger der Maßnahme\nRegionalpark GmbH');
    expect(fields.map((f) => [f.key, f.value])).toEqual([
      ['title', 'Blühende Gewerbegebiete'],
      ['purpose', 'Insekten fördern.'],
      ['sponsor', 'Regionalpark GmbH'],
    ]);
  });
});

describe('compounds and numbered section headings', () => {
  it('a compound label is weak', () => {
    expect(lookupLabel('Schulträger')?.strong).toBe(false);
    expect(lookupLabel('Gesundheit')).toBeUndefined();
  });

  it('a numbered heading with numbered subsections ends the field before it', () => {
    const text = ['2 Allgemeine Angaben', '2.1 Maßnahmen: Umbau zu 14 Wohnungen.', '', '3 Rahmendaten', '3.1 Laufzeit: 2020 bis 2022'].join('\n');
    const fields = parseFields(text).fields.map((f) => [f.key, f.value]);
    expect(fields).toEqual([
      ['other', ''],
      ['description', 'Umbau zu 14 Wohnungen.'],
      ['other', ''],
      ['period', '2020 bis 2022'],
    ]);
    // Without subsections, "3 Wohnungen" stays text.
    expect(parseFields('Maßnahmen: Umbau\n3 Wohnungen im Altbau').fields.map((f) => f.value)).toEqual(['Umbau\n3 Wohnungen im Altbau']);
  });
});

describe('after set D: merged table cells, tables of contents, appendices', () => {
  it('a row of one cell heads a section, a row with an empty first cell continues the value above', () => {
    const text = ['| Datenblatt | |', '|---|---|', '| **A. Allgemeine Angaben** |', '| Bezeichnung | Bibliothek der Dinge |', '| Zielgruppen | Familien |', '| | Vereine |'].join('\n');
    expect(parseFields(text).fields.map((f) => [f.key, f.value])).toEqual([
      ['title', 'Bibliothek der Dinge'],
      ['targetGroups', 'Familien\nVereine'],
    ]);
  });

  it('a table of contents is no list of labels; an appendix heads a section of its own', () => {
    const text = ['Inhalt', '1. Überblick', '2. Projektdaten', 'Anlage 1: Kosten- und Finanzierungsplan', '', 'Laufzeit: 2020 bis 2022', '', '## Anlage 1: Kosten- und Finanzierungsplan', 'Gesamt 410.000 €', '', '## Anlage 2: Pressespiegel', 'Zeitungsartikel'].join('\n');
    expect(parseFields(text).fields.map((f) => [f.key, f.value])).toEqual([
      ['period', '2020 bis 2022'],
      ['funding', 'Gesamt 410.000 €'],
      ['other', 'Zeitungsartikel'],
    ]);
  });
});

describe('third round: English and hyphenated labels, headings the list does not know', () => {
  it('English labels and a compound written with a hyphen', () => {
    const text = ['Projekt-Titel: CoWork Land', 'Lead-Partner: Landkreis X', 'Contact Person: Felix Brandt', 'Location: Diemelsee', 'Timeline: Q3/2022 – Q2/2025', 'Target Group: Pendler:innen', '', 'Summary', 'Räume für Co-Working.', '', 'Goals', 'Pendelverkehr reduzieren.'].join('\n');
    expect(parseFields(text).fields.map((f) => f.key)).toEqual(['title', 'sponsor', 'contact', 'place', 'period', 'targetGroups', 'description', 'purpose']);
  });

  it('a numbered section under a name the list does not know is read by its word stems or by what it holds', () => {
    const text = [
      '1 Bezeichnung der Maßnahme', 'Zisternenförderung',
      '2 Zuwendungsempfängerin', 'Stadt Rödermark',
      '3 Fachliche Ansprechstelle', 'Frau Carolin Weidmann', 'Telefon 06074 911-520',
      '4 Kurzdarstellung', '4.1 Anlass', 'Trockene Sommer.', '4.2 Vorgehen', 'Zuschüsse für Zisternen.',
      '5 Zeitlicher Rahmen', '01.04.2021 bis 31.12.2024',
      '6 Sonstiges zum Projekt', 'Ein Hinweis.',
      '7 Wer hilft', 'E-Mail umwelt@roedermark.example',
    ].join('\n');
    expect(parseFields(text).fields.map((f) => [f.key, f.value])).toEqual([
      ['title', 'Zisternenförderung'],
      ['sponsor', 'Stadt Rödermark'],
      ['contact', 'Frau Carolin Weidmann\nTelefon 06074 911-520'],
      // "4.1 Anlass" is the heading of a subsection: no part of the text.
      ['description', 'Trockene Sommer.'],
      ['description', 'Zuschüsse für Zisternen.'],
      ['period', '01.04.2021 bis 31.12.2024'],
      ['other', 'Ein Hinweis.'],
      ['contact', 'E-Mail umwelt@roedermark.example'],
    ]);
  });

  it('outside a numbered sequence a numbered line stays text; a short capitalised label is read by its stems, not in a cost table', () => {
    expect(parseFields('Titel: Umbau\nKurzbeschreibung: Wir bauen.\n7 Wohnungen im Altbau').fields.map((f) => f.value)).toEqual(['Umbau', 'Wir bauen.\n7 Wohnungen im Altbau']);
    expect(parseFields('Titel: Umbau\nZuständig: Frau Anna Roth').fields.map((f) => f.key)).toEqual(['title', 'contact']);
    expect(parseFields('Titel: Umbau\nFinanzierung:\nQuartierskonzept: 90.000 €\nGesamt: 410.000 €').fields.map((f) => f.key)).toEqual(['title', 'funding']);
    // Before the first known label a line is the title, whatever its words.
    expect(parseFields('# Kosten sparen mit Zisternen\nTräger: Stadt X').preamble).toBe('# Kosten sparen mit Zisternen');
  });
});

describe('rules prompted by set E', () => {
  it('italic form labels with hints, a field named by the hint before a colon, consent lines', () => {
    const text = ['*Vorhaben (Kurztitel):*', 'Quartierslotsen', '*Ansprechperson beim Maßnahmenträger (Name, Funktion):*', 'Frau Anna Kolb', '*Beteiligte Dritte (Kooperationen):*', 'Seniorenbeirat', 'Einverständnis zur Veröffentlichung der Kontaktdaten: ja'].join('\n');
    expect(parseFields(text).fields.map((f) => f.key)).toEqual(['title', 'contact', 'partners', 'other']);
    // Without a colon a line with a hint is a person, not a label.
    expect(matchLabelLine('Frau Dr. Miriam Albers (Projektleitung)')).toBeNull();
  });

  it('online-form exports: [Field] lines, "Block – Detail" labels, unknown fields of their own', () => {
    const text = ['[Titel des Praxisbeispiels]', 'Leerstandslotsen', '[Ansprechperson – Name]', 'Sven Hohmann', '[Ansprechperson – Funktion]', 'Stadtentwicklung', '[Dürfen die Kontaktdaten veröffentlicht werden?]', 'Ja', '[Internetseite]', 'https://www.schlitz.example'].join('\n');
    expect(parseFields(text).fields.map((f) => [f.key, f.value])).toEqual([
      ['title', 'Leerstandslotsen'],
      ['contact', 'Sven Hohmann'],
      ['role', 'Stadtentwicklung'],
      ['other', 'Ja'],
      ['website', 'https://www.schlitz.example'],
    ]);
  });

  it('a row of fields separated by "·"; a whole line in italics', () => {
    expect(parseFields('Herausgeber: Arbeitskreis e. V. · Erscheinungsjahr: 2024 · 64 Seiten\n*Kontakt: Lisa Marquardt, Tel. 06152 989-612*').fields.map((f) => [f.key, f.value])).toEqual([
      ['sponsor', 'Arbeitskreis e. V.'],
      ['other', '2024'],
      // "64 Seiten" reads as a numbered "Seiten" (metadata): a field of its own, empty.
      ['other', ''],
      ['contact', 'Lisa Marquardt, Tel. 06152 989-612'],
    ]);
  });

  it('headings whose words name no field: a subheading within the description, else a section of its own', () => {
    const text = ['Titel: Schwammstadt', 'Kurzbeschreibung:', 'Erster Absatz der Beschreibung.', '', '## Wie es weiterging', '', 'Bisher wurden zwölf Mulden gebaut und viele Bäume gepflanzt.', '', 'Laufzeit: 2022 bis 2025', '', '## Download und Bestellung', '', '[Leitfaden](https://example.org/l.pdf)', '', 'Warum gemeinsam?', 'Beide Gemeinden sind zu klein für eine eigene Stelle und teilen sich deshalb die Kosten.'].join('\n');
    expect(parseFields(text).fields.map((f) => [f.key, f.value])).toEqual([
      ['title', 'Schwammstadt'],
      ['description', 'Erster Absatz der Beschreibung.\n\n\nBisher wurden zwölf Mulden gebaut und viele Bäume gepflanzt.'],
      ['period', '2022 bis 2025'],
      ['other', '[Leitfaden](https://example.org/l.pdf)'],
      ['description', 'Beide Gemeinden sind zu klein für eine eigene Stelle und teilen sich deshalb die Kosten.'],
    ]);
  });

  it('a first-level heading below a metadata line is the title, not a field named by its words', () => {
    const fields = parseFields('Infoblatt für Vereine · Stand: Januar 2026\n\n# Förderprogramm „Klimafit“\n\nDer Kreis unterstützt gemeinnützige Vereine dabei, ihre Vereinsheime klimafreundlich zu machen.').fields;
    expect(fields.map((f) => f.key)).toEqual(['other', 'title', 'description']);
    expect(fields[1]?.value).toBe('Förderprogramm „Klimafit“');
  });

  it('a key table whose first column only numbers the rows', () => {
    const text = ['| Nr. | Angabe | Inhalt |', '|---|---|---|', '| 1 | Projektbezeichnung | Schulstraßen |', '| 2 | Zeitraum | 2024 bis 2026 |'].join('\n');
    expect(parseFields(text).fields.map((f) => [f.key, f.value])).toEqual([
      ['title', 'Schulstraßen'],
      ['period', '2024 bis 2026'],
    ]);
  });
});

describe('rules prompted by set F', () => {
  it('label and value separated by a tab; labels in parentheses at the ends of the lines', async () => {
    const { normaliseText } = await import('./decode.ts');
    const tabbed = normaliseText('Projekt\tKantine im Kreishaus\nTräger\tMain-Taunus-Kreis\n\tAm Kreishaus 1\nInternet\twww.mtk.example');
    expect(parseFields(tabbed).fields.map((f) => [f.key, f.value])).toEqual([
      ['title', 'Kantine im Kreishaus'],
      ['sponsor', 'Main-Taunus-Kreis\nAm Kreishaus 1'],
      ['website', 'www.mtk.example'],
    ]);
    const trailing = 'Sprachcafé (Projekt)\nStadt Eschwege (Träger)\nseit 2019 (Laufzeit)\nZweimal pro Woche treffen sich alle (Beschreibung)';
    expect(parseFields(trailing).fields.map((f) => [f.key, f.value])).toEqual([
      ['title', 'Sprachcafé'],
      ['sponsor', 'Stadt Eschwege'],
      ['period', 'seit 2019'],
      ['description', 'Zweimal pro Woche treffen sich alle'],
    ]);
    // One line with a known word in parentheses is no such layout.
    expect(parseFields('Titel: Repair-Café\nKurzbeschreibung: Wir reparieren alles (Projekt)').fields.map((f) => f.key)).toEqual(['title', 'description']);
  });

  it('"Betreff:" of a council paper is its title', () => {
    expect(parseFields('Vorlage Nr. 2025/0147\nBetreff: Anlage von drei Miniwäldern\nSachverhalt: Text.').fields[0]).toMatchObject({ key: 'title', value: 'Anlage von drei Miniwäldern' });
  });
});

describe('rules prompted by set G', () => {
  it('labels spelt without umlauts, where the person sits after a contact label, forms\' "Kurztext", "Antrag", "PLZ"', () => {
    expect(lookupLabel('foerdergeber')?.key).toBe('funding');
    expect(lookupLabel('strasse')?.key).toBe('address');
    expect(lookupLabel('Ansprechpartnerin bei der Stadt')?.key).toBe('contact');
    // Only contact details may be qualified so: "Ziel bei der Umsetzung" is no known label.
    expect(lookupLabel('Ziel bei der Umsetzung')).toBeUndefined();
    expect(['Kurztext', 'Antrag', 'PLZ'].map((l) => lookupLabel(l)?.key)).toEqual(['description', 'participation', 'address']);
  });

  it('the section labels of an English good-practice template', () => {
    expect(['Location of the practice', 'Responsible organisation', 'Timescale (start/end date)', 'Detailed description', 'Resources needed', 'Main stakeholders and beneficiaries'].map((l) => lookupLabel(l)?.key)).toEqual([
      'place',
      'sponsor',
      'period',
      'description',
      'funding',
      'partners',
    ]);
  });

  it('question headings of a page in Leichte Sprache, known by their first words', () => {
    expect(['Was machen wir?', 'Warum machen wir das?', 'Wer bezahlt das Projekt?', 'Seit wann gibt es das Projekt?', 'Sie wollen mit·machen?'].map((l) => lookupLabel(l)?.key)).toEqual([
      'description',
      'purpose',
      'funding',
      'period',
      'participation',
    ]);
    // One known word is not enough: "Warum eine gemeinsame Stelle?" is a section of its own.
    expect(lookupLabel('Warum eine gemeinsame Stelle?')).toBeUndefined();
  });

  it('the labels of a council inquiry', () => {
    expect(['betreffend', 'Vorbemerkung des Kreisausschusses'].map((l) => lookupLabel(l)?.key)).toEqual(['title', 'description']);
  });

  it('"Von der Verwaltung" names who attends, not a start', () => {
    expect(lookupLabel('Von der Verwaltung')).toBeUndefined();
  });

  it('the questions of an FAQ page and a sponsor section answered in a sentence', async () => {
    expect(['Was ist der Starkregen-Check?', 'Was kostet der Check?', 'Wer kann den Check nutzen?', 'Wie melde ich mich an?'].map((l) => lookupLabel(l)?.key)).toEqual(['description', 'funding', 'targetGroups', 'participation']);
    const { parseFactSheet } = await import('./factsheet.ts');
    const r = parseFactSheet('# Starkregen-Check\n\nWer steckt dahinter?\nDer Fachdienst Klimaschutz des Landkreises, in Zusammenarbeit mit der Ingenieurkammer Hessen und dem Wasserverband Lahn-Ohm.\n\nKontakt\nLandkreis Marburg-Biedenkopf\nIm Lichtenholz 60, 35043 Marburg\nTelefon: 06421 405-6217', 'x.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.sponsor).toMatchObject({ name: 'Landkreis Marburg-Biedenkopf', postcode: '35043' });
  });

  it('the parts of a measure in a budget plan and of a council paper', () => {
    expect(['Erläuterung', 'Begründung', 'Produktverantwortlicher', 'Lage', 'Folgekosten', 'Finanzielle Auswirkungen'].map((l) => lookupLabel(l)?.key)).toEqual([
      'description',
      'purpose',
      'contact',
      'place',
      'other',
      'funding',
    ]);
  });

  it('the parts of a school\'s project documentation', () => {
    expect(['Thema', 'Einleitung', 'Durchführung', 'Reflexion', 'Betreuende Lehrkraft', 'Abgabedatum'].map((l) => lookupLabel(l)?.key)).toEqual([
      'title',
      'description',
      'description',
      'description',
      'contact',
      'other',
    ]);
  });
});


describe('labels cut short (set J)', () => {
  it.each([
    ['Ansprechp.', 'contact'],
    ['Kurzbeschr.', 'description'],
    ['Zielgr.', 'targetGroups'],
    ['Fin.', 'funding'],
    ['Lfz.', 'period'],
    ['Stellv.', 'contact'],
  ])('%s is %s', (label, key) => expect(lookupLabel(label, { colon: true })?.key).toBe(key));

  it('a short word with a dot that could stand for labels of several fields, or for none, is no label', () => {
    expect(lookupLabel('Nr.', { colon: true })).toBeUndefined();
    expect(lookupLabel('Bsp.', { colon: true })).toBeUndefined();
    expect(lookupLabel('Ggf.', { colon: true })).toBeUndefined();
  });
});

describe('a label of two parts with two values (set K)', () => {
  it('"Kommune / Kreis: Stadt Eschwege / Werra-Meißner-Kreis" gives each part its value', () => {
    expect(parseFields('Kommune / Kreis: Stadt Eschwege / Werra-Meißner-Kreis\nAnsprechperson / Funktion: Daniel Ortmann / Quartiersmanager').fields.map((f) => [f.key, f.value])).toEqual([
      ['sponsor', 'Stadt Eschwege'],
      ['place', 'Werra-Meißner-Kreis'],
      ['contact', 'Daniel Ortmann'],
      ['role', 'Quartiersmanager'],
    ]);
    // One value for both parts stays one field.
    expect(parseFields('Träger / Ansprechpartner: Stadt Kassel').fields).toHaveLength(1);
  });
});
