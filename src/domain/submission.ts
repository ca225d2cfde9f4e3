import { z } from 'zod';
import { ContributionContentSchema, EmailSchema } from './contribution.ts';

/** Who handed in a contribution through the public form; stored with it, never published. */
export const SubmitterSchema = z.object({
  name: z.string().trim().max(200, { error: 'too_long' }).min(1, { error: 'required' }),
  email: EmailSchema,
});
export type Submitter = z.infer<typeof SubmitterSchema>;

/**
 * Everything the public questionnaire collects: the contribution's content (the one schema of
 * src/domain/contribution.ts), the submitter, and the consent to processing the data.
 */
export const SubmissionSchema = ContributionContentSchema.extend({
  submitter: SubmitterSchema,
  privacyConsent: z.literal(true, { error: 'consent_required' }),
});
export type Submission = z.infer<typeof SubmissionSchema>;

/** "BK-2026-00042": the year of submission and a number from one sequence shared by all instances. */
export function formatReference(year: number, sequence: number): string {
  return `BK-${year}-${String(sequence).padStart(5, '0')}`;
}
