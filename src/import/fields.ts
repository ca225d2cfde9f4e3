/*
 * "Label: value" fields as written in fact sheets (and in the header of some questionnaires).
 * Labels may be bold (**Label:**, **Label**:), a heading, a table row or plain "Label:" at the
 * start of a line; the value runs from the label to the next label line.
 */

import { plainLine } from './text.ts';

export type FieldKey =
  | 'title'
  | 'purpose'
  | 'sponsor'
  | 'name'
  | 'address'
  | 'contact'
  | 'role'
  | 'phone'
  | 'email'
  | 'place'
  | 'period'
  /** "Projektbeginn: 03/2021" and "Projektende: 02/2024" as separate fields. */
  | 'periodStart'
  | 'periodEnd'
  | 'description'
  | 'funding'
  | 'partners'
  | 'targetGroups'
  | 'legal'
  | 'website'
  | 'participation'
  /** A known section that is none of the fields (e.g. "Stand", "SDGs"): it ends the section before it. */
  | 'other';

export interface Field {
  key: FieldKey;
  /** The label as written, without markup. */
  label: string;
  /** Raw value: rest of the label line plus following lines, trimmed. */
  value: string;
}

interface LabelDef {
  key: FieldKey;
  /** Strong labels are specific to fact sheets; they count for format detection and may stand alone without colon. */
  strong: boolean;
  /** English labels are not looked for inside a line that a PDF ran together (they are rare, and the pattern is long). */
  english?: true;
  names: string[];
}

/*
 * The labels, as data. Names are written in their base form (see normaliseLabel): lowercase,
 * without gender endings ("ansprechpartner" also reads "Ansprechpartner/in", "Ansprechpartnerinnen")
 * and with optional letters spelled out ("zielgruppen" also reads "Zielgruppe(n)"). A qualifier
 * "des Projekts", "der Maßnahme", "der Umsetzung" … after a label is dropped by lookupLabel, so
 * "Ziele des Projekts" and "Träger der Maßnahme" need no entry of their own.
 */
/** Sections that say how to sign up ("Anmeldung", "Wie melde ich mich an?"): they offer participation (factsheet.ts). */
/** Labels of a field that names the kind of contribution ("Art des Angebots: Beratung"). */
export const kindFieldLabels: string[] = ['art', 'angebotsform', 'form des angebots', 'art des beitrags', 'art des angebots', 'art des materials', 'beitragsart', 'angebotsart', 'kategorie', 'typ'];

export const signUpLabels: readonly string[] = ['antragsverfahren', 'wie kann man mitmachen', 'anmeldung', 'einstieg', 'antrag', 'antragstellung', 'mitmachen', 'sie wollen mitmachen', 'wollen sie mitmachen', 'wie melde ich mich an', 'wie kann ich mich anmelden', 'wie kann ich mitmachen'];

