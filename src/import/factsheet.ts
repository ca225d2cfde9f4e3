import { kindLabels, UrlSchema, type Component, type ContributionContentInput, type FundingSource, type Organisation } from '../domain/contribution.ts';
import { extractDocumentWide, missingFieldWarnings, type ExtractResult } from './common.ts';
import { findEmail, findFooterOrganisation, findOrganisationWithAddress, parseAddress, parseContactBlock, parseOrganisationBlock, parsePersonLine, splitAbbreviation, type ContactDraft } from './extract/contact.ts';
import { completeSourceAmounts, dropGenericFunders, extractFunding, labelRole } from './extract/funding.ts';
import { findParticipation } from './extract/participation.ts';
import { findPartnersInProse, parsePartnersField, type PartnerDraft } from './extract/partners.ts';
import { findDate, findPeriod, parsePeriodField, type ExtractedPeriod } from './extract/period.ts';
import { findPhone } from './extract/phone.ts';
import { dedupePlaces, findPlaces, parsePlacesField, splitDistrict, type PlaceDraft } from './extract/places.ts';
import { findSponsorInProse } from './extract/organisation.ts';
import { findTargetGroupsInProse, parseTargetGroupsField } from './extract/target-groups.ts';
import { detectKind } from './extract/kind.ts';
import { findAmounts } from './extract/money.ts';
import { unsubscribe } from './extract/links.ts';
import { normaliseLabel, parseFields, signUpLabels, type Field } from './fields.ts';
import { missing, rejectionReasons, warning } from './messages.ts';
import { frameOfProse, isFramingParagraph, projectKicker, readSignature, topicSection, type ProseDocument } from './prose.ts';
import { clip, firstSentence, plainLine, splitParagraphs, splitSentences, stripEnclosingQuotes, toLongText } from './text.ts';
import type { ImportWarning } from './types.ts';

type FundingDraft = {
  sources: Array<Pick<FundingSource, 'name' | 'kind' | 'amountCents'>>;
  grantCents: number | null;
  ownCents: number | null;
  totalCents: number | null;
  text: string | null;
};

/** The fields of a fact sheet (or a questionnaire header) interpreted; null means "no such field". */
export interface InterpretedFields {
  title: string | null;
  purpose: string | null;
  description: string | null;
  sponsor: Organisation | null;
  contacts: ContactDraft[];
  places: PlaceDraft[] | null;
  period: ExtractedPeriod | null;
  funding: FundingDraft | null;
  partners: PartnerDraft[] | null;
  targetGroups: string[] | null;
  participation: { status: 'open' | 'closed' | 'unknown'; text: string | null } | null;
  /** An organisation with address written in a contact block ("Kontakt: Stadt X, Markt 1, 12345 X"), not used as sponsor. */
  contactOrganisation: Organisation | null;
  /** "Stadt Idstein (Rheingau-Taunus-Kreis)": the district named beside the sponsor, which tells where, not who. */
  sponsorDistrict: string | null;
  warnings: ImportWarning[];
}

/** The same organisation written twice ("Stadt Kassel" and "Stadt Kassel, Umweltamt"), ignoring case and spacing. */
export const sameOrganisation = (a: string, b: string): boolean => {
  const norm = (s: string) => plainLine(s).toLowerCase().replace(/\s+/g, ' ');
  const [x, y] = [norm(a), norm(b)];
  const head = (s: string) => s.split(',')[0]?.trim() ?? s;
  return x === y || (head(x).length >= 5 && head(x) === head(y));
};

const cleanTitle = (s: string): string | null => {
  const t = stripEnclosingQuotes(plainLine(s).replace(projectKicker, '')).replace(/[:.]$/, '').trim();
  return t.length >= 3 && t.length <= 300 ? t : null;
};

const joinValues = (fields: Field[]): string => fields.map((f) => f.value).filter(Boolean).join('\n\n');

/**
 * A title is one line (or a paragraph wrapped over a few lines): the value's first paragraph, up
 * to a line that looks like a label of its own ("Kommune: …"), so that a title never swallows
 * the next section when that section's label is unknown.
 */
function titleLines(value: string): string {
  const out: string[] = [];
  for (const line of value.split('\n')) {
    if (!line.trim()) {
      if (out.length) break;
      continue;
    }
    if (out.length && /^\s*(?:\*\*)?[^\s:][^:]{0,58}:(?:\*\*)?(?:\s|$)/.test(line)) break;
    out.push(line);
  }
  return out.join('\n');
}

const urlsPattern = /(?:https?:\/\/|www\.)[^\s<>()\]]+/gi;

function websiteIn(value: string): string | null {
  const url = [...value.matchAll(urlsPattern)].map((m) => m[0].replace(/[.,;]$/, '')).find((u) => !unsubscribe.test(u));
  const normalised = url?.startsWith('www.') ? `https://${url}` : url;
  return normalised && UrlSchema.safeParse(normalised).success ? normalised : null;
}

const focusLabel = /Modell|Pilot|Schwerpunkt/i;

// Labels that head the whole funding section ("Finanzierung", "Kosten und Förderung", "Was hat es
// gekostet?"); more specific ones ("Eigenanteil", "Gesamtkosten") explain their amount.
const genericFundingLabel = /^(?:(?:Finanzierung|Förderung|Fördermittel|Finanzierungsplan|Finanzen|Finanzierungsquellen|Kosten|Budget)(?:\s+(?:und|&)\s+|\s*\/\s*|$)){2,}$|^(?:Finanzierung|Förderung|Fördermittel|Finanzierungsplan|Finanzen|Finanzierungsquellen)$|\?$/i;

/**
 * The municipality that runs a project is its place when the document names no other: a sponsor
 * "Stadt Hanau", "Gemeinde Biebertal" or "Odenwaldkreis" (not "Diakonie Region Kassel").
 */
