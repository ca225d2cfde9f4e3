import { opendir, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';

/** Extensions taken from folders; files named on the command line are always tried (their bytes decide). */
export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx', '.pdf', '.html', '.htm'] as const;

export type SourceEntry =
  /** A file to import; `name` is what reports show (relative to the folder given, or the file's name). */
  | { kind: 'file'; path: string; name: string; size: number }
  | { kind: 'skipped'; path: string; name: string; reason: string }
  | { kind: 'missing'; path: string; name: string; reason: string };

const isSupported = (name: string) => (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());

/**
 * The files behind the given paths, one at a time: files as they are, folders recursively in
 * name order (hidden entries like `.git` left out, symbolic links to folders not followed, so a
 * loop cannot occur). Only names and sizes are read, never contents; one folder's listing is
 * held at a time.
 */
export async function* walkSources(paths: readonly string[]): AsyncGenerator<SourceEntry> {
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'existiert nicht' : 'kann nicht gelesen werden';
      yield { kind: 'missing', path, name: basename(path), reason: `„${path}“ ${why}.` };
      continue;
    }
    if (info.isFile()) yield { kind: 'file', path, name: basename(path), size: info.size };
    else if (info.isDirectory()) yield* walkFolder(path, path);
    else yield { kind: 'missing', path, name: basename(path), reason: `„${path}“ ist weder Datei noch Ordner.` };
  }
}

async function* walkFolder(root: string, folder: string): AsyncGenerator<SourceEntry> {
  let names: Array<{ name: string; isDir: boolean; isFile: boolean; isLink: boolean }>;
  try {
    const entries = [];
    for await (const entry of await opendir(folder)) entries.push({ name: entry.name, isDir: entry.isDirectory(), isFile: entry.isFile(), isLink: entry.isSymbolicLink() });
    names = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    yield { kind: 'missing', path: folder, name: relative(root, folder) || basename(folder), reason: `Ordner „${folder}“ kann nicht gelesen werden.` };
    return;
  }
  for (const entry of names) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    const name = relative(root, path);
    if (entry.isDir) {
      yield* walkFolder(root, path);
      continue;
    }
    let size = 0;
    if (entry.isLink) {
      // A link to a file is imported like the file; a link to a folder is not followed.
      const target = await stat(path).catch(() => null);
      if (!target?.isFile()) {
        yield { kind: 'skipped', path, name, reason: `„${name}“ übersprungen: Verknüpfung auf einen Ordner oder ein fehlendes Ziel.` };
        continue;
      }
      size = target.size;
    } else if (!entry.isFile) {
      yield { kind: 'skipped', path, name, reason: `„${name}“ übersprungen: keine gewöhnliche Datei.` };
      continue;
    }
    if (!isSupported(entry.name)) {
      yield { kind: 'skipped', path, name, reason: `„${name}“ übersprungen: Dateityp „${extname(entry.name) || 'ohne Endung'}“ wird nicht importiert (unterstützt: ${SUPPORTED_EXTENSIONS.join(' ')}).` };
      continue;
    }
    if (!entry.isLink) size = (await stat(path).catch(() => ({ size: 0 }))).size;
    yield { kind: 'file', path, name, size };
  }
}
