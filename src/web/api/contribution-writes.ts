import type { Context } from 'hono';
import { z } from 'zod';
import { createContribution } from '../../app/editorial/create-contribution.ts';
import type { EditorialDeps } from '../../app/editorial/deps.ts';
import { saveContribution } from '../../app/editorial/save-contribution.ts';
import { tokenActorLabel } from '../../domain/api-token.ts';
import { parseContentInput, patchContent } from '../../domain/content-input.ts';
import { contentOf, ContributionContentSchema } from '../../domain/contribution.ts';
import type { SimilarContent } from '../../search/types.ts';
import type { ApiEnv } from './access.ts';
import { readJson } from './body.ts';
import { IdOrSlugSchema, idOrSlugOf } from './contributions.ts';
import { editableResponse, editingEtag, versionFromIfMatch } from './editing.ts';
import type { ApiOperation } from './operation.ts';
import { InternalContributionSchema } from './presenter.ts';
import { problem } from './problem.ts';

/*
 * POST /api/v1/contributions (scope "import") and PATCH /api/v1/contributions/{idOrSlug} (scope "edit").
 * The router checks scope and body size from the operations below before these handlers run.
 */

export const maxJsonBodyBytes = 1024 * 1024;

export const PossibleDuplicateSchema = z
  .object({
    id: z.uuid().describe('UUID des vorhandenen Beitrags'),
    slug: z.string().describe('Slug des vorhandenen Beitrags'),
    title: z.string().describe('Titel des vorhandenen Beitrags'),
    reason: z.string().describe('Warum er gleich sein könnte, z. B. „gleicher Titel und Träger“'),
  })
  .describe('Ein vorhandener Beitrag, der derselbe sein könnte; der neue wird trotzdem angelegt, die Redaktion entscheidet');

export const CreatedContributionSchema = z
  .object({
    contribution: InternalContributionSchema,
    possibleDuplicates: z.array(PossibleDuplicateSchema).describe('Mögliche Dubletten unter den vorhandenen Beiträgen'),
  })
  .describe('Der angelegte Beitrag (Zustand „Entwurf“) mit möglichen Dubletten');

const NewContentSchema = ContributionContentSchema.describe(
  'Der Inhalt eines Beitrags in der kanonischen Form (docs/canonical-json.md), ohne id, slug, state und Zeitstempel. Unbekannte Felder werden abgelehnt.',
);
const ContentPatchSchema = ContributionContentSchema.partial().describe(
  'JSON Merge Patch (RFC 7396) auf den Inhalt: nur die zu ändernden Felder; null entfernt ein Feld (es gilt dann sein Standardwert), Listen werden als Ganzes ersetzt.',
);

export const createOperation: ApiOperation = {
  method: 'post',
  path: '/contributions',
  operationId: 'createContribution',
  summary: 'Einen Beitrag anlegen',
  description:
    'Legt aus strukturierten Daten einen Beitrag im Zustand „Entwurf“ an; die Redaktion prüft und veröffentlicht ihn. ' +
    'Der Inhalt wird mit demselben Schema geprüft wie Formulare und Import; jeder Fehler wird mit JSON Pointer genannt. ' +
    'Mögliche Dubletten werden gemeldet, nicht abgewiesen.',
  parameters: [],
  scope: 'import',
  requestBody: { description: 'Der Inhalt des Beitrags.', maxBytes: maxJsonBodyBytes, content: [{ mediaType: 'application/json', schemaName: 'ContributionContent', schema: NewContentSchema }] },
  response: { status: 201, description: 'Angelegt', schemaName: 'CreatedContribution', schema: CreatedContributionSchema, location: true },
  problems: ['invalid-body'],
};

