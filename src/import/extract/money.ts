/*
 * Euro amounts as written in German documents: "127.000,00 Euro", "50.000 EUR", "1,2 Mio. €",
 * "€ 5.000", "5.000,- €", "210 T€". Amounts are returned in integer cents; a currency is required so that
 * years, phone numbers and counts are never read as money.
 */

export interface Amount {
  cents: number;
  index: number;
  text: string;
}

const NUMBER = String.raw`(\d{1,3}(?:[. ]\d{3})+|\d+)(?:,(\d{1,3}|-{1,2}|–))?`;
// "T€", "TEUR": thousands, written into the currency.
const MULTIPLIER = String.raw`(Mio\.?|Millionen|Million|Mrd\.?|Milliarden|Tsd\.?|Tausend|T(?=\s?(?:€|EUR\b|Euro\b)))`;
const CURRENCY = String.raw`(?:€|EUR\b|Euro\b)`;
// "T€ 45", "TEUR 30": thousands written before the number.
const amountPattern = new RegExp(
  String.raw`((?:T€|TEUR\b|${CURRENCY})\s*)?(?<![\d.,])${NUMBER}(?:\s*${MULTIPLIER})?(\s*${CURRENCY})?`,
  'gu',
);

const multipliers: Record<string, number> = { mio: 1e6, million: 1e6, millionen: 1e6, mrd: 1e9, milliarden: 1e9, tsd: 1e3, tausend: 1e3, t: 1e3 };

export function findAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(amountPattern)) {
    const [, before, intPart = '', fraction = '', multiplier, after] = m;
    if (!before && !after) continue;
    const decimals = /^\d+$/.test(fraction) ? fraction : '';
    const factor = multiplier ? (multipliers[multiplier.replace('.', '').toLowerCase()] ?? 1) : /^T/.test(before ?? '') ? 1000 : 1;
    // "1,250 Mio." has three decimals; without a multiplier three digits after a comma are an English
    // thousands separator ("EUR 185,000"), as cents have two.
    const englishThousands = decimals.length === 3 && factor === 1;
    const value = englishThousands ? Number(`${intPart.replace(/[. ]/g, '')}${decimals}`) : Number(`${intPart.replace(/[. ]/g, '')}.${decimals || '0'}`);
    if (!Number.isFinite(value)) continue;
    out.push({ cents: Math.round(value * factor * 100), index: m.index, text: m[0].trim() });
  }
  return out;
}

/** The first amount in a text, in cents, or null. */
export function parseEuroCents(text: string): number | null {
  return findAmounts(text)[0]?.cents ?? null;
}
