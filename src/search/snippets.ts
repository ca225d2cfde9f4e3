import { tokenize } from './analyzer.ts';
import type { Snippet } from './types.ts';

/** The whole text with every word whose index term matched marked (for titles). */
export function highlight(text: string, matched: ReadonlySet<string>): Snippet {
  const segments: Snippet = [];
  let position = 0;
  for (const token of tokenize(text)) {
    if (!matched.has(token.term)) continue;
    if (token.start > position) segments.push({ text: text.slice(position, token.start), match: false });
    segments.push({ text: text.slice(token.start, token.end), match: true });
    position = token.end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), match: false });
  return segments;
}

/**
 * The window of about `words` words with the most matches, cut at word boundaries and marked.
 * Markdown markup is removed first so snippets read as plain text.
 */
export function bestSnippet(markdown: string, matched: ReadonlySet<string>, words = 28): { snippet: Snippet; matches: number } | null {
  const text = plainText(markdown);
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  let bestStart = 0;
  let bestCount = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (!matched.has(tokens[i]!.term) && i !== 0) continue;
    let count = 0;
    for (let j = i; j < Math.min(tokens.length, i + words); j++) if (matched.has(tokens[j]!.term)) count++;
    if (count > bestCount) {
      bestCount = count;
      // Start a few words before the first match so the snippet has context.
      bestStart = Math.max(0, i - 3);
    }
  }
  const first = tokens[bestStart]!;
  const last = tokens[Math.min(tokens.length - 1, bestStart + words - 1)]!;
  const start = bestStart === 0 ? 0 : first.start;
  const end = last === tokens[tokens.length - 1] ? text.length : last.end;
  const excerpt = highlight(text.slice(start, end), matched);
  if (start > 0) excerpt.unshift({ text: '… ', match: false });
  if (end < text.length) excerpt.push({ text: ' …', match: false });
  return { snippet: excerpt, matches: Math.max(0, bestCount) };
}

function plainText(markdown: string): string {
  return (
    markdown
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      // Addresses say nothing in a snippet and break the line badly.
      .replace(/\(?<https?:[^>]+>\)?/g, '')
      .replace(/\(?https?:\/\/\S+\)?/g, '')
      // Emphasis markers only at word edges, so gender stars ("Referent*innen") stay.
      .replace(/(^|[\s(])[*_]+(?=\S)/g, '$1')
      .replace(/(?<=\S)[*_]+(?=[\s).,;:!?]|$)/g, '')
      .replace(/(^|\n)\s*(#+|>)\s*/g, '$1')
      .replace(/`/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
