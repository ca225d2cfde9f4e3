import type { Child, FC } from 'hono/jsx';
import { contributionKinds, fundingKindLabels, fundingSourceKinds, kindLabels } from '../domain/contribution.ts';
import { formatPeriod, statusLabels } from '../domain/period.ts';
import { leitbildAreas, regions, type TaxonomyNames } from '../domain/taxonomy.ts';
import { emptyFilters, type FacetName, type FacetValue, type SearchHit, type SearchQuery, type SearchResult, type Snippet } from '../search/types.ts';
import {
  activeFilters,
  defaultSort,
  maxQueryLength,
  pathWithout,
  searchPath,
  statusParamValues,
  type ActiveFilter,
} from './search-params.ts';
import { Pagination, contributionPath } from './start-page.tsx';
import { hasText } from './text.tsx';

/** Snippet segments as text with the matched parts in <mark>; JSX escapes every segment. */
export const Marked: FC<{ snippet: Snippet }> = ({ snippet }) => (
  <>{snippet.map((segment) => (segment.match ? <mark>{segment.text}</mark> : segment.text))}</>
);

export const SearchBox: FC<{ text: string; id?: string; hidden?: Array<[string, string]> }> = ({ text, id = 'q', hidden = [] }) => (
  <div class="search-box">
    <label for={id}>Suchbegriff</label>
    <div class="search-row">
      <input type="search" id={id} name="q" value={text} maxlength={maxQueryLength} autocomplete="off" />
      <button type="submit">Suchen</button>
    </div>
    {hidden.map(([name, value]) => (
      <input type="hidden" name={name} value={value} />
    ))}
  </div>
);

interface Option {
  param: string;
  value: string;
  label: string;
  count: number;
  checked: boolean;
  id: string;
}

const Checkbox: FC<{ option: Option }> = ({ option }) => {
  const { id } = option;
  return (
    <li>
      <input type="checkbox" id={id} name={option.param} value={option.value} checked={option.checked} />
      <label for={id}>
        {option.label} <span class="count">({option.count})</span>
      </label>
    </li>
  );
};

const Facet: FC<{ legend: string; options: Option[]; children?: Child }> = ({ legend, options, children }) =>
  options.length === 0 && !children ? null : (
    <fieldset class="facet">
      <legend>{legend}</legend>
      {options.length > 0 ? (
        <ul>
          {options.map((option) => (
            <Checkbox option={option} />
          ))}
        </ul>
      ) : null}
      {children}
    </fieldset>
  );

function ordered(values: FacetValue[], order: readonly string[]): FacetValue[] {
  const position = (v: string) => {
    const i = order.indexOf(v);
    return i < 0 ? order.length : i;
  };
  return [...values].sort((a, b) => position(a.value) - position(b.value));
}

const byNumber = (values: FacetValue[]) => [...values].sort((a, b) => Number(a.value) - Number(b.value));

function option(param: string, v: FacetValue, label: string, value = v.value, idSuffix = value): Option {
  return { param, value, label, count: v.count, checked: v.selected, id: `filter-${param}-${idSuffix.replace(/[^a-z0-9-]/gi, '')}` };
}

const RegionFacet: FC<{ values: FacetValue[]; names: TaxonomyNames }> = ({ values, names }) => {
  const byId = new Map(values.map((v) => [v.value, v]));
  const name = (id: string) => names.regions.get(id) ?? id;
  const hessen = byId.get('hessen');
  const groups = regions
    .filter((r) => r.type === 'regierungsbezirk')
    .map((rb) => ({
      rb,
      own: byId.get(rb.id),
      children: regions.filter((r) => r.parent === rb.id).flatMap((r) => byId.get(r.id) ?? []),
    }))
    .filter((g) => g.own || g.children.length > 0);
  if (!hessen && groups.length === 0) return null;
  return (
    <Facet legend="Region" options={hessen ? [option('region', hessen, 'Hessenweit')] : []}>
      {groups.map((g) => (
        <fieldset class="facet-group">
          <legend>{name(g.rb.id)}</legend>
          <ul>
            {g.own ? <Checkbox option={option('region', g.own, 'ganzer Regierungsbezirk')} /> : null}
            {g.children.map((child) => (
              <Checkbox option={option('region', child, name(child.value))} />
            ))}
          </ul>
        </fieldset>
      ))}
    </Facet>
  );
};

const statusParamOf = new Map(Object.entries(statusParamValues).map(([param, value]) => [value as string, param]));

