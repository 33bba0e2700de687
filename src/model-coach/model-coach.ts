// The extra coaching as the bot uses it: at most `concurrency` model calls at once per replica, a bounded
// queue behind them (beyond it, or after waiting too long, an answer is skipped), the model's reply grounded
// in the answer, and every outcome counted. Knows nothing of Slack or the database.

import pLimit from 'p-limit';
import { withTimeout } from '../timeout.ts';
import type { CoachModelConfig } from './config.ts';
import { InMemoryModelCoachMetrics, type ModelCoachMetrics } from './counters.ts';
import { type GroundedReply, groundReply } from './grounding.ts';
import {
  ModelClient,
  type ModelClientOptions,
  ModelFailure,
  type ModelFailureReason,
} from './model-client.ts';
import type { CoachingRequest } from './prompt.ts';

/** Answers waiting for a model slot, per replica; more are skipped at once. */
export const QUEUE_PER_SLOT = 8;
/** An answer that waited this long for a slot is skipped: the candidate has moved on. */
export const MAX_QUEUE_WAIT_MS = 30_000;

/** How long stop() waits for replies already being posted (main.ts allows 9 s for the whole shutdown). */
const STOP_WAIT_MS = 2_000;

export type CoachingOutcome =
  | { kind: 'grounded'; reply: GroundedReply; dropped: number }
  | { kind: 'ungrounded'; dropped: number }
  | { kind: 'failed'; reason: ModelFailureReason; statusCode?: number }
  | { kind: 'skipped' };

export interface ModelCoachOptions extends ModelClientOptions {
  metrics?: ModelCoachMetrics;
}

export class ModelCoach {
  /** The host answers are sent to (COACH_MODEL_URL's), as the README and `/star model on` name it. */
  readonly host: string;
  readonly metrics: ModelCoachMetrics;
  private readonly client: ModelClient;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly maxQueued: number;
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(config: CoachModelConfig, options: ModelCoachOptions = {}) {
    this.host = new URL(config.url).host;
    this.metrics = options.metrics ?? new InMemoryModelCoachMetrics();
    this.client = new ModelClient(config, options);
    this.limit = pLimit(config.concurrency);
    this.maxQueued = config.concurrency * QUEUE_PER_SLOT;
  }

  /** The grounded reply to one answer, or why there is none. Never throws. */
  coach(request: CoachingRequest): Promise<CoachingOutcome> {
    if (this.stopping.signal.aborted || this.limit.pendingCount >= this.maxQueued) {
      return Promise.resolve({ kind: 'skipped' });
    }
    const queuedAt = performance.now();
    return this.limit(async (): Promise<CoachingOutcome> => {
      if (this.stopping.signal.aborted || performance.now() - queuedAt > MAX_QUEUE_WAIT_MS) {
        return { kind: 'skipped' };
      }
      try {
        const reply = await this.client.coach(request, this.stopping.signal);
        const grounded = groundReply(reply, request.answer);
        const byReason = new Map<string, number>();
        for (const d of grounded.dropped) byReason.set(d.reason, (byReason.get(d.reason) ?? 0) + 1);
        for (const [reason, count] of byReason) this.metrics.dropped(reason, count);
        return grounded.reply
          ? { kind: 'grounded', reply: grounded.reply, dropped: grounded.dropped.length }
          : { kind: 'ungrounded', dropped: grounded.dropped.length };
      } catch (err) {
        if (err instanceof ModelFailure) {
          return { kind: 'failed', reason: err.reason, statusCode: err.statusCode };
        }
        return { kind: 'failed', reason: 'network' };
      }
    });
  }

  /** Runs `work` (the coaching of one answer and its thread reply) in the background, tracked for idle(). */
  track(work: Promise<unknown>): void {
    const tracked = work.catch(() => undefined).finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Resolves once every tracked piece of work has finished (tests, and a stop that drains). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Stops taking answers and aborts calls in flight, so stopping the bot never waits on the model. */
  async stop(): Promise<void> {
    // Queued answers find the signal aborted when their turn comes and are skipped at once.
    this.stopping.abort();
    // A thread reply already on its way may finish; one held up by Slack's Retry-After is not waited for.
    await withTimeout(
      this.idle().then(() => true),
      STOP_WAIT_MS,
      () => false,
    );
  }
}
