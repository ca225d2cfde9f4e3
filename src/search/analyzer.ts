import { createRequire } from 'node:module';
import { germanStopwords } from './stopwords.ts';

// snowball-stemmers is CommonJS without types; this is the one call we use.
const require = createRequire(import.meta.url);
const { newStemmer } = require('snowball-stemmers') as { newStemmer(language: string): { stem(word: string): string } };
const germanStemmer = newStemmer('german');

export interface Token {
  /** The word as written. */
  surface: string;
  /** Offsets into the analysed text, for highlighting. */
  start: number;
  end: number;
  /** Index term: stemmed and spelling-folded. */
  term: string;
}

// Letters (with umlauts and other accents) and digits; hyphens and everything else separate words.
const wordPattern = /[\p{L}\p{N}]+/gu;
const stemCache = new Map<string, string>();
const MAX_CACHE = 200_000;

/**
 * Index term of one lower-cased word: Snowball German stem, then umlaut spellings folded,
 * so "Förderung", "Foerderung" and "Förderungen" all become "forder" and "Straße"/"Strasse" "strass".
 */
export function termOf(word: string): string {
  const lower = word.toLowerCase();
  const cached = stemCache.get(lower);
  if (cached !== undefined) return cached;
  // The stemmer folds ä/ö/ü itself; "ae/oe/ue" typed without umlauts are folded the same way after it.
  const term = foldUmlautSpellings(germanStemmer.stem(lower.replace(/ß/g, 'ss')));
  if (stemCache.size > MAX_CACHE) stemCache.clear();
  stemCache.set(lower, term);
  return term;
}

function foldUmlautSpellings(stem: string): string {
  return stem
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/(?<!q)ue/g, 'u')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o');
}

export function isStopword(word: string): boolean {
  return germanStopwords.has(word.toLowerCase());
}

/** Words of a text with their index terms; stop words and single characters are left out. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const surface = match[0];
    if (surface.length < 2 || isStopword(surface)) continue;
    tokens.push({ surface, start: match.index, end: match.index + surface.length, term: termOf(surface) });
  }
  return tokens;
}

/** Index terms only (for indexing, where offsets are not needed). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const surface = match[0];
    if (surface.length < 2 || isStopword(surface)) continue;
    out.push(termOf(surface));
  }
  return out;
}