export const FilterFields: FC<{ facets: Record<FacetName, FacetValue[]>; names: TaxonomyNames }> = ({ facets, names }) => {
  return (
    <>
      <Facet legend="Art des Beitrags" options={ordered(facets.kind, contributionKinds).map((v) => option('art', v, kindLabels[v.value as keyof typeof kindLabels] ?? v.value))} />
      <Facet
        legend="Bereich des Leitbilds"
        options={ordered(facets.area, leitbildAreas.map((a) => a.id)).map((v) => option('bereich', v, names.leitbildAreas.get(v.value) ?? v.value))}
      />
      <Facet
        legend="Leitsätze"
        options={byNumber(facets.leitsatz).map((v) => {
          const title = names.leitsaetze.get(Number(v.value));
          return option('leitsatz', v, title ? `${v.value}: ${title}` : `Leitsatz ${v.value}`);
        })}
      />
      <Facet
        legend="Ziele für nachhaltige Entwicklung (SDGs)"
        options={byNumber(facets.sdg).map((v) => {
          const title = names.sdgs.get(Number(v.value));
          return option('sdg', v, title ? `SDG ${v.value}: ${title}` : `SDG ${v.value}`);
        })}
      />
      <RegionFacet values={facets.region} names={names} />
      <Facet legend="Zielgruppe" options={facets.targetGroup.map((v, i) => option('zielgruppe', v, v.label ?? v.value, v.value, String(i + 1)))} />
      <Facet
        legend="Status"
        options={ordered(facets.status, ['planned', 'running', 'finished']).flatMap((v) => {
          const param = statusParamOf.get(v.value);
          return param ? [option('status', v, statusLabels[v.value as keyof typeof statusLabels], param)] : [];
        })}
      />
      <Facet legend="Teilnahme" options={facets.participation.filter((v) => v.value === 'open').map((v) => option('teilnahme', v, 'Teilnahme möglich', 'offen'))} />
      <Facet
        legend="Förderung durch"
        options={ordered(facets.funding, fundingSourceKinds).map((v) => option('foerderung', v, fundingKindLabels[v.value as keyof typeof fundingKindLabels] ?? v.value))}
      />
    </>
  );
};

const Hit: FC<{ hit: SearchHit }> = ({ hit }) => {
  const c = hit.contribution;
  const period = formatPeriod(c.period);
  const places = c.places.map((p) => p.label).join(', ');
  return (
    <li>
      <article>
        <h3>
          <a href={contributionPath(c.slug)}>
            <Marked snippet={hit.title} />
          </a>
        </h3>
        <p class="meta">
          <span class="badge">{kindLabels[c.kind]}</span>
          {c.status !== 'unknown' ? ` · ${statusLabels[c.status]}` : ''}
          {hasText(period) ? ` · ${period}` : ''}
        </p>
        {hit.snippets.map((snippet) => (
          <p class="snippet">
            <Marked snippet={snippet} />
          </p>
        ))}
        {places ? <p class="meta">Ort: {places}</p> : null}
      </article>
    </li>
  );
};

const sortLabels: Record<SearchQuery['sort'], string> = { relevanz: 'Relevanz', neueste: 'Neueste zuerst', titel: 'Titel (A–Z)' };

const SortLinks: FC<{ query: SearchQuery }> = ({ query }) => (
  <nav class="sort" aria-label="Sortierung">
    <span>Sortieren nach:</span>
    <ul>
      {(Object.keys(sortLabels) as Array<SearchQuery['sort']>)
        .filter((sort) => sort !== 'relevanz' || query.text !== '')
        .map((sort) => (
          <li>
            {sort === query.sort ? (
              <span aria-current="true">{sortLabels[sort]}</span>
            ) : (
              <a href={searchPath({ ...query, sort, page: 1 })}>{sortLabels[sort]}</a>
            )}
          </li>
        ))}
    </ul>
  </nav>
);

const ActiveFilters: FC<{ query: SearchQuery; filters: ActiveFilter[] }> = ({ query, filters }) =>
  filters.length === 0 ? null : (
    <div class="active-filters">
      <h3 id="aktive-filter">Aktive Filter</h3>
      <ul>
        {filters.map((f) => (
          <li>
            <a href={pathWithout(query, f)}>{`${f.label} – Filter entfernen`}</a>
          </li>
        ))}
      </ul>
    </div>
  );

