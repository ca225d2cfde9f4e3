import { describe, expect, it } from 'vitest';
import { lookupLabel, matchLabelLine, parseFields } from './fields.ts';

describe('labels', () => {
  it.each([
    ['Titel des Projekts', 'title'],
    ['Name des Vorhabens', 'title'],
    ['Ziel(e) des Projekts', 'purpose'],
    ['Ziele des Vorhabens', 'purpose'],
    ['Träger der Maßnahme', 'sponsor'],
    ['Zuwendungsempfängerin', 'sponsor'],
    ['Ort der Umsetzung', 'place'],
    ['Zeitraum der Durchführung', 'period'],
    ['Rechtsgrundlage(n)', 'legal'],
    ['Zielgruppe(n)', 'targetGroups'],
    ['Ansprechpartner*innen', 'contact'],
    ['Kommune / Träger', 'sponsor'],
    ['Funktion', 'role'],
    ['Stand', 'other'],
    ['Projektträger (Name, Anschrift)', 'sponsor'],
    ['Angaben zur Finanzierung', 'funding'],
    ['Angaben zum Projekt', 'other'],
    ['Projektbeginn', 'periodStart'],
    ['Beteiligte Kommunen', 'place'],
  ])('%s → %s', (label, key) => expect(lookupLabel(label)?.key).toBe(key));

  it('reads numbered, bold and heading labels, and weak labels alone on their line', () => {
    expect(matchLabelLine('**1. Vorhaben**')).toMatchObject({ key: 'title', rest: '' });
    expect(matchLabelLine('2) Projektträger: Stadt Kassel')).toMatchObject({ key: 'sponsor', rest: 'Stadt Kassel' });
    expect(matchLabelLine('### Ziel(e) des Projekts:')).toMatchObject({ key: 'purpose' });
    expect(matchLabelLine('Förderung')).toMatchObject({ key: 'funding' });
    // A list item that is a weak label word is content; prose is never a label.
    expect(matchLabelLine('- Kosten')).toBeNull();
    expect(matchLabelLine('**Ziel** ist es, …')).toBeNull();
  });

  it('a specific label that a PDF ran into the previous sentence starts a new field', () => {
    const { fields } = parseFields('Beschreibung: Sie beraten in den Rathäusern. Finanzierung: Die Kosten von 540.000 Euro trägt der Bund.');
    expect(fields.map((f) => [f.key, f.value])).toEqual([
      ['description', 'Sie beraten in den Rathäusern.'],
      ['funding', 'Die Kosten von 540.000 Euro trägt der Bund.'],
    ]);
  });

  it('ends a section at every known label, also without colon', () => {
    const { fields } = parseFields('Projekttitel\nBlühende Gewerbegebiete\n\nZiele des Projekts\nInsekten fördern.\n\nTräger der Maßnahme\nRegionalpark GmbH');
    expect(fields.map((f) => [f.key, f.value])).toEqual([
      ['title', 'Blühende Gewerbegebiete'],
      ['purpose', 'Insekten fördern.'],
      ['sponsor', 'Regionalpark GmbH'],
    ]);
  });
});
