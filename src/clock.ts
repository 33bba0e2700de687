/** Time is injected so the scheduler and its tests can run at any instant without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
