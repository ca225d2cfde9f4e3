import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ContributionContentSchema } from '../../domain/contribution.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/support/databases.ts';
import { createAuditLog } from '../../storage/audit-log.ts';
import { createContributionRepository } from '../../storage/contributions-repository.ts';
import { createDraftsRepository } from '../../storage/drafts-repository.ts';
import { createOutboxRepository } from '../../storage/outbox-repository.ts';
import { createRateLimits } from '../../storage/rate-limits.ts';
import { DRAFT_STARTS_PER_WINDOW, SUBMISSIONS_PER_WINDOW, type SubmissionDeps } from './deps.ts';
import { draftTokenHash } from './draft-token.ts';
import { openDraft } from './open-draft.ts';
import { saveDraftStep } from './save-draft-step.ts';
import { startDraft } from './start-draft.ts';
import { submitDraft, type SubmitInput } from './submit-draft.ts';

const content = (title: string) => ContributionContentSchema.parse({ title, teaser: '<script>alert(1)</script> bleibt Text' });
const submitter = { name: 'Erika Musterfrau', email: 'erika@example.org' };

describe.each(testEngines)('public submissions on %s', (engine) => {
  let t: TestDatabase;
  let deps: SubmissionDeps;
  let address = 0;
  // Each test submits from its own address, so the per-address limit only bites where it is tested.
  let clientAddress: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    deps = {
      db: t.db,
      drafts: createDraftsRepository(t.db),
      contributions: createContributionRepository(t.db),
      rateLimits: createRateLimits(t.db),
      auditLog: createAuditLog(t.db),
      outbox: createOutboxRepository(t.db),
      editorsAddress: 'redaktion@example.org',
      siteUrl: 'https://baukasten.example',
    };
  });
  afterAll(async () => t?.dispose());
  beforeEach(() => {
    clientAddress = `192.0.2.${++address}`;
  });

  /** A draft started a minute ago (past the minimum fill time). */
  async function draftToken(ageSeconds = 60): Promise<string> {
    const started = await startDraft(deps, { clientAddress, honeypot: '', firstStep: 'ueber-sie' });
    if (!started.ok) throw new Error(started.code);
    await t.db.query(`UPDATE submission_drafts SET created_at = now() - make_interval(secs => $2) WHERE token_hash = $1`, [draftTokenHash(started.token), ageSeconds]);
    return started.token;
  }

  const input = (token: string, title: string, overrides: Partial<SubmitInput> = {}): SubmitInput => ({
    token,
    content: content(title),
    submitter,
    honeypot: '',
    clientAddress,
    ...overrides,
  });

  const counts = async () => {
    const [row] = await t.db.query<{ contributions: number; audit: number; mails: number; submitted: number }>(
      `SELECT (SELECT count(*)::integer FROM contributions) AS contributions, (SELECT count(*)::integer FROM audit_log) AS audit,
              (SELECT count(*)::integer FROM outbox) AS mails, (SELECT count(*)::integer FROM submission_drafts WHERE contribution_id IS NOT NULL) AS submitted`,
    );
    return row!;
  };

  it('creates the submitted contribution with reference, submitter, audit entry and both mails in one go', async () => {
    const token = await draftToken();
    const outcome = await submitDraft(deps, input(token, 'Repair-Café im Stadtteilzentrum'));
    expect(outcome).toMatchObject({ ok: true, repeated: false });
    if (!outcome.ok) return;
    expect(outcome.reference).toMatch(new RegExp(`^BK-${new Date().getFullYear()}-\\d{5}$`));

    const contribution = await deps.contributions.get(outcome.contributionId);
    expect(contribution).toMatchObject({ state: 'submitted', title: 'Repair-Café im Stadtteilzentrum', teaser: '<script>alert(1)</script> bleibt Text' });
    expect(contribution?.provenance?.format).toBe('form');
    const [row] = await t.db.query<{ reference: string; submitter: unknown }>('SELECT reference, submitter FROM contributions WHERE id = $1', [outcome.contributionId]);
    expect(row).toEqual({ reference: outcome.reference, submitter });

    const opened = await openDraft(deps, token);
    expect(opened).toMatchObject({ state: 'submitted', reference: outcome.reference });

    const audit = await deps.auditLog.list({ limit: 10, offset: 0, entityType: 'contribution', entityId: outcome.contributionId });
    expect(audit.items.map((e) => [e.action, e.actor])).toEqual([['submission.submit', 'Einreichung']]);

    const mails = (await deps.outbox.list({ limit: 10, offset: 0 })).items.filter((m) => m.body.includes(outcome.reference));
    expect(mails.map((m) => [m.to, m.purpose]).sort()).toEqual([
      ['erika@example.org', 'submission_received'],
      ['redaktion@example.org', 'submission_editor_notice'],
    ]);
    expect(mails.find((m) => m.to === 'erika@example.org')?.subject).toContain(outcome.reference);
  });

  it('sends no editors notice when no editors address is configured', async () => {
    const token = await draftToken();
    const outcome = await submitDraft({ ...deps, editorsAddress: null }, input(token, 'Ohne Redaktionsadresse'));
    if (!outcome.ok) throw new Error(outcome.code);
    const mails = (await deps.outbox.list({ limit: 50, offset: 0 })).items.filter((m) => m.body.includes(outcome.reference));
    expect(mails.map((m) => m.to)).toEqual(['erika@example.org']);
  });

  it('creates one contribution when the same draft is submitted twice at once (double click)', async () => {
    const token = await draftToken();
    const before = await counts();
    const [first, second] = await Promise.all([submitDraft(deps, input(token, 'Doppelklick')), submitDraft(deps, input(token, 'Doppelklick'))]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.reference).toBe(second.reference);
    expect(first.contributionId).toBe(second.contributionId);
    expect([first.repeated, second.repeated].sort()).toEqual([false, true]);
    expect(await counts()).toEqual({ contributions: before.contributions + 1, audit: before.audit + 1, mails: before.mails + 2, submitted: before.submitted + 1 });
    // A third press later still answers with the same reference.
    expect(await submitDraft(deps, input(token, 'Doppelklick'))).toMatchObject({ ok: true, reference: first.reference, repeated: true });
  });

  it('leaves nothing half-written when a step inside the transaction fails, and the draft can be submitted again', async () => {
    const token = await draftToken();
    const before = await counts();
    const failingOutbox = { ...deps.outbox, enqueue: async () => Promise.reject(new Error('Mail-Warteschlange nicht erreichbar')) };
    await expect(submitDraft({ ...deps, outbox: failingOutbox }, input(token, 'Fehlschlag'))).rejects.toThrow('Mail-Warteschlange');
    expect(await counts()).toEqual(before);
    expect((await openDraft(deps, token)).state).toBe('open');
    expect(await deps.rateLimits.count('submission', clientAddress, 60_000)).toBe(0);

    const retry = await submitDraft(deps, input(token, 'Fehlschlag'));
    expect(retry.ok).toBe(true);
  });

  it('refuses a submission faster than a person can fill in the form', async () => {
    const token = await draftToken(1);
    const before = await counts();
    expect(await submitDraft(deps, input(token, 'Zu schnell'))).toEqual({ ok: false, code: 'too_fast' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a filled-in honeypot without writing anything', async () => {
    const token = await draftToken();
    const before = await counts();
    expect(await submitDraft(deps, input(token, 'Bot', { honeypot: 'http://spam.example' }))).toEqual({ ok: false, code: 'bot' });
    expect(await counts()).toEqual(before);
    expect(await startDraft(deps, { clientAddress, honeypot: 'x', firstStep: 'ueber-sie' })).toEqual({ ok: false, code: 'bot' });
  });

  it(`limits submissions to ${SUBMISSIONS_PER_WINDOW} per address and hour`, async () => {
    for (let i = 0; i < SUBMISSIONS_PER_WINDOW; i++) {
      expect((await submitDraft(deps, input(await draftToken(), `Beitrag ${i}`))).ok).toBe(true);
    }
    const token = await draftToken();
    expect(await submitDraft(deps, input(token, 'Einer zu viel'))).toEqual({ ok: false, code: 'rate_limited' });
    expect((await openDraft(deps, token)).state).toBe('open');
    // Another address is not affected.
    expect((await submitDraft(deps, input(token, 'Von woanders', { clientAddress: '198.51.100.7' }))).ok).toBe(true);
  });

  it(`limits new drafts to ${DRAFT_STARTS_PER_WINDOW} per address and hour`, async () => {
    for (let i = 0; i < DRAFT_STARTS_PER_WINDOW; i++) expect((await startDraft(deps, { clientAddress, honeypot: '', firstStep: 'ueber-sie' })).ok).toBe(true);
    expect(await startDraft(deps, { clientAddress, honeypot: '', firstStep: 'ueber-sie' })).toEqual({ ok: false, code: 'rate_limited' });
  });

  it('tells expired and unknown links apart and changes neither', async () => {
    const token = await draftToken();
    await t.db.query(`UPDATE submission_drafts SET expires_at = now() - interval '1 day' WHERE token_hash = $1`, [draftTokenHash(token)]);
    expect(await openDraft(deps, token)).toEqual({ state: 'expired' });
    expect(await submitDraft(deps, input(token, 'Abgelaufen'))).toEqual({ ok: false, code: 'expired' });
    expect(await openDraft(deps, 'A'.repeat(43))).toEqual({ state: 'unknown' });
    expect(await openDraft(deps, '../../etc/passwd')).toEqual({ state: 'unknown' });
    expect(await submitDraft(deps, input('A'.repeat(43), 'Unbekannt'))).toEqual({ ok: false, code: 'unknown' });
  });

  it('saves every step as typed and refuses to change a submitted draft', async () => {
    const token = await draftToken();
    const opened = await openDraft(deps, token);
    if (opened.state !== 'open') throw new Error(opened.state);
    const saved = await saveDraftStep(deps, opened.draft, { values: { title: 'x', 'contacts.0.email': 'kaputt' }, step: 'beteiligte' });
    expect(saved).toMatchObject({ ok: true, draft: { step: 'beteiligte', values: { title: 'x', 'contacts.0.email': 'kaputt' } } });
    await submitDraft(deps, input(token, 'Eingereicht'));
    expect(await saveDraftStep(deps, opened.draft, { values: { title: 'danach' }, step: 'projekt' })).toEqual({ ok: false, code: 'closed' });
  });
});
