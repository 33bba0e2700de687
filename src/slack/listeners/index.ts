import type { App } from '@slack/bolt';
import type { BotContext } from '../../context.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_PRACTISE_FOLLOW_UP,
  COMMAND,
  VIEW_FOLLOW_UP,
  VIEW_STAR_ANSWER,
} from '../../views/ids.ts';
import { RATE_ACTION } from '../payloads.ts';
import { answerDrill } from './actions/answer-drill.ts';
import { practiseFollowUp } from './actions/practise-follow-up.ts';
import { rateDrill } from './actions/rate-drill.ts';
import { starCommand } from './commands/star/index.ts';
import { directMessage } from './events/direct-message.ts';
import { userChange } from './events/user-change.ts';
import { submitFollowUp } from './views/submit-follow-up.ts';
import { submitStarAnswer } from './views/submit-star-answer.ts';

export interface ListenerHooks {
  /** Called after a user's stored time zone changed (the scheduler recomputes their next drill). */
  onZoneChanged?: (userId: string) => Promise<void>;
}

/** The whole Slack surface of the bot, in one place. */
export function registerListeners(app: App, ctx: BotContext, hooks: ListenerHooks = {}): void {
  app.command(COMMAND, starCommand(ctx));
  app.action(ACTION_ANSWER_DRILL, answerDrill(ctx));
  app.action(RATE_ACTION, rateDrill(ctx));
  app.action(ACTION_PRACTISE_FOLLOW_UP, practiseFollowUp(ctx));
  app.view(VIEW_STAR_ANSWER, submitStarAnswer(ctx));
  app.view(VIEW_FOLLOW_UP, submitFollowUp(ctx));
  app.event('user_change', userChange(ctx, hooks.onZoneChanged ?? (async () => {})));
  app.event('message', directMessage(ctx));
}
