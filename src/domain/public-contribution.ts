import { z } from 'zod';
import { ContactPersonSchema, ContributionSchema, ProvenanceSchema, type Contribution } from './contribution.ts';

/*
 * What the public API and the open data exports show of a contribution: the canonical shape (ContributionSchema) with two
 * differences, both for privacy. A contact person's name, phone and e-mail appear only with their
 * consent (DSGVO; as on the contribution page: without it only the role remains), and of the
 * provenance only the source format and import time (file names and the evidence lines of the
 * source document are internal).
 */

export const PublicContactSchema = ContactPersonSchema.extend({
  name: ContactPersonSchema.shape.name.nullable(),
}).describe('Kontaktperson; Name, Telefon und E-Mail nur mit Einwilligung zur Veröffentlichung (publishConsent), sonst null');

export const PublicProvenanceSchema = ProvenanceSchema.pick({ format: true, importedAt: true }).describe('Herkunft: Format der Quelle und Zeitpunkt des Imports');

export const PublicContributionSchema = ContributionSchema.extend({
  contacts: z.array(PublicContactSchema).max(10),
  provenance: PublicProvenanceSchema.nullable(),
}).describe('Ein veröffentlichter Beitrag in der kanonischen Form (docs/canonical-json.md), ohne personenbezogene Daten ohne Einwilligung');
export type PublicContribution = z.output<typeof PublicContributionSchema>;

// Identity first, then the content in schema order.
const fieldOrder = ['id', 'slug', ...Object.keys(PublicContributionSchema.shape).filter((key) => key !== 'id' && key !== 'slug')];

export function presentContribution(contribution: Contribution): PublicContribution {
  // Built field by field from the schema's keys: a field added to the stored record later is not published by accident.
  const source = contribution as unknown as Record<string, unknown>;
  const shown = Object.fromEntries(fieldOrder.map((key) => [key, source[key]])) as PublicContribution;
  return {
    ...shown,
    contacts: contribution.contacts.map((contact) =>
      contact.publishConsent
        ? { name: contact.name, role: contact.role, phone: contact.phone, email: contact.email, publishConsent: true }
        : { name: null, role: contact.role, phone: null, email: null, publishConsent: false },
    ),
    provenance: contribution.provenance ? { format: contribution.provenance.format, importedAt: contribution.provenance.importedAt } : null,
  };
}
