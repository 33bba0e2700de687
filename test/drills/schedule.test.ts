import { describe, expect, it } from 'vitest';
import {
  firstDeliveryAtOrAfter,
  isDeliveryStale,
  isDrillDate,
  localWallOf,
  nextDeliveryAfterDate,
  planTick,
  type Schedule,
} from '../../src/drills/schedule.ts';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const KOLKATA = 'Asia/Kolkata';
const KATHMANDU = 'Asia/Kathmandu';
const LORD_HOWE = 'Australia/Lord_Howe';

const at = (iso: string) => new Date(iso);
const _iso = (d: Date) => d.toISOString();
const _clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

const weekdays9 = (zone: string, extra: Partial<Schedule> = {}): Schedule => ({
  zone,
  minuteOfDay: 540,
  days: 'weekdays',
  ...extra,
});

describe('firstDeliveryAtOrAfter', () => {
  // 2026-03-02 is a Monday.
  it('is today when today’s time is still ahead, or exactly now', () => {
    const s = weekdays9(NY);
    expect(firstDeliveryAtOrAfter(s, at('2026-03-02T13:59:00Z'))).toEqual({
      localDate: '2026-03-02',
      dueAt: at('2026-03-02T14:00:00Z'),
    });
    expect(firstDeliveryAtOrAfter(s, at('2026-03-02T14:00:00Z')).localDate).toBe('2026-03-02');
  });

  it('is the next eligible day once today’s time has passed', () => {
    const s = weekdays9(NY);
    expect(firstDeliveryAtOrAfter(s, at('2026-03-02T14:00:00.001Z'))).toEqual({
      localDate: '2026-03-03',
      dueAt: at('2026-03-03T14:00:00Z'),
    });
  });

  it('passes over the weekend for weekdays but not for daily', () => {
    const friday10am = at('2026-03-06T15:00:00Z');
    expect(firstDeliveryAtOrAfter(weekdays9(NY), friday10am)).toEqual({
      localDate: '2026-03-09', // Monday, after the switch to EDT
      dueAt: at('2026-03-09T13:00:00Z'),
    });
    expect(firstDeliveryAtOrAfter({ ...weekdays9(NY), days: 'daily' }, friday10am).localDate).toBe(
      '2026-03-07',
    );
  });

  it('uses the local date of the zone, not of UTC', () => {
    // 2026-03-02T20:00Z is already Tuesday 01:30 in Kolkata: Monday is over there.
    expect(firstDeliveryAtOrAfter(weekdays9(KOLKATA), at('2026-03-02T20:00:00Z'))).toEqual({
      localDate: '2026-03-03',
      dueAt: at('2026-03-03T03:30:00Z'),
    });
    // The same instant is still Monday 15:00 in New York: Monday 09:00 has passed, so Tuesday.
    expect(firstDeliveryAtOrAfter(weekdays9(NY), at('2026-03-02T20:00:00Z')).localDate).toBe('2026-03-03');
    // Lord Howe is a day ahead: Saturday 07:00 there, so Monday.
    expect(firstDeliveryAtOrAfter(weekdays9(LORD_HOWE), at('2026-03-06T20:00:00Z'))).toEqual({
      localDate: '2026-03-09',
      dueAt: at('2026-03-08T22:00:00Z'),
    });
  });

  it('honours skipDate, also when it is today', () => {
    const mondayMorning = at('2026-03-02T12:00:00Z');
    expect(firstDeliveryAtOrAfter(weekdays9(NY, { skipDate: '2026-03-02' }), mondayMorning).localDate).toBe(
      '2026-03-03',
    );
    const fridayMorning = at('2026-03-06T12:00:00Z');
    expect(firstDeliveryAtOrAfter(weekdays9(NY, { skipDate: '2026-03-06' }), fridayMorning).localDate).toBe(
      '2026-03-09',
    );
    expect(firstDeliveryAtOrAfter(weekdays9(NY, { skipDate: null }), mondayMorning).localDate).toBe(
      '2026-03-02',
    );
  });
});

