/** Markdown's ASCII punctuation that can start or end markup inline. */
const INLINE_MARKUP = /[\\`*_[\]<>#|~&!]/g;

/** Guide text on one line, every markup character escaped: shows as written, never as markup (the export). */
export function inlineText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE_MARKUP, (c) => `\\${c}`);
}
