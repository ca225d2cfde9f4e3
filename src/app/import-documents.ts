import type { Contribution, ContributionContent, EditorialState } from '../domain/contribution.ts';
import { DEFAULT_MAX_BYTES } from '../import/decode.ts';
import { contentHashOf, parseDocument } from '../import/parse-document.ts';
import type { ImportWarning, ParseOutcome } from '../import/types.ts';
import type { SimilarContent } from '../search/types.ts';
import type { AuditLog } from '../storage/audit-log.ts';
import type { ContributionRepository } from '../storage/contributions-repository.ts';
import type { Database } from '../storage/database.ts';
import type { Actor } from './editorial/deps.ts';
import { createShingleCache, findDuplicates, rememberStored, toPossibleDuplicate, type DuplicateDeps, type PossibleDuplicate } from './duplicates/find-duplicates.ts';

export type { PossibleDuplicate };

export interface SourceDocument {
  /** File name shown in messages and kept as provenance. */
  name: string;
  bytes: Uint8Array;
}

export type ImportResult =
  | { file: string; outcome: 'imported'; contribution: Contribution; warnings: ImportWarning[]; possibleDuplicates: PossibleDuplicate[] }
  | { file: string; outcome: 'duplicate'; contribution: Contribution; warnings: ImportWarning[] }
  | { file: string; outcome: 'parsed'; draft: ContributionContent; warnings: ImportWarning[]; possibleDuplicates: PossibleDuplicate[] }
  | { file: string; outcome: 'rejected'; reason: string };

export interface ImportOptions {
  dryRun?: boolean;
  state?: EditorialState;
  actor?: string;
  /** The search index, when loaded: adds similar published contributions to the duplicate candidates. */
  search?: SimilarContent | null;
  /** Parser to use (e.g. a worker pool); default parseDocument in this thread. */
  parse?: (bytes: Uint8Array, name: string) => Promise<ParseOutcome>;
  /** Documents parsed ahead of the one being stored (with a parse pool); default 1 = strictly one after the other. */
  readAhead?: number;
  /**
   * Writes an audit entry for each stored contribution in the same transaction (imports through the
   * API by a trusted system); the CLI's bulk import leaves it out.
   */
  audit?: { db: Database; auditLog: AuditLog; actor: Actor };
  /** Remembers rejected bytes so a resumed bulk import does not parse them again (see bulk-import/journal.ts). */
  journal?: { rejectedReason(hash: string): string | null; recordRejection(hash: string, file: string, reason: string): void };
}

/**
 * Parses each document and stores it as one contribution. Each document is written in its
 * own transaction (inside repo.create), so a failure leaves nothing half-written; a document
 * whose bytes were imported before is reported as a duplicate (idempotent by content hash).
 */
export async function importDocuments(
  repo: ContributionRepository,
  documents: Iterable<SourceDocument> | AsyncIterable<SourceDocument>,
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for await (const result of importStream(repo, documents, options)) results.push(result);
  return results;
}

/**
 * The same as a stream, for thousands of documents: results come in input order, one at a time,
 * and documents are pulled from the source only as they are needed. With `readAhead` > 1 the next
 * documents are looked up and parsed (e.g. in a worker pool) while the current one is stored;
 * storing stays strictly sequential and in input order, so a later document's duplicate check
 * sees every earlier one. Stopping the iteration (break) stops after the current document;
 * documents parsed ahead are then dropped without being stored.
 */
export async function* importStream(
  repo: ContributionRepository,
  documents: Iterable<SourceDocument> | AsyncIterable<SourceDocument>,
  options: ImportOptions = {},
): AsyncGenerator<ImportResult> {
  const readAhead = Math.max(1, options.readAhead ?? 1);
  // Many documents of a run are compared with the same candidates (a common sponsor).
  const duplicates: DuplicateDeps = { contributions: repo, search: options.search, shingleCache: createShingleCache() };
  const pending: Array<Promise<Prepared>> = [];
  for await (const document of documents) {
    const prepared = prepare(repo, document, options);
    prepared.catch(() => {}); // awaited below, in order; this only keeps an early failure from being "unhandled"
    pending.push(prepared);
    if (pending.length >= readAhead) yield await store(repo, await pending.shift()!, options, duplicates);
  }
  while (pending.length) yield await store(repo, await pending.shift()!, options, duplicates);
}

type Prepared = { document: SourceDocument; done: ImportResult } | { document: SourceDocument; parsed: Extract<ParseOutcome, { ok: true }> };

async function prepare(repo: ContributionRepository, document: SourceDocument, options: ImportOptions): Promise<Prepared> {
  // Known bytes need no parsing: look them up first (this keeps repeated starts and bulk re-runs fast).
  if (!options.dryRun && document.bytes.length > 0 && document.bytes.length <= DEFAULT_MAX_BYTES) {
    const hash = contentHashOf(document.bytes);
    const existing = await repo.findBySourceHash(hash);
    if (existing) return { document, done: { file: document.name, outcome: 'duplicate', contribution: existing, warnings: [] } };
    const remembered = options.journal?.rejectedReason(hash);
    if (remembered) return { document, done: { file: document.name, outcome: 'rejected', reason: remembered } };
  }
  const parsed = await (options.parse ?? parseDocument)(document.bytes, document.name);
  if (!parsed.ok) {
    // A time limit hit under load may pass on another run, so only lasting rejections are remembered.
    if (!options.dryRun && parsed.contentHash && parsed.code !== 'too_complex') options.journal?.recordRejection(parsed.contentHash, document.name, parsed.reason);
    return { document, done: { file: document.name, outcome: 'rejected', reason: parsed.reason } };
  }
  return { document, parsed };
}

async function store(repo: ContributionRepository, prepared: Prepared, options: ImportOptions, duplicates: DuplicateDeps): Promise<ImportResult> {
  if ('done' in prepared) return prepared.done;
  const { document, parsed } = prepared;
  // Before storing, so the new record cannot match itself; flagged, not refused.
  const possibleDuplicates = (await findDuplicates(duplicates, parsed.content)).map(toPossibleDuplicate);
  if (options.dryRun) return { file: document.name, outcome: 'parsed', draft: parsed.content, warnings: parsed.warnings, possibleDuplicates };

  try {
    const createOptions = {
      state: options.state ?? 'draft',
      actor: options.audit?.actor.label ?? options.actor ?? 'import',
      provenance: { format: parsed.format, sourceFile: document.name, contentHash: parsed.contentHash, importedAt: new Date().toISOString(), evidence: parsed.evidence },
      note: `Import aus „${document.name}“`,
    };
    const { audit } = options;
    const contribution = audit
      ? await audit.db.transaction(async (tx) => {
          const created = await repo.create(parsed.content, createOptions, tx);
          await audit.auditLog.record(
            {
              actorId: audit.actor.id,
              actor: audit.actor.label,
              action: 'contribution.import',
              entityType: 'contribution',
              entityId: created.id,
              after: { state: created.state, title: created.title, format: parsed.format, sourceFile: document.name },
              detail: `Import aus „${document.name}“`,
            },
            tx,
          );
          return created;
        })
      : await repo.create(parsed.content, createOptions);
    rememberStored(duplicates, contribution, parsed.content);
    return { file: document.name, outcome: 'imported', contribution, warnings: parsed.warnings, possibleDuplicates };
  } catch (error) {
    // Another process (or an identical file earlier in this run) may have imported the same bytes a moment ago (unique source hash).
    const raced = await repo.findBySourceHash(parsed.contentHash);
    if (raced) return { file: document.name, outcome: 'duplicate', contribution: raced, warnings: parsed.warnings };
    throw error;
  }
}
