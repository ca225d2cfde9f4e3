import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';
import { findQuestionHeadings, splitAnswers } from './questionnaire.ts';

const lines = (text: string) => text.split('\n');

describe('questions reworded or shortened', () => {
  it('numbered headings in sequence with the topic of the question', () => {
    const text = [
      '1. Wie kam es zu der Entscheidung?',
      'Der Kreistag hat beschlossen.',
      '2. Unterstützung und Materialien',
      '- Gemeinden: stellen Standorte',
      '3. Herausforderungen / Tipps',
      'Anfangs wenig genutzt.',
      '4. Übertragbarkeit auf andere Kommunen',
      'Gut geeignet für ländliche Kommunen.',
    ].join('\n');
    expect(findQuestionHeadings(lines(text)).map((h) => [h.n, h.strong])).toEqual([
      [1, true],
      [2, false],
      [3, true],
      [4, false],
    ]);
    expect(splitAnswers(text).answers).toEqual({
      decision: 'Der Kreistag hat beschlossen.',
      support: '- Gemeinden: stellen Standorte',
      challenges: 'Anfangs wenig genutzt.',
      prerequisites: 'Gut geeignet für ländliche Kommunen.',
    });
  });

  it('"Frage n" headings need no wording, unnumbered questions need a question mark', () => {
    expect(findQuestionHeadings(lines('Frage 1 – Entscheidung und Idee\nA\nFrage 2 – Unterstützung\nB')).map((h) => h.n)).toEqual([1, 2]);
    const unnumbered = '**Wie ist die Idee entstanden?**\n\nA\n\n**Wer hat Sie unterstützt?**\n\nB\n\n**Was war schwierig?**\n\nC\n\n**Was sollte eine Kommune mitbringen?**\n\nD';
    expect(findQuestionHeadings(lines(unnumbered)).map((h) => h.n)).toEqual([1, 2, 3, 4]);
    expect(findQuestionHeadings(lines('Erfahrungen\nUnterstützung durch den Kreis'))).toEqual([]);
  });

  it('Roman numbers, and a questionnaire laid out as a table', () => {
    expect(findQuestionHeadings(lines('I. Wie wurde das Projekt auf den Weg gebracht?\nA\nII. Welche Unterstützung gab es?\nB\nIII. Was lief nicht so gut, was würden Sie anders machen?\nC\nIV. Was raten Sie Kommunen, die das Projekt übernehmen wollen?\nD')).map((h) => h.n)).toEqual([1, 2, 3, 4]);
    const table = '| Frage | Antwort |\n|---|---|\n| 1. Wie ist die Entscheidung gefallen? | Der Kreis hat es vorgeschlagen. |\n| 2. Wer oder was hat Ihnen geholfen? | Das Netzwerk. |';
    expect(splitAnswers(table).answers).toMatchObject({ decision: 'Der Kreis hat es vorgeschlagen.', support: 'Das Netzwerk.' });
    expect(detectFormat(`Frageformular\n\n${table}`)).toBe('questionnaire');
  });

  it('a sheet whose sections are headed by questions is a fact sheet', () => {
    expect(detectFormat('# Grüne Nachbarschaft\n\n## Worum geht es?\nHochbeete.\n\n## Wer steckt dahinter?\nVerein e. V.\n\n## Seit wann?\nSeit 2021.\n\n## Wer kann mitmachen?\nAlle.')).toBe('factsheet');
  });

  it('a fact sheet with numbered sections that share a topic word stays a fact sheet', () => {
    const factSheet = ['Projekttitel: Blühwiesen', '1. Projektträger: Stadt Kassel', '2. Partner', 'NABU', '3. Erfahrungen', 'Gut.', 'Kurzbeschreibung: Wiesen.'].join('\n');
    expect(detectFormat(factSheet)).toBe('factsheet');
  });
});

