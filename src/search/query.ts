import { tokenize } from './analyzer.ts';
import type { SynonymTable } from './synonyms.ts';

/** What one word (or a known phrase) of the query may match; a document needs one alternative. */
export interface QueryGroup {
  /** The words as the user typed them, for "did you mean". */
  surface: string;
  alternatives: Array<{ terms: string[]; weight: number }>;
}

export const MAX_QUERY_WORDS = 24;
// Synonyms count a little less than the user's own word, so exact wording ranks first.
const SYNONYM_WEIGHT = 0.8;

/** Splits a query into groups of alternatives, recognising synonym phrases such as "Budget für Arbeit". */
export function parseQuery(text: string, synonyms: SynonymTable): QueryGroup[] {
  const tokens = tokenize(text).slice(0, MAX_QUERY_WORDS);
  const groups: QueryGroup[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; ) {
    const phrase = longestPhraseAt(tokens.map((t) => t.term), i, synonyms);
    const length = phrase?.alternative.length ?? 1;
    const own = phrase?.alternative ?? [tokens[i]!.term];
    const key = own.join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      const others = (phrase?.group ?? synonyms.groups.find((g) => g.some((alt) => alt.length === 1 && alt[0] === own[0])) ?? []).filter(
        (alt) => alt.join(' ') !== key,
      );
      groups.push({
        surface: tokens
          .slice(i, i + length)
          .map((t) => t.surface)
          .join(' '),
        alternatives: [{ terms: own, weight: 1 }, ...others.map((alt) => ({ terms: alt, weight: SYNONYM_WEIGHT }))],
      });
    }
    i += length;
  }
  return groups;
}

function longestPhraseAt(terms: string[], start: number, synonyms: SynonymTable): { alternative: string[]; group: string[][] } | null {
  let best: { alternative: string[]; group: string[][] } | null = null;
  for (const group of synonyms.groups) {
    for (const alternative of group) {
      if (alternative.length < 2 || (best && best.alternative.length >= alternative.length)) continue;
      if (alternative.every((term, k) => terms[start + k] === term)) best = { alternative, group };
    }
  }
  return best;
}
