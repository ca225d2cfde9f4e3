/** Amounts are integer euro cents so sums are exact. */
export function formatEuroCents(cents: number): string {
  const euros = cents / 100;
  return new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: cents % 100 === 0 ? 0 : 2 }).format(euros);
}

/**
 * An amount as typed into a form, German style: "12.500,50 €", "12500", "1.250.000 EUR", "99,9".
 * Returns cents, or null when the text is not such an amount (the caller reports it).
 */
export function parseEuroInput(text: string): number | null {
  const compact = text.replace(/\s+/g, '').replace(/^(?:€|EUR)/i, '').replace(/(?:€|EUR|Euro)$/i, '');
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2})|,-{1,2})?$/.exec(compact);
  if (!match) return null;
  const cents = Number((match[1] ?? '').replace(/\./g, '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as a form shows them for editing: "12.500,50", "1.250.000" (the label says Euro). */
export function formatEuroInput(cents: number): string {
  return new Intl.NumberFormat('de-DE', { minimumFractionDigits: cents % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 }).format(cents / 100);
}
