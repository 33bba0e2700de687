// Bad inputs tried: no answers; answers after `now`; several answers on one day; answers out of order;
// answers at 23:59 and 00:00 local either side of a zone's midnight (New York, Kolkata, Lord Howe), on the
// days the clocks change; weekend answers on a weekdays schedule; a pause and a skip over missed days; an
// interview turning a weekend into drill days; a schedule changed mid-history; no subscription at all; a
// scheduled drill answered the day after it came.
import { describe, expect, it } from 'vitest';
import { YEAR_OF_DAILY_ANSWERS } from '../../harness/progress-history.ts';
import { dueInstant } from '../../src/drills/schedule.ts';
import { type DrillCalendar, isDrillDay, type Streak, streak } from '../../src/progress/streak.ts';

const NY = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';
const LORD_HOWE = 'Australia/Lord_Howe';

/** The instant the wall clock in `zone` shows `time` on `date`. */
const local = (zone: string, date: string, time = '12:00') =>
  dueInstant(zone, date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));

const WEEKDAYS: DrillCalendar = { days: 'weekdays' };
const DAILY: DrillCalendar = { days: 'daily' };

interface Case {
  name: string;
  zone?: string;
  calendar: DrillCalendar;
  /** Local dates (at noon) or [date, HH:MM] pairs, in the zone. */
  answered: (string | [string, string])[];
  /** Local date and time of `now`. */
  now: [string, string];
  expected: Streak;
}

