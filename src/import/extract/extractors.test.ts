import { describe, expect, it } from 'vitest';
import { findEmail, findFooterOrganisation, findOrganisationWithAddress, parseAddress, parseContactBlock, parseOrganisationBlock, parsePersonLine } from './contact.ts';
import { detectKind } from './kind.ts';
import { extractFunding, findFunders } from './funding.ts';
import { findLegalReferences } from './legal.ts';
import { findLinks } from './links.ts';
import { findAmounts, parseEuroCents } from './money.ts';
import { findSponsorInProse } from './organisation.ts';
import { findParticipation } from './participation.ts';
import { findPartnersInProse, parsePartnersField } from './partners.ts';
import { findPeriod, parseDateToken, parsePeriodField } from './period.ts';
import { findPhone, normalisePhone } from './phone.ts';
import { expandCoordinations, findPlaces, parsePlacesField } from './places.ts';
import { findTargetGroupsInProse, parseTargetGroupsField } from './target-groups.ts';

describe('phone', () => {
  it.each([
    ['(06441) 9277607', '+49 6441 9277607'],
    ['06441 - 9277607', '+49 6441 9277607'],
    ['06441/9277607', '+49 6441 9277607'],
    ['+49 611 123456', '+49 611 123456'],
    ['0611 123456', '+49 611 123456'],
    ['+49 (0) 6441 92776-07', '+49 6441 9277607'],
    ['0049 69 212 34567', '+49 69 21234567'],
    ['0171 1234567', '+49 171 1234567'],
    ['+41 44 123 45 67', '+41 44 1234567'],
  ])('%s → %s', (raw, expected) => expect(normalisePhone(raw)).toBe(expected));

  it('rejects what is not a phone number', () => {
    expect(normalisePhone('0611')).toBeNull();
    expect(normalisePhone('abc')).toBeNull();
  });

  it('finds the phone in a line and skips fax numbers', () => {
    expect(findPhone('Tel.: 0561 / 787-2000, Fax 0561 787-2001')).toBe('+49 561 7872000');
    expect(findPhone('Fax: 0561 787-2001; Telefon 0561 787 2000')).toBe('+49 561 7872000');
    expect(findPhone('am 01.10.2021')).toBeNull();
  });
});

describe('contact', () => {
  it('e-mail, also inside mailto links', () => {
    expect(findEmail('[j.heyer@lag-werkstaetten.de](mailto:j.heyer@lag-werkstaetten.de)')).toBe('j.heyer@lag-werkstaetten.de');
    expect(findEmail('Mail an info@stadt-beispiel.de.')).toBe('info@stadt-beispiel.de');
    expect(findEmail('kein at-Zeichen')).toBeNull();
  });

  it('person lines with salutation and role', () => {
    expect(parsePersonLine('Frau Dr. Anna Schmidt (Projektleitung)')).toEqual({ name: 'Dr. Anna Schmidt', role: 'Projektleitung' });
    expect(parsePersonLine('Herr Jonas Becker, Klimaschutzmanager')).toEqual({ name: 'Jonas Becker', role: 'Klimaschutzmanager' });
    expect(parsePersonLine('Jörg Heyer')).toEqual({ name: 'Jörg Heyer', role: null });
  });

  it('contact blocks with phone and e-mail on following lines', () => {
    expect(parseContactBlock('Anna Schmidt\nTel. 0641 123456\nanna.schmidt@example.org')).toEqual([
      { name: 'Anna Schmidt', role: null, phone: '+49 641 123456', email: 'anna.schmidt@example.org', publishConsent: false },
    ]);
  });

  it('a contact written on one line with role, phone and e-mail; several separated by ";"', () => {
    expect(parseContactBlock('Jana Krüger, Fachbereich Stadtentwicklung, Tel. 05542 508-130, j.krueger@witzenhausen.example')).toEqual([
      { name: 'Jana Krüger', role: 'Fachbereich Stadtentwicklung', phone: '+49 5542 508130', email: 'j.krueger@witzenhausen.example', publishConsent: false },
    ]);
    expect(parseContactBlock('Petra Lang (Vorstand) Tel. 06644 9601-23 p.lang@example.org; Nadine Schäfer, nadine@example.org, 06181 295-1732').map((c) => [c.name, c.role, c.phone])).toEqual([
      ['Petra Lang', 'Vorstand', '+49 6644 960123'],
      ['Nadine Schäfer', null, '+49 6181 2951732'],
    ]);
    // An office before the name, or an office as the first part of the line.
    expect(parseContactBlock('Bürgermeister Timo Heuser, buergermeister@schwalmtal.example').map((c) => [c.name, c.role])).toEqual([['Timo Heuser', 'Bürgermeister']]);
    expect(parseContactBlock('Gemeindeverwaltung Lautertal, Herr Ralf Becker, Telefon 06643 9600-12').map((c) => [c.name, c.phone])).toEqual([['Ralf Becker', '+49 6643 960012']]);
    // A heading or a label line that slipped into the block is no person.
    expect(parseContactBlock('## Projektgebiet\nhessenweit, Auftaktveranstaltungen in Kassel')).toEqual([]);
  });

  it('addresses on lines or after commas', () => {
    expect(parseAddress('Friedenstraße 26\n35578 Wetzlar')).toEqual({ street: 'Friedenstraße 26', postcode: '35578', city: 'Wetzlar' });
    expect(parseAddress('Am Markt 1, 34117 Kassel')).toEqual({ street: 'Am Markt 1', postcode: '34117', city: 'Kassel' });
    expect(parseOrganisationBlock('Werkstatt Nord gGmbH (WN), Hafenstr. 5a, 60311 Frankfurt am Main')).toEqual({
      name: 'Werkstatt Nord gGmbH',
      street: 'Hafenstr. 5a',
      postcode: '60311',
      city: 'Frankfurt am Main',
    });
  });

  it('an organisation whose line breaks a converter turned into spaces, and a town after the legal form', () => {
    expect(parseOrganisationBlock('Dorfladen Ilbeshausen eG Hauptstraße 7 36355 Grebenhain')).toEqual({ name: 'Dorfladen Ilbeshausen eG', street: 'Hauptstraße 7', postcode: '36355', city: 'Grebenhain' });
    expect(parseOrganisationBlock('Amt für Umwelt Berliner Straße 100 63065 Offenbach am Main')).toEqual({ name: 'Amt für Umwelt', street: 'Berliner Straße 100', postcode: '63065', city: 'Offenbach am Main' });
    expect(parseOrganisationBlock('BEG Wetterau eG, Friedberg (Hessen)')).toEqual({ name: 'BEG Wetterau eG', street: null, postcode: null, city: 'Friedberg (Hessen)' });
    expect(parseOrganisationBlock('Stadt Kassel, Umwelt- und Gartenamt')?.name).toBe('Stadt Kassel, Umwelt- und Gartenamt');
    expect(parseOrganisationBlock('Umweltzentrum gGmbH\nKasseler Straße 1a\n35683 Dillenburg\nwww.umweltzentrum.example')).toEqual({ name: 'Umweltzentrum gGmbH', street: 'Kasseler Straße 1a', postcode: '35683', city: 'Dillenburg' });
  });
});

describe('period', () => {
  it.each([
    ['vom 01.10.2021 bis 30.09.2023', '2021-10-01', '2023-09-30', 'vom 01.10.2021 bis 30.09.2023'],
    ['01.10.2021 – 30.09.2023', '2021-10-01', '2023-09-30', '01.10.2021 – 30.09.2023'],
    ['01/2020 – 12/2022', '2020-01', '2022-12', '01/2020 – 12/2022'],
    ['2019 bis 2022', '2019', '2022', '2019 bis 2022'],
    ['Seit Sommer 2019 ist die …', '2019', null, 'Seit Sommer 2019'],
    ['Seit 2019', '2019', null, 'Seit 2019'],
    ['ab März 2020', '2020-03', null, 'ab März 2020'],
    ['von Januar 2022 bis Ende 2024', '2022-01', '2024', 'von Januar 2022 bis Ende 2024'],
    ['1.4.22 - 31.3.24', '2022-04-01', '2024-03-31', '1.4.22 - 31.3.24'],
    ['befristet bis 31.12.2025', null, '2025-12-31', 'bis 31.12.2025'],
    ['1. Januar 2023 bis 31. Dezember 2025', '2023-01-01', '2025-12-31', '1. Januar 2023 bis 31. Dezember 2025'],
  ])('%s', (text, start, end, matched) => expect(findPeriod(text)).toEqual({ start, end, text: matched }));

  it('a period field with dates but no range: the first is the start, a later last one the end', () => {
    expect(parsePeriodField('Aufbau im Frühjahr 2023, Betrieb dauerhaft')).toMatchObject({ start: '2023', end: null });
    expect(parsePeriodField('Planung 2022, Bau Sommerferien 2023')).toMatchObject({ start: '2022', end: '2023' });
  });

  it('"laufend" keeps the wording without dates (fields only)', () => {
    expect(parsePeriodField('laufend')).toEqual({ start: null, end: null, text: 'laufend', understood: true });
    expect(findPeriod('die laufende Arbeit')).toBeNull();
  });

  it('ignores ranges that end before they start, and other numbers', () => {
    expect(findPeriod('2023 bis 2021')).toBeNull();
    expect(findPeriod('Telefon 06441 - 9277607, 127.000 Euro')).toBeNull();
    expect(parsePeriodField('zwei Jahre')).toEqual({ start: null, end: null, text: 'zwei Jahre', understood: false });
  });
});

