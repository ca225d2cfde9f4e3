/*
 * Field-level extraction quality: precision, recall and F1 per field and overall, comparing an
 * extraction with its ground truth. A field is a leaf path of the content with list indices
 * removed ("contacts.phone", "places.regionId"); every field's values are compared as a set of
 * normalised values (case, whitespace and emphasis ignored), so a scalar is a set of at most one
 * value. A value found in both counts as true positive, one only extracted as false positive,
 * one only in the ground truth as false negative. Fields whose value is fixed by the format
 * rather than read (kind, publishConsent, placeholder, broken) are left out.
 */

export interface FieldScore {
  tp: number;
  fp: number;
  fn: number;
}

export interface QualityFigures {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

const ignored = new Set(['kind', 'contacts.publishConsent', 'links.placeholder', 'links.broken', 'taxonomy']);

const normalise = (value: unknown): string =>
  String(value)
    .replace(/\*\*|__|[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Leaf paths (list indices dropped) → set of normalised values; null, '' and [] contribute nothing. */
export function leafValues(content: unknown): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (value: unknown, path: string) => {
    if (value === null || value === undefined || value === '') return;
    if (ignored.has(path)) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, path);
      return;
    }
    if (typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) walk(v, path ? `${path}.${key}` : key);
      return;
    }
    const set = out.get(path) ?? new Set<string>();
    set.add(normalise(value));
    out.set(path, set);
  };
  walk(content, '');
  return out;
}

/** Adds the comparison of one document to the running scores. */
export function scoreDocument(scores: Map<string, FieldScore>, extracted: unknown, truth: unknown): void {
  const got = leafValues(extracted);
  const want = leafValues(truth);
  for (const field of new Set([...got.keys(), ...want.keys()])) {
    const g = got.get(field) ?? new Set<string>();
    const w = want.get(field) ?? new Set<string>();
    const s = scores.get(field) ?? { tp: 0, fp: 0, fn: 0 };
    for (const v of g) if (w.has(v)) s.tp++;
    else s.fp++;
    for (const v of w) if (!g.has(v)) s.fn++;
    scores.set(field, s);
  }
}

export function figures(s: FieldScore): QualityFigures {
  const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: s.tp + s.fn };
}

/** Micro-averaged over all fields. */
export function overall(scores: ReadonlyMap<string, FieldScore>): QualityFigures {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const s of scores.values()) {
    sum.tp += s.tp;
    sum.fp += s.fp;
    sum.fn += s.fn;
  }
  return figures(sum);
}

const pct = (n: number) => n.toFixed(3);

export function formatTable(scores: ReadonlyMap<string, FieldScore>): string {
  const rows = [...scores.keys()].sort().map((field) => {
    const f = figures(scores.get(field) as FieldScore);
    return [field, pct(f.precision), pct(f.recall), pct(f.f1), String(f.support)];
  });
  const o = overall(scores);
  rows.push(['GESAMT (micro)', pct(o.precision), pct(o.recall), pct(o.f1), String(o.support)]);
  const header = ['Feld', 'P', 'R', 'F1', 'n'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
