import { z } from 'zod';
import { PeriodSchema, deriveStatus, statusValues, type Period } from './period.ts';
import { leitbildAreaIds, regionIds } from './taxonomy.ts';

/*
 * One schema per concept: these Zod schemas are the single source of validation,
 * TypeScript types, form error codes and (later) the OpenAPI description.
 * Error messages are codes; src/domain/messages.ts turns them into German text.
 */

export const contributionKinds = ['projekt', 'material', 'foerderung', 'beratung'] as const;
export const ContributionKindSchema = z.enum(contributionKinds);
export type ContributionKind = z.infer<typeof ContributionKindSchema>;
export const kindLabels: Record<ContributionKind, string> = {
  projekt: 'Praxisbeispiel',
  material: 'Material',
  foerderung: 'Förderung',
  beratung: 'Beratung',
};

export const editorialStates = ['draft', 'submitted', 'in_review', 'published', 'rejected', 'archived'] as const;
export const EditorialStateSchema = z.enum(editorialStates);
export type EditorialState = z.infer<typeof EditorialStateSchema>;
export const editorialStateLabels: Record<EditorialState, string> = {
  draft: 'Entwurf',
  submitted: 'eingereicht',
  in_review: 'in Prüfung',
  published: 'veröffentlicht',
  rejected: 'abgelehnt',
  archived: 'archiviert',
};

const text = (max: number) => z.string().trim().max(max, { error: 'too_long' });
const optionalText = (max: number) => text(max).nullable().default(null);
/** Free-text answers and descriptions; Markdown where noted, sanitised on render. */
const longText = () => optionalText(20_000);

export const PostcodeSchema = z.string().regex(/^\d{5}$/, { error: 'postcode_invalid' });
export const EmailSchema = z.email({ error: 'email_invalid' }).max(254);
/** Stored normalised as "+49 6441 9277607"-like text; validation only checks plausibility. */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()/-]{4,24}$/, { error: 'phone_invalid' });
export const UrlSchema = z.url({ protocol: /^https?$/, error: 'url_invalid' }).max(2000);