describe('money', () => {
  it.each([
    ['127.000,00 Euro', 12_700_000],
    ['50.000 EUR', 5_000_000],
    ['1,2 Mio. €', 120_000_000],
    ['€ 5.000', 500_000],
    ['5.000,- €', 500_000],
    ['12 500 Euro', 1_250_000],
    ['0,5 Millionen Euro', 50_000_000],
  ])('%s', (text, cents) => expect(parseEuroCents(text)).toBe(cents));

  it('thousands written into the currency', () => {
    expect(findAmounts('Zuwendung: 210 T€, Drittmittel 15 TEUR').map((a) => a.cents)).toEqual([21_000_000, 1_500_000]);
  });

  it('needs a currency, so years and counts are not money', () => {
    expect(findAmounts('Seit 2019 an 12 Standorten')).toEqual([]);
  });
});

describe('places', () => {
  const ids = (text: string) => findPlaces(text).map((p) => [p.regionId, p.label, p.focus]);

  it('the fact-sheet seed wording', () => {
    expect(parsePlacesField('Hessen; Schwerpunktregionen sind der Lahn-Dill-Kreis und der Main-Kinzig-Kreis')).toEqual([
      { regionId: 'hessen', label: 'Hessen', focus: false },
      { regionId: 'lk-lahn-dill', label: 'Lahn-Dill-Kreis', focus: true },
      { regionId: 'lk-main-kinzig', label: 'Main-Kinzig-Kreis', focus: true },
    ]);
  });

  it('keeps a quantity in the label', () => {
    expect(ids('wird in 18 hessischen Landkreisen umgesetzt')).toEqual([['hessen', '18 hessischen Landkreisen', false]]);
  });

  it('tells Landkreis and Stadt apart', () => {
    expect(ids('Landkreis Kassel')).toEqual([['lk-kassel', 'Landkreis Kassel', false]]);
    expect(ids('Stadt Kassel')).toEqual([['st-kassel', 'Stadt Kassel', false]]);
    expect(ids('in Kassel')).toEqual([['st-kassel', 'Kassel', false]]);
    expect(ids('Kreis Offenbach und Offenbach am Main')).toEqual([
      ['lk-offenbach', 'Kreis Offenbach', false],
      ['st-offenbach', 'Offenbach am Main', false],
    ]);
    expect(ids('im Landkreis Gießen')).toEqual([['lk-giessen', 'Landkreis Gießen', false]]);
    // The city of Gießen is not a kreisfreie Stadt and not in the gazetteer.
    // A town outside the gazetteer is a place without region, not the Landkreis.
    expect(ids('in der Stadt Gießen')).toEqual([[null, 'Stadt Gießen', false]]);
    expect(parsePlacesField('Stadt Gießen')).toEqual([{ regionId: null, label: 'Stadt Gießen', focus: false }]);
  });

  it('expands coordinated forms', () => {
    expect(expandCoordinations('Lahn-Dill- und Main-Kinzig-Kreis')).toBe('Lahn-Dill-Kreis und Main-Kinzig-Kreis');
    expect(expandCoordinations('Stadt und Landkreis Kassel')).toBe('Stadt Kassel und Landkreis Kassel');
    expect(ids('Modellregionen sind der Lahn-Dill- und Main-Kinzig-Kreis')).toEqual([
      ['lk-lahn-dill', 'Lahn-Dill-Kreis', true],
      ['lk-main-kinzig', 'Main-Kinzig-Kreis', true],
    ]);
    expect(ids('die Landkreise Fulda und Hersfeld-Rotenburg').map((p) => p[0])).toEqual(['lk-fulda', 'lk-hersfeld-rotenburg']);
    expect(ids('im Vogelsberg- und Wetteraukreis').map((p) => p[0])).toEqual(['lk-vogelsberg', 'lk-wetterau']);
  });

  it('hessenweit and landesweit mean Hessen; genitives and street names', () => {
    expect(ids('hessenweit')).toEqual([['hessen', 'hessenweit', false]]);
    expect(ids('Landesweit')).toEqual([['hessen', 'Landesweit', false]]);
    expect(ids('des Main-Kinzig-Kreises')).toEqual([['lk-main-kinzig', 'Main-Kinzig-Kreises', false]]);
    expect(ids('Bergstraße 12, 64283 Darmstadt').map((p) => p[0])).toEqual(['st-darmstadt']);
  });

  it('a place field keeps every item of its list, with focus words', () => {
    expect(parsePlacesField('Main-Kinzig-Kreis, vor allem Gelnhausen und Wächtersbach')).toEqual([
      { regionId: 'lk-main-kinzig', label: 'Main-Kinzig-Kreis', focus: false },
      { regionId: null, label: 'Gelnhausen', focus: true },
      { regionId: null, label: 'Wächtersbach', focus: true },
    ]);
    expect(parsePlacesField('hessenweit, Auftaktveranstaltungen in Kassel, Gießen und Darmstadt').map((p) => [p.regionId, p.label])).toEqual([
      ['hessen', 'hessenweit'],
      ['st-kassel', 'Kassel'],
      [null, 'Gießen'],
      ['st-darmstadt', 'Darmstadt'],
    ]);
    // Common nouns in the list are no places.
    expect(parsePlacesField('Landkreis Darmstadt-Dieburg mit allen 23 Städten und Gemeinden').map((p) => p.label)).toEqual(['Landkreis Darmstadt-Dieburg']);
  });

  it('towns of several words, and lists after "Städten"/"Gemeinden"', () => {
    expect(parsePlacesField('Kernstadt und alle Stadtteile von Bad Hersfeld')).toEqual([{ regionId: null, label: 'Bad Hersfeld', focus: false }]);
    expect(ids('in den Städten Eschwege und Hessisch Lichtenau sowie in der Gemeinde Meinhard').map((p) => p[1])).toEqual(['Eschwege', 'Hessisch Lichtenau', 'Gemeinde Meinhard']);
    // The towns as written after "Gemeinden"; after "Landkreise" each name is a Landkreis.
    expect(ids('in den Gemeinden Haunetal, Hohenroda und Schenklengsfeld').map((p) => p[1])).toEqual(['Haunetal', 'Hohenroda', 'Schenklengsfeld']);
    expect(ids('in den Landkreisen Kassel und Fulda').map((p) => p[0])).toEqual(['lk-kassel', 'lk-fulda']);
  });

  it('a district written with or without hyphen, also in coordinations', () => {
    expect(expandCoordinations('Main-Taunus- und Hochtaunuskreis')).toBe('Main-Taunus-Kreis und Hochtaunuskreis');
    expect(ids('Main-Taunus- und Hochtaunuskreis').map((p) => p[0])).toEqual(['lk-main-taunus', 'lk-hochtaunus']);
    expect(ids('im Vogelsberg-Kreis und im Main-Kinzigkreis').map((p) => p[0])).toEqual(['lk-vogelsberg', 'lk-main-kinzig']);
  });

  it('deduplicates by region', () => {
    expect(ids('Wiesbaden. Stadt Wiesbaden. Modellregion Wiesbaden.')).toEqual([['st-wiesbaden', 'Wiesbaden', true]]);
  });
});

