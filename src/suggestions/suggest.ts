import type { ContributionContent } from '../domain/contribution.ts';
import { leitsaetze } from '../domain/taxonomy.ts';
import { tokenize, type Token } from '../search/analyzer.ts';
import { suggestionFields, suggestionRules, type SuggestionField, type SuggestionRules, type Trigger, type WordPattern } from './rules.ts';

/*
 * Suggested Leitsätze, SDGs and Leitbild area for a contribution, by a method editors can follow:
 * a target's score is the sum of its matched triggers' weights times the weights of the fields
 * they were found in. Pure: the same content and rules always give the same suggestions.
 */

/** One trigger that matched: the words of the document it matched and where. */
export interface TriggerMatch {
  trigger: string;
  /** The document's own spelling ("Gesundheitsförderung"), at most a few. */
  words: string[];
  fields: SuggestionField[];
  points: number;
}

export interface Candidate {
  value: number;
  score: number;
  /** Highest points first. */
  matches: TriggerMatch[];
}

export interface AreaCandidate {
  value: string;
  /** Sum of the scores of the suggested Leitsätze in this area. */
  score: number;
  leitsaetze: number[];
}

export interface Suggestions {
  leitbildArea: AreaCandidate[];
  leitsaetze: Candidate[];
  sdgs: Candidate[];
}

const MAX_WORDS_SHOWN = 3;
// Link targets would count twice ("…/gesundheitsfoerderung-in-der-…" next to the linked words).
const linkPattern = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gi;
const areaOfLeitsatz = new Map(leitsaetze.map((l) => [l.number, l.area]));

interface FieldText {
  field: SuggestionField;
  text: string;
  tokens: Token[];
  /** Distinct stems with the first spelling seen. */
  terms: Map<string, string>;
}

/** The texts that say what a contribution is about (not sponsor, partners or funding, whose names mislead). */
function fieldTexts(content: ContributionContent): FieldText[] {
  const { answers } = content;
  const texts: Record<SuggestionField, Array<string | null>> = {
    title: [content.title],
    teaser: [content.teaser],
    body: [
      content.description,
      content.purpose,
      ...content.components.flatMap((c) => [c.title, c.text]),
      answers.decision,
      answers.support,
      answers.challenges,
      answers.prerequisites,
      ...content.targetGroups,
    ],
  };
  return suggestionFields.map((field) => {
    // Paragraph breaks between parts, so a phrase never spans two of them.
    const text = texts[field].filter(Boolean).join('\n.\n').replace(linkPattern, ' ');
    const tokens = tokenize(text);
    const terms = new Map<string, string>();
    for (const token of tokens) if (!terms.has(token.term)) terms.set(token.term, token.surface);
    return { field, text, tokens, terms };
  });
}

function wordMatches(pattern: WordPattern, term: string): boolean {
  return term === pattern.stem || (pattern.prefix && term.startsWith(pattern.stem)) || (pattern.suffix && term.endsWith(pattern.stem));
}

/** Where a trigger matches in one field: the document's spelling and the stems it covers. */
function occurrences(trigger: Trigger, field: FieldText): Array<{ surface: string; terms: string[] }> {
  const [first, ...rest] = trigger.words;
  if (!first) return [];
  if (rest.length === 0) {
    if (!first.prefix && !first.suffix) {
      const surface = field.terms.get(first.stem);
      return surface ? [{ surface, terms: [first.stem] }] : [];
    }
    const found: Array<{ surface: string; terms: string[] }> = [];
    for (const [term, surface] of field.terms) if (wordMatches(first, term)) found.push({ surface, terms: [term] });
    return found;
  }
  // A phrase: its words one after another (stop words are not tokens, so they may lie in between).
  const found: Array<{ surface: string; terms: string[] }> = [];
  const { tokens } = field;
  const length = trigger.words.length;
  for (let i = 0; i + length <= tokens.length; i++) {
    if (!trigger.words.every((word, j) => wordMatches(word, tokens[i + j]!.term))) continue;
    const phrase = field.text.slice(tokens[i]!.start, tokens[i + length - 1]!.end);
    // "Werkstätten\n.\nfür" is no phrase: the parts were joined with a full stop.
    if (!phrase.includes('\n.\n')) found.push({ surface: phrase.replace(/\s+/g, ' '), terms: tokens.slice(i, i + length).map((t) => t.term) });
  }
  return found;
}

