/** A mail the platform sends: plain text, German, one recipient. */
export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  /** Why it is sent, e.g. "submission_received", "comment_to_submitter"; shown in the outbox. */
  purpose: string;
}

export interface StoredMail extends OutgoingMail {
  id: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
}
