import { ContributionContentSchema, type ContributionContent } from '../../domain/contribution.ts';
import type { FormItem } from '../forms/definition.ts';
import { submissionSteps } from '../submission/steps.ts';

/*
 * The editors' form is the public questionnaire's (same fields, same schema rules), without the
 * submitter step, plus what only editors set. One definition, two forms.
 */

export const editSchema = ContributionContentSchema;

export interface EditSection {
  id: string;
  title: string;
  items: readonly FormItem[];
}

export const editSections: readonly EditSection[] = [
  ...submissionSteps.filter((step) => step.id !== 'ueber-sie').map((step) => ({ id: step.id, title: step.title, items: step.items })),
  {
    id: 'redaktion',
    title: 'Nur für die Redaktion',
    items: [{ kind: 'checkbox', name: 'taxonomy.kommunenFocus', label: 'Schwerpunkt Kommunen: für Kommunen besonders relevant' }],
  },
];

export const editItems: readonly FormItem[] = editSections.flatMap((section) => section.items);

/**
 * The form has no fields for a link's flags: a link without a target stays a placeholder, and a
 * link keeps "broken" while its address is unchanged (the currency queue lists both).
 */
export function withLinkFlags(content: ContributionContent, previous: ContributionContent): ContributionContent {
  const broken = new Set(previous.links.filter((link) => link.broken && link.url).map((link) => link.url));
  return { ...content, links: content.links.map((link) => ({ ...link, placeholder: link.url === null, broken: link.url !== null && broken.has(link.url) })) };
}
