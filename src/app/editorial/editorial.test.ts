import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorialDeps } from './deps.ts';
import { addComment } from './add-comment.ts';
import { applySuggestions } from './apply-suggestions.ts';
import { bulkTransition } from './bulk-transition.ts';
import { confirmCurrent } from './confirm-current.ts';
import { renameTaxonomy } from './rename-taxonomy.ts';
import { restoreRevision } from './restore-revision.ts';
import { transitionContribution } from './transition-contribution.ts';
import { updateSynonyms } from './update-synonyms.ts';
import { ContributionContentSchema } from '../../domain/contribution.ts';
import { readSynonymSetting } from '../../search/synonyms.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/support/databases.ts';
import { createEditorialDeps, createSubmitted, SITE_URL } from '../../../test/support/editorial.ts';

const editor = { id: null, label: 'Erika Redakteurin <editor@example.org>' };

describe.each(testEngines)('editorial operations on %s', (engine) => {
  let t: TestDatabase;
  let deps: EditorialDeps;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    deps = createEditorialDeps(t.db);
  });
  afterAll(async () => t?.dispose());

  const auditFor = async (id: string) => (await deps.auditLog.list({ limit: 100, offset: 0, entityType: 'contribution', entityId: id })).items;
  const mailsTo = async (to: string) => (await deps.outbox.list({ limit: 100, offset: 0 })).items.filter((m) => m.to === to);

  describe('transitions', () => {
    it('moves a submission to review and publishes it, with revisions, audit entries and a mail to the submitter', async () => {
      const created = await createSubmitted(deps, { title: 'Dorfladen Ulrichstein' }, { submitter: { name: 'Jana Dorf', email: 'jana@ulrichstein.example' } });
      const reviewed = await transitionContribution(deps, { id: created.id, expectedVersion: 1, to: 'in_review' }, editor);
      expect(reviewed.ok).toBe(true);
      const published = await transitionContribution(deps, { id: created.id, expectedVersion: 2, to: 'published' }, editor);
      if (!published.ok) throw new Error(published.code);
      expect(published.contribution).toMatchObject({ state: 'published', version: 3 });
      expect(published.contribution.publishedAt).not.toBeNull();

      const audit = await auditFor(created.id);
      expect(audit.map((e) => [e.action, e.before, e.after, e.actor])).toEqual([
        ['contribution.publish', { state: 'in_review', version: 2 }, { state: 'published', version: 3 }, editor.label],
        ['contribution.review', { state: 'submitted', version: 1 }, { state: 'in_review', version: 2 }, editor.label],
      ]);
      const revisions = await deps.contributions.revisions(created.id);
      expect(revisions.map((r) => [r.version, r.actor, r.changes])).toEqual([
        [1, 'Einreichung', expect.any(Array)],
        [2, editor.label, [{ path: 'state', before: 'submitted', after: 'in_review' }]],
        [3, editor.label, [{ path: 'state', before: 'in_review', after: 'published' }]],
      ]);
      const [mail] = await mailsTo('jana@ulrichstein.example');
      expect(mail).toMatchObject({ subject: 'Ihr Beitrag „Dorfladen Ulrichstein“ ist veröffentlicht', purpose: 'contribution_published', sentAt: null });
      expect(mail!.body).toContain(`Guten Tag Jana Dorf,`);
      expect(mail!.body).toContain(`Vorgangsnummer ${created.reference}`);
      expect(mail!.body).toContain(`${SITE_URL}/beitraege/${published.contribution.slug}`);
    });

    it('refuses a stale version and changes nothing', async () => {
      const created = await createSubmitted(deps, { title: 'Mehrgenerationenhaus Alsfeld' });
      await transitionContribution(deps, { id: created.id, expectedVersion: 1, to: 'in_review' }, editor);
      const stale = await transitionContribution(deps, { id: created.id, expectedVersion: 1, to: 'rejected', reason: 'Doppelt' }, editor);
      expect(stale).toEqual({ ok: false, code: 'version_conflict', state: 'in_review' });
      expect(await deps.contributions.get(created.id)).toMatchObject({ state: 'in_review', version: 2 });
      expect((await auditFor(created.id)).map((e) => e.action)).toEqual(['contribution.review']);
      expect((await deps.contributions.revisions(created.id)).length).toBe(2);
    });

    it('lets only one of two simultaneous transitions from the same version through', async () => {
      const created = await createSubmitted(deps, { title: 'Solarkataster Vogelsberg' });
      const outcomes = await Promise.all([
        transitionContribution(deps, { id: created.id, expectedVersion: 1, to: 'in_review' }, editor),
        transitionContribution(deps, { id: created.id, expectedVersion: 1, to: 'rejected', reason: 'Kein Bezug' }, editor),
      ]);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.code)).toEqual(['version_conflict']);
      expect((await deps.contributions.get(created.id))?.version).toBe(2);
      expect(await auditFor(created.id)).toHaveLength(1);
    });

    it('refuses transitions the workflow does not allow', async () => {
      const created = await createSubmitted(deps, { title: 'Blühstreifen Gießen' });
      expect(await transitionContribution(deps, { id: created.id, expectedVersion: 1, to: 'published' }, editor)).toEqual({ ok: false, code: 'transition_not_allowed', state: 'submitted' });
      expect(await transitionContribution(deps, { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, to: 'in_review' }, editor)).toMatchObject({ ok: false, code: 'not_found' });
      expect((await deps.contributions.get(created.id))?.state).toBe('submitted');
    });

    it('requires a reason for a rejection, stores it as revision note and in the audit entry, and mails it', async () => {
      const created = await createSubmitted(deps, { title: 'Kochkurs für Singles' }, { submitter: { name: 'Karl Koch', email: 'karl@example.org' } });
      expect(await transitionContribution(deps, { id: created.id, expectedVersion: 1, to: 'rejected', reason: '  ' }, editor)).toMatchObject({ ok: false, code: 'rejection_reason_required' });
      expect(await auditFor(created.id)).toHaveLength(0);
      const rejected = await transitionContribution(deps, { id: created.id, expectedVersion: 1, to: 'rejected', reason: ' Kein Bezug zur Nachhaltigkeitsstrategie. ' }, editor);
      expect(rejected.ok).toBe(true);
      expect((await deps.contributions.revisions(created.id)).at(-1)?.note).toBe('Kein Bezug zur Nachhaltigkeitsstrategie.');
      expect((await auditFor(created.id))[0]).toMatchObject({ action: 'contribution.reject', detail: 'Kein Bezug zur Nachhaltigkeitsstrategie.' });
      const [mail] = await mailsTo('karl@example.org');
      expect(mail).toMatchObject({ subject: 'Ihr Beitrag „Kochkurs für Singles“ wird nicht veröffentlicht', purpose: 'contribution_rejected' });
      expect(mail!.body).toContain('Begründung:\nKein Bezug zur Nachhaltigkeitsstrategie.');
    });

    it('sends no mail when nobody submitted the contribution (imports)', async () => {
      const created = await createSubmitted(deps, { title: 'Importierter Steckbrief' }, { state: 'in_review', submitter: null });
      const before = (await deps.outbox.list({ limit: 1, offset: 0 })).total;
      expect((await transitionContribution(deps, { id: created.id, expectedVersion: 1, to: 'published' }, editor)).ok).toBe(true);
      expect((await deps.outbox.list({ limit: 1, offset: 0 })).total).toBe(before);
    });

    it('rolls the transition and its mail back when the audit entry cannot be written', async () => {
      const created = await createSubmitted(deps, { title: 'Repair-Café Schotten' }, { state: 'in_review', submitter: { name: 'Rita', email: 'rita@example.org' } });
      const failingAudit = { ...deps.auditLog, record: async () => Promise.reject(new Error('audit log full')) };
      await expect(transitionContribution({ ...deps, auditLog: failingAudit }, { id: created.id, expectedVersion: 1, to: 'published' }, editor)).rejects.toThrow('audit log full');
      expect(await deps.contributions.get(created.id)).toMatchObject({ state: 'in_review', version: 1, publishedAt: null });
      expect(await deps.contributions.revisions(created.id)).toHaveLength(1);
      expect(await mailsTo('rita@example.org')).toHaveLength(0);
    });

    it('rolls the transition back when the mail cannot be queued', async () => {
      const created = await createSubmitted(deps, { title: 'Tauschbörse Lich' }, { state: 'in_review' });
      const failingOutbox = { ...deps.outbox, enqueue: async () => Promise.reject(new Error('outbox down')) };
      await expect(transitionContribution({ ...deps, outbox: failingOutbox }, { id: created.id, expectedVersion: 1, to: 'published' }, editor)).rejects.toThrow('outbox down');
      expect((await deps.contributions.get(created.id))?.state).toBe('in_review');
      expect(await auditFor(created.id)).toHaveLength(0);
    });
  });

  it('publishes in bulk where allowed and says which items failed and why', async () => {
    const ready = await createSubmitted(deps, { title: 'Carsharing Homberg' }, { state: 'in_review' });
    const early = await createSubmitted(deps, { title: 'Nachbarschaftshilfe Fulda' });
    const changed = await createSubmitted(deps, { title: 'Wasserspielplatz Kassel' }, { state: 'in_review' });
    const results = await bulkTransition(
      deps,
      {
        to: 'published',
        items: [
          { id: ready.id, expectedVersion: 1 },
          { id: early.id, expectedVersion: 1 },
          { id: changed.id, expectedVersion: 7 },
        ],
      },
      editor,
    );
    expect(results).toEqual([
      { id: ready.id, title: 'Carsharing Homberg', state: 'published', failure: null },
      { id: early.id, title: 'Nachbarschaftshilfe Fulda', state: 'submitted', failure: 'transition_not_allowed' },
      { id: changed.id, title: 'Wasserspielplatz Kassel', state: 'in_review', failure: 'version_conflict' },
    ]);
    expect((await deps.contributions.get(ready.id))?.state).toBe('published');
    expect((await deps.contributions.get(early.id))?.state).toBe('submitted');
    expect((await deps.contributions.get(changed.id))?.state).toBe('in_review');
  });

  describe('restoring a revision', () => {
    it('writes a new version with the old content, keeps the state and logs it', async () => {
      const created = await createSubmitted(deps, { title: 'Streuobst Wetterau', teaser: 'Alte Sorten erhalten.' }, { state: 'in_review' });
      const edited = await deps.contributions.update(created.id, 1, ContributionContentSchema.parse({ title: 'Streuobst in der Wetterau', teaser: 'Neu' }), 'Redaktion');
      const restored = await restoreRevision(deps, { id: created.id, version: 1, expectedVersion: edited.version }, editor);
      if (!restored.ok) throw new Error(restored.code);
      expect(restored.contribution).toMatchObject({ title: 'Streuobst Wetterau', teaser: 'Alte Sorten erhalten.', version: 3, state: 'in_review' });
      const last = (await deps.contributions.revisions(created.id)).at(-1)!;
      expect(last).toMatchObject({ version: 3, note: 'Fassung 1 wiederhergestellt', actor: editor.label });
      expect(last.changes).toContainEqual({ path: 'title', before: 'Streuobst in der Wetterau', after: 'Streuobst Wetterau' });
      expect((await auditFor(created.id))[0]).toMatchObject({ action: 'contribution.restore', before: { version: 2 }, after: { version: 3, restoredFrom: 1 } });
    });

    it('refuses a stale version, an unknown revision and a restore that would change nothing', async () => {
      const created = await createSubmitted(deps, { title: 'Klimaschutzmanagement Eschwege' });
      expect(await restoreRevision(deps, { id: created.id, version: 1, expectedVersion: 1 }, editor)).toEqual({ ok: false, code: 'restore_unchanged' });
      expect(await restoreRevision(deps, { id: created.id, version: 9, expectedVersion: 1 }, editor)).toEqual({ ok: false, code: 'revision_not_found' });
      expect(await restoreRevision(deps, { id: created.id, version: 1, expectedVersion: 4 }, editor)).toEqual({ ok: false, code: 'version_conflict' });
      expect(await deps.contributions.revisions(created.id)).toHaveLength(1);
    });
  });

  describe('applying suggestions', () => {
    it('adds the chosen values to the taxonomy as a new version, never removing assigned ones, and logs it', async () => {
      const created = await createSubmitted(deps, { title: 'Budget für Arbeit', taxonomy: { leitsaetze: [2], sdgs: [8] } });
      const applied = await applySuggestions(deps, { id: created.id, expectedVersion: 1, leitbildArea: 'soziales', leitsaetze: [4], sdgs: [10, 8] }, editor);
      if (!applied.ok) throw new Error(applied.code);
      expect(applied.changed).toBe(true);
      expect(applied.contribution).toMatchObject({ version: 2, taxonomy: { leitbildArea: 'soziales', leitsaetze: [2, 4], sdgs: [8, 10] } });
      expect((await deps.contributions.revisions(created.id)).at(-1)).toMatchObject({ version: 2, note: 'Vorschläge zur Einordnung übernommen', actor: editor.label });
      expect((await auditFor(created.id))[0]).toMatchObject({
        action: 'contribution.apply_suggestions',
        before: { version: 1, taxonomy: { leitbildArea: null, leitsaetze: [2], sdgs: [8] } },
        after: { version: 2, taxonomy: { leitbildArea: 'soziales', leitsaetze: [2, 4], sdgs: [8, 10] } },
        detail: 'Vorschläge zur Einordnung übernommen: Bereich soziales, Leitsatz 4, SDG 10',
      });
      const again = await applySuggestions(deps, { id: created.id, expectedVersion: 2, leitbildArea: null, leitsaetze: [4], sdgs: [] }, editor);
      expect(again).toMatchObject({ ok: true, changed: false, contribution: { version: 2 } });
    });

    it('refuses a stale version, an empty choice and unknown values, changing nothing', async () => {
      const created = await createSubmitted(deps, { title: 'Radverkehrskonzept Kassel' });
      const choose = (expectedVersion: number, choice: { leitbildArea?: string | null; leitsaetze?: number[]; sdgs?: number[] }) =>
        applySuggestions(deps, { id: created.id, expectedVersion, leitbildArea: null, leitsaetze: [], sdgs: [], ...choice }, editor);
      expect(await choose(3, { sdgs: [11] })).toEqual({ ok: false, code: 'version_conflict' });
      expect(await choose(1, {})).toEqual({ ok: false, code: 'suggestions_none_selected' });
      expect(await choose(1, { sdgs: [18] })).toEqual({ ok: false, code: 'suggestion_invalid' });
      expect(await choose(1, { leitbildArea: 'weltall' })).toEqual({ ok: false, code: 'suggestion_invalid' });
      expect(await deps.contributions.revisions(created.id)).toHaveLength(1);
      expect(await auditFor(created.id)).toHaveLength(0);
    });
  });

  describe('comments', () => {
    it('keeps internal comments internal and mails those to the submitter through the outbox', async () => {
      const created = await createSubmitted(deps, { title: 'Energiegenossenschaft Marburg' }, { submitter: { name: 'Eva Energie', email: 'eva@example.org' } });
      expect((await addComment(deps, { contributionId: created.id, body: 'Bitte Fördersumme prüfen.', toSubmitter: false }, editor)).ok).toBe(true);
      expect(await mailsTo('eva@example.org')).toHaveLength(0);
      expect((await addComment(deps, { contributionId: created.id, body: 'Können Sie ein Foto nachreichen?', toSubmitter: true }, editor)).ok).toBe(true);
      const [mail] = await mailsTo('eva@example.org');
      expect(mail).toMatchObject({ subject: 'Nachricht der Redaktion zu Ihrem Beitrag „Energiegenossenschaft Marburg“', purpose: 'comment_to_submitter' });
      expect(mail!.body).toContain('Können Sie ein Foto nachreichen?');
      expect((await deps.editorial.comments(created.id)).map((c) => [c.body, c.toSubmitter, c.authorName])).toEqual([
        ['Bitte Fördersumme prüfen.', false, editor.label],
        ['Können Sie ein Foto nachreichen?', true, editor.label],
      ]);
      expect((await auditFor(created.id)).map((e) => e.action)).toEqual(['contribution.comment_to_submitter', 'contribution.comment']);
    });

    it('refuses an empty comment and a mail to a submitter nobody knows, in German', async () => {
      const created = await createSubmitted(deps, { title: 'Ohne Einreichende' }, { submitter: null });
      expect(await addComment(deps, { contributionId: created.id, body: '  ', toSubmitter: false }, editor)).toEqual({
        ok: false,
        errors: [{ path: 'body', code: 'required', message: 'Bitte füllen Sie dieses Feld aus.' }],
      });
      const outcome = await addComment(deps, { contributionId: created.id, body: 'Hallo', toSubmitter: true }, editor);
      expect(outcome.ok === false && outcome.errors[0]).toMatchObject({ path: 'toSubmitter', code: 'submitter_email_missing' });
      expect(await deps.editorial.comments(created.id)).toHaveLength(0);
    });
  });

  describe('taxonomy names', () => {
    it('renames only what changed, in one transaction with one audit entry each', async () => {
      const outcome = await renameTaxonomy(
        deps,
        { kind: 'leitsaetze', names: [{ id: '17', name: '  Wir schützen  das Klima gemeinsam ' }, { id: '4', name: (await deps.taxonomy.names()).leitsaetze.get(4)! }] },
        editor,
      );
      expect(outcome).toEqual({ ok: true, renamed: 1 });
      expect((await deps.taxonomy.names()).leitsaetze.get(17)).toBe('Wir schützen das Klima gemeinsam');
      const log = (await deps.auditLog.list({ limit: 10, offset: 0, entityType: 'taxonomy' })).items;
      expect(log[0]).toMatchObject({ action: 'taxonomy.rename', entityId: 'leitsaetze:17', before: { name: 'Wir schützen das Klima' }, after: { name: 'Wir schützen das Klima gemeinsam' } });
      expect(await renameTaxonomy(deps, { kind: 'regions', names: [{ id: 'lk-lahn-dill', name: 'Landkreis Lahn-Dill' }] }, editor)).toEqual({ ok: true, renamed: 1 });
      expect((await deps.taxonomy.names()).regions.get('lk-lahn-dill')).toBe('Landkreis Lahn-Dill');
    });

    it('refuses an empty name and renames nothing of that form', async () => {
      const outcome = await renameTaxonomy(deps, { kind: 'sdgs', names: [{ id: '1', name: 'Armut beenden' }, { id: '2', name: ' ' }] }, editor);
      expect(outcome).toEqual({ ok: false, errors: [{ path: 'sdgs-2', code: 'required', message: 'Bitte füllen Sie dieses Feld aus.' }] });
      expect((await deps.taxonomy.names()).sdgs.get(1)).not.toBe('Armut beenden');
    });
  });

  describe('search synonyms', () => {
    it('reports every line the search parser cannot use, with its number, and stores nothing', async () => {
      const before = await readSynonymSetting(deps.settings);
      const outcome = await updateSynonyms(deps, { text: 'kita, kindertagesstätte\nnur ein wort\n# Kommentar\n=,\n' }, editor);
      expect(outcome).toEqual({
        ok: false,
        errors: [
          { path: 'synonyms', code: 'synonyms_line_invalid', message: 'Zeile 2: Die Zeile braucht mindestens zwei Begriffe, getrennt durch Komma oder Gleichheitszeichen.' },
          { path: 'synonyms', code: 'synonyms_line_invalid', message: 'Zeile 4: Die Zeile braucht mindestens zwei Begriffe, getrennt durch Komma oder Gleichheitszeichen.' },
        ],
      });
      expect(await readSynonymSetting(deps.settings)).toEqual(before);
    });

    it('stores a valid list in the settings with an audit entry, and ignores a save without change', async () => {
      const text = 'kita, kindertagesstätte\nöpnv = öffentlicher personennahverkehr\n';
      expect(await updateSynonyms(deps, { text: text.replace(/\n/g, '\r\n') }, editor)).toEqual({ ok: true, changed: true });
      expect((await readSynonymSetting(deps.settings)).text).toBe(text);
      const [entry] = (await deps.auditLog.list({ limit: 1, offset: 0, entityType: 'setting' })).items;
      expect(entry).toMatchObject({ action: 'settings.update', entityId: 'search.synonyms', after: text });
      expect(await updateSynonyms(deps, { text }, editor)).toEqual({ ok: true, changed: false });
    });
  });

  describe('currency', () => {
    it('lists ended, long unchecked and badly linked published contributions until an editor confirms them', async () => {
      const ended = await createSubmitted(deps, { title: 'Abgelaufenes Projekt', period: { start: '2020-01', end: '2022-12' } }, { state: 'published' });
      const old = await createSubmitted(deps, { title: 'Lange nicht geprüft' }, { state: 'published' });
      await t.db.query(`UPDATE contributions SET published_at = now() - interval '13 months' WHERE id = $1`, [old.id]);
      const linked = await createSubmitted(deps, { title: 'Mit Platzhalterlink', links: [{ url: null, label: 'Flyer', placeholder: true }, { url: 'https://kaputt.example', broken: true }] }, { state: 'published' });
      await createSubmitted(deps, { title: 'Nicht veröffentlicht', period: { start: '2020', end: '2021' } }, { state: 'in_review' });

      const queue = await deps.editorial.currency({ today: '2026-11-21', limit: 50 });
      expect(queue.ended.items.map((i) => [i.title, i.periodEnd])).toContainEqual(['Abgelaufenes Projekt', '2022-12-31']);
      expect(queue.ended.items.map((i) => i.title)).not.toContain('Nicht veröffentlicht');
      expect(queue.unreviewed.items.map((i) => i.title)).toEqual(['Lange nicht geprüft']);
      expect(queue.links.items.find((i) => i.id === linked.id)).toMatchObject({ placeholderLinks: 1, brokenLinks: 1 });

      for (const id of [ended.id, old.id]) expect(await confirmCurrent(deps, { id }, editor)).toEqual({ ok: true });
      const after = await deps.editorial.currency({ today: '2026-11-21', limit: 50 });
      expect(after.ended.items.map((i) => i.id)).not.toContain(ended.id);
      expect(after.unreviewed.total).toBe(0);
      expect((await deps.contributions.get(old.id))?.version).toBe(1);
      expect((await auditFor(old.id))[0]).toMatchObject({ action: 'contribution.confirm_current', before: { reviewedAt: null } });
      expect(await confirmCurrent(deps, { id: '00000000-0000-4000-8000-000000000000' }, editor)).toEqual({ ok: false });
    });
  });
});
