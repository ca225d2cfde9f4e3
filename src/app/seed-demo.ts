import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ContributionRepository } from '../storage/contributions-repository.ts';
import { importDocuments, type ImportResult } from './import-documents.ts';

export const demoDir = fileURLToPath(new URL('../../data/demo/', import.meta.url));

/**
 * Imports the two source documents shipped in data/demo as published contributions.
 * Idempotent: later starts find them by content hash and change nothing, even if
 * editors have since edited or archived them.
 */
export async function seedDemoContent(repo: ContributionRepository): Promise<ImportResult[]> {
  const documents = readdirSync(demoDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(demoDir + name) }));
  return importDocuments(repo, documents, { state: 'published', actor: 'demo-seed' });
}
