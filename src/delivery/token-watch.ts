import type { Database } from '../db/client.ts';
import type { PauseOver } from '../db/repositories/tick.ts';
import {
  endPause,
  extendPause,
  findPause,
  startPause,
  takePauseCheck,
} from '../db/repositories/token-pauses.ts';
import type { Logger } from '../logger.ts';
import { classifySlackError, type SlackFailure } from '../slack-api/errors.ts';
import { pauseBackoffMs } from './outcomes.ts';

export type TokenStatus = { paused: false } | { paused: true; reason: string; until: Date | null };

/** How long a replica may take to check a token before another may try. */
const CHECK_HOLD_MS = 30_000;

/**
 * Watches each workspace's bot token. When Slack says a token (or its workspace) is dead, scheduled delivery
 * to that workspace pauses, shared through the database so every replica stops and exactly one alert is
 * logged; subscriptions are never switched off for it, and other workspaces go on. After a backoff one replica
 * asks Slack (auth.test) whether the token works again, and delivery resumes or the pause grows (1, 2, 4 ...
 * 30 minutes). A pause's scope is the workspace's team id.
 */
export class TokenWatch {
  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    /** Checks a workspace's token with Slack; rejects with Slack's error when it is refused. */
    private readonly checkToken: (teamId: string) => Promise<unknown>,
    /** What the alert tells an operator to do. */
    private readonly remedy = 'Reinstall the app or update SLACK_BOT_TOKEN',
  ) {}

  /** Classifies a failed Slack call; a token failure starts the workspace's pause (and the one alert). */
  async report(err: unknown, teamId: string): Promise<SlackFailure> {
    const failure = classifySlackError(err);
    if (failure.kind === 'token') await this.pause(teamId, failure.code);
    return failure;
  }

  async pause(teamId: string, reason: string): Promise<void> {
    if (await startPause(this.db, teamId, reason, pauseBackoffMs(1))) {
      this.log.error(
        { alert: 'slack_token_refused', reason, team: teamId },
        `Slack refused the bot token of workspace ${teamId} (${reason}): scheduled drills there are paused ` +
          `until it works again. ${this.remedy}; subscriptions are kept.`,
      );
    }
  }

  /**
   * For the scheduler, when its survey found a pause that has run out (db/repositories/tick.ts): the replica
   * that takes the check asks Slack, and ends the pause or extends it; the others keep waiting meanwhile.
   */
  async check(pause: PauseOver): Promise<boolean> {
    const teamId = pause.scope;
    const check = await takePauseCheck(this.db, teamId, CHECK_HOLD_MS);
    if (!check) return false;
    try {
      await this.checkToken(teamId);
    } catch (err) {
      const failure = classifySlackError(err);
      // Anything but a verdict on the token (Slack down, a timeout) says nothing new: same wait again.
      const refused = failure.kind === 'token';
      const failures = refused ? check.failures + 1 : check.failures;
      const reason = refused ? failure.code : check.reason;
      await extendPause(this.db, teamId, { reason, failures, ms: pauseBackoffMs(failures) });
      this.log.warn(
        { reason, failures, team: teamId },
        'the bot token still does not work; drills there stay paused',
      );
      return false;
    }
    if (await endPause(this.db, teamId)) {
      this.log.info(
        { team: teamId, was: check.reason },
        'the bot token works again: scheduled drills resume',
      );
    }
    return true;
  }

  async status(teamId: string): Promise<TokenStatus> {
    const pause = await findPause(this.db, teamId);
    if (!pause) return { paused: false };
    const until = Number.isFinite(pause.pausedUntil.getTime()) ? pause.pausedUntil : null;
    return { paused: true, reason: pause.reason, until };
  }
}
