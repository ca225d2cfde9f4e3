import type { Context } from 'hono';
import { z } from 'zod';
import { fundingKindLabels, kindLabels, type Contribution } from '../../domain/contribution.ts';
import type { TaxonomyNames } from '../../domain/taxonomy.ts';
import { emptyFilters, facetNames, sortOrders, type FacetName, type SearchQuery, type SearchResult, type SearchWindow, type SortOrder } from '../../search/types.ts';
import type { CatalogReader, CatalogSearch } from '../ports.ts';
import {
  acceptsFilterValue,
  applyFacet,
  defaultSort,
  filterParams,
  maxQueryLength,
  normalizeFilterValue,
  parseQueryString,
  searchParamPairs,
  statusParamValues,
  type FilterParam,
} from '../search-params.ts';
import { decodeCursor, encodeCursor, queryHash } from './cursor.ts';
import { jsonResponse } from './http.ts';
import type { ApiOperation } from './operation.ts';
import { hasScope, type ApiEnv } from './access.ts';
import { editableResponse, type EditingReader } from './editing.ts';
import { InternalContributionSchema, presentContribution, PublicContributionSchema } from './presenter.ts';
import { problem, type ParameterError } from './problem.ts';
import { isUuid } from '../../domain/ids.ts';

/* GET /api/v1/contributions and GET /api/v1/contributions/{idOrSlug}. */

export const defaultLimit = 20;
export const maxLimit = 100;
const maxValuesPerParam = 30;

// ---- Request: the same parameters as the search page /suche (src/web/search-params.ts), plus limit and cursor.

const filterParamSchema = (name: FilterParam) => {
  const param: { label: string; values: readonly string[] | null; maxLength?: number } = filterParams[name];
  const value = param.values ? z.enum(param.values as [string, ...string[]]) : z.string().min(1).max(param.maxLength ?? 200);
  return z.array(value).max(maxValuesPerParam);
};

const filterDescriptions: Record<FilterParam, string> = {
  art: 'Art des Beitrags',
  bereich: 'Bereich des Leitbilds (id)',
  leitsatz: 'Leitsatz (Nummer 1–22)',
  sdg: 'Nachhaltigkeitsziel (SDG, Nummer 1–17)',
  region: 'Region (id aus /api/v1/regions); ein Regierungsbezirk oder Hessen umfasst alle Regionen darin',
  zielgruppe: 'Zielgruppe (Freitext, ohne Unterscheidung von Groß- und Kleinschreibung)',
  status: 'Projektstatus, aus dem Zeitraum abgeleitet',
  foerderung: 'Art der Förderquelle',
  teilnahme: '„offen“: nur Beiträge, an denen man sich beteiligen kann',
};

export const ListQuerySchema = z.object({
  q: z.string().max(maxQueryLength).describe(`Suchbegriffe (höchstens ${maxQueryLength} Zeichen); deutsche Wortformen, Synonyme und Tippfehler werden berücksichtigt`),
  ...(Object.fromEntries(
    (Object.keys(filterParams) as FilterParam[]).map((name) => [
      name,
      filterParamSchema(name).describe(`${filterDescriptions[name]}. Mehrere Werte durch Wiederholen des Parameters; Werte eines Filters sind oder-verknüpft, verschiedene Filter und-verknüpft.`),
    ]),
  ) as unknown as Record<FilterParam, z.ZodArray<z.ZodType<string>>>),
  sortierung: z.enum(sortOrders).describe('Sortierung; ohne Angabe „relevanz“ mit Suchbegriff, sonst „neueste“'),
  limit: z.number().int().min(1).max(maxLimit).default(defaultLimit).describe(`Beiträge pro Seite (1–${maxLimit})`),
  cursor: z.string().max(2000).describe('Fortsetzung: der Wert nextCursor der vorigen Seite, mit denselben übrigen Parametern; 24 Stunden gültig'),
});

