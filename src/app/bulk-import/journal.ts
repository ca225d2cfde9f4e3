import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The import journal remembers files the importer rejected, by the SHA-256 of their bytes, so a
 * resumed or repeated bulk import does not parse them again (imported files need no journal: the
 * database finds them by the same hash). A rejection depends only on the bytes and the importer's
 * code, not on the database, so one journal serves every database. Each entry carries the
 * importer's fingerprint (a hash of src/import/); after an update of the importer, old entries no
 * longer apply and those files are tried again. The file is NDJSON, appended one line per
 * rejection and written through at once, so an interruption loses at most the line being written;
 * a damaged last line is ignored.
 */

export interface JournalEntry {
  hash: string;
  file: string;
  reason: string;
  importer: string;
  at: string;
}

export interface ImportJournal {
  /** The recorded reason when these bytes were rejected by this importer version. */
  rejectedReason(hash: string): string | null;
  recordRejection(hash: string, file: string, reason: string): void;
  close(): void;
}

export function openJournal(path: string, importer: string = importerFingerprint()): ImportJournal {
  const rejected = new Map<string, string>();
  if (existsSync(path)) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as Partial<JournalEntry>;
        if (entry.importer === importer && typeof entry.hash === 'string' && typeof entry.reason === 'string') rejected.set(entry.hash, entry.reason);
      } catch {
        // A line cut off by an interruption: that file is simply parsed again.
      }
    }
  } else {
    mkdirSync(dirname(path), { recursive: true });
  }
  let fd: number | null = null;
  return {
    rejectedReason: (hash) => rejected.get(hash) ?? null,
    recordRejection(hash, file, reason) {
      if (rejected.get(hash) === reason) return;
      rejected.set(hash, reason);
      fd ??= openSync(path, 'a');
      const entry: JournalEntry = { hash, file, reason, importer, at: new Date().toISOString() };
      writeSync(fd, `${JSON.stringify(entry)}\n`);
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

let fingerprint: string | null = null;

/** SHA-256 over the importer's source files (src/import, without tests), computed once per process. */
export function importerFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = fileURLToPath(new URL('../../import/', import.meta.url));
  const hash = createHash('sha256');
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(?:ts|mjs|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) hash.update(path.slice(root.length)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  visit(root);
  return (fingerprint = hash.digest('hex').slice(0, 16));
}
