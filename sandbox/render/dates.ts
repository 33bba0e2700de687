// Slack's <!date^seconds^format|fallback> tokens, rendered in the reader's zone as Slack renders them.
// https://api.slack.com/reference/surfaces/formatting#date-formatting

const DAY_MS = 86_400_000;

function parts(at: Date, tz: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-US', { timeZone: tz, ...options }).formatToParts(at))
    out[p.type] = p.value;
  return out;
}

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

/** The local calendar date as a day number, to tell today, yesterday and tomorrow apart in `tz`. */
function localDay(at: Date, tz: string): number {
  const p = parts(at, tz, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) / DAY_MS;
}

export function formatSlackDate(seconds: number, format: string, tz: string, now: number): string {
  const at = new Date(seconds * 1000);
  const d = parts(at, tz, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });
  const short = parts(at, tz, { month: 'short' });
  const num = parts(at, tz, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = parts(at, tz, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const day = Number(d.day);
  const relative = (): string | undefined => {
    const diff = localDay(at, tz) - localDay(new Date(now), tz);
    return diff === 0 ? 'today' : diff === -1 ? 'yesterday' : diff === 1 ? 'tomorrow' : undefined;
  };
  const tokens: Record<string, () => string> = {
    date_num: () => `${num.year}-${num.month}-${num.day}`,
    date: () => `${d.month} ${ordinal(day)}, ${d.year}`,
    date_short: () => `${short.month} ${day}, ${d.year}`,
    date_long: () => `${d.weekday}, ${d.month} ${ordinal(day)}, ${d.year}`,
    date_pretty: () => relative() ?? tokens.date?.() ?? '',
    date_short_pretty: () => relative() ?? tokens.date_short?.() ?? '',
    date_long_pretty: () => relative() ?? tokens.date_long?.() ?? '',
    time: () => `${time.hour}:${time.minute}`,
    time_secs: () => `${time.hour}:${time.minute}:${time.second}`,
  };
  return format.replace(/\{(\w+)\}/g, (whole, name: string) => tokens[name]?.() ?? whole);
}
