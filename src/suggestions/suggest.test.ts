import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rawRules from '../../data/suggestions/triggers.json' with { type: 'json' };
import { ContributionContentSchema, type ContributionContent, type ContributionContentInput } from '../domain/contribution.ts';
import { parseDocument } from '../import/parse-document.ts';
import { parseSuggestionRules } from './rules.ts';
import { suggestTaxonomy, type Candidate } from './suggest.ts';

const demo = async (file: string): Promise<ContributionContent> => {
  const parsed = await parseDocument(readFileSync(new URL(`../../data/demo/${file}`, import.meta.url)), file);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.content;
};
const content = (input: ContributionContentInput) => ContributionContentSchema.parse(input);
const values = (candidates: Candidate[]) => candidates.map((c) => c.value);
/** A deep copy of the shipped rules file to change in a test. */
interface RulesFile {
  [key: string]: unknown;
  fieldWeights: Record<string, number>;
  minScore: number;
  leitsaetze: Record<string, Record<string, number>>;
  sdgs: Record<string, Record<string, number>>;
}
const rulesFile = (): RulesFile => structuredClone(rawRules);

describe('suggested classification', () => {
  it('suggests health and work for the questionnaire on "Verzahnung von Arbeits- und Gesundheitsförderung"', async () => {
    const suggestions = suggestTaxonomy(await demo('frageformular-vag.txt'));
    expect(values(suggestions.sdgs).slice(0, 2)).toEqual([3, 8]);
    expect(suggestions.leitsaetze[0]?.value).toBe(6);
    expect(suggestions.leitbildArea[0]).toMatchObject({ value: 'soziales', leitsaetze: [6] });
    // The reason names the document's own words and the fields they came from.
    expect(suggestions.sdgs[0]!.matches[0]).toMatchObject({ words: expect.arrayContaining(['Gesundheitsförderung']), fields: ['title', 'body'] });
    expect(suggestions.sdgs[1]!.matches.map((m) => m.words).flat()).toEqual(expect.arrayContaining(['Arbeits', 'Jobcenters']));
  });

  it('suggests work and fewer inequalities for the fact sheet on "Budget für Arbeit"', async () => {
    const suggestions = suggestTaxonomy(await demo('projektsteckbrief-bfa.txt'));
    expect(values(suggestions.sdgs).slice(0, 2)).toEqual([8, 10]);
    expect(suggestions.leitsaetze[0]?.value).toBe(4);
    expect(suggestions.leitbildArea[0]?.value).toBe('soziales');
    const sdg8 = suggestions.sdgs[0]!;
    // Score = sum of the matches' points; "Budget für Arbeit" as a phrase in title, teaser and text: 3 × (3 + 2 + 1).
    expect(sdg8.score).toBe(sdg8.matches.reduce((sum, m) => sum + m.points, 0));
    expect(sdg8.matches[0]).toMatchObject({ trigger: 'Budget für Arbeit', fields: ['title', 'teaser', 'body'], points: 18 });
  });

  it('matches inflections and compounds through the search stems', () => {
    const suggestions = suggestTaxonomy(
      content({
        title: 'Klimaschutzkonzept der Gemeinde Musterdorf',
        teaser: 'Ein Fahrradverleih mit Lastenrädern ergänzt den Ausbau des Radverkehrs.',
        description: 'Die Gemeinde senkt ihre Treibhausgasemissionen und fördert Photovoltaik auf Dächern der Bürgerenergiegenossenschaft.',
      }),
    );
    expect(values(suggestions.sdgs)).toEqual(expect.arrayContaining([13, 7]));
    expect(suggestions.sdgs[0]?.value).toBe(13);
    const words = (n: number, list: Candidate[]) => list.find((c) => c.value === n)?.matches.flatMap((m) => m.words) ?? [];
    expect(words(13, suggestions.sdgs)).toEqual(expect.arrayContaining(['Klimaschutzkonzept', 'Treibhausgasemissionen']));
    expect(words(19, suggestions.leitsaetze)).toEqual(expect.arrayContaining(['Radverkehrs', 'Fahrradverleih', 'Lastenrädern']));
    expect(values(suggestions.leitsaetze).slice(0, 3)).toEqual(expect.arrayContaining([17, 18, 19]));
    expect(suggestions.leitbildArea.map((a) => a.value)).toEqual(expect.arrayContaining(['umwelt', 'wirtschaft']));
  });

  it('suggests Leben an Land for orchard meadows and counts a word once per field, more in the title than in the text', () => {
    const body = 'Ehrenamtliche pflegen alte Streuobstwiesen und schaffen Lebensräume für Insekten und Vögel.';
    const inTitle = suggestTaxonomy(content({ title: 'Streuobstwiesen im Vogelsberg', description: body }));
    expect(inTitle.sdgs[0]?.value).toBe(15);
    expect(values(inTitle.leitsaetze).slice(0, 2)).toEqual(expect.arrayContaining([12, 13]));
    expect(inTitle.leitbildArea[0]?.value).toBe('umwelt');
    const meadows = (s: typeof inTitle) => s.sdgs.find((c) => c.value === 15)!.matches.find((m) => m.words.includes('Streuobstwiesen'));
    const inBodyOnly = suggestTaxonomy(content({ title: 'Ein Projekt im Vogelsberg', description: `${body} ${body} Streuobstwiesen!` }));
    // Weight 3 × (title 3 + text 1); in the text only, however often: 3 × 1.
    expect(meadows(inTitle)).toMatchObject({ fields: ['title', 'body'], points: 12 });
    expect(meadows(inBodyOnly)).toMatchObject({ fields: ['body'], points: 3 });
  });

  it('suggests nothing for a text without trigger words, and ignores words in link targets', () => {
    expect(suggestTaxonomy(content({ title: 'Öffnungszeiten des Rathauses', description: 'Montags bis freitags von 8 bis 12 Uhr.' }))).toEqual({ leitbildArea: [], leitsaetze: [], sdgs: [] });
    const linkOnly = suggestTaxonomy(content({ title: 'Weitere Informationen', description: 'Siehe https://example.org/klimaschutz-gesundheitsfoerderung-radverkehr und www.example.org/inklusion.' }));
    expect(linkOnly.sdgs).toEqual([]);
  });

  it('is tuned through the data file, not code', async () => {
    const vag = await demo('frageformular-vag.txt');
    expect(values(suggestTaxonomy(vag).sdgs)).not.toContain(11);

    const tuned = rulesFile();
    tuned.sdgs['11'] = { ...tuned.sdgs['11'], 'kommunale Lebenswelt': 3 };
    const withPhrase = suggestTaxonomy(vag, parseSuggestionRules(tuned));
    expect(withPhrase.sdgs.find((c) => c.value === 11)?.matches[0]).toMatchObject({ trigger: 'kommunale Lebenswelt', words: ['kommunalen Lebenswelt'], fields: ['title', 'body'] });

    const strict = rulesFile();
    strict.minScore = 30;
    expect(values(suggestTaxonomy(vag, parseSuggestionRules(strict)).sdgs)).toEqual([]);

    const titleOnly = rulesFile();
    titleOnly.fieldWeights = { title: 1, teaser: 0, body: 0 };
    titleOnly.minScore = 1;
    expect(suggestTaxonomy(vag, parseSuggestionRules(titleOnly)).sdgs.flatMap((c) => c.matches.flatMap((m) => m.fields))).toEqual(expect.arrayContaining(['title']));
    expect(suggestTaxonomy(vag, parseSuggestionRules(titleOnly)).sdgs.flatMap((c) => c.matches.flatMap((m) => m.fields))).not.toContain('body');
  });
});

