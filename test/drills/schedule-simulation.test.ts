/**
 * A scheduler ticking every minute through 2026, built only from the schedule rules, the way the real
 * scheduler uses them: at each tick, a due delivery is either stale (its local day is over: pass to the
 * next) or delivered and followed by the next one after its date.
 *
 * Bad inputs tried (day sets): Mon/Wed/Fri and Sundays only, at 02:30 (inside New York's and Berlin's
 * spring-forward gap) and 09:00, in three zones; a pause ending the day after a change and an interview
 * over a weekend.
 */
import { describe, expect, it } from 'vitest';
import {
  type Delivery,
  dueInstant,
  firstDeliveryAtOrAfter,
  isDeliveryStale,
  nextDeliveryAfterDate,
  planTick,
  type Schedule,
} from '../../src/drills/schedule.ts';
import { compareWall, datesOfYear, hhmm, isWeekendDate, wallAt } from './wall-clock.ts';

const MINUTE = 60_000;

interface Sent {
  delivery: Delivery;
  sentAt: number;
}

/** Ticks every minute from `from` to `to` (ms), except while down; returns what was sent and what was missed. */
function runScheduler(s: Schedule, from: number, to: number, down: [number, number][] = []) {
  const sent: Sent[] = [];
  const missed: string[] = [];
  let next = firstDeliveryAtOrAfter(s, new Date(from));
  let dueMs = next.dueAt.getTime();
  for (let t = from; t < to; t += MINUTE) {
    if (t < dueMs) continue; // the common case stays cheap: 525,600 ticks per simulated year
    if (down.some(([a, b]) => t >= a && t < b)) continue;
    const now = new Date(t);
    while (next.dueAt.getTime() <= t) {
      if (isDeliveryStale(next, s.zone, now)) missed.push(next.localDate);
      else sent.push({ delivery: next, sentAt: t });
      next = nextDeliveryAfterDate(s, next.localDate);
    }
    dueMs = next.dueAt.getTime();
  }
  return { sent, missed };
}

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'UTC',
];
const MINUTES = ['00:00', '01:30', '02:15', '02:30', '09:00', '23:59'].map(
  (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)),
);

/**
 * The 2026 dates, per zone, on which a local time does not exist, and the wall time that shows instead
 * (the first minute after the spring-forward gap). Worked out from the published rules: New York
 * 02:00 -> 03:00 on 03-08, Berlin 02:00 -> 03:00 on 03-29, Lord Howe 02:00 -> 02:30 on 10-04.
 */
const GAPS: Record<string, { date: string; from: number; to: number }[]> = {
  'America/New_York': [{ date: '2026-03-08', from: 120, to: 180 }],
  'Europe/Berlin': [{ date: '2026-03-29', from: 120, to: 180 }],
  'Australia/Lord_Howe': [{ date: '2026-10-04', from: 120, to: 150 }],
};

const YEAR = datesOfYear(2026);
const WEEKDAYS = YEAR.filter((d) => !isWeekendDate(d));

