import { UrlSchema, type Link } from '../../domain/contribution.ts';
import { clip } from '../text.ts';

/*
 * Links: Markdown links "[label](url)", autolinks "<https://…>", bare "https://…" and "www.…".
 * A Markdown link without target ("[Leitfaden](#)") is kept as a placeholder so an editor can
 * add the address; mailto: links are contact data, not links.
 */

export type LinkDraft = Pick<Link, 'url' | 'label' | 'placeholder' | 'broken'>;

export interface FoundLinks {
  links: LinkDraft[];
  /** Labels of placeholder links, for warnings. */
  placeholders: string[];
  /** Addresses that are not valid http(s) URLs. */
  invalid: string[];
}

const trailingPunctuation = /[.,;:!?)\]"“”']+$/;

export const unsubscribe = /abmeld|abbestell|unsubscribe|opt-?out/i;

export function findLinks(text: string): FoundLinks {
  const found: Array<{ index: number; link: LinkDraft }> = [];
  const invalid: string[] = [];
  let rest = text;
  const blank = (m: RegExpMatchArray) => {
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice((m.index ?? 0) + m[0].length);
  };
  const add = (index: number, rawUrl: string | null, label: string | null) => {
    const trimmed = label?.replace(/\*\*/g, '').trim();
    const cleanLabel = trimmed ? clip(trimmed, 300) : null;
    if (rawUrl === null) {
      found.push({ index, link: { url: null, label: cleanLabel, placeholder: true, broken: false } });
      return;
    }
    const url = rawUrl.startsWith('www.') ? `https://${rawUrl}` : rawUrl;
    // A newsletter's unsubscribe link says nothing about the project.
    if (unsubscribe.test(url)) return;
    if (!UrlSchema.safeParse(url).success) {
      invalid.push(rawUrl);
      return;
    }
    found.push({ index, link: { url, label: cleanLabel && cleanLabel !== rawUrl && cleanLabel !== url ? cleanLabel : null, placeholder: false, broken: false } });
  };

  for (const m of text.matchAll(/\[([^\]\n]*)\]\(\s*([^)\s]*)\s*\)/g)) {
    const target = m[2] ?? '';
    blank(m);
    if (/^mailto:/i.test(target)) continue;
    if (target === '' || target === '#' || /^#/.test(target)) add(m.index, null, m[1] ?? null);
    else add(m.index, target, m[1] ?? null);
  }
  for (const m of rest.matchAll(/<((?:https?:\/\/|www\.)[^>\s]+)>/gi)) {
    blank(m);
    add(m.index, m[1] ?? '', null);
  }
  for (const m of rest.matchAll(/(?<![\w@/.])(?:https?:\/\/|www\.)[^\s<>()"“”]+/gi)) {
    add(m.index, m[0].replace(trailingPunctuation, ''), null);
  }

  found.sort((a, b) => a.index - b.index);
  const links: LinkDraft[] = [];
  for (const { link } of found) {
    const duplicate = links.some((l) => (link.url ? l.url === link.url : !l.url && l.label === link.label));
    if (!duplicate) links.push(link);
  }
  return { links, placeholders: links.filter((l) => l.placeholder).map((l) => l.label ?? ''), invalid };
}
