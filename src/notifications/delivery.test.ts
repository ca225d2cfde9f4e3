import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxRepository, type OutboxRepository } from '../storage/outbox-repository.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/support/databases.ts';
import { openDatabase } from '../storage/database.ts';
import { createMailDelivery } from './delivery.ts';

/** A real SMTP server on a free local port that keeps what it receives (or refuses everything). */
async function startSmtp(options: { refuse?: boolean } = {}) {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        if (options.refuse) return callback(new Error('Postfach voll'));
        received.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const mail = { to: 'einreichende@example.org', subject: 'Ihre Einreichung BK-2026-00001', body: 'Vielen Dank für Ihre Einreichung.', purpose: 'submission_received' };

describe.each(testEngines)('mail delivery from the outbox on %s', (engine) => {
  let test: TestDatabase;
  let outbox: OutboxRepository;
  beforeAll(async () => {
    test = await createTestDatabase(engine);
    outbox = createOutboxRepository(test.db);
  });
  afterAll(() => test.dispose());

  it('keeps mails in the outbox when no SMTP server is configured', async () => {
    const stored = await outbox.enqueue(mail);
    const delivery = createMailDelivery(outbox, { smtpUrl: null, from: 'baukasten@example.org' });
    expect(await delivery.deliverPending()).toBe(0);
    expect((await outbox.get(stored.id))?.sentAt).toBeNull();
    expect((await outbox.list({ limit: 10, offset: 0, unsentOnly: true })).items.map((m) => m.id)).toContain(stored.id);
  });

  it('sends pending mails through SMTP and marks them sent', async () => {
    const smtp = await startSmtp();
    const delivery = createMailDelivery(outbox, { smtpUrl: smtp.url, from: 'baukasten@example.org' });
    try {
      const stored = await outbox.enqueue({ ...mail, subject: 'Zweite Nachricht: Prüfung abgeschlossen' });
      expect(await delivery.deliverPending()).toBeGreaterThanOrEqual(1);
      expect((await outbox.get(stored.id))?.sentAt).not.toBeNull();
      const message = smtp.received.find((m) => m.includes('einreichende@example.org') && m.includes('Subject: =?UTF-8?'));
      expect(message).toBeDefined();
      expect((await outbox.list({ limit: 10, offset: 0, unsentOnly: true })).total).toBe(0);
    } finally {
      delivery.stop();
      await smtp.close();
    }
  });

  it('keeps a mail the server refused, with the error, for the next attempt', async () => {
    const smtp = await startSmtp({ refuse: true });
    const delivery = createMailDelivery(outbox, { smtpUrl: smtp.url, from: 'baukasten@example.org' });
    try {
      const stored = await outbox.enqueue({ ...mail, subject: 'Wird abgelehnt' });
      expect(await delivery.deliverPending()).toBe(0);
      const after = await outbox.get(stored.id);
      expect(after?.sentAt).toBeNull();
      expect(after?.attempts).toBe(1);
      expect(after?.lastError).toMatch(/Postfach voll/);
      // Its claim was released with the failure: the next run takes it again.
      expect((await outbox.claimPending(10, 10, 60_000)).map((m) => m.id)).toContain(stored.id);
    } finally {
      delivery.stop();
      await smtp.close();
    }
  });

  it('sends every mail exactly once when two instances deliver from the same outbox at the same time', async () => {
    const smtp = await startSmtp();
    // The second instance has its own connection(s), as a second server process would.
    const second = engine === 'postgres' ? await openDatabase(test.reopenConfig as { databaseUrl: string }) : null;
    const deliveries = [
      createMailDelivery(outbox, { smtpUrl: smtp.url, from: 'a@example.org' }),
      createMailDelivery(second ? createOutboxRepository(second) : outbox, { smtpUrl: smtp.url, from: 'b@example.org' }),
    ];
    try {
      // Whatever earlier tests left unsent is not part of this count.
      await deliveries[0]!.deliverPending();
      const subjects = Array.from({ length: 12 }, (_, i) => `Gleichzeitig Nr. ${String(i).padStart(2, "0")}`);
      for (const subject of subjects) await outbox.enqueue({ ...mail, subject });
      const before = smtp.received.length;
      const sent = await Promise.all(deliveries.map((d) => d.deliverPending()));
      expect(sent[0]! + sent[1]!).toBe(subjects.length);
      const received = smtp.received.slice(before);
      for (const subject of subjects) expect(received.filter((m) => m.includes(subject)), subject).toHaveLength(1);
    } finally {
      for (const delivery of deliveries) delivery.stop();
      await second?.close();
      await smtp.close();
    }
  });
});
