import type { Database } from '../db/client.ts';
import {
  endPause,
  extendPause,
  findPause,
  startPause,
  takePauseCheck,
} from '../db/repositories/delivery-pauses.ts';
import type { Logger } from '../logger.ts';
import { pauseBackoffMs } from '../scheduler/failure-policy.ts';
import { classifySlackError, type SlackFailure } from '../slack-api/errors.ts';

export type TokenStatus = { paused: false } | { paused: true; reason: string; until: Date };

/** How long a replica may take to check the token before another may try. */
const CHECK_HOLD_MS = 30_000;

/**
 * Watches the bot's token. When Slack says the token (or its workspace) is dead, scheduled delivery pauses
 * for everyone under it, shared through the database so every replica stops and exactly one alert is
 * logged; subscriptions are never switched off for it. After a backoff one replica asks Slack (auth.test)
 * whether the token works again, and delivery resumes or the pause grows (1, 2, 4 ... 30 minutes).
 */
export class TokenWatch {
  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    /** Checks the token with Slack; rejects with Slack's error when it is refused. */
    private readonly checkToken: () => Promise<unknown>,
    /** The token's scope: the one bot token in single-workspace mode. */
    readonly scope = 'bot-token',
  ) {}

  /** Classifies a failed Slack call; a token failure starts the pause (and the one alert). */
  async report(err: unknown): Promise<SlackFailure> {
    const failure = classifySlackError(err);
    if (failure.kind === 'token') await this.pause(failure.code);
    return failure;
  }

  async pause(reason: string): Promise<void> {
    if (await startPause(this.db, this.scope, reason, pauseBackoffMs(1))) {
      this.log.error(
        { alert: 'slack_token_refused', reason, scope: this.scope },
        `Slack refused the bot token (${reason}): scheduled drills are paused until it works again. ` +
          'Reinstall the app or update SLACK_BOT_TOKEN; subscriptions are kept.',
      );
    }
  }

  /**
   * For the scheduler, when its survey found a pause (db/repositories/tick.ts): false while it runs. Once it
   * has run out, the replica that takes the check asks Slack, and ends the pause or extends it; the others
   * keep waiting meanwhile.
   */
  async mayDeliver(pause: { over: boolean }): Promise<boolean> {
    if (!pause.over) return false;
    const check = await takePauseCheck(this.db, this.scope, CHECK_HOLD_MS);
    if (!check) return false;
    try {
      await this.checkToken();
    } catch (err) {
      const failure = classifySlackError(err);
      // Anything but a verdict on the token (Slack down, a timeout) says nothing new: same wait again.
      const refused = failure.kind === 'token';
      const failures = refused ? check.failures + 1 : check.failures;
      const reason = refused ? failure.code : check.reason;
      await extendPause(this.db, this.scope, { reason, failures, ms: pauseBackoffMs(failures) });
      this.log.warn(
        { reason, failures, scope: this.scope },
        'the bot token still does not work; drills stay paused',
      );
      return false;
    }
    if (await endPause(this.db, this.scope)) {
      this.log.info(
        { scope: this.scope, was: check.reason },
        'the bot token works again: scheduled drills resume',
      );
    }
    return true;
  }

  async status(): Promise<TokenStatus> {
    const pause = await findPause(this.db, this.scope);
    return pause ? { paused: true, reason: pause.reason, until: pause.pausedUntil } : { paused: false };
  }
}
