/**
 * The vocabulary of the index, searchable by prefix, by suffix and by spelling distance.
 * German compounds put the head last ("Gesundheitsförderung" is a kind of "Förderung"), so a
 * query word also finds compounds ending in it, and, with less weight, compounds starting with it.
 */
export class TermDictionary {
  private sorted: string[] = [];
  private reversedSorted: string[] = [];
  private byFirstLetter = new Map<string, string[]>();
  private dirty = false;
  private readonly all = new Set<string>();

  add(term: string): void {
    if (this.all.has(term)) return;
    this.all.add(term);
    this.dirty = true;
  }

  has(term: string): boolean {
    return this.all.has(term);
  }

  get size(): number {
    return this.all.size;
  }

  /** Compounds whose last part is the term: "forder" → "gesundheitsforder", "radverkehrsforder". */
  compoundsEndingWith(term: string, minRest = 3, limit = 200): string[] {
    this.refresh();
    const reversed = reverse(term);
    const out: string[] = [];
    for (let i = lowerBound(this.reversedSorted, reversed); i < this.reversedSorted.length && out.length < limit; i++) {
      const candidate = this.reversedSorted[i]!;
      if (!candidate.startsWith(reversed)) break;
      if (candidate.length - reversed.length >= minRest) out.push(reverse(candidate));
    }
    return out;
  }

  /** Compounds whose first part is the term, allowing a linking element: "gesundheit" → "gesundheitsforder". */
  compoundsStartingWith(term: string, minRest = 4, limit = 200): string[] {
    this.refresh();
    const out: string[] = [];
    for (let i = lowerBound(this.sorted, term); i < this.sorted.length && out.length < limit; i++) {
      const candidate = this.sorted[i]!;
      if (!candidate.startsWith(term)) break;
      const rest = candidate.slice(term.length).replace(/^(s|es|n|en|e|er)(?=.{4})/, '');
      if (rest.length >= minRest) out.push(candidate);
    }
    return out;
  }

  /** Terms within a small edit distance (typos), closest first; only for words of 4+ letters. */
  nearTerms(term: string, limit = 3): Array<{ term: string; distance: number }> {
    if (term.length < 4) return [];
    this.refresh();
    const maxDistance = term.length >= 8 ? 2 : 1;
    const found: Array<{ term: string; distance: number }> = [];
    const seen = new Set<string>();
    for (const candidate of this.byFirstLetter.get(term[0]!) ?? []) {
      // A misspelt word may be the first part of indexed compounds only ("Klimschutz" → "klimaschutzkonzept"),
      // so the candidate's beginnings of similar length are compared too.
      const options = candidate.length > term.length + maxDistance ? prefixesNear(candidate, term.length, maxDistance) : [candidate];
      for (const option of options) {
        if (seen.has(option) || Math.abs(option.length - term.length) > maxDistance) continue;
        seen.add(option);
        const distance = boundedDistance(term, option, maxDistance);
        if (distance <= maxDistance && distance > 0) found.push({ term: option, distance });
      }
    }
    // Whole words before compound beginnings at the same distance.
    return found.sort((a, b) => a.distance - b.distance || Number(!this.all.has(a.term)) - Number(!this.all.has(b.term))).slice(0, limit);
  }

  /** Builds the sorted look-up lists now (they are rebuilt lazily after new terms). */
  prepare(): void {
    this.refresh();
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.sorted = [...this.all].sort();
    this.reversedSorted = this.sorted.map(reverse).sort();
    this.byFirstLetter = new Map();
    for (const term of this.sorted) {
      const bucket = this.byFirstLetter.get(term[0]!);
      if (bucket) bucket.push(term);
      else this.byFirstLetter.set(term[0]!, [term]);
    }
    this.dirty = false;
  }
}

function prefixesNear(candidate: string, length: number, maxDistance: number): string[] {
  const out: string[] = [];
  for (let l = Math.max(4, length - maxDistance); l <= length + maxDistance; l++) out.push(candidate.slice(0, l));
  return out;
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Optimal-string-alignment distance (transpositions count 1), giving up beyond max. */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  let prevPrev = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const current = new Array<number>(m + 1).fill(0);
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = current;
  }
  return prev[m]!;
}