describe('legal references', () => {
  it('recognises the usual forms and deduplicates', () => {
    expect(findLegalReferences('nach § 61 SGB IX und erneut § 61 SGB IX')).toEqual([{ label: '§ 61 SGB IX', law: 'SGB IX', section: '61' }]);
    expect(findLegalReferences('gemäß §§ 3, 4 HGO sowie Art. 28 GG')).toEqual([
      { label: '§§ 3, 4 HGO', law: 'HGO', section: '3, 4' },
      { label: 'Art. 28 GG', law: 'GG', section: '28' },
    ]);
    expect(findLegalReferences('Prävention nach § 20a SGB V')).toEqual([{ label: '§ 20a SGB V', law: 'SGB V', section: '20a' }]);
    expect(findLegalReferences('§ 61 Abs. 2 SGB IX')).toEqual([{ label: '§ 61 Abs. 2 SGB IX', law: 'SGB IX', section: '61 Abs. 2' }]);
  });

  it('laws written out, with or without abbreviation', () => {
    expect(findLegalReferences('Rechtsgrundlage: § 3 Hessisches Naturschutzgesetz (HeNatG)')).toEqual([
      { label: '§ 3 Hessisches Naturschutzgesetz (HeNatG)', law: 'HeNatG', section: '3' },
    ]);
    expect(findLegalReferences('nach § 12 des Hessischen Wassergesetzes')).toEqual([{ label: '§ 12 des Hessischen Wassergesetzes', law: 'Hessischen Wassergesetzes', section: '12' }]);
  });

  it('needs a law abbreviation', () => {
    expect(findLegalReferences('siehe § 5 der Satzung')).toEqual([]);
  });
});

describe('links', () => {
  it('autolinks, markdown links, bare URLs, placeholders; mailto is not a link; dedupe by URL', () => {
    const text =
      'Mehr unter <https://example.org/a> und [Flyer](https://example.org/flyer.pdf). Siehe auch https://example.org/a. ' +
      '[Leitfaden](#) und www.beispiel.de, Mail: [x@y.de](mailto:x@y.de)';
    const found = findLinks(text);
    expect(found.links).toEqual([
      { url: 'https://example.org/a', label: null, placeholder: false, broken: false },
      { url: 'https://example.org/flyer.pdf', label: 'Flyer', placeholder: false, broken: false },
      { url: null, label: 'Leitfaden', placeholder: true, broken: false },
      { url: 'https://www.beispiel.de', label: null, placeholder: false, broken: false },
    ]);
    expect(found.placeholders).toEqual(['Leitfaden']);
  });
});

describe('funding', () => {
  it('normalises known funders from the genitive and suppresses the generic one', () => {
    expect(findFunders('aus Mitteln der gesetzlichen Krankenkassen im Rahmen des GKV-Bündnisses für Gesundheit')).toEqual([
      { name: 'GKV-Bündnis für Gesundheit', kind: 'krankenkassen', amountCents: null },
    ]);
    expect(findFunders('gefördert vom Hessischen Ministerium für Soziales und Integration')).toEqual([
      { name: 'Hessisches Ministerium für Soziales und Integration', kind: 'land', amountCents: null },
    ]);
    expect(findFunders('aus dem Europäischen Sozialfonds (ESF)')).toEqual([{ name: 'Europäischer Sozialfonds', kind: 'eu', amountCents: null }]);
  });

  it('reads amounts and their roles in a funding field', () => {
    const f = extractFunding('Zuwendung des Landes Hessen: 127.000,00 Euro\nEigenmittel: 20.000 EUR\nGesamtkosten: 147.000 Euro', { field: true });
    expect(f.grantCents).toBe(12_700_000);
    expect(f.ownCents).toBe(2_000_000);
    expect(f.totalCents).toBe(14_700_000);
    expect(f.sources).toEqual([
      { name: 'Land Hessen', kind: 'land', amountCents: 12_700_000 },
      { name: 'Eigenmittel', kind: 'eigenmittel', amountCents: 2_000_000 },
    ]);
  });

  it('gives each amount the role word next to it, also with several roles in one line', () => {
    const roles = (text: string) => {
      const f = extractFunding(text, { field: true });
      return { grant: f.grantCents, own: f.ownCents, total: f.totalCents, sources: f.sources.map((s) => [s.name, s.amountCents]) };
    };
    expect(roles('Gesamtausgaben 1,2 Mio. €, davon Zuwendung des Landes Hessen 850.000 EUR; Eigenmittel 350.000 EUR')).toEqual({
      grant: 85_000_000,
      own: 35_000_000,
      total: 120_000_000,
      sources: [['Land Hessen', 85_000_000], ['Eigenmittel', 35_000_000]],
    });
    expect(roles('Gesamtvolumen 96.500 Euro (Zuwendung der Stadt Kassel 72.375 Euro, Eigenmittel 24.125 Euro)')).toEqual({
      grant: 7_237_500,
      own: 2_412_500,
      total: 9_650_000,
      sources: [['Stadt Kassel', 7_237_500], ['Eigenmittel', 2_412_500]],
    });
    expect(roles('Förderung durch die Deutsche Bundesstiftung Umwelt (DBU) in Höhe von 125.000 €, Eigenanteil des Trägers 40.000 €')).toMatchObject({
      grant: 12_500_000,
      own: 4_000_000,
      sources: [['Deutsche Bundesstiftung Umwelt', 12_500_000], ['Eigenmittel', 4_000_000]],
    });
    // A role word right after the amount binds it; third-party funds are no grant.
    expect(roles('80.000 € Förderung durch das Land Hessen und 20.000 € Eigenmittel')).toMatchObject({ grant: 8_000_000, own: 2_000_000 });
    expect(roles('Drittmittel: 15 T€ (Sparkassen-Stiftung Dillenburg)')).toMatchObject({ grant: null, sources: [['Sparkassen-Stiftung Dillenburg', 1_500_000]] });
  });

  it('"X, davon Y": X is the whole; a municipality\'s own funds are no funder of their own; "(Bund)"', () => {
    expect(extractFunding('36.000 Euro, davon 27.000 Euro aus dem Förderprogramm „Nahmobilität“ des Landes Hessen.', { field: true })).toMatchObject({
      totalCents: 3_600_000,
      grantCents: 2_700_000,
      sources: [{ name: 'Land Hessen', amountCents: 2_700_000 }],
    });
    expect(extractFunding('Stadt Hanau (Eigenmittel) | 90.000 € | 30 %', { field: true }).sources).toEqual([{ name: 'Eigenmittel', kind: 'eigenmittel', amountCents: 9_000_000 }]);
    expect(findFunders('Kommunalrichtlinie (Bund), Förderquote 65 %')).toEqual([{ name: 'Bund', kind: 'bund', amountCents: null }]);
  });

  it('an amount a funder gives without role word is the grant when it is the only one', () => {
    const f = extractFunding('Die Anschaffung kostete rund 48.000 Euro; 36.000 Euro davon kamen aus dem Landesprogramm „Mobil im ländlichen Raum“.');
    expect(f).toMatchObject({ grantCents: 3_600_000, totalCents: 4_800_000, sources: [{ name: 'Land Hessen', kind: 'land', amountCents: 3_600_000 }] });
    // Two funders with an amount each: which is "the" grant is left to the editor.
    expect(extractFunding('Landkreis Darmstadt-Dieburg: 30.000 Euro\nBundesprogramm „Demokratie leben!“: 45.000 Euro', { field: true })).toMatchObject({
      grantCents: null,
      sources: [{ name: 'Landkreis Darmstadt-Dieburg', kind: 'kommune', amountCents: 3_000_000 }, { name: 'Bund', kind: 'bund', amountCents: 4_500_000 }],
    });
  });

  it('takes the role from the label when the line has none', () => {
    expect(extractFunding('50.000 EUR', { field: true, labelRole: 'grant' }).grantCents).toBe(5_000_000);
  });

  it('ignores "Gesundheitsförderung" and keeps an unnamed funding sentence as text', () => {
    expect(extractFunding('Die HAGE ist für Gesundheitsförderung zuständig.').text).toBeNull();
    const f = extractFunding('Das Projekt wird von einem örtlichen Unternehmen gefördert.');
    expect(f).toMatchObject({ sources: [], unnamed: true, text: 'Das Projekt wird von einem örtlichen Unternehmen gefördert.' });
  });
});

describe('sponsor in prose', () => {
  it('reads the organisation backwards from its legal form and drops the abbreviation', () => {
    expect(findSponsorInProse('Seit 2019 ist die Hessische Arbeitsgemeinschaft für Gesundheitsförderung e. V. (HAGE) mit der Federführung beauftragt.')).toEqual({
      name: 'Hessische Arbeitsgemeinschaft für Gesundheitsförderung e. V.',
      abbreviation: 'HAGE',
    });
    expect(findSponsorInProse('Träger ist die Bürgerenergie Lahn eG.')).toEqual({ name: 'Bürgerenergie Lahn eG', abbreviation: null });
    expect(findSponsorInProse('Die Stadt hat das Projekt beschlossen.')).toBeNull();
  });
});

