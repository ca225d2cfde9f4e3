import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackOfficeHarness, type BackOfficeHarness, type Session } from '../../../test/support/backoffice.ts';
import { bfaFactsheet } from '../../../test/support/contributions.ts';
import { testEngines } from '../../../test/support/databases.ts';
import { createSubmitted } from '../../../test/support/editorial.ts';
import { sectionHtml, sectionText, textOf } from '../../../test/support/html.ts';
import { contentOf, type ContributionContentInput } from '../../domain/contribution.ts';

/** The fact sheet "Budget für Arbeit" without the classification editors gave it. */
const bfa = (): ContributionContentInput => ({ ...contentOf(bfaFactsheet), taxonomy: { leitbildArea: null, leitsaetze: [], sdgs: [10], kommunenFocus: false } });

describe.each(testEngines)('suggestions and duplicates on the contribution page on %s', (engine) => {
  let harness: BackOfficeHarness;
  let editor: Session;

  beforeAll(async () => {
    harness = await createBackOfficeHarness(engine);
    editor = await harness.loginAs('editor');
  });
  afterAll(() => harness.dispose());

  const page = async (id: string) => {
    const response = await harness.request(`/redaktion/beitraege/${id}`, { session: editor });
    return { status: response.status, html: await response.text() };
  };
  const apply = (id: string, form: Record<string, string>, extra: Array<[string, string]> = []) => {
    const body = new URLSearchParams({ _csrf: editor.csrf, ...form });
    for (const [name, value] of extra) body.append(name, value);
    return harness.app.request(`http://localhost/redaktion/beitraege/${id}/einordnung`, {
      method: 'POST',
      headers: { Cookie: editor.cookie, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
  };

  it('lists suggested area, Leitsätze and SDGs with score and trigger words, assigned ones marked, in labelled groups', async () => {
    const created = await createSubmitted(harness.deps, bfa());
    const { status, html } = await page(created.id);
    expect(status).toBe(200);
    const section = sectionHtml(html, 'vorschlaege')!;
    const text = sectionText(html, 'vorschlaege');
    expect(text).toContain('Vorschläge zur Einordnung');
    expect(text).toMatch(/SDG 8: Menschenwürdige Arbeit und Wirtschaftswachstum \d+ Punkte, weil: Budgets für Arbeit, Budget für Arbeit \(Titel, Kurzbeschreibung, Text\)/);
    expect(text).toMatch(/SDG 10: Weniger Ungleichheiten – bereits zugeordnet \d+ Punkte, weil:/);
    expect(text).toMatch(/Leitsatz 4: Jede und jeder zählt \d+ Punkte, weil: .*WfbM \(Text\)/);
    expect(text).toMatch(/Soziales \d+ Punkte, weil: Leitsatz 4 vorgeschlagen/);
    for (const legend of ['Bereich des Leitbilds', 'Leitsätze', 'Nachhaltigkeitsziele (SDGs)']) expect(section).toContain(`<legend>${legend}</legend>`);
    expect(section).toContain('<input type="checkbox" id="vorschlag-sdg-8" name="sdg" value="8" aria-describedby="vorschlag-sdg-8-grund"/>');
    expect(section).toContain('<label for="vorschlag-sdg-8">');
    expect(section).not.toContain('id="vorschlag-sdg-10"');
    expect(section).toMatch(/<input type="radio" id="vorschlag-bereich-keiner" name="bereich" value="" checked=""\/>/);
    expect(text).toContain('Ausgewählte übernehmen');
    // Shown, not applied: the contribution is unchanged.
    expect((await harness.deps.contributions.get(created.id))!.version).toBe(1);
  });

  it('applies only the chosen suggestions as a new version with an audit entry', async () => {
    const created = await createSubmitted(harness.deps, bfa());
    const response = await apply(created.id, { version: '1', bereich: 'soziales' }, [['leitsatz', '4'], ['sdg', '8']]);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/redaktion/beitraege/${created.id}?erledigt=eingeordnet#vorschlaege`);
    const stored = (await harness.deps.contributions.get(created.id))!;
    expect(stored).toMatchObject({ version: 2, taxonomy: { leitbildArea: 'soziales', leitsaetze: [4], sdgs: [8, 10] } });
    const audit = await harness.deps.auditLog.list({ limit: 10, offset: 0, entityType: 'contribution', entityId: created.id });
    expect(audit.items[0]).toMatchObject({ action: 'contribution.apply_suggestions', actor: expect.stringContaining('Erika Redakteurin') });
    const after = await harness.request(`/redaktion/beitraege/${created.id}?erledigt=eingeordnet`, { session: editor });
    const html = await after.text();
    expect(textOf(html)).toContain('Die ausgewählten Vorschläge wurden als neue Fassung übernommen.');
    expect(sectionText(html, 'vorschlaege')).toMatch(/SDG 8: Menschenwürdige Arbeit und Wirtschaftswachstum – bereits zugeordnet/);
  });

  it('answers an empty choice with an error summary and a stale version with 409, changing nothing', async () => {
    const created = await createSubmitted(harness.deps, bfa());
    const empty = await apply(created.id, { version: '1', bereich: '' });
    const html = await empty.text();
    expect(empty.status).toBe(400);
    expect(html).toContain('<div class="error-summary" role="alert"');
    expect(html).toContain('href="#vorschlaege-auswahl"');
    expect(textOf(html)).toContain('Bitte wählen Sie mindestens einen Vorschlag aus, der übernommen werden soll.');
    expect(html).toContain('aria-describedby="vorschlaege-auswahl-error"');

    const stale = await apply(created.id, { version: '7' }, [['sdg', '8']]);
    const staleHtml = await stale.text();
    expect(stale.status).toBe(409);
    expect(textOf(staleHtml)).toContain('Der Beitrag wurde inzwischen von jemand anderem geändert.');
    // What the editor ticked stays ticked.
    expect(staleHtml).toMatch(/id="vorschlag-sdg-8" name="sdg" value="8" checked=""/);
    expect((await harness.deps.contributions.get(created.id))!.version).toBe(1);
  });

  it('flags a likely duplicate with a link to it and the reason', async () => {
    const first = await createSubmitted(harness.deps, { title: 'Repair-Café im Bürgerhaus', sponsor: { name: 'Stadt Alsfeld' } });
    const second = await createSubmitted(harness.deps, { title: 'REPAIR CAFÉ im Bürgerhaus', sponsor: { name: 'stadt alsfeld' } });
    const unrelated = await createSubmitted(harness.deps, { title: 'Bürgerbus Alsfeld', sponsor: { name: 'Stadt Alsfeld' } });
    const { html } = await page(second.id);
    expect(sectionText(html, 'dubletten')).toBe('Mögliche Dubletten Mögliche Dublette von: Repair-Café im Bürgerhaus (eingereicht) – gleicher Titel und Träger');
    expect(sectionHtml(html, 'dubletten')).toContain(`href="/redaktion/beitraege/${first.id}"`);
    expect(sectionHtml((await page(unrelated.id)).html, 'dubletten')).toBeNull();
  });
});
