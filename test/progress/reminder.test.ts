// Bad inputs tried: delays of 0, 29, 721, 2.5, NaN, -30 and Infinity; reminders landing exactly on 08:00 and
// 21:00, a minute either side, after midnight, on a later local date; deliveries on the nights New York
// springs forward and falls back and Lord Howe's half-hour change; Kolkata's +5:30; a sender back after
// an outage at 21:00 sharp and later; an unknown zone.
import { describe, expect, it } from 'vitest';
import { dueInstant } from '../../src/drills/schedule.ts';
import {
  DEFAULT_REMINDER_MINUTES,
  isReminderDelay,
  REMINDER_CHOICES,
  reminderAt,
  reminderLabel,
  reminderSendable,
} from '../../src/progress/reminder.ts';

const NY = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';
const LORD_HOWE = 'Australia/Lord_Howe';
const at = (iso: string) => new Date(iso);
const local = (zone: string, date: string, time: string) =>
  dueInstant(zone, date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));

describe('reminderAt', () => {
  // [zone, drill's local date, delivered (UTC), delay, expected (UTC) or null, why]
  const cases: [string, string, string, number | null, string | null, string][] = [
    [NY, '2026-03-02', '2026-03-02T14:00:00Z', 240, '2026-03-02T18:00:00Z', '09:00 EST + 4h = 13:00'],
    [NY, '2026-03-02', '2026-03-02T14:00:00Z', null, null, 'off'],
    [NY, '2026-03-02', '2026-03-02T21:59:00Z', 240, '2026-03-03T01:59:00Z', '16:59 + 4h = 20:59, sent'],
    [NY, '2026-03-02', '2026-03-02T22:00:00Z', 240, null, '17:00 + 4h = 21:00: quiet, dropped'],
    [NY, '2026-03-02', '2026-03-02T23:00:00Z', 240, null, '18:00 + 4h = 22:00: dropped'],
    [NY, '2026-03-02', '2026-03-03T04:00:00Z', 30, null, '23:00 + 30m = 23:30: dropped'],
    [NY, '2026-03-02', '2026-03-02T11:00:00Z', 60, '2026-03-02T13:00:00Z', '06:00 + 1h = 07:00 -> 08:00'],
    [NY, '2026-03-02', '2026-03-02T12:30:00Z', 30, '2026-03-02T13:00:00Z', '07:30 + 30m = 08:00 exactly'],
    [NY, '2026-03-02', '2026-03-02T12:30:00Z', 31, '2026-03-02T13:01:00Z', '07:30 + 31m = 08:01'],
    [NY, '2026-03-02', '2026-03-02T05:30:00Z', 240, '2026-03-02T13:00:00Z', '00:30 + 4h = 04:30 -> 08:00'],
    [NY, '2026-03-02', '2026-03-02T14:00:00Z', 720, null, '09:00 + 12h = 21:00: dropped'],
    [NY, '2026-03-02', '2026-03-02T13:00:00Z', 720, '2026-03-03T01:00:00Z', '08:00 + 12h = 20:00'],
    // Spring forward, 2026-03-08 02:00 EST -> 03:00 EDT: 08:00 is 12:00Z, 21:00 is 01:00Z.
    [
      NY,
      '2026-03-08',
      '2026-03-08T05:30:00Z',
      240,
      '2026-03-08T12:00:00Z',
      '00:30 EST + 4h = 05:30 EDT -> 08:00 EDT',
    ],
    [NY, '2026-03-08', '2026-03-08T06:00:00Z', 720, '2026-03-08T18:00:00Z', '01:00 EST + 12h = 14:00 EDT'],
    [NY, '2026-03-08', '2026-03-08T21:00:00Z', 240, null, '17:00 EDT + 4h = 21:00 EDT: dropped'],
    [NY, '2026-03-08', '2026-03-08T20:59:00Z', 240, '2026-03-09T00:59:00Z', '16:59 EDT + 4h = 20:59 EDT'],
    // Fall back, 2026-11-01 02:00 EDT -> 01:00 EST: 08:00 is 13:00Z, 21:00 is 02:00Z.
    [
      NY,
      '2026-11-01',
      '2026-11-01T04:30:00Z',
      120,
      '2026-11-01T13:00:00Z',
      '00:30 EDT + 2h = 01:30 EST -> 08:00 EST',
    ],
    [NY, '2026-11-01', '2026-11-01T21:30:00Z', 240, '2026-11-02T01:30:00Z', '16:30 EST + 4h = 20:30 EST'],
    [NY, '2026-11-01', '2026-11-01T22:00:00Z', 240, null, '17:00 EST + 4h = 21:00 EST: dropped'],
    [KOLKATA, '2026-03-02', '2026-03-02T03:30:00Z', 720, null, '09:00 IST + 12h = 21:00 IST: dropped'],
    [
      KOLKATA,
      '2026-03-02',
      '2026-03-02T03:30:00Z',
      690,
      '2026-03-02T15:00:00Z',
      '09:00 IST + 11h30 = 20:30 IST',
    ],
    [
      KOLKATA,
      '2026-03-02',
      '2026-03-01T19:00:00Z',
      30,
      '2026-03-02T02:30:00Z',
      '00:30 IST + 30m -> 08:00 IST',
    ],
    // Lord Howe springs forward 02:00 -> 02:30 on 2026-10-04: 08:00 LHDT (+11) is 21:00Z the day before.
    [
      LORD_HOWE,
      '2026-10-04',
      '2026-10-03T15:30:00Z',
      60,
      '2026-10-03T21:00:00Z',
      '02:30 LHDT + 1h -> 08:00 LHDT',
    ],
  ];
  it.each(cases)('%s %s delivered %s + %s -> %s (%s)', (zone, localDate, delivered, delay, expected) => {
    const result = reminderAt({ deliveredAt: at(delivered), delayMinutes: delay, zone, localDate });
    expect(result?.toISOString() ?? null).toBe(expected === null ? null : at(expected).toISOString());
  });

  it('the default is 4 hours, and every offered choice is allowed', () => {
    expect(DEFAULT_REMINDER_MINUTES).toBe(240);
    expect(REMINDER_CHOICES).toContain(240);
    for (const m of REMINDER_CHOICES) expect(isReminderDelay(m)).toBe(true);
  });

  it.each([0, 29, 721, 2.5, Number.NaN, -30, Number.POSITIVE_INFINITY])('refuses a delay of %d', (delay) => {
    expect(isReminderDelay(delay)).toBe(false);
    expect(() =>
      reminderAt({
        deliveredAt: at('2026-03-02T14:00:00Z'),
        delayMinutes: delay,
        zone: NY,
        localDate: '2026-03-02',
      }),
    ).toThrow(RangeError);
  });

  it('refuses an unknown zone', () => {
    expect(() =>
      reminderAt({
        deliveredAt: at('2026-03-02T14:00:00Z'),
        delayMinutes: 60,
        zone: 'Mars/Olympus',
        localDate: '2026-03-02',
      }),
    ).toThrow(RangeError);
  });
});

describe('reminderSendable: at send time, after an outage', () => {
  const planned = local(NY, '2026-03-02', '13:00');
  it.each([
    ['12:59', false, 'not yet'],
    ['13:00', true, 'on time'],
    ['20:59', true, 'late, still the day'],
    ['21:00', false, 'quiet hours'],
    ['23:30', false, 'quiet hours'],
  ])('%s local: %j (%s)', (time, expected) => {
    expect(reminderSendable(planned, local(NY, '2026-03-02', time), NY, '2026-03-02')).toBe(expected);
  });

  it('never the next morning', () => {
    expect(reminderSendable(planned, local(NY, '2026-03-03', '09:00'), NY, '2026-03-02')).toBe(false);
  });
});

describe('reminderLabel', () => {
  it.each([
    [null, 'off'],
    [30, '30 minutes'],
    [60, '1 hour'],
    [90, '1 hour 30 minutes'],
    [240, '4 hours'],
    [721, '12 hours 1 minute'],
    [0, '0 minutes'],
  ])('%j -> %j', (minutes, label) => {
    expect(reminderLabel(minutes)).toBe(label);
  });
});
