import { z } from 'zod';
import triggersData from '../../data/suggestions/triggers.json' with { type: 'json' };
import { isStopword, tokenize } from '../search/analyzer.ts';
import { leitsaetze, sdgs } from '../domain/taxonomy.ts';

/*
 * The suggestion rules are data editors tune (data/suggestions/triggers.json): weighted trigger
 * words per Leitsatz and SDG. Triggers are compared by the search analyzer's stems, so the
 * suggestions see words the way the catalog search does.
 */

export const suggestionFields = ['title', 'teaser', 'body'] as const;
export type SuggestionField = (typeof suggestionFields)[number];
export const suggestionFieldLabels: Record<SuggestionField, string> = { title: 'Titel', teaser: 'Kurzbeschreibung', body: 'Text' };

/** Wildcards need a stem this long: "Rad*" would also match "Radio", "*rad" "Grad". */
export const MIN_WILDCARD_STEM = 4;

/** One word of a trigger: its stem, and whether compounds that start (`Klima*`) or end (`*förderung`) with it count. */
export interface WordPattern {
  stem: string;
  prefix: boolean;
  suffix: boolean;
}

export interface Trigger {
  /** As written in the data file, shown to editors. */
  text: string;
  /** Consecutive words (stop words left out, as in documents). */
  words: WordPattern[];
  weight: number;
}

export interface SuggestionRules {
  fieldWeights: Record<SuggestionField, number>;
  minScore: number;
  maxSuggestions: number;
  leitsaetze: ReadonlyMap<number, readonly Trigger[]>;
  sdgs: ReadonlyMap<number, readonly Trigger[]>;
}

const TriggerListSchema = z.record(z.string(), z.number().positive().max(10));
const RulesFileSchema = z.strictObject({
  description: z.string().optional(),
  fieldWeights: z.strictObject({ title: z.number().min(0).max(10), teaser: z.number().min(0).max(10), body: z.number().min(0).max(10) }),
  minScore: z.number().positive(),
  maxSuggestions: z.number().int().min(1).max(22),
  leitsaetze: z.record(z.string(), TriggerListSchema),
  sdgs: z.record(z.string(), TriggerListSchema),
});

const DEFAULT_SOURCE = 'data/suggestions/triggers.json';

/**
 * Validates and compiles the rules; any mistake fails loudly with a German message that names the
 * entry, so a typo in the data file stops the start instead of silently suggesting less.
 */
export function parseSuggestionRules(raw: unknown, source: string = DEFAULT_SOURCE): SuggestionRules {
  const fail = (where: string, message: string): never => {
    throw new Error(`${source}: ${where ? `${where}: ` : ''}${message}`);
  };
  const parsed = RulesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(describePath(issue.path), issueMessage(issue));
  }
  const file = parsed.data!;
  const compileTargets = (kind: 'leitsaetze' | 'sdgs', numbers: readonly number[]) => {
    const label = kind === 'leitsaetze' ? 'Leitsatz' : 'SDG';
    const known = new Set(numbers.map(String));
    for (const key of Object.keys(file[kind])) if (!known.has(key)) fail(`${label} ${key}`, `Diesen ${label} gibt es nicht (erlaubt: 1 bis ${numbers.length}).`);
    const compiled = new Map<number, Trigger[]>();
    for (const number of numbers) {
      const triggers = file[kind][String(number)];
      if (!triggers) return fail(`${label} ${number}`, 'Der Eintrag fehlt. Für jeden Leitsatz und jedes SDG muss es eine (notfalls leere) Liste von Auslösern geben.');
      compiled.set(
        number,
        Object.entries(triggers).map(([text, weight]) => {
          const words = compileTrigger(text);
          if (typeof words === 'string') return fail(`${label} ${number}, Auslöser „${text}“`, words);
          return { text, words, weight };
        }),
      );
    }
    return compiled;
  };
  return {
    fieldWeights: file.fieldWeights,
    minScore: file.minScore,
    maxSuggestions: file.maxSuggestions,
    leitsaetze: compileTargets('leitsaetze', leitsaetze.map((l) => l.number)),
    sdgs: compileTargets('sdgs', sdgs.map((s) => s.number)),
  };
}

