import { describe, expect, it } from 'vitest';
import { ContributionContentSchema } from '../../domain/contribution.ts';
import { SubmissionSchema } from '../../domain/submission.ts';
import { allItems, submissionSteps } from '../submission/steps.ts';
import { fieldPathOf, toValues, validateForm } from './mapping.ts';
import { isRequired, maxItems } from './schema-info.ts';
import type { FormValues } from './values.ts';

const step = (id: string) => submissionSteps.find((s) => s.id === id)!.items;

describe('form values → contribution content', () => {
  it('turns German amounts and dates into cents and partial dates', () => {
    const values: FormValues = {
      title: 'Repair-Café',
      'funding.totalCents': '12.500,50 €',
      'funding.grantCents': '1.250.000',
      'funding.ownCents': '99,9',
      'period.start': '01.10.2021',
      'period.end': '10/2023',
      'period.text': ' seit Herbst 2021 ',
    };
    const result = validateForm(ContributionContentSchema, allItems, values);
    expect(result.errors).toEqual([]);
    expect(result.data?.funding).toMatchObject({ totalCents: 1_250_050, grantCents: 125_000_000, ownCents: 9_990 });
    expect(result.data?.period).toEqual({ start: '2021-10-01', end: '2023-10', text: 'seit Herbst 2021' });
  });

  it('reports an amount that is no amount in German, at the field', () => {
    const result = validateForm(ContributionContentSchema, allItems, { title: 'Titel', 'funding.sources.0.name': 'Land', 'funding.sources.0.amountCents': 'zwölf Euro' });
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([{ path: 'funding.sources.0.amountCents', code: 'amount_invalid', message: 'Bitte geben Sie einen Betrag in Euro ein, z. B. 12.500,50.' }]);
  });

  it('leaves out blank group rows and reports errors at the row the reader typed in', () => {
    const values: FormValues = {
      title: 'Titel',
      'contacts.0.name': '',
      'contacts.0.email': '',
      'contacts.1.name': 'Erika Musterfrau',
      'contacts.1.email': 'keine-adresse',
      'contacts.1.phone': 'abc',
      'contacts.1.publishConsent': 'ja',
    };
    const result = validateForm(SubmissionSchema, step('beteiligte'), values);
    expect(result.errors.map((e) => [e.path, e.message])).toEqual([
      ['contacts.1.phone', 'Bitte geben Sie eine gültige Telefonnummer ein, z. B. 06441 9277607.'],
      ['contacts.1.email', 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.'],
    ]);
    // Errors of other steps (the submitter, the consent) are not this step's business.
    expect(result.elsewhere.map((e) => e.path)).toEqual(expect.arrayContaining(['submitter', 'privacyConsent']));
  });

  it('gives a valid contact list with the consent flag and drops the blank row', () => {
    const result = validateForm(ContributionContentSchema, allItems, {
      title: 'Titel',
      'contacts.0.name': '',
      'contacts.1.name': 'Erika Musterfrau',
      'contacts.1.phone': '06151 123456',
      'contacts.1.publishConsent': 'ja',
      'contacts.2.name': 'Max Mustermann',
    });
    expect(result.errors).toEqual([]);
    expect(result.data?.contacts).toEqual([
      { name: 'Erika Musterfrau', role: null, phone: '06151 123456', email: null, publishConsent: true },
      { name: 'Max Mustermann', role: null, phone: null, email: null, publishConsent: false },
    ]);
  });

  it('reports invalid postcode and a sponsor without name, but no sponsor at all is fine', () => {
    const bad = validateForm(ContributionContentSchema, step('beteiligte'), { 'sponsor.postcode': '3557', 'sponsor.city': 'Wetzlar' });
    expect(bad.errors.map((e) => [e.path, e.code])).toEqual([
      ['sponsor.name', 'required'],
      ['sponsor.postcode', 'postcode_invalid'],
    ]);
    const none = validateForm(ContributionContentSchema, allItems, { title: 'Titel', 'sponsor.name': ' ', 'sponsor.city': '' });
    expect(none.errors).toEqual([]);
    expect(none.data?.sponsor).toBeNull();
  });

  it('reports an end before the start at the end field', () => {
    const result = validateForm(ContributionContentSchema, step('ort-und-laufzeit'), { 'period.start': '2023', 'period.end': '31.12.2022' });
    expect(result.errors).toEqual([{ path: 'period.end', code: 'period_end_before_start', message: 'Das Ende darf nicht vor dem Beginn liegen.' }]);
  });

  it('reports dates it cannot read and dates that do not exist', () => {
    const result = validateForm(ContributionContentSchema, step('ort-und-laufzeit'), { 'period.start': 'Sommer', 'period.end': '31.02.2023' });
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ['period.start', 'partial_date_format'],
      ['period.end', 'partial_date_invalid'],
    ]);
  });

  it('says how long a text may be when it is too long', () => {
    const result = validateForm(ContributionContentSchema, step('projekt'), { title: 'x'.repeat(301), 'components.0.title': 'y'.repeat(400) });
    expect(result.errors).toEqual([
      { path: 'title', code: 'too_long', message: 'Der Text ist zu lang: höchstens 300 Zeichen.' },
      { path: 'components.0.title', code: 'too_long', message: 'Der Text ist zu lang: höchstens 300 Zeichen.' },
    ]);
  });

  it('keeps HTML and script as plain text', () => {
    const evil = '<script>alert("x")</script><b>fett</b>';
    const result = validateForm(ContributionContentSchema, step('projekt'), { title: evil, description: evil });
    expect(result.data?.title).toBe(evil);
    expect(result.data?.description).toBe(evil);
  });

  it('takes checkbox lists as numbers and one target group per line', () => {
    const result = validateForm(ContributionContentSchema, allItems, {
      title: 'Titel',
      'taxonomy.sdgs': ['3', '8'],
      'taxonomy.leitsaetze': ['6'],
      targetGroups: 'Senior*innen\r\n\r\n  Kitas  \n',
    });
    expect(result.data?.taxonomy).toMatchObject({ sdgs: [3, 8], leitsaetze: [6] });
    expect(result.data?.targetGroups).toEqual(['Senior*innen', 'Kitas']);
  });

  it('requires the submitter and the consent to processing', () => {
    const submitter = validateForm(SubmissionSchema, step('ueber-sie'), {});
    expect(submitter.errors.map((e) => [e.path, e.message])).toEqual([
      ['submitter.name', 'Bitte füllen Sie dieses Feld aus.'],
      ['submitter.email', 'Bitte füllen Sie dieses Feld aus.'],
    ]);
    const all = validateForm(SubmissionSchema, allItems, { title: 'Titel', 'submitter.name': 'A', 'submitter.email': 'a@example.org' });
    expect(all.errors.map((e) => e.code)).toEqual(['consent_required']);
    const ok = validateForm(SubmissionSchema, allItems, { title: 'Titel', 'submitter.name': 'A', 'submitter.email': 'a@example.org', privacyConsent: 'ja' });
    expect(ok.data?.submitter).toEqual({ name: 'A', email: 'a@example.org' });
  });
});

