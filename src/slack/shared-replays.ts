import type { Database } from '../db/client.ts';
import { forgetExpiredSignatures, newSignatures } from '../db/repositories/seen-signatures.ts';
import type { Logger } from '../logger.ts';
import { withTimeout } from '../timeout.ts';

/** Expired signatures are deleted at most this often, by whichever request comes along. */
const PRUNE_EVERY_MS = 60_000;
/**
 * The check is on the ack's path (Slack waits 3 s for it): a database slower than this is treated as one that
 * cannot be asked. Postgres answers the insert in about a millisecond.
 */
const CHECK_TIMEOUT_MS = 300;
/** A database that cannot be asked is logged at most this often. */
const WARN_EVERY_MS = 60_000;

/**
 * Replay protection shared by every replica: the signatures of accepted requests in the database (the
 * in-memory ReplayCache only knows this replica's). A request whose signature any replica has seen is refused.
 *
 * When the database cannot be asked (an outage, or before the migrations ran) the request is let through on
 * the in-memory check alone: the bot keeps answering "unavailable" instead of refusing everyone, and what a
 * request replayed to another replica could do then needs the database that is down.
 */
export class SharedReplays {
  private lastPrune = Number.NEGATIVE_INFINITY;
  private lastWarn = Number.NEGATIVE_INFINITY;
  /** Checks waiting for the statement in flight to end: they go together in the next one (group commit). */
  private waiting: Array<{ signature: string; expiresAt: Date; settle: (first: boolean | Error) => void }> =
    [];
  private flushing = false;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    /** False until the migrations created the table. */
    private readonly ready: () => boolean,
  ) {}

  /** True the first time any replica offers this signature; `expiresAt`: when its request goes stale. */
  async firstTime(signature: string, expiresAt: Date): Promise<boolean> {
    if (!this.ready()) return true;
    const now = performance.now();
    if (now - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = now;
      forgetExpiredSignatures(this.db).catch(() => {});
    }
    const unanswered = (err?: unknown) => {
      if (now - this.lastWarn > WARN_EVERY_MS) {
        this.lastWarn = now;
        this.log.warn({ err }, 'replay check: the database did not answer; this replica’s own check only');
      }
      return true;
    };
    return withTimeout(this.enqueue(signature, expiresAt).catch(unanswered), CHECK_TIMEOUT_MS, () =>
      unanswered(),
    );
  }

  /**
   * One INSERT per burst instead of one per request: under load every request's own statement would queue for
   * a pool connection on the ack's path.
   */
  private enqueue(signature: string, expiresAt: Date): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.waiting.push({
        signature,
        expiresAt,
        settle: (first) => (first instanceof Error ? reject(first) : resolve(first)),
      });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, 500);
        try {
          const inserted = await newSignatures(this.db, batch);
          // A signature twice in one batch: only its first request is the first time.
          const claimed = new Set<string>();
          for (const check of batch) {
            check.settle(inserted.has(check.signature) && !claimed.has(check.signature));
            claimed.add(check.signature);
          }
        } catch (err) {
          for (const check of batch) check.settle(err instanceof Error ? err : new Error(String(err)));
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
