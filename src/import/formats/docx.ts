import { unzipSync, zipSync, type UnzipFileInfo } from 'fflate';
import { rejectionReasons } from '../messages.ts';
import type { RejectedDocument } from '../types.ts';
import { htmlToMarkdown } from './html.ts';

/*
 * DOCX: a ZIP whose word/document.xml mammoth turns into HTML, which html.ts turns into the
 * Markdown-ish text. The ZIP directory is checked before anything is unpacked (ZIP bombs), and
 * only the XML parts are unpacked, each at most to the size its directory entry declares.
 */

export const DOCX_LIMITS = {
  /** A Word document has a few dozen parts plus its media. */
  maxEntries: 2000,
  /** Sum of the uncompressed XML parts; a long report's document.xml is a few MB. */
  maxUnpackedBytes: 30 * 1024 * 1024,
};

export type UnpackedDocx = { ok: true; parts: Record<string, Uint8Array> } | { ok: false; code: RejectedDocument['code']; reason: string };

const isXmlPart = (name: string) => /\.(?:xml|rels)$/i.test(name) && !/^word\/media\//i.test(name);

/** Cheap, synchronous and bounded: runs on the caller's thread before any conversion. */
export function unpackDocx(bytes: Uint8Array, sourceFile: string): UnpackedDocx {
  const entries: UnzipFileInfo[] = [];
  try {
    // A filter that takes nothing reads only the central directory.
    unzipSync(bytes, {
      filter: (entry) => {
        entries.push(entry);
        return false;
      },
    });
  } catch {
    return { ok: false, code: 'damaged', reason: rejectionReasons.damaged(sourceFile, 'docx') };
  }
  if (entries.length > DOCX_LIMITS.maxEntries)
    return { ok: false, code: 'too_large', reason: rejectionReasons.zipEntries(sourceFile, entries.length, DOCX_LIMITS.maxEntries) };
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('word/document.xml')) {
    if (names.has('mimetype') && names.has('content.xml')) return { ok: false, code: 'unsupported', reason: rejectionReasons.openDocument(sourceFile) };
    return { ok: false, code: 'unsupported', reason: rejectionReasons.zipNotDocx(sourceFile) };
  }
  const wanted = entries.filter((e) => isXmlPart(e.name));
  const unpacked = wanted.reduce((sum, e) => sum + Math.max(0, e.originalSize), 0);
  if (unpacked > DOCX_LIMITS.maxUnpackedBytes)
    return { ok: false, code: 'too_large', reason: rejectionReasons.zipBomb(sourceFile, unpacked, DOCX_LIMITS.maxUnpackedBytes) };
  try {
    // fflate inflates into a buffer of the declared size, so an entry that lies about its size is cut, not grown.
    const parts = unzipSync(bytes, { filter: (entry) => isXmlPart(entry.name) });
    return { ok: true, parts };
  } catch {
    return { ok: false, code: 'damaged', reason: rejectionReasons.damaged(sourceFile, 'docx') };
  }
}

/** The parts of mammoth's document model this module touches. */
interface DocxElement {
  type: string;
  children?: DocxElement[];
  numbering?: { isOrdered: boolean; level: string } | null;
  value?: string;
}

/**
 * Word numbers a list's items across the paragraphs between them (a questionnaire's questions
 * with their answers), but mammoth writes every interrupted list as a new <ol> starting at 1.
 * Top-level ordered items therefore get their number written out, counted per Word list level
 * (mammoth shares one level object per list definition).
 */
function numberTopLevelItems(): (element: DocxElement) => DocxElement {
  const counters = new Map<object, number>();
  const visit = (element: DocxElement): DocxElement => {
    if (element.type === 'paragraph' && element.numbering?.isOrdered && element.numbering.level === '0') {
      const count = (counters.get(element.numbering) ?? 0) + 1;
      counters.set(element.numbering, count);
      const number: DocxElement = { type: 'run', children: [{ type: 'text', value: `${count}. ` }] };
      return { ...element, numbering: null, children: [number, ...(element.children ?? [])] };
    }
    if (element.children) element.children = element.children.map(visit);
    return element;
  };
  return visit;
}

// Word's built-in "Title" and "Subtitle" styles are headings of the document, too.
const styleMap = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/** Runs in the converter worker: the unpacked XML parts → Markdown-ish text. */
export async function docxToMarkdown(parts: Record<string, Uint8Array>): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  const zip = zipSync(parts, { level: 0 });
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) },
    {
      styleMap,
      ignoreEmptyParagraphs: true,
      externalFileAccess: false,
      transformDocument: numberTopLevelItems(),
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    },
  );
  return htmlToMarkdown(result.value, { page: false });
}
