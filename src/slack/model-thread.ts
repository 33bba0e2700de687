import { findAnswer } from '../db/repositories/answers.ts';
import { findDrill } from '../db/repositories/drills.ts';
import { addModelFollowUps, isModelOn } from '../db/repositories/workspace-model.ts';
import type { Answer, Drill } from '../db/schema/index.ts';
import type { ModelOutcome } from '../model-coach/counters.ts';
import type { ModelCoach } from '../model-coach/model-coach.ts';
import { honourRetryAfter } from '../slack-api/retry-after.ts';
import { plainReply } from '../views/command-replies.ts';
import type { SlackMessage } from '../views/drill-message.ts';
import { MODEL_UNAVAILABLE, modelCoachingMessage } from '../views/model-coaching.ts';
import type { RequestContext } from './context.ts';

/** As the rules feedback: nobody waits on this reply, and a Retry-After within a minute is worth waiting. */
const THREAD_REPLY_MAX_WAIT_MS = 60_000;

/**
 * After the rules feedback is in the thread: when the operator configured a model and the workspace turned
 * it on, sends the answer to the model in the background and posts its grounded reply as a second thread
 * reply (or one line saying it is unavailable). Returns at once: nothing of the drill loop, the ack or the
 * rules feedback waits for the model.
 */
export function offerModelCoaching(ctx: RequestContext, drill: Drill, answer: Answer): void {
  const coach = ctx.modelCoach;
  if (!coach) return;
  coach.track(coachWithModel(ctx, coach, drill, answer));
}

async function coachWithModel(ctx: RequestContext, coach: ModelCoach, drill: Drill, answer: Answer) {
  // Ids and outcomes only: neither the answer nor the model's words are ever logged.
  const log = ctx.log.child({ drill: drill.id, user: drill.userId, modelHost: coach.host });
  const count = (outcome: ModelOutcome) => coach.metrics.outcome(outcome);
  try {
    if (!(await isModelOn(ctx.db, drill.teamId))) return;
    // Only after the rules feedback is posted: the model's reply is always the second one.
    const posted = await findDrill(ctx.db, drill, drill.id);
    const topic = ctx.bank.topic(drill.topicSlug);
    if (!posted?.feedbackTs || !posted.channelId || !posted.messageTs || !topic) return;
    const where = { channel: posted.channelId, threadTs: posted.messageTs };
    const outcome = await coach.coach({
      question: drill.questionText,
      answer: {
        situation: answer.situation,
        task: answer.task,
        action: answer.action,
        result: answer.result,
      },
    });
    if (outcome.kind === 'ungrounded') {
      count('ungrounded');
      log.info(
        { dropped: outcome.dropped },
        'nothing in the model’s reply was grounded in the answer; none posted',
      );
      return;
    }
    if (outcome.kind !== 'grounded') {
      const reason = outcome.kind === 'skipped' ? 'skipped' : outcome.reason;
      count(reason);
      if (reason === 'stopped') return;
      log.warn(
        {
          reason,
          ...(outcome.kind === 'failed' && outcome.statusCode ? { statusCode: outcome.statusCode } : {}),
        },
        'the model gave no extra coaching',
      );
      await postInThread(ctx, where, plainReply(MODEL_UNAVAILABLE));
      return;
    }
    // An edit saved meanwhile has its own model call: this reply is about text that no longer stands.
    const current = await findAnswer(ctx.db, drill);
    if (current?.updatedAt.getTime() !== answer.updatedAt.getTime()) {
      count('skipped');
      return;
    }
    const followUps = await addModelFollowUps(ctx.db, drill, {
      firstNumber: topic.followUps.length + 1,
      questions: outcome.reply.followUps,
    });
    if (followUps.length === 0 && !outcome.reply.rewrite) return;
    await postInThread(
      ctx,
      where,
      modelCoachingMessage({
        drillId: drill.id,
        host: coach.host,
        followUps,
        rewrite: outcome.reply.rewrite,
      }),
    );
    count('posted');
    log.info({ dropped: outcome.dropped, followUps: followUps.length }, 'extra coaching posted');
  } catch (err) {
    count('post_failed');
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    log.error({ err }, 'could not post the extra coaching');
  }
}

async function postInThread(
  ctx: RequestContext,
  where: { channel: string; threadTs: string },
  message: SlackMessage,
): Promise<void> {
  await honourRetryAfter(
    () =>
      ctx.slack.interactive.chat.postMessage({
        channel: where.channel,
        thread_ts: where.threadTs,
        ...message,
      }),
    THREAD_REPLY_MAX_WAIT_MS,
  );
}
