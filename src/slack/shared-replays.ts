import type { Database } from '../db/client.ts';
import { firstTimeSignature, forgetExpiredSignatures } from '../db/repositories/seen-signatures.ts';
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
    return withTimeout(
      firstTimeSignature(this.db, signature, expiresAt).catch(unanswered),
      CHECK_TIMEOUT_MS,
      () => unanswered(),
    );
  }
}
