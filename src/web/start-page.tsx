import type { FC } from 'hono/jsx';
import { kindLabels, type Contribution } from '../domain/contribution.ts';
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
}

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

const Pagination: FC<{ page: number; pageCount: number }> = ({ page, pageCount }) => {
  if (pageCount <= 1) return null;
  // First, last and two either side of the current page keep the list short for long catalogs.
  const pages = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label="Seiten der Beitragsliste">
      <ul>
        {page > 1 ? (
          <li>
            <a href={pagePath(page - 1)} rel="prev">
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
              <a href={pagePath(n)} aria-label={`Seite ${n}`}>
                {String(n)}
              </a>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <a href={pagePath(page + 1)} rel="next">
              Nächste Seite
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
};

export const StartPage: FC<StartPageProps> = ({ items, total, page, pageCount, hint }) => (
  <>
    <h1>Nachhaltigkeitsbaukasten</h1>
    <p class="lead">{introText}</p>
    {hint ? (
      <p class="notice" role="status">
        {hint}
      </p>
    ) : null}
    <h2>Beiträge</h2>
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