const labelDefs: LabelDef[] = [
  { key: 'title', strong: false, names: ['projekt', 'vorhaben'] },
  { key: 'title', strong: true, names: ['projekttitel', 'titel', 'projektname', 'name des projekts', 'name des projektes', 'projektbezeichnung', 'titel des projekts', 'titel des projektes', 'bezeichnung', 'name des vorhabens', 'bezeichnung des vorhabens', 'name der maßnahme', 'vorhabenstitel', 'vorhabensbezeichnung'] },
  { key: 'purpose', strong: true, names: ['projektzweck', 'projektziel', 'projektziele', 'zielsetzung', 'zielsetzungen', 'ziele und zweck', 'zweck und ziele', 'zielstellung', 'vorhabensziele'] },
  { key: 'purpose', strong: false, names: ['zweck', 'ziel', 'ziele', 'anliegen', 'angestrebte wirkung', 'angestrebte wirkungen', 'erwartete wirkung', 'erwartete wirkungen', 'angestrebte ergebnisse', 'erwartete ergebnisse', 'wirkungsziele'] },
  { key: 'sponsor', strong: true, names: ['projektträger', 'träger', 'trägerschaft', 'anbieter', 'antragsteller', 'zuwendungsempfänger', 'projektträger und kontakt', 'maßnahmenträger', 'vorhabenträger', 'vorhabensträger', 'federführung', 'durchführende organisation', 'durchführende stelle', 'verantwortliche organisation', 'verantwortliche stelle', 'projektträgerin', 'antragstellerin', 'zuwendungsempfängerin'] },
  { key: 'sponsor', strong: false, names: ['einrichtung', 'veranstalter', 'kommune', 'gemeinde', 'antragstellende kommune', 'zuwendungsempfangende kommune'] },
  { key: 'title', strong: false, names: ['praxisbeispiel', 'betreff', 'betr.', 'betreffend'] },
  // The sections of a council paper (Magistrats- or Beschlussvorlage).
  { key: 'description', strong: false, names: ['sachverhalt', 'sachstand', 'vorbemerkung', 'vorbemerkungen', 'erläuterung', 'erläuterungen'] },
  // The parts of a measure in a budget plan (Haushaltsplan).
  { key: 'purpose', strong: false, names: ['begründung'] },
  { key: 'contact', strong: false, names: ['produktverantwortlicher', 'produktverantwortliche', 'maßnahmenverantwortlicher', 'maßnahmenverantwortliche'] },
  { key: 'other', strong: false, names: ['folgekosten', 'investitionsnummer'] },
  // Where a publication is to be had: its link is read document-wide.
  { key: 'other', strong: false, names: ['bezug', 'bezugsquelle', 'bestellung', 'download'] },
  { key: 'other', strong: false, names: ['kategorien', 'schlagworte', 'stichworte', 'tags', 'themen'] },
  // The parts of a school's or a course's project documentation.
  { key: 'title', strong: false, names: ['thema', 'projektthema'] },
  { key: 'description', strong: false, names: ['einleitung', 'durchführung', 'reflexion', 'projektverlauf', 'verlauf'] },
  { key: 'contact', strong: false, names: ['betreuende lehrkraft', 'betreuung', 'betreut von'] },
  { key: 'other', strong: false, names: ['abgabedatum', 'vorgelegt von', 'verfasst von', 'inhaltsverzeichnis', 'inhalt und gliederung'] },
  { key: 'other', strong: false, names: ['beratungsfolge'] },
  // The sections of a funding programme's information sheet.
  { key: 'description', strong: false, names: ['was wird gefördert', 'was wird unterstützt', 'gefördert wird', 'fördergegenstand', 'fördergegenstände', 'gegenstand der förderung'] },
  { key: 'targetGroups', strong: false, names: ['wer kann einen antrag stellen', 'wer kann einen antrag einreichen', 'wer kann gefördert werden', 'wer wird gefördert', 'wer ist antragsberechtigt', 'antragsberechtigt', 'antragsberechtigte', 'antragsberechtigung', 'zuwendungsempfangende'] },
  { key: 'participation', strong: false, names: ['antragsfrist', 'antragsfristen', 'bewerbungsfrist', 'anmeldefrist', 'einreichungsfrist', 'fristen'] },
  { key: 'contact', strong: false, names: ['beratung und antragstellung', 'antragstellung und beratung', 'ansprechstelle'] },
  { key: 'name', strong: false, names: ['name', 'name des trägers', 'organisation', 'institution', 'name der organisation', 'name der einrichtung', 'name der institution', 'name der kommune', 'einrichtung / organisation'] },
  { key: 'address', strong: false, names: ['anschrift', 'anschrift der verwaltung', 'anschrift der kommune', 'adresse', 'postanschrift', 'postadresse', 'straße', 'sitz', 'plz', 'postleitzahl', 'plz und ort', 'plz/ort', 'hausnummer'] },
  { key: 'contact', strong: true, names: ['ansprechpartner', 'ansprechpartnerin', 'ansprechperson', 'ansprechpersonen', 'kontaktperson', 'kontaktpersonen', 'projektleitung', 'projektleiter', 'projektleiterin', 'projektkoordination', 'projektkoordinator', 'projektkoordinatorin', 'kontaktdaten', 'projektverantwortliche', 'projektverantwortlicher', 'projektverantwortung', 'ansprechpartner für rückfragen', 'kontakt für rückfragen'] },
  { key: 'contact', strong: false, names: ['kontakt', 'verantwortlich', 'rückfragen', 'zuständig', 'zuständigkeit', 'auskunft', 'auskünfte', 'rückmeldung von', 'ausgefüllt von', 'eingereicht von', 'absender', 'stellvertretung', 'stellv.', 'vertretung'] },
  { key: 'name', strong: false, names: ['vor- und nachname', 'vorname und nachname', 'vorname, nachname', 'name, vorname'] },
  { key: 'role', strong: false, names: ['funktion', 'position', 'rolle', 'dienststellung'] },
  { key: 'phone', strong: false, names: ['telefon', 'tel', 'tel.', 'fon', 'telefonnummer', 'tel.-nr.', 'telefon-nr.', 'tel.-nr', 'telefon/mobil', 'mobil', 'rufnummer'] },
  { key: 'email', strong: false, names: ['e-mail', 'email', 'mail', 'e-mail-adresse', 'e-mail adresse', 'mailadresse'] },
  { key: 'place', strong: true, names: ['durchführungsort', 'durchführungsorte', 'projektort', 'projektorte', 'projektregion', 'projektgebiet', 'projektgebiete', 'umsetzungsort', 'umsetzungsorte', 'standort', 'standorte', 'einsatzgebiet', 'wirkungsraum', 'wirkungsbereich', 'einzugsgebiet', 'räumlicher bezug', 'räumlicher geltungsbereich', 'gebietskulisse', 'ortsbezug', 'regionaler bezug'] },
  { key: 'place', strong: false, names: ['ort', 'orte', 'region', 'regionen', 'gebiet', 'wo', 'landkreis', 'kreis', 'lage'] },
  { key: 'place', strong: true, names: ['beteiligte kommunen', 'teilnehmende kommunen', 'beteiligte landkreise', 'beteiligte städte', 'projektkommunen', 'modellkommune', 'modellkommunen', 'modellregion', 'modellregionen', 'modellstandort', 'modellstandorte', 'pilotkommunen', 'pilotregion'] },
  { key: 'period', strong: true, names: ['projektlaufzeit', 'laufzeit', 'projektzeitraum', 'durchführungszeitraum', 'umsetzungszeitraum', 'projektdauer', 'förderzeitraum', 'bewilligungszeitraum', 'zeitplan', 'zeitrahmen'] },
  { key: 'period', strong: false, names: ['zeitraum', 'dauer', 'wann'] },
  { key: 'periodStart', strong: true, names: ['projektbeginn', 'projektstart', 'laufzeitbeginn', 'beginn der laufzeit', 'umsetzungsbeginn', 'maßnahmenbeginn'] },
  { key: 'periodStart', strong: false, names: ['beginn', 'start', 'von', 'eröffnet', 'eröffnung', 'gestartet', 'gegründet', 'seit'] },
  { key: 'periodEnd', strong: true, names: ['projektende', 'laufzeitende', 'ende der laufzeit', 'projektabschluss', 'maßnahmenende'] },
  { key: 'periodEnd', strong: false, names: ['ende', 'abschluss', 'bis'] },
  { key: 'description', strong: true, names: ['kurzbeschreibung', 'kurzbeschreibung des projekts', 'kurzbeschreibung des projektes', 'projektbeschreibung', 'kurzdarstellung', 'projektinhalt', 'projektinhalte', 'ausgangslage', 'ausgangssituation', 'vorhabensbeschreibung', 'projektskizze', 'kurzporträt', 'kurztext', 'kurzinfo', 'kurzinformation'] },
  { key: 'description', strong: false, names: ['beschreibung', 'inhalt', 'inhalte', 'hintergrund', 'maßnahmen', 'vorgehen', 'vorgehensweise', 'umsetzung', 'aktivitäten', 'ergebnisse', 'wirkung', 'besonderheiten', 'zusammenfassung'] },
  { key: 'funding', strong: true, names: ['finanzierung', 'fördermittel', 'fördersumme', 'fördermittelgeber', 'fördergeber', 'finanzierungsplan', 'kosten und finanzierung', 'zuwendung', 'gesamtkosten', 'gesamtausgaben', 'eigenmittel', 'eigenanteil', 'projektkosten', 'projektvolumen', 'gesamtvolumen', 'förderprogramm', 'finanzierungsquellen', 'mittelgeber', 'finanzierung und förderung', 'förderung und finanzierung', 'zuschuss', 'drittmittel', 'kostenrahmen', 'zuwendungsgeber', 'geldgeber', 'förderer', 'gefördert durch', 'finanziert durch', 'förderquote'] },
  { key: 'funding', strong: false, names: ['förderung', 'kosten', 'budget', 'finanzen', 'finanzielle auswirkungen', 'haushaltsmäßige auswirkungen', 'finanzrahmen', 'mittelausstattung', 'fördervolumen'] },
  { key: 'partners', strong: true, names: ['kooperationspartner', 'projektpartner', 'netzwerkpartner', 'kooperationspartner und netzwerk', 'beteiligte partner', 'projektbeteiligte'] },
  { key: 'partners', strong: false, names: ['partner', 'kooperationen', 'beteiligte', 'mitwirkende'] },
  { key: 'targetGroups', strong: true, names: ['zielgruppe', 'zielgruppen'] },
  { key: 'targetGroups', strong: false, names: ['adressaten', 'adressatinnen und adressaten', 'adressatenkreis'] },
  { key: 'legal', strong: true, names: ['rechtsgrundlage', 'rechtsgrundlagen', 'gesetzliche grundlage', 'gesetzliche grundlagen', 'rechtliche grundlage', 'rechtliche grundlagen', 'rechtlicher rahmen', 'grundlage', 'grundlagen'] },
  { key: 'website', strong: false, names: ['internet', 'website', 'webseite', 'homepage', 'internetseite', 'internetadresse', 'web', 'url', 'informationen im internet'] },
  { key: 'participation', strong: false, names: [...signUpLabels, 'machen sie mit', 'teilnahme', 'teilnahmemöglichkeit', 'teilnahmemöglichkeiten', 'beteiligung anderer kommunen'] },
  // Sections headed by a question, as in public-facing sheets ("Worum geht es?", "Wer?", "Wann?").
  { key: 'title', strong: false, names: ['was'] },
  // A sheet that asks its fields as questions ("Wie heißt das Projekt? Gießpaten …").
  { key: 'title', strong: false, names: ['wie heißt das projekt', 'wie heißt das angebot', 'wie heißt ihr projekt', 'wie heißt es'] },
  { key: 'place', strong: false, names: ['wo läuft es', 'wo läuft das projekt', 'wo findet es statt', 'wo findet das projekt statt'] },
  { key: 'contact', strong: false, names: ['wer berät', 'wer gibt auskunft', 'an wen kann ich mich wenden', 'an wen wende ich mich', 'wen kann ich fragen', 'wer ist ansprechpartner'] },
  { key: 'description', strong: false, names: ['worum geht es', 'worum es geht', 'was machen wir', 'was tun wir', 'was ist', 'wie', 'wie funktioniert es', 'was wird gemacht', 'was passiert', 'was macht das projekt', 'was genau passiert', 'kurz gesagt', 'in kürze', 'kurzfassung', 'auf einen blick'] },
  { key: 'purpose', strong: false, names: ['warum', 'warum machen wir das', 'warum tun wir das', 'wozu', 'was wollen wir erreichen', 'was soll erreicht werden', 'was ist das ziel', 'welches ziel hat das projekt'] },
  { key: 'sponsor', strong: false, names: ['wer', 'wer steckt dahinter', 'wer steht dahinter', 'wer ist verantwortlich', 'wer ist träger', 'einreichende stelle', 'einreichende organisation', 'einreichende kommune', 'federführende stelle', 'federführende organisation', 'verantwortliche einrichtung'] },
  { key: 'period', strong: false, names: ['seit wann', 'wie lange', 'bis wann'] },
  { key: 'funding', strong: false, names: ['was kostet', 'was kostet es', 'was hat es gekostet', 'was kostet das', 'wie wird es finanziert', 'wer finanziert', 'wer bezahlt'] },
  { key: 'targetGroups', strong: false, names: ['für wen', 'wer kann', 'wer kann mitmachen', 'an wen richtet sich das angebot', 'an wen richtet sich das projekt'] },
  { key: 'partners', strong: false, names: ['mit wem', 'wer macht mit', 'wer ist beteiligt'] },
  { key: 'place', strong: true, names: ['einsatzort', 'einsatzorte', 'räumlicher umgriff'] },
  // The fields of programme and offer sheets (set M).
  { key: 'place', strong: false, names: ['geltungsbereich', 'beratungsgebiet', 'fördergebiet', 'einzugsgebiet'] },
  { key: 'purpose', strong: false, names: ['zweck des programms', 'ziel des programms', 'programmziel', 'zweck des angebots', 'ziel des angebots'] },
  { key: 'partners', strong: false, names: ['in zusammenarbeit mit', 'in kooperation mit', 'gemeinsam mit'] },
  { key: 'funding', strong: false, names: ['fördergeberin', 'mittelgeberin', 'haushaltsmittel', 'finanzmittel'] },
  { key: 'period', strong: false, names: ['angeboten seit', 'besteht seit', 'läuft seit'] },
  { key: 'other', strong: false, names: ['sprechzeiten', 'öffnungszeiten', 'erreichbarkeit'] },
  // English labels, as in sheets of EU-funded projects (LEADER, Interreg) or written by agencies.
  { key: 'title', strong: true, english: true, names: ['project title', 'project name', 'title of the project', 'title of the practice', 'name of the practice'] },
  { key: 'description', strong: true, english: true, names: ['summary', 'project summary', 'abstract', 'project description', 'description', 'detailed description', 'short description', 'evidence of success'] },
  { key: 'description', strong: false, english: true, names: ['background', 'activities', 'approach', 'results', 'outcomes', 'overview'] },
  { key: 'purpose', strong: true, english: true, names: ['goals', 'objectives', 'aims', 'project goals', 'project objectives'] },
  { key: 'purpose', strong: false, english: true, names: ['goal', 'objective', 'aim', 'purpose', 'mission'] },
  { key: 'sponsor', strong: true, english: true, names: ['responsible organisation', 'responsible organization', 'lead partner', 'lead-partner', 'leadpartner', 'lead organisation', 'lead organization', 'project owner', 'applicant', 'beneficiary'] },
  { key: 'contact', strong: true, english: true, names: ['contact person', 'contact persons', 'contact details', 'project manager', 'project lead', 'project coordinator'] },
  { key: 'contact', strong: false, english: true, names: ['contact', 'contacts'] },
  { key: 'phone', strong: false, english: true, names: ['phone', 'telephone', 'mobile'] },
  { key: 'place', strong: true, english: true, names: ['location of the practice', 'location', 'locations', 'project location', 'project area', 'project region'] },
  { key: 'period', strong: true, english: true, names: ['timeline', 'timeframe', 'time frame', 'timescale', 'project period', 'project duration', 'duration', 'runtime'] },
  { key: 'funding', strong: true, english: true, names: ['funding', 'financing', 'costs', 'total costs', 'funded by', 'funding programme', 'funding program', 'resources needed', 'resources', 'budget'] },
  { key: 'partners', strong: true, english: true, names: ['project partners', 'partners', 'partner organisations', 'partner organizations', 'main stakeholders and beneficiaries', 'stakeholders', 'main stakeholders'] },
  { key: 'targetGroups', strong: true, english: true, names: ['target group', 'target groups', 'target audience'] },
  { key: 'legal', strong: true, english: true, names: ['legal basis', 'legal framework'] },
  { key: 'website', strong: false, english: true, names: ['more information'] },
  // The press office of a press release is no contact of the project; the people of an interview are no partners.
  // The publisher of a publication or newsletter carries it; its metadata and a newsletter's other sections are no fields.
  { key: 'sponsor', strong: false, names: ['herausgeber', 'herausgeberin', 'hrsg.', 'hrsg', 'herausgegeben von', 'verlag'] },
  { key: 'other', strong: false, names: ['erscheinungsjahr', 'erschienen', 'erscheinungsdatum', 'seiten', 'umfang', 'format', 'isbn', 'auflage', 'kurz notiert', 'termine', 'veranstaltungskalender', 'impressum', 'in dieser ausgabe', 'abmelden', 'newsletter abbestellen'] },
  { key: 'other', strong: false, names: ['einverständnis', 'einverständniserklärung', 'einwilligung', 'datenschutz', 'datenschutzhinweis', 'zustimmung zur veröffentlichung'] },
  { key: 'other', strong: false, names: ['pressekontakt', 'medienkontakt', 'kontakt für die presse', 'kontakt für medien', 'gesprächspartner', 'interviewpartner', 'gespräch', 'interview'] },
  { key: 'other', strong: false, names: ['kosten für die teilnehmenden', 'kosten für teilnehmende', 'teilnahmegebühr', 'teilnahmekosten', 'kosten für kommunen', 'kosten für die kommunen', 'kosten für gemeinden', 'kosten für vereine', 'kosten für nutzende', 'kosten für bürgerinnen und bürger'] },
  // Fields that name the kind of contribution (read by extract/kind.ts).
  { key: 'other', strong: false, names: kindFieldLabels },
  { key: 'other', strong: false, names: ['kpis', 'kpi', 'key figures', 'kennzahlen', 'indikatoren', 'date', 'annex', 'notes'] },
  { key: 'other', strong: false, names: ['stand', 'datum', 'status', 'sdg', 'sdgs', 'leitsätze', 'nachhaltigkeitsziele', 'bezug zur nachhaltigkeitsstrategie', 'übertragbarkeit', 'auszeichnungen', 'bildnachweis', 'quelle', 'quellen', 'anlagen', 'anhang', 'bemerkungen', 'sonstiges', 'hinweise', 'materialien', 'veröffentlichungen', 'presse', 'weitere informationen', 'mehr informationen', 'links', 'link'] },
];

