import { setTimeout as sleep } from 'node:timers/promises';
import pRetry from 'p-retry';
import type { Database } from '../db/client.ts';
import type { Owned } from '../db/repositories/people.ts';
import { markDrillsPosted } from '../db/repositories/scheduled-drills.ts';
import type { Logger } from '../logger.ts';

interface Pending extends Owned {
  channelId: string;
  messageTs: string;
  /** The bot's clock when it was posted (the tick's instant). */
  postedAt: Date;
  done: { resolve: () => void; reject: (err: unknown) => void };
}

/**
 * The store of a group is one idempotent UPDATE, so a failed one is tried again before its posts count as
 * failed: a failure would release them, and the next attempt, finding no ts, would post them a second time.
 */
const STORE_RETRIES = { retries: 4, factor: 2, minTimeout: 100, maxTimeout: 1_000 };

/**
 * How long a group waits for more posts' answers before its statement goes: posts come back every fraction
 * of a millisecond during a fan-out, and each statement costs Postgres and the bot more than a row in it.
 * Measured on a 10,000 fan-out (bench/limits.md): 1 ms took ~8% off its time and Postgres's CPU against
 * storing at once; 4 ms saved more CPU but held the slots too long. Each post's slot is held that much longer.
 */
const GATHER_MS = 1;

/**
 * Stores the ts of posted drills with group commit: a post that comes back while a store is running waits
 * for the next one, which takes everything that gathered meanwhile in one statement. One round trip per
 * drill was the fan-out's largest cost after Slack itself (the writes of 10,000 small UPDATEs); this keeps
 * the latency of a single store and, because every caller still waits for its own ts to be stored before
 * its post counts as delivered, the same crash window: only the posts in flight at a crash can be repeated.
 */
export class PostedRecorder {
  private pending: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
  ) {}

  record(drill: Owned, channelId: string, messageTs: string, postedAt: Date): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({
        id: drill.id,
        teamId: drill.teamId,
        userId: drill.userId,
        channelId,
        messageTs,
        postedAt,
        done: { resolve, reject },
      });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      await sleep(GATHER_MS);
      const batch = this.pending;
      this.pending = [];
      try {
        await pRetry(() => markDrillsPosted(this.db, batch), {
          ...STORE_RETRIES,
          onFailedAttempt: ({ error, attemptNumber }) =>
            this.log.warn(
              { err: error, attempt: attemptNumber, drills: batch.length },
              'storing posted ts failed; retrying',
            ),
        });
        for (const p of batch) p.done.resolve();
      } catch (err) {
        for (const p of batch) p.done.reject(err);
      }
    }
    this.flushing = false;
  }
}