export function placesFromSponsor(sponsor: Organisation | null): PlaceDraft[] {
  const name = sponsor?.name.split(',')[0]?.trim();
  if (!name) return [];
  const found = findPlaces(name);
  const first = found[0];
  if (!first || !name.startsWith(first.label)) return [];
  return [first];
}

/**
 * Places read from running text: "Hessen" there is mostly context ("der Landesverband … in Hessen",
 * "in Hessen einmalig"), not where a municipality's project runs; it is dropped when the sponsor
 * is a municipality, which is then the place if the text names no other.
 */
export function placesFromProse(found: readonly PlaceDraft[], sponsor: Organisation | null): PlaceDraft[] {
  const own = placesFromSponsor(sponsor);
  if (!own.length) return [...found];
  const local = found.filter((p) => p.regionId !== 'hessen');
  return local.length ? local : own;
}

// Where a field's label names a content field; contact details repeat legitimately (one per person).
const repeatableKeys = new Set<Field['key']>(['name', 'address', 'contact', 'role', 'phone', 'email', 'website', 'other']);
const contentField: Partial<Record<Field['key'], string>> = { place: 'places', legal: 'legalReferences' };

/** The same label twice (a document pasted twice, a copied block): the editor must decide which applies. */
function repeatedLabels(fields: readonly Field[]): ImportWarning[] {
  const seen = new Map<string, { field: Field; count: number }>();
  for (const f of fields) {
    if (repeatableKeys.has(f.key)) continue;
    const label = f.label.toLowerCase();
    const entry = seen.get(label) ?? { field: f, count: 0 };
    entry.count++;
    seen.set(label, entry);
  }
  return [...seen.values()]
    .filter((e) => e.count > 1)
    .slice(0, 10)
    .map((e) => warning(contentField[e.field.key] ?? e.field.key, 'ambiguous', `„${plainLine(e.field.label)}“ steht ${e.count}-mal im Dokument; bitte prüfen, welche Angabe gilt.`));
}

