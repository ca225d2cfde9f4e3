import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackOfficeHarness, type BackOfficeHarness, type Session } from '../../../test/support/backoffice.ts';
import { testEngines } from '../../../test/support/databases.ts';
import { createSubmitted } from '../../../test/support/editorial.ts';
import { headings, textOf } from '../../../test/support/html.ts';

/** The edit form's current values as a browser would post them (all named inputs, selects and textareas). */
function formValuesOf(html: string): Record<string, string> {
  const form = /<form method="post" action="[^"]*\/bearbeiten"[^>]*>([\s\S]*?)<\/form>/.exec(html)![1]!;
  const values: Record<string, string> = {};
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const match of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = match[1]!;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    if (!name || /type="(submit|file)"/.test(attrs)) continue;
    if (/type="checkbox"/.test(attrs) && !/checked/.test(attrs)) continue;
    values[name] = decode(/value="([^"]*)"/.exec(attrs)?.[1] ?? '');
  }
  for (const match of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) values[match[1]!] = decode(match[2]!);
  for (const match of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    values[match[1]!] = /<option value="([^"]*)"[^>]*selected/.exec(match[2]!)?.[1] ?? '';
  }
  return values;
}

describe.each(testEngines)('editing a contribution on %s', (engine) => {
  let harness: BackOfficeHarness;
  let erika: Session;
  let ada: Session;

  beforeAll(async () => {
    harness = await createBackOfficeHarness(engine);
    erika = await harness.loginAs('editor');
    ada = await harness.loginAs('admin');
  });
  afterAll(() => harness.dispose());

  const open = async (id: string, session: Session) => {
    const response = await harness.request(`/redaktion/beitraege/${id}/bearbeiten`, { session });
    const html = await response.text();
    return { status: response.status, html, values: response.status === 200 ? formValuesOf(html) : {} };
  };
  const save = async (id: string, session: Session, values: Record<string, string>) => {
    const { _csrf: _ignored, ...rest } = values;
    const response = await harness.request(`/redaktion/beitraege/${id}/bearbeiten`, { session, form: { ...rest, _action: rest._action ?? 'speichern' } });
    return { status: response.status, html: await response.text(), location: response.headers.get('Location') };
  };

  it('shows every field of the contribution in the public form\'s fields and saves a change as a new version with an audit entry', async () => {
    const item = await createSubmitted(harness.deps, {
      title: 'Repair-Café im Stadtteilzentrum',
      teaser: 'Ehrenamtliche reparieren Geräte.',
      contacts: [{ name: 'Jana Beispiel', email: 'jana@wetzlar.example', publishConsent: true }],
      period: { start: '2021-10-01' },
      links: [{ url: 'https://alt.example/seite', label: 'Projektseite', broken: true }, { url: null, label: 'Flyer', placeholder: true }],
      taxonomy: { kommunenFocus: true },
    });
    const form = await open(item.id, erika);
    expect(form.status).toBe(200);
    expect(headings(form.html, 1)).toEqual(['„Repair-Café im Stadtteilzentrum“ bearbeiten']);
    expect(form.values.title).toBe('Repair-Café im Stadtteilzentrum');
    expect(form.values['contacts.0.email']).toBe('jana@wetzlar.example');
    expect(form.values['period.start']).toBe('01.10.2021');
    expect(form.values['taxonomy.kommunenFocus']).toBe('ja');
    expect(textOf(form.html)).toContain('Bitte erläutern Sie kurz, wie die Entscheidung zur Umsetzung');

    const saved = await save(item.id, erika, { ...form.values, teaser: 'Ehrenamtliche reparieren Geräte und Fahrräder.' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/redaktion/beitraege/${item.id}?erledigt=gespeichert`);
    const after = (await harness.deps.contributions.get(item.id))!;
    expect(after.version).toBe(item.version + 1);
    expect(after.teaser).toBe('Ehrenamtliche reparieren Geräte und Fahrräder.');
    // Fields the form does not show survive: the broken flag of an unchanged link, the placeholder without target.
    expect(after.links).toEqual([
      { url: 'https://alt.example/seite', label: 'Projektseite', broken: true, placeholder: false },
      { url: null, label: 'Flyer', broken: false, placeholder: true },
    ]);
    expect(after.contacts[0]!.publishConsent).toBe(true);
    expect(after.taxonomy.kommunenFocus).toBe(true);
    const audit = await harness.deps.auditLog.list({ limit: 5, offset: 0, entityType: 'contribution', entityId: item.id });
    expect(audit.items[0]).toMatchObject({
      action: 'contribution.update',
      actor: 'Erika Redakteurin <editor@example.org>',
      before: { version: item.version, fields: { teaser: 'Ehrenamtliche reparieren Geräte.' } },
      after: { version: item.version + 1, fields: { teaser: 'Ehrenamtliche reparieren Geräte und Fahrräder.' } },
    });
    expect(textOf((await harness.request(saved.location!, { session: erika }).then((r) => r.text())))).toContain('Ihre Änderungen wurden als neue Fassung gespeichert.');
  });

  it('keeps what was typed and saves nothing when a field is invalid', async () => {
    const item = await createSubmitted(harness.deps, { title: 'Bürgerbus Ulrichstein', period: { start: '2020' } });
    const form = await open(item.id, erika);
    const saved = await save(item.id, erika, {
      ...form.values,
      title: 'Bürgerbus <script>alert(1)</script>',
      'contacts.0.name': 'Max Muster',
      'contacts.0.email': 'max-at-example',
      'period.end': '2019',
    });
    expect(saved.status).toBe(400);
    const text = textOf(saved.html);
    expect(text).toContain('Es gibt ein Problem');
    expect(text).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(text).toContain('Das Ende darf nicht vor dem Beginn liegen.');
    expect(saved.html).toContain('value="max-at-example"');
    expect(saved.html).toContain('Bürgerbus &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(saved.html).not.toContain('<script>alert(1)');
    expect((await harness.deps.contributions.get(item.id))!.version).toBe(item.version);
  });

  it('adds a contact row without JavaScript and keeps everything typed', async () => {
    const item = await createSubmitted(harness.deps, { title: 'Dorfladen Mengerskirchen' });
    const form = await open(item.id, erika);
    const added = await save(item.id, erika, { ...form.values, teaser: 'Noch nicht gespeichert', _action: 'add:contacts' });
    expect(added.status).toBe(200);
    expect(added.html).toContain('Noch nicht gespeichert');
    expect(added.html).toMatch(/name="contacts\.0\.name"/);
    expect((await harness.deps.contributions.get(item.id))!.version).toBe(item.version);
  });

  describe('when two editors save the same contribution', () => {
    it('the second sees both versions on a conflict page, nothing is overwritten, and she chooses', async () => {
      const item = await createSubmitted(harness.deps, { title: 'Klimaschutzkonzept Gemeinde Biebertal', teaser: 'Ausgangsfassung' });
      const erikasForm = await open(item.id, erika);
      const adasForm = await open(item.id, ada);

      expect((await save(item.id, erika, { ...erikasForm.values, teaser: 'Fassung von Erika' })).status).toBe(303);
      const conflict = await save(item.id, ada, { ...adasForm.values, teaser: 'Fassung von Ada' });
      expect(conflict.status).toBe(409);
      expect(headings(conflict.html, 1)).toEqual(['Der Beitrag wurde inzwischen geändert']);
      const text = textOf(conflict.html);
      expect(text).toContain('Ihre Änderungen wurden nicht gespeichert.');
      expect(text).toContain('gespeichert von Erika Redakteurin <editor@example.org>');
      expect(text).toMatch(/Kurzbeschreibung.*Fassung von Erika.*Fassung von Ada/);
      expect((await harness.deps.contributions.get(item.id))!.teaser).toBe('Fassung von Erika');

      // "Weiter bearbeiten": the form with Ada's values, now based on the stored version.
      const choices = [...conflict.html.matchAll(/<form method="post" action="[^"]*\/bearbeiten">([\s\S]*?)<\/form>/g)].map((m) => m[1]!);
      const hidden = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      const resume = await save(item.id, ada, { ...hidden(choices[1]!), _action: 'weiterbearbeiten' });
      expect(resume.status).toBe(200);
      expect(resume.html).toContain('Fassung von Ada');
      expect(resume.html).toContain(`name="version" value="${item.version + 1}"`);

      // "Meine Fassung speichern": an explicit choice after seeing both; the other stays in the history.
      const mine = await save(item.id, ada, { ...hidden(choices[0]!), _action: 'speichern' });
      expect(mine.status, textOf(mine.html).slice(0, 400)).toBe(303);
      const after = (await harness.deps.contributions.get(item.id))!;
      expect(after.teaser).toBe('Fassung von Ada');
      expect(after.version).toBe(item.version + 2);
      const revisions = await harness.deps.contributions.revisions(item.id);
      expect(revisions.map((r) => r.actor).slice(-2)).toEqual(['Erika Redakteurin <editor@example.org>', 'Ada Admin <admin@example.org>']);
    });

    it('a save with a stale version never changes the stored contribution', async () => {
      const item = await createSubmitted(harness.deps, { title: 'Streuobstwiesen im Vogelsberg' });
      const form = await open(item.id, erika);
      expect((await save(item.id, erika, { ...form.values, title: 'Streuobstwiesen im Vogelsbergkreis' })).status).toBe(303);
      for (let i = 0; i < 2; i++) expect((await save(item.id, erika, { ...form.values, title: `Veraltet ${i}` })).status).toBe(409);
      expect((await harness.deps.contributions.get(item.id))!.title).toBe('Streuobstwiesen im Vogelsbergkreis');
    });
  });

  it('answers an unknown contribution with 404', async () => {
    expect((await open('00000000-0000-4000-8000-000000000000', erika)).status).toBe(404);
    expect((await open('kein-uuid', erika)).status).toBe(404);
  });
});