const singleParams = new Set(['q', 'sortierung', 'limit', 'cursor']);

interface ListRequest {
  query: Omit<SearchQuery, 'page' | 'pageSize'>;
  limit: number;
  cursor: string | null;
}

/** Reads the query string strictly: anything unknown or invalid is an error naming the parameter (the pages instead ignore it with a notice). */
export function parseListRequest(rawQuery: string): { ok: true; request: ListRequest } | { ok: false; errors: ParameterError[] } {
  const { pairs, malformed } = parseQueryString(rawQuery);
  const errors: ParameterError[] = [];
  if (malformed) errors.push({ parameter: '(Adresse)', detail: 'Die Adresse enthält ungültig kodierte Zeichen (Prozent-Kodierung).' });
  const values = new Map<string, string[]>();
  for (const [name, raw] of pairs) {
    const value = raw.trim();
    if (!Object.hasOwn(ListQuerySchema.shape, name)) {
      errors.push({ parameter: name, detail: `Den Parameter „${name.slice(0, 40)}“ gibt es nicht.` });
      continue;
    }
    if (value === '') continue;
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  for (const [name, list] of values) {
    if (singleParams.has(name) && list.length > 1) errors.push({ parameter: name, detail: `Der Parameter „${name}“ darf nur einmal vorkommen.` });
  }
  const single = (name: string) => values.get(name)?.[0];

  const text = single('q') ?? '';
  if (!ListQuerySchema.shape.q.safeParse(text).success) errors.push({ parameter: 'q', detail: `Die Suchanfrage ist länger als ${maxQueryLength} Zeichen.` });

  const filters = emptyFilters();
  for (const name of Object.keys(filterParams) as FilterParam[]) {
    const given = values.get(name) ?? [];
    const wrong = given.filter((value) => !acceptsFilterValue(name, value));
    if (wrong.length > 0) {
      const shown = wrong.slice(0, 5).map((v) => `„${v.slice(0, 40)}“`).join(', ');
      errors.push({ parameter: name, detail: `Unbekannter Wert für ${filterParams[name].label}: ${shown}.` });
      continue;
    }
    const accepted = [...new Set(given.map((value) => normalizeFilterValue(name, value)))];
    if (accepted.length > maxValuesPerParam) {
      errors.push({ parameter: name, detail: `Höchstens ${maxValuesPerParam} Werte je Filter.` });
      continue;
    }
    applyFacet(filters, name, accepted);
  }

  let sort: SortOrder = defaultSort(text);
  const sortParam = single('sortierung');
  if (sortParam !== undefined) {
    if ((sortOrders as readonly string[]).includes(sortParam)) sort = sortParam as SortOrder;
    else errors.push({ parameter: 'sortierung', detail: `Die Sortierung „${sortParam.slice(0, 40)}“ gibt es nicht; möglich sind ${sortOrders.join(', ')}.` });
  }

  let limit = defaultLimit;
  const limitParam = single('limit');
  if (limitParam !== undefined) {
    if (/^\d{1,3}$/.test(limitParam) && Number(limitParam) >= 1 && Number(limitParam) <= maxLimit) limit = Number(limitParam);
    else errors.push({ parameter: 'limit', detail: `limit muss eine ganze Zahl von 1 bis ${maxLimit} sein.` });
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, request: { query: { text, filters, sort }, limit, cursor: single('cursor') ?? null } };
}

// ---- Response.

const FacetValueSchema = z.object({
  value: z.string().describe('Wert, wie ihn der gleichnamige Parameter nimmt'),
  label: z.string().describe('Anzeigename (aktueller Name aus der Taxonomie)'),
  count: z.number().int().nonnegative().describe('Anzahl Treffer mit diesem Wert, bei allen übrigen Filtern'),
  selected: z.boolean().describe('Ob der Wert als Filter gesetzt ist'),
  parent: z.string().nullable().optional().describe('Nur Regionen: die übergeordnete Region'),
});

const facetParamOf: Record<FacetName, FilterParam> = {
  kind: 'art',
  area: 'bereich',
  leitsatz: 'leitsatz',
  sdg: 'sdg',
  region: 'region',
  targetGroup: 'zielgruppe',
  status: 'status',
  participation: 'teilnahme',
  funding: 'foerderung',
};

export const ContributionListSchema = z.object({
  items: z.array(PublicContributionSchema).describe('Die Beiträge dieser Seite'),
  total: z.number().int().nonnegative().describe('Anzahl aller Treffer'),
  nextCursor: z.string().nullable().describe('Cursor der nächsten Seite; null auf der letzten'),
  next: z.string().nullable().describe('Adresse der nächsten Seite; null auf der letzten'),
  query: z
    .record(z.string(), z.array(z.string()))
    .describe('Die ausgewertete Anfrage als Parameter (ohne limit und cursor); dieselben Parameter zeigen auf /suche die Ergebnisseite'),
  facets: z
    .object(Object.fromEntries(facetNames.map((f) => [facetParamOf[f], z.array(FacetValueSchema)])) as Record<FilterParam, z.ZodArray<typeof FacetValueSchema>>)
    .describe('Facetten je Filterparameter: Werte mit Anzahl der Treffer'),
  didYouMean: z.string().nullable().describe('Korrigierte Suchanfrage, wenn die gegebene wenig fand'),
  incomplete: z.boolean().describe('true, solange der Suchindex nach einem Start noch aufgebaut wird'),
});
type ContributionList = z.output<typeof ContributionListSchema>;

const statusParamOf = new Map<string, string>(Object.entries(statusParamValues).map(([param, value]) => [value, param]));

function presentFacets(result: SearchResult, names: TaxonomyNames): ContributionList['facets'] {
  const label = (facet: FacetName, value: string, fallback?: string): string => {
    switch (facet) {
      case 'kind':
        return kindLabels[value as keyof typeof kindLabels] ?? value;
      case 'area':
        return names.leitbildAreas.get(value) ?? value;
      case 'leitsatz':
        return names.leitsaetze.get(Number(value)) ?? value;
      case 'sdg':
        return names.sdgs.get(Number(value)) ?? value;
      case 'region':
        return names.regions.get(value) ?? value;
      case 'funding':
        return fundingKindLabels[value as keyof typeof fundingKindLabels] ?? value;
      case 'participation':
        return 'Teilnahme möglich';
      default:
        return fallback ?? value;
    }
  };
  const paramValue = (facet: FacetName, value: string): string | null =>
    facet === 'status' ? (statusParamOf.get(value) ?? null) : facet === 'participation' ? (value === 'open' ? 'offen' : null) : value;
  const facets = {} as ContributionList['facets'];
  for (const facet of facetNames) {
    facets[facetParamOf[facet]] = result.facets[facet].flatMap((v) => {
      const value = paramValue(facet, v.value);
      if (value === null) return [];
      return [{ value, label: label(facet, v.value, v.label ?? value), count: v.count, selected: v.selected, ...(facet === 'region' ? { parent: v.parent ?? null } : {}) }];
    });
  }
  return facets;
}

// ---- Operations.

export const listOperation: ApiOperation = {
  method: 'get',
  path: '/contributions',
  operationId: 'listContributions',
  summary: 'Beiträge suchen und auflisten',
  description:
    'Dieselbe Suche wie die Seite /suche: Suchbegriffe, Filter, Sortierung und Facetten mit denselben Parameternamen. ' +
    'Seitenweise mit Cursor: nextCursor der Antwort als Parameter cursor senden (übrige Parameter unverändert). ' +
    'Bei „neueste“ und „titel“ setzt der Cursor hinter dem letzten gezeigten Beitrag fort, neu veröffentlichte Beiträge verschieben nichts. ' +
    'Bei „relevanz“ gelten für alle Folgeseiten die Beiträge, die beim Abruf der ersten Seite schon veröffentlicht waren.',
  parameters: Object.entries(ListQuerySchema.shape).map(([name, schema]) => ({ name, in: 'query' as const, description: schema.description ?? '', schema })),
  response: { description: 'Eine Seite der Treffer mit Facetten', schemaName: 'ContributionList', schema: ContributionListSchema, link: true },
  problems: ['invalid-parameter', 'invalid-cursor', 'expired-cursor'],
};

export const IdOrSlugSchema = z
  .string()
  .max(200)
  .regex(/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]+(?:-[a-z0-9]+)*)$/)
  .describe('UUID oder Slug des Beitrags (wie in /beitraege/{slug})');

