import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Shown after the text of a link whose target the source document did not carry ("[text](#)"). */
export const missingLinkNote = '(Link fehlt in der Quelle)';

const safeHref = /^(https?:\/\/|mailto:)/i;

/** Only absolute web and mail links may become anchors on public pages. */
export function isSafeHref(href: string | null | undefined): href is string {
  return typeof href === 'string' && safeHref.test(href);
}

// Raw HTML in contributions is never trusted: markdown-it escapes it, sanitize-html is the second fence.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

// Headings inside a contribution sit below the page's h1 and section h2, so shift them to h3/h4.
markdown.core.ruler.push('shift_headings', (state) => {
  for (const token of state.tokens) {
    if (token.type !== 'heading_open' && token.type !== 'heading_close') continue;
    const level = Number(token.tag.slice(1));
    token.tag = `h${Math.min(4, level + 2)}`;
  }
});

// A link without a usable target (placeholder "#", relative path) becomes text plus a note, not a dead anchor.
markdown.core.ruler.push('unlink_placeholders', (state) => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children = block.children;
    for (let i = 0; i < children.length; i++) {
      const open = children[i];
      if (open?.type !== 'link_open' || safeHref.test(open.attrGet('href') ?? '')) continue;
      const closeIndex = children.findIndex((t, j) => j > i && t.type === 'link_close');
      if (closeIndex < 0) continue;
      const note = new state.Token('text', '', 0);
      note.content = ` ${missingLinkNote}`;
      children.splice(closeIndex, 1, note);
      children.splice(i, 1);
    }
  }
});

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'em', 'strong', 'ul', 'ol', 'li', 'a', 'br', 'h3', 'h4', 'blockquote', 'code'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ?? '';
      // Relative or unknown targets are dropped entirely; sanitize-html would otherwise keep relative URLs.
      if (!safeHref.test(href)) return { tagName: 'span', attribs: {} };
      return { tagName, attribs: { href, rel: 'noopener' } };
    },
  },
};

/** Markdown from a contribution → sanitised HTML safe to embed in a page. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), sanitizeOptions);
}

// Editable page texts (content/*.md) are operator-written documents: their "#" is the page's
// h1 (taken out by the caller), "##" a section h2. Same escaping and sanitiser as contributions.
const documentMarkdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
documentMarkdown.core.ruler.push('clamp_headings', (state) => {
  for (const token of state.tokens) {
    if ((token.type === 'heading_open' || token.type === 'heading_close') && token.tag === 'h1') token.tag = 'h2';
  }
});

const documentSanitizeOptions: sanitizeHtml.IOptions = {
  ...sanitizeOptions,
  allowedTags: [...(sanitizeOptions.allowedTags || []), 'h2'],
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ?? '';
      // Page texts may link to the site's own pages ("/barrierefreiheit") besides web and mail addresses.
      if (!safeHref.test(href) && !/^\/(?!\/)[\w\-./#?=&%]*$/.test(href)) return { tagName: 'span', attribs: {} };
      return { tagName, attribs: href.startsWith('/') ? { href } : { href, rel: 'noopener' } };
    },
  },
};

/** A Markdown page text → its title (the first "# " line, if any) and sanitised HTML of the rest. */
export function renderDocument(source: string): { title: string | null; html: string } {
  const match = /^\s*#\s+(.+?)\s*#*\s*(?:\r?\n|$)/.exec(source);
  const title = match?.[1] ?? null;
  const body = match ? source.slice(match[0].length) : source;
  return { title, html: sanitizeHtml(documentMarkdown.render(body), { ...documentSanitizeOptions, allowedSchemes: ['http', 'https', 'mailto'] }) };
}

/** Plain text of a Markdown field, for teasers and meta descriptions. */
export function markdownToPlainText(source: string): string {
  const html = markdown.render(source);
  return sanitizeHtml(html.replace(/<\/(p|li|h\d|blockquote)>/g, ' '), { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&') // last, so "&amp;lt;" stays "&lt;"
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shortens text at a word boundary; the ellipsis tells the reader there is more. */
export function excerpt(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf(' ');
  return `${cut.slice(0, boundary > maxLength / 2 ? boundary : maxLength).replace(/[\s,;:.–-]+$/, '')} …`;
}
