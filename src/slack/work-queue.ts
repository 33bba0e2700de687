import { EventEmitter, once } from 'node:events';
import PQueue from 'p-queue';
import type { Logger } from '../logger.ts';
import { recordError, recordShed } from '../metrics/index.ts';
import { ArrivalDelay } from './arrival-delay.ts';

export interface WorkQueueOptions {
  /** Tasks running at once: below the database pool's size, so a running task never waits for a connection. */
  concurrency: number;
  /** Tasks waiting at most; beyond that the bot is saturated and refuses more. */
  maxQueued: number;
  /**
   * How far behind Slack the bot may fall (arrival-delay.ts) before new work is refused: every task it takes
   * on then makes the acks of the requests still arriving later.
   */
  maxLatenessMs: number;
  /** A monotonic clock in milliseconds (tests pass their own). */
  now?: () => number;
}

/** Refused requests are logged together, at most this often. */
const REFUSAL_LOG_MS = 5_000;

/**
 * How long work waits at most for the acks still owed (see `acksFirst`): under steady traffic some ack is
 * always owed, and work must still start well within a trigger's 3 seconds.
 */
const ACKS_FIRST_MAX_MS = 50;

/** A place in the queue, taken before the request is acknowledged so the ack can say "busy" instead. */
export interface Admission {
  /**
   * Runs `work` when its turn comes, unless it has not started by its limit: then `tooLate` runs instead,
   * at that limit rather than when the turn comes (it tells the user the bot was busy; nothing of `work` was
   * done), so the user hears while Slack still listens. The limit is `startBy` (a `performance.now()`
   * instant, e.g. from the request's trigger: trigger-deadline.ts) or `maxWaitMs` after admission. Never
   * rejects; failures are logged.
   */
  run(
    work: () => Promise<void>,
    p: ({ maxWaitMs: number } | { startBy: number }) & { tooLate: () => Promise<void> },
  ): void;
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
  private readonly arrivals = new ArrivalDelay();
  private readonly now: () => number;
  private readonly refusals = new Map<string, number>();
  /** Requests received over HTTP whose response is not written yet (request-gate.ts). */
  private acksOwed = 0;
  /** Admitted tasks waiting for the acks owed before they join the queue. */
  private deferred = 0;
  private refusalLog: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: WorkQueueOptions,
    private readonly log: Logger,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.queue = new PQueue({ concurrency: options.concurrency });
    this.queue.on('idle', () => this.changes.emit('change'));
    // One listener per task waiting for the acks owed (as many as run at once) and per `idle()` caller.
    this.changes.setMaxListeners(0);
  }

  /** How far this host's clock is ahead of Slack's, as the lateness of requests shows it (arrival-delay.ts). */
  clockSkewMs(): number {
    return this.arrivals.skewMs();
  }

  /** How late a request reached the bot, in milliseconds (request-gate.ts; see arrival-delay.ts). */
  noteLateness(ms: number): void {
    this.arrivals.note(ms, this.now());
  }

  /**
   * A place in the queue, or undefined when the bot is saturated (answer "busy" and do nothing). `kind`
   * names the request in the log of refusals.
   */
  admit(kind: string): Admission | undefined {
    if (this.saturated) {
      this.refused(kind);
      return undefined;
    }
    const admittedAt = this.now();
    return {
      run: (work, p) => {
        const startBy = 'startBy' in p ? p.startBy : admittedAt + p.maxWaitMs;
        let state: 'waiting' | 'started' | 'dropped' = 'waiting';
        const drop = () => {
          if (state !== 'waiting') return;
          state = 'dropped';
          this.refused(kind);
          void this.track(p.tooLate()).catch((err: unknown) =>
            this.log.error({ err }, 'a busy reply failed'),
          );
        };
        const timer = setTimeout(drop, Math.max(0, startBy - this.now()));
        // Earliest deadline first: a click (its trigger lives 3 s) goes before the commands waiting ahead of it
        // (theirs may wait COMMAND_MAX_WAIT_MS), so a burst of commands does not make every click "busy".
        const enqueue = () =>
          this.queue
            .add(
              async () => {
                clearTimeout(timer);
                if (state === 'waiting' && this.now() > startBy) drop();
                if (state === 'dropped') return;
                state = 'started';
                return work();
              },
              { priority: -startBy },
            )
            .catch((err: unknown) => {
              recordError('work');
              this.log.error({ err }, 'work after an ack failed');
            });
        if (this.acksOwed === 0) {
          void enqueue();
          return;
        }
        // Waits for the acks owed before taking a place among the tasks running, so the wait holds no
        // database connection; `idle()` counts it meanwhile.
        this.deferred += 1;
        void this.acksFirst().then(() => {
          this.deferred -= 1;
          return enqueue();
        });
      },
    };
  }

  /**
   * A request has arrived and is owed its ack; the function returned says it was answered (any number of
   * calls count once).
   */
  ackOwed(): () => void {
    this.acksOwed += 1;
    let answered = false;
    return () => {
      if (answered) return;
      answered = true;
      this.acksOwed -= 1;
      if (this.acksOwed === 0) this.changes.emit('acked');
    };
  }

  /**
   * Waits (briefly) until no request is owed its ack. Slack sends clicks and commands in bursts, and each
   * one's work after the ack (database reads, building a modal, a Web API call) ran between the acks of the
   * requests right behind it on the one event loop: at 50 clicks at once the last ack waited for the work of
   * the 49 before it (a click's p99 3.8x a bare Bolt app's). Work that yields to the acks owed costs each
   * task at most ACKS_FIRST_MAX_MS and moves no deadline: a task past its `startBy` is still dropped.
   */
  private async acksFirst(): Promise<void> {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), ACKS_FIRST_MAX_MS);
    try {
      await once(this.changes, 'acked', { signal: ac.signal });
    } catch {
      // Waited long enough: the work goes on with acks still owed.
    } finally {
      clearTimeout(timer);
    }
  }

  /** True when the bot is saturated: new work is refused with "busy" until it catches up. */
  get saturated(): boolean {
    return (
      this.queue.size >= this.options.maxQueued ||
      this.arrivals.behindMs(this.now()) > this.options.maxLatenessMs
    );
  }

  /**
   * Counts a request answered "busy" (here, or before it reached a listener: shed-commands.ts). Refusals
   * are logged together every few seconds: one log line per refused request would cost a saturated bot the
   * very time it lacks.
   */
  refused(kind: string): void {
    recordShed(kind);
    this.refusals.set(kind, (this.refusals.get(kind) ?? 0) + 1);
    this.refusalLog ??= setTimeout(() => {
      this.refusalLog = undefined;
      const counts = Object.fromEntries(this.refusals);
      this.refusals.clear();
      this.log.warn(
        { refused: counts, ...this.stats },
        'busy: requests answered "busy", nothing done for them',
      );
    }, REFUSAL_LOG_MS);
    this.refusalLog.unref();
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
    while (this.handling > 0 || this.deferred > 0 || this.queue.size > 0 || this.queue.pending > 0) {
      await once(this.changes, 'change');
    }
  }

  get stats() {
    return {
      running: this.queue.pending,
      waiting: this.queue.size,
      handling: this.handling,
      behindMs: Math.round(this.arrivals.behindMs(this.now())),
    };
  }
}
