import { describe, expect, it } from 'vitest';
import type { RepeatableGroup } from './definition.ts';
import { addRow, fillBlank, isBlankRow, mergeValues, parseAction, readPosted, removeRow, rowCount } from './values.ts';
import { submissionSteps } from '../submission/steps.ts';

const people = submissionSteps.find((s) => s.id === 'beteiligte')!.items;
const contacts = people.find((i): i is RepeatableGroup => i.kind === 'group' && i.name === 'contacts')!;

describe('form values', () => {
  it('takes only the fields the form defines, as typed, with a bound on rows', () => {
    const posted = readPosted(
      people,
      {
        'sponsor.name': '  Stadt <b>Wetzlar</b> ',
        'contacts.0.name': 'Erika',
        'contacts.0.publishConsent': 'ja',
        'contacts.1.name': 'Max',
        'contacts.99.name': 'zu viele',
        'contacts.x.name': 'kein Index',
        'fremd.feld': 'wird ignoriert',
        _action: 'weiter',
      },
      () => 10,
    );
    expect(posted).toEqual({ 'sponsor.name': '  Stadt <b>Wetzlar</b> ', 'contacts.0.name': 'Erika', 'contacts.0.publishConsent': 'ja', 'contacts.1.name': 'Max' });
  });

  it('replaces only this step’s values, so an unchecked box is really unchecked', () => {
    const stored = { title: 'bleibt', 'contacts.0.name': 'Erika', 'contacts.0.publishConsent': 'ja', 'contacts.1.name': 'Max' };
    expect(mergeValues(stored, people, { 'contacts.0.name': 'Erika' })).toEqual({ title: 'bleibt', 'contacts.0.name': 'Erika' });
  });

  it('adds an empty row and removes one, moving the rows after it up', () => {
    const values = { 'contacts.0.name': 'A', 'contacts.1.name': 'B', 'contacts.1.publishConsent': 'ja', 'contacts.2.name': 'C', title: 'T' };
    expect(addRow(values, contacts)).toEqual({ values: { ...values, 'contacts.3.name': '' }, index: 3 });
    const removed = removeRow(values, contacts, 0);
    expect(removed).toEqual({ 'contacts.0.name': 'B', 'contacts.0.publishConsent': 'ja', 'contacts.1.name': 'C', title: 'T' });
    expect(rowCount(removed, contacts)).toBe(2);
  });

  it('treats a row with only a checked box as blank, and one with text as filled', () => {
    expect(isBlankRow({ 'contacts.0.name': ' ', 'contacts.0.publishConsent': 'ja' }, contacts, 0)).toBe(true);
    expect(isBlankRow({ 'contacts.0.role': 'Leitung' }, contacts, 0)).toBe(false);
  });

  it('understands the buttons for adding and removing rows and nothing else', () => {
    expect(parseAction(people, 'add:contacts', 'weiter')).toEqual({ type: 'add', group: contacts });
    expect(parseAction(people, 'remove:contacts.2', 'weiter')).toEqual({ type: 'remove', group: contacts, index: 2 });
    expect(parseAction(people, 'add:unbekannt', 'weiter')).toEqual({ type: 'submit', name: 'weiter' });
    expect(parseAction(people, undefined, 'weiter')).toEqual({ type: 'submit', name: 'weiter' });
    expect(parseAction(people, '<script>', 'weiter')).toEqual({ type: 'submit', name: 'weiter' });
  });

  it('fills only blank fields and empty groups from a document', () => {
    const typed = { 'sponsor.name': 'Getippt', 'sponsor.city': '', 'contacts.0.name': '' };
    const incoming = { 'sponsor.name': 'Aus Dokument', 'sponsor.city': 'Wetzlar', 'contacts.0.name': 'Jörg', 'contacts.0.email': 'j@example.org' };
    expect(fillBlank(people, typed, incoming)).toEqual({
      values: { 'sponsor.name': 'Getippt', 'sponsor.city': 'Wetzlar', 'contacts.0.name': 'Jörg', 'contacts.0.email': 'j@example.org' },
      filled: 2,
    });
  });
});
