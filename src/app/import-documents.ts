import type { Contribution, ContributionContent, EditorialState } from '../domain/contribution.ts';
import { DEFAULT_MAX_BYTES } from '../import/decode.ts';
import { contentHashOf, parseDocument } from '../import/parse-document.ts';
import type { ImportWarning } from '../import/types.ts';
import type { ContributionRepository } from '../storage/contributions-repository.ts';

export interface SourceDocument {
  /** File name shown in messages and kept as provenance. */
  name: string;
  bytes: Uint8Array;
}

export type ImportResult =
  | { file: string; outcome: 'imported' | 'duplicate'; contribution: Contribution; warnings: ImportWarning[] }
  | { file: string; outcome: 'parsed'; draft: ContributionContent; warnings: ImportWarning[] }
  | { file: string; outcome: 'rejected'; reason: string };

export interface ImportOptions {
  dryRun?: boolean;
  state?: EditorialState;
  actor?: string;
}

/**
 * Parses each document and stores it as one contribution. Each document is written in its
 * own transaction (inside repo.create), so a failure leaves nothing half-written; a document
 * whose bytes were imported before is reported as a duplicate (idempotent by content hash).
 */
export async function importDocuments(
  repo: ContributionRepository,
  documents: Iterable<SourceDocument>,
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const document of documents) results.push(await importOne(repo, document, options));
  return results;
}

async function importOne(repo: ContributionRepository, document: SourceDocument, options: ImportOptions): Promise<ImportResult> {
  // Known bytes need no parsing: look them up first (this keeps repeated starts and bulk re-runs fast).
  if (!options.dryRun && document.bytes.length > 0 && document.bytes.length <= DEFAULT_MAX_BYTES) {
    const existing = await repo.findBySourceHash(contentHashOf(document.bytes));
    if (existing) return { file: document.name, outcome: 'duplicate', contribution: existing, warnings: [] };
  }
  const parsed = await parseDocument(document.bytes, document.name);
  if (!parsed.ok) return { file: document.name, outcome: 'rejected', reason: parsed.reason };
  if (options.dryRun) return { file: document.name, outcome: 'parsed', draft: parsed.content, warnings: parsed.warnings };

  try {
    const contribution = await repo.create(parsed.content, {
      state: options.state ?? 'draft',
      actor: options.actor ?? 'import',
      provenance: { format: parsed.format, sourceFile: document.name, contentHash: parsed.contentHash, importedAt: new Date().toISOString() },
      note: `Import aus „${document.name}“`,
    });
    return { file: document.name, outcome: 'imported', contribution, warnings: parsed.warnings };
  } catch (error) {
    // Another process may have imported the same bytes a moment ago (unique source hash).
    const raced = await repo.findBySourceHash(parsed.contentHash);
    if (raced) return { file: document.name, outcome: 'duplicate', contribution: raced, warnings: parsed.warnings };
    throw error;
  }
}
