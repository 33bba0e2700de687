import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { saveAnswer } from '../../../db/repositories/answers.ts';
import { cancelReminder } from '../../../db/repositories/drill-reminders.ts';
import { advanceMock } from '../../../db/repositories/mock-interviews.ts';
import { withdrawRequestsOfDrill } from '../../../db/repositories/peer-reviews.ts';
import { moveDrillToStory } from '../../../db/repositories/stories.ts';
import type { Answer, Drill, MockInterview, PeerReview } from '../../../db/schema/index.ts';
import { STAR_PARTS, type StarPart, validateStarAnswer } from '../../../drills/star-answer.ts';
import { ACTION_STAR_INPUT } from '../../../views/ids.ts';
import { starPartOfBlock } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { coachAnswer } from '../../feedback-thread.ts';
import { continueAfterAnswer } from '../../mock-interview.ts';
import { type StarSubmissionPayload, starSubmissionSchema } from '../../parse-payloads.ts';
import { tellWithdrawn } from '../../peer-review.ts';
import { recordStory } from '../../story-bank.ts';
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
    const blockOf = blockIdsOf(submission);
    const validated = validateStarAnswer(readParts(submission, blockOf));
    if (!validated.ok) {
      const errors = Object.fromEntries(
        Object.entries(validated.errors).map(([part, error]) => [
          blockOf.get(part as StarPart) ?? part,
          error,
        ]),
      );
      await ack({ response_action: 'errors', errors });
      return;
    }
    const userId = submission.user.id;
    // `<drill id>`, or `<drill id>:<story id>` when the text was started from a saved story (star-modal.ts).
    const [drillRaw = '', storyRaw] = submission.view.private_metadata.split(':');
    const log = ctx.log.child({ user: userId, drill: drillRaw });
    await saveSubmission<{
      drill: Drill;
      answer: Answer;
      mock: MockInterview | undefined;
      withdrawn: PeerReview[];
    }>(ctx, {
      ack,
      deadline,
      userId,
      lateNotice: LATE_NOTICE.answer,
      log,
      // Errors must name a block of the modal; the first input is the one the user sees first.
      errorBlock: blockOf.get(STAR_PARTS[0]) ?? STAR_PARTS[0],
      save: async (tx) => {
        const access = await drillForUser({ db: tx }, drillRaw, ctx.person(userId));
        if (!access.ok) {
          log.warn('refused a STAR submission: not among the user’s own drills');
          return { ok: false, error: `${NO_SUCH_DRILL} Nothing was saved.` };
        }
        const now = ctx.clock.now();
        const before = access.answer;
        const { answer } = await saveAnswer(tx, access.drill, validated.answer, now);
        await cancelReminder(tx, access.drill);
        // A mock interview's question: the answer moves the mock on, once (a retried save finds it moved).
        const mock = await advanceMock(tx, ctx.person(userId), { drillId: access.drill.id, at: now });
        // An edit that changes the text withdraws every copy shared with a colleague (Ask a colleague).
        const changed = before && STAR_PARTS.some((part) => before[part] !== validated.answer[part]);
        const withdrawn = changed
          ? await withdrawRequestsOfDrill(tx, ctx.person(userId), access.drill.id, now)
          : [];
        // A story picked in the modal: this answer tells it (a story deleted meanwhile is skipped, and the
        // answer gets a story of its own after the save).
        const storyId = storyRaw && /^\d{1,9}$/.test(storyRaw) ? Number(storyRaw) : undefined;
        if (storyId !== undefined) await moveDrillToStory(tx, ctx.person(userId), access.drill.id, storyId);
        return { ok: true, saved: { drill: access.drill, answer, mock, withdrawn } };
      },
      after: async ({ drill, answer, mock, withdrawn }) => {
        await tellWithdrawn(ctx, withdrawn);
        // The story first: the feedback message names it.
        await recordStory(ctx, drill, answer);
        try {
          await coachAnswer(ctx, drill, answer);
        } finally {
          // Then the mock's next step, which shows this answer's speaking time from its analysis.
          if (mock) await continueAfterAnswer(ctx, mock);
        }
      },
    });
  };
}

/** The block id each STAR part has in this modal (plain, or suffixed when filled from a story). */
function blockIdsOf(submission: StarSubmissionPayload): Map<StarPart, string> {
  const out = new Map<StarPart, string>();
  for (const blockId of Object.keys(submission.view.state.values)) {
    const part = starPartOfBlock(blockId);
    if (part) out.set(part, blockId);
  }
  return out;
}

function readParts(
  submission: StarSubmissionPayload,
  blockOf: ReadonlyMap<StarPart, string>,
): Partial<Record<StarPart, unknown>> {
  const values = submission.view.state.values;
  return Object.fromEntries(
    STAR_PARTS.map((part) => [part, values[blockOf.get(part) ?? part]?.[ACTION_STAR_INPUT]?.value ?? '']),
  );
}
