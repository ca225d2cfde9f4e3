import type { Context } from 'hono';
import { z } from 'zod';
import { LeitbildAreaSchema, LeitsatzSchema, leitbildAreas, leitsaetze, SdgSchema, sdgs } from '../../domain/taxonomy.ts';
import type { CatalogReader } from '../ports.ts';
import { jsonResponse } from './http.ts';
import type { ApiOperation } from './operation.ts';

/* GET /api/v1/taxonomies: Leitbild areas, Leitsätze and SDGs with their current (editable) names. */

export const TaxonomiesSchema = z.object({
  leitbildAreas: z.array(LeitbildAreaSchema.describe('Bereich des Leitbilds')).describe('Die Bereiche des Leitbilds in ihrer Reihenfolge'),
  leitsaetze: z.array(LeitsatzSchema.describe('Leitsatz mit seinem Bereich und den zugeordneten SDGs')).describe('Die 22 Leitsätze'),
  sdgs: z.array(SdgSchema.describe('Nachhaltigkeitsziel der Vereinten Nationen')).describe('Die 17 Nachhaltigkeitsziele'),
});

export const taxonomiesOperation: ApiOperation = {
  method: 'get',
  path: '/taxonomies',
  operationId: 'getTaxonomies',
  summary: 'Taxonomien abrufen',
  description:
    'Bereiche des Leitbilds, Leitsätze und SDGs mit stabilen Kennungen und den aktuellen Namen (die Redaktion kann Namen ändern). ' +
    'Die Kennungen sind die Werte der Filter bereich, leitsatz und sdg.',
  parameters: [],
  response: { description: 'Die Taxonomien', schemaName: 'Taxonomies', schema: TaxonomiesSchema },
  problems: [],
};

export function getTaxonomies(deps: { catalog: CatalogReader }) {
  return async (c: Context) => {
    const names = await deps.catalog.taxonomyNames();
    const body: z.output<typeof TaxonomiesSchema> = {
      leitbildAreas: leitbildAreas.map((a) => ({ id: a.id, name: names.leitbildAreas.get(a.id) ?? a.name, position: a.position })),
      leitsaetze: leitsaetze.map((l) => ({ number: l.number, title: names.leitsaetze.get(l.number) ?? l.title, area: l.area, sdgs: [...l.sdgs] })),
      sdgs: sdgs.map((s) => ({ number: s.number, title: names.sdgs.get(s.number) ?? s.title })),
    };
    return jsonResponse(c, body, { maxAge: 300 });
  };
}
