import type { App, Context } from '@slack/bolt';
import type { Person } from '../../drills/person.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_ASK_COLLEAGUE,
  ACTION_EDIT_STORY,
  ACTION_HOME_SUBSCRIBE,
  ACTION_MOCK_CONTINUE,
  ACTION_MOCK_END,
  ACTION_OPEN_BREAKDOWN,
  ACTION_OPEN_GUIDE_UPLOAD,
  ACTION_OPEN_ROLE,
  ACTION_OPEN_SETTINGS,
  ACTION_PEER_DECLINE,
  ACTION_PEER_REVIEW,
  ACTION_PRACTISE_FOLLOW_UP,
  ACTION_SKIP_TODAY,
  ACTION_USE_STORY,
  COMMAND,
  VIEW_ASK_COLLEAGUE,
  VIEW_DELETE_DATA,
  VIEW_FOLLOW_UP,
  VIEW_GUIDE_PREVIEW,
  VIEW_GUIDE_UPLOAD,
  VIEW_PEER_REVIEW,
  VIEW_ROLE,
  VIEW_SETTINGS,
  VIEW_STAR_ANSWER,
  VIEW_STORY,
} from '../../views/ids.ts';
import { type BotContext, type RequestContext, requestContext } from '../context.ts';
import { RATE_ACTION } from '../parse-payloads.ts';
import { answerDrill } from './actions/answer-drill.ts';
import { askColleague } from './actions/ask-colleague.ts';
import { editStory } from './actions/edit-story.ts';
import { mockOfferClick } from './actions/mock-offer.ts';
import { openBreakdown } from './actions/open-breakdown.ts';
import { openGuideUpload } from './actions/open-guide-upload.ts';
import { openRole } from './actions/open-role.ts';
import { openSettings } from './actions/open-settings.ts';
import { peerRequestClick } from './actions/peer-request.ts';
import { practiseFollowUp } from './actions/practise-follow-up.ts';
import { rateDrill } from './actions/rate-drill.ts';
import { skipToday } from './actions/skip-today.ts';
import { useStory } from './actions/use-story.ts';
import { starCommand } from './commands/star/index.ts';
import { appHomeOpened } from './events/app-home-opened.ts';
import { appUninstalled, tokensRevoked, type UninstallHooks } from './events/app-uninstalled.ts';
import { directMessage } from './events/direct-message.ts';
import { userChange } from './events/user-change.ts';
import { Routes } from './routes.ts';
import { applyGuideSubmission } from './views/apply-guide.ts';
import { confirmDelete } from './views/confirm-delete.ts';
import { submitAsk } from './views/submit-ask.ts';
import { submitFollowUp } from './views/submit-follow-up.ts';
import { submitGuide } from './views/submit-guide.ts';
import { submitReview } from './views/submit-review.ts';
import { submitRole } from './views/submit-role.ts';
import { submitSettings } from './views/submit-settings.ts';
import { submitStarAnswer } from './views/submit-star-answer.ts';
import { submitStory } from './views/submit-story.ts';

export interface ListenerHooks extends UninstallHooks {
  /** Called after a user's stored time zone changed (the scheduler recomputes their next drill). */
  onZoneChanged?: (who: Person) => Promise<void>;
}

/** The whole Slack surface of the bot, in one place. */
export function registerListeners(app: App, ctx: BotContext, hooks: ListenerHooks = {}): void {
  // Each request acts in its own workspace, with that workspace's token (slack/context.ts).
  const inWorkspace =
    <A extends { context: Context }>(listener: (ctx: RequestContext) => (args: A) => Promise<void>) =>
    async (args: A) =>
      listener(await requestContext(ctx, args.context))(args);
  const routes = new Routes();
  app.command(COMMAND, inWorkspace(starCommand));
  routes.action(ACTION_ANSWER_DRILL, inWorkspace(answerDrill));
  routes.action(RATE_ACTION, inWorkspace(rateDrill));
  routes.action(ACTION_PRACTISE_FOLLOW_UP, inWorkspace(practiseFollowUp));
  routes.action(ACTION_SKIP_TODAY, inWorkspace(skipToday));
  routes.action(ACTION_OPEN_BREAKDOWN, inWorkspace(openBreakdown));
  routes.view(VIEW_STAR_ANSWER, inWorkspace(submitStarAnswer));
  routes.view(VIEW_FOLLOW_UP, inWorkspace(submitFollowUp));
  const onZoneChanged = hooks.onZoneChanged ?? (async () => {});
  routes.event(
    'user_change',
    inWorkspace((c) => userChange(c, onZoneChanged)),
  );
  routes.event('message', inWorkspace(directMessage));
  routes.event('app_home_opened', inWorkspace(appHomeOpened));
  routes.action(ACTION_OPEN_SETTINGS, inWorkspace(openSettings));
  routes.action(ACTION_HOME_SUBSCRIBE, inWorkspace(openSettings));
  routes.view(VIEW_SETTINGS, inWorkspace(submitSettings));
  routes.view(VIEW_DELETE_DATA, inWorkspace(confirmDelete));
  routes.action(ACTION_EDIT_STORY, inWorkspace(editStory));
  routes.action(ACTION_USE_STORY, inWorkspace(useStory));
  routes.view(VIEW_STORY, inWorkspace(submitStory));
  routes.action(ACTION_OPEN_ROLE, inWorkspace(openRole));
  routes.view(VIEW_ROLE, inWorkspace(submitRole));
  routes.action(ACTION_MOCK_CONTINUE, inWorkspace(mockOfferClick));
  routes.action(ACTION_MOCK_END, inWorkspace(mockOfferClick));
  // Ask a colleague (peer review): the ask modal, the colleague's Review / Decline, the review modal.
  routes.action(ACTION_ASK_COLLEAGUE, inWorkspace(askColleague));
  routes.view(VIEW_ASK_COLLEAGUE, inWorkspace(submitAsk));
  routes.action(ACTION_PEER_REVIEW, inWorkspace(peerRequestClick));
  routes.action(ACTION_PEER_DECLINE, inWorkspace(peerRequestClick));
  routes.view(VIEW_PEER_REVIEW, inWorkspace(submitReview));
  routes.action(ACTION_OPEN_GUIDE_UPLOAD, inWorkspace(openGuideUpload));
  routes.view(VIEW_GUIDE_UPLOAD, inWorkspace(submitGuide));
  routes.view(VIEW_GUIDE_PREVIEW, inWorkspace(applyGuideSubmission));
  // The workspace's token is already dead when these come: Bolt runs them without one (no request context).
  routes.event('app_uninstalled', appUninstalled(ctx, hooks));
  routes.event('tokens_revoked', tokensRevoked(ctx, hooks));
  routes.registerWith(app);
}