describe('nextDeliveryAfterDate', () => {
  it('moves to the next day, over weekends, skipDate and the end of the year', () => {
    expect(nextDeliveryAfterDate(weekdays9(BERLIN), '2026-03-27')).toEqual({
      localDate: '2026-03-30',
      dueAt: at('2026-03-30T07:00:00Z'), // CEST since Sunday
    });
    expect(nextDeliveryAfterDate(weekdays9(BERLIN, { skipDate: '2026-03-30' }), '2026-03-27').localDate).toBe(
      '2026-03-31',
    );
    expect(nextDeliveryAfterDate({ ...weekdays9(BERLIN), days: 'daily' }, '2026-12-31')).toEqual({
      localDate: '2027-01-01',
      dueAt: at('2027-01-01T08:00:00Z'),
    });
    expect(nextDeliveryAfterDate(weekdays9(BERLIN), '2028-02-28').localDate).toBe('2028-02-29');
  });

  it('never puts two deliveries on one local date when a day is missing from the calendar', () => {
    // Samoa jumped from 2011-12-29 23:59 (-10) to 2011-12-31 00:00 (+14): 2011-12-30 never happened.
    const s: Schedule = { zone: 'Pacific/Apia', minuteOfDay: 540, days: 'daily' };
    expect(nextDeliveryAfterDate(s, '2011-12-29')).toEqual({
      localDate: '2011-12-31',
      dueAt: at('2011-12-30T19:00:00Z'),
    });
  });
});

describe('isDeliveryStale', () => {
  it('is false for the whole local day of the delivery and true from the next local midnight', () => {
    const d = { localDate: '2026-03-02' };
    expect(isDeliveryStale(d, NY, at('2026-03-02T05:00:00Z'))).toBe(false); // 00:00 EST
    expect(isDeliveryStale(d, NY, at('2026-03-03T04:59:00Z'))).toBe(false); // 23:59 EST
    expect(isDeliveryStale(d, NY, at('2026-03-03T05:00:00Z'))).toBe(true);
    expect(isDeliveryStale(d, KATHMANDU, at('2026-03-02T18:14:00Z'))).toBe(false);
    expect(isDeliveryStale(d, KATHMANDU, at('2026-03-02T18:15:00Z'))).toBe(true);
  });
});

describe('planTick: one tick of the scheduler after an outage', () => {
  const s = weekdays9(NY);
  const monday = firstDeliveryAtOrAfter(s, at('2026-03-02T05:00:00Z'));

  it('does nothing before the due time', () => {
    expect(planTick(s, monday, at('2026-03-02T13:59:59Z'))).toEqual({
      deliver: null,
      next: monday,
      missed: [],
    });
  });

  it('delivers late the same local day, then moves to the next day', () => {
    expect(planTick(s, monday, at('2026-03-02T16:00:00Z'))).toEqual({
      deliver: monday,
      next: { localDate: '2026-03-03', dueAt: at('2026-03-03T14:00:00Z') },
      missed: [],
    });
  });

  it('does not deliver a day that passed entirely; delivers today’s if due', () => {
    // Back on Wednesday 10:00: Monday and Tuesday are gone, Wednesday is due.
    expect(planTick(s, monday, at('2026-03-04T15:00:00Z'))).toEqual({
      deliver: { localDate: '2026-03-04', dueAt: at('2026-03-04T14:00:00Z') },
      next: { localDate: '2026-03-05', dueAt: at('2026-03-05T14:00:00Z') },
      missed: ['2026-03-02', '2026-03-03'],
    });
    // Back on Wednesday 08:00: nothing yet; Wednesday's 09:00 is what to wait for.
    expect(planTick(s, monday, at('2026-03-04T13:00:00Z'))).toEqual({
      deliver: null,
      next: { localDate: '2026-03-04', dueAt: at('2026-03-04T14:00:00Z') },
      missed: ['2026-03-02', '2026-03-03'],
    });
  });

  it('does not count weekend days as missed for weekdays', () => {
    const friday = nextDeliveryAfterDate(s, '2026-03-05');
    const plan = planTick(s, friday, at('2026-03-09T12:00:00Z')); // Monday 08:00 EDT
    expect(plan).toEqual({
      deliver: null,
      next: { localDate: '2026-03-09', dueAt: at('2026-03-09T13:00:00Z') },
      missed: ['2026-03-06'],
    });
  });
});

