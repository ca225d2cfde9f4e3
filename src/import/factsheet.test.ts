import { describe, expect, it } from 'vitest';
import { parseFactSheet } from './factsheet.ts';

const parse = (text: string) => {
  const r = parseFactSheet(text, 'x.txt');
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe('fact sheet fields beyond the usual labels', () => {
  it('begin and end as fields of their own, label hints in parentheses, "Angaben zum …" headings', () => {
    const { content } = parse(
      ['Projektsteckbrief', 'Titel (max. 80 Zeichen): Blühwiesen', 'Angaben zum Träger: NABU Kassel e. V.', 'Projektbeginn: 03/2021', 'Projektende: 28.02.2024', 'Kurzbeschreibung (kurz): Wiesen.'].join('\n'),
    );
    expect(content.title).toBe('Blühwiesen');
    expect(content.sponsor?.name).toBe('NABU Kassel e. V.');
    expect(content.period).toEqual({ start: '2021-03', end: '2024-02-28', text: 'Projektbeginn: 03/2021\nProjektende: 28.02.2024' });
    expect(content.description).toBe('Wiesen.');
  });

  it('a "Modellregion" label marks its places as focus', () => {
    const { content } = parse('Titel: Dorfmoderation\nDurchführungsort: hessenweit\nModellregionen: Vogelsbergkreis, Werra-Meißner-Kreis\nKurzbeschreibung: x.');
    expect(content.places?.map((p) => [p.regionId, p.focus])).toEqual([
      ['hessen', false],
      ['lk-vogelsberg', true],
      ['lk-werra-meissner', true],
    ]);
  });

  it('without sponsor or period field, both are taken from the text and flagged', () => {
    const r = parse('Titel: Bürgerbus\nKurzbeschreibung: Die Federführung liegt beim Verein Bürgerbus Gemünden e. V. Der Bus fährt seit März 2018.');
    // The registered name: "Verein" before it is said again by "e. V.".
    expect(r.content.sponsor?.name).toBe('Bürgerbus Gemünden e. V.');
    expect(r.content.period).toMatchObject({ start: '2018-03', text: 'seit März 2018' });
    expect(r.warnings.filter((w) => w.code === 'guessed').map((w) => w.field)).toEqual(['sponsor', 'period']);
  });

  it('an office or organisation in a contact block is no person', () => {
    const { content } = parse('Titel: Werkzeugtausch\nKontakt:\nStadt Kassel\nUmweltamt\nHerr Jonas Riedel\nTel. 0561 7877014\nKurzbeschreibung: x.');
    expect(content.contacts?.map((c) => [c.name, c.phone])).toEqual([['Jonas Riedel', '+49 561 7877014']]);
  });
});

describe('documents read as prose (third round)', () => {
  const prose = (text: string) => {
    const r = parseFactSheet(text, 'x.txt', { prose: true });
    if (!r.ok) throw new Error(r.reason);
    return r;
  };

  it('a press release is titled by its headline, not by the programme named in quotes; its press contact is no contact', () => {
    const { content } = prose(
      ['PRESSEMITTEILUNG', '', 'Marburg, 14. März 2024', '', 'Erste Bürgersolaranlage auf der Kita', '', 'Die Stadt Marburg hat am Mittwoch die erste Anlage des Programms „Marburger Dächer“ in Betrieb genommen. Sie erzeugt 45.000 Kilowattstunden im Jahr.', '', 'Pressekontakt:', 'Fachdienst Presse, Frau Eva Roth', 'Tel. 06421 201-1378'].join('\n'),
    );
    expect(content.title).toBe('Erste Bürgersolaranlage auf der Kita');
    expect(content.contacts).toEqual([]);
    expect(content.description).not.toContain('Pressekontakt');
  });

  it('a one-line submission: sponsor and contact from a line that is no sentence', () => {
    const r = prose('Repair-Café Lich\n\nJeden ersten Samstag im Monat reparieren Ehrenamtliche im Bürgerhaus kaputte Geräte, kostenlos, gegen eine Spende in Lich.\n\nVeranstalter ist der Verein Lebenswertes Lich e. V., Kontakt: Jutta Brückner, 0176 55512345');
    expect(r.content.sponsor?.name).toBe('Lebenswertes Lich e. V.');
    expect(r.content.contacts).toMatchObject([{ name: 'Jutta Brückner', phone: '+49 176 55512345' }]);
    expect(r.warnings.filter((w) => w.code === 'guessed').map((w) => w.field)).toEqual(expect.arrayContaining(['contacts', 'sponsor']));
  });

  it('"Hessen" in running text is no place of a municipality\'s project', () => {
    const { content } = prose('Waldkindergarten\n\nDie Stadt Homberg hat 2019 eine Waldgruppe eingerichtet. Beraten hat uns der Landesverband der Waldkindergärten in Hessen.\n\nKontakt: Kerstin Vogel, Tel. 05681 994-215');
    expect((content.places ?? []).map((p) => p.label)).not.toContain('Hessen');
    expect(content.sponsor?.name).toBe('Stadt Homberg');
  });
});

describe('titles below a letterhead (set F)', () => {
  it('a letterhead, the marker and date of a press release and a site navigation are no title', () => {
    const press = parse(['Odenwaldkreis – Der Kreisausschuss', 'Pressestelle', '', 'Pressemitteilung Nr. 118/2025', 'Erbach, 8. Juli 2025', '', 'Wärmeplanung im Konvoi', '', 'Ansprechpartnerin: Eva Roth, Tel. 06062 70-123', 'Kurzbeschreibung: Sechs Kommunen planen gemeinsam.'].join('\n'));
    expect(press.content.title).toBe('Wärmeplanung im Konvoi');
    const page = parse(['Solawi Wetterau e. V. | Start | Über uns | Projekte | Kontakt', '', 'Gemüse für alle', '', 'Kurzbeschreibung: Wir teilen die Ernte.', 'Zielgruppen: Familien'].join('\n'));
    expect(page.content.title).toBe('Gemüse für alle');
  });

  it('groups and partners separated by semicolons keep their "und"', () => {
    const { content } = parse('Titel: Sprachcafé\nZielgruppen: Geflüchtete und Zugewanderte; ehrenamtliche Gesprächspartnerinnen und -partner\nKooperationspartner: Familienbildungsstätte; Volkshochschule Werra-Meißner');
    expect(content.targetGroups).toEqual(['Geflüchtete und Zugewanderte', 'ehrenamtliche Gesprächspartnerinnen und -partner']);
    expect(content.partners?.map((p) => p.name)).toEqual(['Familienbildungsstätte', 'Volkshochschule Werra-Meißner']);
  });
});

describe('a section that says how to sign up (set G)', () => {
  it('offers participation unless it says one cannot', () => {
    const sheet = (section: string) => parseFactSheet(`Titel: Energiecheck\nTräger: Sportkreis Wetterau e. V.\nKurzbeschreibung: Eine Beraterin kommt ins Vereinsheim.\n${section}`, 'x.txt');
    const open = sheet('Anmeldung: Vereine melden sich über das Formular auf der Website an.');
    if (!open.ok) throw new Error(open.reason);
    expect(open.content.participation).toEqual({ status: 'open', text: 'Vereine melden sich über das Formular auf der Website an.' });
    const closed = sheet('Anmeldung: Eine Anmeldung ist nicht mehr möglich.');
    if (!closed.ok) throw new Error(closed.reason);
    expect(closed.content.participation?.status).toBe('closed');
    // Under another label the same words say nothing about joining.
    const other = sheet('Hinweise: Vereine melden sich über das Formular auf der Website an.');
    if (!other.ok) throw new Error(other.reason);
    expect(other.content.participation?.status).not.toBe('open');
  });
});

describe('minutes of a meeting (set H)', () => {
  it('"Von der Verwaltung: …" in the list of those present is no start of a period, and no period text runs past its limit', () => {
    const text = ['# Gründau summt', '', 'Niederschrift über die 23. Sitzung', '', 'Anwesend: Bernd Schäfer (Vorsitz)', 'Von der Verwaltung: Nadine Kessler (Umweltbeauftragte)', '', 'Zu TOP 5', 'Seit dem Frühjahr 2022 legt der Bauhof Blühflächen an. ' + 'Die Flächen werden zweimal im Jahr gemäht. '.repeat(20)].join('\n');
    const r = parseFactSheet(text, 'x.txt', { prose: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.period?.text ?? '').not.toContain('Nadine Kessler');
    expect((r.content.period?.text ?? '').length).toBeLessThanOrEqual(500);
  });
});

describe('the purpose in running text (set H)', () => {
  it('"Ziel des Projekts ist es, …" is the purpose when no field states one, and leaves the description', () => {
    const r = parse('Titel: Gründau summt\nKurzbeschreibung: Der Bauhof legt Blühflächen an. Ziel des Projekts ist es, Lebensräume für Insekten zu schaffen. Gemäht wird zweimal im Jahr.');
    expect(r.content.purpose).toBe('Ziel des Projekts ist es, Lebensräume für Insekten zu schaffen.');
    expect(r.content.description).toBe('Der Bauhof legt Blühflächen an. Gemäht wird zweimal im Jahr.');
    // With a purpose field, the sentence stays where it is.
    const withField = parse('Titel: Gründau summt\nZiel: Mehr Insekten.\nKurzbeschreibung: Der Bauhof legt Blühflächen an. Ziel des Projekts ist es, Lebensräume zu schaffen.');
    expect(withField.content.purpose).toBe('Mehr Insekten.');
    expect(withField.content.description).toContain('Ziel des Projekts ist es');
  });
});


describe('a text on several topics (round nine)', () => {
  const column = [
    'Mitteilungsblatt der Gemeinde Weilrod · Nr. 41',
    '',
    'Liebe Weilroderinnen und Weilroder,',
    '',
    'ein paar Themen aus dem Rathaus möchte ich Ihnen heute ans Herz legen.',
    '',
    '**Ortsdurchfahrt Altweilnau**',
    '',
    'Die Arbeiten an der Ortsdurchfahrt liegen im Zeitplan und enden Ende November.',
    '',
    '**Jugendtaxi Weilrod**',
    '',
    'Seit dem Sommer 2025 fahren junge Leute nachts mit dem Taxi nach Hause, den Fahrpreis übernimmt zum großen Teil die Gemeinde.',
    '',
    'Ziel ist, dass junge Leute nachts sicher nach Hause kommen.',
    '',
    'Das Jugendtaxi entstand in Zusammenarbeit mit der Jugendpflege Usinger Land. Die Gemeindevertretung hat dafür 15.000 Euro bereitgestellt.',
    '',
    'Fragen beantwortet Frau Sabine Roth im Rathaus, Telefon 06083 9109-22, jugendtaxi@weilrod.example.',
    '',
    '**Termine**',
    '',
    'Sprechstunde des Bürgermeisters: jeden ersten Dienstag im Monat, 16 bis 18 Uhr.',
    '',
    'Herzliche Grüße',
    'Ihr Bernd Kästner',
    'Bürgermeister',
  ].join('\n');

  it('reads only the section that presents a project: its heading is the title, its paragraphs the record', () => {
    const r = parseFactSheet(column, 'x.txt', { prose: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.title).toBe('Jugendtaxi Weilrod');
    expect(r.content.description).toContain('Seit dem Sommer 2025');
    expect(r.content.description).not.toContain('Ortsdurchfahrt');
    expect(r.content.description).not.toContain('Sprechstunde');
    expect(r.content.purpose).toBe('Ziel ist, dass junge Leute nachts sicher nach Hause kommen.');
    // The person the section names with phone and e-mail, not the mayor who signs the column.
    expect(r.content.contacts).toMatchObject([{ name: 'Sabine Roth', phone: '+49 6083 910922' }]);
  });

  it('a project presented in sections headed by its fields is read whole', () => {
    const sheet = column.replace('**Ortsdurchfahrt Altweilnau**', '**Kontakt**');
    const r = parseFactSheet(sheet, 'x.txt', { prose: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.description ?? '').not.toMatch(/^Seit dem Sommer/);
  });

  it('"Projekt des Jahres: …" before the name is no part of the title', () => {
    const report = column.replace('**Jugendtaxi Weilrod**', '## Projekt des Jahres: Jugendtaxi Weilrod');
    const r = parseFactSheet(report, 'x.txt', { prose: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.title).toBe('Jugendtaxi Weilrod');
  });
});

describe('the form speaking to whoever fills it in (set J)', () => {
  it('"Bitte beantworten Sie …" above the fields is no part of the description', () => {
    const r = parse('Steckbrief\n\nBitte beantworten Sie jede Frage direkt hinter dem Fragezeichen.\n\nTitel: Gießpaten\nKurzbeschreibung: Bürgerinnen und Bürger gießen junge Bäume.');
    expect(r.content.description).toBe('Bürgerinnen und Bürger gießen junge Bäume.');
  });
});

describe('one label for phone and e-mail (set J)', () => {
  it('"Telefon/E-Mail: … / …" gives the contact both', () => {
    const r = parse('Titel: Hitzetelefon\nAnsprechpartnerin: Petra Sommerlad\nTelefon/E-Mail: 06106 693-1420 / p.sommerlad@rodgau.example');
    expect(r.content.contacts).toMatchObject([{ name: 'Petra Sommerlad', phone: '+49 6106 6931420', email: 'p.sommerlad@rodgau.example' }]);
  });
});

describe('a programme sheet (set J)', () => {
  it('the kind of sheet and the issuing body above the heading are no title; a section heading without value leaves the sign-up field its say', () => {
    const r = parse(['# Programmsteckbrief', '', '**Vogelsbergkreis · Der Kreisausschuss · Wirtschaftsförderung**', '', '## Vogelsberger Dorfladenprogramm', '', 'Kurzbeschreibung: Der Kreis fördert Dorfläden.', 'Teilnahme:', 'Anmeldung: Interessierte Gemeinden melden sich formlos per E-Mail.'].join('\n'));
    expect(r.content.title).toBe('Vogelsberger Dorfladenprogramm');
    expect(r.content.participation).toEqual({ status: 'open', text: 'Interessierte Gemeinden melden sich formlos per E-Mail.' });
  });
});

describe('a result list with one project in the spotlight (set L)', () => {
  const list = [
    'Main-Kinzig-Kreis · Der Kreisausschuss · Referat Klimaschutz',
    '',
    'Kreisförderprogramm „Klimafit im Dorf“ – Förderjahr 2025',
    '',
    'Insgesamt sind 14 Anträge eingegangen. Der Kreisausschuss hat acht Vorhaben mit zusammen 98.650 € bewilligt.',
    '',
    '**★ Im Fokus: Leuchtturm Schlierbach**',
    '',
    'Fällt im Ortsteil Schlierbach der Strom aus, wird das Dorfgemeinschaftshaus künftig zur Anlaufstelle: Eine Photovoltaikanlage versorgt dann Licht, Heizung und Telefon.',
    '',
    'Die nächste Antragsrunde beginnt am 1. Oktober 2025.',
  ].join('\n');

  it('the spotlit section is the record, its heading without the kicker the title', () => {
    const r = parseFactSheet(list, 'x.txt', { prose: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.title).toBe('Leuchtturm Schlierbach');
    expect(r.content.description).toMatch(/^Fällt im Ortsteil Schlierbach/);
    expect(r.content.description).not.toContain('Anträge eingegangen');
  });

  it('without a spotlight the text is not rejected for want of a title: the first short line below the issuing body names it', () => {
    const r = parseFactSheet(list.replace('**★ Im Fokus: Leuchtturm Schlierbach**', ''), 'x.txt', { prose: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.title).toBe('Kreisförderprogramm „Klimafit im Dorf“ – Förderjahr 2025');
  });
});

describe('a newspaper article (set L)', () => {
  it('the byline and time stamp are no description; the contact "bei der Stadt ist …"; the reported goal ("Ziel sei, …")', () => {
    const text = [
      '**Mit der Rebschere für das Klima: Bürger pflegen den Stadtweinberg**',
      '',
      'Von Katrin Hebel',
      '18.09.2025, 17:32 Uhr · Lesezeit: 3 Min.',
      '',
      'Seit dem Frühjahr 2022 bewirtschaften rund 80 Bürgerinnen und Bürger gemeinsam den Weinberg in Groß-Umstadt.',
      '',
      'Ziel sei, die alte Weinbergslandschaft mit ihren Trockenmauern zu erhalten, erklärt Kolb.',
      '',
      'Für Kauf und Neubepflanzung hat die Stadt rund 48.000 Euro ausgegeben, 20.000 Euro davon kamen aus dem Regionalbudget der LEADER-Region.',
      '',
      'Ansprechpartnerin bei der Stadt ist Mirjam Sauer, Umweltberaterin (Telefon 06078 781-244, m.sauer@gross-umstadt.example).',
    ].join('\n');
    const r = parseFactSheet(text, 'x.txt', { prose: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.description).toMatch(/^Seit dem Frühjahr 2022/);
    expect(r.content.purpose).toBe('Ziel sei, die alte Weinbergslandschaft mit ihren Trockenmauern zu erhalten, erklärt Kolb.');
    expect(r.content.contacts).toMatchObject([{ name: 'Mirjam Sauer', role: 'Umweltberaterin', phone: '+49 6078 781244' }]);
    expect(r.content.funding).toMatchObject({ totalCents: 4_800_000, grantCents: 2_000_000, sources: [{ name: 'LEADER', amountCents: 2_000_000 }] });
  });
});

describe('a funding programme\'s sheet (set M)', () => {
  it('"Förderprogramm: …" is the title and "Fördergeberin: …" the sponsor, not the funding of a project', () => {
    const r = parse(['STECKBRIEF FÖRDERPROGRAMM', '', 'Förderprogramm: Darmstadt entsiegelt – Zuschuss für grüne Höfe', 'Fördergeberin: Wissenschaftsstadt Darmstadt, Umweltamt', 'Fördergegenstand: Die Stadt bezuschusst das Entsiegeln von Hofflächen.', 'Antragsberechtigte: private Eigentümerinnen und Eigentümer', 'Haushaltsmittel: 250 TEUR pro Jahr aus dem städtischen Haushalt', 'Antragsverfahren: Anträge können laufend online gestellt werden.'].join('\n'));
    expect(r.content.kind).toBe('foerderung');
    expect(r.content.title).toBe('Darmstadt entsiegelt – Zuschuss für grüne Höfe');
    expect(r.content.sponsor?.name).toBe('Wissenschaftsstadt Darmstadt, Umweltamt');
    expect(r.content.funding?.text).toBe('250 TEUR pro Jahr aus dem städtischen Haushalt');
  });

  it('in a project\'s sheet "Förderprogramm: …" stays the funding', () => {
    const r = parse('Projekttitel: Grüne Höfe\nKurzbeschreibung: Wir entsiegeln Höfe.\nFörderprogramm: Klimarichtlinie des Landes Hessen, 40.000 €');
    expect(r.content.title).toBe('Grüne Höfe');
    expect(r.content.funding?.sources).toContainEqual({ name: 'Land Hessen', kind: 'land', amountCents: 4_000_000 });
  });
});

describe('a period that ends before it starts', () => {
  it('is left empty with a German warning; its text stays for the editor', () => {
    const r = parse('Projekttitel: Widerspruch\nKurzbeschreibung: Ein Test.\nLaufzeit: 2024 bis 2020');
    expect(r.content.period).toEqual({ start: null, end: null, text: '2024 bis 2020' });
    expect(r.warnings.map((w) => w.message)).toContain('Projektlaufzeit: „2024 bis 2020“ endet vor ihrem Beginn und wurde nicht übernommen. Bitte Beginn und Ende prüfen.');
  });
});
