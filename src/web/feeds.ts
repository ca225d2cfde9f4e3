import type { Contribution } from '../domain/contribution.ts';
import { siteName } from './layout.tsx';

export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

export function sitemapXml(entries: SitemapEntry[]): string {
  const urls = entries
    .map((e) => `  <url>\n    <loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `\n    <lastmod>${escapeXml(e.lastmod)}</lastmod>` : ''}\n  </url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** Atom 1.0 feed of newly published contributions; entry ids are the stable contribution UUIDs. */
export function atomFeed(options: {
  selfUrl: string;
  siteUrl: string;
  entries: Array<{ contribution: Contribution; url: string; summary: string | null }>;
}): string {
  const { selfUrl, siteUrl, entries } = options;
  const stamp = (c: Contribution) => (c.updatedAt > (c.publishedAt ?? '') ? c.updatedAt : (c.publishedAt ?? c.updatedAt));
  const updated = entries.map((e) => stamp(e.contribution)).sort().at(-1) ?? '1970-01-01T00:00:00.000Z';
  const items = entries
    .map(({ contribution: c, url, summary }) =>
      [
        '  <entry>',
        `    <id>urn:uuid:${escapeXml(c.id)}</id>`,
        `    <title>${escapeXml(c.title)}</title>`,
        `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
        `    <updated>${escapeXml(stamp(c))}</updated>`,
        c.publishedAt ? `    <published>${escapeXml(c.publishedAt)}</published>` : null,
        c.sponsor ? `    <author><name>${escapeXml(c.sponsor.name)}</name></author>` : null,
        summary ? `    <summary type="text">${escapeXml(summary)}</summary>` : null,
        '  </entry>',
      ]
        .filter((line): line is string => line !== null)
        .join('\n'),
    )
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">',
    `  <id>${escapeXml(selfUrl)}</id>`,
    `  <title>${escapeXml(`${siteName}: neue Beiträge`)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(siteUrl)}/"/>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <author><name>${escapeXml(siteName)}</name></author>`,
    items,
    '</feed>',
    '',
  ].join('\n');
}
