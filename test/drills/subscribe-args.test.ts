// Bad inputs tried (day sets): a preset with a day list in either order (`weekdays sat`, `sat weekdays`,
// `daily mon`), ranges (`mon-fri`, `fri-mon`, `sat/sun`), misspelt days (`mo`, `wednes`), day-ish
// prototype words (`valueOf`), and a day list repeated or out of order.
import { describe, expect, it } from 'vitest';
import {
  applySubscribeChange,
  formatMinuteOfDay,
  parseClock,
  parseSubscribeArgs,
} from '../../src/drills/subscribe-args.ts';

// A Map, as the bot's own lookups: a plain object would find `constructor` in Object.prototype.
const TOPICS = new Map([
  ['incidents', 'handling-production-incidents'],
  ['collaboration', 'cross-functional-collaboration'],
  ['10x', 'ten-x-engineering'], // a topic word that starts with a digit
]);
const resolveTopic = (word: string) => TOPICS.get(word.toLowerCase()) ?? null;
const parse = (text: string) => parseSubscribeArgs(text, resolveTopic);
/** The settings a first subscription gets from the text (what it does not name takes the defaults). */
const parseFirst = (text: string) => {
  const r = parse(text);
  return r.ok ? { ok: true, value: applySubscribeChange(r.value, null) } : r;
};
const USAGE =
  'Use `/star subscribe [HH:MM] [daily|weekdays] [topic ...]`, e.g. `/star subscribe 08:30 weekdays incidents`.';

describe('parseClock and formatMinuteOfDay', () => {
  it.each([
    ['00:00', 0],
    ['09:00', 540],
    ['9:00', 540],
    ['08:30', 510],
    ['23:59', 1439],
    [' 12:05 ', 725],
  ])('parseClock(%j) = %d', (text, minute) => {
    expect(parseClock(text)).toBe(minute);
  });

  it.each(['24:00', '25:00', '9:60', '9:5', '900', '9', '9am', '09:00:00', '-1:00', '', 'nine'])(
    'parseClock(%j) = null',
    (text) => {
      expect(parseClock(text)).toBeNull();
    },
  );

  it('formats minutes after midnight as HH:MM and round-trips', () => {
    expect(formatMinuteOfDay(540)).toBe('09:00');
    expect(formatMinuteOfDay(0)).toBe('00:00');
    expect(formatMinuteOfDay(1439)).toBe('23:59');
    for (let m = 0; m < 1440; m++) expect(parseClock(formatMinuteOfDay(m))).toBe(m);
  });

  it.each([-1, 1440, 9.5, Number.NaN])('formatMinuteOfDay(%d) throws', (m) => {
    expect(() => formatMinuteOfDay(m)).toThrow(RangeError);
  });
});

describe('parseSubscribeArgs: accepted', () => {
  it.each([
    ['', 540, 'weekdays', []],
    ['   ', 540, 'weekdays', []],
    ['08:30', 510, 'weekdays', []],
    ['daily', 540, 'daily', []],
    ['weekday', 540, 'weekdays', []],
    ['08:30 weekdays incidents', 510, 'weekdays', ['handling-production-incidents']],
    ['incidents 7:05 DAILY', 425, 'daily', ['handling-production-incidents']],
    [
      'incidents, collaboration',
      540,
      'weekdays',
      ['handling-production-incidents', 'cross-functional-collaboration'],
    ],
    ['incidents incidents Incidents', 540, 'weekdays', ['handling-production-incidents']],
    ['`08:30` `daily`', 510, 'daily', []],
    ['daily daily 09:00 09:00', 540, 'daily', []],
    ['10x 00:00', 0, 'weekdays', ['ten-x-engineering']],
  ])('%j', (text, minuteOfDay, days, topics) => {
    expect(parseFirst(text)).toEqual({ ok: true, value: { minuteOfDay, days, topics } });
  });
});

describe('parseSubscribeArgs: only what is named changes', () => {
  const current = { minuteOfDay: 510, days: 0b0010101, topics: ['cross-functional-collaboration'] };
  it.each([
    ['', {}, current],
    ['07:30', { minuteOfDay: 450 }, { ...current, minuteOfDay: 450 }],
    ['daily', { days: 'daily' }, { ...current, days: 'daily' }],
    ['sat sun', { days: 0b1100000 }, { ...current, days: 0b1100000 }],
    [
      'incidents',
      { topics: ['handling-production-incidents'] },
      { ...current, topics: ['handling-production-incidents'] },
    ],
    ['all', { topics: [] }, { ...current, topics: [] }],
    [
      '07:30 ALL weekdays',
      { minuteOfDay: 450, days: 'weekdays', topics: [] },
      { minuteOfDay: 450, days: 'weekdays', topics: [] },
    ],
  ] as const)('%j', (text, change, after) => {
    const parsed = parse(text);
    expect(parsed).toEqual({ ok: true, value: change });
    if (parsed.ok) expect(applySubscribeChange(parsed.value, current)).toEqual(after);
  });
});

