import type { Clock } from '../src/clock.ts';

/**
 * The sandbox's clock: the wall clock plus an offset that only moves forward, when a person asks to jump to
 * their next drill. It is the bot's injected clock, so the bot's schedules see the jump; nothing outside the
 * sandbox can reach `jumpTo`.
 */
export class SettableClock implements Clock {
  constructor(private offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Moves now to `instant`, never back: an instant already past leaves the clock where it is. */
  jumpTo(instant: Date): void {
    this.offsetMs = Math.max(this.offsetMs, instant.getTime() - Date.now());
  }
}
