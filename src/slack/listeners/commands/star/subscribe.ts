import type { Database } from '../../../../db/client.ts';
import {
  findSubscription,
  saveSubscription,
  userWithSubscription,
} from '../../../../db/repositories/subscriptions.ts';
import { ensureUser } from '../../../../db/repositories/users.ts';
import type { User } from '../../../../db/schema/index.ts';
import { nextDeliveryFor } from '../../../../delivery/next-delivery.ts';
import { daysFromMask } from '../../../../drills/days.ts';
import type { Person } from '../../../../drills/person.ts';
import { firstDeliveryAtOrAfter, isValidZone } from '../../../../drills/schedule.ts';
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
import type { RequestContext } from '../../../context.ts';
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
  return { later: () => saveAndConfirm(ctx, who, change) };
};

type Known = Awaited<ReturnType<typeof userWithSubscription>>;

/** The settings as they are, for a subscriber who named none; read with the user row in one statement. */
function currentSettings(ctx: RequestContext, sub: NonNullable<Known['sub']>): SlackMessage {
  return currentSettingsReply({
    schedule: {
      zone: sub.tz,
      minuteOfDay: sub.minuteOfDay,
      days: daysFromMask(sub.dayMask),
      topics: sub.topics.map((slug) => ctx.bank.topicTitle(slug)),
    },
    next: sub.nextDueAt && sub.nextDueDate ? { dueAt: sub.nextDueAt, localDate: sub.nextDueDate } : null,
    now: ctx.clock.now(),
  });
}

/**
 * `/star subscribe`: the person's rows read in one statement; with nothing named, a subscriber gets their
 * settings shown and nothing is written. Otherwise the zone from Slack (users.info) unless a user_change
 * event brought the stored one (Slack sends one whenever the zone changes, so it is current); then stored
 * with the settings, in one statement when the user row needs no change. The Home tab is republished only
 * for someone who has opened it.
 */
async function saveAndConfirm(
  ctx: RequestContext,
  who: Person,
  change: SubscribeChange,
): Promise<SlackMessage> {
  const known = await userWithSubscription(ctx.db, who);
  if (Object.keys(change).length === 0 && known.sub?.active) return currentSettings(ctx, known.sub);
  const zone: ZoneFromSlack = known.user?.zoneFromEvent
    ? { tz: known.user.tz }
    : await zoneFromSlack(ctx, who.userId);
  const fields = { tz: zone.tz, enterpriseId: ctx.enterpriseId };
  const now = ctx.clock.now();
  // One statement writes the user row (when it changes) with the subscription: no transaction needed.
  const stored = await storeSubscription(ctx, ctx.db, who, fields, change, now, known);
  if (stored.homeOpened) await publishHome(ctx, who.userId, { opened: true });
  return confirmation(ctx, stored, stored.settings, now, zone.note?.(stored.zone));
}

export type StoredSubscription = Awaited<ReturnType<typeof storeSubscription>>;

type UserFields = { tz?: string; enterpriseId?: string; homeOpened?: true };

/** Whether storing `fields` would change the user row (or make it). */
function userRowNeedsWrite(user: User | undefined, fields: UserFields): boolean {
  if (!user) return true;
  if (fields.tz !== undefined && fields.tz !== user.tz) return true;
  if (fields.homeOpened && !user.homeOpened) return true;
  return fields.enterpriseId !== undefined && fields.enterpriseId !== user.enterpriseId;
}

/** The user row as `userUpsert` leaves it: a new zone replaces the stored one; a new user starts on UTC. */
function userAfterWrite(user: User | undefined, fields: UserFields): Pick<User, 'tz' | 'homeOpened'> {
  return { tz: fields.tz ?? user?.tz ?? 'UTC', homeOpened: user?.homeOpened ?? false };
}

/**
 * Stores a subscription (`/star subscribe`, or the Home tab's settings modal), inside the caller's
 * transaction: "subscribed" means all of it is stored, "unavailable" that none of it is. A pause, an
 * interview countdown and a skip still ahead carry over; so does the reminder delay unless `change` sets one,
 * and so do the time, days and topics it does not name. `known`: the person's rows as the caller read them
 * already (`userWithSubscription`), so they are not read again, and the user row is written only when
 * `fields` change it, in the subscription's own statement (no transaction needed then).
 */
export async function storeSubscription(
  ctx: Pick<RequestContext, 'log'>,
  tx: Database,
  who: Person,
  fields: UserFields,
  change: SubscribeChange & { reminderMinutes?: number | null },
  now: Date,
  known?: Awaited<ReturnType<typeof userWithSubscription>>,
) {
  // Without a zone from Slack a known user keeps the stored one; a new user starts on UTC.
  const writeUser = known && userRowNeedsWrite(known.user, fields) ? fields : undefined;
  const user = known ? userAfterWrite(known.user, fields) : await ensureUser(tx, who, fields);
  const existing = known ? known.sub : await findSubscription(tx, who);
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
  const schedule = { ...base, skipDate: skipping };
  // Scheduled drills come only from a subscription (and go with the user row): a first one has none to avoid.
  const next = existing
    ? await nextDeliveryFor({ db: tx }, who, schedule, now)
    : firstDeliveryAtOrAfter(schedule, now);
  await saveSubscription(tx, {
    person: who,
    ...args,
    skipDate: skipping,
    next,
    ...(change.reminderMinutes !== undefined ? { reminderMinutes: change.reminderMinutes } : {}),
    nextRecapAt: nextRecapAt(user.tz, args.minuteOfDay, now),
    user: writeUser,
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
  return {
    zone: user.tz,
    changed: existing?.active ?? false,
    skipping,
    next,
    settings: args,
    homeOpened: user.homeOpened,
  };
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
      topics: args.topics.map((slug) => ctx.bank.topicTitle(slug)),
    },
    next: stored.next,
    now,
    changed: stored.changed,
    skipping: stored.skipping,
    zoneNote,
  });
}

interface ZoneFromSlack {
  tz?: string;
  note?: (zone: string) => string;
}

/**
 * The user's IANA zone from users.info. Schedules are computed from the name, never from `tz_offset`,
 * which is only right until the next daylight-saving change.
 */
export async function zoneFromSlack(ctx: RequestContext, userId: string): Promise<ZoneFromSlack> {
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
