import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { storiesOf, storyOfDrill } from '../../../db/repositories/stories.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import { storyModal } from '../../../views/stories.ts';
import type { RequestContext } from '../../context.ts';
import { editStoryClickSchema } from '../../story-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { responseUrlOf } from '../busy-reply.ts';
import { parseDrillId } from '../drill-access.ts';
import { openModalForClick } from './open-modal.ts';

export const NO_SUCH_STORY = 'This story is not available to you any more. `/star stories` lists yours.';

/** "Edit story" under an answer: the story modal (rename, or the same story as another). */
export function editStory(ctx: RequestContext) {
  return async (args: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    const { ack, body, context } = args;
    // Taken before the ack: the time left on the click's trigger decides between the modal and a busy note.
    const deadline = slackDeadlineOf(context);
    await ack();
    const click = editStoryClickSchema.parse(body);
    const who = ctx.person(click.user.id);
    const log = ctx.log.child({ user: who.userId });
    await openModalForClick(ctx, {
      triggerId: click.trigger_id,
      deadline,
      userId: click.user.id,
      respond: responseUrlOf(args),
      log,
      title: 'Your story',
      loads: 'the story for the modal',
      build: async (): Promise<ModalView> => {
        const drillId = parseDrillId(click.actions[0]?.value);
        const story = drillId === undefined ? undefined : await storyOfDrill(ctx.db, who, drillId);
        if (!story || drillId === undefined) return noticeModal('Star Drill', NO_SUCH_STORY);
        return storyModal({ drillId, story, others: await storiesOf(ctx.db, who) });
      },
    });
  };
}
