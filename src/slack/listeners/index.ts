import type { App } from '@slack/bolt';
import type { BotContext } from '../../context.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_HOME_SUBSCRIBE,
  ACTION_OPEN_SETTINGS,
  ACTION_PRACTISE_FOLLOW_UP,
  COMMAND,
  VIEW_DELETE_DATA,
  VIEW_FOLLOW_UP,
  VIEW_SETTINGS,
  VIEW_STAR_ANSWER,
} from '../../views/ids.ts';
import { RATE_ACTION } from '../payloads.ts';
import { answerDrill } from './actions/answer-drill.ts';
import { openSettings } from './actions/open-settings.ts';
import { practiseFollowUp } from './actions/practise-follow-up.ts';
import { rateDrill } from './actions/rate-drill.ts';
import { starCommand } from './commands/star/index.ts';
import { appHomeOpened } from './events/app-home-opened.ts';
import { directMessage } from './events/direct-message.ts';
import { userChange } from './events/user-change.ts';
import { confirmDelete } from './views/confirm-delete.ts';
import { submitFollowUp } from './views/submit-follow-up.ts';
import { submitSettings } from './views/submit-settings.ts';
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
  app.event('app_home_opened', appHomeOpened(ctx));
  app.action(ACTION_OPEN_SETTINGS, openSettings(ctx));
  app.action(ACTION_HOME_SUBSCRIBE, openSettings(ctx));
  app.view(VIEW_SETTINGS, submitSettings(ctx));
  app.view(VIEW_DELETE_DATA, confirmDelete(ctx));
}
