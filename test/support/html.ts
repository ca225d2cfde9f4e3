// Small readers for server-rendered HTML, so tests assert on what a reader sees, not on markup.

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Visible text of an HTML fragment with whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    // Inline elements do not separate words; every other tag does.
    .replace(/<\/?(a|strong|em|span|code|b|i)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The HTML of the page section with the given id, or null when the page has no such section. */
export function sectionHtml(html: string, id: string): string | null {
  const match = new RegExp(`<section id="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  return match?.[1] ?? null;
}

/** Text of the section with the given id; throws when missing so a failing test says which one. */
export function sectionText(html: string, id: string): string {
  const section = sectionHtml(html, id);
  if (section === null) throw new Error(`Abschnitt #${id} fehlt auf der Seite`);
  return textOf(section);
}

/** Texts of all headings of one level, in document order. */
export function headings(html: string, level: 1 | 2 | 3): string[] {
  return [...html.matchAll(new RegExp(`<h${level}[^>]*>([\\s\\S]*?)</h${level}>`, 'g'))].map((m) => textOf(m[1] ?? ''));
}

/** All href values of anchors, decoded. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => textOf(m[1] ?? ''));
}

/** Anchors as {text, href}, to check that a label is (or is not) a link. */
export function anchors(html: string): Array<{ text: string; href: string }> {
  return [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ href: textOf(m[1] ?? ''), text: textOf(m[2] ?? '') }));
}