describe('participation', () => {
  it.each([
    ['Aktuell können keine weiteren Landkreise an dem Projekt teilnehmen.', 'closed'],
    ['Die Teilnahme ist abgeschlossen.', 'closed'],
    ['Interessierte Kommunen können sich jederzeit bewerben.', 'open'],
    ['Eine Teilnahme ist weiterhin möglich.', 'open'],
    ['Weitere Geschäfte können jederzeit mitmachen.', 'open'],
    ['Die Teilnahme an unserem Netzwerk steht allen Kommunen im Kreis offen.', 'open'],
    ['Das Projekt wurde 2020 beendet.', 'unknown'],
  ])('%s → %s', (text, status) => expect(findParticipation(text).status).toBe(status));
});

describe('partners and target groups', () => {
  it('partners from a "Kooperationspartner sind …" sentence', () => {
    expect(findPartnersInProse('Kooperationspartner sind das Jobcenter, die Volkshochschule sowie das Ministerium für Soziales und Integration.').map((p) => p.name)).toEqual([
      'Jobcenter',
      'Volkshochschule',
      'Ministerium für Soziales und Integration',
    ]);
    expect(parsePartnersField('- NABU Kreisverband\n- Stadtwerke Marburg').map((p) => p.name)).toEqual(['NABU Kreisverband', 'Stadtwerke Marburg']);
  });

  it('target groups only when named', () => {
    expect(findTargetGroupsInProse('Alle Angebote für die Zielgruppe sind freiwillig.')).toEqual([]);
    expect(findTargetGroupsInProse('Zielgruppen sind Langzeitarbeitslose und Alleinerziehende.')).toEqual(['Langzeitarbeitslose', 'Alleinerziehende']);
    expect(parseTargetGroupsField('Schülerinnen und Schüler der Klassen 5 bis 7')).toEqual(['Schülerinnen und Schüler der Klassen 5 bis 7']);
    expect(parseTargetGroupsField('Bürgerinnen und Bürger, Vereine')).toEqual(['Bürgerinnen und Bürger', 'Vereine']);
    // Alternatives within one group, not three groups.
    expect(parseTargetGroupsField('Haushalte mit Bezug von Bürgergeld, Wohngeld oder Kinderzuschlag')).toEqual(['Haushalte mit Bezug von Bürgergeld, Wohngeld oder Kinderzuschlag']);
    expect(parseTargetGroupsField('Familien, Vereine oder Schulklassen')).toEqual(['Familien', 'Vereine', 'Schulklassen']);
  });
});

describe('second round of generic rules', () => {
  it('a region in parentheses after a name tells which town is meant', () => {
    expect(findPlaces('Die Dorfplätze entstehen in Reichelsheim (Odenwald).')).toEqual([{ regionId: null, label: 'Reichelsheim (Odenwald)', focus: false }]);
    expect(findPlaces('in der Gemeinde Lautertal (Vogelsberg)')).toEqual([{ regionId: null, label: 'Gemeinde Lautertal (Vogelsberg)', focus: false }]);
    // A district named as such stays a place; a town of the gazetteer keeps its region.
    expect(findPlaces('Gemeinde Grebenhain (Vogelsbergkreis)').map((p) => p.regionId)).toEqual([null, 'lk-vogelsberg']);
    expect(findPlaces('in Kassel (Nordhessen)').map((p) => p.regionId)).toEqual(['st-kassel']);
    expect(parsePlacesField('Brensbach, Reichelsheim (Odenwald)').map((p) => p.label)).toEqual(['Brensbach', 'Reichelsheim (Odenwald)']);
    expect(parsePlacesField('Stadtwald Idstein (Rheingau-Taunus-Kreis)').map((p) => [p.label, p.regionId])).toEqual([
      ['Stadtwald Idstein', null],
      ['Rheingau-Taunus-Kreis', 'lk-rheingau-taunus'],
    ]);
  });

  it('a later date after an open start is the end of a period field', () => {
    expect(parsePeriodField('Planung seit 2019, Bezug im Mai 2023')).toMatchObject({ start: '2019', end: '2023-05' });
    expect(parsePeriodField('seit 2017, dauerhaft')).toMatchObject({ start: '2017', end: null });
    expect(parsePeriodField('Konzept 2020–2021, Sanierungsmanagement 2022–2025')).toMatchObject({ start: '2020', end: '2025' });
  });

  it('registration that is possible means open, unless negated', () => {
    expect(findParticipation('Anmeldungen sind bis 30.06.2025 möglich.').status).toBe('open');
    expect(findParticipation('Anmeldungen sind nicht mehr möglich.').status).toBe('closed');
  });

  it('total and own funds under other names, a programme as source', () => {
    const f = extractFunding('Gesamtinvestition 3,1 Mio. €; Eigenkapital der Genossenschaft 0,6 Mio. €; Zuschuss des Landes Hessen 280.000 €', { field: true });
    expect(f).toMatchObject({ totalCents: 310_000_000, ownCents: 60_000_000, grantCents: 28_000_000 });
    expect(f.sources.map((s) => s.name)).toEqual(['Eigenmittel', 'Land Hessen']);
    expect(findFunders('mit Mitteln aus dem Kommunalen Investitionsprogramm (KIP) finanziert')).toEqual([{ name: 'Kommunales Investitionsprogramm', kind: 'sonstige', amountCents: null }]);
    expect(findFunders('aus dem Förderprogramm des Landes Hessen').map((s) => s.name)).toEqual(['Land Hessen']);
  });

  it('an organisation with its address in a contact block or signature', () => {
    expect(findOrganisationWithAddress('Stadt Idstein, Fachbereich Umwelt\nKönig-Adolf-Platz 2, 65510 Idstein')).toEqual({ name: 'Stadt Idstein, Fachbereich Umwelt', street: 'König-Adolf-Platz 2', postcode: '65510', city: 'Idstein' });
    expect(findOrganisationWithAddress('Maria Schulz\nGemeinde Biebergemünd\nLindenstraße 9\n63599 Biebergemünd\nTel. 06050 9711-23')).toMatchObject({ name: 'Gemeinde Biebergemünd', street: 'Lindenstraße 9' });
    expect(findOrganisationWithAddress('Jobcenter Offenbach GmbH, Berliner Straße 190, 63067 Offenbach am Main, Telefon 069 8065-0')).toMatchObject({ name: 'Jobcenter Offenbach GmbH', postcode: '63067', city: 'Offenbach am Main' });
    // A person right above the address is no organisation.
    expect(findOrganisationWithAddress('Maria Schulz\nLindenstraße 9\n63599 Biebergemünd')).toBeNull();
  });

  it('parts of a town named by its adjective, towns listed after a compound of "Gemeinden"', () => {
    expect(findPlaces('In der Kasseler Nordstadt stehen Hochbeete.')).toEqual([{ regionId: 'st-kassel', label: 'Kasseler Nordstadt', focus: false }]);
    expect(findPlaces('Idsteiner Bürgerinnen pflanzen Bäume.')).toEqual([]);
    expect(findPlaces('gemeinsam mit den Nachbargemeinden Flörsbachtal und Jossgrund Mitfahrten').map((p) => p.label)).toEqual(['Flörsbachtal', 'Jossgrund']);
  });

  it('target groups after "richtet sich an", without the place that follows', () => {
    expect(findTargetGroupsInProse('Das Angebot richtet sich an Langzeitarbeitslose über 50 Jahre in Offenbach am Main und im Kreis Offenbach.')).toEqual(['Langzeitarbeitslose über 50 Jahre']);
  });

  it('partners after "in Zusammenarbeit mit" only where the names end the clause', () => {
    expect(findPartnersInProse('Nachbarschaftszentrum e. V. – in Zusammenarbeit mit dem Umwelt- und Gartenamt der Stadt Kassel')).toEqual([{ name: 'Umwelt- und Gartenamt der Stadt Kassel', role: null, website: null }]);
    expect(findPartnersInProse('Im Herbst pflanzen die Klassen gemeinsam mit Förstern junge Bäume.')).toEqual([]);
    expect(parsePartnersField('Jugendpflegen der Städte Eschwege und Hessisch Lichtenau, Sportjugend').map((p) => p.name)).toEqual(['Jugendpflegen der Städte Eschwege und Hessisch Lichtenau', 'Sportjugend']);
  });
});

