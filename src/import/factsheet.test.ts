import { describe, expect, it } from 'vitest';
import { parseFactSheet } from './factsheet.ts';

const parse = (text: string) => {
  const r = parseFactSheet(text, 'x.txt');
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe('fact sheet fields beyond the usual labels', () => {
  it('begin and end as fields of their own, label hints in parentheses, "Angaben zum …" headings', () => {
    const { content } = parse(
      ['Projektsteckbrief', 'Titel (max. 80 Zeichen): Blühwiesen', 'Angaben zum Träger: NABU Kassel e. V.', 'Projektbeginn: 03/2021', 'Projektende: 28.02.2024', 'Kurzbeschreibung (kurz): Wiesen.'].join('\n'),
    );
    expect(content.title).toBe('Blühwiesen');
    expect(content.sponsor?.name).toBe('NABU Kassel e. V.');
    expect(content.period).toEqual({ start: '2021-03', end: '2024-02-28', text: 'Projektbeginn: 03/2021\nProjektende: 28.02.2024' });
    expect(content.description).toBe('Wiesen.');
  });

  it('a "Modellregion" label marks its places as focus', () => {
    const { content } = parse('Titel: Dorfmoderation\nDurchführungsort: hessenweit\nModellregionen: Vogelsbergkreis, Werra-Meißner-Kreis\nKurzbeschreibung: x.');
    expect(content.places?.map((p) => [p.regionId, p.focus])).toEqual([
      ['hessen', false],
      ['lk-vogelsberg', true],
      ['lk-werra-meissner', true],
    ]);
  });

  it('without sponsor or period field, both are taken from the text and flagged', () => {
    const r = parse('Titel: Bürgerbus\nKurzbeschreibung: Die Federführung liegt beim Verein Bürgerbus Gemünden e. V. Der Bus fährt seit März 2018.');
    expect(r.content.sponsor?.name).toBe('Verein Bürgerbus Gemünden e. V.');
    expect(r.content.period).toMatchObject({ start: '2018-03', text: 'seit März 2018' });
    expect(r.warnings.filter((w) => w.code === 'guessed').map((w) => w.field)).toEqual(['sponsor', 'period']);
  });

  it('an office or organisation in a contact block is no person', () => {
    const { content } = parse('Titel: Werkzeugtausch\nKontakt:\nStadt Kassel\nUmweltamt\nHerr Jonas Riedel\nTel. 0561 7877014\nKurzbeschreibung: x.');
    expect(content.contacts?.map((c) => [c.name, c.phone])).toEqual([['Jonas Riedel', '+49 561 7877014']]);
  });
});