describe('contribution content → form values', () => {
  it('round-trips every field the questionnaire asks for', () => {
    const content = ContributionContentSchema.parse({
      kind: 'beratung',
      title: 'Repair-Café im Stadtteilzentrum',
      teaser: 'Kurz',
      description: 'Lang\n\nmit Absatz',
      purpose: 'Zweck',
      components: [{ title: 'Baustein A', text: null }],
      answers: { decision: 'Idee', support: 'Hilfe', challenges: 'Tipps', prerequisites: 'Raum' },
      sponsor: { name: 'Stadt', street: 'Rathausplatz 1', postcode: '64283', city: 'Darmstadt', website: 'https://www.example.org/' },
      contacts: [{ name: 'Erika', role: 'Leitung', phone: '+49 6151 123456', email: 'e@example.org', publishConsent: true }],
      partners: [{ name: 'Verein', role: null, website: null }],
      places: [{ regionId: 'st-darmstadt', label: 'Darmstadt', focus: true }, { regionId: null, label: 'Ortsteil', focus: false }],
      period: { start: '2022-03', end: '2024-12-31', text: null },
      participation: { status: 'open', text: 'Gern' },
      funding: { sources: [{ name: 'Land', kind: 'land', amountCents: 1_250_050 }], totalCents: 100, grantCents: null, ownCents: 5, text: null },
      legalReferences: [{ label: '§ 61 SGB IX', law: 'SGB IX', section: '61' }],
      targetGroups: ['A', 'B'],
      links: [{ url: 'https://example.org/', label: 'Seite' }],
      taxonomy: { leitbildArea: 'umwelt', leitsaetze: [1, 19], sdgs: [12] },
    });
    const values = toValues(allItems, content);
    expect(values['funding.sources.0.amountCents']).toBe('12.500,50');
    expect(values['period.end']).toBe('31.12.2024');
    expect(validateForm(ContributionContentSchema, allItems, values).data).toEqual(content);
  });
});

describe('what the schema tells the form', () => {
  it('knows required fields and list limits from the schema', () => {
    expect(isRequired(SubmissionSchema, 'title')).toBe(true);
    expect(isRequired(SubmissionSchema, 'teaser')).toBe(false);
    expect(isRequired(SubmissionSchema, 'contacts.*.name')).toBe(true);
    expect(isRequired(SubmissionSchema, 'contacts.*.publishConsent')).toBe(false);
    expect(maxItems(SubmissionSchema, 'contacts')).toBe(10);
    expect(maxItems(SubmissionSchema, 'funding.sources')).toBe(20);
  });

  it('finds the field an error path belongs to', () => {
    expect(fieldPathOf(allItems, 'taxonomy.sdgs.3')).toBe('taxonomy.sdgs');
    expect(fieldPathOf(allItems, 'contacts.2.email')).toBe('contacts.2.email');
    expect(fieldPathOf(allItems, 'contacts')).toBe('contacts');
    expect(fieldPathOf(step('projekt'), 'contacts.2.email')).toBeNull();
  });
});
