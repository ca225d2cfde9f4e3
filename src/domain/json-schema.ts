import { z } from 'zod';
import { ContributionSchema } from './contribution.ts';

/** JSON Schema of the canonical contribution shape, generated from the Zod schema (never written by hand). */
export function contributionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ContributionSchema, { io: 'output', target: 'draft-2020-12' }),
    title: 'Beitrag (Nachhaltigkeitsbaukasten)',
  };
}
