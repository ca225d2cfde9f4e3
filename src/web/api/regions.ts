import type { Context } from 'hono';
import { z } from 'zod';
import { regions, RegionSchema } from '../../domain/taxonomy.ts';
import type { CatalogReader } from '../ports.ts';
import { jsonResponse } from './http.ts';
import type { ApiOperation } from './operation.ts';

/* GET /api/v1/regions: the gazetteer of Hessen (Land, Regierungsbezirke, Landkreise, kreisfreie Städte). */

export const RegionListSchema = z.object({
  items: z
    .array(RegionSchema.describe('Region: Kennung, aktueller Name, Typ, übergeordnete Region und weitere Schreibweisen'))
    .describe('Alle Regionen, übergeordnete vor untergeordneten'),
});

export const regionsOperation: ApiOperation = {
  method: 'get',
  path: '/regions',
  operationId: 'listRegions',
  summary: 'Regionen abrufen',
  description: 'Das Verzeichnis der Regionen Hessens. Die Kennungen sind die Werte des Filters region und von places[].regionId der Beiträge.',
  parameters: [],
  response: { description: 'Die Regionen', schemaName: 'RegionList', schema: RegionListSchema },
  problems: [],
};

export function listRegions(deps: { catalog: CatalogReader }) {
  return async (c: Context) => {
    const names = await deps.catalog.taxonomyNames();
    const body: z.output<typeof RegionListSchema> = {
      items: regions.map((r) => ({ id: r.id, name: names.regions.get(r.id) ?? r.name, type: r.type, parent: r.parent, aliases: [...r.aliases] })),
    };
    return jsonResponse(c, body, { maxAge: 300 });
  };
}
