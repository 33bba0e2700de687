// Bad inputs tried: `now` just before, at and after Monday's drill time; a drill time that does not exist on
// a Monday (none in 2026: clocks change on Sundays, so Lord Howe and New York are tested on the weeks of
// their changes instead); Tuesday after an outage; a week already sent; answers on Sunday 23:59 and Monday
// 00:00 local either side of the week's edge, in New York and Kolkata; a week with nothing answered; only
// unscored answers; one scored topic; ties between topics; a slug with no title.
import { describe, expect, it } from 'vitest';
import { dueInstant } from '../../src/drills/schedule.ts';
import { recapDue, recapWeekAt, weeklyRecap } from '../../src/progress/recap.ts';
import type { AnsweredDrill } from '../../src/progress/topic-stats.ts';

const NY = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';
const local = (zone: string, date: string, time: string) =>
  dueInstant(zone, date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));

describe('recapWeekAt: the latest week whose Monday drill time has come', () => {
  // 2026-03-09 is a Monday, the day after New York springs forward.
  it.each([
    ['2026-03-09', '08:59', '2026-02-23', '2026-03-01', '2026-03-02', '2026-03-02T14:00:00.000Z'],
    ['2026-03-09', '09:00', '2026-03-02', '2026-03-08', '2026-03-09', '2026-03-09T13:00:00.000Z'],
    ['2026-03-10', '07:00', '2026-03-02', '2026-03-08', '2026-03-09', '2026-03-09T13:00:00.000Z'],
    ['2026-03-15', '23:59', '2026-03-02', '2026-03-08', '2026-03-09', '2026-03-09T13:00:00.000Z'],
    ['2026-03-16', '09:00', '2026-03-09', '2026-03-15', '2026-03-16', '2026-03-16T13:00:00.000Z'],
    // Across New Year: Monday 2027-01-04 recaps 2026-12-28..2027-01-03.
    ['2027-01-04', '10:00', '2026-12-28', '2027-01-03', '2027-01-04', '2027-01-04T14:00:00.000Z'],
  ])('%s %s local -> %s..%s, sent %s at %s', (date, time, weekStart, weekEnd, sendDate, sendAt) => {
    const week = recapWeekAt(NY, 540, local(NY, date, time));
    expect({ ...week, sendAt: week.sendAt.toISOString() }).toEqual({ weekStart, weekEnd, sendDate, sendAt });
  });

  it('uses the zone’s Monday: the same instant is Monday in Kolkata and Sunday in New York', () => {
    const now = new Date('2026-03-09T03:00:00Z'); // Mon 08:30 IST; Sun 23:00 EDT
    expect(recapWeekAt(KOLKATA, 480, now).weekStart).toBe('2026-03-02');
    expect(recapWeekAt(NY, 480, now).weekStart).toBe('2026-02-23');
  });
});

describe('recapDue', () => {
  const due = (date: string, time: string, lastSentWeekStart: string | null = null) =>
    recapDue({ zone: NY, minuteOfDay: 540, now: local(NY, date, time), lastSentWeekStart })?.weekStart ??
    null;

  it.each<[string, string, string | null, string | null, string]>([
    ['2026-03-09', '08:59', null, null, 'Monday before the drill time: last week’s Monday is over'],
    ['2026-03-09', '09:00', null, '2026-03-02', 'Monday at the drill time'],
    ['2026-03-09', '23:59', null, '2026-03-02', 'late the same Monday, after an outage'],
    ['2026-03-10', '09:00', null, null, 'never on Tuesday'],
    ['2026-03-09', '09:05', '2026-03-02', null, 'already sent'],
    ['2026-03-09', '09:05', '2026-02-23', '2026-03-02', 'the last one was the week before'],
  ])('%s %s, last sent %s -> %s (%s)', (date, time, last, expected) => {
    expect(due(date, time, last)).toBe(expected);
  });
});