const NoResults: FC<{ query: SearchQuery; result: SearchResult; filters: ActiveFilter[]; names: TaxonomyNames }> = ({ query, result, filters, names }) => (
  <div class="no-results">
    <p>
      {query.text !== '' ? `Zu „${query.text}“ ` : 'Zu dieser Auswahl '}
      {filters.length > 0 ? 'mit den gewählten Filtern ' : ''}
      haben wir keine Beiträge gefunden.
    </p>
    {result.didYouMean ? (
      <p>
        Meinten Sie <a href={searchPath({ ...query, text: result.didYouMean, sort: defaultSort(result.didYouMean), page: 1 })}>{`„${result.didYouMean}“`}</a>?
      </p>
    ) : null}
    {filters.length > 0 ? (
      <>
        <p>Lockern Sie die Filter:</p>
        <ul>
          {filters.map((f) => (
            <li>
              <a href={pathWithout(query, f)}>{`Ohne „${f.label}“ suchen`}</a>
            </li>
          ))}
          {filters.length > 1 ? (
            <li>
              <a href={searchPath({ ...query, filters: emptyFilters(), page: 1 })}>Ohne alle Filter suchen</a>
            </li>
          ) : null}
        </ul>
      </>
    ) : null}
    <p>Tipps: Prüfen Sie die Schreibweise, verwenden Sie einen allgemeineren Begriff oder weniger Wörter.</p>
    <p>Oder stöbern Sie nach Bereichen des Leitbilds:</p>
    <ul>
      {leitbildAreas.map((area) => (
        <li>
          <a href={`/suche?bereich=${encodeURIComponent(area.id)}`}>{names.leitbildAreas.get(area.id) ?? area.name}</a>
        </li>
      ))}
    </ul>
  </div>
);


export interface SearchPageProps {
  query: SearchQuery;
  result: SearchResult;
  pageCount: number;
  names: TaxonomyNames;
  notices: string[];
}

export function searchHeading(query: SearchQuery): string {
  return query.text === '' ? 'Beiträge durchsuchen' : `Suchergebnisse für „${query.text}“`;
}

export const SearchPage: FC<SearchPageProps> = ({ query, result, pageCount, names, notices }) => {
  const targetGroupNames = new Map(result.facets.targetGroup.map((v) => [v.value, v.label ?? v.value]));
  const filters = activeFilters(query.filters, { ...names, targetGroups: targetGroupNames });
  const hidden: Array<[string, string]> = query.sort !== defaultSort(query.text) ? [['sortierung', query.sort]] : [];
  const countText =
    result.total === 0
      ? 'Keine Treffer'
      : `${result.total === 1 ? '1 Treffer' : `${result.total.toLocaleString('de-DE')} Treffer`}${pageCount > 1 ? ` · Seite ${query.page} von ${pageCount}` : ''}`;
  return (
    <>
      <h1>{searchHeading(query)}</h1>
      {notices.length > 0 || result.incomplete ? (
        <div class="notice" role="note" aria-label="Hinweise zu Ihrer Anfrage">
          {notices.map((notice) => (
            <p>{notice}</p>
          ))}
          {result.incomplete ? <p>Der Suchindex wird gerade aufgebaut. Noch werden nicht alle Beiträge gefunden; bitte versuchen Sie es in Kürze erneut.</p> : null}
        </div>
      ) : null}
      <div class="search-layout">
        <form method="get" action="/suche" class="search-form" data-auto-submit="">
          <SearchBox text={query.text} hidden={hidden} />
          <p class="skip-results">
            <a href="#ergebnisse">Direkt zu den Ergebnissen</a>
          </p>
          <div class="filters">
            <h2>Filter</h2>
            <p class="auto-submit-note" data-auto-submit-note="" hidden>
              Die Ergebnisse werden sofort aktualisiert, wenn Sie einen Filter an- oder abwählen.
            </p>
            <FilterFields facets={result.facets} names={names} />
            <div class="filter-actions">
              <button type="submit">Filter anwenden</button>
              <a href={searchPath({ text: query.text, filters: emptyFilters(), sort: query.sort, page: 1 })}>Alle Filter zurücksetzen</a>
            </div>
          </div>
        </form>
        <section class="results" id="ergebnisse" aria-labelledby="ergebnisse-titel" tabindex={-1}>
          <h2 id="ergebnisse-titel">Ergebnisse</h2>
          <p class="result-count" role="status" aria-live="polite">
            {countText}
          </p>
          <ActiveFilters query={query} filters={filters} />
          {result.total === 0 ? (
            <NoResults query={query} result={result} filters={filters} names={names} />
          ) : (
            <>
              {result.didYouMean ? (
                <p class="did-you-mean">
                  Treffer mit ähnlicher Schreibweise. Meinten Sie{' '}
                  <a href={searchPath({ ...query, text: result.didYouMean, sort: defaultSort(result.didYouMean), page: 1 })}>{`„${result.didYouMean}“`}</a>?
                </p>
              ) : null}
              <SortLinks query={query} />
              <ul class="contribution-list">
                {result.hits.map((hit) => (
                  <Hit hit={hit} />
                ))}
              </ul>
              <Pagination page={query.page} pageCount={pageCount} pathFor={(page) => searchPath({ ...query, page })} label="Seiten der Suchergebnisse" />
            </>
          )}
        </section>
      </div>
    </>
  );
};
