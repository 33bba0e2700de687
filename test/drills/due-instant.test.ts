// dueInstant, localDateOf and isValidZone (src/drills/schedule.ts): a local date and time as an instant, either
// side of every offset change, checked against an independent wall-clock oracle. Bad inputs tried: unknown
// zones ('Mars/Olympus', '+05:30', 'New York'), dates that are not calendar dates (2026-02-30, 2026-2-3, year
// 0099), minutes outside the day (1440, -1) or not whole (9.5).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueInstant, isValidZone, localDateOf } from '../../src/drills/schedule.ts';
import { compareWall, wallAt } from './wall-clock.ts';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const KOLKATA = 'Asia/Kolkata';
const KATHMANDU = 'Asia/Kathmandu';
const LORD_HOWE = 'Australia/Lord_Howe';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('dueInstant at 09:00 either side of each zone’s 2026 offset changes', () => {
  // Expectations worked out by hand: UTC = local - offset.
  const cases: [zone: string, date: string, expected: string, why: string][] = [
    [NY, '2026-03-07', '2026-03-07T14:00:00.000Z', 'EST -5'],
    [NY, '2026-03-08', '2026-03-08T13:00:00.000Z', 'EDT -4 from 02:00 that day'],
    [NY, '2026-10-31', '2026-10-31T13:00:00.000Z', 'EDT -4'],
    [NY, '2026-11-01', '2026-11-01T14:00:00.000Z', 'EST -5 from 02:00 that day'],
    [BERLIN, '2026-03-28', '2026-03-28T08:00:00.000Z', 'CET +1'],
    [BERLIN, '2026-03-29', '2026-03-29T07:00:00.000Z', 'CEST +2'],
    [BERLIN, '2026-10-24', '2026-10-24T07:00:00.000Z', 'CEST +2'],
    [BERLIN, '2026-10-25', '2026-10-25T08:00:00.000Z', 'CET +1'],
    [KOLKATA, '2026-03-08', '2026-03-08T03:30:00.000Z', 'IST +5:30, no DST'],
    [KOLKATA, '2026-11-01', '2026-11-01T03:30:00.000Z', 'IST +5:30, no DST'],
    [KATHMANDU, '2026-03-29', '2026-03-29T03:15:00.000Z', 'NPT +5:45, no DST'],
    [KATHMANDU, '2026-10-25', '2026-10-25T03:15:00.000Z', 'NPT +5:45, no DST'],
    [LORD_HOWE, '2026-04-04', '2026-04-03T22:00:00.000Z', 'LHDT +11'],
    [LORD_HOWE, '2026-04-05', '2026-04-04T22:30:00.000Z', 'LHST +10:30 from 02:00 LHDT that day'],
    [LORD_HOWE, '2026-10-03', '2026-10-02T22:30:00.000Z', 'LHST +10:30'],
    [LORD_HOWE, '2026-10-04', '2026-10-03T22:00:00.000Z', 'LHDT +11 from 02:00 LHST that day'],
    ['UTC', '2026-03-08', '2026-03-08T09:00:00.000Z', 'UTC'],
    ['UTC', '2026-11-01', '2026-11-01T09:00:00.000Z', 'UTC'],
  ];
  it.each(cases)('%s %s 09:00 -> %s (%s)', (zone, date, expected) => {
    expect(iso(dueInstant(zone, date, 540))).toBe(expected);
  });
});

describe('dueInstant for times the clocks spring forward over: the first valid minute after', () => {
  it.each([
    [NY, '2026-03-08', '01:59', '2026-03-08T06:59:00.000Z'], // last minute of EST
    [NY, '2026-03-08', '02:00', '2026-03-08T07:00:00.000Z'], // gap 02:00-02:59 -> 03:00 EDT
    [NY, '2026-03-08', '02:30', '2026-03-08T07:00:00.000Z'],
    [NY, '2026-03-08', '02:59', '2026-03-08T07:00:00.000Z'],
    [NY, '2026-03-08', '03:00', '2026-03-08T07:00:00.000Z'], // exists: the same instant
    [NY, '2026-03-08', '03:01', '2026-03-08T07:01:00.000Z'],
    [BERLIN, '2026-03-29', '02:30', '2026-03-29T01:00:00.000Z'], // -> 03:00 CEST
    [LORD_HOWE, '2026-10-04', '01:59', '2026-10-03T15:29:00.000Z'], // 01:59 at +10:30
    [LORD_HOWE, '2026-10-04', '02:15', '2026-10-03T15:30:00.000Z'], // gap 02:00-02:29 -> 02:30 at +11
    [LORD_HOWE, '2026-10-04', '02:30', '2026-10-03T15:30:00.000Z'],
  ])('%s %s %s -> %s', (zone, date, time, expected) => {
    expect(iso(dueInstant(zone, date, clock(time)))).toBe(expected);
  });

  it('keeps the local date and lands on the wall time right after the gap', () => {
    const due = dueInstant(LORD_HOWE, '2026-10-04', clock('02:15'));
    expect(wallAt(LORD_HOWE, due)).toEqual({ date: '2026-10-04', minute: clock('02:30') });
  });
});

