import { z } from 'zod';
import leitbildAreasData from '../../data/taxonomy/leitbild-areas.json' with { type: 'json' };
import leitsaetzeData from '../../data/taxonomy/leitsaetze.json' with { type: 'json' };
import sdgsData from '../../data/taxonomy/sdgs.json' with { type: 'json' };
import regionsData from '../../data/taxonomy/regions.json' with { type: 'json' };

/*
 * The taxonomies are data owned by the project (data/taxonomy/*.json). Ids are stable;
 * names are seeded into the database and editable there. Code refers to ids only.
 */

export const LeitbildAreaSchema = z.object({ id: z.string(), name: z.string(), position: z.number().int() });
export const LeitsatzSchema = z.object({
  number: z.number().int().min(1).max(22),
  title: z.string(),
  area: z.string().nullable(),
  sdgs: z.array(z.number().int().min(1).max(17)),
});
export const SdgSchema = z.object({ number: z.number().int().min(1).max(17), title: z.string() });
export const regionTypes = ['land', 'regierungsbezirk', 'landkreis', 'kreisfreie-stadt'] as const;
export const RegionSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(regionTypes),
  parent: z.string().nullable(),
  aliases: z.array(z.string()),
});

export type LeitbildArea = z.infer<typeof LeitbildAreaSchema>;
export type Leitsatz = z.infer<typeof LeitsatzSchema>;
export type Sdg = z.infer<typeof SdgSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type RegionType = Region['type'];

export const leitbildAreas: readonly LeitbildArea[] = z.array(LeitbildAreaSchema).parse(leitbildAreasData);
export const leitsaetze: readonly Leitsatz[] = z.array(LeitsatzSchema).parse(leitsaetzeData);
export const sdgs: readonly Sdg[] = z.array(SdgSchema).parse(sdgsData);
export const regions: readonly Region[] = z.array(RegionSchema).parse(regionsData);

export const leitbildAreaIds = leitbildAreas.map((a) => a.id) as [string, ...string[]];
export const regionIds = regions.map((r) => r.id) as [string, ...string[]];

const regionById = new Map(regions.map((r) => [r.id, r]));

export function findRegion(id: string): Region | undefined {
  return regionById.get(id);
}

/** The region and all regions that contain it, nearest first (Landkreis → RB → Hessen). */
export function regionAncestry(id: string): Region[] {
  const chain: Region[] = [];
  for (let r = regionById.get(id); r; r = r.parent ? regionById.get(r.parent) : undefined) chain.push(r);
  return chain;
}

export const regionTypeLabels: Record<RegionType, string> = {
  land: 'Land',
  regierungsbezirk: 'Regierungsbezirk',
  landkreis: 'Landkreis',
  'kreisfreie-stadt': 'Kreisfreie Stadt',
};

/** Current display names keyed by stable id (names are editable in the database). */
export interface TaxonomyNames {
  leitbildAreas: Map<string, string>;
  leitsaetze: Map<number, string>;
  sdgs: Map<number, string>;
  regions: Map<string, string>;
}

/** The taxonomies whose names editors can change, keyed like TaxonomyNames. */
export const taxonomyKinds = ['leitbildAreas', 'leitsaetze', 'sdgs', 'regions'] as const satisfies ReadonlyArray<keyof TaxonomyNames>;
export type TaxonomyKind = (typeof taxonomyKinds)[number];
export const taxonomyKindLabels: Record<TaxonomyKind, string> = {
  leitbildAreas: 'Bereiche des Leitbilds',
  leitsaetze: 'Leitsätze',
  sdgs: 'Nachhaltigkeitsziele (SDGs)',
  regions: 'Regionen',
};
