import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocument } from './markdown.ts';

/** The editable page texts: URL path → Markdown file in the content directory, with a fallback title. */
export const contentPages = {
  impressum: { file: 'impressum.md', title: 'Impressum', description: 'Impressum: Anbieterkennzeichnung des Nachhaltigkeitsbaukastens.' },
  datenschutz: { file: 'datenschutz.md', title: 'Datenschutzerklärung', description: 'Wie der Nachhaltigkeitsbaukasten mit personenbezogenen Daten umgeht.' },
  barrierefreiheit: {
    file: 'barrierefreiheit.md',
    title: 'Erklärung zur Barrierefreiheit',
    description: 'Erklärung zur Barrierefreiheit des Nachhaltigkeitsbaukastens nach BITV 2.0.',
  },
} as const;
export type ContentPageName = keyof typeof contentPages;

export const defaultContentDir = fileURLToPath(new URL('../../content/', import.meta.url));

export interface RenderedContent {
  title: string;
  html: string;
}

/**
 * Reads content/*.md at request time and keeps the rendered HTML until the file's mtime or size
 * changes, so operators edit the texts without a code change or restart.
 */
export function createContentStore(dir: string = defaultContentDir) {
  const cache = new Map<string, { mtimeMs: number; size: number; page: RenderedContent }>();
  return {
    async load(name: ContentPageName): Promise<RenderedContent | null> {
      const { file, title } = contentPages[name];
      const path = join(dir, file);
      let info;
      try {
        info = await stat(path);
      } catch {
        return null;
      }
      const cached = cache.get(path);
      if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.page;
      const rendered = renderDocument(await readFile(path, 'utf8'));
      const page = { title: rendered.title ?? title, html: rendered.html };
      cache.set(path, { mtimeMs: info.mtimeMs, size: info.size, page });
      return page;
    },
  };
}
export type ContentStore = ReturnType<typeof createContentStore>;