describe('dueInstant for times the clocks fall back over: the first occurrence', () => {
  it.each([
    [NY, '2026-11-01', '00:59', '2026-11-01T04:59:00.000Z'],
    [NY, '2026-11-01', '01:00', '2026-11-01T05:00:00.000Z'], // EDT; 06:00Z shows 01:00 EST again
    [NY, '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'], // not 06:30Z
    [NY, '2026-11-01', '01:59', '2026-11-01T05:59:00.000Z'],
    [NY, '2026-11-01', '02:00', '2026-11-01T07:00:00.000Z'], // only once, in EST
    [BERLIN, '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'], // CEST, not 01:30Z
    [LORD_HOWE, '2026-04-05', '01:29', '2026-04-04T14:29:00.000Z'],
    [LORD_HOWE, '2026-04-05', '01:45', '2026-04-04T14:45:00.000Z'], // +11, not 15:15Z at +10:30
    [LORD_HOWE, '2026-04-05', '02:00', '2026-04-04T15:30:00.000Z'], // after the repeated half hour
  ])('%s %s %s -> %s', (zone, date, time, expected) => {
    expect(iso(dueInstant(zone, date, clock(time)))).toBe(expected);
  });
});

describe('dueInstant input checks', () => {
  it.each([
    ['Mars/Olympus', '2026-01-01', 540],
    ['+05:30', '2026-01-01', 540],
    [NY, '2026-02-30', 540],
    [NY, '2026-2-3', 540],
    [NY, '0099-01-01', 540],
    [NY, '2026-01-01', 1440],
    [NY, '2026-01-01', -1],
    [NY, '2026-01-01', 9.5],
  ])('%s %s %s throws', (zone, date, minute) => {
    expect(() => dueInstant(zone, date, minute)).toThrow(RangeError);
  });
});

