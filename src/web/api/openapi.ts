import { z } from 'zod';
import { detailOperation, listOperation } from './contributions.ts';
import type { ApiOperation } from './operation.ts';
import { PublicContributionSchema } from './presenter.ts';
import { ProblemSchema, problemTypes, type ProblemType } from './problem.ts';
import { regionsOperation } from './regions.ts';
import { taxonomiesOperation } from './taxonomies.ts';

/*
 * The OpenAPI 3.1 document of the read API, generated from the endpoints' Zod schemas
 * (z.toJSONSchema); nothing in it lists fields by hand. Served at /api/v1/openapi.json and
 * rendered as the docs page /api/v1/docs.
 */

export const apiBasePath = '/api/v1';
export const operations: ApiOperation[] = [listOperation, detailOperation, taxonomiesOperation, regionsOperation];
/** Every endpoint can answer with these. */
export const commonProblems: ProblemType[] = ['method-not-allowed', 'not-acceptable', 'payload-too-large', 'unsupported-media-type', 'server-error'];

type JsonObject = Record<string, unknown>;

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function withoutDialect(schema: JsonObject): JsonObject {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  registry.add(PublicContributionSchema, { id: 'Contribution' });
  registry.add(ProblemSchema, { id: 'Problem' });
  for (const operation of operations) if (!registry.has(operation.response.schema)) registry.add(operation.response.schema, { id: operation.response.schemaName });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'output', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, withoutDialect(schema as JsonObject)]));
}

function parameterSchema(schema: z.ZodType): JsonObject {
  return withoutDialect(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as JsonObject);
}

const statusDescriptions: Record<number, string> = {
  400: 'Ungültige Anfrage',
  404: 'Nicht gefunden',
  405: 'Methode nicht erlaubt (die API ist nur lesbar)',
  406: 'Die Antwort gibt es nur als JSON',
  413: 'Anfrageinhalt zu groß',
  415: 'Die API nimmt keinen Anfrageinhalt an',
  500: 'Interner Fehler',
};

function problemResponses(types: ProblemType[]): Record<string, JsonObject> {
  const byStatus = new Map<number, string[]>();
  for (const type of types) byStatus.set(problemTypes[type].status, [...(byStatus.get(problemTypes[type].status) ?? []), problemTypes[type].title]);
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, titles]) => [
        String(status),
        {
          description: `${statusDescriptions[status] ?? 'Fehler'} (${titles.join('; ')})`,
          content: { 'application/problem+json': { schema: schemaRef('Problem') } },
        },
      ]),
  );
}

function operationObject(operation: ApiOperation): JsonObject {
  const headers: JsonObject = {
    ETag: { $ref: '#/components/headers/ETag' },
    'Cache-Control': { $ref: '#/components/headers/CacheControl' },
    'Access-Control-Allow-Origin': { $ref: '#/components/headers/AccessControlAllowOrigin' },
    ...(operation.response.lastModified ? { 'Last-Modified': { $ref: '#/components/headers/LastModified' } } : {}),
    ...(operation.response.link ? { Link: { $ref: '#/components/headers/Link' } } : {}),
  };
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: operation.description,
    tags: [operation.path.startsWith('/contributions') ? 'Beiträge' : 'Taxonomien'],
    parameters: [
      ...operation.parameters.map((p) => ({
        name: p.name,
        in: p.in,
        description: p.description,
        required: p.in === 'path' ? true : (p.required ?? false),
        schema: parameterSchema(p.schema),
        ...(p.schema instanceof z.ZodArray ? { style: 'form', explode: true } : {}),
      })),
      { $ref: '#/components/parameters/IfNoneMatch' },
      ...(operation.response.lastModified ? [{ $ref: '#/components/parameters/IfModifiedSince' }] : []),
    ],
    responses: {
      '200': { description: operation.response.description, headers, content: { 'application/json': { schema: schemaRef(operation.response.schemaName) } } },
      '304': { description: 'Nicht geändert (bedingte Anfrage mit If-None-Match oder If-Modified-Since)', headers: { ETag: { $ref: '#/components/headers/ETag' } } },
      ...problemResponses([...operation.problems, ...commonProblems]),
    },
  };
}

let cached: JsonObject | null = null;

export function openApiDocument(): JsonObject {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Nachhaltigkeitsbaukasten – Offene-Daten-Schnittstelle',
      version: '1.0.0',
      summary: 'Lesender Zugriff auf die veröffentlichten Beiträge, Taxonomien und Regionen',
      description:
        'Alle Antworten sind JSON (UTF-8), Fehler Problembeschreibungen nach RFC 9457 (application/problem+json). ' +
        'Jede Antwort hat ein ETag (bedingte Anfragen mit If-None-Match ergeben 304), Einzelbeiträge auch Last-Modified. ' +
        'CORS ist für GET, HEAD und OPTIONS von jedem Ursprung aus erlaubt. Kontaktdaten von Personen erscheinen nur mit deren Einwilligung.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: apiBasePath, description: 'Diese Instanz' }],
    security: [],
    tags: [
      { name: 'Beiträge', description: 'Praxisbeispiele, Materialien, Förderprogramme und Beratungsangebote' },
      { name: 'Taxonomien', description: 'Leitbild, Leitsätze, SDGs und Regionen' },
    ],
    paths: Object.fromEntries(operations.map((operation) => [operation.path, { get: operationObject(operation) }])),
    components: {
      schemas: componentSchemas(),
      parameters: {
        IfNoneMatch: {
          name: 'If-None-Match',
          in: 'header',
          required: false,
          description: 'ETag einer früheren Antwort; ist die Antwort unverändert, kommt 304 ohne Inhalt',
          schema: { type: 'string' },
        },
        IfModifiedSince: {
          name: 'If-Modified-Since',
          in: 'header',
          required: false,
          description: 'Zeitpunkt (HTTP-Datum); unverändert seitdem ergibt 304. If-None-Match hat Vorrang.',
          schema: { type: 'string' },
        },
      },
      headers: {
        ETag: { description: 'Starkes ETag über den Inhalt der Antwort', schema: { type: 'string' } },
        LastModified: { description: 'Zeitpunkt der letzten Änderung (HTTP-Datum)', schema: { type: 'string' } },
        CacheControl: { description: 'Wie lange die Antwort zwischengespeichert werden darf', schema: { type: 'string' } },
        AccessControlAllowOrigin: { description: 'CORS: immer *', schema: { type: 'string', const: '*' } },
        Link: { description: 'Verweis auf die nächste Seite (rel="next"), wenn es eine gibt', schema: { type: 'string' } },
      },
    },
  };
  return cached;
}
