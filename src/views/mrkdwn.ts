/**
 * Escapes text for Slack mrkdwn. Slack reads `<...>` as links and mentions (`<!channel>`, `<@U123>`), so
 * user text echoed back without this could ping a whole channel. Only these three characters need it.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ELLIPSIS = '…';
const ENTITIES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
]);

/**
 * User text for mrkdwn, clipped before it is escaped: at most `maxChars` characters of the text (code
 * points, so an emoji is never cut in half) and at most `maxOutput` characters once escaped (a text full of
 * `&` grows fivefold), ending in `…` when cut. Clipping after escaping could cut `&amp;` in two, and a
 * budget per part keeps one long part from pushing the others out of a 3,000-character block.
 */
export function escapeClipped(text: string, maxChars: number, maxOutput = Number.POSITIVE_INFINITY): string {
  const kept = keptPrefix(text, maxChars, maxOutput);
  return kept === text ? escapeMrkdwn(text) : escapeMrkdwn(kept) + ELLIPSIS;
}

/** The longest start of `text` that fits both budgets with room for the ellipsis; `text` itself if it fits. */
function keptPrefix(text: string, maxChars: number, maxOutput: number): string {
  if (escapeMrkdwn(text).length <= maxOutput && [...text].length <= maxChars) return text;
  let kept = '';
  let out = 0;
  let chars = 0;
  for (const ch of text) {
    const piece = ENTITIES.get(ch) ?? ch;
    // Room is kept for the ellipsis.
    if (chars + 1 > maxChars - 1 || out + piece.length > maxOutput - 1) break;
    kept += ch;
    out += piece.length;
    chars += 1;
  }
  return kept;
}

/**
 * escapeClipped, but a cut text ends at a word boundary ("a query that…", not "a query that n…"), unless
 * a single word fills most of the budget (a pasted URL), which is then cut where it must be.
 */
export function escapeClippedAtWord(
  text: string,
  maxChars: number,
  maxOutput = Number.POSITIVE_INFINITY,
): { text: string; cut: boolean } {
  const kept = keptPrefix(text, maxChars, maxOutput);
  if (kept === text) return { text: escapeMrkdwn(text), cut: false };
  // The first character left out is a space: the kept text ends with a whole word already.
  const wholeWord = /\s/u.test(text.charAt(kept.length));
  const space = kept.search(/\s\S*$/u);
  const end = wholeWord ? kept.length : space > kept.length / 2 ? space : kept.length;
  return { text: escapeMrkdwn(kept.slice(0, end).trimEnd()) + ELLIPSIS, cut: true };
}

/** Prefixes every line with `>` so a multi-line text renders as one block quote. */
export function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** Slack renders this in each reader's own time zone and locale; the fallback shows where it cannot. */
export function slackDate(at: Date, format = '{date_short_pretty} at {time}'): string {
  const seconds = Math.floor(at.getTime() / 1000);
  return `<!date^${seconds}^${format}|${at.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}

/**
 * Section and context text objects hold at most 3000 characters. Cuts at a code point (never half an emoji)
 * and never inside an `&amp;`-style escape, so already-escaped text stays well formed.
 */
export function clip(text: string, max = 3000): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Do not split a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  // Do not end inside an entity: back up to its `&`.
  const amp = text.lastIndexOf('&', end - 1);
  if (amp !== -1 && amp > end - 6 && !text.slice(amp, end).includes(';')) end = amp;
  return `${text.slice(0, end)}${ELLIPSIS}`;
}
