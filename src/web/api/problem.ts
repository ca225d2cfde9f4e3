import type { Context } from 'hono';
import { z } from 'zod';

/*
 * Errors of the API as RFC 9457 problem details (application/problem+json). `type` is a relative
 * URI: the anchor of the problem's explanation on the API's documentation page.
 */

export const problemTypes = {
  'invalid-parameter': { status: 400, title: 'Ungültiger Parameter' },
  'invalid-cursor': { status: 400, title: 'Ungültiger Cursor' },
  'expired-cursor': { status: 400, title: 'Abgelaufener Cursor' },
  'not-found': { status: 404, title: 'Nicht gefunden' },
  'method-not-allowed': { status: 405, title: 'Methode nicht erlaubt' },
  'not-acceptable': { status: 406, title: 'Format nicht verfügbar' },
  'payload-too-large': { status: 413, title: 'Anfrage zu groß' },
  'unsupported-media-type': { status: 415, title: 'Anfrageinhalt nicht unterstützt' },
  'server-error': { status: 500, title: 'Interner Fehler' },
} as const;
export type ProblemType = keyof typeof problemTypes;

export const problemTypeUri = (type: ProblemType) => `/api/v1/docs#problem-${type}`;

export const ProblemSchema = z
  .object({
    type: z.string().describe('Art des Problems (URI-Referenz auf die Erläuterung in der Dokumentation)'),
    title: z.string().describe('Kurze, gleichbleibende Beschreibung der Art des Problems'),
    status: z.number().int().min(400).max(599).describe('HTTP-Statuscode'),
    detail: z.string().describe('Erklärung dieses einen Falls'),
    instance: z.string().describe('Der angefragte Pfad'),
    errors: z
      .array(
        z.object({
          parameter: z.string().describe('Name des Parameters'),
          detail: z.string().describe('Was an diesem Parameter nicht stimmt'),
        }),
      )
      .optional()
      .describe('Bei ungültigen Parametern: jeder einzelne Fehler'),
  })
  .describe('Fehlerbeschreibung nach RFC 9457 (application/problem+json)');
export type Problem = z.infer<typeof ProblemSchema>;
export type ParameterError = NonNullable<Problem['errors']>[number];

export function problemBody(type: ProblemType, detail: string, instance: string, errors?: ParameterError[]): Problem {
  const { status, title } = problemTypes[type];
  return { type: problemTypeUri(type), title, status, detail, instance, ...(errors ? { errors } : {}) };
}

export function problem(c: Context, type: ProblemType, detail: string, errors?: ParameterError[]): Response {
  const body = problemBody(type, detail, c.req.path, errors);
  c.header('Cache-Control', 'no-store');
  return c.body(JSON.stringify(body), body.status as 400, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}
