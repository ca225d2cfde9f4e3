import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackOfficeHarness, type BackOfficeHarness, type Session } from '../../../test/support/backoffice.ts';
import { testEngines } from '../../../test/support/databases.ts';
import { createSubmitted } from '../../../test/support/editorial.ts';
import { headings, textOf } from '../../../test/support/html.ts';

const provenance = { format: 'factsheet' as const, sourceFile: 'steckbrief.docx', contentHash: 'a'.repeat(64), importedAt: '2026-01-05T10:00:00.000Z' };

describe.each(testEngines)('editorial pages on %s', (engine) => {
  let harness: BackOfficeHarness;
  let editor: Session;
  let admin: Session;

  beforeAll(async () => {
    harness = await createBackOfficeHarness(engine);
    editor = await harness.loginAs('editor');
    admin = await harness.loginAs('admin');
  });
  afterAll(() => harness.dispose());

  const get = async (path: string, session: Session = editor) => {
    const response = await harness.request(path, { session });
    return { status: response.status, html: await response.text(), location: response.headers.get('Location') };
  };
  const post = async (path: string, form: Record<string, string>, session: Session = editor) => {
    const response = await harness.request(path, { session, form });
    return { status: response.status, html: await response.text(), location: response.headers.get('Location') };
  };
  const deps = () => harness.deps;

  describe('review queue', () => {
    it('lists submitted and in-review contributions newest first, with counts per state and links', async () => {
      const older = await createSubmitted(deps(), { title: 'Älterer Antrag Dorfgemeinschaftshaus' }, { submitter: { name: 'Otto Alt', email: 'otto@example.org' } });
      const newer = await createSubmitted(deps(), { title: 'Neuer Antrag Bürgerbus' }, { state: 'in_review' });
      await createSubmitted(deps(), { title: 'Schon veröffentlicht' }, { state: 'published' });
      const { status, html } = await get('/redaktion');
      expect(status).toBe(200);
      expect(headings(html, 1)).toEqual(['Prüfliste']);
      const text = textOf(html);
      expect(text).toMatch(/Zu prüfen \(2\)/);
      expect(text).toMatch(/eingereicht \(1\)/);
      expect(text).toMatch(/in Prüfung \(1\)/);
      expect(text).toMatch(/veröffentlicht \(1\)/);
      expect(text).not.toContain('Schon veröffentlicht');
      expect(text.indexOf('Neuer Antrag Bürgerbus')).toBeLessThan(text.indexOf('Älterer Antrag Dorfgemeinschaftshaus'));
      expect(text).toContain(older.reference);
      expect(text).toContain('Otto Alt');
      expect(html).toContain(`href="/redaktion/beitraege/${newer.id}"`);
      expect(html).toContain('<caption>');
      expect(html).toContain('<th scope="col">Titel</th>');
      expect(html).toMatch(/<label for="auswahl" class="visually-hidden">„Neuer Antrag Bürgerbus“ auswählen<\/label>/);
      expect(text).toContain('Veröffentlichen');
      expect(text).toContain('Archivieren');

      const published = textOf((await get('/redaktion?zustand=published')).html);
      expect(published).toContain('Schon veröffentlicht');
      expect(published).not.toContain('Neuer Antrag Bürgerbus');
    });

    it('pages through a long queue', async () => {
      for (let i = 1; i <= 26; i++) await createSubmitted(deps(), { title: `Antrag Nummer ${i}` }, { state: 'rejected', submitter: null });
      const first = await get('/redaktion?zustand=rejected');
      expect(textOf(first.html)).toContain('Seite 1 von 2');
      expect(first.html).toContain('href="/redaktion?zustand=rejected&amp;seite=2"');
      const second = textOf((await get('/redaktion?zustand=rejected&seite=2')).html);
      expect(second).toContain('Antrag Nummer 1');
      expect(second).not.toContain('Antrag Nummer 26');
    });

    it('publishes in bulk without JavaScript and reports in German which items succeeded and which did not', async () => {
      const ready = await createSubmitted(deps(), { title: 'Bereit: Streuobstwiese' }, { state: 'in_review' });
      const early = await createSubmitted(deps(), { title: 'Zu früh: Tauschregal' });
      const response = await harness.request('/redaktion/sammelaktion', {
        session: editor,
        form: { aktion: 'published', zustand: 'offen', seite: '1' },
      });
      expect(response.status).toBe(400);
      const body = new URLSearchParams({ _csrf: editor.csrf, aktion: 'published', zustand: 'offen', seite: '1' });
      body.append('beitrag', `${ready.id}:1`);
      body.append('beitrag', `${early.id}:1`);
      const bulk = await harness.app.request('http://localhost/redaktion/sammelaktion', {
        method: 'POST',
        headers: { Cookie: editor.cookie, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      });
      const html = await bulk.text();
      expect(bulk.status).toBe(200);
      expect(html).toContain('role="status"');
      const text = textOf(html);
      expect(text).toContain('1 von 2 Beiträgen veröffentlicht.');
      expect(text).toContain('Bereit: Streuobstwiese: veröffentlicht');
      expect(text).toContain('Zu früh: Tauschregal: Ein Beitrag im Zustand „eingereicht“ kann nicht veröffentlicht werden.');
      expect((await deps().contributions.get(ready.id))?.state).toBe('published');
      expect((await deps().contributions.get(early.id))?.state).toBe('submitted');
    });

    it('asks for a selection when a bulk action is sent without one, linking the error to the first checkbox', async () => {
      await createSubmitted(deps(), { title: 'Irgendein Antrag' });
      const { status, html } = await post('/redaktion/sammelaktion', { aktion: 'archived', zustand: 'offen' });
      expect(status).toBe(400);
      expect(textOf(html)).toContain('Es gibt ein Problem');
      expect(html).toContain('<a href="#auswahl">Bitte wählen Sie mindestens einen Beitrag aus.</a>');
      expect(html).toContain('<span class="visually-hidden">Fehler:</span> Bitte wählen Sie mindestens einen Beitrag aus.');
      expect(html).toContain('id="auswahl"');
    });
  });

  describe('contribution page', () => {
    it('shows all fields, state, reference, submitter, provenance, the allowed actions, comments and revisions', async () => {
      const created = await deps().contributions.create(
        (await import('../../domain/contribution.ts')).ContributionContentSchema.parse({
          title: 'Klimaschutz im Quartier',
          teaser: 'Nachbarschaften sparen gemeinsam Energie.',
          answers: { decision: 'Der Gemeinderat hat beschlossen.' },
          funding: { totalCents: 1250000 },
          contacts: [{ name: 'Maria Muster', email: 'maria@example.org' }],
        }),
        { state: 'submitted', actor: 'Einreichung', provenance, reference: 'BK-2026-77777', submitter: { name: 'Maria Muster', email: 'maria@example.org' } },
      );
      const { status, html } = await get(`/redaktion/beitraege/${created.id}`);
      expect(status).toBe(200);
      const text = textOf(html);
      expect(headings(html, 1)).toEqual(['Klimaschutz im Quartier']);
      for (const expected of [
        'Zustand eingereicht',
        'Vorgangsnummer BK-2026-77777',
        'Maria Muster, maria@example.org',
        'Projektsteckbrief (Import)',
        'steckbrief.docx',
        'Kurzbeschreibung Nachbarschaften sparen gemeinsam Energie.',
        'Entscheidung Der Gemeinderat hat beschlossen.',
        'Gesamtkosten 12.500',
        'Veröffentlichung erlaubt nein',
        'Noch keine Kommentare.',
        'Fassung 1 (aktuell)',
      ])
        expect(text).toContain(expected);
      expect(text).toContain('In Prüfung nehmen');
      expect(text).toContain('Ablehnen');
      expect(html).not.toMatch(/<button[^>]*>Veröffentlichen<\/button>/);
      expect(html).toContain('<label for="reason">Begründung der Ablehnung</label>');
      expect(html).toContain(`href="/redaktion/beitraege/${created.id}/versionen/1"`);
    });

    it('moves a contribution on through the forms and says so after the redirect', async () => {
      const created = await createSubmitted(deps(), { title: 'Ladesäulen Schlitz' });
      const moved = await post(`/redaktion/beitraege/${created.id}/zustand`, { ziel: 'in_review', version: '1' });
      expect(moved.status).toBe(303);
      expect(moved.location).toBe(`/redaktion/beitraege/${created.id}?erledigt=in_review`);
      const after = await get(moved.location!);
      expect(after.html).toMatch(/<p role="status" class="notice">Erledigt: Der Beitrag ist jetzt „in Prüfung“.<\/p>/);
      expect(textOf(after.html)).toContain('Veröffentlichen');
      expect((await post(`/redaktion/beitraege/${created.id}/zustand`, { ziel: 'published', version: '2' })).status).toBe(303);
      expect((await deps().contributions.get(created.id))?.state).toBe('published');
    });

    it('requires a rejection reason with an error summary linking to the field, and keeps what was typed', async () => {
      const created = await createSubmitted(deps(), { title: 'Abzulehnen' });
      const empty = await post(`/redaktion/beitraege/${created.id}/zustand`, { ziel: 'rejected', version: '1', reason: ' ' });
      expect(empty.status).toBe(400);
      expect(empty.html).toContain('<a href="#reason">Bitte begründen Sie die Ablehnung.');
      expect(empty.html).toContain('aria-invalid="true"');
      const long = 'Zu lang. '.repeat(600);
      const tooLong = await post(`/redaktion/beitraege/${created.id}/zustand`, { ziel: 'rejected', version: '1', reason: long });
      expect(tooLong.status).toBe(400);
      expect(tooLong.html).toContain(long.trim());
      expect((await deps().contributions.get(created.id))?.state).toBe('submitted');
    });

    it('answers a stale form with 409, a German explanation and no change', async () => {
      const created = await createSubmitted(deps(), { title: 'Zweimal bearbeitet' });
      await post(`/redaktion/beitraege/${created.id}/zustand`, { ziel: 'in_review', version: '1' });
      const stale = await post(`/redaktion/beitraege/${created.id}/zustand`, { ziel: 'rejected', version: '1', reason: 'Doppelt eingereicht' });
      expect(stale.status).toBe(409);
      expect(textOf(stale.html)).toContain('Der Beitrag wurde inzwischen von jemand anderem geändert. Ihre Änderung wurde nicht gespeichert.');
      expect(stale.html).toContain('Doppelt eingereicht');
      expect((await deps().contributions.get(created.id))).toMatchObject({ state: 'in_review', version: 2 });
    });

    it('refuses a state change without the CSRF token and changes nothing', async () => {
      const created = await createSubmitted(deps(), { title: 'Angriffsziel' });
      const response = await harness.request(`/redaktion/beitraege/${created.id}/zustand`, { session: { ...editor, csrf: 'gefälscht' }, form: { ziel: 'in_review', version: '1' } });
      expect(response.status).toBe(403);
      expect(textOf(await response.text())).toContain('Formular abgelaufen');
      expect((await deps().contributions.get(created.id))?.state).toBe('submitted');
    });

    it('stores internal comments and comments to the submitter (queued as mail), keeping input on errors', async () => {
      const created = await createSubmitted(deps(), { title: 'Mit Rückfrage' }, { submitter: { name: 'Rudi Rück', email: 'rudi@example.org' } });
      const saved = await post(`/redaktion/beitraege/${created.id}/kommentare`, { body: 'Bitte das Budget nennen.', toSubmitter: 'ja' });
      expect(saved.status).toBe(303);
      const page = await get(saved.location!);
      expect(page.html).toContain('Der Kommentar wurde gespeichert.');
      expect(textOf(page.html)).toContain('an die*den Einreichende*n gesendet Bitte das Budget nennen.');
      expect((await deps().outbox.list({ limit: 50, offset: 0 })).items.some((m) => m.to === 'rudi@example.org' && m.body.includes('Bitte das Budget nennen.'))).toBe(true);

      const anonymous = await createSubmitted(deps(), { title: 'Ohne Adresse' }, { submitter: null });
      const refused = await post(`/redaktion/beitraege/${anonymous.id}/kommentare`, { body: 'Nachricht <an> niemanden', toSubmitter: 'ja' });
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('<a href="#toSubmitter">Für diesen Beitrag ist keine E-Mail-Adresse');
      expect(refused.html).toContain('Nachricht &lt;an&gt; niemanden</textarea>');
    });

    it('answers unknown and malformed ids with 404', async () => {
      expect((await get('/redaktion/beitraege/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await get('/redaktion/beitraege/kein-uuid')).status).toBe(404);
      expect((await get('/redaktion/beitraege/00000000-0000-4000-8000-000000000000/versionen/1')).status).toBe(404);
    });
  });

  describe('revisions', () => {
    it('shows a revision side by side with the previous one and restores it as a new version', async () => {
      const created = await createSubmitted(deps(), { title: 'Alter Titel', teaser: 'Alter Anreißer' }, { state: 'in_review' });
      const { ContributionContentSchema } = await import('../../domain/contribution.ts');
      await deps().contributions.update(created.id, 1, ContributionContentSchema.parse({ title: 'Neuer Titel', teaser: 'Alter Anreißer' }), 'Redaktion');
      const diff = await get(`/redaktion/beitraege/${created.id}/versionen/2`);
      expect(diff.status).toBe(200);
      const text = textOf(diff.html);
      expect(text).toContain('Änderungen gegenüber Fassung 1');
      expect(text).toContain('Feld Vorher (Fassung 1) Nachher (Fassung 2)');
      expect(text).toContain('Titel title Alter Titel Neuer Titel');
      expect(text).toContain('Dies ist die aktuelle Fassung.');

      const first = await get(`/redaktion/beitraege/${created.id}/versionen/1`);
      expect(textOf(first.html)).toContain('Diese Fassung wiederherstellen');
      const restored = await post(`/redaktion/beitraege/${created.id}/versionen/1/wiederherstellen`, { version: '2' });
      expect(restored.status).toBe(303);
      expect(textOf((await get(restored.location!)).html)).toContain('Fassung 1 wurde als neue Fassung wiederhergestellt.');
      expect(await deps().contributions.get(created.id)).toMatchObject({ title: 'Alter Titel', version: 3 });

      const stale = await post(`/redaktion/beitraege/${created.id}/versionen/2/wiederherstellen`, { version: '2' });
      expect(stale.status).toBe(409);
      expect(stale.html).toContain('<a href="#wiederherstellen">Der Beitrag wurde inzwischen');
    });
  });

  describe('currency queue', () => {
    it('lists ended and long unchecked contributions and takes them off when an editor confirms', async () => {
      const ended = await createSubmitted(deps(), { title: 'Längst beendet', period: { start: '2019', end: '2020-06' } }, { state: 'published' });
      const { status, html } = await get('/redaktion/aktualitaet');
      expect(status).toBe(200);
      expect(headings(html, 2).some((h) => /^Laufzeit beendet \(\d+\)$/.test(h))).toBe(true);
      expect(headings(html, 2)).toContain('Seit 12 Monaten nicht geprüft (0)');
      expect(textOf(html)).toContain('Längst beendet 30.06.2020 noch nie Geprüft, aktuell: „Längst beendet“');
      const confirmed = await post('/redaktion/aktualitaet/geprueft', { id: ended.id });
      expect(confirmed.status).toBe(303);
      const after = await get(confirmed.location!);
      expect(after.html).toContain('role="status"');
      expect(textOf(after.html)).not.toContain('Längst beendet');
    });
  });

  describe('taxonomy and synonyms', () => {
    it('renames a Leitsatz through the form and keeps typed names on an error', async () => {
      const page = await get('/redaktion/taxonomie');
      expect(page.html).toContain('<label for="leitsaetze-17">Leitsatz 17</label>');
      expect(page.html).toContain('<label for="regions-lk-lahn-dill">Landkreis (ursprünglicher Name: Lahn-Dill-Kreis)</label>');
      const saved = await post('/redaktion/taxonomie', { art: 'leitsaetze', 'leitsaetze-17': 'Klima schützen, gemeinsam' });
      expect(saved.status).toBe(303);
      expect(textOf((await get(saved.location!)).html)).toContain('Ein Name wurde geändert.');
      expect((await deps().taxonomy.names()).leitsaetze.get(17)).toBe('Klima schützen, gemeinsam');

      const refused = await post('/redaktion/taxonomie', { art: 'sdgs', 'sdgs-1': 'Keine Armut – neu', 'sdgs-2': '' });
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('<a href="#sdgs-2">Bitte füllen Sie dieses Feld aus.</a>');
      expect(refused.html).toContain('value="Keine Armut – neu"');
    });

    it('shows the synonym list, refuses lines the parser cannot use (keeping the text) and saves a valid list', async () => {
      const page = await get('/redaktion/synonyme');
      expect(page.html).toContain('bfa = budget für arbeit');
      const typed = 'kita, kindertagesstätte\nnur-ein-wort';
      const refused = await post('/redaktion/synonyme', { synonyms: typed });
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('<a href="#synonyms">Zeile 2: Die Zeile braucht mindestens zwei Begriffe');
      expect(refused.html).toContain(`${typed}</textarea>`);
      const saved = await post('/redaktion/synonyme', { synonyms: 'kita, kindertagesstätte\n' });
      expect(saved.location).toBe('/redaktion/synonyme?gespeichert=geaendert');
      expect(textOf((await get(saved.location!)).html)).toContain('Die Synonyme wurden gespeichert.');
    });
  });

  describe('outbox and audit log', () => {
    it('shows unsent mails first with recipient, subject and body', async () => {
      await deps().outbox.enqueue({ to: 'gesendet@example.org', subject: 'Schon raus', body: 'Alt', purpose: 'comment_to_submitter' }).then((m) => deps().outbox.markSent(m.id));
      const unsent = await deps().outbox.enqueue({ to: 'wartet@example.org', subject: 'Wartet noch', body: 'Guten Tag,\nbitte melden.', purpose: 'contribution_rejected' });
      await deps().outbox.markFailed(unsent.id, 'Verbindung abgelehnt');
      const { status, html } = await get('/redaktion/postausgang');
      expect(status).toBe(200);
      const text = textOf(html);
      expect(text).toMatch(/\d+ E-Mails? (ist|sind) nicht versendet\./);
      expect(text.indexOf('Wartet noch')).toBeLessThan(text.indexOf('Schon raus'));
      expect(text).toContain('Wartet noch nicht versendet Fehler nach 1 Versuch: Verbindung abgelehnt wartet@example.org Ablehnung');
      expect(html).toContain('Guten Tag,\nbitte melden.');
    });

    it('shows admins who did what, filterable by entity', async () => {
      const created = await createSubmitted(deps(), { title: 'Protokolliert' });
      await post(`/redaktion/beitraege/${created.id}/zustand`, { ziel: 'in_review', version: '1' });
      const all = await get('/redaktion/protokoll', admin);
      expect(all.status).toBe(200);
      expect(textOf(all.html)).toContain('Erika Redakteurin <editor@example.org> in Prüfung genommen contribution.review Beiträge');
      const filtered = textOf((await get(`/redaktion/protokoll?bereich=contribution&kennung=${created.id}`, admin)).html);
      expect(filtered).toContain('Protokolleinträge, neueste zuerst: 1');
      expect(filtered).toContain('Zustand eingereicht Fassung 1');
      expect(filtered).toContain('Zustand in Prüfung Fassung 2');
      expect((await get('/redaktion/protokoll', editor)).status).toBe(403);
    });
  });
});
