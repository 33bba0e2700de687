// Bad inputs tried: nothing; `until` alone; dates in the past, today, more than a year ahead, not on the
// calendar (2026-02-30, 2026-13-01), in other shapes (24/12/2026, 2026/12/24, 12.24, 24-12-2026), digits
// only (20261224); lengths without a unit (7), with unknown units (7h, 7m, 1y, 7constructor), of zero, of
// 53 weeks, of 99999999999 weeks; trailing words; `constructor`, `__proto__` and `toString` as a unit, a
// switch or a date; a leap-day today (2028-02-29) for the one-year limit.
import { describe, expect, it } from 'vitest';
import {
  activePause,
  countdownText,
  inRanges,
  interviewCountdown,
  isPaused,
} from '../../src/drills/pause.ts';
import {
  oneYearAfter,
  parseInterviewArgs,
  parsePauseArgs,
  parseRecapArgs,
} from '../../src/drills/pause-args.ts';

const TODAY = '2026-03-02'; // a Monday
const PAUSE = 'Use `/star pause until YYYY-MM-DD` or `/star pause 7d` (days) or `2w` (weeks).';
const INTERVIEW = 'Use `/star interview YYYY-MM-DD` or `/star interview off`.';
const RECAP = 'Use `/star recap on` or `/star recap off`.';

describe('oneYearAfter', () => {
  it.each([
    ['2026-03-02', '2027-03-02'],
    ['2028-02-29', '2029-02-28'],
    ['2027-02-28', '2028-02-28'],
    ['2026-12-31', '2027-12-31'],
  ])('%s -> %s', (from, to) => {
    expect(oneYearAfter(from)).toBe(to);
  });
});

describe('parsePauseArgs: accepted', () => {
  it.each([
    ['until 2026-12-24', '2026-12-24'],
    ['UNTIL 2026-12-24', '2026-12-24'],
    ['till 2026-03-03', '2026-03-03'],
    ['2026-12-24', '2026-12-24'],
    ['`until 2026-12-24`', '2026-12-24'],
    ['7d', '2026-03-09'],
    ['7 d', '2026-03-09'],
    ['7 days', '2026-03-09'],
    ['1 day', '2026-03-03'],
    ['1d', '2026-03-03'],
    ['2w', '2026-03-16'],
    ['2 weeks', '2026-03-16'],
    ['1 week', '2026-03-09'],
    ['2W', '2026-03-16'],
    ['52w', '2027-03-01'],
    ['365d', '2027-03-02'],
    ['until 2027-03-02', '2027-03-02'], // exactly a year
  ])('%j -> until %s', (text, until) => {
    expect(parsePauseArgs(text, TODAY)).toEqual({ ok: true, value: { until } });
  });

  it('counts a year from a leap day to 28 February', () => {
    expect(parsePauseArgs('until 2029-02-28', '2028-02-29')).toEqual({
      ok: true,
      value: { until: '2029-02-28' },
    });
    expect(parsePauseArgs('366d', '2028-02-29').ok).toBe(false);
    // 2028 is a leap year: 366 days from 2028-01-01 is 2029-01-01, exactly a year.
    expect(parsePauseArgs('366d', '2028-01-01')).toEqual({ ok: true, value: { until: '2029-01-01' } });
  });
});

