import { createDocument } from '@mixmark-io/domino';
import TurndownService from 'turndown';

/*
 * HTML → the Markdown-ish text the extractors read (headings "#", lists "- "/"1. ", tables
 * "| a | b |", bold "**", links "[label](url)"). Used for pages saved from a browser and for
 * the HTML that mammoth makes of a DOCX. Runs inside the converter worker (sandbox.ts).
 */

/** Deeper element trees are refused: turndown and DOM cloning recurse once per level. */
export const MAX_HTML_DEPTH = 200;

export class TooDeepError extends Error {
  constructor() {
    super(`HTML nesting deeper than ${MAX_HTML_DEPTH}`);
  }
}

/** Markers of an HTML document at the start of a text (a saved page, not Markdown with inline tags). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart();
  if (/^(?:<!doctype\s+html|<html[\s>]|<!--\s*saved from url=)/i.test(head)) return true;
  // Fragments saved without doctype still open with <head> or <body>, or with a <meta charset>.
  return /^(?:<!--[\s\S]*?-->\s*)*<(?:head|body|meta\s)/i.test(head);
}

/** The charset a page declares in a <meta> element, lower-cased; null if none. */
export function declaredCharset(text: string): string | null {
  const head = text.slice(0, 4096);
  const m = /<meta\s[^>]*charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

// Page furniture that carries no content of the document.
const boilerplate = [
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'iframe',
  'svg',
  'canvas',
  'object',
  'embed',
  'dialog',
  'img',
  'picture',
  'video',
  'audio',
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="search"]',
  '.visually-hidden',
  '.sr-only',
].join(',');

export interface HtmlToMarkdownOptions {
  /** A browser page: drop site header/footer and prefer <main>/<article>. Off for mammoth's fragments. */
  page: boolean;
}

export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions): string {
  // The DOM parser slows down with depth, so hostile nesting is refused before parsing.
  if (markupDepth(html) > MAX_HTML_DEPTH * 5) throw new TooDeepError();
  const document = createDocument(html);
  const body = document.body ?? document.documentElement;
  if (!body) return '';
  if (treeDepth(body) > MAX_HTML_DEPTH) throw new TooDeepError();
  for (const element of Array.from(body.querySelectorAll(boilerplate))) element.remove();
  let root: Element = body;
  if (options.page) {
    // The site's header and footer, not those inside the article (which may hold its title).
    for (const element of Array.from(body.querySelectorAll('header, footer')))
      if (!element.parentElement?.closest('main, article, [role="main"]')) element.remove();
    const main = body.querySelectorAll('main, [role="main"]');
    const articles = body.querySelectorAll('article');
    root = (main.length === 1 ? main[0] : articles.length === 1 ? articles[0] : null) ?? body;
  }
  return cleanMarkdown(turndownService().turndown(root as HTMLElement));
}

// Elements without content or with an end the parser may imply: they do not nest in the count.
const flat = new Set('area base br col embed hr img input link meta source track wbr p li dt dd td th tr option'.split(' '));

/** An upper estimate of the nesting in the markup, from a scan of its tags (no parsing). */
function markupDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const name = (m[2] ?? '').toLowerCase();
    if (flat.has(name) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

/** Depth of the element tree, counted without recursion (the tree may be hostile). */
function treeDepth(root: Element): number {
  let max = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length) {
    const [element, depth] = stack.pop() as [Element, number];
    if (depth > max) max = depth;
    if (max > MAX_HTML_DEPTH) break;
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return max;
}

let service: TurndownService | null = null;

function turndownService(): TurndownService {
  if (service) return service;
  const s = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', strongDelimiter: '**', emDelimiter: '*', codeBlockStyle: 'fenced', hr: '---' });
  // The extractors read text, not Markdown source: "1." or "*" in a sentence must stay as written.
  s.escape = (text: string) => text;
  s.addRule('listItem', {
    filter: 'li',
    replacement(content, node) {
      const parent = node.parentNode as HTMLElement | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? '1');
        prefix = `${(Number.isFinite(start) ? start : 1) + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '').replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
      return `${prefix}${body}${node.nextSibling ? '\n' : ''}`;
    },
  });
  // Two-cell rows "| Label | value |" are what the field reader understands (fields.ts untable).
  s.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content) => ` ${content.replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '/').trim()} |`,
  });
  s.addRule('tableRow', { filter: 'tr', replacement: (content) => `\n|${content.replace(/\n/g, ' ')}\n` });
  s.addRule('table', {
    filter: 'table',
    replacement(content) {
      const rows = content.split('\n').filter((l) => l.trim() !== '');
      const columns = (rows[0]?.match(/ \|/g) ?? []).length;
      // A header separator as in GFM, so the text reads as a Markdown table.
      if (rows.length > 1 && columns > 0) rows.splice(1, 0, `|${'---|'.repeat(columns)}`);
      return `\n\n${rows.join('\n')}\n\n`;
    },
  });
  // Links without a usable target keep their text; "#" stays as a placeholder the extractor reports.
  s.addRule('link', {
    filter: (node) => node.nodeName === 'A' && node.getAttribute('href') !== null,
    replacement(content, node) {
      const href = ((node as HTMLElement).getAttribute('href') ?? '').trim();
      const label = content.replace(/\s*\n\s*/g, ' ').trim();
      if (!label) return '';
      if (/^(?:javascript|data):/i.test(href)) return label;
      if (href === `mailto:${label}`) return label;
      // A link that shows its own address is an autolink, as the text fixtures write it.
      if (href.replace(/\/$/, '') === label.replace(/\/$/, '')) return /^https?:\/\//i.test(label) ? `<${label}>` : label;
      return `[${label}](${href.replace(/[()\s]/g, (c) => ({ '(': '%28', ')': '%29' })[c] ?? '%20')})`;
    },
  });
  service = s;
  return s;
}

/** Tidies what turndown leaves: adjacent bold runs, non-breaking spaces, runs of blank lines. */
function cleanMarkdown(markdown: string): string {
  return markdown
    .replace(/\*\*\*\*(?=\S)/g, '')
    .replace(/\u00A0/g, ' ')
    .replace(/[ \t]+$/gm, (spaces) => (spaces.length >= 2 ? '  ' : ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
