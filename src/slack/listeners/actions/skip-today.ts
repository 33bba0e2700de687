import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findAnswer } from '../../../db/repositories/answers.ts';
import { lockDrill } from '../../../db/repositories/drills.ts';
import { daysOffOf, recordDaysOff } from '../../../db/repositories/progress.ts';
import { findUser } from '../../../db/repositories/users.ts';
import { addDays } from '../../../drills/local-date.ts';
import { inRanges } from '../../../drills/pause.ts';
import { isValidZone, localDateOf } from '../../../drills/schedule.ts';
import { ephemeral, plainReply, UNAVAILABLE } from '../../../views/command-replies.ts';
import { skippedTodayMessage } from '../../../views/progress-replies.ts';
import type { RequestContext } from '../../context.ts';
import { publishHome } from '../../home-tab.ts';
import { skipTodayClickSchema } from '../../parse-payloads.ts';
import { BUSY_CLICK, CLICK_MAX_WAIT_MS } from '../busy-reply.ts';
import { NO_SUCH_DRILL, parseDrillId } from '../drill-access.ts';

type Skipped =
  | { kind: 'skipped' | 'already'; localDate: string }
  | { kind: 'no_such_drill' | 'answered' | 'not_scheduled' | 'day_over' };

/**
 * The reminder's **Skip today**: the drill's day becomes a day off (days_off, reason `skip`), so the streak
 * neither counts nor breaks it, and the reminder says so in place of its buttons. Only on the drill's own
 * local date, and only while it is unanswered: a day already over, or answered, is not rewritten.
 */
export function skipToday(ctx: RequestContext) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const click = skipTodayClickSchema.parse(body);
    const log = ctx.log.child({ user: click.user.id, drill: click.actions[0]?.value });
    const tell = (text: string) =>
      respond(ephemeral(plainReply(text))).then(
        () => undefined,
        (err: unknown) => log.warn({ err }, 'could not answer through response_url'),
      );
    const admission = ctx.work.admit('skip today');
    if (!admission) {
      await tell(BUSY_CLICK);
      return;
    }
    admission.run(
      async () => {
        let outcome: Skipped;
        try {
          outcome = await skipDay(ctx, click.actions[0]?.value ?? '', click.user.id);
        } catch (err) {
          log.error({ err }, 'could not skip the day');
          await tell(UNAVAILABLE);
          return;
        }
        if (outcome.kind === 'skipped' || outcome.kind === 'already') {
          const where = click.container;
          if (where?.channel_id && where.message_ts) {
            await ctx.slack.interactive.chat
              .update({
                channel: where.channel_id,
                ts: where.message_ts,
                ...skippedTodayMessage(outcome.localDate),
              })
              .catch((err: unknown) => log.warn({ err }, 'could not update the reminder after a skip'));
          }
          if (outcome.kind === 'skipped') {
            log.info('drill day skipped from its reminder');
            await publishHome(ctx, click.user.id);
          }
          return;
        }
        await tell(
          {
            no_such_drill: NO_SUCH_DRILL,
            answered: 'You answered this drill already, so the day counts for your streak: nothing to skip.',
            not_scheduled: 'Only the day of a scheduled drill can be skipped.',
            day_over: 'That day is over, so it can no longer be skipped; nothing was changed.',
          }[outcome.kind],
        );
      },
      { maxWaitMs: CLICK_MAX_WAIT_MS, tooLate: () => tell(BUSY_CLICK) },
    );
  };
}

/**
 * One transaction, the drill locked: what it says is what it stored, and a double click stores one day off
 * (the second waits for the first, then finds its day off).
 */
async function skipDay(ctx: RequestContext, rawId: string, userId: string): Promise<Skipped> {
  return ctx.db.transaction(async (tx) => {
    const who = ctx.person(userId);
    const id = parseDrillId(rawId);
    // Owner-scoped: someone else's drill id finds nothing, as an unknown one does.
    const drill = id === undefined ? undefined : await lockDrill(tx, who, id);
    if (!drill) return { kind: 'no_such_drill' };
    if (await findAnswer(tx, drill)) return { kind: 'answered' };
    if (drill.source !== 'scheduled' || !drill.localDate) return { kind: 'not_scheduled' };
    const user = await findUser(tx, who);
    const zone = user && isValidZone(user.tz) ? user.tz : 'UTC';
    if (localDateOf(zone, ctx.clock.now()) !== drill.localDate) return { kind: 'day_over' };
    const off = (await daysOffOf(tx, who)).map((d) => ({ from: d.from, until: d.until }));
    if (inRanges(off, drill.localDate)) return { kind: 'already', localDate: drill.localDate };
    const untilDate = addDays(drill.localDate, 1);
    await recordDaysOff(tx, who, { fromDate: drill.localDate, untilDate, reason: 'skip' });
    return { kind: 'skipped', localDate: drill.localDate };
  });
}