describe('third round of generic rules', () => {
  it('quarters and half-years: the first month when a period starts there, the last when it ends there', () => {
    expect(findPeriod('Timeline: Q3/2022 – Q2/2025')).toMatchObject({ start: '2022-07', end: '2025-06' });
    expect(findPeriod('vom 3. Quartal 2021 bis 2. Halbjahr 2023')).toMatchObject({ start: '2021-07', end: '2023-12' });
    expect(findPeriod('Abschluss bis Q4 2024')).toMatchObject({ start: null, end: '2024-12' });
    expect(parsePeriodField('Start Q1/23')).toMatchObject({ start: '2023-01', end: null });
  });

  it('a date in the sentence of a verb that starts something is the start', () => {
    expect(findPeriod('Deshalb hat der Kreis im Herbst 2022 gemeinsam mit Partnern ein Pfandsystem eingeführt.')).toMatchObject({ start: '2022', text: 'im Herbst 2022' });
    // Without such a verb a date in a sentence is no period.
    expect(findPeriod('Im Herbst 2022 war es trocken.')).toBeNull();
  });

  it('funding: the land under other words, the municipality\'s share, an unstated remainder, the parts after "davon"', () => {
    const land = extractFunding('Gesamtausgaben: 260.000 Euro\ndavon Landeszuwendung (Klimarichtlinie): 182.000 Euro\ndavon kommunaler Anteil: 78.000 Euro', { field: true });
    expect(land.sources).toEqual([{ name: 'Land Hessen', kind: 'land', amountCents: 18_200_000 }]);
    expect([land.totalCents, land.ownCents]).toEqual([26_000_000, 7_800_000]);
    const rest = extractFunding('480 TEUR, davon 360 TEUR LEADER, Rest Eigenmittel LK', { field: true, labelRole: 'total' });
    expect(rest.sources).toContainEqual({ name: 'LEADER', kind: 'eu', amountCents: 36_000_000 });
    expect([rest.totalCents, rest.grantCents, rest.ownCents]).toEqual([48_000_000, 36_000_000, null]);
  });

  it('funding: a free role word explains the nearest amount before it', () => {
    const f = extractFunding('Die Becher kosteten rund 95.000 Euro. 60.000 Euro kamen aus dem Förderprogramm des Hessischen Ministeriums für Soziales und Integration, 35.000 Euro brachte der Kreis als Eigenanteil auf.');
    expect(f.ownCents).toBe(3_500_000);
    expect(f.sources).toContainEqual({ name: 'Hessisches Ministerium für Soziales und Integration', kind: 'land', amountCents: 6_000_000 });
  });

  it('funders as the subject of the verb or in the genitive, not a known funder twice and not people', () => {
    expect(findFunders('Den Bauwagen hat der Förderverein mit Spenden von rund 18.000 Euro finanziert.')).toEqual([{ name: 'Förderverein', kind: 'sonstige', amountCents: null }]);
    expect(findFunders('Zuschuss der Umweltlotterie GENAU: 8.500 €')).toEqual([{ name: 'Umweltlotterie GENAU', kind: 'sonstige', amountCents: null }]);
    expect(findFunders('Das Projekt erhielt einen Zuschuss des Landes.')).toEqual([{ name: 'Land Hessen', kind: 'land', amountCents: null }]);
    expect(findFunders('Spenden der Bürgerinnen und Bürger finanzierten den Rest.')).toEqual([]);
    // "Förderung der …" names what is promoted as often as who pays.
    expect(findFunders('Ziel ist die Förderung der Gesundheit.')).toEqual([]);
  });

  it('a contact block: an office before the person, a letter signed "i. A."', () => {
    expect(parseContactBlock('Fachabteilung Umwelt, Frau Carolin Weidmann\nTelefon 06074 911-520')).toMatchObject([{ name: 'Carolin Weidmann', phone: '+49 6074 911520' }]);
    expect(parseContactBlock('i. A. Kerstin Vogel\nTel. 05681 994-215')).toMatchObject([{ name: 'Kerstin Vogel', phone: '+49 5681 994215' }]);
  });

  it('the sponsor in prose: a municipality as the subject of the verb that started the project; the registered name of a club', () => {
    expect(findSponsorInProse('Deshalb hat der Wetteraukreis im Herbst 2022 ein Pfandsystem eingeführt.')?.name).toBe('Wetteraukreis');
    expect(findSponsorInProse('Die Gemeinde Biebertal hat 2021 einen Bürgerbus eingerichtet.')?.name).toBe('Gemeinde Biebertal');
    // A municipality that only appears in the sentence is no sponsor.
    expect(findSponsorInProse('Der Bus fährt durch die Gemeinde Biebertal.')).toBeNull();
    expect(findSponsorInProse('Veranstalter ist der Verein Lebenswertes Lich e. V., Kontakt: Jutta Brückner')?.name).toBe('Lebenswertes Lich e. V.');
  });

  it('participation: a quotation and a sentence about investing money are no offer to join', () => {
    expect(findParticipation('„Mit dem Modell können sich Bürgerinnen und Bürger an der Energiewende beteiligen“, sagte der Oberbürgermeister.').status).toBe('unknown');
    expect(findParticipation('Bürgerinnen und Bürger können sich schon ab 250 Euro beteiligen.').status).toBe('unknown');
    expect(findParticipation('Weitere Kommunen können sich beteiligen.').status).toBe('open');
  });

  it('partners after "gemeinsam mit" up to the legal form that ends the name; "LK" for Landkreis', () => {
    expect(findPartnersInProse('Deshalb hat der Kreis gemeinsam mit der Wirtschaftsförderung Wetterau GmbH ein Pfandsystem eingeführt.').map((p) => p.name)).toEqual(['Wirtschaftsförderung Wetterau GmbH']);
    expect(findPlaces('6 Dörfer im LK Waldeck-Frankenberg')).toMatchObject([{ regionId: 'lk-waldeck-frankenberg', label: 'LK Waldeck-Frankenberg' }]);
  });
});

