import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findStory, latestTextOfStory, storiesOf } from '../../../db/repositories/stories.ts';
import { starModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { parseIdPair, useStoryPickSchema } from '../../story-payloads.ts';
import { modalFillStartBy, runClickOrTellBusy } from '../busy-reply.ts';
import { drillForUser } from '../drill-access.ts';

/**
 * "Start from a saved story" in the STAR modal: a pick in its select replaces the modal (views.update, with
 * its hash so a newer version is never overwritten) by the same modal filled with the story's latest text,
 * the select still there to switch to another story. Nothing is stored: the person adapts the text and
 * saves, or cancels. A story or drill that is not theirs, or gone, leaves the modal as it is; so does a busy
 * bot, which tells the person so in the DM (busy-reply.ts): a select that changes nothing and says nothing
 * looks broken.
 */
export function useStory(ctx: RequestContext) {
  return async ({ ack, body, context }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const pick = useStoryPickSchema.parse(body);
    const who = ctx.person(pick.user.id);
    const log = ctx.log.child({ user: who.userId });
    const ids = parseIdPair(pick.actions[0]?.selected_option?.value);
    if (!ids) return;
    const [drillId, storyId] = ids;
    await runClickOrTellBusy(
      ctx,
      async () => {
        try {
          const [access, story, text, stories] = await Promise.all([
            drillForUser(ctx, String(drillId), who),
            findStory(ctx.db, who, storyId),
            latestTextOfStory(ctx.db, who, storyId),
            storiesOf(ctx.db, who),
          ]);
          if (!access.ok || !story || !text) {
            log.warn('a saved story could not fill the modal: not found or not the person’s');
            return;
          }
          const view = starModal({
            drillId,
            topicTitle: ctx.bank.topicTitle(access.drill.topicSlug),
            questionText: access.drill.questionText,
            answer: text,
            stories,
            fromStory: { id: story.id, title: story.title },
          });
          await ctx.slack.modal.views.update({
            view_id: pick.view.id,
            ...(pick.view.hash ? { hash: pick.view.hash } : {}),
            view,
          });
        } catch (err) {
          await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
          log.warn({ err }, 'could not fill the modal from a story');
        }
      },
      { kind: 'click', userId: who.userId, log, limit: { startBy: modalFillStartBy(context) } },
    );
  };
}
