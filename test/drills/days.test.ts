// Bad inputs tried: masks 0, 128, -1, 2.5, NaN, '21' (a string), 'weekends' and 'constructor' as Days; a
// weekday name that is not one ('funday'); no weekdays at all; local dates that are not calendar dates
// (2026-02-30, 2026-2-3).
import { describe, expect, it } from 'vitest';
import {
  DAILY_MASK,
  type Days,
  daysFromMask,
  daysOf,
  isDayMask,
  isScheduledWeekday,
  labelOfDays,
  maskOfDays,
  WEEKDAYS_MASK,
  WEEKENDS_MASK,
  type Weekday,
  weekdaysOf,
} from '../../src/drills/days.ts';
import {
  addDays,
  daysBetween,
  isLocalDate,
  isoWeekday,
  mondayOf,
  parseLocalDate,
} from '../../src/drills/local-date.ts';

describe('masks: bit 0 is Monday ... bit 6 is Sunday', () => {
  it('has the masks written out', () => {
    expect(DAILY_MASK).toBe(127);
    expect(WEEKDAYS_MASK).toBe(31);
    expect(WEEKENDS_MASK).toBe(96);
    expect(maskOfDays(daysOf(['mon', 'wed', 'fri']))).toBe(0b0010101);
    expect(maskOfDays(daysOf(['sun']))).toBe(64);
    expect(maskOfDays(daysOf(['mon']))).toBe(1);
  });

  it.each<[Days, number]>([
    ['daily', 127],
    ['weekdays', 31],
    [21, 21],
    [1, 1],
    [127, 127],
  ])('maskOfDays(%j) = %d', (days, mask) => {
    expect(maskOfDays(days)).toBe(mask);
  });

  it.each<[number, Days]>([
    [127, 'daily'],
    [31, 'weekdays'],
    [96, 96],
    [21, 21],
    [64, 64],
  ])('daysFromMask(%d) = %j (presets by name)', (mask, days) => {
    expect(daysFromMask(mask)).toBe(days);
  });

  it.each([0, 128, -1, 2.5, Number.NaN])('daysFromMask(%d) throws', (mask) => {
    expect(() => daysFromMask(mask)).toThrow(RangeError);
  });

  it.each([0, 128, 2.5, '21', 'weekends', 'constructor', null])('maskOfDays(%j) throws', (days) => {
    expect(() => maskOfDays(days as Days)).toThrow(RangeError);
  });

  it('round-trips every mask, and isDayMask agrees', () => {
    for (let m = 1; m <= 127; m++) {
      expect(maskOfDays(daysFromMask(m))).toBe(m);
      expect(isDayMask(m)).toBe(true);
    }
    expect(isDayMask(0)).toBe(false);
    expect(isDayMask(128)).toBe(false);
    expect(isDayMask('1')).toBe(false);
  });
});

describe('daysOf, weekdaysOf', () => {
  it('names the presets whatever the order or repeats', () => {
    expect(daysOf(['fri', 'thu', 'wed', 'tue', 'mon', 'mon'])).toBe('weekdays');
    expect(daysOf(['sun', 'sat', 'fri', 'thu', 'wed', 'tue', 'mon'])).toBe('daily');
    expect(daysOf(['sat', 'sun'])).toBe(96);
  });

  it('refuses no days and unknown days', () => {
    expect(() => daysOf([])).toThrow(RangeError);
    expect(() => daysOf(['funday' as Weekday])).toThrow(RangeError);
  });

  it('lists the days Monday first', () => {
    expect(weekdaysOf('weekdays')).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(weekdaysOf(0b1010100)).toEqual(['wed', 'fri', 'sun']);
    expect(weekdaysOf('daily')).toHaveLength(7);
  });
});

describe('isScheduledWeekday', () => {
  // 2026-03-02 is a Monday; 2026-03-08 a Sunday; 2028-02-29 a Tuesday.
  it.each<[Days, string, boolean]>([
    ['daily', '2026-03-07', true],
    ['weekdays', '2026-03-02', true],
    ['weekdays', '2026-03-06', true],
    ['weekdays', '2026-03-07', false],
    ['weekdays', '2026-03-08', false],
    [21, '2026-03-02', true], // Mon/Wed/Fri on Monday
    [21, '2026-03-03', false],
    [21, '2026-03-04', true],
    [21, '2026-03-06', true],
    [21, '2026-03-08', false],
    [64, '2026-03-08', true], // Sundays
    [64, '2026-03-07', false],
    [2, '2028-02-29', true], // Tuesdays, a leap day
    [96, '2026-12-26', true], // weekends, a Saturday
  ])('%j on %s: %j', (days, date, expected) => {
    expect(isScheduledWeekday(days, date)).toBe(expected);
  });

  it('refuses dates that are not calendar dates', () => {
    expect(() => isScheduledWeekday('daily', '2026-02-30')).toThrow(RangeError);
    expect(() => isScheduledWeekday('daily', '2026-2-3')).toThrow(RangeError);
  });
});

describe('labelOfDays', () => {
  it.each<[Days, string]>([
    ['daily', 'every day'],
    [127, 'every day'],
    ['weekdays', 'weekdays'],
    [31, 'weekdays'],
    [96, 'weekends'],
    [21, 'Mon, Wed, Fri'],
    [1, 'Mondays'],
    [64, 'Sundays'],
    [0b1000001, 'Mon, Sun'],
    [0b0111111, 'Mon, Tue, Wed, Thu, Fri, Sat'],
  ])('%j -> %j', (days, label) => {
    expect(labelOfDays(days)).toBe(label);
  });
});

describe('local dates', () => {
  it('adds days across months, years and a leap day', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-08', 7)).toBe('2026-03-15');
  });

  it('counts days between dates, either way', () => {
    expect(daysBetween('2026-03-01', '2026-03-08')).toBe(7);
    expect(daysBetween('2026-03-08', '2026-03-01')).toBe(-7);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('gives ISO weekdays and Mondays', () => {
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-08')).toBe(7);
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('validates', () => {
    expect(isLocalDate('2026-03-02')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-3-2')).toBe(false);
    expect(isLocalDate(20260302)).toBe(false);
    expect(isLocalDate(null)).toBe(false);
    expect(() => parseLocalDate('0099-01-01')).toThrow(RangeError);
  });
});
