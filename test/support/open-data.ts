// An in-memory source for the open data routes (src/web/open-data), over the same fixture contributions
// as the fake catalog: published ones in publication order, with the summary the repository would give.
import type { Contribution } from '../../src/domain/contribution.ts';
import type { OpenDataSource } from '../../src/web/open-data/routes.tsx';
import { fixtureContributions } from './contributions.ts';

export function createFakeOpenDataSource(contributions: Contribution[] = fixtureContributions): OpenDataSource {
  const published = contributions
    .filter((c) => c.state === 'published')
    .sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.id.localeCompare(b.id));
  const position = (c: Contribution) => `${c.publishedAt ?? ''}/${c.id}`;
  return {
    publishedAfter: async (after, limit) => {
      const items = published.filter((c) => !after || position(c) > `${after.publishedAt}/${after.id}`).slice(0, limit);
      const last = items[items.length - 1];
      return { items, cursor: last ? { publishedAt: last.publishedAt ?? '', id: last.id } : after };
    },
    publishedSummary: async () => {
      const updated = published.map((c) => c.updatedAt).sort();
      return {
        count: published.length,
        firstPublishedAt: published[0]?.publishedAt ?? null,
        lastUpdatedAt: updated.at(-1) ?? null,
        changeMark: `${published.length}/${updated.at(-1) ?? '-'}`,
      };
    },
  };
}
