/*
 * PDF with a text layer → Markdown-ish text. pdf.js gives positioned text pieces; this module
 * rebuilds lines (in the order the page draws them, which is the reading order of exported
 * documents), paragraphs (larger vertical gaps), wrapped lines (rejoined when the previous
 * line was full), table rows ("| a | b |" for wide horizontal gaps), headings (larger type),
 * bold and italic (from the font) and links (from link annotations). Runs in the converter worker.
 */

export interface PdfItem {
  str: string;
  x: number;
  /** Baseline, growing upwards. */
  y: number;
  width: number;
  size: number;
  bold: boolean;
  italic: boolean;
  url: string | null;
}

export interface PdfPageText {
  items: PdfItem[];
}

export interface PdfText {
  text: string;
  pages: number;
  pagesRead: number;
}

/** Thrown for a PDF that needs a password to open. */
export class PdfEncryptedError extends Error {}

interface FontInfo {
  name?: string;
  bold?: boolean;
  italic?: boolean;
  black?: boolean;
}

interface LinkAnnotation {
  subtype?: string;
  url?: string;
  rect?: number[];
}

export async function pdfToText(bytes: Uint8Array, maxPages: number): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    fontExtraProperties: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      throw error instanceof Error && error.name === 'PasswordException' ? new PdfEncryptedError() : error;
    });
    const pagesRead = Math.min(pdf.numPages, maxPages);
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= pagesRead; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const raw = content.items.filter((i): i is Extract<(typeof content.items)[number], { str: string }> => 'str' in i && i.str.trim() !== '');
      if (raw.length === 0) {
        pages.push({ items: [] });
        continue;
      }
      // Fonts (for bold and italic) are known only once the page's drawing operators were read.
      await page.getOperatorList();
      const fonts = new Map<string, FontInfo | undefined>();
      const font = (name: string): FontInfo | undefined => {
        if (!fonts.has(name)) {
          let info: FontInfo | undefined;
          try {
            info = page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontInfo) : undefined;
          } catch {
            info = undefined;
          }
          fonts.set(name, info);
        }
        return fonts.get(name);
      };
      const links = ((await page.getAnnotations()) as LinkAnnotation[]).filter((a) => a.subtype === 'Link' && a.url && a.rect?.length === 4);
      const items = raw.flatMap((i): PdfItem[] => {
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = i.transform as number[];
        const size = Math.hypot(c, d) || Math.hypot(a, b) || i.height || 10;
        const f = font(i.fontName);
        const name = f?.name ?? '';
        const item: PdfItem = {
          str: i.str,
          x,
          y,
          width: i.width,
          size,
          bold: Boolean(f?.bold || f?.black) || /bold|black|heavy|semibold|demi/i.test(name),
          italic: Boolean(f?.italic) || /italic|oblique|kursiv/i.test(name),
          url: null,
        };
        return links.length ? splitByLinks(item, links) : [item];
      });
      pages.push({ items });
      page.cleanup();
    }
    return { text: layoutPages(pages), pages: pdf.numPages, pagesRead };
  } finally {
    await task.destroy();
  }
}

/**
 * pdf.js merges the pieces of a line into one item, so a link annotation may cover only part
 * of an item: the item is cut where the link's rectangle begins and ends (characters are
 * assumed to be of equal width, which is close enough for a word boundary).
 */
function splitByLinks(item: PdfItem, links: readonly LinkAnnotation[]): PdfItem[] {
  const cy = item.y + item.size * 0.3;
  const n = item.str.length;
  const charWidth = n ? item.width / n : 0;
  const urls = Array.from({ length: n }, (_, k) => {
    const cx = item.x + charWidth * (k + 0.5);
    const link = links.find(({ rect = [] }) => {
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = rect;
      return cx >= Math.min(x1, x2) && cx <= Math.max(x1, x2) && cy >= Math.min(y1, y2) && cy <= Math.max(y1, y2);
    });
    return link?.url ?? null;
  });
  // Each word takes the target most of its characters lie under; estimates do not split words.
  for (const word of item.str.matchAll(/\S+/g)) {
    const counts = new Map<string | null, number>();
    for (let k = word.index; k < word.index + word[0].length; k++) counts.set(urls[k] ?? null, (counts.get(urls[k] ?? null) ?? 0) + 1);
    const majority = [...counts].sort((p, q) => q[1] - p[1])[0]?.[0] ?? null;
    urls.fill(majority, word.index, word.index + word[0].length);
  }
  for (const space of item.str.matchAll(/\s+/g)) urls.fill(null, space.index, space.index + space[0].length);
  const parts: PdfItem[] = [];
  let start = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && urls[k] === urls[start]) continue;
    parts.push({ ...item, str: item.str.slice(start, k), x: item.x + charWidth * start, width: charWidth * (k - start), url: urls[start] ?? null });
    start = k;
  }
  return parts;
}

