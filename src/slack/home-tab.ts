import { peerRatingsByTopic } from '../db/repositories/peer-reviews.ts';
import { progressRowsOf, unansweredDrillsOf } from '../db/repositories/progress.ts';
import { type UserWithSubscription, userWithSubscription } from '../db/repositories/subscriptions.ts';
import { markHomeOpened } from '../db/repositories/users.ts';
import { daysFromMask } from '../drills/days.ts';
import type { Person } from '../drills/person.ts';
import { progressSnapshot } from '../progress/snapshot.ts';
import { type HomeData, homeView, MAX_UNANSWERED } from '../views/home.ts';
import type { BotContext, RequestContext } from './context.ts';
import { storyMatrixOf } from './story-bank.ts';

/** Builds the user's Home tab from what is stored now (pure view: views/home.ts). */
export async function homeDataOf(
  ctx: Pick<BotContext, 'db' | 'bank' | 'clock'>,
  who: Person,
  /** The user row and subscription, when read already. */
  known?: UserWithSubscription,
): Promise<HomeData> {
  const now = ctx.clock.now();
  const [{ sub, rows }, unanswered, stories, peer] = await Promise.all([
    progressRowsOf(ctx.db, who, known),
    unansweredDrillsOf(ctx.db, who, MAX_UNANSWERED + 20),
    storyMatrixOf(ctx, who),
    peerRatingsByTopic(ctx.db, who),
  ]);
  // In the guide's order; a topic no longer in the guide keeps its slug.
  const order = new Map(ctx.bank.topics.map((t, i) => [t.slug, i]));
  const peerRatings = peer
    .map((r) => ({ ...r, topicTitle: ctx.bank.topic(r.topicSlug)?.title ?? r.topicSlug }))
    .sort((a, b) => (order.get(a.topicSlug) ?? 1e9) - (order.get(b.topicSlug) ?? 1e9));
  const { streak, topics } = progressSnapshot(rows, ctx.bank.topics, now);
  return {
    zone: rows.zone,
    now,
    streak,
    topics,
    subscription: sub
      ? {
          minuteOfDay: sub.minuteOfDay,
          days: daysFromMask(sub.dayMask),
          topicTitles: sub.topics.map((slug) => ctx.bank.topicTitle(slug)),
          next:
            sub.nextDueAt && sub.nextDueDate ? { localDate: sub.nextDueDate, dueAt: sub.nextDueAt } : null,
          pausedUntil: sub.pausedUntil,
          interviewDate: sub.interviewDate,
          endsAfter: sub.endsAfter,
          reminderMinutes: sub.reminderMinutes,
        }
      : null,
    stories,
    peerRatings,
    unanswered: unanswered.map((d) => ({
      drillId: d.id,
      topicTitle: ctx.bank.topicTitle(d.topicSlug),
      questionText: d.questionText,
      sentAt: d.sentAt,
    })),
  };
}

/**
 * Publishes the user's Home tab (views.publish): when they open it, and after each answer, rating and
 * settings change of someone who has opened it (`opened`: publish whatever their user row says; else a person
 * who never looked at the tab costs one query and no views.publish). `justOpened`: they are looking at it now,
 * which their user row remembers the first time. Best effort: a failure is logged, and the next opening
 * publishes it again.
 */
export async function publishHome(
  ctx: RequestContext,
  userId: string,
  p: { opened?: boolean; justOpened?: boolean } = {},
): Promise<void> {
  try {
    const who = ctx.person(userId);
    // Read once for both: whether they have opened the tab, and the first part of what it shows.
    const known = await userWithSubscription(ctx.db, who);
    if (p.justOpened && known.user && !known.user.homeOpened) {
      await markHomeOpened(ctx.db, who).catch((err: unknown) =>
        ctx.log.warn({ err, user: userId }, 'could not record that the Home tab was opened'),
      );
    }
    if (!(p.opened || p.justOpened || known.user?.homeOpened)) return;
    const view = homeView(await homeDataOf(ctx, who, known));
    await ctx.slack.interactive.views.publish({ user_id: userId, view });
  } catch (err) {
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    ctx.log.warn({ err, user: userId }, 'could not publish the Home tab');
  }
}
