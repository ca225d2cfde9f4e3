import { contributionKinds, fundingKindLabels, fundingSourceKinds, kindLabels, type ContributionKind } from '../domain/contribution.ts';
import type { ProjectStatus } from '../domain/period.ts';
import { leitbildAreas, leitsaetze, regions, sdgs } from '../domain/taxonomy.ts';
import { emptyFilters, sortOrders, type SearchFilters, type SearchQuery, type SortOrder } from '../search/types.ts';

/*
 * The results page's URL is its state: every filter is a query parameter with a German name,
 * repeated for several values (?sdg=3&sdg=13). Parsing never throws; whatever cannot be used is
 * dropped and explained in a German notice on the page.
 */

export const maxQueryLength = 200;
export const resultsPageSize = 10;
/** More values per parameter than the taxonomy has are never meaningful. */
const maxValuesPerParam = 30;
const maxTargetGroupLength = 200;
/** The raw query string is cut here before parsing; no legitimate filter state comes close. */
const maxRawQueryLength = 20_000;

export const statusParamValues = { geplant: 'planned', laufend: 'running', abgeschlossen: 'finished' } as const satisfies Record<string, ProjectStatus>;
type StatusParam = keyof typeof statusParamValues;
const statusParamByValue = new Map<ProjectStatus, StatusParam>(Object.entries(statusParamValues).map(([param, value]) => [value, param as StatusParam]));


export interface ParsedSearch {
  /** page is what the URL asked for (clamped to ≥ 1); the app corrects it once the total is known. */
  query: SearchQuery;
  /** German explanations of anything in the URL that was ignored or changed. */
  notices: string[];
}

/** Splits "a=1&b=%20x" into decoded pairs without ever throwing; reports malformed percent-encoding. */
export function parseQueryString(raw: string): { pairs: Array<[string, string]>; malformed: boolean } {
  const pairs: Array<[string, string]> = [];
  let malformed = false;
  const source = raw.startsWith('?') ? raw.slice(1) : raw;
  for (const part of source.slice(0, maxRawQueryLength).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
    malformed ||= name.malformed || value.malformed;
    pairs.push([name.text, value.text]);
  }
  return { pairs, malformed };
}

const utf8 = new TextEncoder();

