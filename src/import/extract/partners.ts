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
    // "der VdK-Ortsverband, der bei der Suche … hilft": a relative clause after the last name ends the list.
    const item = raw.trim().replace(/[.!]$/, '');
    if (/^(?:der|die|das|welche[rs]?)\s+(?:bei|mit|für|in|an|auf|über|von|zu|nach|seit|sich|uns|schon|auch|dort|hier)\s/u.test(item) || (/^(?:der|die|das|welche[rs]?)\s+\p{Ll}/u.test(item) && /\s\p{Ll}+$/u.test(item))) break;
    const name = cleanItem(raw);
    if (name && !out.some((p) => p.name === name)) out.push({ name, role: null, website: null });
  }
  return out.slice(0, 50);
}

// "… – in Zusammenarbeit mit dem Umwelt- und Gartenamt der Stadt Kassel", "gemeinsam mit der X GmbH".
const withCue = /(?:^|\s)(?:in\s+(?:enger\s+)?(?:Zusammenarbeit|Kooperation|Partnerschaft)|gemeinsam|zusammen)\s+mit\s+(.+)$/u;
const nameConnector = /^(?:der|des|dem|den|die|das|und|sowie|für|von|vom|zur|zum|im|am|in|e\.|V\.|&)$/u;

/**
 * The names after "in Zusammenarbeit mit …", only where they run to the end of the clause: in
 * "gemeinsam mit den Nachbargemeinden X und Y Mitfahrgelegenheiten" nothing tells where a name ends.
 */
function namesToClauseEnd(text: string): string | null {
  const clause = text.replace(/[.!?]$/, '').split(/,\s+(?=(?:die|der|das|welche[rs]?|wo|um|damit|und\s+\p{Ll})\b)/u)[0] ?? '';
  const tokens = clause.split(/\s+/).filter(Boolean);
  if (!tokens.length || tokens.length > 30) return null;
  for (const [i, raw] of tokens.entries()) {
    const t = raw.replace(/[,;]$/, '');
    if (/^\p{Lu}/u.test(t) || /^\p{L}+-$/u.test(t) || nameConnector.test(t) || /^\(.*\)$/.test(t) || /^(?:e\.\s?V\.|gGmbH|GmbH|eG)$/.test(t)) continue;
    // "dem örtlichen Sportverein": an adjective before a name.
    if (/^\p{Ll}+(?:e|en|er|es)$/u.test(t) && /^\p{Lu}/u.test(tokens[i + 1] ?? '')) continue;
    // "gemeinsam mit der Wirtschaftsförderung Wetterau GmbH ein Pfandsystem …": a legal form ends the name.
    const before = tokens.slice(0, i).join(' ');
    if (i > 1 && /(?:e\.\s?V\.|g?GmbH|\beG|\bAG|gAG|mbH)$/u.test(before)) return before;
    // "in Zusammenarbeit mit der Hochschule Geisenheim ausgewählt": a verb after the name of a body ends it.
    if (i > 1 && /^\p{Ll}+(?:t|en)$/u.test(t) && organisationName.test(before) && /^\p{Lu}/u.test(tokens[i - 1] ?? '')) return before;
    return null;
  }
  // An organisation is named: a legal form, an abbreviation or a word for a body ("Amt", "Verein", "Stadt").
  return organisationName.test(clause) ? clause : null;
}
const organisationName =
  /\p{L}(?:Agentur|Verband|Verein|Stiftung|Zentrum|Netzwerk)\b|(?:e\.\s?V\.|g?GmbH|\beG\b|\bAG\b|\b\p{Lu}{2,}\b|(?:^|[\s-])(?:Stadt|Gemeinde|Landkreis|Kreis|Universität|Hochschule|Verein|Verband|Stiftung|Amt|Zentrum|Agentur|Kammer|Netzwerk|Initiative|Genossenschaft|Kirchengemeinde|Schule)\b|\p{Ll}(?:amt|verein|verband|stiftung|zentrum|agentur|kammer|werk|werke|netzwerk|initiative|genossenschaft|schule|universität|hochschule|büro|dienst|gemeinde|gemeinden|kommunen|betrieb|betriebe|rat|pflege|zentrale|hilfe)\b)/u;

export function findPartnersInProse(text: string): PartnerDraft[] {
  for (const sentence of splitSentences(text)) {
    const m = cue.exec(sentence);
    if (m) return toPartners(splitTopLevelList((m[1] ?? '').replace(/[.!]$/, '')));
  }
  for (const sentence of splitSentences(text)) {
    for (const clause of sentence.split(/\s+[–—]\s+|;\s*|:\s+/)) {
      const m = withCue.exec(clause);
      const names = m ? namesToClauseEnd(m[1] ?? '') : null;
      if (names) return toPartners(splitTopLevelList(names));
    }
  }
  return [];
}

export function parsePartnersField(value: string): PartnerDraft[] {
  const lines = value.split('\n').map((l) => l.trim()).filter(Boolean);
  // "Wir arbeiten zusammen mit:" above the list introduces it.
  if (lines.length > 1 && /:$/.test(lines[0] ?? '') && !/^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*:$/u.test(lines[0] ?? '')) lines.shift();
  if (lines.length > 1) return toPartners(lines);
  // "A; B und C e. V.": with semicolons between the partners, an "und" belongs to a name.
  if ((lines[0] ?? '').includes(';')) return toPartners((lines[0] ?? '').replace(/[.!]$/, '').split(/\s*;\s*/));
  return toPartners(splitTopLevelList((lines[0] ?? '').replace(/[.!]$/, '')));
}