export const OrganisationSchema = z.object({
  name: text(300).min(1, { error: 'required' }),
  street: optionalText(200),
  postcode: PostcodeSchema.nullable().default(null),
  city: optionalText(200),
  website: UrlSchema.nullable().default(null),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const ContactPersonSchema = z.object({
  name: text(200).min(1, { error: 'required' }),
  role: optionalText(200),
  phone: PhoneSchema.nullable().default(null),
  email: EmailSchema.nullable().default(null),
  /** DSGVO: personal contact data is shown publicly only with this explicit consent. */
  publishConsent: z.boolean().default(false),
});
export type ContactPerson = z.infer<typeof ContactPersonSchema>;

export const PartnerSchema = z.object({
  name: text(300).min(1, { error: 'required' }),
  role: optionalText(300),
  website: UrlSchema.nullable().default(null),
});
export type Partner = z.infer<typeof PartnerSchema>;

export const PlaceSchema = z.object({
  /** Gazetteer id (data/taxonomy/regions.json) or null for places outside it (a town, a district of a city). */
  regionId: z.enum(regionIds).nullable().default(null),
  /** The wording used, e.g. "18 hessischen Landkreisen". */
  label: text(300).min(1, { error: 'required' }),
  /** A focus region ("Schwerpunktregion", "Modellregion") rather than the whole area of effect. */
  focus: z.boolean().default(false),
});
export type Place = z.infer<typeof PlaceSchema>;

export const fundingSourceKinds = ['land', 'bund', 'eu', 'kommune', 'krankenkassen', 'stiftung', 'eigenmittel', 'sonstige'] as const;
export const fundingKindLabels: Record<(typeof fundingSourceKinds)[number], string> = {
  land: 'Land',
  bund: 'Bund',
  eu: 'EU',
  kommune: 'Kommune',
  krankenkassen: 'Krankenkassen',
  stiftung: 'Stiftung',
  eigenmittel: 'Eigenmittel',
  sonstige: 'Sonstige',
};
export const FundingSourceSchema = z.object({
  name: text(300).min(1, { error: 'required' }),
  kind: z.enum(fundingSourceKinds).default('sonstige'),
  amountCents: z.number().int().nonnegative().nullable().default(null),
});
export type FundingSource = z.infer<typeof FundingSourceSchema>;

export const FundingSchema = z.object({
  sources: z.array(FundingSourceSchema).max(20).default([]),
  grantCents: z.number().int().nonnegative().nullable().default(null),
  ownCents: z.number().int().nonnegative().nullable().default(null),
  totalCents: z.number().int().nonnegative().nullable().default(null),
  text: optionalText(2000),
});
export type Funding = z.infer<typeof FundingSchema>;

export const LegalReferenceSchema = z.object({
  /** As cited: "§ 61 SGB IX". */
  label: text(200).min(1, { error: 'required' }),
  /** The law's abbreviation: "SGB IX". */
  law: optionalText(100),
  /** Section with subsection if any: "61", "61 Abs. 2". */
  section: optionalText(100),
});
export type LegalReference = z.infer<typeof LegalReferenceSchema>;

export const LinkSchema = z.object({
  /** null for a placeholder link whose target the source did not carry. */
  url: UrlSchema.nullable().default(null),
  label: optionalText(300),
  /** The source had a link without target (e.g. "[text](#)") or the target is known to be broken. */
  placeholder: z.boolean().default(false),
  broken: z.boolean().default(false),
});
export type Link = z.infer<typeof LinkSchema>;

export const ComponentSchema = z.object({
  title: text(300).min(1, { error: 'required' }),
  text: longText(),
});
export type Component = z.infer<typeof ComponentSchema>;

/** The four questions of the questionnaire (Frageformular). */
export const AnswersSchema = z.object({
  /** 1. How the decision was made; whose idea it was. */
  decision: longText(),
  /** 2. Who or what helped; support inside and outside the municipality. */
  support: longText(),
  /** 3. Challenges, what was new, tips for other municipalities. */
  challenges: longText(),
  /** 4. Prerequisites; which municipalities it suits. */
  prerequisites: longText(),
});
export type Answers = z.infer<typeof AnswersSchema>;
export const answerKeys = ['decision', 'support', 'challenges', 'prerequisites'] as const satisfies readonly (keyof Answers)[];

export const ParticipationSchema = z.object({
  status: z.enum(['open', 'closed', 'unknown']).default('unknown'),
  text: optionalText(2000),
});
export type Participation = z.infer<typeof ParticipationSchema>;

export const TaxonomySchema = z.object({
  leitbildArea: z.enum(leitbildAreaIds).nullable().default(null),
  leitsaetze: z.array(z.number().int().min(1).max(22)).max(22).default([]),
  sdgs: z.array(z.number().int().min(1).max(17)).max(17).default([]),
  /** "Schwerpunkt Kommunen": of particular relevance for municipalities. */
  kommunenFocus: z.boolean().default(false),
});
export type Taxonomy = z.infer<typeof TaxonomySchema>;

/** Everything an author or importer supplies: the editable content of a contribution. */
export const ContributionContentSchema = z.object({
  kind: ContributionKindSchema.default('projekt'),
  title: text(300).min(3, { error: 'title_too_short' }),
  teaser: optionalText(600),
  /** Markdown. */
  description: longText(),
  purpose: longText(),
  components: z.array(ComponentSchema).max(30).default([]),
  answers: AnswersSchema.prefault({}),
  sponsor: OrganisationSchema.nullable().default(null),
  contacts: z.array(ContactPersonSchema).max(10).default([]),
  partners: z.array(PartnerSchema).max(50).default([]),
  places: z.array(PlaceSchema).max(50).default([]),
  period: PeriodSchema.prefault({}),
  participation: ParticipationSchema.prefault({}),
  funding: FundingSchema.prefault({}),
  legalReferences: z.array(LegalReferenceSchema).max(30).default([]),
  targetGroups: z.array(text(200).min(1)).max(30).default([]),
  links: z.array(LinkSchema).max(50).default([]),
  taxonomy: TaxonomySchema.prefault({}),
});
export type ContributionContent = z.infer<typeof ContributionContentSchema>;
export type ContributionContentInput = z.input<typeof ContributionContentSchema>;

export const sourceFormats = ['questionnaire', 'factsheet', 'form', 'api'] as const;
export const sourceFormatLabels: Record<(typeof sourceFormats)[number], string> = {
  questionnaire: 'Frageformular (Import)',
  factsheet: 'Projektsteckbrief (Import)',
  form: 'Online-Formular',
  api: 'Schnittstelle',
};
export const ProvenanceSchema = z.object({
  format: z.enum(sourceFormats),
  sourceFile: z.string().max(500).nullable(),
  /** sha256 of the source bytes; makes imports idempotent. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  importedAt: z.iso.datetime({ offset: true }),
  /** Where the importer found each value: content path, the source line, its line number. */
  evidence: z
    .array(z.object({ field: z.string().max(200), text: z.string().max(300), line: z.number().int().positive().optional() }))
    .max(300)
    .optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

const contentDefaults = ContributionContentSchema.parse({ title: 'Vorgabe' });

/**
 * Stored content was validated when written; on reading, only fields added to the schema later
 * need their defaults (a full parse per record made loading 100k records several times slower).
 */
export function withContentDefaults(stored: ContributionContent): ContributionContent {
  return {
    ...contentDefaults,
    ...stored,
    answers: { ...contentDefaults.answers, ...stored.answers },
    period: { ...contentDefaults.period, ...stored.period },
    participation: { ...contentDefaults.participation, ...stored.participation },
    funding: { ...contentDefaults.funding, ...stored.funding },
    taxonomy: { ...contentDefaults.taxonomy, ...stored.taxonomy },
  };
}

/** A stored contribution: content plus identity, editorial state and derived status. The canonical JSON shape. */
export const ContributionSchema = ContributionContentSchema.extend({
  id: z.uuid(),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  state: EditorialStateSchema,
  /** Optimistic concurrency: every successful update increments it. */
  version: z.number().int().positive(),
  /** Derived from period and today when the record is read; never stored. */
  status: z.enum(statusValues),
  provenance: ProvenanceSchema.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  reviewedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Contribution = z.infer<typeof ContributionSchema>;

/** The content fields of a contribution in schema order (what editors edit and revisions store). */
export const contentKeys = Object.keys(ContributionContentSchema.shape) as Array<keyof ContributionContent>;

/** Only the content part of a stored contribution. */
export function contentOf(contribution: Contribution): ContributionContent {
  return Object.fromEntries(contentKeys.map((key) => [key, contribution[key]])) as ContributionContent;
}

export function withDerivedStatus<T extends { period: Period }>(record: T, today?: string): T & { status: Contribution['status'] } {
  return { ...record, status: deriveStatus(record.period, today) };
}

export const RevisionSchema = z.object({
  contributionId: z.uuid(),
  version: z.number().int().positive(),
  actor: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  /** Field paths that changed compared with the previous version, with before/after values. */
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
  note: z.string().nullable(),
});
export type Revision = z.infer<typeof RevisionSchema>;