describe('rules prompted by set E', () => {
  it('phone numbers spaced out or with the area code in parentheses; e-mails written with [at]', () => {
    expect(normalisePhone('0 62 51 / 14-2 37')).toBe('+49 6251 14237');
    expect(normalisePhone('(0 27 72) 58 34-12')).toBe('+49 2772 583412');
    expect(findEmail('annegret.kolb[at]diakonie-lahn-dill.example')).toBe('annegret.kolb@diakonie-lahn-dill.example');
    expect(findEmail('info (at) verein (dot) example')).toBe('info@verein.example');
  });

  it('school years and Roman quarters', () => {
    expect(parsePeriodField('Pilotphase im Schuljahr 2024/25, Verstetigung ab August 2025')).toMatchObject({ start: '2024-08', end: null });
    expect(findPeriod('II. Quartal 2023 bis IV. Quartal 2025')).toMatchObject({ start: '2023-04', end: '2025-12' });
  });

  it('a deadline to register is no end of the project', () => {
    expect(findPeriod('Kommunen können sich bis zum 31. Januar 2026 melden.')).toBeNull();
    expect(findParticipation('Kommunen, die weitere Bäume bestellen wollen, können sich bis zum 31. Januar 2026 melden.').status).toBe('open');
    expect(findParticipation('Anträge für 2026 können vom 1. Februar bis zum 30. September 2026 eingereicht werden.').status).toBe('open');
  });

  it('funding: a total explains one amount; a funder and its amount in one clause; the municipalities sharing the rest', () => {
    const f = extractFunding('Von den Gesamtkosten (rund 540.000 Euro) übernimmt das Land Hessen über seine Klimarichtlinie 180.000 Euro, die übrigen Kosten teilen sich die Kommunen nach der Zahl ihrer Bäume.');
    expect(f.sources).toEqual([
      { name: 'Land Hessen', kind: 'land', amountCents: 18_000_000 },
      { name: 'Kommunale Mittel', kind: 'kommune', amountCents: null },
    ]);
    expect([f.totalCents, f.grantCents]).toEqual([54_000_000, 18_000_000]);
    const own = extractFunding('Den Kleinbus haben wir mit rund 78.000 Euro aus dem Förderprogramm des Landes Hessen finanziert, den Rest von ca. 12.000 Euro hat die Gemeinde getragen.');
    expect(own.sources).toEqual([
      { name: 'Land Hessen', kind: 'land', amountCents: 7_800_000 },
      { name: 'Eigenmittel', kind: 'eigenmittel', amountCents: 1_200_000 },
    ]);
    expect(findFunders('Drittmittel: 25 T€ (Stadt Herborn)')).toEqual([{ name: 'Stadt Herborn', kind: 'kommune', amountCents: null }]);
    expect(findFunders('EU-Förderung aus dem LIFE-Programm')).toContainEqual({ name: 'LIFE', kind: 'eu', amountCents: null });
    // "über" after a word boundary: the programme a sum comes from.
    expect(findFunders('finanziert über Mitteln des Kommunalen Investitionsprogramms')).toEqual([{ name: 'Kommunales Investitionsprogramm', kind: 'sonstige', amountCents: null }]);
  });

  it('a team that shares phone and e-mail; an organisation above its office', () => {
    const team = parseContactBlock('Ihr Team Kommunen: Dr. Henrik Pauly und Mira Schneider\nTel. 06441/407-1830 · kommunen@agentur.example');
    expect(team.map((c) => [c.name, c.role, c.phone, c.email])).toEqual([
      ['Dr. Henrik Pauly', 'Team Kommunen', '+49 6441 4071830', 'kommunen@agentur.example'],
      ['Mira Schneider', 'Team Kommunen', '+49 6441 4071830', 'kommunen@agentur.example'],
    ]);
    expect(findOrganisationWithAddress('Rheingau-Taunus-Kreis\nDer Kreisausschuss – Fachdienst Klimaschutz\nHeimbacher Straße 7\n65307 Bad Schwalbach')?.name).toBe('Rheingau-Taunus-Kreis');
    expect(parseOrganisationBlock('Kreis Groß-Gerau – Der Kreisausschuss | Wilhelm-Seipp-Straße 4 | 64521 Groß-Gerau\nSie erhalten diesen Newsletter.')).toMatchObject({ name: 'Kreis Groß-Gerau', street: 'Wilhelm-Seipp-Straße 4', postcode: '64521' });
  });

  it('partners: a list ends at a relative clause; a verb after the name of a body ends it; "·" separates', () => {
    expect(findPartnersInProse('Kooperationspartner sind die DADINA und der VdK-Ortsverband Fischbachtal, der bei der Suche nach Fahrerinnen und Fahrern hilft.').map((p) => p.name)).toEqual(['DADINA', 'VdK-Ortsverband Fischbachtal']);
    expect(findPartnersInProse('Die Baumarten wurden in Zusammenarbeit mit der Hochschule Geisenheim ausgewählt.').map((p) => p.name)).toEqual(['Hochschule Geisenheim']);
    expect(parsePartnersField('Gemeinde A · Stadtteilbüro B · Laden C').map((p) => p.name)).toEqual(['Gemeinde A', 'Stadtteilbüro B', 'Laden C']);
  });

  it('target groups and their places from "richtet sich an …"; towns listed after "Stadtteile" and bare "Gemeinden"', () => {
    expect(parseTargetGroupsField('Das Angebot richtet sich an Kommunen im Lahn-Dill-Kreis und im Landkreis Gießen, vor allem an kleinere Gemeinden.')).toEqual(['Kommunen', 'kleinere Gemeinden']);
    expect(findPlaces('Stadtteile Auerbach und Zell').map((p) => p.label)).toEqual(['Auerbach', 'Zell']);
    expect(findPlaces('mit den Gemeinden Lautertal (Odenwald), Ober-Ramstadt und Ringgau').map((p) => p.label)).toEqual(['Lautertal (Odenwald)', 'Ober-Ramstadt', 'Ringgau']);
  });
});

describe('kind of contribution', () => {
  it('named by the heading or shown by two typical sections; a municipality\'s own programme for households is a project', () => {
    expect(detectKind('Förderprogramm „Klimafit im Verein“', '').kind).toBe('foerderung');
    expect(detectKind('Klimafit', 'Wer kann einen Antrag stellen? Vereine. Antragsfrist: 30.09.').kind).toBe('foerderung');
    expect(detectKind('Sanierungsfahrplan', 'BERATUNGSANGEBOT FÜR KOMMUNEN. So läuft die Beratung ab. Für wen?').kind).toBe('beratung');
    expect(detectKind('Naturnahe Friedhöfe – Ein Praxisleitfaden', '').kind).toBe('material');
    expect(detectKind('Zisternenförderprogramm „Regen sammeln“', 'Private Haushalte erhalten einen Zuschuss.').kind).toBe('projekt');
    expect(detectKind('Energieberatung für Mieterinnen', 'Projektträger: Verbraucherzentrale').kind).toBe('projekt');
  });
});