describe('questions set in italics, answers led by "Antwort der Kommune:"', () => {
  it('reads the questions and strips the prefix', () => {
    const text = [
      'Frageformular',
      '',
      '*Frage 1: Wie ist die Entscheidung zur Umsetzung für dieses Projekt in Ihrer Kommune gefallen?*',
      '',
      'Antwort der Kommune: Der Ortsbeirat hat es angeregt.',
      '',
      '*Frage 2: Wer oder was hatte Ihnen bei der Umsetzung geholfen?*',
      '',
      '**Antwort (Gemeinde Musterhausen):** Der Bauhof.',
      '',
      '_Frage 3: Gab es bei der Umsetzung bestimmte Herausforderungen?_',
      '',
      'Antworten fanden wir erst spät.',
    ].join('\n');
    expect(detectFormat(text)).toBe('questionnaire');
    expect(splitAnswers(text).answers).toEqual({
      decision: 'Der Ortsbeirat hat es angeregt.',
      support: 'Der Bauhof.',
      challenges: 'Antworten fanden wir erst spät.',
      prerequisites: null,
    });
  });
});

describe('a letter that answers the questions by number', () => {
  it('"Zu 1." … "Zu 4.": the closing formula ends the last answer, the signature and letterhead name contact and sponsor', async () => {
    const { parseQuestionnaire } = await import('./questionnaire.ts');
    const text = [
      'Stadt Homberg (Efze)', 'Der Magistrat', '', 'Ihr Frageformular zum Projekt „Waldkindergarten Homberg“', '',
      'Zu 1.', 'Eltern hatten die Idee.', '', 'Zu 2.', 'Das Forstamt half.', '', 'Zu 3.', 'Fachkräfte zu finden.', '', 'Zu 4.', 'Ein Waldstück.', '',
      'Mit freundlichen Grüßen', 'i. A. Kerstin Vogel', 'Tel. 05681 994-215',
    ].join('\n');
    expect(detectFormat(text)).toBe('questionnaire');
    const r = parseQuestionnaire(text, 'x.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.title).toBe('Waldkindergarten Homberg');
    expect(r.content.answers).toEqual({ decision: 'Eltern hatten die Idee.', support: 'Das Forstamt half.', challenges: 'Fachkräfte zu finden.', prerequisites: 'Ein Waldstück.' });
    expect(r.content.sponsor?.name).toBe('Stadt Homberg (Efze)');
    expect(r.content.contacts).toMatchObject([{ name: 'Kerstin Vogel', phone: '+49 5681 994215' }]);
    expect(r.warnings.filter((w) => w.code === 'guessed').map((w) => w.field)).toEqual(['sponsor', 'contacts']);
  });
});

describe('questionnaires in other forms (set E)', () => {
  it('an interview: questions led by the interviewer, answers by the speaker, a contact line after the last answer', async () => {
    const { parseQuestionnaire } = await import('./questionnaire.ts');
    const text = [
      'Gemeinde Fischbachtal (Landkreis Darmstadt-Dieburg)', 'Projekt: Bürgerbus', '',
      '**Redaktion:** Wie ist es zu dem Beschluss gekommen?', '', '**Sascha Weber:** Der Anstoß kam aus der Bürgerschaft.', '',
      '**Redaktion:** Wer hat Sie dabei unterstützt?', '', '**Carina Heß:** Das Landesnetzwerk Bürgerbusse.', '',
      '**Redaktion:** Was war schwierig, und welchen Rat geben Sie?', '', '**Sascha Weber:** Die Fahrerlaubnis.', '',
      '**Redaktion:** Welche Voraussetzungen sollte eine Kommune mitbringen?', '', '**Carina Heß:** Ehrenamtliche.', '',
      'Kontakt für Rückfragen: Carina Heß (Seniorenbeauftragte), Telefon 06166 9300-17',
    ].join('\n');
    expect(detectFormat(text)).toBe('questionnaire');
    const r = parseQuestionnaire(text, 'x.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.answers).toEqual({ decision: 'Der Anstoß kam aus der Bürgerschaft.', support: 'Das Landesnetzwerk Bürgerbusse.', challenges: 'Die Fahrerlaubnis.', prerequisites: 'Ehrenamtliche.' });
    expect(r.content.sponsor?.name).toBe('Gemeinde Fischbachtal');
    expect(r.content.places?.map((p) => p.label)).toContain('Landkreis Darmstadt-Dieburg');
    expect(r.content.contacts).toMatchObject([{ name: 'Carina Heß', role: 'Seniorenbeauftragte', phone: '+49 6166 930017' }]);
  });

  it('an online form\'s export: questions coded [F1]–[F4], answers led by "Antwort:"', () => {
    const text = ['[Titel des Praxisbeispiels]', 'Leerstandslotsen', '', '[F1] Entstehung: Wie kam es zu der Entscheidung?', 'Antwort: Aus dem Stadtentwicklungskonzept.', '', '[F2] Unterstützung: Wer hat geholfen?', 'Antwort: Der Gewerbeverein.', '', '[F3] Hürden: Was war schwierig?', 'Antwort: Eigentümer zu erreichen.', '', '[F4] Übertragbarkeit: Was muss eine Kommune mitbringen?', 'Antwort: Ortskenntnis.'].join('\n');
    expect(detectFormat(text)).toBe('questionnaire');
    expect(splitAnswers(text).answers).toEqual({ decision: 'Aus dem Stadtentwicklungskonzept.', support: 'Der Gewerbeverein.', challenges: 'Eigentümer zu erreichen.', prerequisites: 'Ortskenntnis.' });
  });
});

describe('a short questionnaire answered by topic words (set F)', () => {
  it('"Entscheidung – …" … "Voraussetzungen – …" in sequence; the district beside the municipality is a place, not part of its name', async () => {
    const { parseQuestionnaire } = await import('./questionnaire.ts');
    const text = [
      'Kommune: Stadt Idstein (Rheingau-Taunus-Kreis)', 'Projekt: Leihladen „Teilbar“', 'Eröffnet: Mai 2023', '',
      'Entscheidung – Die Idee kam von der Agenda-Gruppe.', '', 'Unterstützung – Die Verbraucherzentrale half.', '',
      'Herausforderungen – Ehrenamtliche zu finden.', '', 'Voraussetzungen – Ein zentraler Raum.',
    ].join('\n');
    expect(detectFormat(text)).toBe('questionnaire');
    const r = parseQuestionnaire(text, 'x.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.answers).toEqual({ decision: 'Die Idee kam von der Agenda-Gruppe.', support: 'Die Verbraucherzentrale half.', challenges: 'Ehrenamtliche zu finden.', prerequisites: 'Ein zentraler Raum.' });
    expect(r.content.sponsor?.name).toBe('Stadt Idstein');
    expect(r.content.places?.map((p) => p.regionId)).toContain('lk-rheingau-taunus');
    expect(r.content.period).toMatchObject({ start: '2023-05', text: 'Mai 2023' });
    // A dash between two words inside an answer is no heading: only the next question's topic counts.
    expect(findQuestionHeadings(lines('Stadt – Land\nEntscheidung – Der Rat.')).map((h) => h.n)).toEqual([1]);
  });
});

describe('questionnaires in the layouts of set G', () => {
  it('a forwarded e-mail thread: the answers under the quoted questions of the inner message, its signature the contact', async () => {
    const { parseDocument } = await import('./parse-document.ts');
    const text = [
      'Von: Kerstin Opitz <k.opitz@stadt.example>', 'Gesendet: Montag, 20. November 2023 10:42', 'Betreff: WG: AW: Ihre Fragen zu „Lauterbach gießt“', '',
      'Liebes Redaktionsteam,', '', 'ich leite Ihnen die Antworten weiter.', '', 'Freundliche Grüße', 'Kerstin Opitz', '', '________________________________', '',
      'Von: Jana Lind <j.lind@stadt.example>', 'Gesendet: Freitag, 17. November 2023 15:08', 'Betreff: AW: Ihre Fragen zu „Lauterbach gießt“', '',
      '> 1. Wie ist die Entscheidung zur Umsetzung für dieses Projekt in Ihrer Kommune gefallen?', '', 'Die Idee kam aus dem Jugendforum.', '',
      '> 2. Wer oder was hat Ihnen bei der Umsetzung geholfen?', '', 'Der Bauhof.', '',
      '> 3. Was waren die größten Herausforderungen?', '', 'Die Haftung.', '',
      '> 4. Welche Voraussetzungen muss eine Kommune mitbringen?', '', 'Ein Bauhof, der mitzieht.', '',
      'Viele Grüße', 'Jana', '', 'Jana Lind', 'Sachgebiet Stadtgrün', 'Tel. 06641 184-137', 'j.lind@stadt.example',
    ].join('\n');
    const r = await parseDocument(new TextEncoder().encode(text), 'mail.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.format).toBe('questionnaire');
    expect(r.content.title).toBe('Lauterbach gießt');
    expect(r.content.answers).toEqual({ decision: 'Die Idee kam aus dem Jugendforum.', support: 'Der Bauhof.', challenges: 'Die Haftung.', prerequisites: 'Ein Bauhof, der mitzieht.' });
    expect(r.content.contacts.map((c) => c.name)).toEqual(['Jana Lind']);
  });

  it('the questions listed together, then the answers by their numbers "(1)" … "(4)"', () => {
    const text = [
      'Sie hatten uns vier Fragen gestellt:', '(1) Wie ist die Entscheidung gefallen?', '(2) Wer oder was hat geholfen?', '(3) Was war schwierig oder neu, welche Tipps haben Sie?', '(4) Welche Voraussetzungen braucht es?', '',
      'Unsere Antworten:', '', '(1) Die Feuerwehr schlug es vor.', '', '(2) Die Hochschule.', '', '(3) Die Alarmkette.', '', '(4) Ein Bach und Freiwillige.',
    ].join('\n');
    expect(detectFormat(text)).toBe('questionnaire');
    expect(splitAnswers(text).answers).toEqual({ decision: 'Die Feuerwehr schlug es vor.', support: 'Die Hochschule.', challenges: 'Die Alarmkette.', prerequisites: 'Ein Bach und Freiwillige.' });
  });

  it('headings that tell instead of asking, in the order of the questions; the document heading is the title and "ein Praxisbeispiel der Stadt …" the sponsor', async () => {
    const { parseQuestionnaire } = await import('./questionnaire.ts');
    const text = [
      '# Schulwald Schlüchtern', '', 'Ein Praxisbeispiel der Stadt Schlüchtern (Main-Kinzig-Kreis) in vier Fragen', '',
      '## Wie es anfing', '', 'Eine Lehrerin hatte die Idee.', '', '## Wer uns geholfen hat', '', 'Die Försterin.', '',
      '## Was schwierig war – und unser Rat', '', 'Die Trockenheit.', '', '## Was man braucht', '', 'Eine Fläche im Stadtwald.', '',
      'Ansprechpartnerin bei der Stadt: Sandra Köhler, Fachdienst Umwelt, Telefon 06661 85-361',
    ].join('\n');
    expect(detectFormat(text)).toBe('questionnaire');
    const r = parseQuestionnaire(text, 'x.md');
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.title).toBe('Schulwald Schlüchtern');
    expect(r.content.answers?.prerequisites).toBe('Eine Fläche im Stadtwald.');
    expect(r.content.sponsor?.name).toBe('Stadt Schlüchtern');
    expect(r.content.places?.map((p) => p.regionId)).toContain('lk-main-kinzig');
    expect(r.content.contacts?.[0]).toMatchObject({ name: 'Sandra Köhler', phone: '+49 6661 85361' });
    // A heading with a topic word out of order is no question: "## Was man braucht" before anything else.
    expect(findQuestionHeadings(lines('## Was man braucht\n\nText'))).toEqual([]);
  });

  it('"Frage 1" of a council inquiry that asks something else is no question of the questionnaire', () => {
    const inquiry = ['Frage 1', 'Wie viele Fahrgäste hat der Rufbus im ersten Jahr befördert?', '', 'Antwort zu Frage 1', '18.450 Fahrgäste.', '', 'Frage 2', 'Wie wird das Angebot finanziert?', '', 'Antwort zu Frage 2', 'Das Land fördert es.'].join('\n');
    expect(findQuestionHeadings(lines(inquiry))).toEqual([]);
    // Ours, numbered the same way, are still read.
    const ours = ['Frage 1', 'Wie ist die Entscheidung gefallen?', '', 'Der Rat.', '', 'Frage 2', 'Wer oder was hat geholfen?', '', 'Die Hochschule.'].join('\n');
    expect(findQuestionHeadings(lines(ours)).map((h) => h.n)).toEqual([1, 2]);
  });

  it('slides: a closing heading ends the last answer, the block after it gives the contact and the sponsor\'s address', async () => {
    const { parseDocument } = await import('./parse-document.ts');
    const footer = 'Gemeinde Nauheim · Netzwerktreffen · 18.03.2025';
    const text = [
      'Folie 1 von 4', '', '# Der Bauhof fährt elektrisch', '', 'Praxisbeispiel der Gemeinde Nauheim (Kreis Groß-Gerau)', '', footer, '',
      'Folie 2 von 4', '', '## Wie ist die Entscheidung gefallen?', '', '- Anstoß kam 2020 aus dem Bauhof-Team', '', footer, '',
      'Folie 3 von 4', '', '## Wer hat uns geholfen?', '', '- Zuschuss des Landes Hessen', '', footer, '',
      'Folie 4 von 4', '', '## Was braucht man, und für wen passt das?', '', '- Stellplätze mit Stromanschluss', '', footer, '',
      '## Vielen Dank für Ihre Aufmerksamkeit!', '', 'Gemeinde Nauheim', 'Weingartenstraße 46, 64569 Nauheim', 'Markus Stein, Leiter des Bauhofs', 'Telefon 06152 639-240',
    ].join('\n');
    const r = await parseDocument(new TextEncoder().encode(text), 'folien.md');
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.answers?.prerequisites).toBe('- Stellplätze mit Stromanschluss');
    expect(r.content.contacts?.[0]).toMatchObject({ name: 'Markus Stein', role: 'Leiter des Bauhofs', phone: '+49 6152 639240' });
    expect(r.content.sponsor).toMatchObject({ name: 'Gemeinde Nauheim', street: 'Weingartenstraße 46', postcode: '64569' });
  });

  it('a chat export: timed turns read as an interview; the interviewer speaking again ends the last answer; contact details given in an answer', async () => {
    const { parseDocument } = await import('./parse-document.ts');
    const text = [
      'WhatsApp-Chat mit Petra Lenz', '',
      '22.09.25, 09:05 - Redaktion Baukasten: Guten Morgen, ich schicke Ihnen die vier Fragen zum Projekt „Alle 300 Meter eine Bank“.',
      '22.09.25, 09:32 - Redaktion Baukasten: Frage 1: Wie ist die Entscheidung für das Projekt gefallen, und wessen Idee war es?',
      '22.09.25, 10:14 - Petra Lenz: Die Idee kam aus unserem Seniorenbeirat.',
      '22.09.25, 10:15 - Redaktion Baukasten: Frage 2: Wer oder was hat geholfen?',
      '22.09.25, 11:47 - Petra Lenz: Der Bauhof hat die Bänke aufgestellt.',
      '22.09.25, 11:48 - Redaktion Baukasten: Frage 3: Was war die größte Herausforderung, und welchen Tipp haben Sie?',
      '22.09.25, 14:20 - Petra Lenz: Schmale Gehwege.',
      '22.09.25, 14:21 - Redaktion Baukasten: Frage 4: Welche Voraussetzungen braucht es?',
      '22.09.25, 15:02 - Petra Lenz: Ein Bauhof, der die Bänke pflegt.',
      '22.09.25, 15:03 - Petra Lenz: Und falls Sie Kontaktdaten brauchen: Petra Lenz, Seniorenbeauftragte, Telefon 06403 7702-15, p.lenz@huettenberg.example',
      '22.09.25, 15:10 - Redaktion Baukasten: Vielen Dank, ich melde mich mit dem Entwurf!',
    ].join('\n');
    const r = await parseDocument(new TextEncoder().encode(text), 'chat.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.format).toBe('questionnaire');
    expect(r.content.answers?.decision).toBe('Die Idee kam aus unserem Seniorenbeirat.');
    expect(r.content.answers?.prerequisites).not.toContain('Vielen Dank');
    expect(r.content.contacts?.[0]).toMatchObject({ name: 'Petra Lenz', phone: '+49 6403 770215', email: 'p.lenz@huettenberg.example' });
  });
});


describe('a questionnaire in two tables (set J)', () => {
  it('a header table of label/value pairs and answers led by topic words in a table', async () => {
    const { parseQuestionnaire } = await import('./questionnaire.ts');
    const { normaliseLayout } = await import('./layout.ts');
    const text = normaliseLayout(
      [
        '| Kommune | Gemeinde Fuldabrück | Landkreis | Landkreis Kassel |',
        '|---|---|---|---|',
        '| Projekt | Generationenplatz Dörnhagen | Start | Mai 2021 |',
        '',
        '| Thema | Ihre Antwort |',
        '|---|---|',
        '| Entscheidung / Idee | Den Anstoß gab der Seniorenbeirat. |',
        '| Unterstützung | Geholfen hat der Ortsbeirat. |',
        '| Herausforderungen, Neues, Tipps | Neu war die gemeinsame Planung. |',
        '| Voraussetzungen / Eignung | Man braucht eine ebene Fläche. |',
      ].join('\n'),
    );
    expect(detectFormat(text)).toBe('questionnaire');
    const r = parseQuestionnaire(text, 'x.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.title).toBe('Generationenplatz Dörnhagen');
    expect(r.content.sponsor?.name).toBe('Gemeinde Fuldabrück');
    expect(r.content.answers).toEqual({ decision: 'Den Anstoß gab der Seniorenbeirat.', support: 'Geholfen hat der Ortsbeirat.', challenges: 'Neu war die gemeinsame Planung.', prerequisites: 'Man braucht eine ebene Fläche.' });
  });

  it('a field of the header in a two-column table is no answer, though its name holds a topic word ("Ansprechpartner")', async () => {
    const { normaliseQuestionLayout } = await import('./questionnaire.ts');
    const row = '| Ansprechpartner | Martin Vogt, Vorstand, 06031 6842-11. |';
    expect(normaliseQuestionLayout(row)).toBe(row);
  });
});

describe('answers on the question\'s line (set J)', () => {
  it('the answer after the last question mark of a numbered question; "Zu 1.:" leads an answer without its colon', () => {
    const text = [
      '1. Wie ist die Entscheidung gefallen? Handelte es sich um eine Idee der Fachverwaltung? Die Idee stammt aus dem Seniorenbüro der Stadt.',
      '',
      '2. Wer oder was hat Ihnen geholfen? Ehrenamtliche aus der Nachbarschaftshilfe rufen täglich an.',
    ].join('\n');
    const headings = findQuestionHeadings(lines(text));
    expect(headings.map((h) => [h.n, h.after])).toEqual([
      [1, 'Die Idee stammt aus dem Seniorenbüro der Stadt.'],
      [2, 'Ehrenamtliche aus der Nachbarschaftshilfe rufen täglich an.'],
    ]);
    expect(findQuestionHeadings(lines('Zu 1.: In den Ortsteilen standen Läden leer.'))[0]?.after).toBe('In den Ortsteilen standen Läden leer.');
  });
});

describe('answers without their questions (set K)', () => {
  it('answers coded "A1:" … "A4:"', () => {
    const text = 'A1: Die Idee kam von Bewohnerinnen.\n\nA2: Geholfen hat die Tafel.\n\nA3: Neu war das Ehrenamt.\n\nA4: Man braucht einen Raum.';
    expect(detectFormat(text)).toBe('questionnaire');
    expect(findQuestionHeadings(lines(text)).map((h) => [h.n, h.after])).toEqual([
      [1, 'Die Idee kam von Bewohnerinnen.'],
      [2, 'Geholfen hat die Tafel.'],
      [3, 'Neu war das Ehrenamt.'],
      [4, 'Man braucht einen Raum.'],
    ]);
  });

  it('a numbered list 1–4 that the text announces as the answers in the questions\' order; without the announcement a list stays a list', async () => {
    const { normaliseQuestionLayout } = await import('./questionnaire.ts');
    const list = '1. Angestoßen hat es der Seniorenbeirat.\n2. Die Kirchengemeinden öffnen Räume.\n3. Schwierig war es, Ältere zu erreichen.\n4. Voraussetzung sind kühle Räume.';
    const reply = `Unsere Antworten folgen der Reihenfolge Ihrer Fragen:\n\n${list}`;
    expect(detectFormat(reply)).toBe('questionnaire');
    expect(findQuestionHeadings(lines(normaliseQuestionLayout(reply))).map((h) => h.after)).toEqual([
      'Angestoßen hat es der Seniorenbeirat.',
      'Die Kirchengemeinden öffnen Räume.',
      'Schwierig war es, Ältere zu erreichen.',
      'Voraussetzung sind kühle Räume.',
    ]);
    expect(normaliseQuestionLayout(list)).toBe(list);
  });
});

describe('questionnaires of set L', () => {
  it('questions numbered with circled digits; the place and date under the last answer are no part of it', async () => {
    const { parseQuestionnaire } = await import('./questionnaire.ts');
    const text = [
      'Projekt: Seepferdchen für alle',
      '',
      '① Wie ist die Entscheidung gefallen? Wessen Idee war es?',
      'Den Anstoß gab ein Antrag der Schulen.',
      '',
      '② Wer oder was hat Ihnen geholfen?',
      'Die Schwimmvereine.',
      '',
      '③ Gab es bestimmte Herausforderungen? Was war neu für Sie?',
      'Die Wasserzeiten waren knapp.',
      '',
      '④ Gibt es Voraussetzungen? Für welche Kommunen ist das Projekt geeignet?',
      'Siehe oben (③).',
      '',
      'Wiesbaden, den 2. Juli 2025',
    ].join('\n');
    const r = parseQuestionnaire(text, 'x.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.answers).toEqual({ decision: 'Den Anstoß gab ein Antrag der Schulen.', support: 'Die Schwimmvereine.', challenges: 'Die Wasserzeiten waren knapp.', prerequisites: 'Siehe oben (③).' });
  });

  it('questions shortened to topic words in bold, a bold line above as the title', async () => {
    const { parseQuestionnaire } = await import('./questionnaire.ts');
    const text = [
      '**Selbstverwalteter Jugendtreff im alten Feuerwehrhaus**',
      'Gemeinde Fischbachtal | Landkreis Darmstadt-Dieburg | seit 09/2023',
      '',
      '**Entscheidung/Idee:** Die Idee kam von Jugendlichen.',
      '',
      '**Hilfe/Unterstützung:** Die Kreisjugendförderung hat beraten.',
      '',
      '**Herausforderungen/Neues/Tipps:** Neu war, Schlüssel abzugeben.',
      '',
      '**Voraussetzungen/Eignung:** Ein Raum, den sonst niemand braucht.',
      '',
      '(Kurzfassung erstellt von der Gemeindeverwaltung, Mai 2025)',
    ].join('\n');
    expect(detectFormat(text)).toBe('questionnaire');
    const r = parseQuestionnaire(text, 'x.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.content.title).toBe('Selbstverwalteter Jugendtreff im alten Feuerwehrhaus');
    expect(r.content.answers).toEqual({ decision: 'Die Idee kam von Jugendlichen.', support: 'Die Kreisjugendförderung hat beraten.', challenges: 'Neu war, Schlüssel abzugeben.', prerequisites: 'Ein Raum, den sonst niemand braucht.' });
  });
});

describe('the questionnaire layout rewrite', () => {
  it('is idempotent: a text already rewritten (the message of a thread, the body of a letter) reads the same', async () => {
    const { normaliseQuestionLayout } = await import('./questionnaire.ts');
    const text = '| 1. Wie kam es zur Entscheidung? | Der Rat. |\n\nUnsere Antworten folgen der Reihenfolge Ihrer Fragen:\n1. Eins.\n2. Zwei.\n3. Drei.\n4. Vier.\n\n① Frage?';
    const once = normaliseQuestionLayout(text);
    expect(once).not.toBe(text);
    expect(normaliseQuestionLayout(once)).toBe(once);
  });
});
