import { readFileSync } from 'node:fs';
import type { SettingsRepository } from '../storage/settings-repository.ts';
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
  return readSynonyms(text).table;
}

/** The parse with the numbers (from 1) of lines that define nothing, so editors can correct them. */
export function readSynonyms(text: string): { table: SynonymTable; invalidLines: number[] } {
  const groups: Alternative[][] = [];
  const invalidLines: number[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.replace(/#.*/, '').trim();
    if (!line) return;
    const phrases = line.split(/\s*[=,]\s*/).map((phrase) => terms(phrase)).filter((alt) => alt.length > 0);
    if (phrases.length < 2) {
      invalidLines.push(index + 1);
      return;
    }
    const existing = groups.find((group) => group.some((alt) => phrases.some((p) => sameAlternative(alt, p))));
    if (existing) {
      for (const phrase of phrases) if (!existing.some((alt) => sameAlternative(alt, phrase))) existing.push(phrase);
    } else groups.push(phrases);
  });
  return { table: { groups }, invalidLines };
}

export function loadSynonyms(file: URL | string = defaultSynonymsFile): SynonymTable {
  return parseSynonyms(readFileSync(file, 'utf8'));
}

/** Key of the editors' synonym list in the settings table (a JSON string). */
export const SYNONYMS_SETTING = 'search.synonyms';

/** The synonym list editors maintain; the first read seeds it from data/search/synonyms.txt. */
export async function readSynonymSetting(settings: Pick<SettingsRepository, 'get' | 'insertIfMissing'>): Promise<{ text: string; updatedAt: string }> {
  let stored = await settings.get(SYNONYMS_SETTING);
  if (!stored) {
    await settings.insertIfMissing(SYNONYMS_SETTING, readFileSync(defaultSynonymsFile, 'utf8'));
    stored = (await settings.get(SYNONYMS_SETTING))!;
  }
  return { text: typeof stored.value === 'string' ? stored.value : '', updatedAt: stored.updatedAt };
}

function sameAlternative(a: Alternative, b: Alternative): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
