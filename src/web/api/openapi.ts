import { z } from 'zod';
import { createOperation, patchOperation } from './contribution-writes.ts';
import { detailOperation, listOperation } from './contributions.ts';
import { importOperation } from './imports.ts';
import type { ApiOperation } from './operation.ts';
import { PublicContributionSchema } from './presenter.ts';
import { ProblemSchema, problemTypes, type ProblemType } from './problem.ts';
import { regionsOperation } from './regions.ts';
import { taxonomiesOperation } from './taxonomies.ts';

/*
 * The OpenAPI 3.1 document of the API, generated from the endpoints' Zod schemas
 * (z.toJSONSchema); nothing in it lists fields by hand. Served at /api/v1/openapi.json and
 * rendered as the docs page /api/v1/docs.
 */

export const apiBasePath = '/api/v1';
export const operations: ApiOperation[] = [
  listOperation,
  createOperation,
  detailOperation,
  patchOperation,
  importOperation,
  taxonomiesOperation,
  regionsOperation,
];
/** Every endpoint can answer with these. */
export const commonProblems: ProblemType[] = ['invalid-token', 'method-not-allowed', 'not-acceptable', 'payload-too-large', 'unsupported-media-type', 'rate-limited', 'server-error'];

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
  const add = (schema: z.ZodType, id: string) => {
    if (!registry.has(schema)) registry.add(schema, { id });
  };
  for (const operation of operations) {
    add(operation.response.schema, operation.response.schemaName);
    if (operation.response.alternative) add(operation.response.alternative.schema, operation.response.alternative.schemaName);
    for (const body of operation.requestBody?.content ?? []) if ('schema' in body) add(body.schema, body.schemaName);
  }
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'output', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, withoutDialect(schema as JsonObject)]));
}

function parameterSchema(schema: z.ZodType): JsonObject {
  return withoutDialect(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as JsonObject);
}

