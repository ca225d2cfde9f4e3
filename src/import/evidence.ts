import type { ContributionContent } from '../domain/contribution.ts';
import { findAmounts } from './extract/money.ts';
import { clip, plainLine } from './text.ts';

/*
 * Evidence: for every extracted value, the passage of the document it was read from, so an
 * editor sees why a field holds what it holds. Values are located in the text the document was
 * read into (the same Markdown-like text for every file type): strings by their wording, phone
 * numbers by their digits, amounts by their value, dates by the period's wording. A value that
 * cannot be located (a generated title, a normalised name) simply has no evidence.
 */

export interface Evidence {
  /** Content path, e.g. "title", "contacts.0.phone", "funding.grantCents". */
  field: string;
  /** The line of the document that holds the value (plain text, at most 300 characters). */
  text: string;
  /** 1-based line number in the read text. */
  line?: number;
}

interface Line {
  no: number;
  plain: string;
  folded: string;
  digits: string;
}

const fold = (s: string) => plainLine(s).toLowerCase().replace(/[„“”"‚‘’'«»]/g, '').replace(/\s+/g, ' ');

function indexLines(text: string): Line[] {
  return text
    .split('\n')
    .map((raw, i) => ({ no: i + 1, plain: plainLine(raw), folded: fold(raw), digits: raw.replace(/\D/g, '') }))
    .filter((l) => l.plain !== '');
}

export function collectEvidence(text: string, content: ContributionContent): Evidence[] {
  const lines = indexLines(text);
  const out: Evidence[] = [];
  const add = (field: string, line: Line | undefined) => {
    if (line) out.push({ field, text: clip(line.plain, 300), line: line.no });
  };
  /** The first line containing the value's wording (long values: their first 60 characters). */
  /** The first line containing the value's wording, searched from `near` (a related value's line) on. */
  const byText = (field: string, value: string | null | undefined, near?: string) => {
    if (!value) return;
    const needle = fold(value.split('\n').find((l) => l.trim()) ?? '').slice(0, 60).replace(/…$/, '').trim();
    if (needle.length < 2) return;
    const from = near ? (out.find((e) => e.field === near)?.line ?? 0) : 0;
    add(field, lines.find((l) => l.no >= from && l.folded.includes(needle)) ?? lines.find((l) => l.folded.includes(needle)));
  };
  const byPhone = (field: string, phone: string | null) => {
    if (!phone) return;
    const national = phone.replace(/^\+49\s*/, '').replace(/\D/g, '');
    add(field, lines.find((l) => l.digits.includes(national)));
  };
  const byAmount = (field: string, cents: number | null) => {
    if (cents === null) return;
    add(field, lines.find((l) => findAmounts(l.plain).some((a) => a.cents === cents)));
  };

  byText('title', content.title);
  byText('teaser', content.teaser);
  byText('description', content.description);
  byText('purpose', content.purpose);
  for (const [key, answer] of Object.entries(content.answers)) byText(`answers.${key}`, answer);
  content.components.forEach((c, i) => byText(`components.${i}.title`, c.title));
  if (content.sponsor) {
    byText('sponsor.name', content.sponsor.name);
    byText('sponsor.street', content.sponsor.street);
    byText('sponsor.postcode', content.sponsor.postcode && content.sponsor.city ? `${content.sponsor.postcode} ${content.sponsor.city}` : content.sponsor.postcode);
    byText('sponsor.website', content.sponsor.website?.replace(/^https?:\/\//, ''));
  }
  content.contacts.forEach((c, i) => {
    byText(`contacts.${i}.name`, c.name);
    byText(`contacts.${i}.role`, c.role, `contacts.${i}.name`);
    byPhone(`contacts.${i}.phone`, c.phone);
    byText(`contacts.${i}.email`, c.email, `contacts.${i}.name`);
  });
  content.partners.forEach((p, i) => byText(`partners.${i}.name`, p.name, i > 0 ? `partners.${i - 1}.name` : undefined));
  content.places.forEach((p, i) => byText(`places.${i}.label`, p.label));
  byText('period.text', content.period.text);
  if (content.period.start || content.period.end) {
    const period = out.find((e) => e.field === 'period.text');
    if (period) for (const key of ['start', 'end'] as const) if (content.period[key]) out.push({ ...period, field: `period.${key}` });
  }
  byText('participation.text', content.participation.text);
  content.funding.sources.forEach((s, i) => {
    // Names are normalised to the nominative ("des Hessischen Ministeriums" → "Hessisches Ministerium"): match the word stems.
    byText(`funding.sources.${i}.name`, s.name.split(' ').slice(0, 3).map((w) => w.replace(/(?:e[snmr]?|s)$/u, '')).join(' '));
    byAmount(`funding.sources.${i}.amountCents`, s.amountCents);
  });
  byAmount('funding.grantCents', content.funding.grantCents);
  byAmount('funding.ownCents', content.funding.ownCents);
  byAmount('funding.totalCents', content.funding.totalCents);
  content.legalReferences.forEach((r, i) => byText(`legalReferences.${i}.label`, r.label));
  // A list is usually written in one place: the last item's line is found first, the others near it.
  const lastGroup = content.targetGroups.length - 1;
  if (lastGroup >= 0) byText(`targetGroups.${lastGroup}`, content.targetGroups[lastGroup]);
  content.targetGroups.slice(0, -1).forEach((t, i) => byText(`targetGroups.${i}`, t, `targetGroups.${lastGroup}`));
  content.links.forEach((l, i) => byText(`links.${i}.url`, l.url ? l.url.replace(/^https?:\/\//, '') : l.label));
  return out.slice(0, 300);
}