describe('parseSubscribeArgs: refused, naming the problem and showing the form', () => {
  it.each([
    ['25:00', '`25:00` is not a time: hours go from 00 to 23, minutes from 00 to 59.'],
    ['9:60', '`9:60` is not a time: hours go from 00 to 23, minutes from 00 to 59.'],
    ['24:00 daily', '`24:00` is not a time: hours go from 00 to 23, minutes from 00 to 59.'],
    ['9am', '`9am` is not a time: write it as HH:MM on a 24-hour clock, e.g. `09:00`.'],
    ['9:30pm', '`9:30pm` is not a time: write it as HH:MM on a 24-hour clock, e.g. `21:30`.'],
    ['12am', '`12am` is not a time: write it as HH:MM on a 24-hour clock, e.g. `00:00`.'],
    ['9', '`9` is not a time: write it as HH:MM on a 24-hour clock, e.g. `09:00`.'],
    ['9.30', '`9.30` is not a time: write it as HH:MM on a 24-hour clock, e.g. `09:30`.'],
    ['0900', '`0900` is not a time: write it as HH:MM on a 24-hour clock.'],
    ['09:00:00', '`09:00:00` is not a time: write it as HH:MM on a 24-hour clock.'],
    ['08:00 09:00', 'Give one time, not two (`08:00` and `09:00`).'],
    ['daily weekdays', 'Choose `daily` or `weekdays`, not both (`daily` and `weekdays`).'],
    ['08:30 daily astrology', '`astrology` is not a topic I know.'],
    // Names of Object.prototype's members: a plain object used as the lookup table found them as days.
    ['08:00 constructor', '`constructor` is not a topic I know.'],
    ['08:00 __proto__', '`__proto__` is not a topic I know.'],
    ['toString', '`toString` is not a topic I know.'],
    ['hasOwnProperty', '`hasOwnProperty` is not a topic I know.'],
    ['all incidents', 'Choose `all` or some topics, not both.'],
    ['incidents all', 'Choose `all` or some topics, not both.'],
  ])('%j', (text, problem) => {
    expect(parse(text)).toEqual({ ok: false, error: `${problem} ${USAGE}` });
  });

  it('stops at the first problem without resolving later words', () => {
    const asked: string[] = [];
    parseSubscribeArgs('25:00 incidents', (w) => {
      asked.push(w);
      return null;
    });
    expect(asked).toEqual([]);
  });
});

describe('parseSubscribeArgs: sets of days', () => {
  it.each([
    ['mon,wed,fri', 540, 0b0010101, []],
    ['mon wed fri', 540, 0b0010101, []],
    ['fri mon wed', 540, 0b0010101, []],
    ['Monday, Wednesday, FRIDAY', 540, 0b0010101, []],
    ['mon', 540, 0b1, []],
    ['sundays 07:00', 420, 0b1000000, []],
    ['weekends', 540, 0b1100000, []],
    ['sat sun', 540, 0b1100000, []],
    ['weekend wed', 540, 0b1100100, []],
    ['incidents tue 18:30 thurs', 1110, 0b0001010, ['handling-production-incidents']],
    ['mon mon mon', 540, 0b1, []],
    // A list that is a preset comes back as the preset.
    ['mon tue wed thu fri', 540, 'weekdays', []],
    ['fri,thu,wed,tue,mon,sun,sat', 540, 'daily', []],
    ['everyday', 540, 'daily', []],
  ])('%j', (text, minuteOfDay, days, topics) => {
    expect(parseFirst(text)).toEqual({ ok: true, value: { minuteOfDay, days, topics } });
  });

  const HINT = 'Days are `daily`, `weekdays`, or a list such as `mon,wed,fri` or `weekends`.';
  it.each([
    ['weekdays sat', `Choose \`weekdays\` or a list of days, not both (\`weekdays\` and \`sat\`). ${HINT}`],
    ['sat weekdays', `Choose \`weekdays\` or a list of days, not both (\`weekdays\` and \`sat\`). ${HINT}`],
    ['daily mon wed', `Choose \`daily\` or a list of days, not both (\`daily\` and \`mon\`). ${HINT}`],
    ['mon-fri', '`mon-fri` is not a list of days: write the days one by one, e.g. `mon,tue,wed,thu,fri`.'],
    ['fri-mon', '`fri-mon` is not a list of days: write the days one by one, e.g. `fri,sat,sun,mon`.'],
    ['sat/sun', '`sat/sun` is not a list of days: write the days one by one, e.g. `sat,sun`.'],
    ['mo', '`mo` is not a topic I know.'],
    ['wednes', '`wednes` is not a topic I know.'],
    ['valueOf', '`valueOf` is not a topic I know.'],
    ['mon-incidents', '`mon-incidents` is not a topic I know.'],
  ])('%j', (text, problem) => {
    expect(parse(text)).toEqual({ ok: false, error: `${problem} ${USAGE}` });
  });
});
