import type { Context } from 'hono';
import { z } from 'zod';
import type { EditorialDeps } from '../../app/editorial/deps.ts';
import { importDocuments } from '../../app/import-documents.ts';
import { tokenActorLabel } from '../../domain/api-token.ts';
import { DEFAULT_MAX_BYTES } from '../../import/decode.ts';
import type { SimilarContent } from '../../search/types.ts';
import type { ApiEnv } from './access.ts';
import { mediaTypeOf } from './body.ts';
import { PossibleDuplicateSchema } from './contribution-writes.ts';
import { editableResponse } from './editing.ts';
import type { ApiOperation } from './operation.ts';
import { InternalContributionSchema } from './presenter.ts';
import { problem } from './problem.ts';

/*
 * POST /api/v1/imports (scope "import"): a questionnaire or fact sheet as it is → a draft contribution.
 * The router checks scope and body size from the operation below before the handler runs.
 */

/** What the importer reads; the bytes decide the format, the media type only has to be one of these. */
export const documentMediaTypes = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
  'text/html',
  'text/plain',
  'text/markdown',
  'application/octet-stream',
] as const;

const ImportWarningSchema = z.object({
  field: z.string().describe('Feld im Inhalt, z. B. sponsor.postcode, oder „document“'),
  code: z.enum(['missing', 'guessed', 'ambiguous', 'encoding', 'placeholder_link', 'truncated']).describe('Art des Hinweises'),
  message: z.string().describe('Der Hinweis auf Deutsch'),
});

export const ImportResultSchema = z
  .object({
    outcome: z.enum(['imported', 'duplicate']).describe('„imported“: neu angelegt; „duplicate“: genau dieses Dokument wurde schon importiert'),
    contribution: InternalContributionSchema,
    warnings: z.array(ImportWarningSchema).describe('Hinweise des Imports für die Redaktion (fehlende oder geratene Angaben)'),
    possibleDuplicates: z.array(PossibleDuplicateSchema).describe('Mögliche Dubletten unter den vorhandenen Beiträgen (nur bei „imported“)'),
  })
  .describe('Ergebnis eines Imports');

const FileNameSchema = z.string().min(1).max(200).describe('Dateiname des Dokuments (für Meldungen und die Herkunftsangabe); sonst aus Content-Disposition');

export const importOperation: ApiOperation = {
  method: 'post',
  path: '/imports',
  operationId: 'importDocument',
  summary: 'Ein Dokument importieren',
  description:
    'Nimmt ein ausgefülltes Frageformular oder einen Projektsteckbrief als Word-Datei (DOCX), PDF mit Textebene, HTML-Seite oder Text/Markdown ' +
    '(UTF-8 oder Windows-1252) entgegen und legt daraus einen Beitrag im Zustand „Entwurf“ an. Das Format wird an den Bytes erkannt. ' +
    'Dasselbe Dokument ein zweites Mal ergibt 200 mit dem vorhandenen Beitrag (idempotent); ein Dokument, das sich nicht lesen lässt, 422 mit dem Grund. ' +
    'Jeder Import steht im Protokoll der Redaktion.',
  parameters: [{ name: 'dateiname', in: 'query', description: FileNameSchema.description ?? '', schema: FileNameSchema }],
  scope: 'import',
  requestBody: {
    description: 'Das Dokument, Byte für Byte.',
    maxBytes: DEFAULT_MAX_BYTES,
    content: documentMediaTypes.map((mediaType) => ({ mediaType, binary: true as const })),
  },
  response: {
    status: 201,
    description: 'Importiert und als Entwurf angelegt',
    schemaName: 'ImportResult',
    schema: ImportResultSchema,
    location: true,
    alsoStatus: [{ status: 200, description: 'Dieses Dokument wurde schon importiert; der vorhandene Beitrag' }],
  },
  problems: ['invalid-parameter', 'document-rejected'],
};

export type ImportDeps = Pick<EditorialDeps, 'db' | 'contributions' | 'auditLog'> & { search?: SimilarContent | null };

/** The file name from ?dateiname= or Content-Disposition (filename* in UTF-8 first, RFC 6266), else a neutral one. */
function fileNameOf(c: Context): string | null {
  const fromQuery = new URL(c.req.url).searchParams.get('dateiname');
  if (fromQuery !== null) return FileNameSchema.safeParse(fromQuery).success ? fromQuery : null;
  const disposition = c.req.header('Content-Disposition') ?? '';
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim()).slice(0, 200);
    } catch {
      return null;
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(disposition);
  const name = plain?.[1] ?? plain?.[2];
  return name ? name.slice(0, 200) : 'dokument';
}

export function importDocumentHandler(deps: ImportDeps) {
  return async (c: Context<ApiEnv>) => {
    const name = fileNameOf(c);
    if (name === null) return problem(c, 'invalid-parameter', 'Der Dateiname ist ungültig.', [{ parameter: 'dateiname', detail: 'Ein Name mit 1 bis 200 Zeichen.' }]);
    if (!(documentMediaTypes as readonly string[]).includes(mediaTypeOf(c))) {
      return problem(c, 'unsupported-media-type', `Erwartet wird ein Dokument als ${documentMediaTypes.join(', ')}.`);
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const token = c.get('token')!;
    const [result] = await importDocuments(deps.contributions, [{ name, bytes }], {
      search: deps.search ?? null,
      audit: { db: deps.db, auditLog: deps.auditLog, actor: { id: null, label: tokenActorLabel(token) } },
    });
    switch (result!.outcome) {
      case 'rejected':
        return problem(c, 'document-rejected', result!.reason);
      case 'duplicate':
        return editableResponse(c, result!.contribution, 200, { outcome: 'duplicate', warnings: result!.warnings, possibleDuplicates: [] });
      case 'imported':
        c.header('Location', `/api/v1/contributions/${result!.contribution.id}`);
        return editableResponse(c, result!.contribution, 201, { outcome: 'imported', warnings: result!.warnings, possibleDuplicates: result!.possibleDuplicates });
      default:
        throw new Error(`unexpected import outcome ${result!.outcome}`);
    }
  };
}
