import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../../context.ts';
import { saveAnswer } from '../../../db/repositories/answers.ts';
import { claimFeedback, releaseFeedback } from '../../../db/repositories/drills.ts';
import type { Answer, Drill } from '../../../db/schema/index.ts';
import {
  STAR_PARTS,
  type StarAnswer,
  type StarPart,
  validateStarAnswer,
} from '../../../drills/star-answer.ts';
import { honourRetryAfter } from '../../../slack-api/retry-after.ts';
import { withTimeout } from '../../../timeout.ts';
import { drillMessage } from '../../../views/drill-message.ts';
import { feedbackMessage } from '../../../views/feedback.ts';
import { ACTION_STAR_INPUT } from '../../../views/ids.ts';
import { type StarSubmissionPayload, starSubmissionSchema } from '../../payloads.ts';
import { drillForUser, NO_SUCH_DRILL } from '../drill-access.ts';

/** Slack waits 3 s for the answer to a submission; keep a margin for the network. */
const SAVE_BUDGET_MS = 2_200;
/** A submission whose turn has not come by then is answered "busy" while Slack still waits. */
const SUBMIT_MAX_WAIT_MS = 1_000;
/** The thread reply may wait this long for Slack's Retry-After: nobody waits on it, and it is worth having. */
const THREAD_REPLY_MAX_WAIT_MS = 60_000;

/** Each failure says what happened to the answer, and it is true; the user's text stays in the modal. */
const NOT_SAVED = {
  busy: 'Star Drill is busy right now, so your answer was not saved. Your text is still here: press Save again in a minute.',
  unavailable:
    'Star Drill could not save right now (its database is unreachable), so your answer was not saved. Your text is still here: press Save again in a minute.',
  unconfirmed:
    'Star Drill could not confirm your answer was saved (its database is slow). Your text is still here: press Save again; saving twice is safe.',
} as const;

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
    const log = ctx.log.child({ user: userId, drill: submission.view.private_metadata });
    const admission = ctx.work.admit();
    // Errors must name a block of the modal; the first input is the one the user sees first.
    const refuse = (error: string) => ack({ response_action: 'errors', errors: { [STAR_PARTS[0]]: error } });
    if (!admission) {
      log.warn('busy: refused a submission');
      await refuse(NOT_SAVED.busy);
      return;
    }
    let acked: () => void = () => {};
    const ackSent = new Promise<void>((resolve) => {
      acked = resolve;
    });
    const outcome = await new Promise<Outcome>((resolve) => {
      admission.run(
        async () => {
          const result = await saveInTime(
            ctx,
            submission.view.private_metadata,
            userId,
            validated.answer,
            log,
          );
          resolve(result);
          if (!result.ok) return;
          await ackSent;
          await afterSave(ctx, result.drill, result.answer);
        },
        { maxWaitMs: SUBMIT_MAX_WAIT_MS, tooLate: async () => resolve({ ok: false, error: NOT_SAVED.busy }) },
      );
    });
    if (outcome.ok) await ack();
    else await refuse(outcome.error);
    acked();
  };
}

function readParts(submission: StarSubmissionPayload): Partial<Record<StarPart, unknown>> {
  const values = submission.view.state.values;
  return Object.fromEntries(STAR_PARTS.map((part) => [part, values[part]?.[ACTION_STAR_INPUT]?.value ?? '']));
}

class TooLate extends Error {}

/**
 * Checks the drill is the user's and stores the answer, in one transaction that must commit within the
 * budget: when the budget runs out first, the transaction is rolled back instead of committed, so "not
 * saved" stays true. (Only a COMMIT already on its way at that instant can land; that reply says so.)
 */
async function saveInTime(
  ctx: BotContext,
  rawId: string,
  userId: string,
  answer: StarAnswer,
  log: BotContext['log'],
): Promise<Outcome> {
  let late = false;
  const work = ctx.db
    .transaction(async (tx): Promise<Outcome> => {
      const access = await drillForUser({ db: tx }, rawId, userId);
      if (!access.ok) {
        log.warn({ reason: access.reason }, 'refused a STAR submission');
        return { ok: false, error: `${NO_SUCH_DRILL} Nothing was saved.` };
      }
      const saved = await saveAnswer(tx, access.drill.id, answer);
      if (late) throw new TooLate();
      return { ok: true, drill: access.drill, answer: saved.answer };
    })
    .catch((err: unknown): Outcome => {
      if (!(err instanceof TooLate)) log.error({ err }, 'could not save a STAR answer');
      return { ok: false, error: NOT_SAVED.unavailable };
    });
  return withTimeout(work, SAVE_BUDGET_MS, () => {
    late = true;
    log.warn('a STAR answer was not saved within the budget');
    return { ok: false, error: NOT_SAVED.unconfirmed };
  });
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
  const slack = ctx.slack.interactive;
  const topic = ctx.bank.topic(drill.topicSlug);
  try {
    if (topic && (await claimFeedback(ctx.db, drill.id))) {
      try {
        const reply = {
          channel: drill.channelId,
          thread_ts: drill.messageTs,
          ...feedbackMessage(topic, answer),
        };
        await honourRetryAfter(() => slack.chat.postMessage(reply), THREAD_REPLY_MAX_WAIT_MS);
      } catch (err) {
        // The answer is stored; let the next save try the thread reply again.
        await ctx.tokens.report(err);
        log.error({ err }, 'answer saved, but Slack refused the thread reply');
        await releaseFeedback(ctx.db, drill.id);
      }
    }
    await slack.chat.update({
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
    await ctx.tokens.report(err).catch(() => undefined);
    log.error({ err }, 'answer saved, but updating the drill message failed');
  }
}