interface Line {
  items: PdfItem[];
  y: number;
  size: number;
  left: number;
  right: number;
}

interface Block {
  text: string;
  line: Line;
  row: boolean;
  /** Where the last cell of a table row starts: a wrapped cell continues there. */
  lastCellX: number;
}

/** Positioned text of all pages → Markdown-ish text. Pure, so it is tested without PDFs. */
export function layoutPages(pages: readonly PdfPageText[]): string {
  const body = bodySize(pages);
  const out: string[] = [];
  for (const page of pages) {
    const lines = groupLines(page.items).filter((l) => !isPageNumber(plain(l)));
    if (!lines.length) continue;
    const advance = lineAdvance(lines, body);
    const rightEdge = lines.reduce((max, l) => Math.max(max, l.right), 0);
    let previous: Block | null = null;
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length) out.push(paragraph.join('\n'));
      paragraph = [];
    };
    for (const line of lines) {
      const block = renderLine(line, body);
      const gap = previous ? previous.line.y - line.y : 0;
      const heading = block.text.startsWith('#');
      const near = previous !== null && gap >= -line.size && gap <= advance * 1.25;
      if (!previous || !near || heading || previous.text.startsWith('#')) {
        flush();
        paragraph.push(block.text);
        previous = block;
        continue;
      }
      if (previous.row && !block.row && line.left >= previous.lastCellX - line.size) {
        // The wrapped text of a table row's last cell.
        const last = paragraph.pop() ?? '';
        paragraph.push(`${last.replace(/ \|$/, '')} ${block.text} |`);
        previous = { ...previous, line: { ...line, left: previous.line.left } };
        continue;
      }
      const continues = !block.row && !previous.row && line.left >= previous.line.left - line.size * 0.5 && !/^(?:- |\d{1,2}[.)] )/.test(block.text);
      if (continues && wasWrapped(previous.line, line, rightEdge)) {
        const last = paragraph.pop() ?? '';
        const joined = /\p{L}-$/u.test(last) ? `${last}${block.text}` : `${last} ${block.text}`;
        // "**a** **b**" across a wrap is one bold phrase.
        paragraph.push(joined.replace(/\*\* \*\*/g, ' '));
        // The paragraph keeps the left edge of its first line (a list item's number hangs out).
        previous = { ...block, line: { ...line, left: previous.line.left } };
        continue;
      }
      paragraph.push(block.text);
      previous = block;
    }
    flush();
  }
  return out.join('\n\n');
}

const plain = (line: Line) => line.items.map((i) => i.str).join(' ').trim();
const isPageNumber = (text: string) => /^(?:(?:Seite|S\.)\s*)?\d{1,4}(?:\s*(?:von|\/)\s*\d{1,4})?$/i.test(text) || /^-\s*\d{1,4}\s*-$/.test(text);

/** The most common type size, weighted by characters: the size of body text. */
function bodySize(pages: readonly PdfPageText[]): number {
  const counts = new Map<number, number>();
  for (const page of pages) for (const i of page.items) counts.set(Math.round(i.size * 2) / 2, (counts.get(Math.round(i.size * 2) / 2) ?? 0) + i.str.length);
  let best = 10;
  let bestCount = -1;
  for (const [size, count] of counts) if (count > bestCount) [best, bestCount] = [size, count];
  return best;
}

