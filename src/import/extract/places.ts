import type { Place } from '../../domain/contribution.ts';
import { regions } from '../../domain/taxonomy.ts';
import { clip, splitSentences, splitTopLevelList } from '../text.ts';

/*
 * Places are recognised with the gazetteer (data/taxonomy/regions.json): names and aliases,
 * plus generated "Landkreis X"/"Kreis X" forms and genitives ("des Main-Kinzig-Kreises").
 * Longest match wins, so "Landkreis Kassel" is the district and "Kassel" or "Stadt Kassel"
 * the city. A bare "Gießen" or "Fulda" is not in the gazetteer (neither is a kreisfreie
 * Stadt) and is therefore not guessed to be the Landkreis.
 */

interface AliasEntry {
  regionId: string;
  pattern: RegExp;
  length: number;
  /** The pattern's alternative for the combined pattern (anyAlias). */
  body: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function generatedAliases(name: string, type: string): string[] {
  if (type === 'landkreis') {
    const base = name.replace(/^(?:Landkreis|Kreis)\s+/, '').replace(/-?[Kk]reis$/, '');
    return [`Landkreis ${base}`, `Kreis ${base}`];
  }
  if (type === 'kreisfreie-stadt') return [`Stadt ${name}`];
  return [];
}

const aliasEntries: AliasEntry[] = regions
  .flatMap((r) =>
    [...new Set([r.name, ...r.aliases, ...generatedAliases(r.name, r.type)])].map((alias) => {
      // Genitive and plural forms: "Main-Kinzig-Kreises", "Landkreises Kassel", "Hessens"; a
      // district's "kreis" with or without hyphen ("Hochtaunus-Kreis", "Main-Kinzigkreis").
      const flexibleKreis = /\p{L}-?[Kk]reis$/u.test(alias) && !/\s/.test(alias);
      const body = (flexibleKreis ? `${escapeRegExp(alias.replace(/-?[Kk]reis$/, ''))}-?[Kk]reis(?:es)?` : escapeRegExp(alias).replace(/([Kk]reis)(?= |$)/g, '$1(?:es)?'))
        .replace(/^Hessen$/, 'Hessens?')
        .replace(/ /g, '\\s+');
      return {
        regionId: r.id,
        // Not inside a word, and not a street name ("Bergstraße 5").
        pattern: new RegExp(`(?<![\\p{L}\\p{N}-])${body}(?![\\p{L}\\p{N}]|-\\p{L}|\\s+\\d)`, 'giu'),
        length: alias.length,
        body,
      };
    }),
  )
  .sort((a, b) => b.length - a.length);

// "LK Waldeck-Frankenberg": the abbreviation of administrative writing, tried only in sentences that use it.
const abbreviatedDistricts: AliasEntry[] = regions
  .filter((r) => r.type === 'landkreis')
  .map((r) => {
    const base = r.name.replace(/^(?:Landkreis|Kreis)\s+/, '').replace(/-?[Kk]reis$/, '');
    const body = `LK\\s+${escapeRegExp(base)}`;
    return { regionId: r.id, pattern: new RegExp(`(?<![\\p{L}\\p{N}-])${body}(?![\\p{L}\\p{N}]|-\\p{L}|\\s+\\d)`, 'gu'), length: base.length + 3, body };
  });
const withAbbreviations = [...abbreviatedDistricts, ...aliasEntries].sort((a, b) => b.length - a.length);

// All names at once: most sentences name no place, and one pass tells so before the names are tried one by one.
const aliasAlternatives = aliasEntries.map((e) => e.body).join('|');
const anyAlias = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${aliasAlternatives})(?![\\p{L}\\p{N}]|-\\p{L}|\\s+\\d)`, 'iu');
const anyAbbreviated = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${abbreviatedDistricts.map((e) => e.body).join('|')})(?![\\p{L}\\p{N}]|-\\p{L}|\\s+\\d)`, 'u');
const wholeAlias = new RegExp(`^(?:${aliasAlternatives})$`, 'iu');

const townPart = /(?<![\p{L}-])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?er)\s+(?:Nordstadt|Südstadt|Oststadt|Weststadt|Innenstadt|Altstadt|Kernstadt|Neustadt|Stadtmitte|Stadtteile?|Stadtgebiet|Stadtwald|Quartiere?|Ortsteile?|Ortskern|Ortsmitte)(?![\p{L}-])/gu;
const cities = regions.filter((r) => r.type === 'kreisfreie-stadt');

