import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { saveAnswer } from '../../../db/repositories/answers.ts';
import { cancelReminder } from '../../../db/repositories/drill-reminders.ts';
import type { Answer, Drill } from '../../../db/schema/index.ts';
import { STAR_PARTS, type StarPart, validateStarAnswer } from '../../../drills/star-answer.ts';
import { ACTION_STAR_INPUT } from '../../../views/ids.ts';
import type { RequestContext } from '../../context.ts';
import { coachAnswer } from '../../feedback-thread.ts';
import { type StarSubmissionPayload, starSubmissionSchema } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { drillForUser, NO_SUCH_DRILL } from '../drill-access.ts';
import { LATE_NOTICE, saveSubmission } from './save-submission.ts';

/**
 * Saves a STAR answer: field errors keep the modal open with the user's text; success closes it, and the
 * feedback follows in the drill's thread.
 */
export function submitStarAnswer(ctx: RequestContext) {
  return async ({ ack, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const deadline = slackDeadlineOf(context);
    const submission = starSubmissionSchema.parse(body);
    const validated = validateStarAnswer(readParts(submission));
    if (!validated.ok) {
      await ack({ response_action: 'errors', errors: validated.errors });
      return;
    }
    const userId = submission.user.id;
    const log = ctx.log.child({ user: userId, drill: submission.view.private_metadata });
    await saveSubmission<{ drill: Drill; answer: Answer }>(ctx, {
      ack,
      deadline,
      userId,
      lateNotice: LATE_NOTICE.answer,
      log,
      // Errors must name a block of the modal; the first input is the one the user sees first.
      errorBlock: STAR_PARTS[0],
      save: async (tx) => {
        const access = await drillForUser({ db: tx }, submission.view.private_metadata, ctx.person(userId));
        if (!access.ok) {
          log.warn('refused a STAR submission: not among the user’s own drills');
          return { ok: false, error: `${NO_SUCH_DRILL} Nothing was saved.` };
        }
        const { answer } = await saveAnswer(tx, access.drill, validated.answer, ctx.clock.now());
        await cancelReminder(tx, access.drill);
        return { ok: true, saved: { drill: access.drill, answer } };
      },
      after: ({ drill, answer }) => coachAnswer(ctx, drill, answer),
    });
  };
}

function readParts(submission: StarSubmissionPayload): Partial<Record<StarPart, unknown>> {
  const values = submission.view.state.values;
  return Object.fromEntries(STAR_PARTS.map((part) => [part, values[part]?.[ACTION_STAR_INPUT]?.value ?? '']));
}
