import { EventEmitter, once } from 'node:events';
import PQueue from 'p-queue';
import type { Logger } from '../logger.ts';

export interface WorkQueueOptions {
  /** Tasks running at once: below the database pool's size, so a running task never waits for a connection. */
  concurrency: number;
  /** Tasks waiting at most; beyond that the bot is saturated and refuses more. */
  maxQueued: number;
}

/** A place in the queue, taken before the request is acknowledged so the ack can say "busy" instead. */
export interface Admission {
  /**
   * Runs `work` when its turn comes, unless it waited longer than `maxWaitMs`: then `tooLate` runs instead
   * (it tells the user the bot was busy; nothing of `work` was done). Never rejects; failures are logged.
   */
  run(work: () => Promise<void>, p: { maxWaitMs: number; tooLate: () => Promise<void> }): void;
}

/**
 * The work Slack's requests leave for after their ack (a command's slow part, a click's modal, a saved
 * answer's thread reply), bounded. Sent faster than the database can serve, unbounded work piled up until it
 * timed out waiting for a pool connection (the reply then said "unavailable" while the database was fine)
 * or the heap ran out. Bounded, the excess is refused at once with a true "busy, nothing done".
 *
 * It also knows when everything the bot received has been handled (`idle`), which is how a test waits for
 * the work a request left behind instead of sleeping.
 */
export class WorkQueue {
  private readonly queue: PQueue;
  private readonly changes = new EventEmitter();
  /** Requests inside Bolt's processing (from receipt to the end of their listener). */
  private handling = 0;

  constructor(
    private readonly options: WorkQueueOptions,
    private readonly log: Logger,
  ) {
    this.queue = new PQueue({ concurrency: options.concurrency });
    this.queue.on('idle', () => this.changes.emit('change'));
  }

  /** A place in the queue, or undefined when the bot is saturated (answer "busy" and do nothing). */
  admit(): Admission | undefined {
    if (this.queue.size >= this.options.maxQueued) return undefined;
    const admittedAt = performance.now();
    return {
      run: (work, { maxWaitMs, tooLate }) => {
        void this.queue
          .add(() => (performance.now() - admittedAt > maxWaitMs ? tooLate() : work()))
          .catch((err: unknown) => this.log.error({ err }, 'work after an ack failed'));
      },
    };
  }

  /** Counts a request being handled, so `idle` also covers work a listener has not queued yet. */
  async track<T>(handling: Promise<T>): Promise<T> {
    this.handling += 1;
    try {
      return await handling;
    } finally {
      this.handling -= 1;
      this.changes.emit('change');
    }
  }

  /** Resolves once no request is being handled and no queued work is left. */
  async idle(): Promise<void> {
    while (this.handling > 0 || this.queue.size > 0 || this.queue.pending > 0) {
      await once(this.changes, 'change');
    }
  }

  get stats() {
    return { running: this.queue.pending, waiting: this.queue.size, handling: this.handling };
  }
}
