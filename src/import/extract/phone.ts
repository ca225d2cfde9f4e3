import { PhoneSchema } from '../../domain/contribution.ts';

/*
 * Phone numbers are stored in one international form, "+49 6441 9277607": country code,
 * area code without the trunk 0, then the subscriber number (extensions merged), digits only
 * inside groups. The area code is whatever the writer separated first; we cannot know it otherwise.
 */
export function normalisePhone(raw: string): string | null {
  let s = raw.trim().replace(/\(0\)/g, ' ');
  let country: string;
  const intl = /^(?:\+|00)\s*(49|\d{2})/.exec(s);
  if (intl) {
    country = intl[1] ?? '49';
    s = s.slice(intl[0].length);
  } else if (/^\(?0/.test(s)) {
    country = '49';
    s = s.replace(/^(\(?)0/, '$1');
  } else {
    // A local number without area code: keep the digits, the editor has to complete it.
    const digits = s.replace(/\D/g, '');
    return digits.length >= 5 && digits.length <= 15 ? digits : null;
  }
  // "0 62 51 / 14-2 37" (digits spaced out, as old letterheads write them): a slash ends the area code.
  // "(0 27 72) 58 34-12": parentheses around the area code end it as well.
  if (/^\(\s*[\d ]+\)/.test(s)) s = s.replace(/^\(\s*([\d ]+?)\s*\)/, (_m, area: string) => `${area.replace(/\s/g, '')}/`);
  const slash = s.indexOf('/');
  const groups = slash > 0 && /\d/.test(s.slice(0, slash)) ? [s.slice(0, slash).replace(/\D/g, ''), ...s.slice(slash + 1).split(/\D+/)].filter(Boolean) : s.split(/\D+/).filter(Boolean);
  const digitCount = country.length + groups.join('').length;
  if (groups.length === 0 || digitCount < 7 || digitCount > 15) return null;
  const [area, ...rest] = groups;
  const formatted = rest.length ? `+${country} ${area} ${rest.join('')}` : `+${country} ${area}`;
  return PhoneSchema.safeParse(formatted).success ? formatted : null;
}

// Starts with +, 00, 0 or (0: a German or international number, not a date or postcode.
const phoneCandidate = /(?:\+|\b00|\(0|\b0)[\d ()/.\-–]{5,24}\d/g;

/** First phone number in a text (skipping fax numbers), normalised. */
export function findPhone(text: string): string | null {
  for (const m of text.matchAll(phoneCandidate)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/fax/i.test(before)) continue;
    if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(m[0].trim())) continue;
    const phone = normalisePhone(m[0].replace(/[.–-]\s*$/, ''));
    if (phone) return phone;
  }
  return null;
}
