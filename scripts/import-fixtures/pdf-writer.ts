import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Block, Run } from './blocks.ts';

/*
 * Lays the document model out on A4 pages the way a word processor exports it: wrapped
 * paragraphs with space after them, bold and italic fonts, hanging list numbers and bullets,
 * table rows with cells side by side, and link annotations over linked text. Deterministic:
 * fixed dates and no document id.
 */

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BODY = 11;
const LEADING = 1.25;
const AFTER_PARAGRAPH = 7;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

interface Word {
  text: string;
  font: PDFFont;
  href: string | null;
  /** A space precedes the word. */
  space: boolean;
  br: boolean;
  /** A tab: the next word starts at the next tab stop, as a word processor's export sets it. */
  tab?: boolean;
}

const TAB_STOP = 150;

export async function writePdf(blocks: readonly Block[], options: { drawText?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    boldItalic: await doc.embedFont(StandardFonts.HelveticaBoldOblique),
  };
  let page = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const right = PAGE[0] - MARGIN;
  const newPageIfNeeded = (height: number) => {
    if (y - height >= MARGIN) return;
    page = doc.addPage(PAGE);
    y = PAGE[1] - MARGIN;
  };
  const fontFor = (r: Run, heading: boolean) => (r.bold || heading ? (r.italic ? fonts.boldItalic : fonts.bold) : r.italic ? fonts.italic : fonts.regular);

  /** Draws words from x0 to x1, wrapping; returns the number of lines used. */
  const flow = (words: readonly Word[], x0: number, x1: number, size: number, draw: boolean): number => {
    let lines = 1;
    let x = x0;
    let lineY = y;
    for (const w of words) {
      if (w.tab) {
        x = x0 + (Math.floor((x - x0) / TAB_STOP) + 1) * TAB_STOP;
        continue;
      }
      if (w.br) {
        lines++;
        x = x0;
        lineY -= size * LEADING;
        continue;
      }
      const space = w.space && x > x0 ? w.font.widthOfTextAtSize(' ', size) : 0;
      const width = w.font.widthOfTextAtSize(w.text, size);
      let at = x + space;
      if (at + width > x1 && x > x0) {
        lines++;
        lineY -= size * LEADING;
        at = x0;
      }
      if (draw && options.drawText !== false) {
        page.drawText(w.text, { x: at, y: lineY, size, font: w.font });
        if (w.href && w.href !== '#') addLink(page, w.href, at, lineY - 2, width, size + 2);
      }
      x = at + width;
    }
    return lines;
  };

  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'table') {
      const columns = Math.max(...block.rows.map((r) => r.length));
      const first = Math.min(170, (right - MARGIN) / columns);
      const edges = [MARGIN, ...Array.from({ length: columns }, (_, i) => MARGIN + first + ((right - MARGIN - first) * i) / Math.max(1, columns - 1))];
      for (const row of block.rows) {
        const cellWords = row.map((cell) => toWords(cell, fonts, fontFor, false));
        const height = Math.max(...cellWords.map((words, i) => flow(words, (edges[i] ?? MARGIN) + 2, (edges[i + 1] ?? right) - 8, BODY, false)));
        newPageIfNeeded(height * BODY * LEADING);
        cellWords.forEach((words, i) => flow(words, (edges[i] ?? MARGIN) + 2, (edges[i + 1] ?? right) - 8, BODY, true));
        y -= height * BODY * LEADING + 3;
      }
      y -= AFTER_PARAGRAPH;
      continue;
    }
    const size = block.heading === 1 ? 17 : block.heading === 2 ? 14 : block.heading ? 12 : BODY;
    const words = toWords(block.runs, fonts, fontFor, block.heading > 0);
    let x0 = MARGIN;
    if (block.list) {
      const indent = MARGIN + 18 * (block.list.level + 1);
      const marker = block.list.ordered ? `${block.list.number}.` : '•';
      newPageIfNeeded(size * LEADING);
      if (options.drawText !== false) page.drawText(marker, { x: indent - 14, y, size, font: fonts.regular });
      x0 = indent;
    }
    const lines = flow(words, x0, right, size, false);
    newPageIfNeeded(lines * size * LEADING);
    flow(words, x0, right, size, true);
    // List items follow each other closely; the list as a whole has space after it.
    const next = blocks[index + 1];
    y -= lines * size * LEADING + (block.list && next?.kind === 'paragraph' && next.list ? 2 : AFTER_PARAGRAPH);
  }
  // Page numbers in the footer, as exported documents have them (the reader drops them).
  const pages = doc.getPages();
  pages.forEach((p, i) => p.drawText(`Seite ${i + 1} von ${pages.length}`, { x: PAGE[0] / 2 - 30, y: MARGIN / 2, size: 9, font: fonts.regular }));
  return doc.save({ useObjectStreams: false });
}

function toWords(runs: readonly Run[], fonts: Fonts, fontFor: (r: Run, heading: boolean) => PDFFont, heading: boolean): Word[] {
  const words: Word[] = [];
  let pendingSpace = false;
  for (const r of runs) {
    if (r.br) {
      words.push({ text: '', font: fonts.regular, href: null, space: false, br: true });
      pendingSpace = false;
      continue;
    }
    const font = fontFor(r, heading);
    const parts = winAnsi(r.text, font).split(/( +|\t)/);
    for (const part of parts) {
      if (part === '') continue;
      if (part === '\t') {
        words.push({ text: '', font, href: null, space: false, br: false, tab: true });
        pendingSpace = false;
        continue;
      }
      if (/^ +$/.test(part)) {
        pendingSpace = true;
        continue;
      }
      words.push({ text: part, font, href: r.href, space: pendingSpace, br: false });
      pendingSpace = false;
    }
  }
  return words;
}

/** The standard fonts know WinAnsi only; anything else becomes "?" (the fixtures are German text). */
function winAnsi(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  // A tab is layout, not a glyph; an arrow is written as the ASCII arrow a plain export would show.
  return [...text].map((c) => (c === '\t' || supported.has(c.codePointAt(0) ?? 0) ? c : c === '→' ? '->' : '?')).join('');
}

function addLink(page: PDFPage, href: string, x: number, y: number, width: number, height: number): void {
  const context = page.doc.context;
  const link = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [x, y, x + width, y + height],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(href) },
    }),
  );
  const annots = page.node.Annots();
  if (annots) annots.push(link);
  else page.node.set(PDFName.of('Annots'), context.obj([link]));
}