describe('rules prompted by set G', () => {
  it('a sponsor, donor or the project\'s own municipality as the subject of "bezahlt", "gesponsert", "finanziert"', () => {
    const sponsored = extractFunding('Die Sparkasse Oberhessen hat Gießkannen und Schilder mit 4.500 € gesponsert.');
    expect(sponsored.sources).toEqual([{ name: 'Sparkasse Oberhessen', kind: 'sonstige', amountCents: 450_000 }]);
    // Sponsoring is no grant.
    expect(sponsored.grantCents).toBeNull();
    // The thing paid for may come first: then the municipality after "hat" pays, out of its own funds.
    const own = extractFunding('Die Erstausstattung hat die Stadt mit 4.000 € bezahlt.');
    expect(own.sources).toEqual([{ name: 'Eigenmittel', kind: 'eigenmittel', amountCents: 400_000 }]);
    expect(own.ownCents).toBe(400_000);
    expect(extractFunding('Die Setzlinge bezahlt die Stadt, im Jahr etwa 3.500 €.').sources).toEqual([{ name: 'Eigenmittel', kind: 'eigenmittel', amountCents: 350_000 }]);
    expect(extractFunding('Die sieben Messstellen haben rund 21.000 € gekostet.').totalCents).toBe(2_100_000);
  });

  it('a period in a sentence that says the project runs goes before the dates of its background', () => {
    expect(findPeriod('Nach den trockenen Sommern 2018 bis 2020 starben viele Bäume. Die Pilotphase läuft vom Frühjahr 2021 bis voraussichtlich Ende 2024.')).toEqual({
      start: '2021',
      end: '2024',
      text: 'vom Frühjahr 2021 bis voraussichtlich Ende 2024',
    });
    // Without such a sentence the earliest date still wins.
    expect(findPeriod('Von 2018 bis 2020 geplant, umgesetzt 2021 bis 2022.')?.start).toBe('2018');
  });

  it('a focus word before one item of a places field marks only that item', () => {
    expect(parsePlacesField('Hanau (Main-Kinzig-Kreis), Schwerpunkt Stadtteil Lamboy').map((p) => [p.label, p.focus])).toEqual([
      ['Hanau', false],
      ['Main-Kinzig-Kreis', false],
      ['Stadtteil Lamboy', true],
    ]);
  });

  it('one contact per line, each with the organisation they work for and their role in parentheses', () => {
    const block = 'Malte Schwarz, Sportkreis Wetterau e. V. (Vereinsberatung), Tel. 06031 71 84 20, m.schwarz@sportkreis.example\nIlka Bernhardt, Energieagentur Vogelsberg gGmbH (Energieberaterin), Tel. 06641 977-315, i.bernhardt@ea.example';
    expect(parseContactBlock(block).map((c) => [c.name, c.role, c.phone, c.email])).toEqual([
      ['Malte Schwarz', 'Vereinsberatung', '+49 6031 718420', 'm.schwarz@sportkreis.example'],
      ['Ilka Bernhardt', 'Energieberaterin', '+49 6641 977315', 'i.bernhardt@ea.example'],
    ]);
    // A person's second line of details stays theirs.
    expect(parseContactBlock('Jana Krüger, Tel. 05542 508-130\nFax 05542 508-131, j.krueger@stadt.example')).toHaveLength(1);
  });

  it('the ticked boxes of a form and a "Weitere:" line are one list of target groups', () => {
    expect(parseTargetGroupsField('Vereine, Kirchengemeinden\nWeitere: Fördervereine von Dorfgemeinschaftshäusern')).toEqual(['Vereine', 'Kirchengemeinden', 'Fördervereine von Dorfgemeinschaftshäusern']);
  });

  it('a field that names the kind; a grant notice is about a project, not a programme', () => {
    expect(detectKind('Energiecheck fürs Vereinsheim', 'Art des Beitrags\nBeratungsangebot\n\nBezeichnung: Energiecheck').kind).toBe('beratung');
    expect(detectKind('Hanau blüht auf', 'typ: Förderprogramm\ntitel: Hanau blüht auf').kind).toBe('foerderung');
    const notice = 'Zuwendungsbescheid\nFördersatz: 80 %\nZuwendung: höchstens 149.200,00 €\nDer Verwendungsnachweis ist vorzulegen.';
    expect(detectKind('Wiesenvielfalt', notice).kind).toBe('projekt');
  });

  it('eligible costs are the total, unless a rate is taken of them; "aus eigenen Mitteln" are own funds', () => {
    const notice = extractFunding('Zuwendungsfähige Ausgaben: 186.500,00 €\nZuwendung: höchstens 149.200,00 €\nDen verbleibenden Anteil von 37.300,00 € trägt der Zuwendungsempfänger aus eigenen Mitteln.', { field: true, labelRole: 'grant' });
    expect([notice.totalCents, notice.grantCents, notice.ownCents]).toEqual([18_650_000, 14_920_000, 3_730_000]);
    expect(notice.sources.map((s) => s.name)).toContain('Eigenmittel');
    const rate = extractFunding('Zuwendung des Landes Hessen: 60 % der förderfähigen Ausgaben, höchstens 80.000 € jährlich.');
    expect([rate.grantCents, rate.totalCents]).toEqual([8_000_000, null]);
  });

  it('English amounts and months', () => {
    expect(findAmounts('An investment of EUR 185,000, of which EUR 120,000 came from the ministry').map((a) => a.cents)).toEqual([18_500_000, 12_000_000]);
    // German decimals and millions stay as they were.
    expect(findAmounts('1,250 Mio. € und 12,50 €').map((a) => a.cents)).toEqual([125_000_000, 1250]);
    expect(parsePeriodField('May 2019 – ongoing')).toMatchObject({ start: '2019-05', end: null });
  });

  it('Leichte Sprache: the start in one sentence, the end in the next one that says how long it lasts; one funder and one amount in a funding section', () => {
    expect(findPeriod('Das Projekt hat im April 2022 angefangen. Das Projekt dauert bis Ende 2025.')).toMatchObject({ start: '2022-04', end: '2025' });
    // A later "bis" in a sentence that is not about the project's duration is no end.
    expect(findPeriod('Seit dem Schuljahr 2019/20 sparen die Schulen. Klimawirkung: bis Ende 2024 sollen es 20 % sein.')).toMatchObject({ end: null });
    const field = extractFunding('Das Land Hessen gibt Geld für das Projekt.\nDas Geld kommt vom Sozial·ministerium.\nEs sind 90.000 Euro.', { field: true, labelRole: null });
    expect(field.sources).toEqual([{ name: 'Land Hessen', kind: 'land', amountCents: 9_000_000 }]);
    expect(field.grantCents).toBe(9_000_000);
    expect(findPlaces('Die Wege sind in Nord-Hessen.').map((p) => p.regionId)).toEqual(['rb-kassel']);
  });

  it('a list introduced by a sentence; an address under a contact\'s name is not their role', () => {
    expect(parsePartnersField('Wir arbeiten zusammen mit:\n- dem Naturpark Kellerwald-Edersee\n- Hessen-Forst').map((p) => p.name)).toEqual(['Naturpark Kellerwald-Edersee', 'Hessen-Forst']);
    expect(parseContactBlock('Frau Meike Schäfer\nKasseler Straße 88\n36251 Bad Hersfeld\nTelefon: 06621 507030')[0]).toMatchObject({ name: 'Meike Schäfer', role: null });
  });

  it('"die übrigen Kosten teilen sich der Kreis und die drei Gemeinden": municipal funds', () => {
    expect(extractFunding('Die übrigen Kosten teilen sich der Vogelsbergkreis und die drei Gemeinden.').sources.map((s) => s.name)).toContain('Kommunale Mittel');
  });

  it('a funding table with a sum column: each row states its sum', () => {
    const table = extractFunding('Bau der Trinkbrunnen | 96.000 € | 144.000 € | 72.000 € | 312.000 €\nGesamt | 96.000 € | 162.000 € | 96.000 € | 354.000 €\ndavon Zuschuss Land Hessen | 48.000 € | 72.000 € | – | 120.000 €', { field: true, labelRole: null });
    expect([table.totalCents, table.grantCents]).toEqual([35_400_000, 12_000_000]);
    expect(table.sources).toEqual([{ name: 'Land Hessen', kind: 'land', amountCents: 12_000_000 }]);
    // Amounts in a row that do not add up are all read.
    expect(extractFunding('Zuschuss Land Hessen | 48.000 € | 72.000 € | 10.000 €', { field: true, labelRole: null }).grantCents).toBe(4_800_000);
  });

  it('the footer line of a letter or page names an organisation with its address', () => {
    expect(findFooterOrganisation('Text.\n\nWissenschaftsstadt Darmstadt · Umweltamt · Frankfurter Straße 71 · 64293 Darmstadt')).toEqual({
      name: 'Wissenschaftsstadt Darmstadt',
      street: 'Frankfurter Straße 71',
      postcode: '64293',
      city: 'Darmstadt',
    });
    // A person in the footer is no organisation; a footer without a town is no address.
    expect(findFooterOrganisation('Text.\nAnna Muster · Hauptstraße 1 · 35390 Gießen')).toBeNull();
    expect(findFooterOrganisation('Text.\nImpressum · Datenschutz · Kontakt')).toBeNull();
  });
});

describe('rules prompted by set H', () => {
  it('thousands written before the number, and amounts per season', () => {
    expect(findAmounts('T€ 30 aus dem Landesprogramm, TEUR 15 Eigenmittel, 45 T€').map((a) => a.cents)).toEqual([3_000_000, 1_500_000, 4_500_000]);
    expect(extractFunding('Kosten: T€ 45 je Saison').totalCents).toBe(4_500_000);
  });

  it('a later "seit" in a period field starts a stage and ends nothing', () => {
    expect(parsePeriodField('seit 2017 (Pilot), seit 2020 regulär')).toMatchObject({ start: '2017', end: null });
    expect(parsePeriodField('Planung seit 2019, Bezug im Mai 2023')).toMatchObject({ start: '2019', end: '2023-05' });
  });

  it('calendar weeks, "bis mindestens"', () => {
    expect(findPeriod('Der Check ist in KW 14/2024 als Pilot gestartet und läuft bis mindestens Ende 2026.')).toMatchObject({ start: '2024-04', end: '2026' });
    // Week 1 of 2021 begins on 4 January; week 53 of 2020 ends in December.
    expect(parseDateToken('KW 1/2021')).toBe('2021-01');
    expect(parseDateToken('KW 53/2020')).toBe('2020-12');
    expect(parseDateToken('KW 54/2020')).toBeNull();
  });

  it('"hat die Gemeinde … aus ihrem Budget bezahlt": own funds, and a bare "Gemeinde" is no funder of its own', () => {
    const own = extractFunding('Die Infoabende hat die Gemeinde mit rund 8.000 Euro aus ihrem Klimaschutzbudget bezahlt.');
    expect(own.sources).toEqual([{ name: 'Eigenmittel', kind: 'eigenmittel', amountCents: 800_000 }]);
    expect([own.ownCents, own.grantCents]).toEqual([800_000, null]);
  });

  it('a budget plan\'s payments: "Gesamtauszahlungen" the total, "Zuweisungen" the grant', () => {
    const plan = extractFunding('Gesamtauszahlungen der Maßnahme: 1.780.000 €\nEinzahlungen aus Zuweisungen des Bundes (Kommunalrichtlinie): 445.000 €', { field: true, labelRole: null });
    expect([plan.totalCents, plan.grantCents]).toEqual([178_000_000, 44_500_000]);
  });

  it('a places field listing the parts of a town, the town in parentheses', () => {
    expect(parsePlacesField('Stadtteile Bornheim und Nordend (Frankfurt am Main)').map((p) => [p.label, p.regionId])).toEqual([
      ['Bornheim', null],
      ['Nordend', null],
      ['Frankfurt am Main', 'st-frankfurt'],
    ]);
    expect(parsePlacesField('Ortsteile Auerbach und Zell').map((p) => p.label)).toEqual(['Auerbach', 'Zell']);
  });
});

describe('rules prompted by set I', () => {
  it('a contact line whose parts are separated by "|"', () => {
    expect(parseContactBlock('Tanja Gerlach | Fachbereich Klimaschutz | 0561 1003-1874 | klimabonus@landkreiskassel.example')).toEqual([
      { name: 'Tanja Gerlach', role: 'Fachbereich Klimaschutz', phone: '+49 561 10031874', email: 'klimabonus@landkreiskassel.example', publishConsent: false },
    ]);
  });
});


