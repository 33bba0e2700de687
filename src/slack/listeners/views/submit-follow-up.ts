import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { analyseFollowUp } from '../../../coach/analyse.ts';
import {
  claimFollowUpReply,
  findFollowUpAnswer,
  recordFollowUpAnalysis,
  saveFollowUpAnswer,
  setFollowUpReply,
} from '../../../db/repositories/follow-ups.ts';
import { advanceMock } from '../../../db/repositories/mock-interviews.ts';
import type { Drill, FollowUpAnswer, MockInterview } from '../../../db/schema/index.ts';
import { showThreadReply } from '../../../delivery/thread-reply.ts';
import { validateFollowUpAnswer } from '../../../drills/star-answer.ts';
import { timeAnalysis } from '../../../metrics/index.ts';
import { followUpFeedbackMessage, parseFollowUpMetadata } from '../../../views/follow-up.ts';
import { ACTION_STAR_INPUT, BLOCK_FOLLOW_UP } from '../../../views/ids.ts';
import type { RequestContext } from '../../context.ts';
import { continueAfterAnswer } from '../../mock-interview.ts';
import { followUpSubmissionSchema } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { drillForUser, NO_SUCH_DRILL } from '../drill-access.ts';
import { followUpQuestion } from '../follow-up-question.ts';
import { LATE_NOTICE, saveSubmission } from './save-submission.ts';

/** Saves a follow-up answer, then replies in the drill's thread with its score (updated in place on an edit). */
export function submitFollowUp(ctx: RequestContext) {
  return async ({ ack, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const deadline = slackDeadlineOf(context);
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
    await saveSubmission<{
      drill: Drill;
      saved: FollowUpAnswer;
      previousScore: number | null;
      mock: MockInterview | undefined;
    }>(ctx, {
      ack,
      deadline,
      userId,
      lateNotice: LATE_NOTICE.followUp,
      log,
      errorBlock: BLOCK_FOLLOW_UP,
      save: async (tx) => {
        const access = target && (await drillForUser({ db: tx }, target.drillId, ctx.person(userId)));
        const topic = access?.ok ? ctx.bank.topic(access.drill.topicSlug) : undefined;
        const question =
          target && access?.ok && topic
            ? await followUpQuestion(tx, access.drill, topic, target.number)
            : undefined;
        if (!target || !access?.ok || !question) {
          log.warn('refused a follow-up submission');
          return { ok: false, error: `${NO_SUCH_DRILL} Nothing was saved.` };
        }
        const before = await findFollowUpAnswer(tx, access.drill, target.number);
        const saved = await saveFollowUpAnswer(tx, access.drill, {
          number: target.number,
          questionText: question,
          text: validated.text,
        });
        // A mock interview's follow-up: the answer moves the mock on, once.
        const mock = await advanceMock(tx, ctx.person(userId), {
          drillId: access.drill.id,
          followUpNumber: target.number,
          at: ctx.clock.now(),
        });
        return {
          ok: true,
          saved: { drill: access.drill, saved, previousScore: before?.score ?? null, mock },
        };
      },
      after: async ({ drill, saved, previousScore, mock }) => {
        try {
          await coachFollowUp(ctx, drill, saved, previousScore);
        } finally {
          if (mock) await continueAfterAnswer(ctx, mock);
        }
      },
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
  const feedback = timeAnalysis('follow_up', () =>
    analyseFollowUp(answer.text, { strategies: ctx.bank.strategies }),
  );
  const analysed = await recordFollowUpAnalysis(ctx.db, drill, answer, feedback);
  if (!analysed || !drill.channelId || !drill.messageTs) return;
  const message = followUpFeedbackMessage({
    number: answer.number,
    question: answer.questionText,
    feedback,
    previousScore,
  });
  try {
    await showThreadReply(
      ctx.slack.interactive,
      { channelId: drill.channelId, messageTs: drill.messageTs },
      message,
      {
        ts: analysed.feedbackTs,
        claim: () => claimFollowUpReply(ctx.db, drill, analysed.id, ctx.clock.now()),
        store: (ts) => setFollowUpReply(ctx.db, drill, analysed.id, ts ?? null),
        release: () => setFollowUpReply(ctx.db, drill, analysed.id, null),
      },
    );
  } catch (err) {
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    log.error({ err }, 'follow-up saved, but Slack refused its reply in the thread');
  }
}
