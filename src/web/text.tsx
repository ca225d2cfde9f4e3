import type { FC } from 'hono/jsx';
import { renderMarkdown } from './markdown.ts';

/** Plain text with blank lines as paragraph breaks; JSX escapes every character. */
export const Paragraphs: FC<{ text: string }> = ({ text }) => (
  <>
    {text
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph !== '')
      .map((paragraph) => (
        <p>{paragraph}</p>
      ))}
  </>
);

/** Markdown field rendered through the sanitiser; the only place pages embed raw HTML. */
export const Markdown: FC<{ source: string }> = ({ source }) => (
  <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />
);

/** Treats null, empty and whitespace-only text alike, so empty sections disappear. */
export function hasText(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
