// Offsets cached per UTC minute (src/drills/schedule.ts): the wall clock read through the cache agrees with an
// independent Intl oracle at every instant, including the last millisecond before a change, the first one
// after it, and a minute with a change inside it (Monrovia's -0:44:30 -> UTC on 1972-01-07 at 00:44:30Z,
// from before changes fell on whole minutes), whichever instant of a minute is asked first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateOf, localWallOf } from '../../src/drills/schedule.ts';
import { wallAt } from './wall-clock.ts';

const wallOf = (zone: string, t: number) => {
  const w = localWallOf(zone, new Date(t));
  return { date: w.localDate, minute: w.minuteOfDay };
};

describe('offsets cached per minute', () => {
  it('reads a minute with a change inside it exactly, before and after the change', () => {
    const zone = 'Africa/Monrovia';
    const before = Date.parse('1972-01-07T00:44:10Z');
    const after = Date.parse('1972-01-07T00:44:40Z');
    expect(wallOf(zone, before)).toEqual({ date: '1972-01-06', minute: 23 * 60 + 59 });
    expect(wallOf(zone, after)).toEqual({ date: '1972-01-07', minute: 44 });
    // Asked again, now that the minute has been seen, and in the other order.
    expect(localDateOf(zone, new Date(after))).toBe('1972-01-07');
    expect(localDateOf(zone, new Date(before))).toBe('1972-01-06');
  });

  it('changes offset at the millisecond of a change, not at the minute it was first asked in', () => {
    // New York springs forward at 2026-03-08T07:00:00Z (02:00 EST -> 03:00 EDT), falls back at 06:00Z on 11-01.
    const spring = Date.parse('2026-03-08T07:00:00Z');
    expect(wallOf('America/New_York', spring - 1)).toEqual({ date: '2026-03-08', minute: 119 });
    expect(wallOf('America/New_York', spring)).toEqual({ date: '2026-03-08', minute: 180 });
    const fall = Date.parse('2026-11-01T06:00:00Z');
    expect(wallOf('America/New_York', fall - 1)).toEqual({ date: '2026-11-01', minute: 119 });
    expect(wallOf('America/New_York', fall)).toEqual({ date: '2026-11-01', minute: 60 });
  });

  it('agrees with the Intl oracle at any instant in any zone, asked twice in one minute', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    const MINUTE = 60_000;
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: 0, max: MINUTE - 1 }),
        (zone, t, other) => {
          const sameMinute = Math.floor(t / MINUTE) * MINUTE + other;
          expect(wallOf(zone, t)).toEqual(wallAt(zone, t));
          expect(wallOf(zone, sameMinute)).toEqual(wallAt(zone, sameMinute));
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