const labelIndex = new Map<string, LabelDef>();
for (const def of labelDefs) for (const name of def.names) labelIndex.set(name, def);

/** "Ansprechpartner/in", "Ansprechpartner*in", "Zielgruppe(n)", "Ziel(e)", "Kooperationspartner:innen" → base form. */
export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\s+/g, ' ')
    // "Wer?", "Worum geht es?": a section headed by a question.
    .replace(/\s*\?$/, '')
    // "Mit·machen": Leichte Sprache splits long words with a middle dot.
    .replace(/(?<=\p{L})·(?=\p{L})/gu, '')
    // "Ihre Ansprechpartnerin", "Unser Ziel": the possessive adds nothing.
    .replace(/^(?:ihr|ihre|unser|unsere)\s+/, '')
    .replace(/(?:\(in\)|\(innen\)|[/*:_]-?in(?:nen)?)(?=\s|$)/g, '')
    .replace(/\((e|n|en|s|es)\)/g, '$1')
    // A hint for the person filling in the form: "Projektträger (Name, Anschrift)", "Laufzeit (von – bis)".
    .replace(/\s+\([^()]*\)$/, '')
    .replace(/innen$/, '')
    .trim();
}

// "Ziele des Projekts", "Träger der Maßnahme", "Ort der Umsetzung": the qualifier adds nothing.
// "Angaben zum Träger", "Informationen zur Finanzierung": the heading of a section with one field.
const sectionPrefix = /^(?:angaben|informationen|daten)\s+(?:zu[mr]?|über)\s+(?:(?:der|dem|den|die|das)\s+)?/;
const qualifier = /\s+(?:des|der|dieses|unseres|unserer|zum|zur)\s+(?:projekts?|projektes|vorhabens|maßnahme|initiative|angebots|angebotes|praxisbeispiels|beitrags|wettbewerbsbeitrags|umsetzung|durchführung|kreisausschusses|magistrats|gemeindevorstands|materials|leitfadens)$/;

// "Einverständnis zur Veröffentlichung der Kontaktdaten", "Datenschutzhinweis …": consent and data protection, no field.
const consentLabel = /^(?:einverständnis|einwilligung|datenschutz|zustimmung zur|veröffentlichung der kontaktdaten)/;

function lookupOne(label: string): LabelDef | undefined {
  const name = normaliseLabel(label);
  const direct = labelIndex.get(name);
  if (direct) return direct;
  // "foerdergeber", "strasse": a database export or a keyboard without umlauts.
  if (/ae|oe|ue|ss/.test(name) && /^[\x20-\x7e]+$/.test(name)) {
    const umlauts = name.replace(/ae/g, 'ä').replace(/oe/g, 'ö').replace(/ue/g, 'ü');
    const spelled = labelIndex.get(umlauts) ?? labelIndex.get(umlauts.replace(/ss/g, 'ß')) ?? labelIndex.get(name.replace(/ss/g, 'ß'));
    if (spelled) return spelled;
  }
  if (consentLabel.test(name)) return labelIndex.get('einverständnis');
  // "Projekt-Titel", "Kontakt-Person": a compound written with a hyphen is the same label.
  if (name.includes('-')) {
    const joined = labelIndex.get(name.replace(/(?<=\p{L})-(?=\p{L})/gu, ''));
    if (joined) return joined;
  }
  if (!name.includes(' ')) return lookupCompound(name);
  const base = name.replace(qualifier, '');
  const qualified = base !== name ? labelIndex.get(base) : undefined;
  // "Name des Vorhabens" is the title, not an organisation's name.
  if (qualified) return qualified.key === 'name' ? labelIndex.get('titel') : qualified;
  const section = name.replace(sectionPrefix, '').replace(qualifier, '');
  if (section === name) return undefined;
  const def = labelIndex.get(section);
  // "Angaben zum Projekt" heads a section; it is not the project's title.
  return def?.key === 'title' ? labelIndex.get('stand') : def;
}

/*
 * A compound whose last part is a known label names the same field: "Schulträger", "Kita-Träger"
 * (sponsor), "Förderzeitraum", "Personalkosten", "Anschubfinanzierung", "Gesamtinvestition". Such
 * labels are read, but as weak ones (they do not make a document a fact sheet).
 */
const compoundHeads: ReadonlyArray<readonly [string, string]> = [
  ['träger', 'träger'],
  ['zeitraum', 'zeitraum'],
  ['laufzeit', 'zeitraum'],
  ['beschreibung', 'beschreibung'],
  ['partner', 'partner'],
  ['zielgruppe', 'zielgruppe'],
  ['zielgruppen', 'zielgruppe'],
  ['kosten', 'kosten'],
  ['finanzierung', 'kosten'],
  ['investition', 'kosten'],
  ['investitionen', 'kosten'],
];
function lookupCompound(name: string): LabelDef | undefined {
  if (name.length < 6 || name.length > 40 || !/^[\p{L}-]+$/u.test(name)) return undefined;
  for (const [head, base] of compoundHeads) {
    if (name.length >= head.length + 3 && name.endsWith(head)) {
      const def = labelIndex.get(base);
      return def ? { ...def, strong: false } : undefined;
    }
  }
  return undefined;
}

// Labels repeat across documents ("Telefon", "E-Mail", "Projektträger"): their lookup is remembered.
const lookedUp = new Map<string, LabelDef | null>();

export function lookupLabel(label: string, options: { colon?: boolean } = {}): LabelDef | undefined {
  const cacheKey = options.colon ? `:${label}` : label;
  const cached = lookedUp.get(cacheKey);
  if (cached !== undefined) return cached ?? undefined;
  const def = lookupUncached(label, options);
  if (lookedUp.size > 20_000) lookedUp.clear();
  lookedUp.set(cacheKey, def ?? null);
  return def;
}

// Names of labels that are one word, for abbreviations.
const oneWordNames = [...labelIndex.keys()].filter((name) => /^\p{L}+$/u.test(name));

/**
 * "Ansprechp.", "Kurzbeschr.", "Zielgr.", "Fin.", "Lfz.": a one-word label cut short with a dot
 * stands for the label names it begins (or, failing that, whose letters it keeps in order from the
 * first), when all of them are the same field.
 */
function byAbbreviation(label: string): LabelDef | undefined {
  const m = /^(\p{L}{3,12})\.$/u.exec(label.trim());
  if (!m) return undefined;
  const short = (m[1] ?? '').toLowerCase();
  const keeps = (name: string) => {
    let at = 0;
    for (const letter of name) if (letter === short[at]) at++;
    return at === short.length;
  };
  for (const matches of [(name: string) => name.startsWith(short), (name: string) => name[0] === short[0] && keeps(name)]) {
    const names = oneWordNames.filter((name) => name.length > short.length && matches(name)).sort((a, b) => a.length - b.length);
    if (!names.length) continue;
    // "Lfz." for "Laufzeit", not its compounds "Laufzeitbeginn", "Laufzeitende".
    const base = names[0] ?? '';
    const defs = names.every((name) => name.startsWith(base)) ? [labelIndex.get(base)] : [...new Set(names.map((name) => labelIndex.get(name)))];
    return new Set(defs.map((d) => d?.key)).size === 1 && defs[0] ? { ...defs[0], strong: false } : undefined;
  }
  return undefined;
}

function lookupUncached(label: string, options: { colon?: boolean }): LabelDef | undefined {
  const direct = lookupOne(label);
  if (direct) return direct;
  // "Beteiligte Dritte (Kooperationen):": the hint in parentheses may name the field the label does
  // not (only before a colon: "Frau Dr. Albers (Projektleitung)" is a person, not a label).
  const hint = options.colon ? /\(([^(),]{3,40})\)\s*$/.exec(label.trim())?.[1] : undefined;
  const byHint = hint ? lookupOne(hint) : undefined;
  if (byHint) return { ...byHint, strong: false };
  // "Ansprechperson – Funktion", "Kontakt - E-Mail": a detail of a block; a name is the person of a contact block.
  const detail = /\s[–-]\s/.test(label) ? /^(.+?)\s+[–-]\s+(.+)$/.exec(label.trim()) : null;
  if (detail) {
    const block = lookupOne(detail[1] ?? '');
    const part = lookupOne(detail[2] ?? '');
    if (block && part) return part.key === 'name' && block.key === 'contact' ? block : part;
  }
  // "Ansprechpartnerin bei der Stadt", "Kontakt im Rathaus": where the person sits adds nothing to the label.
  const located = /^(.{3,40}?)\s+(?:bei|beim|im|in\s+der|in\s+dem)\s+[^:]{2,40}$/.exec(label.trim());
  const byPlace = located ? lookupOne(located[1] ?? '') : undefined;
  if (byPlace && (byPlace.key === 'contact' || byPlace.key === 'phone' || byPlace.key === 'email')) return { ...byPlace, strong: false };
  // "Wer bezahlt das Projekt?", "Seit wann gibt es das Projekt?": a question heading is known by its first words.
  if (/\?\s*$/.test(label)) {
    const words = normaliseLabel(label).split(' ');
    // Two words at least: "Warum eine gemeinsame Stelle?" asks about something else than the project's purpose.
    for (let n = words.length - 1; n >= 2; n--) {
      const def = labelIndex.get(words.slice(0, n).join(' '));
      if (def) return { ...def, strong: false };
    }
  }
  const abbreviated = byAbbreviation(label);
  if (abbreviated) return abbreviated;
  // Combined labels ("Anbieter/Projektleitung", "Träger und Ansprechpartner"): the first known part decides.
  const parts = label.split(/\s*\/\s*|\s+(?:und|bzw\.|oder)\s+|\s*&\s*/);
  if (parts.length < 2 || parts.length > 3) return undefined;
  for (const part of parts) {
    const def = lookupOne(part);
    if (def) return def;
  }
  return undefined;
}

export interface LabelLine {
  key: FieldKey;
  label: string;
  rest: string;
  strong: boolean;
}

// Section numbering in front of a label: "1.", "2)", "1.1", "IV.", "B)".
const numbering = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-H][.)]|\d{1,2}\))\s+/;

