import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { stopConverter } from './formats/sandbox.ts';
import { parseDocument } from './parse-document.ts';
import { figures, formatTable, overall, scoreDocument, type FieldScore } from './quality.ts';

/*
 * Extraction quality over every fixture document with ground truth (all file types; generated
 * DOCX/PDF/HTML share the text fixture's truth). Prints precision/recall/F1 per field and
 * overall and guards against regression: the run fails when overall F1 drops more than 0.01
 * below test/fixtures/import/recorded-quality.json, or a field's F1 more than 0.05. After an
 * intended change, record new figures with UPDATE_QUALITY=1 npx vitest run src/import/quality.test.ts.
 */
const fixturesDir = new URL('../../test/fixtures/import/', import.meta.url);
const recordedFile = new URL('recorded-quality.json', fixturesDir);
const documentTypes = /\.(txt|md|docx|pdf|html)$/;

interface Recorded {
  overall: { precision: number; recall: number; f1: number };
  fields: Record<string, { precision: number; recall: number; f1: number; support: number }>;
}

function truthFor(name: string): Record<string, unknown> | null {
  for (const candidate of [`${name}.expected.json`, name.replace(documentTypes, '.expected.json')]) {
    try {
      const expected = JSON.parse(readFileSync(new URL(candidate, fixturesDir), 'utf8')) as { content?: Record<string, unknown> };
      return expected.content ?? null;
    } catch {
      continue;
    }
  }
  return null;
}

async function measure(damage?: (content: Record<string, unknown>) => Record<string, unknown>): Promise<{ scores: Map<string, FieldScore>; documents: number }> {
  const scores = new Map<string, FieldScore>();
  let documents = 0;
  for (const name of readdirSync(fixturesDir).filter((f) => documentTypes.test(f)).sort()) {
    const truth = truthFor(name);
    if (!truth) continue;
    const outcome = await parseDocument(readFileSync(new URL(name, fixturesDir)), name);
    const { taxonomy: _t, ...content } = outcome.ok ? (outcome.content as unknown as Record<string, unknown>) : {};
    scoreDocument(scores, damage ? damage(content) : content, truth);
    documents++;
  }
  return { scores, documents };
}

afterAll(stopConverter);

const round = (n: number) => Math.round(n * 1000) / 1000;

it('measures field-level precision and recall and does not regress', async () => {
  const { scores, documents } = await measure();
  console.log(`Extraktionsqualität über ${documents} Dokumente mit Grundwahrheit:\n${formatTable(scores)}`);
  expect(documents).toBeGreaterThanOrEqual(40);
  const now = overall(scores);
  const current: Recorded = {
    overall: { precision: round(now.precision), recall: round(now.recall), f1: round(now.f1) },
    fields: Object.fromEntries(
      [...scores.keys()].sort().map((field) => {
        const f = figures(scores.get(field) as FieldScore);
        return [field, { precision: round(f.precision), recall: round(f.recall), f1: round(f.f1), support: f.support }];
      }),
    ),
  };
  if (process.env.UPDATE_QUALITY) writeFileSync(recordedFile, `${JSON.stringify(current, null, 2)}\n`);
  const recorded = JSON.parse(readFileSync(recordedFile, 'utf8')) as Recorded;
  expect(current.overall.f1, 'overall F1').toBeGreaterThanOrEqual(recorded.overall.f1 - 0.01);
  const dropped = Object.entries(recorded.fields)
    .filter(([field, r]) => (current.fields[field]?.f1 ?? 0) < r.f1 - 0.05)
    .map(([field, r]) => `${field}: ${r.f1} → ${current.fields[field]?.f1 ?? 0}`);
  expect(dropped).toEqual([]);
}, 120_000);

it('the guard notices a damaged extraction', async () => {
  // Losing every phone number and inventing a place must lower the figures measurably.
  const { scores } = await measure((c) => ({
    ...c,
    contacts: (c.contacts as Array<Record<string, unknown>>).map((p) => ({ ...p, phone: null })),
    places: [...(c.places as unknown[]), { regionId: 'hessen', label: 'Erfunden', focus: false }],
  }));
  const recorded = JSON.parse(readFileSync(recordedFile, 'utf8')) as Recorded;
  const phone = figures(scores.get('contacts.phone') ?? { tp: 0, fp: 0, fn: 1 });
  expect(phone.f1).toBeLessThan((recorded.fields['contacts.phone']?.f1 ?? 1) - 0.05);
  expect(overall(scores).f1).toBeLessThan(recorded.overall.f1 - 0.01);
}, 120_000);
