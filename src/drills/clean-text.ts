/**
 * C0 control characters (U+0000-U+001F) other than tab and newline. Postgres refuses a text value holding
 * U+0000 outright (the person would be told the database is unreachable, for ever), and the others (bell,
 * escape, a lone carriage return...) have no meaning in an answer and can garble a terminal reading the data.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F]/g;

/** Text a person typed, as it may be stored: every field of free text goes through this on input. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL, '');
}
