import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Workspaces Slack asked to slow down (a 429's Retry-After), as this replica saw them: their scheduled posts
 * wait that long while other workspaces' go on. Slack's limits are per workspace (and per app), so one busy
 * workspace never holds up another. Monotonic time: the scheduler's clock may be a test's frozen one.
 */
export class RateLimits {
  private readonly until = new Map<string, number>();

  /** Holds the workspace's posts for `ms`; a longer hold already running stays. */
  hold(teamId: string, ms: number): void {
    const end = performance.now() + ms;
    if (end > (this.until.get(teamId) ?? 0)) this.until.set(teamId, end);
  }

  isHeld(teamId: string): boolean {
    const end = this.until.get(teamId);
    if (end === undefined) return false;
    if (end > performance.now()) return true;
    this.until.delete(teamId);
    return false;
  }

  /** The workspaces held right now (the claims skip them). */
  held(): string[] {
    return [...this.until.keys()].filter((teamId) => this.isHeld(teamId));
  }

  /** Milliseconds until the first hold ends; undefined when none runs. */
  nextRelease(): number | undefined {
    const ends = this.held().map((teamId) => (this.until.get(teamId) as number) - performance.now());
    return ends.length === 0 ? undefined : Math.max(0, Math.min(...ends));
  }
}

/**
 * A tick waits for a workspace's Retry-After and goes on delivering there while it has lasted less than this;
 * after it, what is left waits for the next tick (a minute later) instead of holding the tick open.
 */
export const RATE_LIMIT_WAIT_BUDGET_MS = 2 * 60_000;

/** Waits until the first hold ends (a millisecond past it: a timer may fire within its last millisecond). */
export async function waitForRateLimits(limits: RateLimits, signal?: AbortSignal): Promise<void> {
  const wait = limits.nextRelease();
  if (wait === undefined) return;
  await sleep(Math.ceil(wait) + 1, undefined, { signal }).catch(() => undefined);
}
