import type { Contribution } from '../../domain/contribution.ts';
import type { Submitter } from '../../domain/submission.ts';
import type { OutgoingMail } from '../../notifications/mail.ts';

/** What a mail to the submitter refers to. */
export interface SubmissionRef {
  reference: string | null;
  submitter: Submitter;
}

const greeting = (submitter: Submitter) => `Guten Tag ${submitter.name},`;
const signature = 'Mit freundlichen Grüßen\nIhre Redaktion des Nachhaltigkeitsbaukastens Hessen';
const named = (title: string, reference: string | null) => `„${title}“${reference ? ` (Vorgangsnummer ${reference})` : ''}`;

export function publishedMail(contribution: Pick<Contribution, 'title' | 'slug'>, ref: SubmissionRef, siteUrl: string): OutgoingMail {
  const url = `${siteUrl.replace(/\/+$/, '')}/beitraege/${contribution.slug}`;
  return {
    to: ref.submitter.email,
    subject: `Ihr Beitrag „${contribution.title}“ ist veröffentlicht`,
    body: [
      greeting(ref.submitter),
      `Ihr Beitrag ${named(contribution.title, ref.reference)} ist jetzt im Nachhaltigkeitsbaukasten veröffentlicht:\n${url}`,
      'Vielen Dank, dass Sie Ihre Erfahrungen mit anderen Kommunen teilen.',
      signature,
    ].join('\n\n'),
    purpose: 'contribution_published',
  };
}

export function rejectedMail(contribution: Pick<Contribution, 'title'>, ref: SubmissionRef, reason: string): OutgoingMail {
  return {
    to: ref.submitter.email,
    subject: `Ihr Beitrag „${contribution.title}“ wird nicht veröffentlicht`,
    body: [
      greeting(ref.submitter),
      `vielen Dank für Ihren Beitrag ${named(contribution.title, ref.reference)}. Die Redaktion hat entschieden, ihn nicht in den Nachhaltigkeitsbaukasten aufzunehmen.`,
      `Begründung:\n${reason}`,
      signature,
    ].join('\n\n'),
    purpose: 'contribution_rejected',
  };
}

export function commentMail(contribution: Pick<Contribution, 'title'>, ref: SubmissionRef, body: string): OutgoingMail {
  return {
    to: ref.submitter.email,
    subject: `Nachricht der Redaktion zu Ihrem Beitrag „${contribution.title}“`,
    body: [greeting(ref.submitter), `die Redaktion hat eine Nachricht zu Ihrem Beitrag ${named(contribution.title, ref.reference)}:`, body, signature].join('\n\n'),
    purpose: 'comment_to_submitter',
  };
}
