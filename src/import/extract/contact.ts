import { EmailSchema, type ContactPerson, type Organisation } from '../../domain/contribution.ts';
import { clip } from '../text.ts';
import { findPhone } from './phone.ts';

const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** First valid e-mail address; also finds the address inside "[x](mailto:x)" links. */
export function findEmail(text: string): string | null {
  for (const m of text.matchAll(emailPattern)) {
    const email = m[0].replace(/\.$/, '');
    if (EmailSchema.safeParse(email).success) return email;
  }
  return null;
}

const salutation = /^(?:Herrn?|Frau|Hr\.|Fr\.)\s+/;

/**
 * "Frau Dr. Anna Schmidt (Projektleitung)" → name "Dr. Anna Schmidt", role "Projektleitung".
 * A role may also follow a comma or dash: "Anna Schmidt, Koordination".
 */
export function parsePersonLine(line: string): { name: string; role: string | null } | null {
  let s = line.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
  let role: string | null = null;
  const paren = /^(.+?)\s*\(([^)]+)\)\s*$/.exec(s);
  if (paren) {
    s = (paren[1] ?? '').trim();
    role = (paren[2] ?? '').trim();
  } else {
    const sep = /^(.+?)\s*(?:,|\s[–-]\s)\s*(.+)$/.exec(s);
    if (sep) {
      s = (sep[1] ?? '').trim();
      role = (sep[2] ?? '').trim();
    }
  }
  s = s.replace(salutation, '').trim();
  if (!/\p{L}/u.test(s) || s.length > 200) return null;
  return { name: s, role: role ? clip(role, 200) : null };
}

export type ContactDraft = Omit<ContactPerson, 'publishConsent'> & { publishConsent: false };

/**
 * A contact block: a name line, optionally followed by lines with phone and e-mail
 * ("Jörg Heyer\nTel. 06441 9277607\nj.heyer@…"). Consent to publish is never assumed.
 */
export function parseContactBlock(text: string): ContactDraft[] {
  const contacts: ContactDraft[] = [];
  for (const block of text.split(/;|\n\s*\n/)) {
    let contact: ContactDraft | null = null;
    for (const raw of block.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      const email = findEmail(line);
      const phone = /\d{4,}|\d{3,}\s*[/ -]\s*\d{3,}/.test(line) ? findPhone(line) : null;
      if (email || phone) {
        if (contact) {
          contact.email ??= email;
          contact.phone ??= phone;
        }
        continue;
      }
      if (contact) {
        contact.role ??= clip(line.replace(/\*\*/g, '').trim(), 200) || null;
        continue;
      }
      const person = parsePersonLine(line);
      if (person) contact = { name: person.name, role: person.role, phone: null, email: null, publishConsent: false };
    }
    if (contact) contacts.push(contact);
  }
  return contacts;
}

const postcodeCity = /(?:^|[\s,])(?:D-)?(\d{5})\s+(\p{Lu}[\p{L} .()/-]*?)\s*$/u;
const streetLike = /^(?:\p{L}[\p{L}.\s-]*?\s\d+\s?[a-zA-Z]?(?:\s?[-–/]\s?\d+\s?[a-zA-Z]?)?|Postfach\s+\d[\d ]*)$/u;

/** Splits a postal address ("Friedenstraße 26\n35578 Wetzlar" or "Friedenstraße 26, 35578 Wetzlar"). */
export function parseAddress(text: string): { street: string | null; postcode: string | null; city: string | null } {
  const parts = text
    .split(/\n|,/)
    .map((p) => p.replace(/\*\*/g, '').trim())
    .filter(Boolean);
  let street: string | null = null;
  let postcode: string | null = null;
  let city: string | null = null;
  for (const part of parts) {
    const pc = postcodeCity.exec(part);
    if (pc && !postcode) {
      postcode = pc[1] ?? null;
      city = (pc[2] ?? '').trim() || null;
    } else if (!street && streetLike.test(part)) street = part;
  }
  return { street: street && clip(street, 200), postcode, city: city && clip(city, 200) };
}

/** Strips an abbreviation in parentheses after an organisation name: "… e. V. (HAGE)" → name, "HAGE". */
export function splitAbbreviation(name: string): { name: string; abbreviation: string | null } {
  const m = /^(.*\S)\s*\((\p{Lu}[\p{L}\d&-]{1,14})\)$/u.exec(name.trim());
  if (m && /\p{Lu}.*\p{Lu}/u.test(m[2] ?? '')) return { name: m[1] ?? name, abbreviation: m[2] ?? null };
  return { name: name.trim(), abbreviation: null };
}

/**
 * An organisation block as written under "Projektträger": name on the first line (or before
 * the first comma), then street and "PLZ Ort".
 */
export function parseOrganisationBlock(text: string): Omit<Organisation, 'website'> | null {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\*\*/g, '').trim())
    .filter((l) => l && !findEmail(l) && !/^(?:tel|fon|fax|telefon)\b/i.test(l));
  const first = lines[0];
  if (!first) return null;
  let name = first;
  let addressText = lines.slice(1).join('\n');
  if (lines.length === 1 && /\d{5}/.test(first)) {
    // "LAG WfbM Hessen e.V., Friedenstraße 26, 35578 Wetzlar"
    const parts = first.split(',').map((p) => p.trim());
    const streetIndex = parts.findIndex((p, i) => i > 0 && (streetLike.test(p) || postcodeCity.test(p)));
    if (streetIndex > 0) {
      name = parts.slice(0, streetIndex).join(', ');
      addressText = parts.slice(streetIndex).join('\n');
    }
  }
  const { name: cleanName } = splitAbbreviation(name);
  return { name: cleanName, ...parseAddress(addressText) };
}
