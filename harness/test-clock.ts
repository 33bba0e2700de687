import type { Clock } from '../src/clock.ts';

/**
 * The bot's injected clock in tests and benchmarks. Given an instant it stands still there until moved (a
 * scheduler tick at exactly 09:00); given none it runs with the wall clock, so rows the database stamps
 * with its own clock are never in the clock's future. Either way it moves only when told: `set` or
 * `advance` (to make a drill due, or a review).
 */
export class TestClock implements Clock {
  private at: number | undefined;
  private offsetMs = 0;

  constructor(at?: Date) {
    this.at = at?.getTime();
  }

  now(): Date {
    return new Date(this.at ?? Date.now() + this.offsetMs);
  }

  /** Stands still at `iso` from now on. */
  set(iso: string): Date {
    this.at = new Date(iso).getTime();
    return this.now();
  }

  advance(ms: number): Date {
    if (this.at === undefined) this.offsetMs += ms;
    else this.at += ms;
    return this.now();
  }
}
