import { readFileSync } from 'node:fs';
import { terms } from './analyzer.ts';

/** One alternative: the index terms of a word or phrase, all of which must match. */
export type Alternative = string[];

export interface SynonymTable {
  /** Groups of alternatives that find each other. */
  groups: Alternative[][];
}

export const defaultSynonymsFile = new URL('../../data/search/synonyms.txt', import.meta.url);

/**
 * Parses the editable synonym list: "a, b, c" makes equivalents, "abk = lang form" an abbreviation.
 * Lines that repeat a word (e.g. two expansions of "wfbm") join into one group.
 */
export function parseSynonyms(text: string): SynonymTable {
  const groups: Alternative[][] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*/, '').trim();
    if (!line) continue;
    const phrases = line.split(/\s*[=,]\s*/).map((phrase) => terms(phrase)).filter((alt) => alt.length > 0);
    if (phrases.length < 2) continue;
    const existing = groups.find((group) => group.some((alt) => phrases.some((p) => sameAlternative(alt, p))));
    if (existing) {
      for (const phrase of phrases) if (!existing.some((alt) => sameAlternative(alt, phrase))) existing.push(phrase);
    } else groups.push(phrases);
  }
  return { groups };
}

export function loadSynonyms(file: URL | string = defaultSynonymsFile): SynonymTable {
  return parseSynonyms(readFileSync(file, 'utf8'));
}

function sameAlternative(a: Alternative, b: Alternative): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
