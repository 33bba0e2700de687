// The scheduler's pure rules: which Slack errors end a subscription, when a skip is still ahead, and how the
// replies write a delivery in the subscriber's zone.

import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { pendingSkip, scheduleOf } from '../../src/scheduler/next-delivery.ts';
import { PERMANENT_SLACK_ERRORS, permanentSlackError } from '../../src/scheduler/slack-client.ts';
import { deliveryLabel, scheduleLabel } from '../../src/slack/views/subscription-replies.ts';

const platformError = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), {
    code: ErrorCode.PlatformError,
    data: { ok: false, error },
  });

describe('permanentSlackError', () => {
  it.each([...PERMANENT_SLACK_ERRORS])('treats %s as permanent', (error) => {
    expect(permanentSlackError(platformError(error))).toBe(error);
  });

  it.each(['internal_error', 'fatal_error', 'invalid_blocks', 'invalid_auth', 'ratelimited'])(
    'retries %s: it may heal, or it is the bot’s fault rather than the subscriber’s',
    (error) => {
      expect(permanentSlackError(platformError(error))).toBeNull();
    },
  );

  it('retries HTTP and network errors', () => {
    expect(permanentSlackError(Object.assign(new Error('503'), { code: ErrorCode.HTTPError }))).toBeNull();
    expect(
      permanentSlackError(Object.assign(new Error('reset'), { code: ErrorCode.RequestError })),
    ).toBeNull();
    expect(permanentSlackError(new Error('user_not_found'))).toBeNull();
    expect(permanentSlackError(undefined)).toBeNull();
  });
});

describe('pendingSkip', () => {
  const schedule = { zone: 'Asia/Kolkata', minuteOfDay: 540, days: 'daily' as const, skipDate: '2026-03-10' };

  it('is the skipped date until that drill would have been due, then nothing', () => {
    expect(pendingSkip(schedule, new Date('2026-03-10T03:29:59Z'))).toBe('2026-03-10');
    expect(pendingSkip(schedule, new Date('2026-03-10T03:30:00Z'))).toBeNull();
    expect(pendingSkip({ ...schedule, skipDate: null }, new Date('2026-03-01T00:00:00Z'))).toBeNull();
  });
});

describe('scheduleOf', () => {
  it('reads a stored zone that is no longer valid as UTC rather than failing every tick', () => {
    expect(scheduleOf({ tz: 'Mars/Olympus', minuteOfDay: 540, days: 'daily', skipDate: null }).zone).toBe(
      'UTC',
    );
    expect(scheduleOf({ tz: 'Asia/Kathmandu', minuteOfDay: 540, days: 'daily', skipDate: null }).zone).toBe(
      'Asia/Kathmandu',
    );
  });
});

describe('reply labels', () => {
  it('writes the schedule in the subscriber’s zone', () => {
    expect(scheduleLabel({ minuteOfDay: 540, days: 'weekdays', zone: 'Asia/Kolkata' })).toBe(
      '09:00 Asia/Kolkata, weekdays',
    );
    expect(scheduleLabel({ minuteOfDay: 1425, days: 'daily', zone: 'UTC' })).toBe('23:45 UTC, every day');
  });

  it('writes the next delivery as a local date and time, relative to the subscriber’s today', () => {
    const now = new Date('2026-03-10T20:00:00Z'); // Wednesday 01:45 in Kathmandu, still Tuesday in UTC
    const wednesday = { localDate: '2026-03-11', dueAt: new Date('2026-03-11T03:15:00Z') };
    expect(deliveryLabel(wednesday, 'Asia/Kathmandu', now)).toBe('Wed 11 Mar at 09:00 (today)');
    const friday = { localDate: '2026-03-13', dueAt: new Date('2026-03-13T03:15:00Z') };
    expect(deliveryLabel(friday, 'Asia/Kathmandu', now)).toBe('Fri 13 Mar at 09:00');
    const nextYear = { localDate: '2027-01-04', dueAt: new Date('2027-01-04T09:00:00Z') };
    expect(deliveryLabel(nextYear, 'UTC', new Date('2026-12-31T12:00:00Z'))).toBe('Mon 4 Jan 2027 at 09:00');
  });

  it('shows the first valid minute for a time skipped by a spring-forward', () => {
    // New York, 2026-03-08: 02:30 does not exist; the drill comes at 03:00 EDT.
    const d = { localDate: '2026-03-08', dueAt: new Date('2026-03-08T07:00:00Z') };
    expect(deliveryLabel(d, 'America/New_York', new Date('2026-03-07T12:00:00Z'))).toBe(
      'Sun 8 Mar at 03:00 (tomorrow)',
    );
  });
});
