/**
 * Escapes text for Slack mrkdwn. Slack reads `<...>` as links and mentions (`<!channel>`, `<@U123>`), so
 * user text echoed back without this could ping a whole channel. Only these three characters need it.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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

/** Section and context text objects hold at most 3000 characters. */
export function clip(text: string, max = 3000): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
