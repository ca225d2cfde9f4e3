import { EmailSchema, type ContactPerson, type Organisation } from '../../domain/contribution.ts';
import { clip } from '../text.ts';
import { findPhone } from './phone.ts';

const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** First valid e-mail address; also finds the address inside "[x](mailto:x)" links. */
export function findEmail(text: string): string | null {
  // "name[at]domain.de", "name (at) domain (dot) de": addresses written against harvesting.
  const plain = /[[(]\s*(?:at|ät)\s*[\])]/i.test(text) ? text.replace(/\s*[[(]\s*(?:at|ät)\s*[\])]\s*/gi, '@').replace(/\s*[[(]\s*(?:dot|punkt)\s*[\])]\s*/gi, '.') : text;
  for (const m of plain.matchAll(emailPattern)) {
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
    const sep = /^(.+?)\s*(?:,|\s[–|-]\s)\s*(.+)$/.exec(s);
    if (sep) {
      s = (sep[1] ?? '').trim();
      role = (sep[2] ?? '').trim();
      // "Thomas Wiegand (Bauamt), Gemeinde Brachttal, …": the role in parentheses; where the person works follows.
      const inParentheses = /^(.+?)\s*\(([^)]+)\)$/.exec(s);
      if (inParentheses) {
        s = (inParentheses[1] ?? '').trim();
        role = (inParentheses[2] ?? '').trim();
      }
    }
  }
  // "i. A. Kerstin Vogel", "gez. Jan Roth": how a letter is signed, no part of the name.
  s = s.replace(/^(?:i\.\s?A\.|i\.\s?V\.|gez\.)\s+/, '').replace(salutation, '').trim();
  // An office before the name: "Bürgermeister Timo Heuser", "Landrätin Anna Muster", "unser Umweltbeauftragter Matthias Quandt".
  const office =
    /^(?:(?:unser|unsere|Ihr|Ihre)\s+)?((?:Ober)?[Bb]ürgermeister(?:in)?|Landr(?:at|ätin)|Erste[r]? (?:Kreis|Stadt)rät(?:in)?|Stadtr(?:at|ätin)|Kreisbeigeordnete[r]?|Ortsvorsteher(?:in)?|Geschäftsführer(?:in)?|Vorsitzende[r]?|Vorstand|\p{Lu}\p{Ll}+(?:beauftragte[r]?|leiter(?:in)?|koordinator(?:in)?|referent(?:in)?|manager(?:in)?))\s+(?=\p{Lu})/u.exec(s);
  if (office) {
    s = s.slice(office[0].length).replace(salutation, '').trim();
    role ??= office[1] ?? null;
  }
  // "Sabine Roth im Rathaus": where the person sits is no part of the name.
  s = s.replace(/\s+(?:im|in der|beim|bei der)\s+\p{Lu}[\p{L}-]*$/u, '');
  if (!/\p{L}/u.test(s) || s.length > 200) return null;
  return { name: s, role: role ? clip(role, 200) : null };
}

export type ContactDraft = Omit<ContactPerson, 'publishConsent'> & { publishConsent: false };

// A line that may hold a phone number (digits in groups, or a phone label) is searched for one.
const phoneIn = (line: string): string | null => (/\d{4,}|\d{3,}\s*[/ -]\s*\d{3,}|\b(?:Tel|Telefon|Fon|Mobil)\b/i.test(line) ? findPhone(line) : null);

