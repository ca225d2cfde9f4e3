import { kindLabels, type ContributionContent } from '../../domain/contribution.ts';
import type { Submitter } from '../../domain/submission.ts';
import type { OutgoingMail } from '../../notifications/mail.ts';

const siteName = 'Nachhaltigkeitsbaukasten Hessen';

/** Typed text in a subject line: one line, bounded (a crafted title must not add mail headers). */
const oneLine = (text: string, max = 120) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The submitter's confirmation with the reference number and what happens next. */
export function confirmationMail(input: { reference: string; submitter: Submitter; content: ContributionContent; siteUrl: string }): OutgoingMail {
  return {
    to: input.submitter.email,
    subject: `Ihre Einreichung ${input.reference} beim ${siteName}`,
    purpose: 'submission_received',
    body: [
      `Guten Tag ${oneLine(input.submitter.name, 200)},`,
      '',
      `vielen Dank für Ihre Einreichung beim ${siteName}. Sie ist bei uns eingegangen.`,
      '',
      `Vorgangsnummer: ${input.reference}`,
      `Titel: ${oneLine(input.content.title, 300)}`,
      '',
      'Wie es weitergeht:',
      '1. Die Redaktion prüft Ihren Beitrag.',
      '2. Bei Rückfragen meldet sie sich unter dieser E-Mail-Adresse.',
      '3. Nach der Prüfung erscheint der Beitrag im Katalog, sofern er zum Nachhaltigkeitsbaukasten passt. Darüber informieren wir Sie.',
      '',
      'Bitte nennen Sie bei Fragen Ihre Vorgangsnummer.',
      '',
      'Mit freundlichen Grüßen',
      `die Redaktion des ${siteName}`,
      input.siteUrl,
    ].join('\n'),
  };
}

/** The editors' notice of a new submission. */
export function editorsNoticeMail(input: { to: string; reference: string; submitter: Submitter; content: ContributionContent; siteUrl: string }): OutgoingMail {
  return {
    to: input.to,
    subject: `Neue Einreichung ${input.reference}: ${oneLine(input.content.title, 80)}`,
    purpose: 'submission_editor_notice',
    body: [
      'Eine neue Einreichung wartet auf Prüfung.',
      '',
      `Vorgangsnummer: ${input.reference}`,
      `Titel: ${oneLine(input.content.title, 300)}`,
      `Art: ${kindLabels[input.content.kind]}`,
      `Eingereicht von: ${oneLine(input.submitter.name, 200)} <${input.submitter.email}>`,
      '',
      `Zur Redaktion: ${input.siteUrl}/redaktion`,
    ].join('\n'),
  };
}