/** Recognises a label at the start of a line, or returns null. */
// "Anlage 1: Kosten- und Finanzierungsplan", "Anhang B – Pressespiegel": an appendix starts a section of its own.
const appendix = /^(?:#{1,6}\s+)?(?:\*\*)?(?:Anlage|Anhang|Appendix)\s*(?:\d{1,2}|[A-H])?\s*(?:[:.–-]\s*)?(?:\*\*)?\s*/i;

export function matchLabelLine(line: string): LabelLine | null {
  let s = line.trim();
  if (!s) return null;
  // "[Titel des Praxisbeispiels]" (an online form's export): the field name in brackets, the value
  // after it or on the next line; a name the reader does not know is a field of its own. (Not a
  // Markdown link "[Leitfaden](https://…)".)
  const bracketed = /^\[([^\]]{2,100})\](?!\()\s*(.*)$/.exec(s);
  if (bracketed && !/^F\s?\d/.test(bracketed[1] ?? '')) {
    const label = (bracketed[1] ?? '').trim();
    const def = lookupLabel(label, { colon: true });
    return { key: def?.key ?? 'other', label, rest: (bracketed[2] ?? '').trim(), strong: def?.strong ?? false };
  }
  // "*Kontakt: Lisa Marquardt, Tel. …*": a whole line in italics or bold.
  const emphasised = /^(\*\*|\*|__|_)(?![*_\s])([^*_]{3,}:\s[^*_]*?)(?<!\s)\1$/.exec(s);
  if (emphasised) s = emphasised[2] ?? s;
  const app = appendix.exec(s);
  if (app && app[0].length < s.length && /^(?:#|\*\*|Anlage|Anhang|Appendix)/i.test(s)) {
    const title = plainLine(s.slice(app[0].length)).replace(/:$/, '');
    const def = lookupLabel(title);
    if (!/[.!?]$/.test(title) && title.split(/\s+/).length <= 8) return { key: def?.key ?? 'other', label: title, rest: '', strong: false };
  }
  const heading = /^#{1,6}\s+/.test(s);
  // List bullets ("- ", "* ", "• ") in front of a label; "**" has no space and is left alone.
  const bulleted = /^[-*•]\s+/.test(s.replace(/^#{1,6}\s+/, ''));
  s = s.replace(/^#{1,6}\s+/, '').replace(/^[-*•]\s+/, '').replace(numbering, '');

  // Bold or italic ("*Vorhaben (Kurztitel):*", as forms set their labels).
  const bold = /^(\*\*|__)(.+?)\1\s*(.*)$/.exec(s) ?? /^(\*|_)(?![*_\s])([^*_]+?)\1(?![*_])\s*(.*)$/.exec(s);
  if (bold) {
    let inner = (bold[2] ?? '').trim().replace(numbering, '');
    let rest = bold[3] ?? '';
    let colon = false;
    if (inner.endsWith(':')) {
      colon = true;
      inner = inner.slice(0, -1).trim();
    } else if (rest.startsWith(':')) {
      colon = true;
      rest = rest.slice(1);
    }
    const def = lookupLabel(inner, { colon });
    // A bold label without colon counts only when it stands alone; "**Ziel** ist es …" is prose.
    if (def && (colon || rest.trim() === '')) return { key: def.key, label: inner, rest: rest.trim(), strong: def.strong };
    return null;
  }

  const plain = /^([^:]{1,60}?)\s*:\s*(.*)$/.exec(s);
  if (plain) {
    const def = lookupLabel(plain[1] ?? '', { colon: true });
    if (def) return { key: def.key, label: (plain[1] ?? '').trim(), rest: (plain[2] ?? '').trim(), strong: def.strong };
  }
  // A label alone on its line without colon (headings, converted tables, forms with the value on
  // the next line); a list item that is only a word ("- Kosten") is content, unless it is specific.
  // (Not a line with a colon whose start is no label: "Anlage 1: Kosten- und Finanzierungsplan" names no field.)
  const def = plain ? undefined : lookupLabel(s);
  if (def && (def.strong || heading || !bulleted)) return { key: def.key, label: s, rest: '', strong: def.strong };
  return null;
}

// Specific labels, longest first, for labels that a PDF's text layer ran into the previous sentence.
const strongLabelNames = labelDefs
  .filter((d) => d.strong && !d.english)
  .flatMap((d) => d.names)
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
const runInLabel = new RegExp(`(?<=[.!?])[ \\t]+(?=(?:${strongLabelNames.join('|')})\\s*:)`, 'giu');

/** "Herausgeber: X · Erscheinungsjahr: 2024 · 64 Seiten": a row of fields separated by "·" or "|", one per line. */
function splitFieldRows(text: string): string {
  if (!/\s[·|]\s/.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      if (!/^\s*[^|:]{2,40}:/.test(line) || /^\s*\|/.test(line)) return line;
      const parts = line.split(/\s+[·|]\s+/);
      return parts.length > 1 && parts.slice(1).some((p) => /^[^:]{2,40}:/.test(p) && lookupLabel(p.slice(0, p.indexOf(':'))) !== undefined) ? parts.join('\n') : line;
    })
    .join('\n');
}

/** "… in den Rathäusern. Finanzierung: Die …": a specific label after a sentence starts a new line. */
function splitRunInLabels(text: string): string {
  const split = text.replace(runInLabel, (match, offset: number, whole: string) => (/^\p{Lu}/u.test(whole.slice(offset + match.length)) ? '\n' : match));
  // "… nina.krauss@rpda.example GEBIET: gesamter …": a known label in capitals within a line (a PDF
  // ran two lines of a form written in capitals together) starts a line of its own.
  return /\p{Lu}{4,}[^\S\n]*:/u.test(split)
    ? split.replace(capitalLabel, (match: string, label: string) => (lookupLabel(label) ? `\n${match.trimStart()}` : match))
    : split;
}
const capitalLabel = /(?<=\S)[ \t]+(\p{Lu}[\p{Lu}-]{3,}(?:[ \t]+\p{Lu}[\p{Lu}-]+){0,3})(?=[ \t]*:)/gu;

const cellsOf = (line: string): string[] | null => {
  const m = /^\s*\|(.*)\|\s*$/.exec(line);
  return m ? (m[1] ?? '').split('|').map((c) => c.trim().replace(/\*\*/g, '')) : null;
};
// The header of a key–value table names its columns ("Feld | Angabe", "Frage | Antwort").
const columnName = /^(?:Angaben?|Inhalte?|Beschreibung|Wert|Antwort|Eintrag|Details|Erläuterung|Text|Daten)$/i;
// Columns of amounts ("Position | Betrag"): the header names them even when its first cell is a label word.
const amountColumn = /^(?:Betrag|Beträge|Summe|Euro|EUR|€|Kosten|Höhe|Betrag in (?:€|Euro|EUR))$/i;
const isSeparator = (line: string) => /^\s*\|?\s*:?-{3,}/.test(line);

/**
 * Markdown tables as the DOCX and HTML converters write them. In a table of two columns whose
 * first cells are short, every row is "Label: value", also with a label the reader does not know
 * (so that it ends the field before it); a header row of column names ("Feld | Angabe") is
 * dropped. Rows of wider tables ("Quelle | Betrag | Anteil") become "a | b | c" lines without
 * their header; a row led by a known label stays "Label: b | c".
 */
function untable(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!cellsOf(lines[i] ?? '')) {
      out.push(lines[i] ?? '');
      i++;
      continue;
    }
    const block: Array<{ cells: string[]; header: boolean }> = [];
    for (; i < lines.length && (cellsOf(lines[i] ?? '') || isSeparator(lines[i] ?? '')); i++) {
      const line = lines[i] ?? '';
      if (isSeparator(line)) {
        const last = block[block.length - 1];
        if (last) last.header = true;
        continue;
      }
      block.push({ cells: cellsOf(line) ?? [], header: false });
    }
    // "Nr. | Angabe | Inhalt" with rows "1 | Projektbezeichnung | …": a first column that only
    // numbers the rows says nothing; without it the table is one of labels and values.
    // (A PDF may have run two cells of a row together, so most rows, not all, have three cells.)
    const numbering = (r: { cells: string[] }) => /^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|Nr\.?|Pos\.?|lfd\.\s?Nr\.?|[A-H][.)]?)?$/i.test(r.cells[0] ?? '');
    if (block.every((r) => r.cells.length >= 2 && numbering(r)) && block.filter((r) => r.cells.length >= 3).length * 3 >= block.length * 2)
      for (const r of block) r.cells = r.cells.slice(1);
    // Merged cells as converters write them: a row of one cell (or a first cell spanning both
    // columns, the second left empty) is a heading within the table; a row whose first cell is
    // empty continues the value above it (a label cell merged over several rows).
    const spanning = (r: { cells: string[] }) => r.cells.length === 1 || (r.cells.length === 2 && r.cells[1] === '' && (r.cells[0] ?? '') !== '');
    const continued = (r: { cells: string[] }) => r.cells.length === 2 && r.cells[0] === '' && (r.cells[1] ?? '') !== '';
    const keyValue = block.every((r) => spanning(r) || continued(r) || (r.cells.length === 2 && (r.cells[0] ?? '').length <= 50 && !/[.?!]$/.test(r.cells[0] ?? '')));
    for (const row of block) {
      const { cells, header } = row;
      if (keyValue && continued(row)) {
        out.push(cells[1] ?? '');
        continue;
      }
      if (keyValue && spanning(row)) {
        const heading = (cells[0] ?? '').replace(/:$/, '');
        // A known label stays a field ("| Kontakt | |" with the value in the rows below); other text heads a section.
        out.push(lookupLabel(heading) ? `${heading}:` : heading);
        continue;
      }
      const label = (cells[0] ?? '').replace(/:$/, '');
      const known = lookupLabel(label) !== undefined;
      if (keyValue) {
        if (header && ((!known && columnName.test(cells[1] ?? '')) || amountColumn.test(cells[1] ?? ''))) continue;
        out.push(`${label}: ${cells[1] ?? ''}`);
      } else if (header && cells.length > 2) continue;
      else if (known) out.push(`${label}: ${cells.slice(1).join(' | ')}`);
      else out.push(`| ${cells.join(' | ')} |`.replace(/^\| (.*) \|$/, cells.length > 2 ? '$1' : '| $1 |'));
    }
  }
  return out.join('\n');
}

