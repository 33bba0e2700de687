// Calendar dates as YYYY-MM-DD (src/drills/local-date.ts), converted once and remembered: asked again, in any
// order, they give what they gave the first time, and a refused date is refused every time (never remembered).
// Bad inputs tried: dates not on the calendar (2026-02-30, 2025-02-29), other shapes (2026-2-3, 26-12-24), a
// non-string; an instant that is not midnight given to formatDate.
import { describe, expect, it } from 'vitest';
import { addDays, DAY_MS, formatDate, isLocalDate, parseLocalDate } from '../../src/drills/local-date.ts';

describe('local dates', () => {
  it('parses and formats the same date the same way the first time and every time after', () => {
    const ms = Date.UTC(2026, 11, 24);
    for (let i = 0; i < 3; i++) {
      expect(parseLocalDate('2026-12-24')).toBe(ms);
      expect(formatDate(ms)).toBe('2026-12-24');
    }
    expect(parseLocalDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('formats the date of any instant of a day, and days before 1970', () => {
    const midnight = Date.UTC(2026, 2, 8);
    expect(formatDate(midnight + 5 * 3_600_000)).toBe('2026-03-08');
    expect(formatDate(midnight + DAY_MS - 1)).toBe('2026-03-08');
    expect(formatDate(midnight)).toBe('2026-03-08');
    expect(formatDate(Date.UTC(1969, 11, 31, 23))).toBe('1969-12-31');
  });

  it('refuses a date not on the calendar every time it is asked, even after valid ones', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '2026-2-3', '26-12-24']) {
      expect(() => parseLocalDate(bad)).toThrow(RangeError);
      expect(() => parseLocalDate(bad)).toThrow(RangeError);
      expect(isLocalDate(bad)).toBe(false);
    }
    expect(() => parseLocalDate(20261224 as unknown as string)).toThrow(RangeError);
  });

  it('keeps answering right past the number of dates it remembers', () => {
    const start = Date.UTC(2000, 0, 1);
    for (let i = 0; i < 5_000; i++) {
      const date = formatDate(start + i * DAY_MS);
      expect(parseLocalDate(date)).toBe(start + i * DAY_MS);
    }
    expect(formatDate(start)).toBe('2000-01-01');
    expect(parseLocalDate('2000-01-01')).toBe(start);
  });
});
