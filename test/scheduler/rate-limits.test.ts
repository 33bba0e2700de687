// The per-workspace Retry-After holds, on a faked monotonic clock.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimits } from '../../src/delivery/rate-limits.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RateLimits', () => {
  it('holds a workspace for its Retry-After and only that workspace', () => {
    const limits = new RateLimits();
    expect(limits.held()).toEqual([]);
    expect(limits.nextRelease()).toBeUndefined();
    limits.hold('TA', 4_000);
    expect(limits.isHeld('TA')).toBe(true);
    expect(limits.isHeld('TB')).toBe(false);
    expect(limits.held()).toEqual(['TA']);
    expect(limits.nextRelease()).toBe(4_000);
    vi.advanceTimersByTime(3_999);
    expect(limits.isHeld('TA')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(limits.isHeld('TA')).toBe(false);
    expect(limits.held()).toEqual([]);
  });

  it('keeps the longer of two holds, and names the first to end', () => {
    const limits = new RateLimits();
    limits.hold('TA', 10_000);
    limits.hold('TA', 2_000);
    limits.hold('TB', 3_000);
    expect(limits.nextRelease()).toBe(3_000);
    vi.advanceTimersByTime(3_000);
    expect(limits.held()).toEqual(['TA']);
    expect(limits.nextRelease()).toBe(7_000);
  });
});