/**
 * Forms whose PDF or Word text has lost the colons: "Projekttitel Solarkataster …",
 * "Träger Landkreis Fulda, …", a known label and its value on one line. Only a run of at least
 * three such lines counts, so that a sentence beginning with a label word stays prose.
 */
function formLines(text: string): string {
  const lines = text.split('\n');
  const split = lines.map((line): string | null => {
    const s = line.trim();
    if (!s || s.includes(':') && matchLabelLine(s)) return null;
    const words = s.split(/\s+/);
    for (let k = Math.min(4, words.length - 1); k >= 1; k--) {
      const label = words.slice(0, k).join(' ');
      if (/^\p{Lu}/u.test(label) && !/[.,;:!?]$/.test(label) && lookupLabel(label)) return `${label}: ${words.slice(k).join(' ')}`;
    }
    return null;
  });
  const out = [...lines];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && split[j] !== null) j++;
    if (j - i >= 3) for (let k = i; k < j; k++) out[k] = split[k] ?? out[k] ?? '';
    i = j === i ? i + 1 : j;
  }
  return out.join('\n');
}

/**
 * A table of contents ("Inhalt" and then "1. Überblick", "2. Projektdaten", "Anlage 1: …"): its
 * entries name the sections and would be read as their labels; the lines are dropped.
 */