describe('suggestion rules file', () => {
  const failure = (change: (file: RulesFile) => void) => {
    const file = rulesFile();
    change(file);
    return () => parseSuggestionRules(file, 'triggers.json');
  };

  it('loads the shipped file with triggers for every Leitsatz and SDG', () => {
    const rules = parseSuggestionRules(rawRules);
    expect([...rules.leitsaetze.keys()]).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect([...rules.sdgs.keys()]).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    for (const triggers of [...rules.leitsaetze.values(), ...rules.sdgs.values()]) expect(triggers.length).toBeGreaterThan(5);
  });

  it('fails loudly in German, naming the entry', () => {
    expect(failure((f) => (f.leitsaetze['4'] = { ...f.leitsaetze['4'], 'Inklusion*': 0 }))).toThrow('triggers.json: Leitsatz 4, Auslöser „Inklusion*“: Das Gewicht muss eine Zahl größer als 0 und höchstens 10 sein.');
    expect(failure((f) => (f.sdgs['11'] = { ...f.sdgs['11'], 'Rad*': 2 }))).toThrow('SDG 11, Auslöser „Rad*“: Ein Stern braucht einen Wortstamm von mindestens 4 Buchstaben (hier „rad“)');
    expect(failure((f) => (f.sdgs['17'] = { 'Eine Welt': 3 }))).toThrow('SDG 17, Auslöser „Eine Welt“: Ohne die Füllwörter (Eine) bleibt nur ein Wort übrig');
    expect(failure((f) => (f.sdgs['1'] = { 'Kli*ma': 3 }))).toThrow('SDG 1, Auslöser „Kli*ma“: Ein Stern ist nur am Anfang oder Ende eines Wortes erlaubt.');
    expect(failure((f) => delete f.sdgs['17'])).toThrow('SDG 17: Der Eintrag fehlt.');
    expect(failure((f) => (f.leitsaetze['23'] = {}))).toThrow('Leitsatz 23: Diesen Leitsatz gibt es nicht (erlaubt: 1 bis 22).');
    expect(failure((f) => (f.minScore = -1))).toThrow('triggers.json: Mindestpunktzahl (minScore): Die Zahl liegt außerhalb des erlaubten Bereichs.');
    expect(failure((f) => (f.schwelle = 3))).toThrow('triggers.json: Unbekannter Eintrag „schwelle“.');
  });
});