// 2026-03-02 is a Monday. New York springs forward on Sunday 2026-03-08 and falls back on 2026-11-01.
const CASES: Case[] = [
  {
    name: 'no answers',
    calendar: WEEKDAYS,
    answered: [],
    now: ['2026-03-04', '12:00'],
    expected: { current: 0, longest: 0, today: 'due' },
  },
  {
    name: 'Monday to Friday, then Monday: the weekend neither counts nor breaks',
    calendar: WEEKDAYS,
    answered: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09'],
    now: ['2026-03-09', '18:00'],
    expected: { current: 6, longest: 6, today: 'answered' },
  },
  {
    name: 'a weekend answer on a weekdays schedule adds nothing',
    calendar: WEEKDAYS,
    answered: ['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'],
    now: ['2026-03-09', '18:00'],
    expected: { current: 3, longest: 3, today: 'answered' },
  },
  {
    name: 'today not answered yet: the streak stands until today is over',
    calendar: WEEKDAYS,
    answered: ['2026-03-02', '2026-03-03'],
    now: ['2026-03-04', '23:59'],
    expected: { current: 2, longest: 2, today: 'due' },
  },
  {
    name: 'yesterday missed: broken, the longest kept',
    calendar: WEEKDAYS,
    answered: ['2026-03-02', '2026-03-03', '2026-03-04'],
    now: ['2026-03-06', '08:00'],
    expected: { current: 0, longest: 3, today: 'due' },
  },
  {
    name: 'a missed Wednesday splits two runs',
    calendar: WEEKDAYS,
    answered: ['2026-03-02', '2026-03-03', '2026-03-05', '2026-03-06', '2026-03-09'],
    now: ['2026-03-09', '20:00'],
    expected: { current: 3, longest: 3, today: 'answered' },
  },
  {
    name: 'Friday missed: broken once Friday is over, though Saturday is off',
    calendar: WEEKDAYS,
    answered: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'],
    now: ['2026-03-07', '10:00'],
    expected: { current: 0, longest: 4, today: 'off' },
  },
  {
    name: 'several answers on one day count once; order does not matter',
    calendar: DAILY,
    answered: [
      ['2026-03-03', '21:00'],
      ['2026-03-02', '09:00'],
      ['2026-03-02', '10:00'],
      ['2026-03-03', '08:00'],
    ],
    now: ['2026-03-03', '22:00'],
    expected: { current: 2, longest: 2, today: 'answered' },
  },
  {
    name: 'answers after now are ignored',
    calendar: DAILY,
    answered: ['2026-03-02', ['2026-03-03', '13:00'], '2026-03-04'],
    now: ['2026-03-03', '12:59'],
    expected: { current: 1, longest: 1, today: 'due' },
  },
  {
    name: 'a pause over missed days is neutral, answers on it do not count',
    calendar: { days: 'daily', paused: [{ from: '2026-03-04', until: '2026-03-08' }] },
    answered: ['2026-03-02', '2026-03-03', '2026-03-05', '2026-03-08', '2026-03-09'],
    now: ['2026-03-09', '12:00'],
    expected: { current: 4, longest: 4, today: 'answered' },
  },
  {
    name: 'a skipped day (a one-day range) is neutral',
    calendar: { days: 'weekdays', paused: [{ from: '2026-03-04', until: '2026-03-05' }] },
    answered: ['2026-03-02', '2026-03-03', '2026-03-05'],
    now: ['2026-03-05', '12:00'],
    expected: { current: 3, longest: 3, today: 'answered' },
  },
  {
    name: 'an interview makes the weekend drill days: missing Saturday breaks',
    calendar: { days: 'weekdays', interviews: [{ from: '2026-03-04', date: '2026-03-10' }] },
    answered: ['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-08', '2026-03-09'],
    now: ['2026-03-09', '12:00'],
    expected: { current: 2, longest: 3, today: 'answered' },
  },
  {
    name: 'after the interview the weekend is off again',
    calendar: { days: 'weekdays', interviews: [{ from: '2026-03-02', date: '2026-03-03' }] },
    answered: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09'],
    now: ['2026-03-09', '12:00'],
    expected: { current: 6, longest: 6, today: 'answered' },
  },
  {
    name: 'Mon/Wed/Fri: Tuesdays and Thursdays are off',
    calendar: { days: 0b0010101 },
    answered: ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-10'],
    now: ['2026-03-10', '12:00'],
    expected: { current: 4, longest: 4, today: 'off' },
  },
  {
    name: 'Sundays only, across the switch to daylight time',
    calendar: { days: 0b1000000 },
    answered: ['2026-03-01', ['2026-03-08', '03:00'], '2026-03-15'],
    now: ['2026-03-21', '12:00'],
    expected: { current: 3, longest: 3, today: 'off' },
  },
  {
    name: 'a schedule changed from weekdays to daily on 2026-03-09: the weekend before is still off',
    calendar: { days: 'daily', earlier: [{ until: '2026-03-09', days: 'weekdays' }] },
    answered: ['2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11'],
    now: ['2026-03-11', '12:00'],
    expected: { current: 5, longest: 5, today: 'answered' },
  },
  {
    name: '…and the weekend after the change counts',
    calendar: { days: 'daily', earlier: [{ until: '2026-03-09', days: 'weekdays' }] },
    answered: ['2026-03-12', '2026-03-13', '2026-03-16'],
    now: ['2026-03-16', '12:00'],
    expected: { current: 1, longest: 2, today: 'answered' },
  },
  {
    name: 'two earlier schedules: each applies before its own until',
    calendar: {
      days: 'weekdays',
      earlier: [
        { until: '2026-03-16', days: 'daily' },
        { until: '2026-03-09', days: 'weekdays' },
      ],
    },
    // Weekend of 03-07/08 off (weekdays), 03-14/15 on (daily), 03-21/22 off (weekdays).
    answered: [
      '2026-03-06',
      '2026-03-09',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
      '2026-03-16',
      '2026-03-20',
      '2026-03-23',
    ],
    now: ['2026-03-23', '12:00'],
    expected: { current: 2, longest: 4, today: 'answered' },
  },
  {
    name: 'not subscribed: every day counts',
    calendar: { days: null },
    answered: ['2026-03-06', '2026-03-07', '2026-03-08'],
    now: ['2026-03-08', '12:00'],
    expected: { current: 3, longest: 3, today: 'answered' },
  },
  {
    name: 'New York day boundary: 23:59 and 00:00 local are two days',
    calendar: DAILY,
    answered: [
      ['2026-03-02', '23:59'],
      ['2026-03-03', '00:00'],
    ],
    now: ['2026-03-03', '00:01'],
    expected: { current: 2, longest: 2, today: 'answered' },
  },
  {
    name: 'the night New York falls back: 00:30 and the second 01:30 are one day',
    calendar: DAILY,
    answered: [
      ['2026-10-31', '22:00'],
      ['2026-11-01', '00:30'],
      ['2026-11-01', '23:30'],
    ],
    now: ['2026-11-01', '23:45'],
    expected: { current: 2, longest: 2, today: 'answered' },
  },
  {
    name: 'Kolkata +5:30: dates of the zone, not of UTC',
    zone: KOLKATA,
    calendar: DAILY,
    answered: [
      ['2026-03-02', '05:00'], // 2026-03-01T23:30Z: the UTC date is a day earlier
      ['2026-03-03', '04:00'],
    ],
    now: ['2026-03-03', '05:00'],
    expected: { current: 2, longest: 2, today: 'answered' },
  },
  {
    name: 'Lord Howe on its half-hour fall-back day',
    zone: LORD_HOWE,
    calendar: DAILY,
    answered: [
      ['2026-04-04', '23:59'],
      ['2026-04-05', '01:45'],
      ['2026-04-06', '00:00'],
    ],
    now: ['2026-04-06', '08:00'],
    expected: { current: 3, longest: 3, today: 'answered' },
  },
];

