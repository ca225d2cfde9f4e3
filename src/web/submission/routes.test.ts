import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftTokenHash } from '../../app/submissions/draft-token.ts';
import { anchors, headings, textOf } from '../../../test/support/html.ts';
import { createSubmissionHarness, type SubmissionHarness } from '../../../test/support/submissions.ts';
import { MAX_BODY_BYTES } from './routes.tsx';
import { questionnaireQuestions } from './steps.ts';

const ORIGIN = 'http://localhost';
let h: SubmissionHarness;

beforeAll(async () => {
  h = await createSubmissionHarness();
});
afterAll(async () => h?.dispose());

type Fields = Record<string, string | string[]>;

function formBody(fields: Fields): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return body;
}

async function post(path: string, fields: Fields | FormData) {
  const response = await h.app.request(path, { method: 'POST', body: fields instanceof FormData ? fields : formBody(fields), headers: { Origin: ORIGIN } });
  return { status: response.status, location: response.headers.get('Location'), html: await response.text(), headers: response.headers };
}

async function get(path: string) {
  const response = await h.app.request(path);
  return { status: response.status, location: response.headers.get('Location'), html: await response.text(), headers: response.headers };
}

/** Starts a draft through the start page's form; returns its token. */
async function start(): Promise<string> {
  const { status, location } = await post('/einreichen', { zusatz: '' });
  expect(status).toBe(303);
  const token = /^\/einreichen\/entwurf\/([\w-]{43})\/ueber-sie$/.exec(location ?? '')?.[1];
  if (!token) throw new Error(`unexpected redirect ${location}`);
  return token;
}