describe('rules of round nine (documents on several topics)', () => {
  it('a district named by its own name pays ("der Hochtaunuskreis beteiligt sich"), the council\'s money is own funds', () => {
    const f = extractFunding('Für das Pilotjahr hat die Gemeindevertretung 15.000 Euro bereitgestellt; der Hochtaunuskreis beteiligt sich mit 5.000 Euro.');
    expect(f.sources).toEqual([
      { name: 'Eigenmittel', kind: 'eigenmittel', amountCents: 1_500_000 },
      { name: 'Hochtaunuskreis', kind: 'kommune', amountCents: 500_000 },
    ]);
    expect(f.ownCents).toBe(1_500_000);
    expect(findFunders('mit einem Zuschuss des Lahn-Dill-Kreises')).toEqual([{ name: 'Lahn-Dill-Kreis', kind: 'kommune', amountCents: null }]);
  });

  it('a district inside "teilen sich … und die Gemeinden" is one of the municipalities that share the rest', () => {
    expect(findFunders('Die übrigen Kosten teilten sich der Vogelsbergkreis und die drei Gemeinden.')).toEqual([{ name: 'Kommunale Mittel', kind: 'kommune', amountCents: null }]);
  });

  it('the price a user pays ("für einen Eigenanteil von 5 Euro") is no money of the project', () => {
    const f = extractFunding('Junge Leute fahren für einen Eigenanteil von 5 Euro mit dem Taxi nach Hause. Dafür hat die Gemeinde 15.000 Euro bereitgestellt.');
    expect(f.ownCents).toBe(1_500_000);
    expect(f.sources).toEqual([{ name: 'Eigenmittel', kind: 'eigenmittel', amountCents: 1_500_000 }]);
  });

  it('a person named with an office before and a room after ("unser Umweltbeauftragter …", "… im Rathaus")', () => {
    expect(parseContactBlock('unser Umweltbeauftragter Matthias Quandt, Telefon 06042 958831, umwelt@ekg.example')[0]).toMatchObject({ name: 'Matthias Quandt', role: 'Umweltbeauftragter' });
    expect(parseContactBlock('Frau Sabine Roth im Rathaus, Telefon 06083 9109-22')[0]).toMatchObject({ name: 'Sabine Roth', phone: '+49 6083 910922' });
  });

  it('a footer with the publisher\'s label and the address after commas', () => {
    const text = 'Text\n\nImpressum: Herausgeber: Evangelische Kirchengemeinde Büdingen, Schlossgasse 4, 63654 Büdingen, www.ekg.example · Redaktion: Team · Auflage: 3.200 Stück';
    expect(findFooterOrganisation(text)).toEqual({ name: 'Evangelische Kirchengemeinde Büdingen', street: 'Schlossgasse 4', postcode: '63654', city: 'Büdingen' });
    expect(findFooterOrganisation('Text\n\nHerausgeber: Kreis Groß-Gerau – Der Kreisausschuss | Wilhelm-Seipp-Straße 4 | 64521 Groß-Gerau')?.name).toBe('Kreis Groß-Gerau');
  });

  it('"Wer … mitmachen möchte, ist herzlich willkommen!" invites to join', () => {
    expect(findParticipation('Wer im Umweltteam mitmachen möchte, ist herzlich willkommen!').status).toBe('open');
  });

  it('partners named by the words of public bodies ("Jugendpflege", "Taxizentrale")', () => {
    expect(findPartnersInProse('Das Jugendtaxi entstand in Zusammenarbeit mit der Jugendpflege Usinger Land und der Taxizentrale Hochtaunus.').map((p) => p.name)).toEqual(['Jugendpflege Usinger Land', 'Taxizentrale Hochtaunus']);
  });
});

describe('rules of round ten (set J)', () => {
  it('"… zahlt die Stadt" is a funding sentence: the municipality\'s own funds', () => {
    const f = extractFunding('Die Telefonkosten von rund 3.000 Euro im Jahr zahlt die Stadt.');
    expect(f.sources).toEqual([{ name: 'Eigenmittel', kind: 'eigenmittel', amountCents: 300_000 }]);
  });
});

describe('rules of round ten, continued (set J)', () => {
  it('the kind named in a table row by its own word ("| Art des Angebots | Beratung |")', () => {
    expect(detectKind('Starthilfe Wärmeplanung', '| Bezeichnung | Starthilfe |\n| Art des Angebots | Beratung |').kind).toBe('beratung');
    expect(detectKind('Starthilfe', 'Art des Beitrags: Praxisbeispiel').kind).toBe('projekt');
  });

  it('"den Rest tragen die beiden Landkreise": the municipalities\' money', () => {
    expect(findFunders('den Rest von 96.000 € tragen die beiden Landkreise zu gleichen Teilen')).toEqual([{ name: 'Kommunale Mittel', kind: 'kommune', amountCents: null }]);
  });

  it('a "Kosten" field states one total, the first amount; a later one belongs to its funder', () => {
    const f = extractFunding('rund 1,1 Mio. Euro; das Land Hessen übernimmt 780.000 Euro, den Rest tragen die Kommunen anteilig.', { field: true, labelRole: 'total' });
    expect(f.totalCents).toBe(110_000_000);
    expect(f.sources).toEqual([
      { name: 'Land Hessen', kind: 'land', amountCents: 78_000_000 },
      { name: 'Kommunale Mittel', kind: 'kommune', amountCents: null },
    ]);
  });

  it('"Anträge … sind bis zum 31. März einzureichen" invites applications', () => {
    expect(findParticipation('Anträge für das laufende Jahr sind jeweils bis zum 31. März beim Kreisausschuss einzureichen.').status).toBe('open');
  });
});

describe('rules of round eleven (set K)', () => {
  it('"der Umbaukosten von insgesamt 80.000 Euro" is the whole; "Förderung … mit insgesamt 112 T€" is not', () => {
    expect(extractFunding('Das Land hat die Küche mit 64.000 Euro gefördert, den Rest der Umbaukosten von insgesamt 80.000 Euro hat die Stadt übernommen.').totalCents).toBe(8_000_000);
    expect(extractFunding('Förderung des Landes mit insgesamt 112 T€, Eigenanteil der Gemeinde 38 T€').totalCents).toBeNull();
  });

  it('money "aus dem Gemeindehaushalt" is the municipality\'s own', () => {
    expect(extractFunding('Für Schilder haben wir rund 2.500 Euro aus dem Gemeindehaushalt ausgegeben, das kostet kaum etwas.').sources).toEqual([{ name: 'Eigenmittel', kind: 'eigenmittel', amountCents: 250_000 }]);
  });

  it('a line of a mail footer is no person ("Bitte prüfen Sie, ob …")', () => {
    expect(parseContactBlock('Bitte prüfen Sie, ob der Ausdruck dieser E-Mail wirklich notwendig ist.')).toEqual([]);
    expect(parseContactBlock('Dr. med. Anna von Berg, Tel. 0611 123456')[0]?.name).toBe('Dr. med. Anna von Berg');
  });
});

describe('rules of round twelve (set L)', () => {
  it('two months that share the year written after the second ("Mai bis Oktober 2025")', () => {
    expect(findPeriod('Umsetzung: Mai bis Oktober 2025.')).toEqual({ start: '2025-05', end: '2025-10', text: 'Mai bis Oktober 2025' });
    expect(findPeriod('März – Juni 2024')).toMatchObject({ start: '2024-03', end: '2024-06' });
  });

  it('"Name (Rolle), Organisation, Anschrift": the role in parentheses, not what follows the comma', () => {
    expect(parsePersonLine('Thomas Wiegand (Bauamt), Gemeinde Brachttal, Wächtersbacher Straße 44, 63636 Brachttal')).toEqual({ name: 'Thomas Wiegand', role: 'Bauamt' });
  });
});

describe('a period field that ends before it starts', () => {
  it('takes neither date and says so, keeping the text', () => {
    expect(parsePeriodField('2024 bis 2020')).toEqual({ start: null, end: null, text: '2024 bis 2020', understood: false, reversed: true });
    expect(parsePeriodField('01.03.2021 – 28.02.2019')).toMatchObject({ start: null, end: null, reversed: true });
    expect(parsePeriodField('2020 bis 2024')).toMatchObject({ start: '2020', end: '2024', understood: true });
  });
});