function dropTableOfContents(text: string): string {
  const m = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?:Inhalt|Inhaltsverzeichnis|Gliederung|Übersicht|In dieser Ausgabe)(?:\*\*)?:?[ \t]*\n((?:[ \t]*(?:[-*•]|\d{1,2}(?:\.\d{1,2})*\.?|Anlage|Anhang)[^\n.!?]{0,80}\n){3,})/im.exec(text);
  return m ? text.slice(0, m.index) + text.slice(m.index + m[0].length) : text;
}

/**
 * Two further layouts of "label and value" as lines: a tab between them ("Träger\tStadt X", a line
 * starting with a tab continues the value above; see decode.ts), and the label in parentheses at the end of the
 * line ("Stadt Eschwege (Träger)"), which counts only when at least three lines are written so.
 */
function labelsAtLineEnds(text: string): string {
  let lines = text.split('\n');
  if (text.includes(' | ')) {
    // (Decoding wrote the tab as " | ", the cell separator of converted tables.)
    lines = lines.map((line) => {
      const m = /^([^|:]{2,60}?) \| ([^|]*)$/.exec(line);
      return m && lookupLabel((m[1] ?? '').trim()) ? `${(m[1] ?? '').trim()}: ${(m[2] ?? '').trim()}` : line;
    });
  }
  if (text.includes(')')) {
    const trailing = (line: string) => {
      const m = /^(\S.*?)\s+\(([^()]{2,40})\)\s*$/.exec(line);
      return m && lookupLabel(m[2] ?? '') ? `${(m[2] ?? '').trim()}: ${(m[1] ?? '').trim()}` : null;
    };
    const rewritten = lines.map(trailing);
    if (rewritten.filter(Boolean).length >= 3) lines = lines.map((line, i) => rewritten[i] ?? line);
  }
  return lines.join('\n');
}

