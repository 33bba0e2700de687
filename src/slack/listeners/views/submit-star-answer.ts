import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../../context.ts';
import { saveAnswer } from '../../../db/repositories/answers.ts';
import { claimFeedback, releaseFeedback } from '../../../db/repositories/drills.ts';
import type { Answer, Drill } from '../../../db/schema/index.ts';
import { STAR_PARTS, type StarPart, validateStarAnswer } from '../../../drills/star-answer.ts';
import { ACTION_STAR_INPUT } from '../../ids.ts';
import { type StarSubmissionPayload, starSubmissionSchema } from '../../payloads.ts';
import { drillMessage } from '../../views/drill-message.ts';
import { feedbackMessage } from '../../views/feedback.ts';
import { ACCESS_MESSAGES, drillForUser } from '../drill-access.ts';

/** Slack waits 3 s for the answer to a submission; keep a margin for the network. */
const SAVE_BUDGET_MS = 2_200;

const UNAVAILABLE_FIELD =
  'Star Drill could not save right now (its database is unreachable). Your text is still here: press Save again in a minute.';

type Outcome = { ok: true; drill: Drill; answer: Answer } | { ok: false; error: string };

/** Saves a STAR answer: field errors keep the modal open with the user's text; success closes it. */
export function submitStarAnswer(ctx: BotContext) {
  return async ({ ack, body }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const submission = starSubmissionSchema.parse(body);
    const validated = validateStarAnswer(readParts(submission));
    if (!validated.ok) {
      await ack({ response_action: 'errors', errors: validated.errors });
      return;
    }
    const userId = submission.user.id;
    const outcome = await withinBudget(save(ctx, submission.view.private_metadata, userId, validated.answer));
    if (!outcome.ok) {
      // Errors must name a block of the modal; the first input is the one the user sees first.
      await ack({ response_action: 'errors', errors: { [STAR_PARTS[0]]: outcome.error } });
      return;
    }
    await ack();
    await afterSave(ctx, outcome.drill, outcome.answer);
  };
}

function readParts(submission: StarSubmissionPayload): Partial<Record<StarPart, unknown>> {
  const values = submission.view.state.values;
  return Object.fromEntries(STAR_PARTS.map((part) => [part, values[part]?.[ACTION_STAR_INPUT]?.value ?? '']));
}

async function save(
  ctx: BotContext,
  rawId: string,
  userId: string,
  answer: Parameters<typeof saveAnswer>[2],
): Promise<Outcome> {
  try {
    const access = await drillForUser(ctx, rawId, userId);
    if (!access.ok) {
      ctx.log.warn({ user: userId, drill: rawId, reason: access.reason }, 'refused a STAR submission');
      return { ok: false, error: `${ACCESS_MESSAGES[access.reason]} Nothing was saved.` };
    }
    const saved = await saveAnswer(ctx.db, access.drill.id, answer);
    return { ok: true, drill: access.drill, answer: saved.answer };
  } catch (err) {
    ctx.log.error({ err, user: userId, drill: rawId }, 'could not save a STAR answer');
    return { ok: false, error: UNAVAILABLE_FIELD };
  }
}

async function withinBudget(work: Promise<Outcome>): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: UNAVAILABLE_FIELD }), SAVE_BUDGET_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * After the modal closed: the first save of a drill posts the sample answer in its thread (exactly once,
 * whoever claims it first), and every save marks the drill message as answered.
 */
async function afterSave(ctx: BotContext, drill: Drill, answer: Answer): Promise<void> {
  const log = ctx.log.child({ drill: drill.id, user: drill.userId });
  if (!drill.channelId || !drill.messageTs) {
    log.error('answer saved but the drill message is unknown; no thread reply');
    return;
  }
  const topic = ctx.bank.topic(drill.topicSlug);
  try {
    if (topic && (await claimFeedback(ctx.db, drill.id))) {
      try {
        await ctx.slack.chat.postMessage({
          channel: drill.channelId,
          thread_ts: drill.messageTs,
          ...feedbackMessage(topic, answer),
        });
      } catch (err) {
        // The answer is stored; let the next save try the thread reply again.
        log.error({ err }, 'answer saved, but Slack refused the thread reply');
        await releaseFeedback(ctx.db, drill.id);
      }
    }
    await ctx.slack.chat.update({
      channel: drill.channelId,
      ts: drill.messageTs,
      ...drillMessage({
        drillId: drill.id,
        topic: topic ?? { title: drill.topicSlug, keyConcepts: '' },
        questionText: drill.questionText,
        scheduled: drill.source === 'scheduled',
        answeredAt: answer.createdAt,
      }),
    });
  } catch (err) {
    log.error({ err }, 'answer saved, but updating the drill message failed');
  }
}
