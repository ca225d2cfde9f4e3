import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { stopConverter } from './formats/sandbox.ts';
import { parseDocument } from './parse-document.ts';
import { figures, formatTable, overall, scoreDocument, type FieldScore } from './quality.ts';

/*
 * Extraction quality, measured separately on three sets of documents with ground truth (all file
 * types; generated DOCX/PDF/HTML share the text fixture's truth):
 *
 * - the fixtures (test/fixtures/import), which the extractor was developed on;
 * - held-out set A (heldout-a/), written later to tune the extractor's rules for documents it
 *   had not seen;
 * - held-out set B (heldout-b/), written after that tuning; measured untuned first (F1 0.546),
 *   then rules were improved on what it showed, so it is no longer unseen;
 * - held-out set C (heldout-c/), written after the fixes prompted by set B; measured untuned first
 *   (F1 0.686), then the second round of generic rules was tuned on it, so it is no longer unseen;
 * - held-out set D (heldout-d/), written before that second round and measured untuned after it
 *   (F1 0.639: the honest figure for documents nobody had fitted the rules to); a few generic fixes
 *   followed, so it is no longer unseen either (see docs/importer-quality.md);
 * - held-out set E (heldout-e/), written by a second annotator (not the rules' author) and measured
 *   untuned after the third round of rules (F1 0.603), then used for a fourth round;
 * - held-out set F (heldout-f/), written by a third annotator after that fourth round and measured
 *   untuned (F1 0.548), then used for a fifth round;
 * - held-out set G (heldout-g/), written by a fourth annotator after that fifth round and measured
 *   untuned (F1 0.412, P 0.591, R 0.317; kind right for 34 of 48 files), then used for a sixth round;
 * - held-out set H (heldout-h/), written by a fifth annotator during that sixth round and measured
 *   untuned after it (F1 0.520, P 0.758, R 0.396; kind right for 32 of 48 files; the session-start extractor: F1 0.489, kind 36 of 48),
 *   then used for a seventh round;
 * - held-out set I (heldout-i/), written by a sixth annotator during that seventh round and measured
 *   untuned after it (F1 0.572, P 0.725, R 0.472; kind right for 48 of 48 files; the session-start
 *   extractor: 0.491, the extractor after round six: 0.561), then used for a short eighth round;
 * - held-out set J (heldout-j/), written by a seventh annotator during a ninth round (tuned on set I)
 *   and asked to weight the two core formats (fact sheets, questionnaires) in layouts of no other
 *   set; measured untuned after that round (F1 0.704, P 0.837, R 0.608; kind right for 37 of 48
 *   files; the session-start extractor: 0.701), then used for a tenth round;
 * - held-out set K (heldout-k/), written by an eighth annotator during that tenth round and
 *   measured untuned after it (F1 0.734, P 0.838, R 0.653; kind right for 48 of 48 files; the
 *   session-start extractor: 0.721, kind 44 of 48), then used for an eleventh round;
 * - held-out set L (heldout-l/), written by a ninth annotator during that eleventh round and
 *   measured untuned after it (F1 0.704, P 0.818, R 0.617; kind right for 44 of 48 files, one
 *   document rejected for want of a title; the session-start extractor: 0.685, kind 48 of 48),
 *   then used for a twelfth round;
 * - held-out set M (heldout-m/), written by a tenth annotator during that twelfth round, asked for
 *   mostly well-behaved documents of the two core formats; measured untuned after it (F1 0.819,
 *   P 0.891, R 0.758; kind right for 44 of 48 files; the session-start extractor: 0.796), then used
 *   for a short thirteenth round;
 * - held-out set N (heldout-n/), written by an eleventh annotator during that thirteenth round and
 *   measured untuned after it (F1 0.684, P 0.779, R 0.610; kind right for 48 of 48 files; the
 *   session-start extractor: 0.663). No rule was tuned on it: it is the unseen figure of the final code.
 *
 * Besides F1, each set counts how many documents got the right kind (project, funding programme,
 * advice, material); that count may not drop either.
 * Each set prints precision/recall/F1 per field and overall and is guarded against regression:
 * the run fails when a set's overall F1 or a field's F1 drops more than 0.02 below the set's
 * recorded-quality.json (the fixtures' overall F1: more than 0.01). After an intended change,
 * record new figures with UPDATE_QUALITY=1 npx vitest run src/import/quality.test.ts.
 */