describe('weeklyRecap', () => {
  const WEEK = { weekStart: '2026-03-02', weekEnd: '2026-03-08' };
  const TITLES = new Map([
    ['incidents', 'Handling Production Incidents'],
    ['conflict', 'Conflict'],
    ['ownership', 'Ownership'],
  ]);
  const STREAK = { current: 5, longest: 12 };
  const a = (
    topicSlug: string,
    date: string,
    time: string,
    score: number | null,
    zone = NY,
  ): AnsweredDrill => ({
    topicSlug,
    answeredAt: local(zone, date, time),
    score,
  });

  it('sums up the week against the one before', () => {
    const answered = [
      a('incidents', '2026-03-02', '00:00', 80), // Monday 00:00: this week
      a('incidents', '2026-03-04', '12:00', 90),
      a('conflict', '2026-03-05', '12:00', 50),
      a('ownership', '2026-03-08', '23:59', 70), // Sunday 23:59: this week
      a('ownership', '2026-03-06', '12:00', null), // counts, unscored
      a('conflict', '2026-03-01', '23:59', 40), // Sunday before: last week
      a('conflict', '2026-02-24', '12:00', 60),
      a('incidents', '2026-02-20', '12:00', 10), // two weeks ago: ignored
      a('incidents', '2026-03-09', '00:00', 10), // next week: ignored
    ];
    expect(weeklyRecap({ zone: NY, week: WEEK, answered, titles: TITLES, streak: STREAK })).toEqual({
      weekStart: '2026-03-02',
      weekEnd: '2026-03-08',
      answered: 5,
      averageScore: 73, // (80 + 90 + 50 + 70) / 4 = 72.5
      previousAverage: 50,
      change: 23, // 72.5 - 50 = 22.5 -> 23
      strongest: { slug: 'incidents', title: 'Handling Production Incidents', averageScore: 85, answered: 2 },
      weakest: { slug: 'conflict', title: 'Conflict', averageScore: 50, answered: 1 },
      streak: { current: 5, longest: 12 },
    });
  });

  it('takes the local dates of the zone at the week’s edges', () => {
    // 2026-03-01T20:00Z is Sunday 15:00 in New York (last week) but Monday 01:30 in Kolkata (this week).
    const answered = [{ topicSlug: 'conflict', answeredAt: new Date('2026-03-01T20:00:00Z'), score: 60 }];
    expect(weeklyRecap({ zone: NY, week: WEEK, answered, titles: TITLES, streak: STREAK })).toBeNull();
    expect(
      weeklyRecap({ zone: KOLKATA, week: WEEK, answered, titles: TITLES, streak: STREAK })?.answered,
    ).toBe(1);
  });

  it('is null for a week with nothing answered, whatever came before', () => {
    const answered = [a('conflict', '2026-03-01', '12:00', 60), a('conflict', '2026-03-09', '12:00', 60)];
    expect(weeklyRecap({ zone: NY, week: WEEK, answered, titles: TITLES, streak: STREAK })).toBeNull();
    expect(weeklyRecap({ zone: NY, week: WEEK, answered: [], titles: TITLES, streak: STREAK })).toBeNull();
  });

  it('without scores: no average, no change, no topics', () => {
    const answered = [a('conflict', '2026-03-03', '12:00', null), a('incidents', '2026-02-25', '12:00', 70)];
    expect(weeklyRecap({ zone: NY, week: WEEK, answered, titles: TITLES, streak: STREAK })).toMatchObject({
      answered: 1,
      averageScore: null,
      previousAverage: 70,
      change: null,
      strongest: null,
      weakest: null,
    });
  });

  it('one scored topic is the strongest and nothing is the weakest; a slug without a title shows as itself', () => {
    const answered = [a('gone', '2026-03-03', '12:00', 64), a('gone', '2026-03-04', '12:00', 66)];
    expect(weeklyRecap({ zone: NY, week: WEEK, answered, titles: TITLES, streak: STREAK })).toMatchObject({
      strongest: { slug: 'gone', title: 'gone', averageScore: 65, answered: 2 },
      weakest: null,
      previousAverage: null,
      change: null,
    });
  });

  it('ties: more answers first, then the slug', () => {
    const answered = [
      a('ownership', '2026-03-03', '12:00', 70),
      a('conflict', '2026-03-03', '12:00', 70),
      a('incidents', '2026-03-03', '12:00', 70),
      a('incidents', '2026-03-04', '12:00', 70),
    ];
    const r = weeklyRecap({ zone: NY, week: WEEK, answered, titles: TITLES, streak: STREAK });
    expect(r?.strongest?.slug).toBe('incidents');
    expect(r?.weakest?.slug).toBe('ownership');
  });
});
