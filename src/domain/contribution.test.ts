import { describe, expect, it } from 'vitest';
import { ContributionContentSchema } from './contribution.ts';
import { toFieldErrors } from './messages.ts';
import { slugFromTitle } from './slug.ts';
import { regionAncestry } from './taxonomy.ts';

describe('contribution content schema', () => {
  it('fills defaults so a title alone is a valid draft', () => {
    const draft = ContributionContentSchema.parse({ title: 'Repair-Café Wetzlar' });
    expect(draft.kind).toBe('projekt');
    expect(draft.answers).toEqual({ decision: null, support: null, challenges: null, prerequisites: null });
    expect(draft.participation.status).toBe('unknown');
  });

  it('reports invalid fields as German messages at their paths', () => {
    const result = ContributionContentSchema.safeParse({
      title: 'ab',
      sponsor: { name: 'Träger', postcode: '3557' },
      contacts: [{ name: 'Jörg Heyer', email: 'keine-mail' }],
      places: [{ regionId: 'lk-atlantis', label: 'Atlantis' }],
    });
    expect(result.success).toBe(false);
    const errors = Object.fromEntries(toFieldErrors(result.error!).map((e) => [e.path, e.message]));
    expect(errors['title']).toBe('Der Titel muss mindestens 3 Zeichen lang sein.');
    expect(errors['sponsor.postcode']).toMatch(/fünfstellige Postleitzahl/);
    expect(errors['contacts.0.email']).toMatch(/gültige E-Mail-Adresse/);
    expect(errors['places.0.regionId']).toBeDefined();
  });

  it('keeps HTML in text fields as plain text (escaping happens when rendering)', () => {
    const draft = ContributionContentSchema.parse({ title: '<script>alert(1)</script> Projekt' });
    expect(draft.title).toBe('<script>alert(1)</script> Projekt');
  });
});

describe('slugs and regions', () => {
  it('transliterates German titles into readable slugs', () => {
    expect(slugFromTitle('„Bewerbung des Budgets für Arbeit (BfA) nach § 61 SGB IX“')).toBe('bewerbung-des-budgets-fuer-arbeit-bfa-nach-61-sgb-ix');
    expect(slugFromTitle('Straßenbäume in Groß-Gerau')).toBe('strassenbaeume-in-gross-gerau');
    expect(slugFromTitle('x'.repeat(30) + ' ' + 'y'.repeat(70)).length).toBeLessThanOrEqual(80);
  });

  it('rolls a Landkreis up to its Regierungsbezirk and Hessen', () => {
    expect(regionAncestry('lk-lahn-dill').map((r) => r.id)).toEqual(['lk-lahn-dill', 'rb-giessen', 'hessen']);
    expect(regionAncestry('st-kassel').map((r) => r.id)).toEqual(['st-kassel', 'rb-kassel', 'hessen']);
  });
});

describe('reading stored content', () => {
  it('fills defaults for fields a record stored before a schema change lacks', async () => {
    const { withContentDefaults } = await import('./contribution.ts');
    const full = ContributionContentSchema.parse({ title: 'Alt gespeichert', answers: { decision: 'Ratsbeschluss' } });
    const { taxonomy: _dropped, ...old } = full;
    const restored = withContentDefaults({ ...old, answers: { decision: 'Ratsbeschluss' } } as unknown as typeof full);
    expect(restored.taxonomy).toEqual({ leitbildArea: null, leitsaetze: [], sdgs: [], kommunenFocus: false });
    expect(restored.answers).toEqual({ decision: 'Ratsbeschluss', support: null, challenges: null, prerequisites: null });
    expect(restored.title).toBe('Alt gespeichert');
  });
});