describe('a simulated 2026 with a scheduler ticking every minute', () => {
  it('has the calendar the assertions assume', () => {
    expect(YEAR.length).toBe(365);
    expect(WEEKDAYS.length).toBe(261); // 52 full weeks + Thursday 2026-12-31
  });

  for (const zone of ZONES) {
    for (const minuteOfDay of MINUTES) {
      for (const days of ['daily', 'weekdays'] as const) {
        it(`${zone} ${hhmm(minuteOfDay)} ${days}: one delivery per due local day, at the local time`, () => {
          const s: Schedule = { zone, minuteOfDay, days };
          const from = dueInstant(zone, '2026-01-01', 0).getTime();
          const to = dueInstant(zone, '2027-01-01', 0).getTime();
          const { sent, missed } = runScheduler(s, from, to);

          expect(missed).toEqual([]);
          expect(sent.map((x) => x.delivery.localDate)).toEqual(days === 'daily' ? YEAR : WEEKDAYS);

          const shifted: string[] = [];
          for (const { delivery, sentAt } of sent) {
            const due = delivery.dueAt.getTime();
            expect(sentAt).toBe(due); // ticks are on whole minutes, and so is every due time
            const target = { date: delivery.localDate, minute: minuteOfDay };
            const shown = wallAt(zone, due);
            expect(shown.date).toBe(delivery.localDate);
            if (shown.minute !== minuteOfDay) {
              const gap = GAPS[zone]?.find((g) => g.date === delivery.localDate);
              expect(gap, `${delivery.localDate} shows ${hhmm(shown.minute)}`).toBeDefined();
              expect(minuteOfDay >= (gap?.from ?? 0) && minuteOfDay < (gap?.to ?? 0)).toBe(true);
              expect(shown.minute).toBe(gap?.to);
              shifted.push(delivery.localDate);
            }
            // The first time the wall clock shows it: not in the minute before, nor half an hour (Lord
            // Howe) or an hour (New York, Berlin) before, which is where a second 01:30 would be.
            expect(compareWall(wallAt(zone, due - MINUTE), target)).toBeLessThan(0);
            for (const back of [30, 60]) {
              expect(compareWall(wallAt(zone, due - back * MINUTE), target)).toBeLessThan(0);
            }
          }
          const expectedShifted = (GAPS[zone] ?? [])
            .filter((g) => minuteOfDay >= g.from && minuteOfDay < g.to)
            .filter((g) => days === 'daily' || !isWeekendDate(g.date))
            .map((g) => g.date);
          expect(shifted).toEqual(expectedShifted);
        });
      }
    }
  }

  it('sends the 01:30 drill once on the night New York falls back, at the first 01:30', () => {
    const s: Schedule = { zone: 'America/New_York', minuteOfDay: 90, days: 'daily' };
    const { sent } = runScheduler(s, Date.parse('2026-10-31T04:00:00Z'), Date.parse('2026-11-02T12:00:00Z'));
    expect(sent.map((x) => [x.delivery.localDate, new Date(x.sentAt).toISOString()])).toEqual([
      ['2026-10-31', '2026-10-31T05:30:00.000Z'],
      ['2026-11-01', '2026-11-01T05:30:00.000Z'], // 01:30 EDT; 06:30Z (01:30 EST) sends nothing
      ['2026-11-02', '2026-11-02T06:30:00.000Z'],
    ]);
  });
});

describe('catching up after the bot was down', () => {
  const NY = 'America/New_York';
  const s: Schedule = { zone: NY, minuteOfDay: 540, days: 'weekdays' };
  const local = (date: string, time: string) =>
    dueInstant(NY, date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3))).getTime();
  const from = local('2026-03-02', '00:00'); // Monday
  const to = local('2026-03-07', '00:00');

  it('down 08:00-11:00 local: that day’s drill is sent once, at 11:00', () => {
    const { sent, missed } = runScheduler(s, from, to, [
      [local('2026-03-03', '08:00'), local('2026-03-03', '11:00')],
    ]);
    expect(missed).toEqual([]);
    expect(sent.map((x) => [x.delivery.localDate, new Date(x.sentAt).toISOString()])).toEqual([
      ['2026-03-02', '2026-03-02T14:00:00.000Z'],
      ['2026-03-03', '2026-03-03T16:00:00.000Z'], // 11:00 EST
      ['2026-03-04', '2026-03-04T14:00:00.000Z'],
      ['2026-03-05', '2026-03-05T14:00:00.000Z'],
      ['2026-03-06', '2026-03-06T14:00:00.000Z'],
    ]);
  });

  it('down for a whole local day: that day is not sent, the next one is, on time', () => {
    const { sent, missed } = runScheduler(s, from, to, [
      [local('2026-03-03', '08:00'), local('2026-03-04', '08:00')],
    ]);
    expect(missed).toEqual(['2026-03-03']);
    expect(sent.map((x) => x.delivery.localDate)).toEqual([
      '2026-03-02',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
    ]);
    expect(new Date(sent[1]?.sentAt ?? 0).toISOString()).toBe('2026-03-04T14:00:00.000Z');
  });

  it('back after the next day’s time: the missed day is dropped and the current one sent late', () => {
    const { sent, missed } = runScheduler(s, from, to, [
      [local('2026-03-03', '08:00'), local('2026-03-04', '10:00')],
    ]);
    expect(missed).toEqual(['2026-03-03']);
    expect(sent.map((x) => [x.delivery.localDate, new Date(x.sentAt).toISOString()])).toContainEqual([
      '2026-03-04',
      '2026-03-04T15:00:00.000Z',
    ]);
    expect(sent.length).toBe(4);
  });

  it('down over a weekend and the switch to daylight time: Monday is on time at 09:00 EDT', () => {
    const { sent, missed } = runScheduler(s, local('2026-03-06', '00:00'), local('2026-03-10', '00:00'), [
      [local('2026-03-06', '08:00'), local('2026-03-09', '08:30')],
    ]);
    expect(missed).toEqual(['2026-03-06']);
    expect(sent.map((x) => [x.delivery.localDate, new Date(x.sentAt).toISOString()])).toEqual([
      ['2026-03-09', '2026-03-09T13:00:00.000Z'],
    ]);
  });

  it('planTick makes the same decisions as the loop above, tick by tick', () => {
    const down: [number, number][] = [
      [local('2026-03-02', '08:00'), local('2026-03-02', '11:00')],
      [local('2026-03-03', '08:00'), local('2026-03-05', '10:00')],
    ];
    const expected = runScheduler(s, from, to, down);
    const sent: Sent[] = [];
    const missed: string[] = [];
    let next = firstDeliveryAtOrAfter(s, new Date(from));
    for (let t = from; t < to; t += MINUTE) {
      if (down.some(([a, b]) => t >= a && t < b)) continue;
      const plan = planTick(s, next, new Date(t));
      missed.push(...plan.missed);
      if (plan.deliver) sent.push({ delivery: plan.deliver, sentAt: t });
      next = plan.next;
    }
    expect({ sent, missed }).toEqual(expected);
    expect(missed).toEqual(['2026-03-03', '2026-03-04']);
  });

  it('honours skipDate: nothing on the skipped day, the rest as usual', () => {
    const { sent } = runScheduler({ ...s, skipDate: '2026-03-04' }, from, to);
    expect(sent.map((x) => x.delivery.localDate)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-05',
      '2026-03-06',
    ]);
  });
});

