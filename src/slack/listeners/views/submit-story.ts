import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { findStory, moveDrillToStory, renameStory, storyOfDrill } from '../../../db/repositories/stories.ts';
import { checkStoryTitle } from '../../../drills/story-limits.ts';
import {
  ACTION_STORY_SAME,
  ACTION_STORY_TITLE,
  BLOCK_STORY_SAME,
  BLOCK_STORY_TITLE,
} from '../../../views/ids.ts';
import { escapeMrkdwn } from '../../../views/mrkdwn.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { publishFeedback } from '../../feedback-thread.ts';
import { sameStoryChoice, storySubmissionSchema } from '../../story-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { NO_SUCH_STORY } from '../actions/edit-story.ts';
import { parseDrillId } from '../drill-access.ts';
import { LATE_NOTICE, saveSubmission } from './save-submission.ts';

type Saved = { said: string };

/**
 * The story modal saved: "same story as" one of the others joins this answer to it (and a story left with
 * no answer goes); otherwise the title is the new name. A blank or too-long title is a field error and the
 * modal keeps the text; nothing changes. The modal then says what was done.
 */
export function submitStory(ctx: RequestContext) {
  return async ({ ack, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const deadline = slackDeadlineOf(context);
    const submission = storySubmissionSchema.parse(body);
    const who = ctx.person(submission.user.id);
    const log = ctx.log.child({ user: who.userId });
    const drillId = parseDrillId(submission.view.private_metadata);
    const sameRaw = sameStoryChoice(body, BLOCK_STORY_SAME, ACTION_STORY_SAME);
    const sameId = sameRaw && /^\d{1,9}$/.test(sameRaw) ? Number(sameRaw) : undefined;
    const title = checkStoryTitle(
      submission.view.state.values[BLOCK_STORY_TITLE]?.[ACTION_STORY_TITLE]?.value,
    );
    if (sameId === undefined && !title.ok) {
      await ack({ response_action: 'errors', errors: { [BLOCK_STORY_TITLE]: title.error } });
      return;
    }
    let said = '';
    await saveSubmission<Saved>(ctx, {
      ack: (response?: Parameters<typeof ack>[0]) =>
        ack(response ?? { response_action: 'update', view: noticeModal('Your story', said) }),
      log,
      deadline,
      userId: who.userId,
      errorBlock: BLOCK_STORY_TITLE,
      lateNotice: LATE_NOTICE.story,
      save: async (tx) => {
        const current = drillId === undefined ? undefined : await storyOfDrill(tx, who, drillId);
        if (!current || drillId === undefined)
          return { ok: false, error: `${NO_SUCH_STORY} Nothing was changed.` };
        if (sameId !== undefined && sameId !== current.id) {
          const target = await findStory(tx, who, sameId);
          if (!target || !(await moveDrillToStory(tx, who, drillId, sameId))) {
            return { ok: false, error: `${NO_SUCH_STORY} Nothing was changed.` };
          }
          said = `:link: Saved: this answer now tells *${escapeMrkdwn(target.title)}*.`;
          return { ok: true, saved: { said } };
        }
        if (!title.ok) return { ok: false, error: title.error };
        await renameStory(tx, who, current.id, title.title);
        said = `:pencil2: Saved: the story is now called *${escapeMrkdwn(title.title)}*.`;
        return { ok: true, saved: { said } };
      },
      // The feedback message names the story: shown again with its new name (and Home with it).
      after: () =>
        drillId === undefined ? Promise.resolve() : publishFeedback(ctx, who, drillId, { answered: false }),
    });
  };
}