// Where the contact details of a line begin: an e-mail, a phone label or a phone number.
const detailStart = /(?:\[?[A-Za-z0-9._%+-]+@|(?:^|[\s,;(|])(?:Tel(?:efon)?\.?|Fon|Mobil|Fax|E-?Mail|Mail)\b\s*[:.]?|(?:^|[\s,;(|])(?:\+|00|\(0|0)\d[\d ()/.\-–]{4,}\d)/i;

// Words of organisations and offices, which are no person ("Stadt Kassel", "Umweltamt", "Fachdienst Mobilität").
const organisationWord = /(?:^|\s)(?:Stadt|Gemeinde|Landkreis|Kreis|Verwaltung|Magistrat|Ministerium|Referat|Fachbereich|Fachdienst|Abteilung|Amt|Verein|Verband|Stiftung|Zentrum|Büro|Agentur|Team)(?:\s|$)|\p{Ll}(?:amt|verwaltung|zentrum|büro|agentur|verband|verein|stelle|abteilung|bereich|dienst|referat|gruppe|ausschuss|gemeinde|kirche|schule|genossenschaft)(?:\s|$)|e\.\s?V\.|g?GmbH|\beG\b|\bAG\b/u;

// "Kreis Groß-Gerau – Der Kreisausschuss": the organ that acts for an organisation, after a dash, is no part of its name.
const actingOrgan = /\s+[–-]\s+(?:Der|Die)\s+\p{Lu}[\p{L}-]+$/u;

const nameParticle = /^(?:von|vom|van|de|der|den|zu|zur|zum|di|da|la|le|del|ten|ter|y|und)$/u;

/** A person's name: two to six words, no digits, no label, markup or organisation. */
export function looksLikePersonName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  // "Bitte prüfen Sie": a lowercase word that is no particle ("von", "zu") or abbreviation ("med.") is no part of a name.
  const lowercase = words.some((w) => /^\p{Ll}/u.test(w) && !/\.$/.test(w) && !nameParticle.test(w));
  return words.length >= 2 && words.length <= 6 && !lowercase && !/[\d:#|@]/.test(name) && /^\p{Lu}/u.test(name) && !/^(?:Der|Die|Das|Ihr|Ihre|Unser|Unsere)\s/u.test(name) && !organisationWord.test(name);
}

/**
 * The person written in front of the contact details on the same line:
 * "Jana Krüger, Fachbereich Stadtentwicklung, Tel. 05542 508-130, j.krueger@…" → name and role.
 */
export function personBeforeDetails(line: string): { name: string; role: string | null } | null {
  const m = detailStart.exec(line);
  const before = (m ? line.slice(0, m.index) : line).replace(/[\s,;:(–|-]+$/, '').trim();
  if (!before) return null;
  const person = parsePersonLine(before);
  if (person && looksLikePersonName(person.name)) return person;
  const parts = before.split(/\s*,\s*/);
  // "Malte Schwarz, Sportkreis Wetterau e. V. (Vereinsberatung)": the person, then where they work and, in parentheses, their role.
  const lead = parts.length > 1 ? parsePersonLine(parts[0] ?? '') : null;
  if (lead && !lead.role && looksLikePersonName(lead.name) && organisationWord.test(parts[1] ?? '')) {
    const rest = parts.slice(1).join(', ');
    return { name: lead.name, role: clip((/\(([^()]+)\)\s*$/.exec(rest)?.[1] ?? rest).trim(), 200) };
  }
  // "Gemeindeverwaltung Lautertal, Herr Ralf Becker": an office first, then the person.
  for (const [i, part] of parts.entries()) {
    if (i === 0) continue;
    const p = parsePersonLine(parts.slice(i).join(', '));
    if (p && looksLikePersonName(p.name) && (salutation.test(part) || i === parts.length - 1 || p.role)) return p;
  }
  return null;
}

/**
 * A contact block: a name line, optionally followed by lines with phone and e-mail
 * ("Jörg Heyer\nTel. 06441 9277607\nj.heyer@…"), or everything on one line
 * ("Jörg Heyer, Referent, Tel. 06441 9277607, j.heyer@…"). Several contacts are separated by
 * ";" or a blank line. Consent to publish is never assumed.
 */
export function parseContactBlock(text: string): ContactDraft[] {
  const contacts: ContactDraft[] = [];
  for (const block of text.split(/;|\n\s*\n/)) {
    let contact: ContactDraft | null = null;
    // "Ihr Team Kommunen: Dr. Henrik Pauly und Mira Schneider": people who share the details that follow.
    const team: ContactDraft[] = [];
    for (const raw of block.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      const shared = !contact && !findEmail(line) ? /^(?:(?:Ihr|Ihre|Unser|Unsere)\s+)?([\p{L}][\p{L} -]{1,40}):\s*(.+?)\s*$/u.exec(line) : null;
      const members = shared ? (shared[2] ?? '').split(/\s*,\s*|\s+und\s+/).map((n) => parsePersonLine(n)) : [];
      if (members.length >= 2 && members.every((m) => m && looksLikePersonName(m.name))) {
        for (const m of members) if (m) team.push({ name: m.name, role: m.role ?? clip((shared?.[1] ?? '').trim(), 200), phone: null, email: null, publishConsent: false });
        continue;
      }
      if (team.length && !contact) {
        for (const member of team) {
          member.email ??= findEmail(line);
          member.phone ??= phoneIn(line);
        }
        continue;
      }
      const email = findEmail(line);
      const phone = phoneIn(line);
      if (email || phone) {
        // One person per line, each with their own details: the next line's person starts a new contact.
        if (contact && (contact.email || contact.phone) && ((email && contact.email) || (phone && contact.phone))) {
          const next = personBeforeDetails(line);
          if (next && next.name !== contact.name) {
            contacts.push(contact);
            contact = null;
          }
        }
        if (!contact) {
          const person = personBeforeDetails(line);
          if (person) contact = { name: person.name, role: person.role, phone: null, email: null, publishConsent: false };
        }
        if (contact) {
          contact.email ??= email;
          contact.phone ??= phone;
        }
        continue;
      }
      if (contact) {
        // An address under the name belongs to the organisation, not to the person's role.
        if (!streetLike.test(line) && !postcodeCity.test(line)) contact.role ??= clip(line.replace(/\*\*/g, '').trim(), 200) || null;
        continue;
      }
      // "Anna Schmidt, Koordination" or "Fachabteilung Umwelt, Frau Carolin Weidmann".
      const named = parsePersonLine(line);
      const person = named && looksLikePersonName(named.name) ? named : /,\s*(?:Herrn?|Frau|Hr\.|Fr\.)\s/.test(line) ? personBeforeDetails(line) : null;
      if (person) contact = { name: person.name, role: person.role, phone: null, email: null, publishConsent: false };
    }
    contacts.push(...team);
    if (contact) contacts.push(contact);
  }
  return contacts;
}

const postcodeCity = /(?:^|[\s,])(?:D-)?(\d{5})\s+(\p{Lu}[\p{L} .()/-]*?)\s*$/u;
const streetLike = /^(?:\p{L}[\p{L}.\s-]*?\s\d+\s?[a-zA-Z]?(?:\s?[-–/]\s?\d+\s?[a-zA-Z]?)?|Postfach\s+\d[\d ]*)$/u;

/** Splits a postal address ("Friedenstraße 26\n35578 Wetzlar" or "Friedenstraße 26, 35578 Wetzlar"). */
export function parseAddress(text: string): { street: string | null; postcode: string | null; city: string | null } {
  const parts = text
    .split(/\n|,|\s[·|]\s/)
    // "34127 Kassel – in Zusammenarbeit mit …": a remark after a dash is no part of the address.
    .map((p) => p.replace(/\*\*/g, '').replace(/\s+[–—]\s+.*$/, '').trim())
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

const legalFormEnd = /(?:e\.\s?V\.|gGmbH|GmbH|gUG|UG|gAG|AG|AöR|eG|KdöR|mbH)$/u;
const streetWord = /(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|pfad|steig|stieg|markt|hof|graben|wall|chaussee|anlage|park|promenade|berg|tor)$/iu;
const streetPreposition = /^(?:Am|An|Im|In|Auf|Zum|Zur|Unter|Hinter|Vor|Bei|Alte|Alter|Altes|Neue|Neuer|Neues|Obere|Oberer|Untere|Unterer|der|dem|den)$/u;

/**
 * "Dorfladen Ilbeshausen eG Hauptstraße 7 36355 Grebenhain": a table cell whose line breaks a
 * converter turned into spaces. The address is "street number PLZ city" at the end; the street
 * begins after a legal form, or is the word(s) before the number that look like a street.
 */
function splitRunTogether(line: string): { name: string; addressText: string } | null {
  const m = /^(.+?)\s+(\d{1,4}\s?[a-zA-Z]?(?:\s?[-–/]\s?\d{1,4}\s?[a-zA-Z]?)?)\s*,?\s+(\d{5}\s+\p{Lu}.*)$/u.exec(line);
  if (!m) return null;
  const words = (m[1] ?? '').split(/\s+/);
  let start = -1;
  let legal = -1;
  for (let i = 0; i < words.length - 1; i++) if (legalFormEnd.test(words.slice(Math.max(0, i - 1), i + 1).join(' '))) legal = i;
  if (legal >= 0) start = legal + 1;
  else {
    const last = words.length - 1;
    if (!streetWord.test(words[last] ?? '')) return null;
    start = last;
    // "Berliner Straße", "Am Hohenstein", "An der Mühle": the words that belong to the street.
    if (/^(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Markt)$/u.test(words[last] ?? '') && start > 1) start--;
    while (start > 1 && streetPreposition.test(words[start - 1] ?? '')) start--;
  }
  if (start <= 0 || start >= words.length) return null;
  return { name: words.slice(0, start).join(' '), addressText: `${words.slice(start).join(' ')} ${m[2]}\n${m[3]}` };
}

/**
 * An organisation block as written under "Projektträger": name on the first line (or before
 * the first comma), then street and "PLZ Ort". Lines with a web address, e-mail or phone are
 * not part of it.
 */
export function parseOrganisationBlock(text: string): Omit<Organisation, 'website'> | null {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\*\*/g, '').trim())
    .filter((l) => l && !findEmail(l) && !/^(?:tel|fon|fax|telefon|mobil|e-?mail|internet|web)\b/i.test(l) && !/^(?:<?https?:\/\/|<?www\.)\S+$/i.test(l));
  const first = lines[0];
  if (!first) return null;
  let name = first;
  let addressText = lines.slice(1).join('\n');
  if (/\d{5}/.test(first) && (lines.length === 1 || /,|\s[|·]\s/.test(first))) {
    // "LAG WfbM Hessen e.V., Friedenstraße 26, 35578 Wetzlar", "Kreis Groß-Gerau | Wilhelm-Seipp-Straße 4 | 64521 Groß-Gerau"
    const parts = first.split(/,|\s[|·]\s/).map((p) => p.trim());
    const streetIndex = parts.findIndex((p, i) => i > 0 && (streetLike.test(p) || postcodeCity.test(p)));
    if (streetIndex > 0) {
      name = parts.slice(0, streetIndex).join(', ');
      addressText = parts.slice(streetIndex).join('\n');
    } else if (lines.length === 1) {
      const split = splitRunTogether(first);
      if (split) ({ name, addressText } = split);
    }
  } else if (lines.length === 1) {
    // "BEG Wetterau eG, Friedberg (Hessen)": a legal form ends the name, the town follows.
    const m = /^(.+?)\s*,\s*(\p{Lu}[\p{L}.-]*(?:\s+(?:\p{Lu}[\p{L}.-]*|\([\p{L}. ]+\)|am|an der|im|vor der))*)$/u.exec(first);
    if (m && legalFormEnd.test((m[1] ?? '').replace(/\s*\([^)]*\)$/, ''))) {
      const { name: cleanName } = splitAbbreviation(m[1] ?? '');
      return { name: cleanName, street: null, postcode: null, city: m[2] ?? null };
    }
  }
  const { name: cleanName } = splitAbbreviation(name.replace(actingOrgan, ''));
  return { name: cleanName, ...parseAddress(addressText) };
}

// "Impressum: Herausgeber: …": the publisher's label before the organisation.
const footerLabels = /^(?:(?:Impressum|Herausgeber(?:in)?|Herausgegeben\s+von|Verantwortlich|V\.\s?i\.\s?S\.\s?d\.\s?P\.)\s*:?\s*)+/iu;

/**
 * The footer line of a letter or a web page: "Wissenschaftsstadt Darmstadt · Umweltamt · Frankfurter
 * Straße 71 · 64293 Darmstadt". The organisation is its first part (a department after it is not part of
 * the name); null when the last lines hold no such line.
 */
export function findFooterOrganisation(text: string): Omit<Organisation, 'website'> | null {
  const footer = text
    .trimEnd()
    .split('\n')
    .slice(-3)
    .reverse()
    .find((l) => /\s[·|]\s/.test(l) && /(?:^|\s)\d{5}\s+\p{Lu}/u.test(l));
  if (!footer) return null;
  // "Impressum: Herausgeber: Evangelische Kirchengemeinde Büdingen, Schlossgasse 4, 63654 Büdingen · Redaktion: …":
  // the publisher's label goes, and an address after commas is read as one.
  const [first = '', ...others] = footer.replace(/\*\*|__/g, '').trim().replace(footerLabels, '').split(/\s+[·|]\s+/);
  if (/,.*\d{5}\s+\p{Lu}/u.test(first)) {
    const inline = findOrganisationWithAddress(first);
    return inline && !looksLikePersonName(inline.name) ? inline : null;
  }
  const [name = '', ...rest] = [first.replace(actingOrgan, ''), ...others];
  // "Wissenschaftsstadt Darmstadt" has the shape of a person's name; a word for a town or body says otherwise.
  const person = looksLikePersonName(name) && !/(?:stadt|gemeinde|kreis|verband|verein|werk|schule)(?:\s|$)/iu.test(name);
  if (!name || /\d|@/.test(name) || person || detailLine.test(name)) return null;
  const address = parseAddress(rest.join('\n'));
  return address.postcode ? { name, ...address } : null;
}

const detailLine = /^(?:tel|fon|fax|telefon|mobil|handy|e-?mail|mail|internet|web|www\.|https?:)/i;

/**
 * An organisation with its postal address inside a contact block or a signature: the line before
 * the address lines ("Gemeinde Biebergemünd\nLindenstraße 9\n63599 Biebergemünd"), or the start of
 * a line that holds everything ("MainArbeit – Kommunales Jobcenter Offenbach, Berliner Straße 190,
 * 63067 Offenbach am Main, Telefon …"). A person's name is no organisation; null when none is found.
 */
export function findOrganisationWithAddress(text: string): Omit<Organisation, 'website'> | null {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\*\*|__/g, '').replace(/^[-*•]\s+/, '').trim())
    .filter(Boolean);
  for (const [i, line] of lines.entries()) {
    if (!/(?:^|[\s,|])(?:D-)?\d{5}\s+\p{Lu}/u.test(line)) continue;
    const parts = line.split(/\s*[,|]\s*/).filter(Boolean);
    const at = parts.findIndex((p, k) => k > 0 && (streetLike.test(p) || postcodeCity.test(p)));
    if (at > 0) {
      // Everything on one line: the name is what stands before the street.
      const name = parts.slice(0, at).join(', ').replace(footerLabels, '').replace(actingOrgan, '');
      if (!looksLikePersonName(parsePersonLine(name)?.name ?? name) && !detailLine.test(name) && !/\d/.test(name)) {
        const address = parseAddress(parts.slice(at).filter((p) => !detailLine.test(p) && !findEmail(p)).join('\n'));
        return { name: splitAbbreviation(name).name, ...address };
      }
      // "König-Adolf-Platz 2, 65510 Idstein": street and town on one line, the name on the line before.
      if (!streetLike.test(parts[0] ?? '')) continue;
    }
    let k = i;
    if (at <= 0 && k > 0 && streetLike.test(lines[k - 1] ?? '')) k--;
    // "Rheingau-Taunus-Kreis\nDer Kreisausschuss – Fachdienst Klimaschutz\nHeimbacher Straße 7": the body above its office.
    if (k > 1 && /^(?:Der|Die)\s+(?:Kreisausschuss|Magistrat|Gemeindevorstand|Oberbürgermeister|Bürgermeister|Landrat)\b|^(?:Fachdienst|Fachbereich|Fachabteilung|Abteilung|Referat|Amt)\s/u.test(lines[k - 1] ?? '') && !/\d/.test(lines[k - 2] ?? '')) k--;
    const name = lines[k - 1];
    if (!name || detailLine.test(name) || findEmail(name) || /\d/.test(name) || /:/.test(name)) continue;
    const person = parsePersonLine(name);
    if (person && looksLikePersonName(person.name) && !organisationWord.test(name)) continue;
    return { name: splitAbbreviation(name).name, ...parseAddress(lines.slice(k, i + 1).map((l) => l.replace(/\s*\|\s*/g, ', ')).join('\n')) };
  }
  return null;
}
