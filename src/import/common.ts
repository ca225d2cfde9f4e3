import type { ContributionContentInput } from '../domain/contribution.ts';
import { findLegalReferences } from './extract/legal.ts';
import { findLinks } from './extract/links.ts';
import { missing, warning } from './messages.ts';
import type { ImportWarning } from './types.ts';

/** What a format-specific extractor produces: a draft for the schema, or a German rejection reason. */
export type ExtractResult =
  | { ok: true; content: ContributionContentInput; warnings: ImportWarning[] }
  | { ok: false; reason: string };

/** Extractions that read the whole document the same way in both formats. */
export function extractDocumentWide(text: string): Pick<ContributionContentInput, 'links' | 'legalReferences'> & { warnings: ImportWarning[] } {
  const warnings: ImportWarning[] = [];
  const { links, placeholders, invalid } = findLinks(text);
  for (const label of placeholders)
    warnings.push(warning('links', 'placeholder_link', `Der Link „${label}“ hat im Dokument kein Ziel. Bitte die Internetadresse ergänzen.`));
  for (const url of invalid) warnings.push(warning('links', 'ambiguous', `„${url}“ ist keine gültige Internetadresse und wurde nicht übernommen.`));
  return { links: links.slice(0, 50), legalReferences: findLegalReferences(text).slice(0, 30), warnings };
}

/** 'missing' warnings for the fields editors must complete before publishing, in field order. */
export function missingFieldWarnings(content: ContributionContentInput): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  if (!content.sponsor) warnings.push(missing('sponsor', 'Projektträger: im Dokument nicht gefunden.'));
  if (!content.contacts?.length) warnings.push(missing('contacts', 'Ansprechperson: im Dokument ist keine Ansprechperson angegeben.'));
  if (!content.places?.length) warnings.push(missing('places', 'Durchführungsort: im Dokument nicht gefunden.'));
  if (!content.period?.start && !content.period?.end && !content.period?.text)
    warnings.push(missing('period', 'Projektlaufzeit: im Dokument nicht gefunden.'));
  const f = content.funding;
  if (!f?.sources?.length && f?.grantCents == null && f?.ownCents == null && f?.totalCents == null && !f?.text)
    warnings.push(missing('funding', 'Finanzierung: im Dokument sind keine Angaben zur Finanzierung enthalten.'));
  return warnings;
}