export function interpretFields(fields: readonly Field[]): InterpretedFields {
  const warnings: ImportWarning[] = repeatedLabels(fields);
  const of = (key: Field['key']) => fields.filter((f) => f.key === key);

  // Sponsor and contacts: "Name", "Telefon" and "E-Mail" belong to the block they follow
  // ("Projektträger:" or "Ansprechpartner:"), which is why fields are read in order.
  let sponsorBlock = '';
  let sponsorName: string | null = null;
  let addressText = '';
  let website: string | null = null;
  const contacts: ContactDraft[] = [];
  const orphans: { phone: string | null; email: string | null } = { phone: null, email: null };
  let section: 'sponsor' | 'contact' | null = null;
  let contactOrganisation: Organisation | null = null;
  let awaitingContactName = false;
  for (const [i, f] of fields.entries()) {
    const value = f.value;
    switch (f.key) {
      case 'sponsor':
        section = 'sponsor';
        // "Wer steckt dahinter?" answered in a sentence names the sponsor somewhere in it, not as its first line.
        if (value && !/^(?:\S+\s+){12,}\S+[.!]$/u.test(value.split('\n')[0] ?? '')) sponsorBlock = sponsorBlock || value;
        break;
      case 'name':
        if (section === 'contact' && awaitingContactName) {
          const person = parsePersonLine(value.split('\n')[0] ?? '');
          if (person) contacts.push({ ...person, phone: null, email: null, publishConsent: false });
          awaitingContactName = false;
        } else sponsorName ??= value.split('\n')[0]?.trim() || null;
        break;
      case 'address': {
        // "Straße: …", "PLZ: 63452", "Ort: Hanau" as fields of their own (forms, database exports): one address.
        const previous = fields[i - 1]?.key === 'address';
        addressText = addressText && previous ? `${addressText}, ${value}` : addressText || value;
        const city = fields[i + 1];
        if (/(?:^|\s)\d{5}$/.test(addressText) && city?.key === 'place' && /^ort$/i.test(city.label) && !city.value.includes('\n')) addressText += ` ${city.value}`;
        break;
      }
      case 'contact': {
        section = 'contact';
        const organisation = findOrganisationWithAddress(value);
        if (organisation && !contactOrganisation) contactOrganisation = { ...organisation, website: websiteIn(value) };
        const parsed = parseContactBlock(value);
        contacts.push(...parsed);
        awaitingContactName = parsed.length === 0;
        break;
      }
      case 'role': {
        const target = contacts[contacts.length - 1];
        const role = plainLine(value.split('\n')[0] ?? '');
        if (target && !target.role && role) target.role = clip(role, 200);
        break;
      }
      case 'phone':
      case 'email': {
        const found = f.key === 'phone' ? findPhone(value) : findEmail(value);
        if (!found) {
          if (value) warnings.push(warning('contacts', 'ambiguous', `${f.label} „${plainLine(value)}“ konnte nicht gelesen werden und wurde nicht übernommen.`));
          break;
        }
        const target = contacts[contacts.length - 1];
        if (target && target[f.key] === null) target[f.key] = found;
        else if (!target) orphans[f.key] ??= found;
        // "Telefon/E-Mail: 06106 693-1420 / p.sommerlad@…": the other detail in the same value.
        const other = f.key === 'phone' ? 'email' : 'phone';
        const also = other === 'email' ? findEmail(value) : findPhone(value.replace(/\S+@\S+/g, ''));
        if (also && target && target[other] === null) target[other] = also;
        else if (also && !target) orphans[other] ??= also;
        break;
      }
      case 'website':
        website ??= websiteIn(value);
        break;
      default:
        break;
    }
  }
  // No contact block, but a person with phone or e-mail in the sponsor's block
  // ("Sanierungsmanagerin: Dipl.-Ing. Franziska Lotz, Telefon …"): the label before the name is the role.
  if (!contacts.length && sponsorBlock) {
    for (const line of sponsorBlock.split('\n')) {
      const labelled = /^\s*(?:\*\*)?([\p{L}][\p{L} -]{2,40}?)(?:\*\*)?\s*:\s*(.+)$/u.exec(line);
      const found = parseContactBlock(labelled ? (labelled[2] ?? '') : line).filter((c) => c.phone || c.email);
      // "Klimaschutzmanagerin für beide Gemeinden: Johanna Wirth, …": the word before "für" is the role.
      const role = (labelled?.[1] ?? '').trim().replace(/\s+(?:für|der|des|im|in|beim)\s.*$/u, '');
      for (const c of found) contacts.push({ ...c, role: c.role ?? (labelled && !/\s/.test(role) ? role : null) });
    }
  }
  // Phone or e-mail given before the contact's name: attach to the first contact.
  const first = contacts[0];
  if (first) {
    first.phone ??= orphans.phone;
    first.email ??= orphans.email;
  } else if (orphans.phone || orphans.email)
    warnings.push(warning('contacts', 'missing', 'Ansprechperson: Telefon oder E-Mail sind angegeben, aber kein Name. Bitte den Namen ergänzen.'));

  let sponsor: Organisation | null = null;
  const block = parseOrganisationBlock(sponsorBlock);
  const written = sponsorName ? splitAbbreviation(plainLine(sponsorName)).name : block?.name ?? null;
  const { name, district } = written ? splitDistrict(written) : { name: null, district: null };
  // A web address standing in the sponsor block is the sponsor's website.
  website ??= websiteIn(sponsorBlock);
  if (name) {
    const address = addressText ? parseAddress(addressText) : block ? { street: block.street, postcode: block.postcode, city: block.city } : { street: null, postcode: null, city: null };
    sponsor = { name: clip(name, 300), ...address, website };
    // The sponsor's address given only in the contact block ("Kontakt: Stadt Idstein, …\nKönig-Adolf-Platz 2, 65510 Idstein").
    if (!sponsor.street && !sponsor.postcode && contactOrganisation && sameOrganisation(contactOrganisation.name, sponsor.name)) {
      sponsor = { ...sponsor, street: contactOrganisation.street, postcode: contactOrganisation.postcode, city: contactOrganisation.city, website: sponsor.website ?? contactOrganisation.website };
      contactOrganisation = null;
    }
  }

  const title = of('title').find((f) => f.value) ?? of('title')[0];
  const purpose = toLongText(joinValues(of('purpose')));
  const description = toLongText(joinValues(of('description')));

  const placeFields = of('place');
  // "Modellregion: …", "Modellkommunen: …": the label says the places are a focus.
  const places = placeFields.length
    ? placeFields.flatMap((f) => parsePlacesField(f.value).map((p) => (focusLabel.test(f.label) ? { ...p, focus: true } : p)))
    : null;

  const periodField = of('period').find((f) => f.value);
  let period: ExtractedPeriod | null = null;
  if (periodField?.value) {
    const parsed = parsePeriodField(titleLines(periodField.value));
    period = { start: parsed.start, end: parsed.end, text: parsed.text };
    if (parsed.reversed) warnings.push(warning('period', 'ambiguous', `Projektlaufzeit: „${parsed.text}“ endet vor ihrem Beginn und wurde nicht übernommen. Bitte Beginn und Ende prüfen.`));
    else if (!parsed.understood)
      warnings.push(warning('period', 'ambiguous', `Projektlaufzeit: „${parsed.text}“ konnte nicht als Zeitraum gelesen werden. Bitte Beginn und Ende eintragen.`));
  }
  // "Projektbeginn: 03/2021" / "Projektende: 02/2024" as fields of their own.
  const startField = of('periodStart').find((f) => f.value);
  const endField = of('periodEnd').find((f) => f.value);
  if (startField || endField) {
    // Both as "Label: value" lines; a start alone ("Eröffnet: Mai 2023") is its value.
    const text = startField && !endField ? plainLine(startField.value) : [startField, endField].filter((f): f is Field => Boolean(f)).map((f) => `${plainLine(f.label)}: ${plainLine(f.value)}`).join('\n');
    const start = startField ? findDate(startField.value) : null;
    const end = endField ? findDate(endField.value, 'end') : null;
    // "Von der Verwaltung: Nadine Kessler …" (minutes), "Von: …" (a mail header): a start label without a date is no period.
    if (period || start || end) {
      period ??= { start: null, end: null, text: clip(text, 500) };
      period.start ??= start;
      period.end ??= end;
    }
  }

  let funding: FundingDraft | null = null;
  const fundingFields = of('funding').filter((f) => f.value);
  if (fundingFields.length) {
    funding = { sources: [], grantCents: null, ownCents: null, totalCents: null, text: null };
    const texts: string[] = [];
    for (const f of fundingFields) {
      const role = labelRole(f.label);
      const part = extractFunding(f.value, { field: true, labelRole: role });
      for (const s of part.sources) if (!funding.sources.some((o) => o.name === s.name)) funding.sources.push(s);
      funding.grantCents ??= part.grantCents;
      funding.ownCents ??= part.ownCents;
      funding.totalCents ??= part.totalCents;
      // Generic labels ("Finanzierung") add nothing; specific ones ("Eigenmittel", "Drittmittel") explain the amount.
      texts.push(role && !genericFundingLabel.test(plainLine(f.label)) ? `${plainLine(f.label)}: ${part.text ?? ''}` : (part.text ?? ''));
    }
    funding.text = clip(texts.filter(Boolean).join('\n'), 2000) || null;
    funding.sources = dropGenericFunders(funding.sources);
    completeSourceAmounts(funding);
    if (!funding.sources.length)
      warnings.push(warning('funding', 'ambiguous', 'Finanzierung: der Geldgeber wurde nicht erkannt. Bitte die Förderquelle ergänzen.'));
  }

  const partnerFields = of('partners');
  const targetFields = of('targetGroups');
  // (Not a section heading "D. Teilnahme" without a value of its own above "Anmeldung: …".)
  const participationField = of('participation').find((f) => f.value.trim());
  let participation: InterpretedFields['participation'] = null;
  if (participationField?.value) {
    const found = findParticipation(participationField.value);
    // "Anmeldung: Vereine melden sich über das Formular an", "Einstieg: Termine können gebucht werden": a
    // section that says how to sign up offers it, unless it says that one cannot.
    const howTo = signUpLabels.includes(normaliseLabel(participationField.label)) ? 'open' : 'unknown';
    participation = found.status === 'unknown' ? { status: howTo, text: clip(plainLine(participationField.value), 2000) } : found;
  }

  return {
    title: title ? cleanTitle(titleLines(title.value)) : null,
    purpose,
    description,
    sponsor,
    contacts: contacts.slice(0, 10),
    places: places ? dedupePlaces(places).slice(0, 50) : null,
    period,
    funding,
    partners: partnerFields.length ? parsePartnersField(joinValues(partnerFields)) : null,
    targetGroups: targetFields.length ? parseTargetGroupsField(joinValues(targetFields)) : null,
    participation,
    contactOrganisation,
    sponsorDistrict: district,
    warnings,
  };
}