// Day sets, pauses and interviews (bad inputs listed at the top of the file).
describe('schedules on a set of weekdays', () => {
  const MWF = 0b0010101;
  const SUNDAYS = 0b1000000;

  it('delivers only on the days of the set, passing the others', () => {
    const s: Schedule = { zone: NY, minuteOfDay: 540, days: MWF };
    // Tuesday 2026-03-03 at noon: Wednesday next.
    expect(firstDeliveryAtOrAfter(s, at('2026-03-03T17:00:00Z'))).toEqual({
      localDate: '2026-03-04',
      dueAt: at('2026-03-04T14:00:00Z'),
    });
    expect(nextDeliveryAfterDate(s, '2026-03-04').localDate).toBe('2026-03-06');
    // Friday before the switch to EDT -> Monday after it, at 09:00 EDT.
    expect(nextDeliveryAfterDate(s, '2026-03-06')).toEqual({
      localDate: '2026-03-09',
      dueAt: at('2026-03-09T13:00:00Z'),
    });
  });

  it('a set of one day: a week apart, on the Sundays the clocks change', () => {
    const s: Schedule = { zone: NY, minuteOfDay: 150, days: SUNDAYS }; // 02:30
    // The Sunday New York springs forward: 02:30 does not exist -> 03:00 EDT.
    expect(nextDeliveryAfterDate(s, '2026-03-01')).toEqual({
      localDate: '2026-03-08',
      dueAt: at('2026-03-08T07:00:00Z'),
    });
    expect(nextDeliveryAfterDate(s, '2026-03-08')).toEqual({
      localDate: '2026-03-15',
      dueAt: at('2026-03-15T06:30:00Z'),
    });
    // The Sunday it falls back: 02:30 happens once, in EST.
    expect(nextDeliveryAfterDate({ ...s, minuteOfDay: 90 }, '2026-10-25')).toEqual({
      localDate: '2026-11-01',
      dueAt: at('2026-11-01T05:30:00Z'), // 01:30 EDT, the first of the two
    });
    // Berlin's Sunday change, 09:00 CEST.
    expect(nextDeliveryAfterDate({ zone: BERLIN, minuteOfDay: 540, days: SUNDAYS }, '2026-03-22')).toEqual({
      localDate: '2026-03-29',
      dueAt: at('2026-03-29T07:00:00Z'),
    });
  });

  it('a set of one day with its next day skipped: two weeks ahead', () => {
    const s: Schedule = { zone: KOLKATA, minuteOfDay: 540, days: SUNDAYS, skipDate: '2026-03-08' };
    expect(firstDeliveryAtOrAfter(s, at('2026-03-02T00:00:00Z'))).toEqual({
      localDate: '2026-03-15',
      dueAt: at('2026-03-15T03:30:00Z'),
    });
  });

  it('uses the local date of the zone for the weekday', () => {
    // 2026-03-03T20:00Z is Wednesday 01:30 in Kolkata but Tuesday 15:00 in New York.
    const now = at('2026-03-03T20:00:00Z');
    expect(firstDeliveryAtOrAfter({ zone: KOLKATA, minuteOfDay: 540, days: MWF }, now).localDate).toBe(
      '2026-03-04',
    );
    expect(firstDeliveryAtOrAfter({ zone: NY, minuteOfDay: 1200, days: 0b10 }, now)).toEqual({
      localDate: '2026-03-03', // Tuesdays at 20:00: still ahead in New York, so today
      dueAt: at('2026-03-04T01:00:00Z'),
    });
    // The same instant is already Wednesday in Kolkata: next Tuesday.
    expect(firstDeliveryAtOrAfter({ zone: KOLKATA, minuteOfDay: 1200, days: 0b10 }, now)).toEqual({
      localDate: '2026-03-10',
      dueAt: at('2026-03-10T14:30:00Z'),
    });
  });
});

