import { releaseExportSlot, takeExportSlot } from '../../../../db/repositories/export-requests.ts';
import { mockInterviewsOf } from '../../../../db/repositories/mock-interviews.ts';
import { endPauseEarly, exportRowsOf, recordDaysOff } from '../../../../db/repositories/progress.ts';
import { findRole } from '../../../../db/repositories/roles.ts';
import { storyTitlesByDrill } from '../../../../db/repositories/stories.ts';
import {
  findSubscription,
  hasScheduledDrill,
  type SubscriptionWithZone,
  updateSubscription,
} from '../../../../db/repositories/subscriptions.ts';
import { mockSummaryOf } from '../../../../delivery/mock-summary.ts';
import { nextDeliveryFor } from '../../../../delivery/next-delivery.ts';
import { daysFromMask } from '../../../../drills/days.ts';
import { addDays } from '../../../../drills/local-date.ts';
import { parseInterviewArgs, parsePauseArgs, parseRecapArgs } from '../../../../drills/pause-args.ts';
import type { Person } from '../../../../drills/person.ts';
import { localDateOf } from '../../../../drills/schedule.ts';
import { scheduleOf } from '../../../../drills/stored-schedule.ts';
import { exportFilename, exportMarkdown } from '../../../../progress/export.ts';
import { nextRecapAt } from '../../../../progress/recap.ts';
import { plainReply } from '../../../../views/command-replies.ts';
import { deleteModal } from '../../../../views/delete-modal.ts';
import {
  EXPORT_LIMIT,
  exportComment,
  exportLimitReply,
  interviewReply,
  pausedReply,
  recapReply,
  resumedReply,
} from '../../../../views/progress-replies.ts';
import { subscribeUsageError } from '../../../../views/subscription-replies.ts';
import type { RequestContext } from '../../../context.ts';
import { publishHome } from '../../../home-tab.ts';
import { peerExportOf } from '../../../peer-review.ts';
import { startInterviewDrills, stopInterviewDrills } from './interview-drills.ts';
import type { Subcommand } from './subcommand.ts';

/**
 * The subscription as stored, and the user's local today: what every progress command starts from. They
 * run inside one transaction each, so what they reply is what they stored.
 */
async function current(ctx: RequestContext, db: RequestContext['db'], userId: string) {
  const sub = await findSubscription(db, ctx.person(userId));
  if (!sub?.active) return undefined;
  const now = ctx.clock.now();
  return { sub, now, zone: scheduleOf(sub).zone, today: localDateOf(scheduleOf(sub).zone, now) };
}

/** The next delivery of `sub` with some of its settings changed. */
function nextWith(
  db: RequestContext['db'],
  sub: SubscriptionWithZone,
  change: Partial<SubscriptionWithZone>,
  now: Date,
) {
  return nextDeliveryFor({ db }, sub, scheduleOf({ ...sub, ...change }), now);
}

/** `/star pause until YYYY-MM-DD` or `pause 7d`: no drills until that local date. */
export const pause: Subcommand = ({ ctx, command, args }) => ({
  later: async () => {
    const reply = await ctx.db.transaction(async (tx) => {
      const c = await current(ctx, tx, command.user_id);
      if (!c) return pausedReply({ subscribed: false });
      const parsed = parsePauseArgs(args, c.today);
      if (!parsed.ok) return subscribeUsageError(parsed.error);
      const { until } = parsed.value;
      const next = await nextWith(tx, c.sub, { pausedUntil: until }, c.now);
      await updateSubscription(tx, c.sub, { pausedUntil: until }, next);
      // The days off start with the first drill the pause holds back: today's, unless it was already sent
      // (then an answer to it today still counts for the streak).
      const fromDate = (await hasScheduledDrill(tx, c.sub, c.today)) ? addDays(c.today, 1) : c.today;
      await recordDaysOff(tx, c.sub, { fromDate, untilDate: until, reason: 'pause' });
      return pausedReply({ subscribed: true, until, next, zone: c.zone, now: c.now });
    });
    await publishHome(ctx, command.user_id);
    return reply;
  },
});

/** `/star resume`: ends a pause early. */
export const resume: Subcommand = ({ ctx, command }) => ({
  later: async () => {
    const reply = await ctx.db.transaction(async (tx) => {
      const c = await current(ctx, tx, command.user_id);
      if (!c) return resumedReply({ subscribed: false });
      const wasPaused = c.sub.pausedUntil !== null && c.sub.pausedUntil > c.today;
      const next = await nextWith(tx, c.sub, { pausedUntil: null }, c.now);
      if (wasPaused) {
        await updateSubscription(tx, c.sub, { pausedUntil: null }, next);
        await endPauseEarly(tx, c.sub, c.today);
      }
      return resumedReply({ subscribed: true, wasPaused, next, zone: c.zone, now: c.now });
    });
    await publishHome(ctx, command.user_id);
    return reply;
  },
});

/**
 * `/star interview YYYY-MM-DD`: a drill every day until then, weakest topics first; `interview off` ends it.
 * Without a subscription it starts daily drills that end after the interview (interview-drills.ts).
 */
