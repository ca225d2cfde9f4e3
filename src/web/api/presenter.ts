import { ContributionSchema } from '../../domain/contribution.ts';

// The public shape moved to the domain, so the open data exports (src/app/exports) share it with the API.
export { PublicContactSchema, PublicContributionSchema, PublicProvenanceSchema, presentContribution, type PublicContribution } from '../../domain/public-contribution.ts';

/** What a trusted system with the scope "edit" reads: the whole canonical record, in any state. */
export const InternalContributionSchema = ContributionSchema.describe(
  'Ein Beitrag in jedem redaktionellen Zustand mit allen Feldern der kanonischen Form, auch Kontaktdaten ohne Einwilligung zur Veröffentlichung (nur mit Zugangsschlüssel „edit“)',
);