/** "Kasseler" → the city of Kassel; "Darmstädter" → Darmstadt; a town outside the gazetteer → null. */
function cityOfAdjective(adjective: string): string | null {
  const stem = adjective.replace(/er$/, '');
  const plain = stem.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
  return cities.find((c) => c.name === stem || c.name === plain || c.name.startsWith(`${stem} `) || c.name.startsWith(`${plain} `))?.id ?? null;
}

const focusCue = /Schwerpunkt|Modellregion|Modellkommune|Modellstandort|Modell(?:land)?kreis|Pilotregion|Pilotkommune|Pilotstandort|Fokusregion|im Fokus/i;
const quantifier = /(?:\d+|alle[nm]?|mehrere[nm]?|einige[nm]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\s+$/i;

/**
 * Rewrites coordinated forms so every place is spelled out:
 * "Lahn-Dill- und Main-Kinzig-Kreis" → "Lahn-Dill-Kreis und Main-Kinzig-Kreis",
 * "Vogelsberg- und Wetteraukreis" → "Vogelsbergkreis und Wetteraukreis",
 * "Landkreise Kassel und Fulda" → "Landkreis Kassel und Landkreis Fulda",
 * "Stadt und Landkreis Kassel" → "Stadt Kassel und Landkreis Kassel".
 */
export function expandCoordinations(text: string): string {
  return text
    .replace(/((?:\p{Lu}[\p{L}-]*?-,?\s+(?:(?:und|sowie|oder)\s+)?)+)(\p{Lu}[\p{L}-]*)-(Kreis(?:es|e|en)?)(?![\p{L}])/gu, (_m, heads: string, last: string, kreis: string) => {
      const names = heads.split(/-,?\s+(?:(?:und|sowie|oder)\s+)?/).filter(Boolean);
      return [...names, last].map((n) => `${n}-${kreis}`).join(' und ');
    })
    // "Vogelsberg- und Wetteraukreis"; "Main-Taunus- und Hochtaunuskreis" (a hyphenated name keeps "-Kreis").
    .replace(/(?<![\p{L}-])(\p{Lu}\p{L}*(?:-\p{Lu}\p{L}*)*)-\s+(und|sowie|oder)\s+(\p{Lu}\p{Ll}+)kreis(?![\p{L}])/gu, (_m, head: string, conj: string, last: string) =>
      `${head}${head.includes('-') ? '-Kreis' : 'kreis'} ${conj} ${last}kreis`,
    )
    .replace(/\b(Stadt|Landkreis|Kreis)\s+und\s+(Stadt|Landkreis|Kreis)\s+(\p{Lu}[\p{L}-]*)/gu, '$1 $3 und $2 $3')
    .replace(
      /\b(Landkreise|Landkreisen|Kreise|Kreisen|Städte|Städten|Gemeinden)\s+(\p{Lu}[\p{L}-]*(?:\s*,\s*\p{Lu}[\p{L}-]*)*\s+(?:und|sowie)\s+(?:Bad\s+|Hessisch\s+)?\p{Lu}[\p{L}-]*)/gu,
      (_m, head: string, list: string) => {
        // "Gemeinden Haunetal, Hohenroda und Schenklengsfeld": the towns as written; "Landkreise Kassel
        // und Fulda": each a Landkreis, which the bare name would not say.
        if (/^(?:Städte|Gemeinde)/.test(head)) return `${head} ${list}`;
        const singular = head.replace(/e?n?$/, '');
        return splitTopLevelList(list)
          .map((n) => `${singular} ${n}`)
          .join(' und ');
      },
    );
}

// Words that may stand before a place name: articles and prepositions (also capitalised at
// sentence start) and nouns that introduce places ("Modellregion Kassel", "Standorte Fulda").
const introducer = /^(?:der|die|das|den|dem|des|im|in|aus|für|bei|vom|zum|zur|ganz|und|sowie|oder|mit|nach|von|an|am|auf|über|landkreis|kreis|stadt|\p{L}*region(?:en)?|\p{L}*standorte?n?|\p{L}*kreise?n?|\p{L}*gemeinden?|städten?|kommunen|raum)$/iu;

/**
 * A gazetteer name right after a capitalised word is usually part of an organisation's name
 * ("LAG WfbM Hessen", "AOK Hessen", "Umweltstiftung Nordhessen") and not a place of the project.
 */
function partOfName(before: string): boolean {
  const m = /(\S+)\s+$/u.exec(before);
  if (!m) return false;
  const word = (m[1] ?? '').replace(/[„“"(*_]/g, '');
  if (/[.,;:!?)]$/.test(word) || !/^\p{Lu}/u.test(word)) return false;
  return !introducer.test(word);
}

// Town names of more than one word: "Bad Hersfeld", "Hessisch Lichtenau", "Lautertal (Vogelsberg)", "Neu-Isenburg".
const TOWN = String.raw`(?:(?:Bad|Hessisch|Neu|Alt|Groß|Klein|Ober|Nieder|Unter|Sankt|St\.)\s+)?\p{Lu}[\p{L}-]+(?:\s+(?:am|an\s+der|im|vor\s+der)\s+\p{Lu}[\p{L}-]+)?(?:\s+\((?![^)]*[Kk]reis)(?:\p{Lu}[\p{L}.-]*\s?){1,3}\))?`;
const namedTown = new RegExp(String.raw`(?<![\p{L}\p{N}-])(?:Stadt|Gemeinde|Kreisstadt|Universitätsstadt|Kommune|Marktgemeinde)\s+(?!Verwaltung|Rat\b)${TOWN}(?![\p{L}\p{N}]|-\p{L})`, 'gu');

// "Nachbargemeinden X und Y", "Stadtteile Auerbach und Zell": towns listed after a word for them.
// Also after a bare "Gemeinden" when a town of the list has a region in parentheses, which the
// coordination above does not spell out ("den Gemeinden Lautertal (Odenwald), Ober-Ramstadt und Ringgau").
const townListHead = /(?:\p{Ll}(?:gemeinden|städten?|kommunen|orten?|ortsteilen?|dörfern?)|[Ss]tadtteilen?|[Oo]rtsteilen?|Gemeinden|Kommunen|Städten?)\s/u;
const townList = new RegExp(String.raw`(?<![\p{L}-])(?:\p{Lu}\p{Ll}+(?:gemeinden|städten?|kommunen|orten?|ortsteilen?|dörfern?)|\p{Lu}?\p{Ll}*(?:Stadt|stadt|Orts|orts)teilen?|Gemeinden|Kommunen|Städten?)\s+(${TOWN}(?:\s*,\s*${TOWN})*\s+(?:und|sowie)\s+${TOWN})(?![\p{L}\p{N}]|-\p{L})`, 'gu');

export type PlaceDraft = Pick<Place, 'regionId' | 'label' | 'focus'>;

/**
 * "Stadt Idstein (Rheingau-Taunus-Kreis)", "Gemeinde Fischbachtal (Landkreis Darmstadt-Dieburg)": a
 * district in parentheses after a name tells where, not who; the name without it and the district.
 */
export function splitDistrict(name: string): { name: string; district: string | null } {
  const m = /\s*\(((?:Land)?[Kk]reis\b[^)]*|[^)]*[Kk]reis)\)$/u.exec(name);
  return m ? { name: name.slice(0, m.index), district: m[1] ?? null } : { name, district: null };
}

