import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { analyseFollowUp } from '../../../coach/analyse.ts';
import type { RequestContext } from '../../../context.ts';
import {
  claimFollowUpReply,
  findFollowUpAnswer,
  recordFollowUpAnalysis,
  saveFollowUpAnswer,
  setFollowUpReply,
} from '../../../db/repositories/follow-ups.ts';
import type { Drill, FollowUpAnswer } from '../../../db/schema/index.ts';
import { validateFollowUpAnswer } from '../../../drills/star-answer.ts';
import { honourRetryAfter } from '../../../slack-api/retry-after.ts';
import { followUpFeedbackMessage, parseFollowUpMetadata } from '../../../views/follow-up.ts';
import { ACTION_STAR_INPUT, BLOCK_FOLLOW_UP } from '../../../views/ids.ts';
import { followUpSubmissionSchema } from '../../payloads.ts';
import { drillForUser, NO_SUCH_DRILL } from '../drill-access.ts';
import { saveSubmission } from './save-submission.ts';

/** Saves a follow-up answer, then replies in the drill's thread with its score (updated in place on an edit). */
export function submitFollowUp(ctx: RequestContext) {
  return async ({ ack, body }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const submission = followUpSubmissionSchema.parse(body);
    const validated = validateFollowUpAnswer(
      submission.view.state.values[BLOCK_FOLLOW_UP]?.[ACTION_STAR_INPUT]?.value,
    );
    if (!validated.ok) {
      await ack({ response_action: 'errors', errors: { [BLOCK_FOLLOW_UP]: validated.error } });
      return;
    }
    const userId = submission.user.id;
    const log = ctx.log.child({ user: userId, followUp: submission.view.private_metadata });
    const target = parseFollowUpMetadata(submission.view.private_metadata);
    await saveSubmission<{ drill: Drill; saved: FollowUpAnswer; previousScore: number | null }>(ctx, {
      ack,
      log,
      errorBlock: BLOCK_FOLLOW_UP,
      save: async (tx) => {
        const access = target && (await drillForUser({ db: tx }, target.drillId, ctx.person(userId)));
        const question =
          target && access?.ok
            ? ctx.bank.topic(access.drill.topicSlug)?.followUps[target.number - 1]
            : undefined;
        if (!target || !access?.ok || !question) {
          log.warn('refused a follow-up submission');
          return { ok: false, error: `${NO_SUCH_DRILL} Nothing was saved.` };
        }
        const before = await findFollowUpAnswer(tx, access.drill.id, target.number);
        const saved = await saveFollowUpAnswer(tx, {
          drillId: access.drill.id,
          number: target.number,
          questionText: question,
          text: validated.text,
        });
        return { ok: true, saved: { drill: access.drill, saved, previousScore: before?.score ?? null } };
      },
      after: ({ drill, saved, previousScore }) => coachFollowUp(ctx, drill, saved, previousScore),
    });
  };
}

/** Reads the follow-up answer, stores its score, and shows it in the drill's thread. */
async function coachFollowUp(
  ctx: RequestContext,
  drill: Drill,
  answer: FollowUpAnswer,
  previousScore: number | null,
): Promise<void> {
  const log = ctx.log.child({ drill: drill.id, user: drill.userId, followUp: answer.number });
  const feedback = analyseFollowUp(answer.text, { strategies: ctx.bank.strategies });
  const analysed = await recordFollowUpAnalysis(ctx.db, answer, feedback);
  if (!analysed || !drill.channelId || !drill.messageTs) return;
  const message = followUpFeedbackMessage({
    number: answer.number,
    question: answer.questionText,
    feedback,
    previousScore,
  });
  const slack = ctx.slack.interactive;
  try {
    if (analysed.feedbackTs) {
      await honourRetryAfter(
        () =>
          slack.chat.update({
            channel: drill.channelId as string,
            ts: analysed.feedbackTs as string,
            ...message,
          }),
        60_000,
      );
    } else if (await claimFollowUpReply(ctx.db, analysed.id, ctx.clock.now())) {
      try {
        const posted = await honourRetryAfter(
          () =>
            slack.chat.postMessage({
              channel: drill.channelId as string,
              thread_ts: drill.messageTs as string,
              ...message,
            }),
          60_000,
        );
        await setFollowUpReply(ctx.db, analysed.id, posted.ts ?? null);
      } catch (err) {
        await setFollowUpReply(ctx.db, analysed.id, null);
        throw err;
      }
    }
  } catch (err) {
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    log.error({ err }, 'follow-up saved, but Slack refused its reply in the thread');
  }
}