export const interview: Subcommand = ({ ctx, command, args }) => ({
  later: async () => {
    const who = ctx.person(command.user_id);
    const reply = await ctx.db.transaction(async (tx) => {
      const c = await current(ctx, tx, command.user_id);
      if (!c) return 'not subscribed' as const;
      const parsed = parseInterviewArgs(args, c.today);
      if (!parsed.ok) return subscribeUsageError(parsed.error);
      if (parsed.value.date === null && c.sub.endsAfter !== null) return 'stop interview drills' as const;
      const days = daysFromMask(c.sub.dayMask);
      const { date } = parsed.value;
      const had = c.sub.interviewDate !== null && c.sub.interviewDate >= c.today;
      const change = {
        interviewDate: date,
        interviewFrom: date ? c.today : null,
        // Drills started by an interview alone end after the new date.
        ...(c.sub.endsAfter !== null ? { endsAfter: date } : {}),
      };
      if (date === null && !had) return interviewReply({ subscribed: true, date: null, had, days });
      const next = await nextWith(tx, c.sub, change, c.now);
      await updateSubscription(tx, c.sub, change, next);
      return date === null
        ? interviewReply({ subscribed: true, date: null, had, days })
        : interviewReply({
            subscribed: true,
            date,
            days,
            next,
            zone: c.zone,
            now: c.now,
            role: await findRole(tx, ctx.person(command.user_id)),
          });
    });
    const done =
      reply === 'not subscribed'
        ? await startInterviewDrills(ctx, who, args)
        : reply === 'stop interview drills'
          ? await stopInterviewDrills(ctx, who)
          : reply;
    await publishHome(ctx, command.user_id);
    return done;
  },
});

/** `/star recap on|off`: the weekly recap DM. */
export const recap: Subcommand = ({ ctx, command, args }) => {
  const parsed = parseRecapArgs(args);
  if (!parsed.ok) return { ack: subscribeUsageError(parsed.error) };
  return {
    later: async () =>
      ctx.db.transaction(async (tx) => {
        const c = await current(ctx, tx, command.user_id);
        if (!c)
          return plainReply(
            'You are not subscribed, so there is no weekly recap. Start with `/star subscribe`.',
          );
        const on = parsed.value.recap;
        await updateSubscription(tx, c.sub, {
          recap: on,
          ...(on ? { nextRecapAt: nextRecapAt(c.zone, c.sub.minuteOfDay, c.now) } : {}),
        });
        return recapReply(on);
      }),
  };
};

/** `/star export`: a Markdown file of every drill and answer, uploaded to the user's DM. */
export const exportData: Subcommand = ({ ctx, command }) => ({
  later: async () => {
    const who = ctx.person(command.user_id);
    const now = ctx.clock.now();
    const slot = await takeExportSlot(ctx.db, who, { ...EXPORT_LIMIT, now });
    if (!slot.granted) return plainReply(exportLimitReply(EXPORT_LIMIT.limit, slot.retryAt, now));
    // A slot is spent only on an export that happened.
    const release = () => releaseExportSlot(ctx.db, who, slot.id);
    const [{ rows, followUps }, storyTitles, mocks, peer] = await Promise.all([
      exportRowsOf(ctx.db, who),
      storyTitlesByDrill(ctx.db, who),
      mockExportsOf(ctx, who),
      peerExportOf(ctx, who),
    ]).catch(async (err: unknown) => {
      await release().catch(() => {});
      throw err;
    });
    const peerItems = peer.asked.length + peer.given.length;
    // Someone who only reviewed colleagues' answers has no drill DM yet: their DM with the bot is opened.
    const dm =
      rows.find((r) => r.channelId)?.channelId ??
      (peerItems > 0
        ? await ctx.slack.interactive.conversations.open({ users: who.userId }).then(
            (opened) => opened.channel?.id,
            async (err: unknown) => {
              await release().catch(() => {});
              throw err;
            },
          )
        : undefined);
    if ((rows.length === 0 && peerItems === 0) || !dm) {
      await release();
      return plainReply('Nothing to export yet: your drills and answers will be here once you have some.');
    }
    const zone = (await findSubscription(ctx.db, who))?.tz ?? 'UTC';
    const byDrill = new Map<number, typeof followUps>();
    for (const f of followUps) byDrill.set(f.drillId, [...(byDrill.get(f.drillId) ?? []), f]);
    const drills = rows.map((r) => ({
      topicTitle: ctx.bank.topicTitle(r.topicSlug),
      questionText: r.questionText,
      askedAt: r.askedAt,
      answer: r.answer
        ? {
            parts: r.answer,
            answeredAt: r.answer.createdAt,
            score: r.answer.score,
            rating: r.rating,
            followUps: (byDrill.get(r.drillId) ?? []).map((f) => ({ question: f.question, answer: f.text })),
            ...(storyTitles.has(r.drillId) ? { story: storyTitles.get(r.drillId) } : {}),
          }
        : null,
    }));
    await ctx.slack.interactive
      .filesUploadV2({
        channel_id: dm,
        filename: exportFilename(zone, now),
        title: 'Star Drill export',
        content: exportMarkdown({ zone, drills, mocks, now, peer }),
        initial_comment: exportComment({
          drills: drills.length,
          answered: drills.filter((d) => d.answer).length,
        }),
      })
      .catch(async (err: unknown) => {
        await release().catch(() => {});
        throw err;
      });
    ctx.log.info({ user: who.userId, drills: drills.length }, 'data exported');
    return dm === command.channel_id
      ? undefined
      : plainReply(':outbox_tray: Your export is in your DM with me.');
  },
});

/** The person's mock interviews for the export, each as its summary says it. */
async function mockExportsOf(ctx: RequestContext, who: Person) {
  const mocks = await mockInterviewsOf(ctx.db, who);
  return Promise.all(
    mocks.map(async (m) => ({ startedAt: m.createdAt, summary: await mockSummaryOf(ctx.db, ctx.bank, m) })),
  );
}

/** `/star delete`: a confirmation modal first; its submission deletes (views/delete-data.ts). */
export const deleteData: Subcommand = ({ command }) => ({
  modal: () => deleteModal({ deletesMessages: false, workspace: command.team_domain ?? command.team_id }),
});
