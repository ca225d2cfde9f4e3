import nodemailer, { type Transporter } from 'nodemailer';
import type { OutboxRepository } from '../storage/outbox-repository.ts';

const MAX_ATTEMPTS = 10;
const BATCH = 20;
// Long enough for a batch to be sent; a claim of an instance that died lapses after it.
const CLAIM_MS = 5 * 60_000;

export interface MailDeliveryConfig {
  /** smtp(s)://user:pass@host:port; without it, mails stay in the outbox for editors to read. */
  smtpUrl: string | null;
  from: string;
}

/**
 * Sends what the outbox holds through SMTP (nodemailer), oldest first. A failed send stays in the
 * outbox with its error and is retried on the next run, up to MAX_ATTEMPTS; nothing is dropped.
 * Several instances may run it at once: each mail is claimed by one of them before it is sent.
 */
export function createMailDelivery(outbox: OutboxRepository, config: MailDeliveryConfig) {
  const transport: Transporter | null = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  /** Sends pending mails; returns how many were sent. Without SMTP it sends none. */
  function deliverPending(): Promise<number> {
    running ??= (async () => {
      if (!transport) return 0;
      let sent = 0;
      for (const mail of await outbox.claimPending(BATCH, MAX_ATTEMPTS, CLAIM_MS)) {
        try {
          await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.body });
          await outbox.markSent(mail.id);
          sent++;
        } catch (error) {
          await outbox.markFailed(mail.id, error instanceof Error ? error.message : String(error));
        }
      }
      return sent;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    enabled: transport !== null,
    deliverPending,
    start(intervalMs = 5000) {
      if (!transport || timer) return;
      timer = setInterval(() => void deliverPending().catch((error: unknown) => console.error('E-Mail-Versand fehlgeschlagen', error)), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      transport?.close();
    },
  };
}
export type MailDelivery = ReturnType<typeof createMailDelivery>;