/** All gazetteer places in a text, in order of appearance, with the wording used as label. */
export function findPlaces(text: string): PlaceDraft[] {
  const found: PlaceDraft[] = [];
  for (const sentence of splitSentences(expandCoordinations(text)).flatMap((s) => s.split(';'))) {
    const focus = focusCue.test(sentence);
    // Spans already used; a name that is part of an organisation blocks its span (place: null)
    // so that a shorter alias inside it ("Kassel" in "Essbare Stadt Kassel") is not read either.
    const taken: Array<{ from: number; to: number; place: PlaceDraft | null; qualifier?: true }> = [];
    // "Kasseler Nordstadt", "Gießener Innenstadt": a part of a town named by the town's adjective.
    for (const m of sentence.matchAll(townPart)) {
      const regionId = cityOfAdjective(m[1] ?? '');
      taken.push({ from: m.index, to: m.index + m[0].length, place: { regionId, label: clip(m[0].replace(/\s+/g, ' '), 300), focus } });
    }
    const abbreviated = sentence.includes('LK') && anyAbbreviated.test(sentence);
    for (const entry of abbreviated ? withAbbreviations : anyAlias.test(sentence) ? aliasEntries : []) {
      for (const m of sentence.matchAll(entry.pattern)) {
        const from = m.index;
        const to = from + m[0].length;
        if (taken.some((t) => from < t.to && to > t.from)) continue;
        // "Reichelsheim (Odenwald)", "Lautertal (Vogelsberg)": a region in parentheses right after a
        // name tells which town of that name is meant; it is part of the town's name, not a place.
        // "Gemeinde Grebenhain (Vogelsbergkreis)" names the district and stays a place.
        if (/\p{Lu}[\p{L}.-]*\s*\($/u.test(sentence.slice(Math.max(0, from - 40), from)) && sentence[to] === ')' && !/[Kk]reis/.test(m[0])) {
          const name = /(?:(?:Bad|Hessisch|Neu|Alt|Groß|Klein|Sankt|St\.)\s+)?\p{Lu}[\p{L}-]*\s*\($/u.exec(sentence.slice(0, from));
          const town = name ? sentence.slice(name.index, to + 1) : '';
          const start = name?.index ?? from;
          const known = name && findGazetteer(sentence.slice(start, from).replace(/\s*\($/, ''));
          if (known) {
            taken.push({ from, to: to + 1, place: null });
            continue;
          }
          const townPlace = name && !partOfName(sentence.slice(0, start)) && !/^(?:Stadt|Gemeinde|Kreisstadt|Universitätsstadt|Kommune|Marktgemeinde)\s*\($/u.test(sentence.slice(start, from))
            ? { regionId: null, label: clip(town.replace(/\s+/g, ' '), 300), focus }
            : null;
          // The town itself is read below when it is named as such ("Gemeinde Lautertal (Vogelsberg)").
          const named = /(?:Stadt|Gemeinde|Kreisstadt|Universitätsstadt|Kommune|Marktgemeinde)\s+$/u.test(sentence.slice(Math.max(0, start - 30), start));
          if (named) taken.push({ from, to: to + 1, place: null, qualifier: true });
          else taken.push({ from: start, to: to + 1, place: townPlace });
          continue;
        }
        if (partOfName(sentence.slice(0, from))) {
          taken.push({ from, to, place: null });
          continue;
        }
        const prefix = quantifier.exec(sentence.slice(0, from))?.[0] ?? '';
        taken.push({ from, to, place: { regionId: entry.regionId, label: clip(prefix + m[0].replace(/\s+/g, ' '), 300), focus } });
      }
    }
    // "mit den Nachbargemeinden Flörsbachtal und Jossgrund": towns listed after a compound of "Gemeinden", "Städte", "Orte".
    for (const m of townListHead.test(sentence) ? sentence.matchAll(townList) : []) {
      const list = m[1] ?? '';
      let at = m.index + m[0].length - list.length;
      for (const name of list.split(/\s*,\s*|\s+(?:und|sowie)\s+/)) {
        const from = sentence.indexOf(name, at);
        at = from + name.length;
        if (from < 0 || taken.some((t) => from < t.to && at > t.from)) continue;
        taken.push({ from, to: at, place: { regionId: null, label: clip(name, 300), focus } });
      }
    }
    // A town outside the gazetteer, named as such ("in der Stadt Fulda", "Gemeinde Grebenhain").
    for (const m of sentence.matchAll(namedTown)) {
      const from = m.index;
      const to = from + m[0].length;
      if (taken.some((t) => !t.qualifier && from < t.to && to > t.from) || partOfName(sentence.slice(0, from))) continue;
      taken.push({ from, to, place: { regionId: null, label: clip(m[0].replace(/\s+/g, ' '), 300), focus } });
    }
    for (const t of taken.sort((a, b) => a.from - b.from)) if (t.place) found.push(t.place);
  }
  return dedupePlaces(found);
}

/** Whether a text is (exactly) a name of the gazetteer. */
function findGazetteer(text: string): boolean {
  return wholeAlias.test(text.trim());
}

/** One entry per region (focus if any mention is a focus); places outside the gazetteer by label. */
export function dedupePlaces(places: readonly PlaceDraft[]): PlaceDraft[] {
  const out: PlaceDraft[] = [];
  for (const p of places) {
    const same = out.find((o) => (p.regionId ? o.regionId === p.regionId : !o.regionId && o.label.toLowerCase() === p.label.toLowerCase()));
    if (same) same.focus ||= p.focus;
    else out.push({ ...p });
  }
  return out;
}

// Words that mark the places after them as the focus ("…, vor allem Gelnhausen und Wächtersbach").
const focusQualifier = /^(?:vor allem|v\.\s?a\.|insbesondere|besonders|schwerpunktmäßig|hauptsächlich|(?:mit\s+)?Schwerpunkt(?:\s+(?:in|auf))?:?)\s+/i;
// Words in front of places that are none of their name.
const itemIntro = /^(?:(?:u\.\s?a\.|z\.\s?B\.|darunter|etwa|sowie|und|in|im|der|die|das|den|dem)\s+)+/i;
// Common nouns that stand in lists of places without naming one ("alle Städte und Gemeinden").
const genericPlaceNoun = /^(?:Gemeinden?|Städte|Stadt|Kommunen?|Stadtteile?n?|Ortsteile?n?|Ortschaften|Dörfer|Quartiere?n?|Kreise|Landkreise|Regionen?|Umgebung|Umland|Nachbarkommunen|Nachbargemeinden|Kernstadt|Innenstadt|Altstadt|Stadtgebiet|Kreisgebiet|Gemeindegebiet)$/u;

const nameLike = (item: string) =>
  item.length <= 60 && /^\p{Lu}/u.test(item) && !genericPlaceNoun.test(item) && item.split(/\s+/).every((w) => /^(?:\p{Lu}|am$|an$|der$|im$|in$|bei$|vor$|ob$|\()/u.test(w));

/**
 * The value of a "Durchführungsort" field. Parts separated by ";" or lines, and the items of a
 * list within a part, are read with the gazetteer; an item without a known region ("Marburg",
 * "vor allem Gelnhausen") is kept as a place outside the gazetteer, because the field is known to
 * name places. A focus word marks the item it stands before and the items after it.
 */
export function parsePlacesField(value: string): PlaceDraft[] {
  const places: PlaceDraft[] = [];
  for (const part of value.replace(/\*\*/g, '').split(/[;\n]/)) {
    let text = part.trim().replace(/[.]$/, '');
    if (!text) continue;
    // "Stadtteile Bornheim und Nordend (Frankfurt am Main)": the town in parentheses holds all of the
    // list, so it is a place of its own; the word for the parts ("Stadtteile", "Ortsteile") names none.
    const whole = /^(?:Stadt|Orts)teile[n]?\s+(.+?)\s*\(([^()]{3,60})\)$/u.exec(text);
    if (whole && /\s(?:und|sowie)\s|,/.test(whole[1] ?? '')) {
      places.push(...parsePlacesField(whole[1] ?? ''), ...parsePlacesField(whole[2] ?? ''));
      continue;
    }
    text = text.replace(/^(?:Stadt|Orts)teile[n]?\s+(?=\p{Lu}[^,]*(?:,|\s(?:und|sowie)\s))/u, '');
    const items = splitTopLevelList(expandCoordinations(text));
    // A focus word before an item ("…, Schwerpunkt Stadtteil Lamboy") marks that item on, not the whole part.
    const partFocus = focusCue.test(text) && !items.some((item) => focusQualifier.test(item.trim()));
    let focus = false;
    for (const raw of items) {
      let item = raw.trim();
      const qualifier = focusQualifier.exec(item);
      if (qualifier) {
        focus = true;
        item = item.slice(qualifier[0].length);
      }
      const found = findPlaces(item);
      if (found.length) {
        // "Stadtwald Idstein (Rheingau-Taunus-Kreis)", "Ortsteil Garbenteich (Landkreis Gießen)": the
        // name before a district in parentheses is a place of its own.
        const paren = /^(.*?\S)\s*\(([^()]*)\)$/.exec(item);
        const before = paren ? (paren[1] ?? '').replace(itemIntro, '').trim() : '';
        if (paren && nameLike(before) && !found.some((p) => p.label.includes(before)) && !findPlaces(before).length && findPlaces(paren[2] ?? '').length)
          places.push({ regionId: null, label: before, focus: partFocus || focus });
        places.push(...found.map((p) => ({ ...p, focus: p.focus || partFocus || focus })));
        continue;
      }
      // "Modellstandorte in Lauterbach": the cue marks focus, the name is the place.
      const name = item
        .replace(/^\p{L}*(?:region|regionen|standort|standorte|kommune|kommunen)\s+(?:(?:sind|ist)\s+)?/iu, '')
        .replace(itemIntro, '')
        // A remark in parentheses goes; a region that tells which town is meant stays ("Reichelsheim (Odenwald)").
        .replace(/\s*\((?:[^()]*)\)$/, (paren: string) => (/^\s*\((?:\p{Lu}[\p{L}.-]*\s?){1,3}\)$/u.test(paren) && !/[Kk]reis/.test(paren) ? paren : ''))
        // "alle Stadtteile von Bad Hersfeld": the name after the last preposition.
        .replace(/^.*\s(?:von|in|im|bei)\s+(?=\p{Lu})/u, '')
        .trim();
      if (nameLike(name)) places.push({ regionId: null, label: name, focus: partFocus || focus });
    }
  }
  return dedupePlaces(places);
}
