import type { ContributionContent } from '../domain/contribution.ts';
import type { Evidence } from './evidence.ts';

export type { Evidence } from './evidence.ts';

export type DocumentFormat = 'questionnaire' | 'factsheet';

/** The kind of file a document came in; all are read into the same Markdown-ish text. */
export type FileType = 'text' | 'docx' | 'pdf' | 'html';

/** Something the extractor could not find or had to guess; shown to editors beside the draft. */
export interface ImportWarning {
  /** Field path in ContributionContent, e.g. "sponsor.postcode", or "document". */
  field: string;
  code: 'missing' | 'guessed' | 'ambiguous' | 'encoding' | 'placeholder_link' | 'truncated';
  /** German, names the field in words an editor understands. */
  message: string;
}

export interface ParsedDocument {
  ok: true;
  sourceFile: string;
  /** sha256 (hex) of the raw bytes. */
  contentHash: string;
  format: DocumentFormat;
  fileType: FileType;
  content: ContributionContent;
  warnings: ImportWarning[];
  /** Where each extracted value stands in the document (content path → source line). */
  evidence: Evidence[];
}

export interface RejectedDocument {
  ok: false;
  sourceFile: string;
  contentHash: string | null;
  code:
    | 'empty'
    | 'binary'
    | 'too_large'
    | 'unrecognised'
    | 'invalid'
    /** A known format that is not read (.doc, .odt, a ZIP that is no DOCX, a password-protected PDF). */
    | 'unsupported'
    /** A DOCX or PDF whose structure is broken. */
    | 'damaged'
    /** A PDF without a text layer. */
    | 'no_text'
    /** Limits against hostile input: nesting, line length, text length, reading time. */
    | 'too_complex';
  /** German, names the file and the reason. */
  reason: string;
}

export type ParseOutcome = ParsedDocument | RejectedDocument;