/** Items in drawing order; a new line starts where the baseline moves by more than half the type size. */
function groupLines(items: readonly PdfItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (!current || Math.abs(item.y - current.y) > Math.max(item.size, current.size) * 0.5) {
      current = { items: [], y: item.y, size: item.size, left: item.x, right: item.x + item.width };
      lines.push(current);
    }
    current.items.push(item);
    current.size = Math.max(current.size, item.size);
    current.left = Math.min(current.left, item.x);
    current.right = Math.max(current.right, item.x + item.width);
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

/**
 * The usual distance between two lines of a paragraph: the lower quartile of the gaps, but no
 * more than 1.45 times the body size (a page of one-line paragraphs has only paragraph gaps).
 */
function lineAdvance(lines: readonly Line[], body: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = (lines[i - 1]?.y ?? 0) - (lines[i]?.y ?? 0);
    if (gap > body * 0.8) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  return Math.min(Math.max(gaps[Math.floor(gaps.length / 4)] ?? body * 1.2, body), body * 1.45);
}

/** A line was wrapped if the next line's first word would not have fitted at its end. */
function wasWrapped(previous: Line, next: Line, rightEdge: number): boolean {
  const first = next.items[0];
  if (!first) return false;
  const word = /^\S+/.exec(first.str)?.[0] ?? '';
  const wordWidth = first.str.length ? (first.width * word.length) / first.str.length : 0;
  return previous.right + previous.size * 0.3 + wordWidth > rightEdge - previous.size * 0.5;
}

interface Piece {
  text: string;
  bold: boolean;
  italic: boolean;
  url: string | null;
}

function renderLine(line: Line, body: number): Block {
  const cells: Piece[][] = [[]];
  const cellStarts: number[] = [line.items[0]?.x ?? line.left];
  let previous: PdfItem | null = null;
  for (const item of line.items) {
    const cell = cells[cells.length - 1] as Piece[];
    if (previous) {
      const gap = item.x - (previous.x + previous.width);
      // Faux bold: the same text printed twice at (nearly) the same place.
      if (item.str === previous.str && Math.abs(item.x - previous.x) < item.size * 0.2) continue;
      if (gap > Math.max(item.size, previous.size) * 1.5) {
        cells.push([]);
        cellStarts.push(item.x);
      }
      else if (gap > item.size * 0.12 && !/\s$/.test(previous.str) && !/^\s/.test(item.str)) cell.push({ text: ' ', bold: previous.bold && item.bold, italic: previous.italic && item.italic, url: null });
    }
    (cells[cells.length - 1] as Piece[]).push({ text: item.str, bold: item.bold, italic: item.italic, url: item.url });
    previous = item;
  }
  const rendered = cells.map(renderPieces).filter((c) => c !== '');
  const row = rendered.length > 1;
  let text = row ? `| ${rendered.join(' | ')} |` : (rendered[0] ?? '');
  // Bullet glyphs (Symbol font bullets arrive as private-use characters) become Markdown list items.
  text = text.replace(/^(?:[•▪●◦■‣\uF0A7\uF0B7]|\*\*[•▪●◦■]\*\*)\s*/u, '- ');
  if (!row && line.size >= body * 1.2 && text.length <= 200) text = `${line.size >= body * 1.5 ? '#' : '##'} ${text.replace(/\*\*/g, '')}`;
  const lastCell = cellStarts[cellStarts.length - 1] ?? line.left;
  return { text, line, row, lastCellX: lastCell };
}

/** Pieces → text with **bold**, *italic* and [label](url), merging neighbours of the same kind. */
function renderPieces(pieces: readonly Piece[]): string {
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    const spaceJoins = p.text === ' ' && last !== undefined;
    if (last && (spaceJoins || (last.bold === p.bold && last.italic === p.italic && last.url === p.url))) last.text += p.text;
    else merged.push({ ...p });
  }
  return merged
    .map((p) => {
      const text = p.text.trim();
      if (!text) return p.text;
      const lead = /^\s*/.exec(p.text)?.[0] ? ' ' : '';
      const trail = /\s$/.test(p.text) ? ' ' : '';
      let s = text;
      if (p.italic) s = `*${s}*`;
      if (p.bold) s = `**${s}**`;
      if (p.url) {
        // A link that shows its own address (maybe followed by the sentence's full stop) is an autolink.
        const [, shown = text, punctuation = ''] = /^(.*?)([.,;:!?)\]]*)$/.exec(text) ?? [];
        const bare = (u: string) => u.replace(/^(?:https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
        if (bare(p.url) !== bare(shown)) s = `[${s}](${p.url})`;
        else if (/^https?:\/\//i.test(shown) && !p.bold && !p.italic) s = `<${shown}>${punctuation}`;
      }
      return lead + s + trail;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