const fixturesDir = new URL('../../test/fixtures/import/', import.meta.url);
const documentTypes = /\.(txt|md|docx|pdf|html)$/;

interface QualitySet {
  name: string;
  dir: URL;
  minDocuments: number;
  overallTolerance: number;
}

const sets: QualitySet[] = [
  { name: 'Fixtures', dir: fixturesDir, minDocuments: 40, overallTolerance: 0.01 },
  { name: 'Held-out-Satz A (Abstimmung)', dir: new URL('heldout-a/', fixturesDir), minDocuments: 12 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz B (Prüfung, nach der Messung nachgebessert)', dir: new URL('heldout-b/', fixturesDir), minDocuments: 8 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz C (Prüfung, nach der Messung nachgebessert)', dir: new URL('heldout-c/', fixturesDir), minDocuments: 8 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz D (Prüfung, nach der Messung nachgebessert)', dir: new URL('heldout-d/', fixturesDir), minDocuments: 10 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz E (Prüfung, zweite Person, nach der Messung nachgebessert)', dir: new URL('heldout-e/', fixturesDir), minDocuments: 12 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz F (Prüfung, dritte Person, nach der Messung nachgebessert)', dir: new URL('heldout-f/', fixturesDir), minDocuments: 10 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz G (Prüfung, vierte Person, nach der Messung nachgebessert)', dir: new URL('heldout-g/', fixturesDir), minDocuments: 12 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz H (Prüfung, fünfte Person, nach der Messung nachgebessert)', dir: new URL('heldout-h/', fixturesDir), minDocuments: 12 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz I (Prüfung, sechste Person, nach der Messung nachgebessert)', dir: new URL('heldout-i/', fixturesDir), minDocuments: 12 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz J (Prüfung, siebte Person, nach der Messung nachgebessert)', dir: new URL('heldout-j/', fixturesDir), minDocuments: 12 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz K (Prüfung, achte Person, nach der Messung nachgebessert)', dir: new URL('heldout-k/', fixturesDir), minDocuments: 12 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz L (Prüfung, neunte Person, nach der Messung nachgebessert)', dir: new URL('heldout-l/', fixturesDir), minDocuments: 12 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz M (Prüfung, zehnte Person, nach der Messung nachgebessert)', dir: new URL('heldout-m/', fixturesDir), minDocuments: 12 * 4, overallTolerance: 0.02 },
  { name: 'Held-out-Satz N (Prüfung, elfte Person, ungesehen)', dir: new URL('heldout-n/', fixturesDir), minDocuments: 12 * 4, overallTolerance: 0.02 },
];
const fieldTolerance = 0.02;

interface Recorded {
  overall: { precision: number; recall: number; f1: number };
  fields: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  /** The kind of contribution (project, funding programme, advice, material), counted apart from F1. */
  kind?: { correct: number; total: number };
}

function truthFor(dir: URL, name: string): Record<string, unknown> | null {
  for (const candidate of [`${name}.expected.json`, name.replace(documentTypes, '.expected.json')]) {
    try {
      const expected = JSON.parse(readFileSync(new URL(candidate, dir), 'utf8')) as { content?: Record<string, unknown> };
      return expected.content ?? null;
    } catch {
      continue;
    }
  }
  return null;
}

interface Measured {
  scores: Map<string, FieldScore>;
  /** The same comparison per file type (txt, docx, pdf, html). */
  byType: Map<string, Map<string, FieldScore>>;
  documents: number;
  kindsCorrect: number;
}

async function measure(dir: URL, damage?: (content: Record<string, unknown>) => Record<string, unknown>): Promise<Measured> {
  const scores = new Map<string, FieldScore>();
  const byType = new Map<string, Map<string, FieldScore>>();
  let documents = 0;
  let kindsCorrect = 0;
  for (const name of readdirSync(dir).filter((f) => documentTypes.test(f)).sort()) {
    const truth = truthFor(dir, name);
    if (!truth) continue;
    const outcome = await parseDocument(readFileSync(new URL(name, dir)), name);
    const { taxonomy: _t, ...content } = outcome.ok ? (outcome.content as unknown as Record<string, unknown>) : {};
    if ((content.kind ?? 'projekt') === (truth.kind ?? 'projekt') && outcome.ok) kindsCorrect++;
    const compared = damage ? damage(content) : content;
    scoreDocument(scores, compared, truth);
    const type = /\.([a-z]+)$/.exec(name)?.[1] ?? '?';
    const typeScores = byType.get(type) ?? new Map<string, FieldScore>();
    scoreDocument(typeScores, compared, truth);
    byType.set(type, typeScores);
    documents++;
  }
  return { scores, byType, documents, kindsCorrect };
}