describe('pausedUntil: no drill before it, drills again on it', () => {
  const s = weekdays9(NY, { pausedUntil: '2026-03-12' });

  it('jumps to the first drill day from the pause’s end', () => {
    expect(firstDeliveryAtOrAfter(s, at('2026-03-02T12:00:00Z'))).toEqual({
      localDate: '2026-03-12',
      dueAt: at('2026-03-12T13:00:00Z'),
    });
    expect(nextDeliveryAfterDate(s, '2026-03-02').localDate).toBe('2026-03-12');
  });

  it('a pause ending on a weekend resumes on Monday', () => {
    expect(nextDeliveryAfterDate(weekdays9(NY, { pausedUntil: '2026-03-14' }), '2026-03-02').localDate).toBe(
      '2026-03-16',
    );
  });

  it('a pause of a year is jumped, not walked', () => {
    expect(nextDeliveryAfterDate(weekdays9(BERLIN, { pausedUntil: '2027-03-01' }), '2026-03-02')).toEqual({
      localDate: '2027-03-01',
      dueAt: at('2027-03-01T08:00:00Z'),
    });
  });

  it('an ended pause changes nothing', () => {
    expect(
      firstDeliveryAtOrAfter(weekdays9(NY, { pausedUntil: '2026-03-01' }), at('2026-03-02T12:00:00Z')),
    ).toEqual({
      localDate: '2026-03-02',
      dueAt: at('2026-03-02T14:00:00Z'),
    });
  });

  it('planTick: a stored delivery inside a pause (stored before pausing) is passed over as missed', () => {
    // The integrator recomputes the next delivery on pause; this is the safety net if it did not.
    const stored = { localDate: '2026-03-03', dueAt: at('2026-03-03T14:00:00Z') };
    expect(planTick(s, stored, at('2026-03-04T15:00:00Z'))).toEqual({
      deliver: null,
      next: { localDate: '2026-03-12', dueAt: at('2026-03-12T13:00:00Z') },
      missed: ['2026-03-03'],
    });
  });

  it('refuses a malformed pausedUntil', () => {
    expect(() =>
      firstDeliveryAtOrAfter(weekdays9(NY, { pausedUntil: '2026-13-01' }), at('2026-03-02T12:00:00Z')),
    ).toThrow(RangeError);
  });
});

describe('interviewDate: every day until and including it, then the stored days', () => {
  const s = weekdays9(NY, { interviewDate: '2026-03-10' });

  it('adds the weekend before the interview, then goes back to weekdays', () => {
    const dates: string[] = [];
    let d = firstDeliveryAtOrAfter(s, at('2026-03-05T12:00:00Z'));
    for (let i = 0; i < 8; i++) {
      dates.push(d.localDate);
      d = nextDeliveryAfterDate(s, d.localDate);
    }
    expect(dates).toEqual([
      '2026-03-05',
      '2026-03-06',
      '2026-03-07', // Saturday
      '2026-03-08', // Sunday, the switch to EDT
      '2026-03-09',
      '2026-03-10', // the interview day itself
      '2026-03-11',
      '2026-03-12',
    ]);
    expect(
      nextDeliveryAfterDate(weekdays9(NY, { interviewDate: '2026-03-07' }), '2026-03-07').localDate,
    ).toBe('2026-03-09');
  });

  it('keeps a skip and loses to a pause', () => {
    expect(nextDeliveryAfterDate({ ...s, skipDate: '2026-03-07' }, '2026-03-06').localDate).toBe(
      '2026-03-08',
    );
    expect(nextDeliveryAfterDate({ ...s, pausedUntil: '2026-03-09' }, '2026-03-05').localDate).toBe(
      '2026-03-09',
    );
  });

  it('isDrillDate states the rule in one place', () => {
    const rule = {
      days: 0b1 as const,
      interviewDate: '2026-03-10',
      pausedUntil: '2026-03-04',
      skipDate: '2026-03-06',
    };
    expect(
      [
        '2026-03-02',
        '2026-03-03',
        '2026-03-04',
        '2026-03-06',
        '2026-03-07',
        '2026-03-10',
        '2026-03-11',
        '2026-03-16',
      ].map((d) => [d, isDrillDate(rule, d)]),
    ).toEqual([
      ['2026-03-02', false], // paused (a Monday)
      ['2026-03-03', false], // paused
      ['2026-03-04', true], // the pause ended; interview mode: every day
      ['2026-03-06', false], // skipped
      ['2026-03-07', true],
      ['2026-03-10', true], // the interview day
      ['2026-03-11', false], // back to Mondays only; a Wednesday
      ['2026-03-16', true], // a Monday
    ]);
  });
});

describe('localWallOf', () => {
  it.each([
    [NY, '2026-03-08T06:59:00Z', '2026-03-08', 119], // 01:59 EST
    [NY, '2026-03-08T07:00:00Z', '2026-03-08', 180], // 03:00 EDT
    [NY, '2026-11-01T05:30:00Z', '2026-11-01', 90], // the first 01:30
    [NY, '2026-11-01T06:30:59Z', '2026-11-01', 90], // the second, seconds dropped
    [KATHMANDU, '2026-05-31T18:15:00Z', '2026-06-01', 0],
    ['UTC', '2026-06-30T23:59:59.999Z', '2026-06-30', 1439],
  ])('%s %s -> %s minute %d', (zone, instant, localDate, minuteOfDay) => {
    expect(localWallOf(zone, at(instant))).toEqual({ localDate, minuteOfDay });
  });
});