/** Strongest first, and a phrase before a single word of the same weight: they claim the words they match. */
const byStrength = (a: Trigger, b: Trigger) => b.weight - a.weight || b.words.length - a.words.length;

function score(triggers: readonly Trigger[], fields: readonly FieldText[], rules: SuggestionRules): { score: number; matches: TriggerMatch[] } {
  const matches: TriggerMatch[] = [];
  // A word of the document counts for one trigger per field only ("Gesundheitsförderung" matches
  // "Gesundheit*" and "*förderung"): the strongest one, so overlapping triggers do not add up.
  const claimed = new Map(fields.map((field) => [field.field, new Set<string>()]));
  for (const trigger of [...triggers].sort(byStrength)) {
    const words = new Map<string, string>();
    const matchedFields: SuggestionField[] = [];
    for (const field of fields) {
      if (rules.fieldWeights[field.field] === 0) continue;
      const taken = claimed.get(field.field)!;
      const found = occurrences(trigger, field).filter((o) => !o.terms.some((term) => taken.has(term)));
      if (found.length === 0) continue;
      matchedFields.push(field.field);
      for (const { surface, terms } of found) {
        for (const term of terms) taken.add(term);
        if (!words.has(surface.toLowerCase())) words.set(surface.toLowerCase(), surface);
      }
    }
    if (matchedFields.length === 0) continue;
    // Each field counts once: a word repeated throughout a long text is no stronger evidence.
    const points = trigger.weight * matchedFields.reduce((sum, field) => sum + rules.fieldWeights[field], 0);
    matches.push({ trigger: trigger.text, words: [...words.values()].slice(0, MAX_WORDS_SHOWN), fields: matchedFields, points });
  }
  matches.sort((a, b) => b.points - a.points || a.trigger.localeCompare(b.trigger, 'de'));
  return { score: matches.reduce((sum, m) => sum + m.points, 0), matches };
}

function candidates(targets: ReadonlyMap<number, readonly Trigger[]>, fields: readonly FieldText[], rules: SuggestionRules): Candidate[] {
  const all: Candidate[] = [];
  for (const [value, triggers] of targets) {
    const result = score(triggers, fields, rules);
    if (result.score >= rules.minScore) all.push({ value, ...result });
  }
  return all.sort((a, b) => b.score - a.score || a.value - b.value).slice(0, rules.maxSuggestions);
}

export function suggestTaxonomy(content: ContributionContent, rules: SuggestionRules = suggestionRules): Suggestions {
  const fields = fieldTexts(content);
  const suggestedLeitsaetze = candidates(rules.leitsaetze, fields, rules);
  // The area is not guessed from words of its own: it follows from the Leitsätze suggested (their mapping in data/taxonomy).
  const areas = new Map<string, AreaCandidate>();
  for (const candidate of suggestedLeitsaetze) {
    const area = areaOfLeitsatz.get(candidate.value);
    if (!area) continue;
    const entry = areas.get(area) ?? { value: area, score: 0, leitsaetze: [] };
    entry.score += candidate.score;
    entry.leitsaetze.push(candidate.value);
    areas.set(area, entry);
  }
  return {
    leitbildArea: [...areas.values()].sort((a, b) => b.score - a.score || a.value.localeCompare(b.value)),
    leitsaetze: suggestedLeitsaetze,
    sdgs: candidates(rules.sdgs, fields, rules),
  };
}