describe('a simulated 2026 for sets of weekdays, a pause and an interview', () => {
  const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  // Sunday-only hits every Sunday on which New York, Berlin and Lord Howe change their clocks.
  const SETS = [
    { name: 'Mon/Wed/Fri', days: 0b0010101, has: (d: string) => [1, 3, 5].includes(weekdayOf(d)) },
    { name: 'Sundays', days: 0b1000000, has: (d: string) => weekdayOf(d) === 0 },
  ];
  for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe']) {
    for (const minuteOfDay of [150, 540]) {
      for (const set of SETS) {
        it(`${zone} ${hhmm(minuteOfDay)} ${set.name}: one delivery on each day of the set`, () => {
          const s: Schedule = { zone, minuteOfDay, days: set.days };
          const from = dueInstant(zone, '2026-01-01', 0).getTime();
          const to = dueInstant(zone, '2027-01-01', 0).getTime();
          const { sent, missed } = runScheduler(s, from, to);
          expect(missed).toEqual([]);
          expect(sent.map((x) => x.delivery.localDate)).toEqual(YEAR.filter(set.has));
          for (const { delivery } of sent) {
            const shown = wallAt(zone, delivery.dueAt);
            expect(shown.date).toBe(delivery.localDate);
            const gap = GAPS[zone]?.find((g) => g.date === delivery.localDate);
            const inGap = gap !== undefined && minuteOfDay >= gap.from && minuteOfDay < gap.to;
            expect(shown.minute).toBe(inGap ? gap.to : minuteOfDay);
          }
        });
      }
    }
  }

  it('a pause from March to the day after the switch to EDT, then an interview over a weekend', () => {
    const s: Schedule = {
      zone: 'America/New_York',
      minuteOfDay: 540,
      days: 'weekdays',
      pausedUntil: '2026-03-09',
      interviewDate: '2026-03-15',
    };
    const from = dueInstant(s.zone, '2026-03-02', 0).getTime();
    const to = dueInstant(s.zone, '2026-03-21', 0).getTime();
    const { sent, missed } = runScheduler(s, from, to);
    expect(missed).toEqual([]);
    expect(sent.map((x) => [x.delivery.localDate, new Date(x.sentAt).toISOString()])).toEqual([
      ['2026-03-09', '2026-03-09T13:00:00.000Z'],
      ['2026-03-10', '2026-03-10T13:00:00.000Z'],
      ['2026-03-11', '2026-03-11T13:00:00.000Z'],
      ['2026-03-12', '2026-03-12T13:00:00.000Z'],
      ['2026-03-13', '2026-03-13T13:00:00.000Z'],
      ['2026-03-14', '2026-03-14T13:00:00.000Z'], // Saturday, before the interview
      ['2026-03-15', '2026-03-15T13:00:00.000Z'], // Sunday, the interview day
      ['2026-03-16', '2026-03-16T13:00:00.000Z'], // weekdays again
      ['2026-03-17', '2026-03-17T13:00:00.000Z'],
      ['2026-03-18', '2026-03-18T13:00:00.000Z'],
      ['2026-03-19', '2026-03-19T13:00:00.000Z'],
      ['2026-03-20', '2026-03-20T13:00:00.000Z'],
    ]);
  });
});