/** Percent-decoding that keeps what is valid: a stray "%" stays literal, invalid UTF-8 bytes are dropped. */
export function safeDecode(encoded: string): { text: string; malformed: boolean } {
  const input = encoded.replace(/\+/g, ' ');
  if (!input.includes('%')) return { text: input, malformed: false };
  try {
    return { text: decodeURIComponent(input), malformed: false };
  } catch {
    // Fall through to the byte-wise decoder.
  }
  let malformed = false;
  const bytes: number[] = [];
  for (let i = 0; i < input.length; ) {
    const hex = input.slice(i + 1, i + 3);
    if (input[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 3;
      continue;
    }
    if (input[i] === '%') malformed = true;
    const codePoint = input.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(codePoint);
    bytes.push(...utf8.encode(char));
    i += char.length;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    malformed = true;
    text = new TextDecoder('utf-8').decode(new Uint8Array(bytes)).replace(/\uFFFD/g, '');
  }
  return { text, malformed };
}

/** Control characters never belong in a search or filter value. */
function clean(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
}

const quote = (value: string) => `„${value.length > 40 ? `${value.slice(0, 40)}…` : value}“`;

const leitsatzValues = leitsaetze.map((l) => String(l.number));
const sdgValues = sdgs.map((s) => String(s.number));
const statusParams = Object.keys(statusParamValues) as StatusParam[];

/**
 * The filter parameters of the search (pages and API alike): name → the values it takes (null for
 * free text) and the label that names it in messages. One list, so both read the same filters.
 */
export const filterParams = {
  art: { label: 'Art', values: contributionKinds },
  bereich: { label: 'Bereich', values: leitbildAreas.map((a) => a.id) },
  leitsatz: { label: 'Leitsatz', values: leitsatzValues },
  sdg: { label: 'SDG', values: sdgValues },
  region: { label: 'Region', values: regions.map((r) => r.id) },
  zielgruppe: { label: 'Zielgruppe', values: null, maxLength: maxTargetGroupLength },
  status: { label: 'Status', values: statusParams },
  foerderung: { label: 'Förderung', values: fundingSourceKinds },
  teilnahme: { label: 'Teilnahme', values: ['offen'] },
} as const satisfies Record<string, { label: string; values: readonly string[] | null; maxLength?: number }>;
export type FilterParam = keyof typeof filterParams;
type FacetParam = FilterParam;
const isFacetParam = (name: string): name is FacetParam => Object.hasOwn(filterParams, name);

/** Numbers are accepted with a leading zero ("03"), as hand-written URLs have them. */
export function normalizeFilterValue(name: FilterParam, value: string): string {
  return (name === 'leitsatz' || name === 'sdg') && /^\d{1,2}$/.test(value) ? String(Number(value)) : value;
}

export function acceptsFilterValue(name: FilterParam, value: string): boolean {
  const param: { values: readonly string[] | null; maxLength?: number } = filterParams[name];
  return param.values === null ? value.length <= (param.maxLength ?? Infinity) : param.values.includes(normalizeFilterValue(name, value));
}

const facetParams = filterParams;

/** Known parameters that are not filters; anything else in the URL is silently ignored (tracking tags etc.). */
const otherParams = new Set(['q', 'sortierung', 'seite']);

export function parseSearchParams(rawQueryString: string): ParsedSearch {
  const notices: string[] = [];
  const { pairs, malformed } = parseQueryString(rawQueryString);
  if (malformed) notices.push('Die Adresse enthielt ungültig kodierte Zeichen (Prozent-Kodierung). Diese Zeichen wurden entfernt.');

  const values = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    if (!isFacetParam(name) && !otherParams.has(name)) continue;
    const cleaned = clean(value);
    if (cleaned === '') continue;
    const list = values.get(name) ?? [];
    list.push(cleaned);
    values.set(name, list);
  }

  // Free text: the first q counts; longer than any sensible search is cut with a notice.
  let text = values.get('q')?.[0] ?? '';
  if (text.length > maxQueryLength) {
    notices.push(
      `Ihre Suchanfrage war mit ${text.length.toLocaleString('de-DE')} Zeichen zu lang. Gesucht wird nach den ersten ${maxQueryLength} Zeichen.`,
    );
    text = text.slice(0, maxQueryLength).trim();
  }

  const filters = emptyFilters();
  const unknown: string[] = [];
  let tooMany = false;
  for (const name of Object.keys(facetParams) as FacetParam[]) {
    const given = values.get(name) ?? [];
    const accepted: string[] = [];
    for (const value of given) {
      if (!acceptsFilterValue(name, value)) unknown.push(`${facetParams[name].label} ${quote(value)}`);
      else if (accepted.length >= maxValuesPerParam) tooMany = true;
      else if (!accepted.includes(value)) accepted.push(value);
    }
    applyFacet(filters, name, accepted);
  }
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join(', ') + (unknown.length > 5 ? ` und ${unknown.length - 5} weitere` : '');
    notices.push(
      unknown.length === 1
        ? `Den Filterwert ${shown} gibt es nicht. Er wurde nicht berücksichtigt.`
        : `Diese Filterwerte gibt es nicht: ${shown}. Sie wurden nicht berücksichtigt.`,
    );
  }
  if (tooMany) notices.push(`Pro Filter werden höchstens ${maxValuesPerParam} Werte berücksichtigt.`);

  let sort: SortOrder = text === '' ? 'neueste' : 'relevanz';
  const sortParam = values.get('sortierung')?.[0];
  if (sortParam !== undefined) {
    if ((sortOrders as readonly string[]).includes(sortParam)) sort = sortParam as SortOrder;
    else notices.push(`Die Sortierung ${quote(sortParam)} gibt es nicht. Sortiert wird nach ${text === '' ? 'Aktualität' : 'Relevanz'}.`);
  }

  let page = 1;
  const pageParam = values.get('seite')?.[0];
  if (pageParam !== undefined) {
    if (/^\d{1,6}$/.test(pageParam) && Number(pageParam) >= 1) page = Number(pageParam);
    else notices.push(`Die Seitenangabe ${quote(pageParam)} ist keine gültige Seitenzahl. Angezeigt wird die erste Seite.`);
  }

  return { query: { text, filters, sort, page, pageSize: resultsPageSize }, notices };
}

