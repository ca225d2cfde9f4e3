import type { FC } from 'hono/jsx';
import { kindLabels, type Contribution } from '../domain/contribution.ts';
import { leitbildAreas, sdgs, type TaxonomyNames } from '../domain/taxonomy.ts';
import { formatPeriod, statusLabels } from '../domain/period.ts';
import { excerpt, markdownToPlainText } from './markdown.ts';
import { hasText } from './text.tsx';

export const introText =
  'Der Nachhaltigkeitsbaukasten sammelt gute Praxis hessischer Kommunen: Praxisbeispiele, Materialien, Förderprogramme und Beratungsangebote. ' +
  'Kommunen finden hier erprobte Ideen und die Menschen dahinter, um nachhaltige Vorhaben vor Ort umzusetzen.';

export interface StartPageProps {
  items: Contribution[];
  total: number;
  page: number;
  pageCount: number;
  /** Explains why a different page than requested is shown (garbage or out-of-range ?seite=). */
  hint: string | null;
  /** The newest published contributions (first page only). */
  newest: Contribution[];
  names: TaxonomyNames;
}

function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.slice(0, 10).split('-');
  return y && m && d ? `${d}.${m}.${y}` : null;
}

const EntryPoints: FC<{ newest: Contribution[]; names: TaxonomyNames }> = ({ newest, names }) => (
  <>
    {newest.length > 0 ? (
      <section class="entry" aria-labelledby="neu-titel">
        <h2 id="neu-titel">Neu im Baukasten</h2>
        <ul class="link-list">
          {newest.map((c) => {
            const date = formatDate(c.publishedAt);
            return (
              <li>
                <a href={contributionPath(c.slug)}>{c.title}</a>{' '}
                <span class="meta">{`(${kindLabels[c.kind]}${date ? `, veröffentlicht am ${date}` : ''})`}</span>
              </li>
            );
          })}
        </ul>
      </section>
    ) : null}
    <section class="entry" aria-labelledby="bereiche-titel">
      <h2 id="bereiche-titel">Nach Bereichen des Leitbilds</h2>
      <ul class="tile-list">
        {leitbildAreas.map((area) => (
          <li>
            <a href={`/suche?bereich=${encodeURIComponent(area.id)}`}>{names.leitbildAreas.get(area.id) ?? area.name}</a>
          </li>
        ))}
      </ul>
    </section>
    <section class="entry" aria-labelledby="sdgs-titel">
      <h2 id="sdgs-titel">Nach Zielen für nachhaltige Entwicklung (SDGs)</h2>
      <ul class="sdg-list">
        {sdgs.map((sdg) => (
          <li>
            <a href={`/suche?sdg=${sdg.number}`}>{`SDG ${sdg.number}: ${names.sdgs.get(sdg.number) ?? sdg.title}`}</a>
          </li>
        ))}
      </ul>
    </section>
    <section class="entry" aria-labelledby="regionen-titel">
      <h2 id="regionen-titel">Nach Regionen</h2>
      <p>
        <a href="/regionen">Beiträge nach Landkreisen und kreisfreien Städten</a> – geordnet nach Regierungsbezirken.
      </p>
    </section>
  </>
);

export function contributionPath(slug: string): string {
  return `/beitraege/${encodeURIComponent(slug)}`;
}

export function pagePath(page: number): string {
  return page <= 1 ? '/' : `/?seite=${page}`;
}

/** Teaser, else the start of the description, purpose or first answer: what a list reader needs to decide to click. */
export function summaryOf(contribution: Contribution, maxLength = 240): string | null {
  if (hasText(contribution.teaser)) return excerpt(contribution.teaser.trim(), maxLength);
  const source = [contribution.description, contribution.purpose, contribution.answers.decision].find(hasText);
  return source ? excerpt(markdownToPlainText(source), maxLength) : null;
}

const ContributionSummary: FC<{ contribution: Contribution }> = ({ contribution }) => {
  const summary = summaryOf(contribution);
  const { status } = contribution;
  const period = formatPeriod(contribution.period);
  const places = contribution.places.map((place) => place.label).join(', ');
  return (
    <li>
      <article>
        <h3>
          <a href={contributionPath(contribution.slug)}>{contribution.title}</a>
        </h3>
        <p class="meta">
          <span class="badge">{kindLabels[contribution.kind]}</span>
          {status !== 'unknown' ? ` · ${statusLabels[status]}` : ''}
          {hasText(period) ? ` · ${period}` : ''}
        </p>
        {summary ? <p>{summary}</p> : null}
        {places ? <p class="meta">Ort: {places}</p> : null}
      </article>
    </li>
  );
};

/** Page links: first, last and two either side of the current page keep the list short for long catalogs. */
export const Pagination: FC<{ page: number; pageCount: number; pathFor?: (page: number) => string; label?: string }> = ({
  page,
  pageCount,
  pathFor = pagePath,
  label = 'Seiten der Beitragsliste',
}) => {
  if (pageCount <= 1) return null;
  const pages = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={label}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={pathFor(page - 1)} rel="prev">
              Vorherige Seite
            </a>
          </li>
        ) : null}
        {pages.map((n, i) => (
          <li>
            {i > 0 && n - (pages[i - 1] ?? n) > 1 ? <span aria-hidden="true">… </span> : null}
            {n === page ? (
              <span aria-current="page">{`Seite ${n}`}</span>
            ) : (
              <a href={pathFor(n)} aria-label={`Seite ${n}`}>
                {String(n)}
              </a>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <a href={pathFor(page + 1)} rel="next">
              Nächste Seite
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
};

export const StartPage: FC<StartPageProps> = ({ items, total, page, pageCount, hint, newest, names }) => (
  <>
    <h1>Nachhaltigkeitsbaukasten</h1>
    <p class="lead">{introText}</p>
    {hint ? (
      <p class="notice" role="status">
        {hint}
      </p>
    ) : null}
    <form method="get" action="/suche" class="search-form start-search" role="search" aria-label="Beiträge durchsuchen">
      <div class="search-box">
        <label for="q">Suchbegriff</label>
        <div class="search-row">
          <input type="search" id="q" name="q" maxlength={200} autocomplete="off" aria-describedby="q-hinweis" />
          <button type="submit">Suchen</button>
        </div>
        <p class="meta" id="q-hinweis">
          Zum Beispiel „Budget für Arbeit“, „Repair-Café“ oder „Klimaschutz“.
        </p>
      </div>
    </form>
    {page === 1 ? <EntryPoints newest={newest} names={names} /> : null}
    <h2>Alle Beiträge</h2>
    {total === 0 ? (
      <p>Es sind noch keine Beiträge veröffentlicht.</p>
    ) : (
      <>
        <p class="meta">
          {total === 1 ? '1 Beitrag' : `${total} Beiträge`}
          {pageCount > 1 ? ` · Seite ${page} von ${pageCount}` : ''}
        </p>
        <ul class="contribution-list">
          {items.map((contribution) => (
            <ContributionSummary contribution={contribution} />
          ))}
        </ul>
        <Pagination page={page} pageCount={pageCount} />
      </>
    )}
  </>
);
