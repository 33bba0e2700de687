import type { App } from '@slack/bolt';
import type { BotContext } from '../../context.ts';
import { ACTION_ANSWER_DRILL, COMMAND, VIEW_STAR_ANSWER } from '../../views/ids.ts';
import { answerDrill } from './actions/answer-drill.ts';
import { starCommand } from './commands/star/index.ts';
import { userChange } from './events/user-change.ts';
import { submitStarAnswer } from './views/submit-star-answer.ts';

export interface ListenerHooks {
  /** Called after a user's stored time zone changed (the scheduler recomputes their next drill). */
  onZoneChanged?: (userId: string) => Promise<void>;
}

/** The whole Slack surface of the bot, in one place. */
export function registerListeners(app: App, ctx: BotContext, hooks: ListenerHooks = {}): void {
  app.command(COMMAND, starCommand(ctx));
  app.action(ACTION_ANSWER_DRILL, answerDrill(ctx));
  app.view(VIEW_STAR_ANSWER, submitStarAnswer(ctx));
  app.event('user_change', userChange(ctx, hooks.onZoneChanged ?? (async () => {})));
}
