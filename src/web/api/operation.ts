import type { z } from 'zod';
import type { ProblemType } from './problem.ts';

/** What the OpenAPI document and the docs page say about one endpoint; each endpoint module exports its own. */
export interface ApiOperation {
  /** OpenAPI path below /api/v1, e.g. "/contributions/{idOrSlug}". */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  parameters: ApiParameter[];
  response: {
    description: string;
    /** Name of the schema in components.schemas. */
    schemaName: string;
    schema: z.ZodType;
    /** Sends Last-Modified as well as ETag. */
    lastModified?: boolean;
    /** Sends a Link header with rel="next". */
    link?: boolean;
  };
  /** Problems this endpoint answers with besides the ones every endpoint has (405, 406, 413, 415, 500). */
  problems: ProblemType[];
}

export interface ApiParameter {
  name: string;
  in: 'query' | 'path';
  description: string;
  required?: boolean;
  schema: z.ZodType;
}