export const patchOperation: ApiOperation = {
  method: 'patch',
  path: '/contributions/{idOrSlug}',
  operationId: 'patchContribution',
  summary: 'Einen Beitrag ändern',
  description:
    'Ändert den Inhalt eines Beitrags in jedem Zustand mit einem JSON Merge Patch (RFC 7396). If-Match muss das ETag der Fassung nennen, ' +
    'auf der die Änderung beruht (aus GET mit Zugangsschlüssel „edit“ oder aus der Antwort der letzten Änderung); hat inzwischen jemand anderes ' +
    'gespeichert, kommt 412 mit der jetzigen Version und nichts wird überschrieben. Jede Änderung ergibt eine neue Version mit Eintrag im Protokoll. ' +
    'Den redaktionellen Zustand (z. B. Veröffentlichen) ändert nur die Redaktion.',
  parameters: [{ name: 'idOrSlug', in: 'path', required: true, description: IdOrSlugSchema.description ?? '', schema: IdOrSlugSchema }],
  scope: 'edit',
  ifMatch: true,
  requestBody: {
    description: 'Die Änderungen als JSON Merge Patch.',
    maxBytes: maxJsonBodyBytes,
    content: [{ mediaType: 'application/merge-patch+json', schemaName: 'ContributionContentPatch', schema: ContentPatchSchema }],
  },
  response: { description: 'Der geänderte Beitrag (unverändert, wenn der Patch nichts änderte)', schemaName: 'ContributionInternal', schema: InternalContributionSchema },
  problems: ['invalid-parameter', 'invalid-body', 'not-found'],
};

export type ContributionWriteDeps = Pick<EditorialDeps, 'db' | 'contributions' | 'auditLog'> & { search?: SimilarContent | null };

const actorOf = (c: Context<ApiEnv>) => {
  const token = c.get('token')!;
  return { id: null, label: tokenActorLabel(token) };
};

export function createContributionHandler(deps: ContributionWriteDeps) {
  return async (c: Context<ApiEnv>) => {
    const body = await readJson(c, ['application/json']);
    if (!body.ok) return body.response;
    const content = parseContentInput(body.value);
    if (!content.ok) return problem(c, 'invalid-body', 'Der Inhalt ist ungültig; nichts wurde gespeichert.', content.errors);
    const created = await createContribution(deps, content.content, actorOf(c));
    c.header('Location', `/api/v1/contributions/${created.contribution.id}`);
    return editableResponse(c, created.contribution, 201, { possibleDuplicates: created.possibleDuplicates });
  };
}

export function patchContributionHandler(deps: ContributionWriteDeps) {
  return async (c: Context<ApiEnv>) => {
    const target = idOrSlugOf(c);
    if (!target.ok) return target.response;
    const current = target.isId ? await deps.contributions.get(target.value) : await deps.contributions.findBySlug(target.value);
    if (!current) return problem(c, 'not-found', `Einen Beitrag „${target.value}“ gibt es nicht.`);
    const ifMatch = c.req.header('If-Match');
    if (ifMatch === undefined) {
      return problem(c, 'precondition-required', 'Bitte If-Match mit dem ETag der Fassung senden, auf der die Änderung beruht (aus GET mit Zugangsschlüssel).');
    }
    const expectedVersion = versionFromIfMatch(ifMatch);
    if (expectedVersion !== current.version) {
      c.header('ETag', editingEtag(current, JSON.stringify(current)));
      return problem(
        c,
        'version-conflict',
        `Der Beitrag ist inzwischen in Version ${current.version} gespeichert; If-Match nennt ${expectedVersion === null ? 'keine gültige Fassung' : `Version ${expectedVersion}`}. Bitte neu abrufen und die Änderung darauf anwenden.`,
        undefined,
        { currentVersion: current.version },
      );
    }
    const body = await readJson(c, ['application/merge-patch+json']);
    if (!body.ok) return body.response;
    const content = patchContent(contentOf(current), body.value);
    if (!content.ok) return problem(c, 'invalid-body', 'Die Änderung ergibt keinen gültigen Beitrag; nichts wurde gespeichert.', content.errors);
    const saved = await saveContribution(deps, { id: current.id, expectedVersion, content: content.content, note: 'Über die API geändert' }, actorOf(c));
    if (!saved.ok && saved.code === 'not_found') return problem(c, 'not-found', `Einen Beitrag „${target.value}“ gibt es nicht mehr.`);
    if (!saved.ok) {
      return problem(c, 'version-conflict', `Der Beitrag wurde gerade eben von jemand anderem geändert (jetzt Version ${saved.current.version}); nichts wurde überschrieben.`, undefined, {
        currentVersion: saved.current.version,
      });
    }
    return editableResponse(c, saved.contribution, 200, null);
  };
}
