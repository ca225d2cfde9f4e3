import type { ProjectStatus } from '../domain/period.ts';
import { findRegion } from '../domain/taxonomy.ts';
import type { IndexedDocument } from './documents.ts';
import { facetNames, type FacetName, type FacetValue, type SearchFilters } from './types.ts';

const STATUS = facetNames.indexOf('status');

/**
 * Facet values as small integer codes, so filtering and counting over tens of thousands of
 * matching documents are array look-ups instead of string comparisons.
 */
export class FacetTable {
  private readonly codeByKey = new Map<string, number>();
  /** Facet index (into facetNames) of each code. */
  readonly facetOf: number[] = [];
  readonly valueOf: string[] = [];

  /** Codes of a document's static facet values (status is derived per query). */
  codesOf(doc: IndexedDocument): Int32Array {
    const codes = [
      this.code('kind', doc.kind),
      ...(doc.area ? [this.code('area', doc.area)] : []),
      ...doc.leitsaetze.map((n) => this.code('leitsatz', String(n))),
      ...doc.sdgs.map((n) => this.code('sdg', String(n))),
      ...doc.regions.map((r) => this.code('region', r)),
      ...doc.targetGroups.map((g) => this.code('targetGroup', g.key)),
      ...(doc.participationOpen ? [this.code('participation', 'open')] : []),
      ...doc.fundingKinds.map((k) => this.code('funding', k)),
    ];
    return Int32Array.from(new Set(codes));
  }

  statusCode(status: ProjectStatus): number {
    return this.code('status', status);
  }

  get size(): number {
    return this.facetOf.length;
  }

  /** The active filters as facet indices plus a mask of wanted codes (values no document has are simply absent). */
  compile(filters: SearchFilters): CompiledFilters {
    const wanted = new Uint8Array(this.size + 8);
    const active: number[] = [];
    for (const [facet, values] of Object.entries(selectedValues(filters)) as Array<[FacetName, string[]]>) {
      if (values.length === 0) continue;
      active.push(facetNames.indexOf(facet));
      for (const value of values) {
        const code = this.codeByKey.get(key(facet, value));
        if (code !== undefined) wanted[code] = 1;
      }
    }
    return { active, wanted };
  }

  /** Whether a document (its codes are codes[from..to)) passes one facet's filter: any of its codes in that facet is wanted. */
  passes(codes: Int32Array, from: number, to: number, statusCode: number, facet: number, wanted: Uint8Array): boolean {
    if (facet === STATUS) return wanted[statusCode] === 1;
    for (let i = from; i < to; i++) if (wanted[codes[i]!] === 1 && this.facetOf[codes[i]!] === facet) return true;
    return false;
  }

  /** Facet values with counts > 0, plus every selected value (count 0 if nothing has it), most frequent first. */
  values(counts: Int32Array, filters: SearchFilters, targetGroupLabels: ReadonlyMap<string, string>): Record<FacetName, FacetValue[]> {
    const selected = selectedValues(filters);
    const byFacet = Object.fromEntries(facetNames.map((f) => [f, new Map<string, number>()])) as Record<FacetName, Map<string, number>>;
    for (let code = 0; code < this.size; code++) {
      if (counts[code]! > 0) byFacet[facetNames[this.facetOf[code]!]!].set(this.valueOf[code]!, counts[code]!);
    }
    const result = {} as Record<FacetName, FacetValue[]>;
    for (const facet of facetNames) {
      const chosen = new Set(selected[facet]);
      for (const value of chosen) if (!byFacet[facet].has(value)) byFacet[facet].set(value, 0);
      result[facet] = [...byFacet[facet].entries()]
        .map(([value, count]) => ({
          value,
          count,
          selected: chosen.has(value),
          ...(facet === 'region' ? { parent: findRegion(value)?.parent ?? null } : {}),
          ...(facet === 'targetGroup' ? { label: targetGroupLabels.get(value) ?? value } : {}),
        }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'de', { numeric: true }));
    }
    return result;
  }

  private code(facet: FacetName, value: string): number {
    const k = key(facet, value);
    let code = this.codeByKey.get(k);
    if (code === undefined) {
      code = this.facetOf.length;
      this.codeByKey.set(k, code);
      this.facetOf.push(facetNames.indexOf(facet));
      this.valueOf.push(value);
    }
    return code;
  }
}

export interface CompiledFilters {
  /** Facet indices with a filter set. */
  active: number[];
  wanted: Uint8Array;
}

const key = (facet: FacetName, value: string) => `${facet}\u0000${value}`;

/** The filter's values per facet, as facet value keys. */
export function selectedValues(filters: SearchFilters): Record<FacetName, string[]> {
  return {
    kind: filters.kinds,
    area: filters.areas,
    leitsatz: filters.leitsaetze.map(String),
    sdg: filters.sdgs.map(String),
    region: filters.regions,
    targetGroup: filters.targetGroups.map((g) => g.trim().toLowerCase()),
    status: filters.statuses,
    participation: filters.participationOpen ? ['open'] : [],
    funding: filters.fundingKinds,
  };
}
