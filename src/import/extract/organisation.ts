import { splitSentences } from '../text.ts';
import { splitAbbreviation } from './contact.ts';

/*
 * The sponsor named in prose (questionnaires have no "Projektträger" field): an organisation
 * name ending in a legal form (e. V., gGmbH, …) or followed by an abbreviation in parentheses,
 * in a sentence that says who leads or carries the project ("Federführung", "Träger",
 * "beauftragt", "durchgeführt von"). The name is read backwards from the legal form over
 * capitalised words and connectors, so "ist die Hessische Arbeitsgemeinschaft für
 * Gesundheitsförderung e. V. (HAGE)" gives "Hessische Arbeitsgemeinschaft für Gesundheitsförderung e. V.".
 */
const sponsorCue = /Federführung|Projektträger|\bTräger(?:in)?\b|[Bb]eauftragt|[Dd]urchgeführt\s+(?:von|durch)|[Vv]erantwortlich|[Kk]oordiniert|Projektleitung|[Ii]nitiiert|[Gg]etragen/;
const legalForm = /(?:e\.\s?V\.|gGmbH|GmbH|gUG|gAG|AöR|eG\b|Stiftung\b)(?:\s*\((\p{Lu}[\p{L}\d&-]{1,14})\))?|\((\p{Lu}[\p{L}\d&-]{1,14})\)/gu;
const connectors = new Set(['für', 'und', 'der', 'des', 'von', 'zur', 'zum', 'im', 'in', 'am', 'an', 'e.', 'V.', '&', '-', 'mit']);
const articles = /^(?:Die|Der|Das|Den|Dem|die|der|das|den|dem|Eine?|eine?)\s+/;

export interface ProseOrganisation {
  name: string;
  abbreviation: string | null;
}

export function findSponsorInProse(text: string): ProseOrganisation | null {
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
      const written = `${taken.join(' ')} ${sentence.slice(m.index, end)}`.replace(articles, '').replace(/\s+/g, ' ').trim();
      const { name, abbreviation } = splitAbbreviation(written);
      if (name.split(' ').length >= 2 || abbreviation) return { name, abbreviation };
    }
  }
  return null;
}
