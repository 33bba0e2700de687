import type { RequestContext } from '../../../../context.ts';
import type { Database } from '../../../../db/client.ts';
import { findSubscription, saveSubscription } from '../../../../db/repositories/subscriptions.ts';
import { ensureUser } from '../../../../db/repositories/users.ts';
import { nextDeliveryFor } from '../../../../delivery/next-delivery.ts';
import { daysFromMask } from '../../../../drills/days.ts';
import { isValidZone } from '../../../../drills/schedule.ts';
import { pendingSkip } from '../../../../drills/stored-schedule.ts';
import {
  applySubscribeChange,
  parseSubscribeArgs,
  type SubscribeArgs,
  type SubscribeChange,
} from '../../../../drills/subscribe-args.ts';
import { nextRecapAt } from '../../../../progress/recap.ts';
import type { SlackMessage } from '../../../../views/drill-message.ts';
import {
  currentSettingsReply,
  subscribedReply,
  subscribeUsageError,
} from '../../../../views/subscription-replies.ts';
import type { Person } from '../../../../workspaces/person.ts';
import { publishHome } from '../../../home-tab.ts';
import type { Subcommand } from './subcommand.ts';

/**
 * `/star subscribe [HH:MM] [daily|weekdays] [topic ...|all]`: changes the settings it names and keeps the
 * others; with nothing named, a subscriber sees their settings and how to change them (someone not
 * subscribed subscribes with the defaults). Bad input is answered in the ack, before anything is read or
 * stored; the rest (users.info, the database) runs after it.
 */
export const subscribe: Subcommand = ({ ctx, command, args }) => {
  const parsed = parseSubscribeArgs(args, (word) => ctx.bank.findTopic(word)?.slug ?? null);
  if (!parsed.ok) return { ack: subscribeUsageError(parsed.error) };
  const who = ctx.person(command.user_id);
  const change = parsed.value;
  if (Object.keys(change).length === 0) return { later: () => showOrSubscribe(ctx, who) };
  return { later: () => saveAndConfirm(ctx, who, change) };
};

async function showOrSubscribe(ctx: RequestContext, who: Person): Promise<SlackMessage> {
  const sub = await findSubscription(ctx.db, who);
  if (!sub?.active) return saveAndConfirm(ctx, who, {});
  return currentSettingsReply({
    schedule: {
      zone: sub.tz,
      minuteOfDay: sub.minuteOfDay,
      days: daysFromMask(sub.dayMask),
      topics: sub.topics.map((slug) => ctx.bank.topic(slug)?.title ?? slug),
    },
    next: sub.nextDueAt && sub.nextDueDate ? { dueAt: sub.nextDueAt, localDate: sub.nextDueDate } : null,
    now: ctx.clock.now(),
  });
}

/** `/star subscribe`: the zone read from Slack first, then stored with the settings; says what was stored. */
async function saveAndConfirm(
  ctx: RequestContext,
  who: Person,
  change: SubscribeChange,
): Promise<SlackMessage> {
  const fromSlack = await zoneFromSlack(ctx, who.userId);
  const now = ctx.clock.now();
  const stored = await ctx.db.transaction((tx) =>
    storeSubscription(ctx, tx, who, { tz: fromSlack.tz, enterpriseId: ctx.enterpriseId }, change, now),
  );
  await publishHome(ctx, who.userId);
  return confirmation(ctx, stored, stored.settings, now, fromSlack.note?.(stored.zone));
}

export type StoredSubscription = Awaited<ReturnType<typeof storeSubscription>>;

/**
 * Stores a subscription (`/star subscribe`, or the Home tab's settings modal), inside the caller's
 * transaction: "subscribed" means all of it is stored, "unavailable" that none of it is. A pause, an
 * interview countdown and a skip still ahead carry over; so does the reminder delay unless `change` sets one,
 * and so do the time, days and topics it does not name.
 */
export async function storeSubscription(
  ctx: Pick<RequestContext, 'log'>,
  tx: Database,
  who: Person,
  fields: { tz?: string; enterpriseId?: string },
  change: SubscribeChange & { reminderMinutes?: number | null },
  now: Date,
) {
  // Without a zone from Slack a known user keeps the stored one; a new user starts on UTC.
  const user = await ensureUser(tx, who, fields);
  const existing = await findSubscription(tx, who);
  const current = existing?.active
    ? { minuteOfDay: existing.minuteOfDay, days: daysFromMask(existing.dayMask), topics: existing.topics }
    : null;
  const args = applySubscribeChange(change, current);
  const kept = existing?.active
    ? { pausedUntil: existing.pausedUntil, interviewDate: existing.interviewDate }
    : { pausedUntil: null, interviewDate: null };
  const base = { zone: user.tz, minuteOfDay: args.minuteOfDay, days: args.days, ...kept };
  // A skip still ahead survives a change of time or topics; one already used does not carry over.
  const skipping = existing?.active ? pendingSkip({ ...base, skipDate: existing.skipDate }, now) : null;
  const next = await nextDeliveryFor({ db: tx }, who, { ...base, skipDate: skipping }, now);
  await saveSubscription(tx, {
    person: who,
    ...args,
    skipDate: skipping,
    next,
    ...(change.reminderMinutes !== undefined ? { reminderMinutes: change.reminderMinutes } : {}),
    nextRecapAt: nextRecapAt(user.tz, args.minuteOfDay, now),
  });
  ctx.log.info(
    {
      user: who.userId,
      tz: user.tz,
      minuteOfDay: args.minuteOfDay,
      days: args.days,
      nextDueAt: next.dueAt.toISOString(),
    },
    'subscribed',
  );
  return { zone: user.tz, changed: existing?.active ?? false, skipping, next, settings: args };
}

/** What was stored, as the confirmation says it. */
export function confirmation(
  ctx: Pick<RequestContext, 'bank'>,
  stored: StoredSubscription,
  args: SubscribeArgs,
  now: Date,
  zoneNote?: string,
): SlackMessage {
  return subscribedReply({
    schedule: {
      zone: stored.zone,
      minuteOfDay: args.minuteOfDay,
      days: args.days,
      topics: args.topics.map((slug) => ctx.bank.topic(slug)?.title ?? slug),
    },
    next: stored.next,
    now,
    changed: stored.changed,
    skipping: stored.skipping,
    zoneNote,
  });
}

/**
 * The user's IANA zone from users.info. Schedules are computed from the name, never from `tz_offset`,
 * which is only right until the next daylight-saving change.
 */
export async function zoneFromSlack(
  ctx: RequestContext,
  userId: string,
): Promise<{ tz?: string; note?: (zone: string) => string }> {
  try {
    const info = await ctx.slack.interactive.users.info({ user: userId });
    const tz = info.user?.tz;
    if (tz && isValidZone(tz)) return { tz };
    ctx.log.warn({ user: userId, tz }, 'users.info gave no usable time zone; using UTC');
    return {
      tz: 'UTC',
      note: () =>
        'Your Slack profile has no time zone I can use, so your drills follow UTC. Set your time zone in Slack and I will follow it.',
    };
  } catch (err) {
    ctx.log.warn({ err, user: userId }, 'users.info failed; keeping the stored time zone');
    return {
      note: (zone) =>
        `I could not read your time zone from Slack just now, so I used ${zone}. Subscribe again later to pick up your Slack time zone.`,
    };
  }
}
