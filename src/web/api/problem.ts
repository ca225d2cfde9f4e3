import type { Context } from 'hono';
import { z } from 'zod';

/*
 * Errors of the API as RFC 9457 problem details (application/problem+json). `type` is a relative
 * URI: the anchor of the problem's explanation on the API's documentation page.
 */

export const problemTypes = {
  'invalid-parameter': { status: 400, title: 'Ungültiger Parameter' },
  'invalid-body': { status: 400, title: 'Ungültiger Anfrageinhalt' },
  'invalid-cursor': { status: 400, title: 'Ungültiger Cursor' },
  'expired-cursor': { status: 400, title: 'Abgelaufener Cursor' },
  'invalid-token': { status: 401, title: 'Zugang ungültig' },
  'insufficient-scope': { status: 403, title: 'Keine Berechtigung' },
  'not-found': { status: 404, title: 'Nicht gefunden' },
  'method-not-allowed': { status: 405, title: 'Methode nicht erlaubt' },
  'not-acceptable': { status: 406, title: 'Format nicht verfügbar' },
  'payload-too-large': { status: 413, title: 'Anfrage zu groß' },
  'version-conflict': { status: 412, title: 'Inzwischen geändert' },
  'unsupported-media-type': { status: 415, title: 'Anfrageinhalt nicht unterstützt' },
  'document-rejected': { status: 422, title: 'Dokument abgelehnt' },
  'precondition-required': { status: 428, title: 'If-Match fehlt' },
  'rate-limited': { status: 429, title: 'Zu viele Anfragen' },
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
          parameter: z.string().optional().describe('Bei ungültigen Parametern: Name des Parameters'),
          pointer: z.string().optional().describe('Bei ungültigem Anfrageinhalt: JSON Pointer (RFC 6901) auf das Feld, z. B. /contacts/0/email'),
          detail: z.string().describe('Was daran nicht stimmt'),
        }),
      )
      .optional()
      .describe('Bei ungültigen Parametern oder Inhalten: jeder einzelne Fehler'),
    currentVersion: z.number().int().positive().optional().describe('Bei 412: die jetzt gespeicherte Version des Beitrags'),
  })
  .describe('Fehlerbeschreibung nach RFC 9457 (application/problem+json)');
export type Problem = z.infer<typeof ProblemSchema>;
export type ParameterError = NonNullable<Problem['errors']>[number];

export function problemBody(type: ProblemType, detail: string, instance: string, errors?: ParameterError[], extra: Pick<Problem, 'currentVersion'> = {}): Problem {
  const { status, title } = problemTypes[type];
  return { type: problemTypeUri(type), title, status, detail, instance, ...(errors ? { errors } : {}), ...extra };
}

export function problem(c: Context, type: ProblemType, detail: string, errors?: ParameterError[], extra: Pick<Problem, 'currentVersion'> = {}): Response {
  const body = problemBody(type, detail, c.req.path, errors, extra);
  c.header('Cache-Control', 'no-store');
  return c.body(JSON.stringify(body), body.status as 400, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}