export const detailOperation: ApiOperation = {
  method: 'get',
  path: '/contributions/{idOrSlug}',
  operationId: 'getContribution',
  summary: 'Einen Beitrag abrufen',
  description:
    'Ein veröffentlichter Beitrag in der kanonischen Form, nach UUID oder Slug. ' +
    'Mit einem Zugangsschlüssel mit der Berechtigung „edit“ auch unveröffentlichte Beiträge, mit allen Feldern (ContributionInternal); ' +
    'deren ETag ist die Grundlage für If-Match bei Änderungen.',
  parameters: [{ name: 'idOrSlug', in: 'path', required: true, description: IdOrSlugSchema.description ?? '', schema: IdOrSlugSchema }],
  optionalScope: 'edit',
  response: {
    description: 'Der Beitrag',
    schemaName: 'Contribution',
    schema: PublicContributionSchema,
    lastModified: true,
    alternative: { schemaName: 'ContributionInternal', schema: InternalContributionSchema, description: 'mit Zugangsschlüssel „edit“: der Beitrag in jedem Zustand mit allen Feldern' },
  },
  problems: ['invalid-parameter', 'not-found'],
};

// ---- Handlers.

export interface ContributionsDeps {
  catalog: CatalogReader;
  search: CatalogSearch;
  /** How long after publication a contribution joins relevance-sorted cursor paging (covers the index's delay). */
  relevanceSettleMs: number;
  now: () => number;
}