describe('dueInstant in zones beyond the six above (property)', () => {
  // Zones with unusual rules: midnight changes (Santiago, Havana), a 2-hour shift (Troll), +12:45/+13:45
  // (Chatham), -3:30 (St John's), "negative" DST (Dublin), Ramadan suspensions (Casablanca).
  const zones = [
    NY,
    BERLIN,
    KOLKATA,
    KATHMANDU,
    LORD_HOWE,
    'UTC',
    'America/Santiago',
    'America/Havana',
    'Antarctica/Troll',
    'Pacific/Chatham',
    'America/St_Johns',
    'Europe/Dublin',
    'Africa/Casablanca',
    'Asia/Tehran',
    'America/Sao_Paulo',
  ];
  it('is the first instant whose wall clock reaches the requested local date and time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2037-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, day, minute) => {
          const date = day.toISOString().slice(0, 10);
          const target = { date, minute };
          const due = dueInstant(zone, date, minute).getTime();
          const shown = wallAt(zone, due);
          expect(shown.date).toBe(date);
          expect(shown.minute).toBeGreaterThanOrEqual(minute);
          // Nothing in the 4 hours before showed the target yet (so: the first occurrence, and in a gap
          // the first minute after it). 15-minute steps hit every possible earlier occurrence.
          expect(compareWall(wallAt(zone, due - 60_000), target)).toBeLessThan(0);
          for (let k = 1; k <= 16; k++) {
            expect(compareWall(wallAt(zone, due - k * 15 * 60_000), target)).toBeLessThan(0);
          }
        },
      ),
      { numRuns: 1000, seed: 20260308 },
    );
  });

  // Random days rarely hit a change, so also aim at the changes themselves: every offset change of
  // these zones in 2020-2030, found with the oracle, and local times up to two hours either side.
  const offsetAt = (zone: string, t: number) => {
    const w = wallAt(zone, t);
    return Date.parse(`${w.date}T00:00:00Z`) + w.minute * 60_000 - Math.floor(t / 60_000) * 60_000;
  };
  const changes: { zone: string; instant: number }[] = [];
  for (const zone of zones) {
    for (let t = Date.UTC(2020, 0, 1, 12); t < Date.UTC(2031, 0, 1, 12); t += 86_400_000) {
      if (offsetAt(zone, t) === offsetAt(zone, t + 86_400_000)) continue;
      let lo = t; // minute-precise search for the first minute with the new offset
      let hi = t + 86_400_000;
      const before = offsetAt(zone, lo);
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetAt(zone, mid) === before) lo = mid;
        else hi = mid;
      }
      changes.push({ zone, instant: hi });
    }
  }

  it('finds the offset changes it aims at', () => {
    expect(changes.filter((c) => c.zone === NY).length).toBe(22);
    expect(changes.filter((c) => c.zone === KOLKATA).length).toBe(0);
    expect(changes).toContainEqual({ zone: LORD_HOWE, instant: Date.parse('2026-10-03T15:30:00Z') });
  });

  it('holds for local times around every offset change', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...changes),
        fc.integer({ min: -120, max: 150 }),
        ({ zone, instant }, delta) => {
          const before = wallAt(zone, instant - 60_000);
          const asUtc = Date.parse(`${before.date}T00:00:00Z`) + (before.minute + delta) * 60_000;
          const date = new Date(asUtc).toISOString().slice(0, 10);
          const minute = new Date(asUtc).getUTCHours() * 60 + new Date(asUtc).getUTCMinutes();
          const target = { date, minute };
          const due = dueInstant(zone, date, minute).getTime();
          const shown = wallAt(zone, due);
          expect(compareWall(shown, target)).toBeGreaterThanOrEqual(0);
          expect(compareWall(wallAt(zone, due - 60_000), target)).toBeLessThan(0);
          for (let k = 1; k <= 16; k++) {
            expect(compareWall(wallAt(zone, due - k * 15 * 60_000), target)).toBeLessThan(0);
          }
          // Shifted only when the time does not exist: then the wall clock jumped over it at `due`.
          if (compareWall(shown, target) > 0) expect(due).toBe(instant);
        },
      ),
      { numRuns: 2000, seed: 20261101 },
    );
  });
});

describe('localDateOf and isValidZone', () => {
  it('gives the date on the local calendar, with half- and quarter-hour offsets', () => {
    expect(localDateOf(KOLKATA, at('2026-05-31T18:29:00Z'))).toBe('2026-05-31');
    expect(localDateOf(KOLKATA, at('2026-05-31T18:30:00Z'))).toBe('2026-06-01');
    expect(localDateOf(KATHMANDU, at('2026-05-31T18:14:00Z'))).toBe('2026-05-31');
    expect(localDateOf(KATHMANDU, at('2026-05-31T18:15:00Z'))).toBe('2026-06-01');
    expect(localDateOf(NY, at('2026-01-01T04:59:00Z'))).toBe('2025-12-31');
    expect(localDateOf(NY, at('2026-01-01T05:00:00Z'))).toBe('2026-01-01');
    expect(localDateOf(LORD_HOWE, at('2026-06-30T13:29:00Z'))).toBe('2026-06-30');
    expect(localDateOf(LORD_HOWE, at('2026-06-30T13:30:00Z'))).toBe('2026-07-01');
    expect(localDateOf('UTC', at('2026-06-30T23:59:59.999Z'))).toBe('2026-06-30');
  });

  it('accepts IANA names and refuses everything else', () => {
    for (const zone of [NY, BERLIN, KOLKATA, KATHMANDU, LORD_HOWE, 'UTC', 'Asia/Calcutta']) {
      expect(isValidZone(zone)).toBe(true);
    }
    for (const zone of ['', 'Mars/Olympus', '+05:30', '-04:00', 'New York']) {
      expect(isValidZone(zone)).toBe(false);
    }
  });
});
