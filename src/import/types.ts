import type { ContributionContent } from '../domain/contribution.ts';

export type DocumentFormat = 'questionnaire' | 'factsheet';

/** Something the extractor could not find or had to guess; shown to editors beside the draft. */
export interface ImportWarning {
  /** Field path in ContributionContent, e.g. "sponsor.postcode", or "document". */
  field: string;
  code: 'missing' | 'guessed' | 'ambiguous' | 'encoding' | 'placeholder_link';
  /** German, names the field in words an editor understands. */
  message: string;
}

export interface ParsedDocument {
  ok: true;
  sourceFile: string;
  /** sha256 (hex) of the raw bytes. */
  contentHash: string;
  format: DocumentFormat;
  content: ContributionContent;
  warnings: ImportWarning[];
}

export interface RejectedDocument {
  ok: false;
  sourceFile: string;
  contentHash: string | null;
  code: 'empty' | 'binary' | 'too_large' | 'unrecognised' | 'invalid';
  /** German, names the file and the reason. */
  reason: string;
}

export type ParseOutcome = ParsedDocument | RejectedDocument;
