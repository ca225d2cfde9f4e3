import type { z } from 'zod';
import type { ApiScope } from '../../domain/api-token.ts';
import type { ProblemType } from './problem.ts';

/**
 * What the OpenAPI document, the docs page and the router know about one endpoint; each endpoint
 * module exports its own. The router takes the allowed methods per path from these, too.
 */
export interface ApiOperation {
  method: 'get' | 'post' | 'patch';
  /** OpenAPI path below /api/v1, e.g. "/contributions/{idOrSlug}". */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  parameters: ApiParameter[];
  /** Write endpoints: the scope an API token needs (sent as Authorization: Bearer …). */
  scope?: ApiScope;
  /** Reads that show more to a token holder with this scope (e.g. unpublished contributions). */
  optionalScope?: ApiScope;
  requestBody?: ApiRequestBody;
  /** Requires If-Match with the ETag of the version the change is based on. */
  ifMatch?: boolean;
  response: {
    status?: 200 | 201;
    description: string;
    /** Name of the schema in components.schemas. */
    schemaName: string;
    schema: z.ZodType;
    /** Sends Last-Modified as well as ETag. */
    lastModified?: boolean;
    /** Sends a Link header with rel="next". */
    link?: boolean;
    /** Sends a Location header (201 Created). */
    location?: boolean;
    /** Other outcomes answered with a body of the same schema, e.g. 200 for a document imported before. */
    alsoStatus?: Array<{ status: 200; description: string }>;
    /** With optionalScope: the schema a token holder gets instead (oneOf in the document). */
    alternative?: { schemaName: string; schema: z.ZodType; description: string };
  };
  /** Problems this endpoint answers with besides the ones every endpoint has (405, 406, 413, 415, 429, 500). */
  problems: ProblemType[];
}

export interface ApiParameter {
  name: string;
  in: 'query' | 'path';
  description: string;
  required?: boolean;
  schema: z.ZodType;
}

export interface ApiRequestBody {
  description: string;
  /** Largest body accepted; more is answered with 413 before anything is stored. */
  maxBytes: number;
  /** Media types with their schema; `binary` for documents sent as they are. */
  content: Array<{ mediaType: string; schemaName: string; schema: z.ZodType } | { mediaType: string; binary: true }>;
}

/** "/contributions/{idOrSlug}" → a pattern for request paths below /api/v1. */
export function pathPattern(path: string): RegExp {
  return new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
}