describe('streak', () => {
  it.each(CASES)('$name', ({ zone = NY, calendar, answered, now, expected }) => {
    const answeredAt = answered.map((a) =>
      typeof a === 'string' ? local(zone, a) : local(zone, a[0], a[1]),
    );
    expect(streak({ zone, answeredAt, calendar, now: local(zone, now[0], now[1]) })).toEqual(expected);
  });

  it('the same instants in two zones give different streaks', () => {
    // 12:00Z is 07:00 in New York and 17:30 in Kolkata on 03-02; 20:00Z on 03-03 is 15:00 there on
    // 03-03 but already 01:30 on 03-04 in Kolkata, where 03-03 then has no answer.
    const answeredAt = [new Date('2026-03-02T12:00:00Z'), new Date('2026-03-03T20:00:00Z')];
    const now = new Date('2026-03-03T21:00:00Z');
    expect(streak({ zone: NY, answeredAt, calendar: DAILY, now }).current).toBe(2); // 03-02 and 03-03
    expect(streak({ zone: KOLKATA, answeredAt, calendar: DAILY, now }).current).toBe(1); // 03-04 only
    expect(streak({ zone: KOLKATA, answeredAt, calendar: DAILY, now }).today).toBe('answered');
  });

  it('a year of daily answers with a gap in the middle', () => {
    // Its CPU time is a benchmark (bench/progress-cost.ts), not a timed test.
    const s = streak({
      zone: NY,
      answeredAt: YEAR_OF_DAILY_ANSWERS,
      calendar: DAILY,
      now: new Date('2025-12-31T20:00:00Z'),
    });
    expect(s).toEqual({ current: 180, longest: 184, today: 'answered' }); // 07-05..12-31 and 01-01..07-03
  });
});

describe('answers to scheduled drills count on the drill’s own date', () => {
  it('yesterday’s drill answered today makes yesterday answered, not today', () => {
    const now = local(NY, '2026-03-04', '10:00');
    const s = streak({
      zone: NY,
      answeredAt: [],
      scheduledAnswers: [
        { at: local(NY, '2026-03-02', '09:30'), localDate: '2026-03-02' },
        { at: local(NY, '2026-03-04', '09:30'), localDate: '2026-03-03' },
      ],
      calendar: DAILY,
      now,
    });
    expect(s).toEqual({ current: 2, longest: 2, today: 'due' });
  });

  it('a drill of a later date (the sandbox jumped ahead, then went back to real time) does not count yet', () => {
    const s = streak({
      zone: NY,
      answeredAt: [],
      scheduledAnswers: [{ at: local(NY, '2026-03-04', '09:30'), localDate: '2026-03-05' }],
      calendar: DAILY,
      now: local(NY, '2026-03-04', '10:00'),
    });
    expect(s.today).toBe('due');
  });
});

describe('isDrillDay', () => {
  it('pause wins over an interview, an interview over the days', () => {
    const calendar: DrillCalendar = {
      days: 0b1,
      paused: [{ from: '2026-03-02', until: '2026-03-04' }],
      interviews: [{ from: '2026-03-02', date: '2026-03-06' }],
    };
    expect(
      ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-06', '2026-03-07', '2026-03-09'].map((d) =>
        isDrillDay(calendar, d),
      ),
    ).toEqual([false, false, true, true, false, true]);
  });
});
