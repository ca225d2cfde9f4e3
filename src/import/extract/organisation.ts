import { splitSentences } from '../text.ts';
import { splitAbbreviation } from './contact.ts';
import { findPlaces } from './places.ts';

/*
 * The sponsor named in prose (questionnaires have no "Projektträger" field): an organisation
 * name ending in a legal form (e. V., gGmbH, …) or followed by an abbreviation in parentheses,
 * in a sentence that says who leads or carries the project ("Federführung", "Träger",
 * "beauftragt", "durchgeführt von"). The name is read backwards from the legal form over
 * capitalised words and connectors, so "ist die Hessische Arbeitsgemeinschaft für
 * Gesundheitsförderung e. V. (HAGE)" gives "Hessische Arbeitsgemeinschaft für Gesundheitsförderung e. V.".
 */
const sponsorCue = /Federführung|Projektträger|Veranstalter(?:in)?\b|Anbieter(?:in)?\b|\bTräger(?:in)?\b|[Bb]eauftragt|[Dd]urchgeführt\s+(?:von|durch)|[Vv]erantwortlich|[Kk]oordiniert|Projektleitung|[Ii]nitiiert|[Gg]etragen/;
const legalForm = /(?:e\.\s?V\.|gGmbH|GmbH|gUG|gAG|AöR|eG\b|Stiftung\b)(?:\s*\((\p{Lu}[\p{L}\d&-]{1,14})\))?|\((\p{Lu}[\p{L}\d&-]{1,14})\)/gu;
const connectors = new Set(['für', 'und', 'der', 'des', 'von', 'zur', 'zum', 'im', 'in', 'am', 'an', 'e.', 'V.', '&', '-', 'mit']);
const articles = /^(?:Die|Der|Das|Den|Dem|die|der|das|den|dem|Eine?|eine?)\s+/;

export interface ProseOrganisation {
  name: string;
  abbreviation: string | null;
  /** "Stadt Schlüchtern (Main-Kinzig-Kreis)": the district named in parentheses after a municipality. */
  district?: string;
}

// "Deshalb hat der Wetteraukreis … ein Pfandsystem eingeführt", "Die Stadt Bensheim hat … gestartet":
// a municipality as the subject of the verb that brought the project about.
const projectVerb = /\b(?:eingeführt|gestartet|ins\s+Leben\s+gerufen|initiiert|aufgebaut|entwickelt|umgesetzt|eingerichtet|aufgelegt|gegründet)\b/;
const MUNICIPALITY = String.raw`((?:Stadt|Gemeinde|Landkreis|Kreis|Universitätsstadt|Kreisstadt)\s+\p{Lu}[\p{L}-]*(?:\s+(?:am|an\s+der|im)\s+\p{Lu}[\p{L}-]*)?|\p{Lu}[\p{L}-]*kreis)`;
const subjectMunicipality = [
  new RegExp(String.raw`\b(?:hat|haben|hatte)\s+(?:der|die|das)\s+${MUNICIPALITY}(?![\p{L}-])`, 'u'),
  new RegExp(String.raw`^(?:Der|Die|Das)\s+${MUNICIPALITY}\s+(?:hat|haben|hatte)\b`, 'u'),
];

function municipalityAsSubject(text: string): ProseOrganisation | null {
  for (const sentence of splitSentences(text)) {
    if (!projectVerb.test(sentence)) continue;
    for (const pattern of subjectMunicipality) {
      const name = pattern.exec(sentence.trim())?.[1];
      if (name && (!/kreis$/.test(name) || findPlaces(name)[0]?.label === name)) return { name, abbreviation: null };
    }
  }
  return null;
}

// "Ein Praxisbeispiel der Stadt Schlüchtern (Main-Kinzig-Kreis)", "ein Projekt der Gemeinde Weilrod": whose project it is.
const projectOfMunicipality = new RegExp(
  String.raw`\b(?:Praxisbeispiel|Projekt|Angebot|Vorhaben|Initiative|Beitrag)\s+der\s+((?:Stadt|Gemeinde|Universitätsstadt|Kreisstadt|Hansestadt)\s+\p{Lu}[\p{L}-]*(?:\s+(?:am|an\s+der|im)\s+\p{Lu}[\p{L}-]*)?)(?:\s+\(([^()\n]{3,40})\))?`,
  'u',
);

function municipalityWhoseProject(text: string): ProseOrganisation | null {
  const m = projectOfMunicipality.exec(text);
  if (!m) return null;
  return { name: m[1] ?? '', abbreviation: null, ...(m[2] && /kreis\b/i.test(m[2]) ? { district: m[2] } : {}) };
}

export function findSponsorInProse(text: string): ProseOrganisation | null {
  return organisationWithLegalForm(text) ?? municipalityAsSubject(text) ?? municipalityWhoseProject(text);
}

function organisationWithLegalForm(text: string): ProseOrganisation | null {
  for (const sentence of splitSentences(text)) {
    if (!sponsorCue.test(sentence)) continue;
    for (const m of sentence.matchAll(legalForm)) {
      const end = m.index + m[0].length;
      const head = sentence.slice(0, m.index).trimEnd();
      const words = head.split(/\s+/);
      const taken: string[] = [];
      for (let i = words.length - 1; i >= 0; i--) {
        const w = words[i] ?? '';
        if (/^\p{Lu}/u.test(w) && !/[.,;:!?]$/.test(w.replace(/^(?:e|V)\.$/, ''))) taken.unshift(w);
        else if (connectors.has(w) && taken.length) taken.unshift(w);
        else break;
      }
      while (taken.length && connectors.has(taken[0] ?? '')) taken.shift();
      if (!taken.length) continue;
      // "der Verein Lebenswertes Lich e. V.": the word "Verein" is said again by "e. V.".
      const written = `${taken.join(' ')} ${sentence.slice(m.index, end)}`.replace(articles, '').replace(/^Verein\s+(?=\p{Lu}.*e\.\s?V\.)/u, '').replace(/\s+/g, ' ').trim();
      const { name, abbreviation } = splitAbbreviation(written);
      if (name.split(' ').length >= 2 || abbreviation) return { name, abbreviation };
    }
  }
  return null;
}