/** The text as the field reader sees it: tables, colon-less form lines and run-in labels resolved. */
export function normaliseFieldText(text: string): string {
  if (text.includes(' | ') || /\)[ \t]*\n/.test(text)) text = labelsAtLineEnds(text);
  return formLines(untable(splitFieldRows(splitRunInLabels(/Inhalt|Gliederung|Übersicht|In dieser Ausgabe/i.test(text) ? dropTableOfContents(text) : text))));
}

export interface ParsedFields {
  /** Text before the first label (title lines). */
  preamble: string;
  fields: Field[];
}

/**
 * "3 Rahmendaten" followed by "3.1 Projektort: …": the heading of numbered subsections, which ends
 * the field before it (it is not part of that field's text) without being a field itself.
 */
function numberedSectionHeading(line: string, lines: readonly string[], index: number): LabelLine | null {
  if (!/^\s*(?:#{1,6}\s+)?(?:\*\*)?\d/.test(line)) return null;
  const m = /^\s*(?:#{1,6}\s+)?(?:\*\*)?(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,4})(?:\*\*)?\s*$/u.exec(line);
  if (!m) return null;
  let j = index + 1;
  while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
  const next = lines[j];
  if (!next || !new RegExp(`^\\s*(?:#{1,6}\\s+)?(?:\\*\\*)?${(m[1] ?? '').replace(/\./g, '\\.')}\\.\\d`).test(next)) return null;
  return { key: 'other', label: (m[2] ?? '').trim(), rest: '', strong: false };
}

/*
 * Headings the label list does not know ("3 Fachliche Ansprechstelle", "## Zeitlicher Rahmen",
 * "Zuständig: …"): the word stems they are built from still name the field. Checked in this
 * order, so that "Zielgruppe" is not read as a goal and "Förderzeitraum" is a period.
 */
const headingStems: ReadonlyArray<readonly [FieldKey, RegExp]> = [
  ['targetGroups', /zielgruppe|adressat|teilnehmerkreis|nutzerkreis|für wen/],
  ['contact', /ansprech|kontakt|zuständig|auskunft|rückfrage|contact/],
  ['period', /zeitlich|zeitraum|laufzeit|zeitplan|zeitrahmen|zeitschiene|termine?\b|dauer\b|zeithorizont|timeline|schedule/],
  ['legal', /rechtlich|rechtsgrundlage|gesetzlich|legal/],
  // "Förderziel" is a goal: a compound is named by its last part.
  ['purpose', /\bziel|ziele?\b|zweck|intention|\bgoal|objective/],
  ['funding', /finanz|förder|kosten|budget|zuwendung|zuschuss|\bmittel\b|mittelherkunft|invest|funding/],
  ['partners', /partner|kooperation|netzwerk|mitwirkende|beteiligte/],
  ['sponsor', /träger|antragstell|zuwendungsempf|federführ|veranstalter|einreichend|durchführende/],
  ['place', /\bort\b|\borte\b|region|gebiet|standort|geltungsbereich|umgriff|location/],
  ['description', /beschreibung|darstellung|inhalt|überblick|anlass|hintergrund|ausgangs|vorgehen|umsetzung|maßnahmen|ergebnis|projektidee|konzept|summary/],
];

function keyFromStems(label: string): FieldKey | null {
  const name = normaliseLabel(label);
  for (const [key, stem] of headingStems) if (stem.test(name)) return key;
  return null;
}

interface UnknownHeading {
  label: string;
  rest: string;
  /** "4", "4.1": the section number, when the heading has one. */
  number: string | null;
}

/**
 * A line that is set as a heading but names no known label: numbered ("6 Zeitlicher Rahmen",
 * "4.1 Anlass"), a Markdown heading, a bold line, or a short capitalised "Label:" (at most three
 * words, so that a sentence with a colon stays prose).
 */
function unknownHeading(line: string): UnknownHeading | null {
  const s = line.trim();
  if (!s || s.length > 90) return null;
  const numbered = /^(?:#{1,6}\s+)?(?:\*\*)?(\d{1,2}(?:\.\d{1,2})*)\.?\)?\s+(\p{Lu}[^.!?:*]{1,60}?)(?:\*\*)?\s*:?\s*$/u.exec(s);
  if (numbered && (numbered[2] ?? '').split(/\s+/).length <= 6) return { label: (numbered[2] ?? '').trim(), rest: '', number: numbered[1] ?? null };
  const heading = /^#{1,6}\s+(?:\*\*)?([^.!?*]{2,60}?)(?:\*\*)?:?\s*$/.exec(s) ?? /^\*\*([^.!?*]{2,60}?):?\*\*:?\s*$/.exec(s) ?? /^[*_](?![*_\s])([^.!?*_]{2,60}?)(?:\s+\([^()]*\))?:?[*_]:?\s*$/.exec(s);
  if (heading && (heading[1] ?? '').split(/\s+/).length <= 6) return { label: (heading[1] ?? '').trim(), rest: '', number: null };
  // "Warum gemeinsam?", "Was wurde umgesetzt?": a short question on a line of its own heads a section.
  if (/^\p{Lu}[^.!:]{2,50}\?$/u.test(s) && s.split(/\s+/).length <= 6) return { label: s, rest: '', number: null };
  const labelled = /^(?:\*\*)?(\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,2})(?:\*\*)?\s*:(?:\*\*)?\s+(\S.*)$/u.exec(s);
  if (labelled) return { label: (labelled[1] ?? '').trim(), rest: (labelled[2] ?? '').trim(), number: null };
  return null;
}

// What a section under an unknown numbered heading holds, when its name says nothing: contact
// details, a period, amounts of money; anything else is a section of its own ('other').
function keyFromContent(block: string): FieldKey {
  const text = block.trim();
  const lines = text.split('\n').filter((l) => l.trim()).length;
  if (lines <= 6 && /@[\w.-]+\.[a-z]{2,}|\b(?:Tel(?:efon)?|Fon)\b\.?\s*:?\s*[+(0-9]/i.test(text)) return 'contact';
  if (text.length <= 160 && /\b(?:19|20)\d{2}\b/.test(text) && /\b(?:bis|seit|ab)\b|[–-]\s*(?:\d|Q)/.test(text) && !/€|\bEUR\b|\bEuro\b/.test(text)) return 'period';
  if (lines <= 12 && /\d[\d.,]*\s*(?:€|EUR\b|Euro\b|T€|TEUR\b|Mio\.)/.test(text)) return 'funding';
  return 'other';
}

const numberOfLabelLine = (line: string): string | null => /^\s*(?:#{1,6}\s+)?(?:\*\*)?(\d{1,2}(?:\.\d{1,2})*)[.)]?\s/.exec(line)?.[1] ?? null;

/**
 * "Kommune / Kreis: Stadt Eschwege / Werra-Meißner-Kreis", "Ansprechperson / Funktion: Daniel Ortmann /
 * Quartiersmanager": a label of known parts with as many values, each value its part's field.
 */
function splitPairedLabel(field: Field): Field[] {
  if (!field.label.includes('/') || field.value.includes('\n')) return [field];
  const labels = field.label.split(/\s+\/\s+/);
  const values = field.value.split(/\s+\/\s+/);
  if (labels.length < 2 || labels.length !== values.length) return [field];
  const defs = labels.map((l) => lookupOne(l));
  if (defs.some((d) => !d)) return [field];
  return labels.map((label, i) => ({ key: defs[i]?.key ?? 'other', label, value: values[i] ?? '' }));
}

export function parseFields(text: string): ParsedFields {
  const lines = normaliseFieldText(text).split('\n');
  const fields: Field[] = [];
  const preamble: string[] = [];
  let current: { key: FieldKey; label: string; lines: string[] } | null = null;
  // The number of the last numbered section ("4" of "4 Kurzdarstellung"), for its subsections.
  let sectionNumber: string | null = null;
  const flush = () => {
    if (current) fields.push(...splitPairedLabel({ key: current.key, label: current.label, value: current.lines.join('\n').trim() }));
  };
  for (const [i, line] of lines.entries()) {
    const label = matchLabelLine(line) ?? numberedSectionHeading(line, lines, i);
    if (label) {
      flush();
      current = { key: label.key, label: label.label, lines: label.rest ? [label.rest] : [] };
      sectionNumber = numberOfLabelLine(line) ?? sectionNumber;
      continue;
    }
    // Only within a sheet that has known labels: before the first one, a heading is the title.
    const unknown: UnknownHeading | null = current ? unknownHeading(line) : null;
    if (current && unknown) {
      // "4.1 Anlass" under "4 Kurzdarstellung": a subsection of the field, its heading no value.
      if (unknown.number && sectionNumber && unknown.number.startsWith(`${sectionNumber.split('.')[0]}.`)) continue;
      // A numbered line is a heading only as the next section of a numbered sheet ("3 …" after
      // "2 Zuwendungsempfängerin"); otherwise it is text ("3 Wohnungen im Altbau").
      if (unknown.number && !(sectionNumber && Number(unknown.number) === Number(sectionNumber.split('.')[0]) + 1)) {
        current.lines.push(line);
        continue;
      }
      // A "Label: value" line is read by its stems only for fields other than the description (the
      // rows of a cost table, "Quartierskonzept: 90.000 €", name parts of the project) and not inside
      // the funding section, whose lines are items of its own.
      const heading: boolean = unknown.rest === '';
      // "# Förderprogramm „Klimafit im Verein“": the document's own heading names it, not a field.
      const stemKey: FieldKey | null = /^#\s/.test(line.trim()) ? null : keyFromStems(unknown.label);
      const byName: FieldKey | null = heading || (stemKey !== 'description' && current.key !== 'funding') ? stemKey : null;
      const key: FieldKey | null = byName ?? (unknown.number && !unknown.number.includes('.') ? keyFromContent(blockAfter(lines, i)) : null);
      if (key) {
        flush();
        current = { key, label: unknown.label, lines: unknown.rest ? [unknown.rest] : [] };
        if (unknown.number) sectionNumber = unknown.number;
        continue;
      }
      // A heading set as such ("## Über diese Publikation", "**Erste Ergebnisse**") whose words name
      // no field: within the description a subheading, whose line is no part of the text; after another
      // field a section of its own, the description when it starts with running text.
      if (heading && !unknown.number && !/[:]/.test(line.replace(/[*_#\s]+$/, '').slice(-1))) {
        // A first-level heading below fields that gave no title yet ("Stand: …" above "# Förderprogramm …") is the title.
        if (/^#\s/.test(line.trim()) && !fields.some((f) => f.key === 'title') && current.key !== 'title') {
          flush();
          fields.push({ key: 'title', label: 'Überschrift', value: unknown.label });
          current = { key: startsWithProse(blockAfter(lines, i)) ? 'description' : 'other', label: unknown.label, lines: [] };
          continue;
        }
        if (current.key === 'description') continue;
        flush();
        current = { key: startsWithProse(blockAfter(lines, i)) ? 'description' : 'other', label: unknown.label, lines: [] };
        continue;
      }
    }
    if (current) current.lines.push(line);
    else preamble.push(line);
  }
  flush();
  return { preamble: preamble.join('\n'), fields };
}

/** Whether a block begins with a sentence of running text (at least eight words ending in a full stop). */
function startsWithProse(block: string): boolean {
  const first = block.trim().split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ').trim() ?? '';
  return /^[^-*•|#\d]/.test(first) && /[.!?]$/.test(first) && first.split(' ').length >= 8;
}

/** The lines after a heading up to the next label or numbered heading. */
function blockAfter(lines: readonly string[], index: number): string {
  const out: string[] = [];
  for (let j = index + 1; j < lines.length && out.length < 20; j++) {
    const line = lines[j] ?? '';
    if (matchLabelLine(line) || (numberOfLabelLine(line) && unknownHeading(line))) break;
    out.push(line);
  }
  return out.join('\n');
}

/** Number of distinct labels of content fields, strong or weak (for format detection of a sheet titled "Steckbrief"). */
export function countLabels(text: string): number {
  const contentKeys = new Set<FieldKey>(['title', 'purpose', 'sponsor', 'contact', 'place', 'period', 'periodStart', 'periodEnd', 'description', 'funding', 'partners', 'targetGroups', 'legal', 'participation']);
  return new Set(parseFields(text).fields.filter((f) => f.value && contentKeys.has(f.key)).map((f) => f.key)).size;
}

/** Number of distinct strong labels (for format detection). */
export function countStrongLabels(text: string): number {
  const seen = new Set<FieldKey>();
  for (const line of normaliseFieldText(text).split('\n')) {
    const m = matchLabelLine(line);
    if (m?.strong) seen.add(m.key);
  }
  return seen.size;
}