const stepUrl = (token: string, step: string) => `/einreichen/entwurf/${token}/${step}`;
const storedValues = async (token: string) => (await h.deps.drafts.findByTokenHash(draftTokenHash(token)))?.values;
/** The value attribute of the input with this id, decoded as a browser would. */
const inputValue = (html: string, id: string) => {
  const tag = new RegExp(`<input[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  return textOf(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? '');
};
/** The error summary's links (text and target), in order. */
const summaryLinks = (html: string) => anchors(/<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '');
const textareaValue = (html: string, id: string) => textOf(new RegExp(`<textarea[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1] ?? '');

describe('starting and resuming', () => {
  it('explains the form on /einreichen, linked from every page header', async () => {
    const { status, html } = await get('/einreichen');
    expect(status).toBe(200);
    expect(headings(html, 1)).toEqual(['Projekt einreichen']);
    expect(anchors(html)).toContainEqual({ text: 'Projekt einreichen', href: '/einreichen' });
    expect(textOf(html)).toContain('Einreichung beginnen');
    const startPage = await get('/');
    expect(anchors(startPage.html)).toContainEqual({ text: 'Projekt einreichen', href: '/einreichen' });
  });

  it('stores only the hash of the secret token and resumes at the last step through the link', async () => {
    const token = await start();
    const rows = await h.test.db.query<{ token_hash: string }>('SELECT token_hash FROM submission_drafts WHERE token_hash = $1 OR token_hash = $2', [token, draftTokenHash(token)]);
    expect(rows.map((r) => r.token_hash)).toEqual([draftTokenHash(token)]);

    const first = await get(stepUrl(token, 'ueber-sie'));
    expect(first.headers.get('Cache-Control')).toBe('no-store');
    expect(textOf(first.html)).toContain(`http://localhost/einreichen/entwurf/${token}`);

    const next = await post(stepUrl(token, 'ueber-sie'), { 'submitter.name': 'Erika Musterfrau', 'submitter.email': 'erika@example.org', _action: 'weiter' });
    expect(next).toMatchObject({ status: 303, location: stepUrl(token, 'projekt') });
    expect((await get(`/einreichen/entwurf/${token}`)).location).toBe(stepUrl(token, 'projekt'));
    expect(inputValue((await get(stepUrl(token, 'ueber-sie'))).html, 'submitter-name')).toBe('Erika Musterfrau');
  });

  it('answers an unknown link with 404 and an expired one with 410, both saying how to start again', async () => {
    const unknown = await get(`/einreichen/entwurf/${'A'.repeat(43)}/projekt`);
    expect(unknown.status).toBe(404);
    expect(headings(unknown.html, 1)).toEqual(['Entwurf nicht gefunden']);
    expect(anchors(unknown.html)).toContainEqual({ text: 'Neue Einreichung beginnen', href: '/einreichen' });
    expect((await get('/einreichen/entwurf/kurz')).status).toBe(404);

    const token = await start();
    await h.expireDraft(token);
    for (const response of [await get(`/einreichen/entwurf/${token}`), await post(stepUrl(token, 'ueber-sie'), { 'submitter.name': 'Zu spät' })]) {
      expect(response.status).toBe(410);
      expect(headings(response.html, 1)).toEqual(['Dieser Entwurf ist abgelaufen']);
      expect(textOf(response.html)).toContain('30 Tage nach der letzten Änderung');
      expect(anchors(response.html)).toContainEqual({ text: 'Neue Einreichung beginnen', href: '/einreichen' });
    }
    expect(await storedValues(token)).toEqual({});
  });
});

describe('errors keep what was typed', () => {
  it('shows the GOV.UK error pattern for an invalid e-mail address and keeps the values', async () => {
    const token = await start();
    const { status, html } = await post(stepUrl(token, 'ueber-sie'), { 'submitter.name': 'Erika', 'submitter.email': 'erika@', _action: 'weiter' });
    expect(status).toBe(400);
    expect(html).toMatch(/<title>Fehler: Über Sie/);
    expect(html).toContain('<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" data-error-summary');
    expect(headings(html, 2)).toContain('Es gibt ein Problem');
    expect(summaryLinks(html)).toEqual([{ text: 'Ihre E-Mail-Adresse: Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.', href: '#submitter-email' }]);
    const input = /<input[^>]*id="submitter-email"[^>]*>/.exec(html)?.[0] ?? '';
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="submitter-email-hint submitter-email-error"');
    expect(html).toContain('<p class="error-message" id="submitter-email-error"><span class="visually-hidden">Fehler:</span> Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(inputValue(html, 'submitter-email')).toBe('erika@');
    expect(await storedValues(token)).toEqual({ 'submitter.name': 'Erika', 'submitter.email': 'erika@' });
  });

  it('reports oversized fields at the field, with the limit, and keeps the long text', async () => {
    const token = await start();
    const long = 'Sehr langer Titel '.repeat(20);
    const { status, html } = await post(stepUrl(token, 'projekt'), { kind: 'projekt', title: long, teaser: 'x'.repeat(700) });
    expect(status).toBe(400);
    expect(summaryLinks(html).map((a) => a.text)).toEqual(['Titel: Der Text ist zu lang: höchstens 300 Zeichen.', 'Kurzbeschreibung: Der Text ist zu lang: höchstens 600 Zeichen.']);
    expect(inputValue(html, 'title')).toBe(long.trim());
    expect(textareaValue(html, 'teaser')).toBe('x'.repeat(700));
  });

  it('reports invalid phone number, postcode and an end before the start in German', async () => {
    const token = await start();
    const people = await post(stepUrl(token, 'beteiligte'), {
      'sponsor.name': 'Stadt Wetzlar',
      'sponsor.postcode': '355',
      'contacts.0.name': 'Erika',
      'contacts.0.phone': 'ruf mich an',
      'contacts.0.email': 'erika-at-example.org',
    });
    expect(people.status).toBe(400);
    expect(summaryLinks(people.html).map((a) => [a.href, a.text])).toEqual([
      ['#sponsor-postcode', 'Postleitzahl: Bitte geben Sie eine fünfstellige Postleitzahl ein, z. B. 35578.'],
      ['#contacts-0-phone', 'Ansprechperson 1, Telefonnummer: Bitte geben Sie eine gültige Telefonnummer ein, z. B. 06441 9277607.'],
      ['#contacts-0-email', 'Ansprechperson 1, E-Mail-Adresse: Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.'],
    ]);
    expect(inputValue(people.html, 'contacts-0-phone')).toBe('ruf mich an');

    const period = await post(stepUrl(token, 'ort-und-laufzeit'), { 'period.start': '01.10.2023', 'period.end': '2022', 'places.0.regionId': '', 'places.0.label': '' });
    expect(period.status).toBe(400);
    expect(summaryLinks(period.html)).toEqual([{ href: '#period-end', text: 'Ende: Das Ende darf nicht vor dem Beginn liegen.' }]);
    expect(inputValue(period.html, 'period-start')).toBe('01.10.2023');
  });

  it('stores HTML and script as text and shows them escaped', async () => {
    const token = await start();
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const response = await post(stepUrl(token, 'projekt'), { kind: 'projekt', title: evil, description: evil, _action: 'weiter' });
    expect(response.status).toBe(303);
    expect((await storedValues(token))?.title).toBe(evil);
    for (const page of [await get(stepUrl(token, 'projekt')), await get(stepUrl(token, 'pruefen'))]) {
      expect(page.html).not.toContain('<script>alert');
      expect(page.html).not.toContain('<img src=x');
      expect(page.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
  });

  it('refuses a body over the limit with a German 413 page and saves nothing of it', async () => {
    const token = await start();
    const big = new FormData();
    big.append('title', 'Groß');
    big.append('dokument', new File([new Uint8Array(MAX_BODY_BYTES + 1)], 'riesig.txt', { type: 'text/plain' }));
    const response = await post(stepUrl(token, 'projekt'), big);
    expect(response.status).toBe(413);
    expect(headings(response.html, 1)).toEqual(['Die gesendeten Daten sind zu groß']);
    expect(anchors(response.html)).toContainEqual({ text: 'Zurück zum Formular', href: stepUrl(token, 'projekt') });
    expect(await storedValues(token)).toEqual({});
  });
});

describe('repeatable groups without JavaScript', () => {
  it('adds and removes rows with buttons and keeps every value', async () => {
    const token = await start();
    const added = await post(stepUrl(token, 'beteiligte'), { 'contacts.0.name': 'Erika', 'contacts.0.publishConsent': 'ja', 'partners.0.name': 'Verein', _action: 'add:contacts' });
    expect(added).toMatchObject({ status: 303, location: `${stepUrl(token, 'beteiligte')}#contacts-1` });
    const twoRows = (await get(stepUrl(token, 'beteiligte'))).html;
    expect(twoRows).toContain('<legend>Ansprechperson 2</legend>');
    expect(inputValue(twoRows, 'contacts-0-name')).toBe('Erika');
    expect(inputValue(twoRows, 'partners-0-name')).toBe('Verein');
    expect(twoRows).toMatch(/<input type="checkbox" id="contacts-0-publishConsent" name="contacts.0.publishConsent" value="ja" checked=""/);

    await post(stepUrl(token, 'beteiligte'), { 'contacts.0.name': 'Erika', 'contacts.1.name': 'Max', _action: 'remove:contacts.0' });
    const oneRow = (await get(stepUrl(token, 'beteiligte'))).html;
    expect(oneRow).not.toContain('<legend>Ansprechperson 2</legend>');
    expect(inputValue(oneRow, 'contacts-0-name')).toBe('Max');
    // The partner typed before was posted again with the form and kept.
    expect(await storedValues(token)).toMatchObject({ 'contacts.0.name': 'Max' });
  });
});

describe('document upload', () => {
  const demo = readFileSync(new URL('../../../data/demo/frageformular-vag.txt', import.meta.url));

  it('pre-fills empty fields from a questionnaire and keeps what was typed', async () => {
    const token = await start();
    const form = new FormData();
    form.append('kind', 'projekt');
    form.append('title', 'Mein eigener Titel');
    form.append('dokument', new File([demo], 'frageformular-vag.txt', { type: 'text/plain' }));
    form.append('_action', 'hochladen');
    const response = await post(stepUrl(token, 'projekt'), form);
    expect(response.status).toBe(200);
    expect(textOf(response.html)).toMatch(/Aus „frageformular-vag\.txt“ wurden \d+ Angaben übernommen/);
    expect(inputValue(response.html, 'title')).toBe('Mein eigener Titel');
    const values = await storedValues(token);
    expect(values?.title).toBe('Mein eigener Titel');
    expect(values?.['answers.decision']).toContain('18 hessischen Landkreisen');
    expect(textareaValue((await get(stepUrl(token, 'fragen'))).html, 'answers-decision')).toContain('18 hessischen Landkreisen');
  });

  it("gives the importer's reason for a rejected document and keeps the typed values", async () => {
    const token = await start();
    const form = new FormData();
    form.append('title', 'Getippt');
    form.append('dokument', new File([new Uint8Array([0, 1, 2, 3, 0, 0, 255, 0])], 'bild.png', { type: 'image/png' }));
    form.append('_action', 'hochladen');
    const response = await post(stepUrl(token, 'projekt'), form);
    expect(response.status).toBe(400);
    const link = anchors(response.html).find((a) => a.href === '#dokument');
    expect(link?.text).toMatch(/^Dokument: .*bild\.png/);
    expect(inputValue(response.html, 'title')).toBe('Getippt');
    expect((await storedValues(token))?.title).toBe('Getippt');
  });
});

describe('review and submit', () => {
  async function fillMinimal(token: string) {
    await post(stepUrl(token, 'ueber-sie'), { 'submitter.name': 'Erika Musterfrau', 'submitter.email': 'erika@example.org', _action: 'weiter' });
    await post(stepUrl(token, 'projekt'), { kind: 'projekt', title: 'Repair-Café im Stadtteilzentrum', _action: 'weiter' });
  }

  it('shows every step with "Ändern" links and the questions word for word on their step', async () => {
    const token = await start();
    await fillMinimal(token);
    const { html } = await get(stepUrl(token, 'pruefen'));
    expect(headings(html, 1)).toEqual(['Prüfen und absenden']);
    expect(anchors(html).filter((a) => a.text.startsWith('Ändern')).map((a) => a.href)).toEqual(
      ['ueber-sie', 'projekt', 'fragen', 'beteiligte', 'ort-und-laufzeit', 'weitere-angaben', 'einordnung'].map((s) => `${stepUrl(token, s)}?von=pruefen`),
    );
    const questions = textOf((await get(stepUrl(token, 'fragen'))).html);
    for (const question of Object.values(questionnaireQuestions)) expect(questions).toContain(question);
  });

  it('requires consent, refuses a too-fast submit, then creates exactly one contribution for a double submit', async () => {
    const token = await start();
    await fillMinimal(token);
    const noConsent = await post(stepUrl(token, 'pruefen'), { zusatz: '', _action: 'absenden' });
    expect(noConsent.status).toBe(400);
    expect(summaryLinks(noConsent.html)).toEqual([
      { href: '#privacyConsent', text: 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu, sonst können wir Ihre Einreichung nicht annehmen.' },
    ]);

    const tooFast = await post(stepUrl(token, 'pruefen'), { privacyConsent: 'ja', zusatz: '', _action: 'absenden' });
    expect(tooFast.status).toBe(400);
    expect(textOf(tooFast.html)).toContain('Das ging sehr schnell.');
    expect(await h.submitted()).toEqual([]);

    await h.ageDraft(token);
    const [first, second] = await Promise.all([
      post(stepUrl(token, 'pruefen'), { privacyConsent: 'ja', zusatz: '', _action: 'absenden' }),
      post(stepUrl(token, 'pruefen'), { privacyConsent: 'ja', zusatz: '', _action: 'absenden' }),
    ]);
    expect([first.location, second.location]).toEqual([`/einreichen/entwurf/${token}`, `/einreichen/entwurf/${token}`]);
    const submitted = await h.submitted();
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ title: 'Repair-Café im Stadtteilzentrum', state: 'submitted', submitter: { name: 'Erika Musterfrau', email: 'erika@example.org' } });

    const confirmation = await get(`/einreichen/entwurf/${token}`);
    expect(confirmation.status).toBe(200);
    expect(textOf(confirmation.html)).toContain(`Ihre Vorgangsnummer ${submitted[0]!.reference}`);
    expect(textOf(confirmation.html)).toContain('Wie es weitergeht');
    // Later attempts to change the draft lead to the confirmation, not to a second contribution.
    expect((await post(stepUrl(token, 'projekt'), { title: 'Nachträglich' })).location).toBe(`/einreichen/entwurf/${token}`);
    expect(await h.submitted()).toHaveLength(1);
  });

  it('shows a rejected bot a neutral page and stores nothing', async () => {
    const token = await start();
    await fillMinimal(token);
    await h.ageDraft(token);
    const before = (await h.submitted()).length;
    const response = await post(stepUrl(token, 'pruefen'), { privacyConsent: 'ja', zusatz: 'https://spam.example', _action: 'absenden' });
    expect(response.status).toBe(200);
    expect(headings(response.html, 1)).toEqual(['Vielen Dank']);
    expect(textOf(/<main[\s\S]*<\/main>/.exec(response.html)?.[0] ?? '')).toBe('Vielen Dank Ihre Anfrage wurde bearbeitet. Zur Startseite');
    expect(await h.submitted()).toHaveLength(before);
    expect((await post('/einreichen', { zusatz: 'bot' })).status).toBe(200);
  });

  it('links errors of other steps from the review page to the field on its page', async () => {
    const token = await start();
    await post(stepUrl(token, 'projekt'), { kind: 'projekt', title: 'Ohne Einreichende', _action: 'weiter' });
    const response = await post(stepUrl(token, 'pruefen'), { privacyConsent: 'ja', zusatz: '', _action: 'absenden' });
    expect(response.status).toBe(400);
    expect(summaryLinks(response.html)).toEqual([
      { href: `${stepUrl(token, 'ueber-sie')}?von=pruefen#submitter-name`, text: 'Ihr Name: Bitte füllen Sie dieses Feld aus.' },
      { href: `${stepUrl(token, 'ueber-sie')}?von=pruefen#submitter-email`, text: 'Ihre E-Mail-Adresse: Bitte füllen Sie dieses Feld aus.' },
    ]);
    const step = await get(`${stepUrl(token, 'ueber-sie')}?von=pruefen`);
    expect(textOf(step.html)).toContain('Es gibt ein Problem');
    expect(step.html).toContain('name="_zurueck_zu" value="pruefen"');
  });
});
