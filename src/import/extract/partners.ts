import type { Partner } from '../../domain/contribution.ts';
import { splitSentences, splitTopLevelList, stripInlineMarkdown } from '../text.ts';

/*
 * Partners. Rule, kept deliberately simple: in prose, the rest of a sentence introduced by
 * "Kooperationspartner sind …", "Partner waren …" or "Partner: …" is a list; in a field, each
 * line (or list item) is one partner, a single line is a list. Lists split at commas,
 * semicolons, "sowie" and "und" (not inside parentheses, and not inside a "für … und …"
 * name). A parenthesis stays with its item: "weitere regionale Partner (Kitas, …)".
 */

export type PartnerDraft = Pick<Partner, 'name' | 'role' | 'website'>;

const cue = /(?:^|\s)(?:Unsere\s+|Die\s+|Als\s+)?(?:Kooperations|Projekt|Netzwerk)?[Pp]artner(?:innen|\*innen|:innen)?(?:\s+(?:des|im)\s+Projekte?s?)?\s*(?:sind|waren|:)\s+(.+)$/u;

function cleanItem(item: string): string | null {
  const t = stripInlineMarkdown(item)
    .replace(/^(?:[-*•]\s+)/, '')
    .replace(/^(?:die|der|das|den|dem)\s+/i, '')
    .replace(/\s*(?:\.\.\.|…|u\.\s?a\.|usw\.|etc\.)\s*$/, '')
    .replace(/[;:,]+$/, '').replace(/(?<!(?:^|\s)\p{L}|\b(?:Str|Nr|gGmbH|Co|mbH))\.+$/u, '')
    .trim();
  return t && t.length <= 300 ? t : null;
}

function toPartners(items: string[]): PartnerDraft[] {
  const out: PartnerDraft[] = [];
  for (const raw of items) {
    const name = cleanItem(raw);
    if (name && !out.some((p) => p.name === name)) out.push({ name, role: null, website: null });
  }
  return out.slice(0, 50);
}

export function findPartnersInProse(text: string): PartnerDraft[] {
  for (const sentence of splitSentences(text)) {
    const m = cue.exec(sentence);
    if (m) return toPartners(splitTopLevelList((m[1] ?? '').replace(/[.!]$/, '')));
  }
  return [];
}

export function parsePartnersField(value: string): PartnerDraft[] {
  const lines = value.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length > 1) return toPartners(lines);
  return toPartners(splitTopLevelList((lines[0] ?? '').replace(/[.!]$/, '')));
}
