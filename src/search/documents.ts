import type { ContributionContent, ContributionKind } from '../domain/contribution.ts';
import { earliestDay, latestDay } from '../domain/partial-date.ts';
import { findRegion, regionAncestry } from '../domain/taxonomy.ts';

/** Weighted text fields of a contribution: title counts most, then teaser, then facts, then body text. */
export const searchFields = ['title', 'tags', 'teaser', 'meta', 'body'] as const;
export type SearchField = (typeof searchFields)[number];
/** Title counts most; "tags" are the catalog's own categories (kind, regions with their aliases). */
export const fieldWeights: Record<SearchField, number> = { title: 4, tags: 2.5, teaser: 2, meta: 1.5, body: 1 };

/** Words people use for each kind of contribution; "Förderung" should find funding programmes first. */
const kindWords: Record<ContributionKind, string> = {
  projekt: 'Praxisbeispiel Projekt',
  material: 'Material Leitfaden Handreichung Arbeitshilfe',
  foerderung: 'Förderung Förderprogramm Fördermittel Zuschuss',
  beratung: 'Beratung Beratungsangebot',
};

/** What the index keeps of a contribution: texts to index and values to filter, facet and sort by. */
export interface IndexedDocument {
  id: string;
  texts: Record<SearchField, string>;
  kind: ContributionKind;
  area: string | null;
  leitsaetze: number[];
  sdgs: number[];
  /** Tagged regions plus every region containing them (a Landkreis brings its Regierungsbezirk). */
  regions: string[];
  /** Lower-cased target groups (facet keys) with their display form. */
  targetGroups: Array<{ key: string; label: string }>;
  /** First and last possible day (YYYY-MM-DD) or null; status is derived from them at query time. */
  startDay: string | null;
  endDay: string | null;
  participationOpen: boolean;
  fundingKinds: string[];
  publishedAt: string | null;
  title: string;
}

export function toIndexedDocument(id: string, content: ContributionContent, publishedAt: string | null): IndexedDocument {
  const regions = new Set<string>();
  for (const place of content.places) {
    if (!place.regionId) continue;
    // "hessen" is only set when the contribution itself is Hessen-wide, not for every Landkreis.
    for (const region of regionAncestry(place.regionId)) if (region.id !== 'hessen' || place.regionId === 'hessen') regions.add(region.id);
  }
  const answers = content.answers;
  return {
    id,
    texts: {
      title: content.title,
      tags: [kindWords[content.kind], ...[...regions].flatMap((id) => [findRegion(id)?.name ?? '', ...(findRegion(id)?.aliases ?? [])])].join(' \n '),
      teaser: content.teaser ?? '',
      meta: [
        ...content.places.map((p) => p.label),
        content.sponsor?.name,
        content.sponsor?.city,
        ...content.partners.map((p) => p.name),
        ...content.targetGroups,
        ...content.legalReferences.map((l) => l.label),
        ...content.funding.sources.map((s) => s.name),
      ]
        .filter(Boolean)
        .join(' \n '),
      body: [
        content.description,
        content.purpose,
        ...content.components.flatMap((c) => [c.title, c.text]),
        answers.decision,
        answers.support,
        answers.challenges,
        answers.prerequisites,
        content.participation.text,
        content.funding.text,
      ]
        .filter(Boolean)
        .join(' \n '),
    },
    kind: content.kind,
    area: content.taxonomy.leitbildArea,
    leitsaetze: content.taxonomy.leitsaetze,
    sdgs: content.taxonomy.sdgs,
    regions: [...regions],
    targetGroups: [...new Map(content.targetGroups.map((g) => [g.trim().toLowerCase(), g.trim()])).entries()].map(([key, label]) => ({ key, label })),
    startDay: content.period.start ? earliestDay(content.period.start) : null,
    endDay: content.period.end ? latestDay(content.period.end) : null,
    participationOpen: content.participation.status === 'open',
    fundingKinds: [...new Set(content.funding.sources.map((s) => s.kind))],
    publishedAt,
    title: content.title,
  };
}
