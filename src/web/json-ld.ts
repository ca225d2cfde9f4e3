import type { Contribution } from '../domain/contribution.ts';
import type { TaxonomyNames } from '../domain/taxonomy.ts';
import { hasText } from './text.tsx';

/**
 * JSON for a <script> element: "<" (and ">", "&", U+2028/9) as \u escapes, so no text inside a
 * contribution can close the element or start a comment, however it is written.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** schema.org description of a contribution (CreativeWork; the kind as genre). */
export function contributionJsonLd(c: Contribution, options: { url: string; description: string | null; names: TaxonomyNames; kindLabel: string }): Record<string, unknown> {
  const keywords = [
    ...c.taxonomy.leitsaetze.map((n) => `Leitsatz ${n}${options.names.leitsaetze.get(n) ? `: ${options.names.leitsaetze.get(n)}` : ''}`),
    ...c.taxonomy.sdgs.map((n) => `SDG ${n}${options.names.sdgs.get(n) ? `: ${options.names.sdgs.get(n)}` : ''}`),
  ];
  const sponsor = c.sponsor;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': options.url,
    name: c.title,
    url: options.url,
    inLanguage: 'de',
    genre: options.kindLabel,
    dateModified: c.updatedAt,
  };
  if (options.description) data.description = options.description;
  if (c.publishedAt) data.datePublished = c.publishedAt;
  if (c.places.length > 0) data.spatialCoverage = c.places.map((p) => ({ '@type': 'Place', name: p.label }));
  if (sponsor) {
    const address = {
      '@type': 'PostalAddress',
      ...(hasText(sponsor.street) ? { streetAddress: sponsor.street } : {}),
      ...(hasText(sponsor.postcode) ? { postalCode: sponsor.postcode } : {}),
      ...(hasText(sponsor.city) ? { addressLocality: sponsor.city } : {}),
      addressCountry: 'DE',
    };
    data.sponsor = {
      '@type': 'Organization',
      name: sponsor.name,
      ...(Object.keys(address).length > 2 ? { address } : {}),
      ...(sponsor.website ? { url: sponsor.website } : {}),
    };
  }
  if (keywords.length > 0) data.keywords = keywords.join(', ');
  if (c.targetGroups.length > 0) data.audience = c.targetGroups.map((g) => ({ '@type': 'Audience', audienceType: g }));
  return data;
}