export function listContributions(deps: ContributionsDeps) {
  return async (c: Context) => {
    const parsed = parseListRequest(rawQueryString(c.req.url));
    if (!parsed.ok) return problem(c, 'invalid-parameter', 'Die Anfrage enthält ungültige Parameter.', parsed.errors);
    const { query, limit, cursor } = parsed.request;
    const hash = queryHash(query);
    const now = deps.now();
    let window: SearchWindow;
    if (cursor !== null) {
      const decoded = decodeCursor(cursor, hash, now);
      if (!decoded.ok && decoded.reason === 'expired') return problem(c, 'expired-cursor', 'Der Cursor ist abgelaufen. Bitte die Suche ohne cursor neu beginnen.');
      if (!decoded.ok && decoded.reason === 'other-query') {
        return problem(c, 'invalid-cursor', 'Der Cursor gehört zu einer anderen Anfrage: q, Filter und sortierung müssen gleich bleiben.');
      }
      if (!decoded.ok) return problem(c, 'invalid-cursor', 'Der Cursor ist ungültig. Bitte nur den Wert nextCursor einer vorigen Antwort verwenden.');
      window = decoded.window;
      const keyset = query.sort === 'relevanz' ? window.after === undefined : window.after?.sort === query.sort && window.offset === undefined;
      if (!keyset) return problem(c, 'invalid-cursor', 'Der Cursor passt nicht zur Sortierung.');
    } else {
      window = query.sort === 'relevanz' ? { offset: 0, publishedUpTo: new Date(now - deps.relevanceSettleMs).toISOString() } : {};
    }
    // One more than asked for tells whether there is a next page.
    const [result, names] = await Promise.all([deps.search.search({ ...query, page: 1, pageSize: limit + 1, window }), deps.catalog.taxonomyNames()]);
    const shown = result.hits.slice(0, limit).map((hit) => hit.contribution);
    const last = shown[shown.length - 1];
    let nextWindow: SearchWindow | null = null;
    if (result.hits.length > limit && last) {
      nextWindow = nextWindowAfter(query.sort, window, last, limit);
    }
    const nextCursor = nextWindow ? encodeCursor(hash, nextWindow, now) : null;
    const params = searchParamPairs({ ...query, page: 1 });
    const queryObject: Record<string, string[]> = {};
    for (const [name, value] of params) queryObject[name] = [...(queryObject[name] ?? []), value];
    const next = nextCursor
      ? `/api/v1/contributions?${new URLSearchParams([...params, ...(limit !== defaultLimit ? [['limit', String(limit)]] : []), ['cursor', nextCursor]]).toString()}`
      : null;
    if (next) c.header('Link', `<${next}>; rel="next"`);
    const body: ContributionList = {
      items: shown.map(presentContribution),
      total: result.total,
      nextCursor,
      next,
      query: queryObject,
      facets: presentFacets(result, names),
      didYouMean: result.didYouMean,
      incomplete: result.incomplete,
    };
    return jsonResponse(c, body, { maxAge: 30 });
  };
}

