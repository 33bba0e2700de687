import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findAnswer } from '../../../db/repositories/answers.ts';
import { lockDrill, recordRating } from '../../../db/repositories/drills.ts';
import { lockCard, saveCard } from '../../../db/repositories/review-cards.ts';
import {
  changeRating,
  type RatedCard,
  rate,
  SELF_RATINGS,
  type SelfRating,
} from '../../../drills/review-cards.ts';
import { ephemeral, plainReply, UNAVAILABLE } from '../../../views/command-replies.ts';
import type { RequestContext } from '../../context.ts';
import { publishFeedback } from '../../feedback-thread.ts';
import { rateClickSchema } from '../../parse-payloads.ts';
import { BUSY_CLICK, CLICK_MAX_WAIT_MS } from '../busy-reply.ts';
import { NO_SUCH_DRILL, parseDrillId } from '../drill-access.ts';

type Rated = 'rated' | 'unchanged' | 'superseded' | 'no_such_drill';

/**
 * Again / Hard / Good / Easy under the feedback: the rating schedules the question with FSRS
 * (drills/review-cards.ts) and can be changed by clicking another; the feedback message then shows the choice.
 */
export function rateDrill(ctx: RequestContext) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const click = rateClickSchema.parse(body);
    const [rawId, rawRating] = (click.actions[0]?.value ?? '').split(':');
    const drillId = parseDrillId(rawId);
    const rating = SELF_RATINGS.find((r) => r === rawRating);
    const log = ctx.log.child({ user: click.user.id, drill: rawId, rating: rawRating });
    const tell = (text: string) =>
      respond(ephemeral(plainReply(text))).then(
        () => undefined,
        (err: unknown) => log.warn({ err }, 'could not answer through response_url'),
      );
    const busy = () => tell(BUSY_CLICK);
    const admission = ctx.work.admit('rating');
    if (!admission) {
      await busy();
      return;
    }
    admission.run(
      async () => {
        let outcome: Rated;
        try {
          outcome =
            drillId === undefined || rating === undefined
              ? 'no_such_drill'
              : await storeRating(ctx, drillId, click.user.id, rating);
        } catch (err) {
          log.error({ err }, 'could not store a rating');
          await tell(UNAVAILABLE);
          return;
        }
        if (outcome === 'no_such_drill') await tell(NO_SUCH_DRILL);
        else if (outcome === 'superseded') {
          await tell(
            'You have rated this question again in a later drill since, so this rating can no longer change. Change the later one.',
          );
        } else if (outcome === 'rated' && drillId !== undefined) {
          log.info('drill rated');
          await publishFeedback(ctx, ctx.person(click.user.id), drillId, { answered: false });
        }
      },
      {
        maxWaitMs: CLICK_MAX_WAIT_MS,
        tooLate: busy,
      },
    );
  };
}

/** One transaction, the drill and the card locked: two clicks in a row apply in order. */
async function storeRating(
  ctx: RequestContext,
  drillId: number,
  userId: string,
  rating: SelfRating,
): Promise<Rated> {
  return ctx.db.transaction(async (tx) => {
    const who = ctx.person(userId);
    const drill = await lockDrill(tx, who, drillId);
    if (!drill || !(await findAnswer(tx, drill))) return 'no_such_drill';
    if (drill.rating === rating) return 'unchanged';
    const current = await lockCard(tx, who, drill.questionId);
    let rated: RatedCard;
    if (drill.ratedCard) {
      const change = changeRating(drill.ratedCard, rating, current?.card ?? drill.ratedCard.card);
      if (!change.ok) return 'superseded';
      rated = change.rated;
    } else {
      rated = rate(current?.card, rating, ctx.clock.now());
    }
    await saveCard(tx, who, drill.questionId, rated);
    await recordRating(tx, drill, rated);
    return 'rated';
  });
}
