// The public shape moved to the domain, so the open data exports (src/app/exports) share it with the API.
export { PublicContactSchema, PublicContributionSchema, PublicProvenanceSchema, presentContribution, type PublicContribution } from '../../domain/public-contribution.ts';