afterAll(stopConverter);

const round = (n: number) => Math.round(n * 1000) / 1000;

function summarise(scores: ReadonlyMap<string, FieldScore>): Recorded {
  const now = overall(scores);
  return {
    overall: { precision: round(now.precision), recall: round(now.recall), f1: round(now.f1) },
    fields: Object.fromEntries(
      [...scores.keys()].sort().map((field) => {
        const f = figures(scores.get(field) as FieldScore);
        return [field, { precision: round(f.precision), recall: round(f.recall), f1: round(f.f1), support: f.support }];
      }),
    ),
  };
}

describe.each(sets)('$name', (set) => {
  const recordedFile = new URL('recorded-quality.json', set.dir);

  it('measures field-level precision and recall and does not regress', async () => {
    expect(existsSync(set.dir), `${set.dir.pathname} fehlt`).toBe(true);
    const { scores, byType, documents, kindsCorrect } = await measure(set.dir);
    const current = { ...summarise(scores), kind: { correct: kindsCorrect, total: documents } };
    const weakest = Object.entries(current.fields)
      .filter(([, f]) => f.f1 < 1)
      .sort(([, a], [, b]) => a.f1 - b.f1)
      .slice(0, 5)
      .map(([field, f]) => `${field} ${f.f1.toFixed(3)}`);
    const perType = [...byType].map(([type, s]) => `${type} ${overall(s).f1.toFixed(3)}`).join(', ');
    console.log(
      `${set.name}: Extraktionsqualität über ${documents} Dokumente mit Grundwahrheit (F1 gesamt ${current.overall.f1.toFixed(3)}; nach Dateityp: ${perType}; schwächste Felder: ${weakest.join(', ') || '–'}; Art richtig erkannt: ${kindsCorrect} von ${documents}):\n${formatTable(scores)}`,
    );
    expect(documents).toBeGreaterThanOrEqual(set.minDocuments);
    if (process.env.UPDATE_QUALITY) writeFileSync(recordedFile, `${JSON.stringify(current, null, 2)}\n`);
    const recorded = JSON.parse(readFileSync(recordedFile, 'utf8')) as Recorded;
    expect(current.overall.f1, 'overall F1').toBeGreaterThanOrEqual(round(recorded.overall.f1 - set.overallTolerance));
    const dropped = Object.entries(recorded.fields)
      .filter(([field, r]) => (current.fields[field]?.f1 ?? 0) < round(r.f1 - fieldTolerance))
      .map(([field, r]) => `${field}: ${r.f1} → ${current.fields[field]?.f1 ?? 0}`);
    expect(dropped).toEqual([]);
    if (recorded.kind) expect(kindsCorrect, 'kind').toBeGreaterThanOrEqual(recorded.kind.correct);
  }, 180_000);
});

it('the guard notices a damaged extraction', async () => {
  // Losing every phone number and inventing a place must lower the figures measurably.
  const { scores } = await measure(fixturesDir, (c) => ({
    ...c,
    contacts: (c.contacts as Array<Record<string, unknown>>).map((p) => ({ ...p, phone: null })),
    places: [...(c.places as unknown[]), { regionId: 'hessen', label: 'Erfunden', focus: false }],
  }));
  const recorded = JSON.parse(readFileSync(new URL('recorded-quality.json', fixturesDir), 'utf8')) as Recorded;
  const phone = figures(scores.get('contacts.phone') ?? { tp: 0, fp: 0, fn: 1 });
  expect(phone.f1).toBeLessThan((recorded.fields['contacts.phone']?.f1 ?? 1) - fieldTolerance);
  expect(overall(scores).f1).toBeLessThan(recorded.overall.f1 - 0.01);
}, 120_000);
