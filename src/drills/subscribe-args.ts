/**
 * The words after `/star subscribe`: `[HH:MM] [daily|weekdays|days ...] [topic ...]`. Tokens may come in any
 * order because people type them that way; each is recognised by its shape, and anything unclear is
 * refused with a message that names the token and shows the right form, rather than guessed at.
 *
 * Days are a preset (`daily`, `weekdays`) or a list of days (`mon,wed,fri`, `mon wed fri`, `weekends`,
 * `sat sun`, full names and plurals too); the listed days add up, in any order and among the other
 * tokens. A preset and a list together are refused: `weekdays sat` could mean either.
 */
import { type Days, daysOf, WEEKDAYS, type Weekday } from './days.ts';

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

/**
 * What a `/star subscribe` names: only those settings change, the others stay as they are (or take the
 * defaults for a first subscription). `topics: []` is `all`: every topic.
 */
export type SubscribeChange = Partial<SubscribeArgs>;

export type SubscribeArgsResult = { ok: true; value: SubscribeChange } | { ok: false; error: string };

/** The word that asks for every topic again, after some were chosen. */
export const ALL_TOPICS_WORDS = new Set(['all', 'all-topics', 'alltopics']);

/** The settings after a change: what it names, the rest from `current` (null: a first subscription). */
export function applySubscribeChange(change: SubscribeChange, current: SubscribeArgs | null): SubscribeArgs {
  return {
    minuteOfDay: change.minuteOfDay ?? current?.minuteOfDay ?? DEFAULT_MINUTE_OF_DAY,
    days: change.days ?? current?.days ?? DEFAULT_DAYS,
    topics: change.topics ?? current?.topics ?? [],
  };
}

const CLOCK = /^(\d{1,2}):(\d{2})$/;
// Maps, not object literals: `constructor` or `__proto__` must not find Object.prototype's members.
const PRESET_WORDS = new Map<string, 'daily' | 'weekdays'>([
  ['daily', 'daily'],
  ['everyday', 'daily'],
  ['weekdays', 'weekdays'],
  ['weekday', 'weekdays'],
]);

const DAY_SPELLINGS: Record<Weekday, string[]> = {
  mon: ['mon', 'monday', 'mondays'],
  tue: ['tue', 'tues', 'tuesday', 'tuesdays'],
  wed: ['wed', 'weds', 'wednesday', 'wednesdays'],
  thu: ['thu', 'thur', 'thurs', 'thursday', 'thursdays'],
  fri: ['fri', 'friday', 'fridays'],
  sat: ['sat', 'saturday', 'saturdays'],
  sun: ['sun', 'sunday', 'sundays'],
};

/** Each word naming days, to the days it names. */
const DAY_LIST_WORDS = new Map<string, readonly Weekday[]>([
  ...WEEKDAYS.flatMap((day) => DAY_SPELLINGS[day].map((word): [string, Weekday[]] => [word, [day]])),
  ['weekend', ['sat', 'sun']],
  ['weekends', ['sat', 'sun']],
]);

/** Where a days problem is reported, the forms that work. */
export const DAYS_HINT = 'Days are `daily`, `weekdays`, or a list such as `mon,wed,fri` or `weekends`.';

/** `mon-fri`, `fri–mon` or `mon/fri`: the list it most likely means (a range wraps past Sunday), else null. */
function suggestDayRange(token: string): string | null {
  const ends = token.toLowerCase().split(/[-–/]/);
  if (ends.length !== 2) return null;
  const [from, to] = ends.map((w) => DAY_LIST_WORDS.get(w));
  if (from?.length !== 1 || to?.length !== 1) return null;
  const start = WEEKDAYS.indexOf(from[0] as Weekday);
  const end = WEEKDAYS.indexOf(to[0] as Weekday);
  const length = ((end - start + 7) % 7) + 1;
  return Array.from({ length }, (_, i) => WEEKDAYS[(start + i) % 7]).join(',');
}

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
  let preset: { token: string; value: 'daily' | 'weekdays' } | null = null;
  // The first day word, for messages, and every day named so far.
  let listedToken: string | null = null;
  const listedDays: Weekday[] = [];
  const topics: string[] = [];
  let allTopics: string | null = null;

  for (const token of tokens) {
    if (ALL_TOPICS_WORDS.has(token.toLowerCase())) {
      if (topics.length > 0) return fail(`Choose \`${token}\` or some topics, not both.`);
      allTopics = token;
      continue;
    }
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
    const presetWord = PRESET_WORDS.get(token.toLowerCase());
    if (presetWord) {
      if (preset && preset.value !== presetWord) {
        return fail(`Choose \`daily\` or \`weekdays\`, not both (\`${preset.token}\` and \`${token}\`).`);
      }
      if (listedToken !== null) return presetAndList(token, listedToken);
      preset = { token, value: presetWord };
      continue;
    }
    const dayList = DAY_LIST_WORDS.get(token.toLowerCase());
    if (dayList) {
      if (preset) return presetAndList(preset.token, token);
      listedToken ??= token;
      listedDays.push(...dayList);
      continue;
    }
    const slug = resolveTopic(token);
    if (slug !== null) {
      if (allTopics !== null) return fail(`Choose \`${allTopics}\` or some topics, not both.`);
      if (!topics.includes(slug)) topics.push(slug);
      continue;
    }
    if (TIME_LIKE.test(token)) {
      const suggestion = suggestClock(token);
      const hint = suggestion ? `, e.g. \`${suggestion}\`` : '';
      return fail(`\`${token}\` is not a time: write it as HH:MM on a 24-hour clock${hint}.`);
    }
    const range = suggestDayRange(token);
    if (range) {
      return fail(`\`${token}\` is not a list of days: write the days one by one, e.g. \`${range}\`.`);
    }
    return fail(`\`${token}\` is not a topic I know.`);
  }

  const days = listedDays.length > 0 ? daysOf(listedDays) : preset?.value;
  return {
    ok: true,
    value: {
      ...(time ? { minuteOfDay: time.minute } : {}),
      ...(days !== undefined ? { days } : {}),
      ...(topics.length > 0 || allTopics !== null ? { topics } : {}),
    },
  };
}

function presetAndList(presetToken: string, dayToken: string): SubscribeArgsResult {
  return fail(
    `Choose \`${presetToken}\` or a list of days, not both (\`${presetToken}\` and \`${dayToken}\`). ${DAYS_HINT}`,
  );
}
