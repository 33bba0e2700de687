// The scheduler's pure rules: what a Slack error means, what becomes of a failed delivery, when a skip is still
// ahead, and how the replies write a delivery in the subscriber's zone.

import { ErrorCode, WebAPIRateLimitedError } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import {
  DRILL_OUTCOMES,
  RECAP_OUTCOMES,
  REMINDER_OUTCOMES,
  retryAt,
  retryBackoffMs,
} from '../../src/delivery/outcomes.ts';
import { pendingSkip, scheduleOf } from '../../src/drills/stored-schedule.ts';
import { classifySlackError } from '../../src/slack-api/errors.ts';
import { deliveryLabel, scheduleLabel } from '../../src/views/subscription-replies.ts';

const platformError = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), {
    code: ErrorCode.PlatformError,
    data: { ok: false, error },
  });

describe('classifySlackError', () => {
  // Written out here, not read from the module's own sets: the test states what each code must mean.
  it.each([
    'invalid_auth',
    'not_authed',
    'account_inactive',
    'token_revoked',
    'token_expired',
    'team_disabled',
    'missing_scope',
  ])('%s is about the bot’s token, not the subscriber', (error) => {
    expect(classifySlackError(platformError(error))).toEqual({ kind: 'token', code: error });
  });

  it.each(['user_not_found', 'user_disabled', 'cannot_dm_bot', 'channel_not_found'])(
    '%s is about the one recipient',
    (error) => {
      expect(classifySlackError(platformError(error))).toEqual({ kind: 'recipient', code: error });
    },
  );

  it.each(['internal_error', 'fatal_error', 'invalid_blocks', 'msg_too_long', 'ratelimited'])(
    '%s may heal (or is the bot’s own mistake): transient',
    (error) => {
      expect(classifySlackError(platformError(error))).toEqual({ kind: 'transient', code: error });
    },
  );

  it('reads a rejected rate-limited call’s Retry-After', () => {
    expect(classifySlackError(new WebAPIRateLimitedError(12))).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 12_000,
    });
  });

  it('treats HTTP, network and unknown errors as transient', () => {
    expect(classifySlackError(Object.assign(new Error('503'), { code: ErrorCode.HTTPError }))).toEqual({
      kind: 'transient',
    });
    expect(classifySlackError(Object.assign(new Error('reset'), { code: ErrorCode.RequestError }))).toEqual({
      kind: 'transient',
    });
    // A message that happens to name a code is not Slack saying it.
    expect(classifySlackError(new Error('user_not_found'))).toEqual({ kind: 'transient' });
    expect(classifySlackError(undefined)).toEqual({ kind: 'transient' });
  });
});

describe('the outcome tables and the retry backoff', () => {
  const now = new Date('2026-03-10T09:00:00Z');
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

  it.each([
    [{ kind: 'transient' }, 0, { at: minutes(1), attempts: 1 }],
    [{ kind: 'transient', code: 'internal_error' }, 1, { at: minutes(2), attempts: 2 }],
    [{ kind: 'transient' }, 3, { at: minutes(8), attempts: 4 }],
    [{ kind: 'transient' }, 9, { at: minutes(30), attempts: 10 }],
    // A Retry-After longer than the backoff wins; a shorter one does not shorten it.
    [{ kind: 'rate_limited', retryAfterMs: 5 * 60_000 }, 0, { at: minutes(5), attempts: 1 }],
    [{ kind: 'rate_limited', retryAfterMs: 1_000 }, 1, { at: minutes(2), attempts: 2 }],
  ] as const)('%j after %i attempts: retried %j', (failure, attempts, retry) => {
    expect(retryAt(failure, attempts, now)).toEqual(retry);
  });

  it('a drill: a recipient stops the subscription, a token pauses, a 429 waits, anything else backs off', () => {
    expect(DRILL_OUTCOMES).toEqual({
      recipient: 'give_up',
      token: 'pause_workspace',
      rate_limited: 'wait_retry_after',
      transient: 'retry_with_backoff',
    });
  });

  it('a reminder or a recap: a recipient ends it, a token pauses, a 429 waits, anything else waits a tick', () => {
    for (const table of [REMINDER_OUTCOMES, RECAP_OUTCOMES]) {
      expect(table).toEqual({
        recipient: 'give_up',
        token: 'pause_workspace',
        rate_limited: 'wait_retry_after',
        transient: 'retry_next_tick',
      });
    }
  });

  it('never gives up on anyone for a token error or a 429, in any job', () => {
    for (const table of [DRILL_OUTCOMES, REMINDER_OUTCOMES, RECAP_OUTCOMES]) {
      expect(table.token).toBe('pause_workspace');
      expect(table.rate_limited).toBe('wait_retry_after');
    }
  });

  it('backs off 1, 2, 4 ... minutes, at most 30', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryBackoffMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 30, 30]);
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
  it('reads the stored day mask: 127 daily, 31 weekdays, 21 Mon/Wed/Fri', () => {
    const of = (dayMask: number) => scheduleOf({ tz: 'UTC', minuteOfDay: 540, dayMask, skipDate: null }).days;
    expect([of(127), of(31), of(21)]).toEqual(['daily', 'weekdays', 21]);
  });

  it('reads a stored zone that is no longer valid as UTC rather than failing every tick', () => {
    expect(scheduleOf({ tz: 'Mars/Olympus', minuteOfDay: 540, dayMask: 127, skipDate: null }).zone).toBe(
      'UTC',
    );
    expect(scheduleOf({ tz: 'Asia/Kathmandu', minuteOfDay: 540, dayMask: 127, skipDate: null }).zone).toBe(
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
