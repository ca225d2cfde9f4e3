import type { LegalReference } from '../../domain/contribution.ts';

/*
 * Citations of laws: "§ 61 SGB IX", "§ 61 Abs. 2 SGB IX", "§§ 3, 4 HGO", "§ 20a SGB V", "Art. 28 GG".
 * A law is "SGB" with a book number or an abbreviation with at least two capitals (HGO, GG, BauGB),
 * which keeps ordinary words out, or a law written out ("Hessisches Naturschutzgesetz (HeNatG)";
 * the law is then its abbreviation, or its name). The section keeps subsections ("61 Abs. 2");
 * for articles the label says "Art." and the section is the number.
 */
const SECTION = String.raw`\d+\s?[a-z]?(?:\s*(?:,|und|bis|–|-)\s*\d+\s?[a-z]?)*`;
const SUBSECTION = String.raw`(?:\s+(?:Abs\.|Absatz)\s*\d+[a-z]?)?(?:\s+(?:S\.|Satz)\s*\d+)?(?:\s+(?:Nr\.|Nummer)\s*\d+[a-z]?)?`;
const LAW = String.raw`SGB\s?(?:[IVX]+|\d{1,2})|\p{Lu}[\p{L}]*\p{Lu}[\p{L}]*`;
const citation = new RegExp(String.raw`(§§?|Art\.|Artikel)\s*(${SECTION})(${SUBSECTION})\s+(${LAW})(?![\p{L}\p{N}])`, 'gu');
// A law written out, with its abbreviation in parentheses or without: "§ 3 Hessisches Naturschutzgesetz (HeNatG)",
// "§ 3 des Hessischen Naturschutzgesetzes", "Art. 28 Grundgesetz".
const LAW_NAME = String.raw`(?:(?:des|der)\s+)?(?:\p{Lu}\p{L}*\s+){0,3}\p{Lu}\p{L}*(?:gesetz|gesetzes|gesetzbuch|gesetzbuchs|gesetzbuches|ordnung|verordnung)`;
const namedCitation = new RegExp(String.raw`(§§?|Art\.|Artikel)\s*(${SECTION})(${SUBSECTION})\s+(${LAW_NAME})(?:\s*\((${LAW})\))?(?![\p{L}\p{N}])`, 'gu');

export function findLegalReferences(text: string): LegalReference[] {
  const flat = text.replace(/\s+/g, ' ');
  const found: Array<{ index: number; ref: LegalReference }> = [];
  for (const m of flat.matchAll(citation)) {
    const [, , section = '', subsection = '', law = ''] = m;
    found.push({ index: m.index, ref: { label: m[0].trim(), law, section: `${section.trim()}${subsection}`.replace(/\s+/g, ' ') } });
  }
  for (const m of flat.matchAll(namedCitation)) {
    if (found.some((f) => f.index === m.index)) continue;
    const [, , section = '', subsection = '', name = '', abbreviation] = m;
    found.push({ index: m.index, ref: { label: m[0].trim(), law: abbreviation ?? name.replace(/^(?:des|der)\s+/, ''), section: `${section.trim()}${subsection}`.replace(/\s+/g, ' ') } });
  }
  const out: LegalReference[] = [];
  for (const { ref } of found.sort((a, b) => a.index - b.index)) if (!out.some((r) => r.label === ref.label)) out.push(ref);
  return out;
}
