// Opening mark -> the closing mark that pairs with it.
const QUOTE_PAIRS: Readonly<Record<string, string>> = { '"': '"', '“': '”' };

/**
 * The guide writes questions and answers as quotations (`"Tell me about ..."`); the bot shows them
 * without the marks. Only one enclosing pair is removed, and only when no mark of the same style
 * appears inside: `"A" or "B"` is two quotations, not one, and is kept whole.
 */
export function stripEnclosingQuotes(raw: string): string {
  const text = raw.trim();
  const open = text[0];
  const close = open === undefined ? undefined : QUOTE_PAIRS[open];
  if (open === undefined || close === undefined || text.length < 2 || !text.endsWith(close)) return text;
  const inner = text.slice(1, -1);
  if (inner.includes(open) || inner.includes(close)) return text;
  return inner.trim();
}

/** "Leadership in Technical Decision-Making" -> "leadership-in-technical-decision-making". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents fall away so "Café" becomes "cafe", not "caf"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Lower-cased with runs of whitespace collapsed: the form two texts are compared in. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