function nextWindowAfter(sort: SortOrder, window: SearchWindow, last: Contribution, limit: number): SearchWindow {
  if (sort === 'neueste') return { after: { sort, publishedAt: last.publishedAt, id: last.id } };
  if (sort === 'titel') return { after: { sort, title: last.title, id: last.id } };
  return { offset: (window.offset ?? 0) + limit, ...(window.publishedUpTo ? { publishedUpTo: window.publishedUpTo } : {}) };
}

/** Everything after "?" exactly as sent: Hono's own query parsing is not made for malformed percent-encoding. */
function rawQueryString(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return '';
  const hash = url.indexOf('#', start);
  return url.slice(start + 1, hash < 0 ? undefined : hash);
}


/** The id or slug at the end of the path, checked (malformed percent-encoding included) before anything is looked up. */
export function idOrSlugOf(c: Context): { ok: true; value: string; isId: boolean } | { ok: false; response: Response } {
  const raw = c.req.path.slice(c.req.path.lastIndexOf('/') + 1);
  if (/%(?![0-9a-fA-F]{2})/.test(raw) || !IdOrSlugSchema.safeParse(raw).success) {
    return {
      ok: false,
      response: problem(c, 'invalid-parameter', 'Ein Beitrag wird mit seiner UUID oder seinem Slug (Kleinbuchstaben, Ziffern, Bindestriche) angegeben.', [
        { parameter: 'idOrSlug', detail: 'Weder eine UUID noch ein gültiger Slug.' },
      ]),
    };
  }
  return { ok: true, value: raw, isId: isUuid(raw) };
}

export function getContribution(deps: Pick<ContributionsDeps, 'catalog'> & { editing: EditingReader | null }) {
  return async (c: Context<ApiEnv>) => {
    const target = idOrSlugOf(c);
    if (!target.ok) return target.response;
    const token = c.get('token');
    if (token && deps.editing && hasScope(token, 'edit')) {
      // A trusted system that may change contributions sees them whole, in every state.
      const contribution = target.isId ? await deps.editing.get(target.value) : await deps.editing.findBySlug(target.value);
      if (!contribution) return problem(c, 'not-found', `Einen Beitrag „${target.value}“ gibt es nicht.`);
      return editableResponse(c, contribution);
    }
    const contribution = target.isId ? await deps.catalog.findPublishedById(target.value) : await deps.catalog.findPublishedBySlug(target.value);
    if (!contribution) return problem(c, 'not-found', `Einen veröffentlichten Beitrag „${target.value}“ gibt es nicht.`);
    return jsonResponse(c, presentContribution(contribution), { lastModified: contribution.updatedAt, maxAge: 60 });
  };
}
