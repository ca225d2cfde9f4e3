import slugify from 'slugify';

const MAX_SLUG_LENGTH = 80;

/** URL slug from a German title: "Förderung für Straßen" → "foerderung-fuer-strassen". */
export function slugFromTitle(title: string): string {
  const full = slugify(title, { locale: 'de', lower: true, strict: true, trim: true });
  if (full.length <= MAX_SLUG_LENGTH) return full || 'beitrag';
  // Cut at a word boundary so slugs stay readable.
  const cut = full.slice(0, MAX_SLUG_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : MAX_SLUG_LENGTH).replace(/-+$/, '');
}