describe('parsePauseArgs: refused, naming the problem and showing the form', () => {
  it.each([
    ['', 'Say until when, or for how long.'],
    ['until', 'Say until which date.'],
    ['until 2026-03-01', '`2026-03-01` is in the past (today is 2026-03-02).'],
    ['2025-12-24', '`2025-12-24` is in the past (today is 2026-03-02).'],
    [
      'until 2026-03-02',
      '`2026-03-02` is today, and drills start again on the date you give: to pause today, give tomorrow (`2026-03-03`).',
    ],
    ['until 2027-03-03', '`2027-03-03` is more than a year away: the longest pause ends 2027-03-02.'],
    [
      'until 2026-02-30',
      '`2026-02-30` is not a date on the calendar: write it as YYYY-MM-DD, e.g. `2026-03-16`.',
    ],
    [
      'until 2026-13-01',
      '`2026-13-01` is not a date on the calendar: write it as YYYY-MM-DD, e.g. `2026-03-16`.',
    ],
    [
      'until 2026-3-9',
      '`2026-3-9` is not a date on the calendar: write it as YYYY-MM-DD, e.g. `2026-03-16`.',
    ],
    ['until 24/12/2026', '`24/12/2026` is not a date I can read: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['until 2026/12/24', '`2026/12/24` is not a date I can read: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['24-12-2026', '`24-12-2026` is not a date I can read: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['12.24', '`12.24` is not a date I can read: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['20261224', '`20261224` is not a date: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['until christmas', '`christmas` is not a date: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['constructor', '`constructor` is not a date: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['until 2026-12-24 please', '`please` is not part of a pause.'],
    ['7', '`7` needs a unit: `7d` for days or `7w` for weeks.'],
    ['7h', '`7h` is not a length I know: pause for days (`7d`) or weeks (`2w`).'],
    ['7 m', '`7 m` is not a length I know: pause for days (`7d`) or weeks (`2w`).'],
    ['1y', '`1y` is not a length I know: pause for days (`7d`) or weeks (`2w`).'],
    ['7constructor', '`7constructor` is not a length I know: pause for days (`7d`) or weeks (`2w`).'],
    ['7__proto__', '`7__proto__` is not a date: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['0d', 'A pause lasts at least one day.'],
    ['53w', '`53w` is longer than a year: the longest pause ends 2027-03-02.'],
    ['366d', '`2027-03-03` is more than a year away: the longest pause ends 2027-03-02.'],
    ['99999999999w', '`99999999999w` is longer than a year: the longest pause ends 2027-03-02.'],
    ['-7d', '`-7d` is not a date: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
  ])('%j', (text, problem) => {
    expect(parsePauseArgs(text, TODAY)).toEqual({ ok: false, error: `${problem} ${PAUSE}` });
  });
});

describe('parseInterviewArgs', () => {
  it.each([
    ['2026-12-15', '2026-12-15'],
    ['on 2026-12-15', '2026-12-15'],
    ['2026-03-02', '2026-03-02'], // today
    ['2027-03-02', '2027-03-02'], // a year
  ])('%j -> %s', (text, date) => {
    expect(parseInterviewArgs(text, TODAY)).toEqual({ ok: true, value: { date } });
  });

  it.each(['off', 'OFF', 'cancel', 'none', ' off '])('%j ends the countdown', (text) => {
    expect(parseInterviewArgs(text, TODAY)).toEqual({ ok: true, value: { date: null } });
  });

  it.each([
    ['', 'Give the date of your interview.'],
    ['2026-03-01', '`2026-03-01` is in the past (today is 2026-03-02).'],
    [
      '2027-03-03',
      '`2027-03-03` is more than a year away: an interview countdown reaches 2027-03-02 at most.',
    ],
    ['2026-02-30', '`2026-02-30` is not a date on the calendar: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['15/12/2026', '`15/12/2026` is not a date I can read: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['tomorrow', '`tomorrow` is not a date: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['off 2026-12-15', '`off` is not a date: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['2026-12-15 at 10:00', '`at 10:00` is not part of an interview date.'],
    ['on', '`on` is not a date: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
    ['__proto__', '`__proto__` is not a date: write it as YYYY-MM-DD, e.g. `2026-03-16`.'],
  ])('%j refused', (text, problem) => {
    expect(parseInterviewArgs(text, TODAY)).toEqual({ ok: false, error: `${problem} ${INTERVIEW}` });
  });
});

describe('parseRecapArgs', () => {
  it.each([
    ['on', true],
    ['off', false],
    ['OFF', false],
    [' on ', true],
  ])('%j -> %j', (text, recap) => {
    expect(parseRecapArgs(text)).toEqual({ ok: true, value: { recap } });
  });

  it.each([
    ['', 'Say `on` or `off`.'],
    ['yes', '`yes` is not `on` or `off`.'],
    ['on off', '`on off` is not `on` or `off`.'],
    ['constructor', '`constructor` is not `on` or `off`.'],
    ['toString', '`toString` is not `on` or `off`.'],
  ])('%j refused', (text, problem) => {
    expect(parseRecapArgs(text)).toEqual({ ok: false, error: `${problem} ${RECAP}` });
  });
});

describe('pause and interview rules', () => {
  it('a pause covers the dates before its end, not the end itself', () => {
    expect(isPaused('2026-03-09', '2026-03-02')).toBe(true);
    expect(isPaused('2026-03-09', '2026-03-08')).toBe(true);
    expect(isPaused('2026-03-09', '2026-03-09')).toBe(false);
    expect(isPaused(null, '2026-03-02')).toBe(false);
    expect(isPaused(undefined, '2026-03-02')).toBe(false);
  });

  it('activePause is the end of a pause still in force', () => {
    expect(activePause('2026-03-09', '2026-03-02')).toBe('2026-03-09');
    expect(activePause('2026-03-09', '2026-03-09')).toBeNull();
    expect(activePause('2026-03-01', '2026-03-02')).toBeNull();
    expect(activePause(null, '2026-03-02')).toBeNull();
  });

  it('inRanges: from included, until excluded', () => {
    const ranges = [
      { from: '2026-03-02', until: '2026-03-04' },
      { from: '2026-03-10', until: '2026-03-11' },
    ];
    expect(
      ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-10', '2026-03-11'].map((d) =>
        inRanges(ranges, d),
      ),
    ).toEqual([false, true, true, false, true, false]);
  });

  it('interviewCountdown words the days left', () => {
    expect(interviewCountdown('2026-03-05', TODAY)).toEqual({
      date: '2026-03-05',
      daysLeft: 3,
      text: '3 days to your interview',
    });
    expect(interviewCountdown('2026-03-03', TODAY)?.text).toBe('1 day to your interview');
    expect(interviewCountdown('2026-03-02', TODAY)?.text).toBe('Your interview is today');
    expect(interviewCountdown('2026-03-01', TODAY)).toBeNull();
    expect(interviewCountdown(null, TODAY)).toBeNull();
    // Across the switch to daylight time: calendar days, not 24-hour periods.
    expect(interviewCountdown('2026-03-09', '2026-03-07')?.daysLeft).toBe(2);
    expect(() => countdownText(-1)).toThrow(RangeError);
    expect(() => countdownText(1.5)).toThrow(RangeError);
  });
});