// A heading made only of the words that name the kind of document ("Nachhaltigkeitsbaukasten Hessen – Steckbrief").
const genericHeading =
  /^(?:(?:(?:Projekt|Programm|Angebots|Kurz|Material|Maßnahmen)?[Ss]teckbrief|Projektbeschreibung|Praxisbeispiel|Einreichung|Gemeinsame|Bewerbung|Infoblatt|Merkblatt|Nachhaltigkeitsbaukasten|Nachhaltigkeitsstrategie|Hessen|Hessische[nr]?|für|den|die|der|des|zum|zur|im|Projekt|Projekte|Kommunen|Baukasten|gute|Praxis)(?:\s*[-–:|/]\s*|\s+|$))+$/i;

/** The title of a fact sheet is its first line(s) before any label, unless that is a generic heading. */
export function titleFromPreamble(preamble: string): string | null {
  return titleAndRest(preamble).title;
}

/**
 * The preamble's title and what follows it. "Steckbrief: X", "Projektsteckbrief „X“" give X; in a
 * sheet without labels for it, the paragraphs after the title are the description.
 */
/*
 * What stands above a title without being it: a letterhead ("Stadt Rüsselsheim am Main\nDer Magistrat",
 * "Odenwaldkreis – Der Kreisausschuss\nPressestelle"), a site's navigation ("Verein | Start | Über uns | …"),
 * the marker and date line of a press release, the number of a council paper.
 */
const pressRelease = /^(?:Presse(?:mitteilung|information|meldung|notiz)|Medieninformation|Pressemeldung)\b/i;
// "Marburg, 14. März 2024", "Wiesbaden, den 03.04.2024", "14.03.2024".
export const dateline = /^(?:[\p{L}. -]{2,40},\s*(?:den\s+)?)?\d{1,2}\.\s?(?:\d{1,2}\.|\p{L}+)\s?\d{2,4}$/u;

const frontMatterLine = [
  /^(?:(?:Stadt|Gemeinde|Landkreis|Kreis|Universitätsstadt|Kreisstadt)\s+\p{Lu}[\p{L} .()-]*|\p{Lu}[\p{L}-]*kreis)(?:\s+[–-]\s+(?:Der|Die)\s+\p{Lu}[\p{L}-]+)?$/u,
  /^(?:Der|Die)\s+(?:Magistrat|Kreisausschuss|Gemeindevorstand|Oberbürgermeister(?:in)?|Bürgermeister(?:in)?|Landrat|Landrätin)\b/u,
  /^(?:Pressestelle|Presse-?\s?und\s+Öffentlichkeitsarbeit|Öffentlichkeitsarbeit)$/u,
  // "Fachbereich Ländlicher Raum und Verbraucherschutz" under the letterhead: the department that writes.
  /^(?:Fachbereich|Fachdienst|Dezernat|Referat|Abteilung|Amt\s+für|Sachgebiet|Stabsstelle|Geschäftsbereich)\s[^.!?:]{2,80}$/u,
  // "Pressemitteilung Nr. 118/2025": the marker with at most a short number after it.
  new RegExp(String.raw`${pressRelease.source}[^!?]{0,40}$`, 'iu'),
  dateline,
  /^[^|]{1,60}(?:\s\|\s[^|]{1,30}){3,}$/u,
  // "Vogelsbergkreis · Der Kreisausschuss · Wirtschaftsförderung": the body that issues the sheet, its parts set apart by "·".
  /^[^·.!?]{2,60}(?:\s·\s[^·.!?]{2,80}){2,}$/u,
  /^(?:Vorlage|Drucksache|Beschlussvorlage|Magistratsvorlage|Sitzungsvorlage)\b[^.!?]{0,60}$/iu,
  // "Bitte beantworten Sie jede Frage direkt hinter dem Fragezeichen.": the form speaks to whoever fills it in.
  /^Bitte\s+(?:beantworten|füllen|tragen|senden|schicken|kreuzen|geben)\s+Sie\b[^!?]{0,200}[.!]?$/u,
  // A newspaper's byline and time stamp: "Von Katrin Hebel", "18.09.2025, 17:32 Uhr · Lesezeit: 3 Min.".
  /^Von\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){1,3}$/u,
  /^\d{1,2}\.\d{1,2}\.\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*Uhr)?(?:\s*·\s*Lesezeit:?\s*\d+\s*Min\.?)?$/u,
];
const isFrontMatter = (paragraph: string): boolean => {
  const lines = paragraph.split('\n').map((l) => plainLine(l)).filter(Boolean);
  return lines.length > 0 && lines.every((l) => frontMatterLine.some((p) => p.test(l)));
};