const statusDescriptions: Record<number, string> = {
  400: 'Ungültige Anfrage',
  401: 'Zugangsschlüssel fehlt oder ist ungültig, abgelaufen oder widerrufen',
  403: 'Dem Zugangsschlüssel fehlt die nötige Berechtigung',
  404: 'Nicht gefunden',
  405: 'Methode für diesen Endpunkt nicht erlaubt',
  406: 'Die Antwort gibt es nur als JSON',
  412: 'Der Beitrag wurde inzwischen geändert (If-Match passt nicht mehr)',
  413: 'Anfrageinhalt zu groß',
  415: 'Art des Anfrageinhalts nicht unterstützt',
  422: 'Das Dokument wurde vom Import abgelehnt',
  428: 'If-Match fehlt',
  429: 'Zu viele Anfragen; Retry-After nennt die Wartezeit in Sekunden',
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

const rateLimitHeaders: JsonObject = {
  'RateLimit-Limit': { $ref: '#/components/headers/RateLimitLimit' },
  'RateLimit-Remaining': { $ref: '#/components/headers/RateLimitRemaining' },
  'RateLimit-Reset': { $ref: '#/components/headers/RateLimitReset' },
};

function operationObject(operation: ApiOperation): JsonObject {
  const { response } = operation;
  const isRead = operation.method === 'get';
  const headers: JsonObject = {
    ETag: { $ref: '#/components/headers/ETag' },
    ...(isRead ? { 'Cache-Control': { $ref: '#/components/headers/CacheControl' }, 'Access-Control-Allow-Origin': { $ref: '#/components/headers/AccessControlAllowOrigin' } } : {}),
    ...(response.lastModified ? { 'Last-Modified': { $ref: '#/components/headers/LastModified' } } : {}),
    ...(response.link ? { Link: { $ref: '#/components/headers/Link' } } : {}),
    ...(response.location ? { Location: { $ref: '#/components/headers/Location' } } : {}),
    ...rateLimitHeaders,
  };
  const body = response.alternative
    ? { anyOf: [schemaRef(response.schemaName), schemaRef(response.alternative.schemaName)] }
    : schemaRef(response.schemaName);
  const success: Record<string, JsonObject> = {
    [String(response.status ?? 200)]: {
      description: response.alternative ? `${response.description}; ${response.alternative.description}` : response.description,
      headers,
      content: { 'application/json': { schema: body } },
    },
  };
  for (const also of response.alsoStatus ?? []) success[String(also.status)] = { description: also.description, headers: { ...rateLimitHeaders }, content: { 'application/json': { schema: body } } };
  const problems = [
    ...operation.problems,
    ...(operation.scope ? (['insufficient-scope'] as ProblemType[]) : []),
    ...(operation.ifMatch ? (['version-conflict', 'precondition-required'] as ProblemType[]) : []),
    ...commonProblems,
  ];
  const security = operation.scope
    ? [{ bearerAuth: [operation.scope] }]
    : operation.optionalScope
      ? [{}, { bearerAuth: [operation.optionalScope] }]
      : undefined;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: operation.description,
    tags: [operation.path.startsWith('/contributions') || operation.path.startsWith('/imports') ? 'Beiträge' : 'Taxonomien'],
    ...(security ? { security } : {}),
    parameters: [
      ...operation.parameters.map((p) => ({
        name: p.name,
        in: p.in,
        description: p.description,
        required: p.in === 'path' ? true : (p.required ?? false),
        schema: parameterSchema(p.schema),
        ...(p.schema instanceof z.ZodArray ? { style: 'form', explode: true } : {}),
      })),
      ...(isRead ? [{ $ref: '#/components/parameters/IfNoneMatch' }] : []),
      ...(response.lastModified ? [{ $ref: '#/components/parameters/IfModifiedSince' }] : []),
      ...(operation.ifMatch ? [{ $ref: '#/components/parameters/IfMatch' }] : []),
    ],
    ...(operation.requestBody
      ? {
          requestBody: {
            required: true,
            description: `${operation.requestBody.description} Höchstens ${formatBytes(operation.requestBody.maxBytes)}.`,
            content: Object.fromEntries(
              operation.requestBody.content.map((body) => [body.mediaType, { schema: 'schema' in body ? schemaRef(body.schemaName) : { type: 'string', contentMediaType: body.mediaType } }]),
            ),
          },
        }
      : {}),
    responses: {
      ...success,
      ...(isRead ? { '304': { description: 'Nicht geändert (bedingte Anfrage mit If-None-Match oder If-Modified-Since)', headers: { ETag: { $ref: '#/components/headers/ETag' } } } } : {}),
      ...problemResponses(problems),
    },
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('de-DE')} MiB` : `${(bytes / 1024).toLocaleString('de-DE')} KiB`;
}

function pathItems(): JsonObject {
  const items: Record<string, JsonObject> = {};
  for (const operation of operations) items[operation.path] = { ...items[operation.path], [operation.method]: operationObject(operation) };
  return items;
}

let cached: JsonObject | null = null;

export function openApiDocument(): JsonObject {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Nachhaltigkeitsbaukasten – Offene-Daten-Schnittstelle',
      version: '1.0.0',
      summary: 'Die veröffentlichten Beiträge, Taxonomien und Regionen als offene Daten; Import und Bearbeitung für berechtigte Systeme',
      description:
        'Alle Antworten sind JSON (UTF-8), Fehler Problembeschreibungen nach RFC 9457 (application/problem+json). ' +
        'Jede lesende Antwort hat ein ETag (bedingte Anfragen mit If-None-Match ergeben 304), Einzelbeiträge auch Last-Modified. ' +
        'CORS ist für GET, HEAD und OPTIONS von jedem Ursprung aus erlaubt. Kontaktdaten von Personen erscheinen nur mit deren Einwilligung. ' +
        'Lesen ist ohne Anmeldung möglich. Schreiben (Import, neue Beiträge, Änderungen) braucht einen Zugangsschlüssel, den die Administration ' +
        'der Redaktion mit den Berechtigungen „import“ und/oder „edit“ ausstellt: Authorization: Bearer bk_…. ' +
        'Anfragen sind je Zugangsschlüssel bzw. ohne Schlüssel je Adresse und Minute begrenzt (Kopfzeilen RateLimit-*; bei Überschreitung 429 mit Retry-After).',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: apiBasePath, description: 'Diese Instanz' }],
    security: [{}],
    tags: [
      { name: 'Beiträge', description: 'Praxisbeispiele, Materialien, Förderprogramme und Beratungsangebote' },
      { name: 'Taxonomien', description: 'Leitbild, Leitsätze, SDGs und Regionen' },
    ],
    paths: pathItems(),
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'Zugangsschlüssel (bk_…) für berechtigte Systeme, ausgestellt von der Administration unter /redaktion/api-zugaenge',
        },
      },
      parameters: {
        IfNoneMatch: {
          name: 'If-None-Match',
          in: 'header',
          required: false,
          description: 'ETag einer früheren Antwort; ist die Antwort unverändert, kommt 304 ohne Inhalt',
          schema: { type: 'string' },
        },
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: true,
          description: 'ETag der Fassung, auf der die Änderung beruht (aus GET mit Zugangsschlüssel oder der letzten Änderung); passt es nicht mehr, kommt 412 und nichts wird geändert',
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
        Location: { description: 'Adresse des angelegten Beitrags in der API', schema: { type: 'string' } },
        RateLimitLimit: { description: 'Erlaubte Anfragen je Minute (je Zugangsschlüssel, ohne Schlüssel je Adresse)', schema: { type: 'integer' } },
        RateLimitRemaining: { description: 'Davon in der laufenden Minute noch übrig', schema: { type: 'integer' } },
        RateLimitReset: { description: 'Sekunden bis zum Beginn der nächsten Minute', schema: { type: 'integer' } },
      },
    },
  };
  return cached;
}
