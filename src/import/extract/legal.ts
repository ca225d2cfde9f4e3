import type { LegalReference } from '../../domain/contribution.ts';

/*
 * Citations of laws: "§ 61 SGB IX", "§ 61 Abs. 2 SGB IX", "§§ 3, 4 HGO", "§ 20a SGB V", "Art. 28 GG".
 * A law is "SGB" with a book number or an abbreviation with at least two capitals (HGO, GG, BauGB),
 * which keeps ordinary words out. The section keeps subsections ("61 Abs. 2"); for articles the
 * label says "Art." and the section is the number.
 */
const SECTION = String.raw`\d+\s?[a-z]?(?:\s*(?:,|und|bis|–|-)\s*\d+\s?[a-z]?)*`;
const SUBSECTION = String.raw`(?:\s+(?:Abs\.|Absatz)\s*\d+[a-z]?)?(?:\s+(?:S\.|Satz)\s*\d+)?(?:\s+(?:Nr\.|Nummer)\s*\d+[a-z]?)?`;
const LAW = String.raw`SGB\s?(?:[IVX]+|\d{1,2})|\p{Lu}[\p{L}]*\p{Lu}[\p{L}]*`;
const citation = new RegExp(String.raw`(§§?|Art\.|Artikel)\s*(${SECTION})(${SUBSECTION})\s+(${LAW})(?![\p{L}\p{N}])`, 'gu');

export function findLegalReferences(text: string): LegalReference[] {
  const out: LegalReference[] = [];
  for (const m of text.replace(/\s+/g, ' ').matchAll(citation)) {
    const [, , section = "", subsection = "", law = ""] = m;
    const label = m[0].replace(/\s+/g, ' ').trim();
    if (out.some((r) => r.label === label)) continue;
    out.push({ label, law: law.replace(/\s+/g, ' '), section: `${section.trim()}${subsection}`.replace(/\s+/g, ' ') });
  }
  return out;
}