/** The words of a trigger, or a German message saying why it cannot be used. */
function compileTrigger(text: string): WordPattern[] | string {
  const pieces = text.trim().split(/\s+/).filter(Boolean);
  const words: WordPattern[] = [];
  const dropped: string[] = [];
  for (const piece of pieces) {
    const prefix = piece.endsWith('*');
    const suffix = piece.startsWith('*');
    const bare = piece.replace(/^\*|\*$/g, '');
    if (bare.includes('*')) return 'Ein Stern ist nur am Anfang oder Ende eines Wortes erlaubt.';
    const tokens = tokenize(bare);
    if (tokens.length === 0) {
      if (prefix || suffix || !isStopword(bare)) return `„${piece}“ ist kein Wort, das gesucht werden kann (Füllwort oder zu kurz).`;
      dropped.push(bare);
      continue;
    }
    tokens.forEach((token, i) => {
      words.push({ stem: token.term, prefix: prefix && i === tokens.length - 1, suffix: suffix && i === 0 });
    });
  }
  if (words.length === 0) return 'Der Auslöser enthält kein Wort, das gesucht werden kann.';
  // "Eine Welt" would silently become "Welt": the editor should write what is really matched.
  if (words.length === 1 && pieces.length > 1 && dropped.length > 0) return `Ohne die Füllwörter (${dropped.join(', ')}) bleibt nur ein Wort übrig; bitte schreiben Sie es allein.`;
  for (const word of words) {
    if ((word.prefix || word.suffix) && word.stem.length < MIN_WILDCARD_STEM) {
      return `Ein Stern braucht einen Wortstamm von mindestens ${MIN_WILDCARD_STEM} Buchstaben (hier „${word.stem}“); bitte schreiben Sie die gemeinten Wörter aus.`;
    }
  }
  return words;
}

const pathNames: Record<string, string> = {
  fieldWeights: 'Feldgewichte',
  title: 'Titel',
  teaser: 'Kurzbeschreibung',
  body: 'Text',
  minScore: 'Mindestpunktzahl (minScore)',
  maxSuggestions: 'Höchstzahl der Vorschläge (maxSuggestions)',
  description: 'Beschreibung',
};

/** ["leitsaetze", "4", "Inklusion*"] → "Leitsatz 4, Auslöser „Inklusion*“". */
function describePath(path: ReadonlyArray<PropertyKey>): string {
  const [first, second, third] = path.map(String);
  if ((first === 'leitsaetze' || first === 'sdgs') && second !== undefined) {
    const target = `${first === 'leitsaetze' ? 'Leitsatz' : 'SDG'} ${second}`;
    return third === undefined ? target : `${target}, Auslöser „${third}“`;
  }
  return path.map((key) => pathNames[String(key)] ?? String(key)).join(', ');
}

function issueMessage(issue: z.ZodError['issues'][number]): string {
  if (issue.code === 'unrecognized_keys') return `Unbekannter Eintrag ${issue.keys.map((k) => `„${k}“`).join(', ')}.`;
  if (issue.path.length === 3) return 'Das Gewicht muss eine Zahl größer als 0 und höchstens 10 sein.';
  if (issue.code === 'invalid_type') return `Hier wird ${issue.expected === 'number' ? 'eine Zahl' : issue.expected === 'object' || issue.expected === 'record' ? 'eine Liste in geschweiften Klammern' : 'ein Text'} erwartet.`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return 'Die Zahl liegt außerhalb des erlaubten Bereichs.';
  return 'Der Eintrag ist ungültig.';
}

/** The rules shipped in data/suggestions/triggers.json, checked when the module loads. */
export const suggestionRules: SuggestionRules = parseSuggestionRules(triggersData);
