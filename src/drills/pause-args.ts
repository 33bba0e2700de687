/**
 * The words after `/star pause`, `/star interview` and `/star recap`, in the style of subscribe-args.ts:
 * anything unclear is refused with a message that names the problem and shows the form, never guessed at.
 * Dates are local dates in the user's zone; `today` is `localDateOf(zone, now)`, passed in.
 *
 * - `pause until YYYY-MM-DD` (or `pause YYYY-MM-DD`): no drills before that date, drills again on it.
 * - `pause 7d`, `pause 2w`, `pause 10 days`, `pause 1 week`: drills again that many days from today.
 * - `interview YYYY-MM-DD` (or `interview on YYYY-MM-DD`): a drill every day up to and including it;
 *   `interview off` (or `cancel`) ends the countdown.
 * - `recap on|off`.
 * A pause or an interview reaches at most one year ahead.
 */
import { addDays, isLocalDate, parseLocalDate } from './local-date.ts';

export type ArgsResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const PAUSE_USAGE = '`/star pause until YYYY-MM-DD` or `/star pause 7d` (days) or `2w` (weeks)';
export const INTERVIEW_USAGE = '`/star interview YYYY-MM-DD` or `/star interview off`';
export const RECAP_USAGE = '`/star recap on` or `/star recap off`';

const ISO_DATE_SHAPE = /^\d{4}-\d{1,2}-\d{1,2}$/;
/** Things people type for a date that are not YYYY-MM-DD: 24/12/2026, 12.24, 2026/12/24, 24-12-2026. */
const OTHER_DATE_SHAPE = /^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?$/;
const LENGTH = /^(\d+)\s*([a-z]+)?$/i;
// Maps, not object literals: `constructor` must not find Object.prototype's members.
const UNITS = new Map<string, number>([
  ['d', 1],
  ['day', 1],
  ['days', 1],
  ['w', 7],
  ['wk', 7],
  ['wks', 7],
  ['week', 7],
  ['weeks', 7],
]);
const SWITCH = new Map<string, boolean>([
  ['on', true],
  ['off', false],
]);

/** The same month and day a year later (29 February -> 28 February): the furthest a pause or interview may be. */
export function oneYearAfter(localDate: string): string {
  const d = new Date(parseLocalDate(localDate));
  const y = d.getUTCFullYear() + 1;
  const m = d.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

function words(text: string): string[] {
  return text
    .replace(/`/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** A date token checked for shape and calendar; the error names it and shows the form. */
function dateToken(token: string, example: string): ArgsResult<string> {
  if (isLocalDate(token)) return { ok: true, value: token };
  if (ISO_DATE_SHAPE.test(token)) {
    return {
      ok: false,
      error: `\`${token}\` is not a date on the calendar: write it as YYYY-MM-DD, e.g. \`${example}\`.`,
    };
  }
  if (OTHER_DATE_SHAPE.test(token)) {
    return {
      ok: false,
      error: `\`${token}\` is not a date I can read: write it as YYYY-MM-DD, e.g. \`${example}\`.`,
    };
  }
  return { ok: false, error: `\`${token}\` is not a date: write it as YYYY-MM-DD, e.g. \`${example}\`.` };
}

function failWith<T>(problem: string, usage: string): ArgsResult<T> {
  return { ok: false, error: `${problem} Use ${usage}.` };
}

export interface PauseArgs {
  /** The local date drills start again; every date before it (from today) has none. */
  until: string;
}

/** `/star pause ...` relative to the user's local `today`. */
export function parsePauseArgs(text: string, today: string): ArgsResult<PauseArgs> {
  const fail = (problem: string) => failWith<PauseArgs>(problem, PAUSE_USAGE);
  const latest = oneYearAfter(today);
  const example = addDays(today, 14);
  let tokens = words(text);
  if (tokens.length === 0) return fail('Say until when, or for how long.');

  if (tokens[0]?.toLowerCase() === 'until' || tokens[0]?.toLowerCase() === 'till') {
    tokens = tokens.slice(1);
    if (tokens.length === 0) return fail('Say until which date.');
  }
  const first = tokens[0] as string;
  const rest = tokens.slice(1);
  const lengthText = tokens.join(' ');
  const length = LENGTH.exec(lengthText);

  let until: string;
  // Digits alone, longer than any length, were meant as a date (20261224).
  if (length && !(length[2] === undefined && (length[1] as string).length > 3)) {
    const n = Number(length[1]);
    const unit = length[2]?.toLowerCase();
    if (unit === undefined)
      return fail(`\`${lengthText}\` needs a unit: \`${n}d\` for days or \`${n}w\` for weeks.`);
    const perUnit = UNITS.get(unit);
    if (perUnit === undefined) {
      return fail(`\`${lengthText}\` is not a length I know: pause for days (\`7d\`) or weeks (\`2w\`).`);
    }
    if (n === 0) return fail('A pause lasts at least one day.');
    // Capped before the arithmetic, so `pause 99999999999w` is refused rather than overflowing the date.
    if (n * perUnit > 366)
      return fail(`\`${lengthText}\` is longer than a year: the longest pause ends ${latest}.`);
    until = addDays(today, n * perUnit);
  } else {
    const date = dateToken(first, example);
    if (!date.ok) return fail(date.error);
    if (rest.length > 0) return fail(`\`${rest.join(' ')}\` is not part of a pause.`);
    until = date.value;
    if (until < today) return fail(`\`${until}\` is in the past (today is ${today}).`);
    if (until === today) {
      return fail(
        `\`${until}\` is today, and drills start again on the date you give: to pause today, give tomorrow (\`${addDays(today, 1)}\`).`,
      );
    }
  }
  if (until > latest) return fail(`\`${until}\` is more than a year away: the longest pause ends ${latest}.`);
  return { ok: true, value: { until } };
}

/** `{ date }` for a countdown to that local date, `{ date: null }` for `interview off`. */
export interface InterviewArgs {
  date: string | null;
}

export function parseInterviewArgs(text: string, today: string): ArgsResult<InterviewArgs> {
  const fail = (problem: string) => failWith<InterviewArgs>(problem, INTERVIEW_USAGE);
  let tokens = words(text);
  if (tokens.length === 0) return fail('Give the date of your interview.');
  const head = (tokens[0] as string).toLowerCase();
  if (tokens.length === 1 && (head === 'off' || head === 'cancel' || head === 'none')) {
    return { ok: true, value: { date: null } };
  }
  if (head === 'on' && tokens.length > 1) tokens = tokens.slice(1);
  const date = dateToken(tokens[0] as string, addDays(today, 14));
  if (!date.ok) return fail(date.error);
  if (tokens.length > 1) return fail(`\`${tokens.slice(1).join(' ')}\` is not part of an interview date.`);
  if (date.value < today) return fail(`\`${date.value}\` is in the past (today is ${today}).`);
  const latest = oneYearAfter(today);
  if (date.value > latest) {
    return fail(
      `\`${date.value}\` is more than a year away: an interview countdown reaches ${latest} at most.`,
    );
  }
  return { ok: true, value: { date: date.value } };
}

export function parseRecapArgs(text: string): ArgsResult<{ recap: boolean }> {
  const tokens = words(text);
  const on = tokens.length === 1 ? SWITCH.get((tokens[0] as string).toLowerCase()) : undefined;
  if (on === undefined) {
    const problem =
      tokens.length === 0 ? 'Say `on` or `off`.' : `\`${tokens.join(' ')}\` is not \`on\` or \`off\`.`;
    return failWith(problem, RECAP_USAGE);
  }
  return { ok: true, value: { recap: on } };
}