const municipalitiesOnly = /^(?:(?:Stadt|Gemeinde|Landkreis|Kreis|Magistrat der Stadt)\s+\p{Lu}[\p{L}-]*(?:\s+\([^)]*\))?(?:\s*(?:·|\||,|und|&)\s*|$))+$/u;

function titleAndRest(preamble: string): { title: string | null; rest: string[] } {
  const paragraphs = splitParagraphs(preamble);
  for (const [i, paragraph] of paragraphs.entries()) {
    const line = plainLine(paragraph.replace(/\n/g, ' '));
    // "Publikationen › Leitfäden": where a saved page was in its site, no title; nor the names of
    // the municipalities that send it ("Gemeinde Weilrod · Gemeinde Grävenwiesbach").
    if (!line || genericHeading.test(line) || /^[^.!?]{1,80}\s[›»>]\s[^.!?]{1,80}$/.test(line) || municipalitiesOnly.test(line) || isFrontMatter(paragraph)) continue;
    // "Infoblatt für Vereine · Stand: Januar 2026" above "# Förderprogramm …": the document's heading is its title.
    const heading = i === 0 && !/^#\s/.test(paragraph.trim()) ? paragraphs.slice(1, 4).find((p) => /^#\s/.test(p.trim())) : undefined;
    if (heading && /\s·\s|\bStand\b/.test(line)) return { title: cleanTitle(plainLine(heading)), rest: paragraphs.slice(paragraphs.indexOf(heading) + 1) };
    const after = /^(?:Projekt)?steckbrief\s*(?:[:–-]\s*|(?=[„“"»]))(.+)$/i.exec(line);
    // "Maßnahme: Klimaangepasster Umbau …" (a label the reader does not know) on the first line: its value.
    // A label is capitalised words ("Kurztitel", "Name der Maßnahme"), a heading's colon is part of the title.
    const first = paragraph.split('\n')[0] ?? '';
    const labelled = /^#/.test(first.trim()) ? null : /^([\p{L}() -]{2,40}):\s+(\S.*)$/u.exec(plainLine(first));
    const labelWords = (labelled?.[1] ?? '').trim().split(/\s+/);
    const isLabel = labelled !== null && labelWords.length <= 4 && labelWords.every((w) => /^(?:\p{Lu}|\(|der$|die$|das$|des$|zur$|zum$|für$|und$)/u.test(w));
    const value = after?.[1] ?? (isLabel ? labelled?.[2] : undefined);
    return { title: cleanTitle(value ?? line), rest: paragraphs.slice(i + 1) };
  }
  return { title: null, rest: [] };
}

/**
 * Components are the bold-led parts of the short description: each paragraph (or list item)
 * containing a bold phrase is one component, titled by that phrase. The paragraphs that are
 * no component remain the description, so no text is shown twice.
 */
export function splitComponents(description: string | null): { intro: string | null; components: Array<Pick<Component, 'title' | 'text'>> } {
  if (!description) return { intro: null, components: [] };
  const units = description.split(/\n\s*\n/).flatMap((p) => (/^\s*[-*•]\s/m.test(p) ? p.split(/\n(?=\s*[-*•]\s)/) : [p]));
  const components: Array<Pick<Component, 'title' | 'text'>> = [];
  const intro: string[] = [];
  for (const unit of units) {
    const bold = /(\*\*|__)(.+?)\1/.exec(unit);
    const title = bold ? plainLine(bold[2] ?? '').replace(/[:.]$/, '').trim() : '';
    if (title.length < 3 || title.length > 300 || components.length >= 30) {
      intro.push(unit);
      continue;
    }
    components.push({ title, text: clip(plainLine(unit.replace(/^\s*[-*•]\s+/, '')), 20_000) });
  }
  return { intro: intro.length ? intro.join('\n\n') : null, components };
}

// "Ziel des Projekts ist es, …", "Ziel ist, dass …", and reported: "Ziel sei, die … zu erhalten".
const goalWords = /\b(?:Ziel|Zweck|Anliegen)\b[^.!?]{0,80}\b(?:ist|sei)(?:\s+es\b|,)/u;
const goalSentence = /^(?:Das\s+)?(?:Ziel|Zweck|Anliegen)(?:\s+(?:des|der|dieses|dieser|unseres|unserer)\s+[\p{L}-]+)?\s+(?:ist|sei)(?:\s+es\b|,)/u;

/** A paragraph of running text: it ends like a sentence and has at least eight words. */
function isProseParagraph(paragraph: string): boolean {
  // "… unter die Lupe. #Energiesparchallenge": hashtags after the last sentence of a post.
  const line = plainLine(paragraph).replace(/(?:\s+#[\p{L}\d_]+)+$/u, '');
  return /[.!?]$/.test(line) && line.split(/\s+/).length >= 8;
}

// Fields that hold one short value: sentences after a blank line below them are no part of the value.
const shortValueKeys = new Set<Field['key']>(['title', 'sponsor', 'name', 'address', 'contact', 'role', 'phone', 'email', 'place', 'period', 'periodStart', 'periodEnd', 'website']);

/** The title of a document read as prose: its heading, a project name in quotes, the subject of a letter, or its first short line. */

function proseTitle(frame: ProseDocument, preamble: string): { title: string | null; guessed: boolean } {
  const heading = preamble.split('\n').map((l) => /^\s*#{1,6}\s+(.+)$/.exec(l)?.[1]).find((h) => h && !genericHeading.test(plainLine(h)));
  if (heading) return { title: cleanTitle(heading), guessed: false };
  // A press release: its headline, the first short paragraph after the marker and the dateline
  // ("PRESSEMITTEILUNG", "Marburg, 14. März 2024"), names it better than a programme in quotes.
  const paragraphs = splitParagraphs(preamble).map((p) => plainLine(p.replace(/\n/g, ' ')));
  if (pressRelease.test(paragraphs[0] ?? '')) {
    const headline = paragraphs.slice(1).find((p) => !dateline.test(p) && !pressRelease.test(p));
    if (headline && !/[.!?]$/.test(headline) && headline.split(/\s+/).length <= 20) return { title: cleanTitle(headline), guessed: true };
  }
  // "**Energiesparchallenge an Berufsschulen: …**" under the author's lines of a post: the headline set in bold.
  const bold = splitParagraphs(preamble)
    .slice(0, 4)
    .map((p) => /^\s*(?:\*\*|__)([^*_\n]{3,200})(?:\*\*|__)\s*$/.exec(p)?.[1])
    .find((b): b is string => Boolean(b));
  if (bold) return { title: cleanTitle(bold), guessed: true };
  const quoted = /(?:Projekts?|Vorhabens?|Initiative|Angebots?|Praxisbeispiels?|Programms?)\s+„([^“”\n]{3,150})[“”]/u.exec(frame.body)?.[1];
  if (quoted) return { title: cleanTitle(quoted), guessed: true };
  const submissionWords = /^(?:(?:Einreichung|Bewerbung|Vorstellung|Anfrage|Beitrag|Unterlagen|Praxisbeispiele?|Projektvorstellung|Projektsteckbrief|Steckbrief|Nachhaltigkeitsbaukasten|Baukasten|Hessen|für|den|die|das|zum|zur|unser(?:e[nms]?)?|gesucht|Ihr(?:e[nms]?)?|[-–:])\s*)+$/i;
  if (frame.subject && !submissionWords.test(frame.subject)) return { title: cleanTitle(frame.subject), guessed: true };
  // The first short paragraph that is no front matter (the issuing body's line above it is).
  for (const paragraph of splitParagraphs(preamble).slice(0, 3)) {
    if (isProseParagraph(paragraph) || plainLine(paragraph).split(/\s+/).length > 15) break;
    const title = titleAndRest(paragraph).title;
    if (title) return { title, guessed: true };
  }
  return { title: null, guessed: true };
}

const countOf = (text: string, words: string): number => text.split(words).length - 1;

const programmeName = /^(?:Förderprogramm|Programm|Programmname|Name\s+des\s+(?:Förder)?[Pp]rogramms)$/i;
const programmeGiver = /^(?:Förder|Mittel)geber(?:in)?$/i;

/**
 * A funding programme's sheet names the programme ("Förderprogramm: Darmstadt entsiegelt") and who
 * gives the money ("Fördergeberin: Wissenschaftsstadt Darmstadt, Umweltamt"): there these are the
 * title and the sponsor, not the funding of a project.
 */
function asProgrammeSheet(fields: Field[], text: string): Field[] {
  if (!fields.some((fl) => fl.key === 'funding' && (programmeName.test(fl.label) || programmeGiver.test(fl.label)))) return fields;
  const named = !fields.some((fl) => fl.key === 'title') && fields.find((fl) => fl.key === 'funding' && programmeName.test(fl.label) && !fl.value.includes('\n') && !findAmounts(fl.value).length);
  const programme = detectKind('', text).kind === 'foerderung';
  const giver = programme && !fields.some((fl) => fl.key === 'sponsor') && fields.find((fl) => fl.key === 'funding' && programmeGiver.test(fl.label));
  return fields.map((fl) => (fl === named ? { ...fl, key: 'title' } : fl === giver ? { ...fl, key: 'sponsor' } : fl));
}

/**
 * A sponsor where no field names one, from the most telling place first: the signature under a
 * letter, an organisation with address in the contact block, the organisation the text says carries
 * the project (in prose also its lines that are no sentences: "Veranstalter ist der Verein X e. V.,
 * Kontakt: …"), the footer line. `source` says where, for the editor's warning.
 */
function guessSponsor(from: { signature: ReturnType<typeof readSignature> | null; frame: ProseDocument | null; contactOrganisation: Organisation | null; prose: string; text: string }): { sponsor: Organisation | null; source: string | null } {
  if (from.signature?.organisation) return { sponsor: { ...from.signature.organisation, website: websiteIn(from.frame?.signature ?? '') }, source: 'aus der Unterschrift bzw. Signatur' };
  if (from.contactOrganisation) return { sponsor: from.contactOrganisation, source: 'aus den Kontaktangaben' };
  const inProse = findSponsorInProse(from.prose) ?? (from.frame ? findSponsorInProse(from.frame.body) : null);
  if (inProse) return { sponsor: { name: inProse.name, street: null, postcode: null, city: null, website: null }, source: 'aus dem Text' };
  const footer = findFooterOrganisation(from.text);
  if (footer) {
    // "… · Bahnhofstraße 22 · 36341 Lauterbach (Hessen) · www.eg-vogelsberg.example": the footer's web address is the sponsor's.
    const footerLine = from.text.trimEnd().split('\n').slice(-3).find((l) => l.includes(footer.name)) ?? '';
    return { sponsor: { ...footer, website: websiteIn(footerLine) }, source: 'aus der Fußzeile' };
  }
  return { sponsor: null, source: null };
}

/**
 * The sponsor's address written elsewhere in the document, when its own block has none: in the
 * footer line, or beside its name in another part ("bestellt werden bei: Arbeitskreis … e. V.,
 * Ludwigstraße 9, 64283 Darmstadt").
 */
function withAddressFromDocument(sponsor: Organisation, text: string, parts: readonly string[]): Organisation {
  if (sponsor.street || sponsor.postcode) return sponsor;
  const elsewhere = [() => findFooterOrganisation(text), ...parts.map((part) => () => (/\d{5}/.test(part) ? findOrganisationWithAddress(part) : null))];
  for (const find of elsewhere) {
    const organisation = find();
    if (organisation && sameOrganisation(organisation.name, sponsor.name)) return { ...sponsor, street: organisation.street, postcode: organisation.postcode, city: organisation.city };
  }
  return sponsor;
}

/** A paragraph that is nothing but an invitation to join ("Weitere Gemeinden können sich gern anschließen."). */
const onlyParticipation = (paragraph: string): boolean => findParticipation(paragraph).status !== 'unknown' && splitSentences(plainLine(paragraph)).length === 1;

/**
 * A fact sheet; with `prose`, a document without fields (a letter, a mail, a saved web page) whose
 * frame has been set apart (see prose.ts): all it yields is flagged as guessed.
 */
export function parseFactSheet(text: string, sourceFile: string, options: { prose?: boolean } = {}): ExtractResult {
  const framed = options.prose ? frameOfProse(text) : null;
  // A text on several topics (a gazette column, a newsletter, a board report): only the project's section is read.
  const topic = framed ? topicSection(framed.body) : null;
  const frame = framed && topic ? { ...framed, body: topic.text } : framed;
  const parsed = parseFields(frame ? frame.body : text);
  const { preamble } = parsed;
  const fields = asProgrammeSheet(parsed.fields, text);
  const f = interpretFields(fields);
  const fromPreamble = titleAndRest(preamble);
  const fromProse = frame && !f.title ? proseTitle(frame, preamble) : null;
  const title = f.title ?? (fromProse ? fromProse.title : fromPreamble.title);
  if (!title) return { ok: false, reason: rejectionReasons.noTitle(sourceFile) };

  const warnings: ImportWarning[] = [...f.warnings];
  if (frame) {
    warnings.push(
      warning('document', 'guessed', 'Das Dokument ist weder ein Frageformular noch ein Projektsteckbrief (etwa ein Brief, eine E-Mail oder eine Webseite); die Angaben wurden aus dem Fließtext erschlossen. Bitte alle Felder prüfen.'),
    );
    if (fromProse?.guessed) warnings.push(warning('title', 'guessed', `Titel: keine Überschrift; „${title}“ wurde aus dem Text übernommen. Bitte prüfen.`));
  }
  // Paragraphs of prose between the title and the first label (an introduction, or the whole text
  // of a short sheet in prose) belong to the description, before the text under its own label; a
  // letter's own sentences ("gerne reichen wir … ein") and a lone invitation to join do not.
  const candidates = (f.title || frame ? splitParagraphs(preamble) : fromPreamble.rest).filter(isProseParagraph);
  const introProse = candidates.filter((p) => !onlyParticipation(p) && !isFrontMatter(p) && !(frame && isFramingParagraph(p)));
  if (introProse.length) f.description = toLongText([...introProse, f.description ?? ''].join('\n\n'));
  // "Ziel des Projekts ist es, …" within the running text states the purpose, when no field does.
  if (!f.purpose && f.description && goalWords.test(f.description)) {
    const goal = splitSentences(f.description).find((sentence) => goalSentence.test(sentence));
    if (goal) {
      f.purpose = goal;
      f.description = toLongText(f.description.replace(goal, '').replace(/[ \t]{2,}/g, ' ').replace(/[ \t]+\n/g, '\n'));
    }
  }
  // Sentences set apart from a one-line field ("Projektlaufzeit: 2018 bis heute" and then a paragraph
  // on the funding) and the lone invitations are not the description, but they are read for the rest.
  const stray = fields.filter((fl) => shortValueKeys.has(fl.key)).flatMap((fl) => splitParagraphs(fl.value).slice(1).filter(isProseParagraph));
  const aside = candidates.filter((p) => onlyParticipation(p));
  const prose = [f.purpose, f.description, ...stray, ...aside].filter(Boolean).join('\n\n');
  const signature = frame?.signature ? readSignature(frame.signature) : null;
  const fromSignature = () => {
    if (f.contacts.length || !signature?.contacts.length) return;
    f.contacts = signature.contacts;
    warnings.push(warning('contacts', 'guessed', 'Ansprechperson: aus der Unterschrift bzw. Signatur übernommen. Bitte prüfen.'));
  };
  // A name under the closing formula with phone or e-mail is the contact; one without (the mayor
  // signing the gazette's column) gives way to a person the text names with their details.
  if (signature?.contacts.some((c) => c.phone || c.email)) fromSignature();
  if (!f.contacts.length) {
    // "…, Kontakt: Jutta Brückner, 0176 55512345" within a line of prose.
    // Also a sentence of its own: "Fragen beantwortet Frau Sabine Roth im Rathaus, Telefon …", "Ansprechpartner ist unser …".
    const inline =
      /(?:(?<=[,;.]\s)|^)(?:Kontakt|Ansprechpartner\p{L}*(?:\s+(?:bei|in|im)\s+(?:der\s+|dem\s+)?\p{Lu}[\p{L}-]+)?(?:\s+(?:ist|für\s+das\s+Projekt))?|Ansprechperson|Auskunft|Fragen\s+beantwortet|Auskunft\s+gibt|Auskünfte\s+gibt)\s*(?:bei)?\s*:?\s+([^\n]{5,200})/mu.exec(frame ? frame.body : text);
    const found = inline ? parseContactBlock(inline[1] ?? '').filter((c) => c.phone || c.email) : [];
    if (found.length) {
      f.contacts = found;
      warnings.push(warning('contacts', 'guessed', 'Ansprechperson: aus dem Fließtext übernommen. Bitte prüfen.'));
    }
  }
  fromSignature();
  const found = f.sponsor ? { sponsor: f.sponsor, source: null } : guessSponsor({ signature, frame, contactOrganisation: f.contactOrganisation, prose, text });
  if (found.source) warnings.push(warning('sponsor', 'guessed', `Projektträger: kein eigenes Feld; „${found.sponsor?.name}“ wurde ${found.source} übernommen. Bitte prüfen.`));
  const sponsor = found.sponsor && withAddressFromDocument(found.sponsor, text, [preamble, ...fields.map((fl) => fl.value)]);
  let period = f.period;
  if (!period) {
    const fromProse = findPeriod(prose);
    if (fromProse) {
      period = fromProse;
      warnings.push(warning('period', 'guessed', `Projektlaufzeit: kein eigenes Feld; „${fromProse.text}“ wurde aus dem Text übernommen. Bitte prüfen.`));
    }
  }
  let funding = f.funding;
  if (!funding) {
    // From the description, else from a sentence anywhere in the document ("Die Erstellung des Leitfadens
    // wurde von der Stiftung … gefördert." under "Download und Bestellung").
    let fromProse = extractFunding(prose);
    if (!fromProse.sources.length) {
      const anywhere = extractFunding(fields.filter((fl) => fl.key === 'other').map((fl) => fl.value).join('\n\n'));
      if (anywhere.sources.length) fromProse = anywhere;
    }
    if (fromProse.text) funding = { sources: fromProse.sources, grantCents: fromProse.grantCents, ownCents: fromProse.ownCents, totalCents: fromProse.totalCents, text: fromProse.text };
  }
  let places = f.places;
  if (!places) {
    // No "Durchführungsort": fall back to regions named in the text, flagged for review.
    // Also where the target groups are said to be ("richtet sich an Kommunen im Lahn-Dill-Kreis").
    const targetText = fields.filter((fl) => fl.key === 'targetGroups').map((fl) => fl.value).join('\n\n');
    // A district that only pays ("der Hochtaunuskreis beteiligt sich mit 5.000 Euro") is no place of the project.
    const funders = new Set((funding?.sources ?? []).filter((s) => s.kind === 'kommune').map((s) => s.name));
    const named = findPlaces(targetText ? `${prose}\n\n${targetText}` : prose).filter((p) => !funders.has(p.label) || countOf(prose, p.label) > countOf(funding?.text ?? '', p.label));
    places = placesFromProse(named, sponsor).slice(0, 50);
    if (places.length)
      warnings.push(warning('places', 'guessed', 'Durchführungsort: kein eigenes Feld; die Orte wurden aus dem Text übernommen. Bitte prüfen.'));
  }
  if (!places.length) {
    places = placesFromSponsor(sponsor);
    if (places.length) warnings.push(warning('places', 'guessed', 'Durchführungsort: nicht angegeben; der Ort des Projektträgers wurde übernommen. Bitte prüfen.'));
  }
  const teaser = firstSentence(f.description);
  const { intro, components } = splitComponents(f.description);
  const documentWide = extractDocumentWide(text);
  warnings.push(...documentWide.warnings);
  if (!f.purpose) warnings.push(missing('purpose', 'Projektzweck: im Dokument nicht gefunden.'));
  if (!f.description) warnings.push(missing('description', 'Kurzbeschreibung: im Dokument nicht gefunden.'));

  // A funding programme, an advisory offer or a publication rather than a project: proposed, flagged.
  const { kind, reason } = detectKind(title, text);
  if (reason) warnings.push(warning('kind', 'guessed', `Art: als „${kindLabels[kind]}“ erkannt (${reason}). Bitte prüfen.`));

  const content: ContributionContentInput = {
    kind,
    title,
    // Teaser: the first sentence of the short description, as the catalog's one-line summary.
    teaser: teaser ? clip(teaser, 600) : null,
    description: intro ? clip(intro, 20_000) : null,
    purpose: f.purpose ? clip(f.purpose, 20_000) : null,
    components,
    sponsor,
    contacts: f.contacts,
    // "Träger: … – in Zusammenarbeit mit …": partners named in the sponsor's field are read too.
    partners: f.partners ?? findPartnersInProse([prose, ...fields.filter((fl) => fl.key === 'sponsor').map((fl) => fl.value)].join('\n\n')),
    places,
    period: period ?? {},
    participation: f.participation ?? findParticipation(prose),
    funding: funding ?? {},
    legalReferences: documentWide.legalReferences,
    targetGroups: f.targetGroups ?? findTargetGroupsInProse(prose),
    links: documentWide.links,
  };
  if (frame) {
    // In a document read as prose, what the text yields for these fields is a guess as well.
    if (!f.funding && funding?.text) warnings.push(warning('funding', 'guessed', 'Finanzierung: aus dem Fließtext übernommen. Bitte prüfen.'));
    if (!f.partners && content.partners?.length) warnings.push(warning('partners', 'guessed', 'Kooperationspartner: aus dem Fließtext übernommen. Bitte prüfen.'));
    if (!f.targetGroups && content.targetGroups?.length) warnings.push(warning('targetGroups', 'guessed', 'Zielgruppen: aus dem Fließtext übernommen. Bitte prüfen.'));
  }
  return { ok: true, content, warnings: [...warnings, ...missingFieldWarnings(content)] };
}