/** Sets one filter from its parameter's accepted values (see acceptsFilterValue). */
export function applyFacet(filters: SearchFilters, name: FilterParam, accepted: string[]): void {
  switch (name) {
    case 'art':
      filters.kinds = accepted as ContributionKind[];
      break;
    case 'bereich':
      filters.areas = accepted;
      break;
    case 'leitsatz':
      filters.leitsaetze = accepted.map(Number);
      break;
    case 'sdg':
      filters.sdgs = accepted.map(Number);
      break;
    case 'region':
      filters.regions = accepted;
      break;
    case 'zielgruppe':
      // Target groups are free text; the index compares them lower-cased.
      filters.targetGroups = [...new Set(accepted.map((v) => v.toLowerCase()))];
      break;
    case 'status':
      filters.statuses = accepted.map((v) => statusParamValues[v as StatusParam]);
      break;
    case 'foerderung':
      filters.fundingKinds = accepted;
      break;
    case 'teilnahme':
      filters.participationOpen = accepted.length > 0;
      break;
  }
}

/** One active filter value, as the page lists it and as the URL carries it. */
export interface ActiveFilter {
  param: FacetParam;
  value: string;
  /** "Bereich: Umwelt" */
  label: string;
}

export interface FilterNames {
  leitbildAreas: Map<string, string>;
  leitsaetze: Map<number, string>;
  sdgs: Map<number, string>;
  regions: Map<string, string>;
  /** Display form of target-group keys (from the facet), else the key itself. */
  targetGroups?: Map<string, string>;
}

export function activeFilters(filters: SearchFilters, names: FilterNames): ActiveFilter[] {
  const list: ActiveFilter[] = [];
  for (const v of filters.kinds) list.push({ param: 'art', value: v, label: `Art: ${kindLabels[v]}` });
  for (const v of filters.areas) list.push({ param: 'bereich', value: v, label: `Bereich: ${names.leitbildAreas.get(v) ?? v}` });
  for (const v of filters.leitsaetze) list.push({ param: 'leitsatz', value: String(v), label: `Leitsatz ${v}: ${names.leitsaetze.get(v) ?? ''}`.replace(/: $/, '') });
  for (const v of filters.sdgs) list.push({ param: 'sdg', value: String(v), label: `SDG ${v}: ${names.sdgs.get(v) ?? ''}`.replace(/: $/, '') });
  for (const v of filters.regions) list.push({ param: 'region', value: v, label: `Region: ${names.regions.get(v) ?? v}` });
  for (const v of filters.targetGroups) list.push({ param: 'zielgruppe', value: v, label: `Zielgruppe: ${names.targetGroups?.get(v) ?? v}` });
  for (const v of filters.statuses) {
    const param = statusParamByValue.get(v);
    if (param) list.push({ param: 'status', value: param, label: `Status: ${param}` });
  }
  if (filters.participationOpen) list.push({ param: 'teilnahme', value: 'offen', label: 'Teilnahme offen' });
  for (const v of filters.fundingKinds) list.push({ param: 'foerderung', value: v, label: `Förderung: ${fundingKindLabels[v as keyof typeof fundingKindLabels] ?? v}` });
  return list;
}

/** URL parameters of a query in a stable order, so equal states have equal (canonical) URLs. */
export function searchParamPairs(query: Pick<SearchQuery, 'text' | 'filters' | 'sort' | 'page'>): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (query.text !== '') pairs.push(['q', query.text]);
  for (const filter of activeFilters(query.filters, { leitbildAreas: new Map(), leitsaetze: new Map(), sdgs: new Map(), regions: new Map() })) {
    pairs.push([filter.param, filter.value]);
  }
  if (query.sort !== defaultSort(query.text)) pairs.push(['sortierung', query.sort]);
  if (query.page > 1) pairs.push(['seite', String(query.page)]);
  return pairs;
}

export function defaultSort(text: string): SortOrder {
  return text === '' ? 'neueste' : 'relevanz';
}

export function searchPath(query: Pick<SearchQuery, 'text' | 'filters' | 'sort' | 'page'>): string {
  const pairs = searchParamPairs(query);
  return pairs.length === 0 ? '/suche' : `/suche?${new URLSearchParams(pairs).toString()}`;
}

/** The same search without one filter value, back on page 1. */
export function pathWithout(query: SearchQuery, remove: Pick<ActiveFilter, 'param' | 'value'>): string {
  const pairs = searchParamPairs({ ...query, page: 1 }).filter(([name, value]) => !(name === remove.param && value === remove.value));
  return pairs.length === 0 ? '/suche' : `/suche?${new URLSearchParams(pairs).toString()}`;
}
