/**
 * The words after `/star subscribe`: `[HH:MM] [daily|weekdays] [topic ...]`. Tokens may come in any
 * order because people type them that way; each is recognised by its shape, and anything unclear is
 * refused with a message that names the token and shows the right form, rather than guessed at.
 */
import type { Days } from './schedule.ts';

export const SUBSCRIBE_USAGE = '`/star subscribe [HH:MM] [daily|weekdays] [topic ...]`';
export const SUBSCRIBE_EXAMPLE = '`/star subscribe 08:30 weekdays incidents`';
export const DEFAULT_MINUTE_OF_DAY = 9 * 60;
export const DEFAULT_DAYS: Days = 'weekdays';

export interface SubscribeArgs {
  minuteOfDay: number;
  days: Days;
  /** Topic slugs in the order given, without repeats; empty means every topic. */
  topics: string[];
}

export type SubscribeArgsResult = { ok: true; value: SubscribeArgs } | { ok: false; error: string };

const CLOCK = /^(\d{1,2}):(\d{2})$/;
// A Map, not an object literal: `constructor` or `__proto__` must not find Object.prototype's members.
const DAY_WORDS = new Map<string, Days>([
  ['daily', 'daily'],
  ['weekdays', 'weekdays'],
  ['weekday', 'weekdays'],
]);

/** `HH:MM` or `H:MM` on a 24-hour clock to minutes after midnight; null when it is not such a time. */
export function parseClock(text: string): number | null {
  const m = CLOCK.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

export function formatMinuteOfDay(minuteOfDay: number): string {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > 1439) {
    throw new RangeError(`minuteOfDay must be an integer in 0..1439, got ${minuteOfDay}`);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

/** Tokens that were probably meant as a time (`9`, `9am`, `9.30`, `9:5`, `09:00pm`), not as a topic. */
const TIME_LIKE = /^\d|:/;
const AM_PM = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)$/i;

/** For a time written another way, the HH:MM it most likely means, to put in the error message. */
function suggestClock(token: string): string | null {
  const ampm = AM_PM.exec(token);
  if (ampm) {
    const h = Number(ampm[1]);
    const min = Number(ampm[2] ?? '0');
    if (h < 1 || h > 12 || min > 59) return null;
    const h24 = (h % 12) + ((ampm[3] ?? '').toLowerCase() === 'pm' ? 12 : 0);
    return formatMinuteOfDay(h24 * 60 + min);
  }
  const bare = /^(\d{1,2})(?:\.(\d{2}))?$/.exec(token);
  if (bare) {
    const h = Number(bare[1]);
    const min = Number(bare[2] ?? '0');
    if (h > 23 || min > 59) return null;
    return formatMinuteOfDay(h * 60 + min);
  }
  return null;
}

function fail(problem: string): SubscribeArgsResult {
  return { ok: false, error: `${problem} Use ${SUBSCRIBE_USAGE}, e.g. ${SUBSCRIBE_EXAMPLE}.` };
}

/**
 * @param resolveTopic maps a word the user typed to a topic slug, or null if no topic matches; it is
 *   asked before a token is judged time-like, so a topic whose name starts with a digit still works.
 */
export function parseSubscribeArgs(
  text: string,
  resolveTopic: (word: string) => string | null,
): SubscribeArgsResult {
  // Commas separate topics for people who write lists; backticks appear when people copy the example.
  const tokens = text
    .replace(/`/g, ' ')
    .split(/[\s,]+/)
    .filter((t) => t.length > 0);
  let time: { token: string; minute: number } | null = null;
  let days: { token: string; value: Days } | null = null;
  const topics: string[] = [];

  for (const token of tokens) {
    if (CLOCK.test(token)) {
      const minute = parseClock(token);
      if (minute === null)
        return fail(`\`${token}\` is not a time: hours go from 00 to 23, minutes from 00 to 59.`);
      if (time && time.minute !== minute) {
        return fail(`Give one time, not two (\`${time.token}\` and \`${token}\`).`);
      }
      time = { token, minute };
      continue;
    }
    const dayWord = DAY_WORDS.get(token.toLowerCase());
    if (dayWord) {
      if (days && days.value !== dayWord) {
        return fail(`Choose \`daily\` or \`weekdays\`, not both (\`${days.token}\` and \`${token}\`).`);
      }
      days = { token, value: dayWord };
      continue;
    }
    const slug = resolveTopic(token);
    if (slug !== null) {
      if (!topics.includes(slug)) topics.push(slug);
      continue;
    }
    if (TIME_LIKE.test(token)) {
      const suggestion = suggestClock(token);
      const hint = suggestion ? `, e.g. \`${suggestion}\`` : '';
      return fail(`\`${token}\` is not a time: write it as HH:MM on a 24-hour clock${hint}.`);
    }
    return fail(`\`${token}\` is not a topic I know.`);
  }

  return {
    ok: true,
    value: {
      minuteOfDay: time?.minute ?? DEFAULT_MINUTE_OF_DAY,
      days: days?.value ?? DEFAULT_DAYS,
      topics,
    },
  };
}
