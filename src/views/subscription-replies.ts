import { labelOfDays, WEEKDAY_SHORT, WEEKDAYS, type Weekday } from '../drills/days.ts';
import { activePause, interviewCountdown } from '../drills/pause.ts';
import { type Days, localDateOf, localWallOf } from '../drills/schedule.ts';
import { formatMinuteOfDay, SUBSCRIBE_USAGE } from '../drills/subscribe-args.ts';
import { reminderLabel } from '../progress/reminder.ts';
import { plainReply } from './command-replies.ts';
import type { SlackMessage } from './drill-message.ts';
import { COMMAND } from './ids.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

export interface ScheduleView {
  minuteOfDay: number;
  days: Days;
  zone: string;
  /** Topic titles; empty means every topic. */
  topics: string[];
}

export interface DeliveryView {
  localDate: string;
  dueAt: Date;
}

/** "09:00 Asia/Kolkata, weekdays" or "…, Mon, Wed, Fri": the time as the user set it, in their own zone. */
export function scheduleLabel(s: Pick<ScheduleView, 'minuteOfDay' | 'days' | 'zone'>): string {
  return `${formatMinuteOfDay(s.minuteOfDay)} ${s.zone}, ${labelOfDays(s.days)}`;
}

function topicsLabel(topics: string[]): string {
  return topics.length === 0 ? 'all topics' : topics.map(escapeMrkdwn).join(', ');
}

/**
 * "Tue 10 Mar at 09:00 (tomorrow)" in the subscriber's zone. Not Slack's <!date> token: that renders in the
 * reader's Slack zone, and the point here is to confirm the zone the schedule runs in.
 */
export function deliveryLabel(d: DeliveryView, zone: string, now: Date): string {
  const local = localWallOf(zone, d.dueAt);
  const today = localDateOf(zone, now);
  const days = Math.round((Date.parse(d.localDate) - Date.parse(today)) / DAY_MS);
  const relative = days === 0 ? ' (today)' : days === 1 ? ' (tomorrow)' : '';
  const year = local.localDate.slice(0, 4);
  const yearText = year === today.slice(0, 4) ? '' : ` ${year}`;
  return `${dayLabel(local.localDate)}${yearText} at ${formatMinuteOfDay(local.minuteOfDay)}${relative}`;
}

const DAY_MS = 86_400_000;
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Tue 10 Mar" for a local date (YYYY-MM-DD). Plain arithmetic rather than luxon's formatter: every subscribe's
 * confirmation says two of these, and formatting them cost it more CPU than its SQL (bench/limits.md); the bot
 * speaks English whatever the host's locale.
 */
export function dayLabel(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7] as Weekday;
  return `${WEEKDAY_SHORT[weekday]} ${d} ${MONTH_SHORT[m - 1]}`;
}

export function subscribedReply(p: {
  schedule: ScheduleView;
  next: DeliveryView;
  now: Date;
  changed: boolean;
  /** A skip still ahead, kept across the change. */
  skipping: string | null;
  /** Why the zone is a fallback (Slack gave none), shown under the confirmation. */
  zoneNote?: string;
}): SlackMessage {
  const lines = [
    `:white_check_mark: ${p.changed ? 'Subscription updated' : 'Subscribed'}: a drill at *${scheduleLabel(p.schedule)}*, on ${topicsLabel(p.schedule.topics)}.`,
    `Next drill: *${deliveryLabel(p.next, p.schedule.zone, p.now)}*.`,
  ];
  if (p.skipping) lines.push(`You are still skipping the drill of ${dayLabel(p.skipping)}.`);
  if (p.zoneNote) lines.push(`:information_source: ${p.zoneNote}`);
  lines.push(
    `\`${COMMAND} status\` shows it, \`${COMMAND} skip\` skips one, \`${COMMAND} unsubscribe\` stops.`,
  );
  return plainReply(lines.join('\n'));
}

/** How to change some settings and keep the rest: `subscribe` alone shows it under the current settings. */
export const PARTIAL_SUBSCRIBE_HELP = [
  'To change some settings, name only those; the others stay as they are:',
  `• \`${COMMAND} subscribe 07:30\`: the time`,
  `• \`${COMMAND} subscribe mon,wed,fri\` (or \`daily\`, \`weekdays\`): the days`,
  `• \`${COMMAND} subscribe incidents leadership\`: the topics (\`all\` for every topic)`,
  'The *Settings* button on the Home tab changes them too, with the reminder.',
].join('\n');

/** `/star subscribe` with nothing named, by a subscriber: the settings as stored, and how to change them. */
export function currentSettingsReply(p: {
  schedule: ScheduleView;
  next: DeliveryView | null;
  now: Date;
}): SlackMessage {
  const next = p.next ? deliveryLabel(p.next, p.schedule.zone, p.now) : 'being scheduled';
  return plainReply(
    [
      `:calendar: You are subscribed: a drill at *${scheduleLabel(p.schedule)}*, on ${topicsLabel(p.schedule.topics)}. Next drill: *${next}*.`,
      PARTIAL_SUBSCRIBE_HELP,
    ].join('\n'),
  );
}

/** The error quotes what the user typed: escaped, so `<!channel>` stays text. */
export function subscribeUsageError(error: string): SlackMessage {
  return plainReply(`:warning: ${escapeMrkdwn(error)}\nNothing was changed.`);
}

const NOT_SUBSCRIBED = `You are not subscribed to daily drills. Start with ${SUBSCRIBE_USAGE}, e.g. \`${COMMAND} subscribe 09:00 weekdays\`.`;

export function unsubscribedReply(ended: boolean): SlackMessage {
  return plainReply(
    ended
      ? `:wave: Unsubscribed: no more daily drills. Your drills and answers stay (\`${COMMAND} history\`); \`${COMMAND} subscribe\` starts again.`
      : `${NOT_SUBSCRIBED}\nThere was nothing to stop.`,
  );
}

export function skipReply(
  p:
    | { subscribed: false }
    | { subscribed: true; skipped: string; next: DeliveryView; zone: string; now: Date; already: boolean },
): SlackMessage {
  if (!p.subscribed) return plainReply(`${NOT_SUBSCRIBED}\nThere is no drill to skip.`);
  const next = `*${deliveryLabel(p.next, p.zone, p.now)}*`;
  return plainReply(
    p.already
      ? `You are already skipping the drill of *${dayLabel(p.skipped)}*; \`skip\` skips one drill at a time. The next one comes ${next}. To pause longer, \`${COMMAND} unsubscribe\`.`
      : `:fast_forward: Skipped the drill of *${dayLabel(p.skipped)}*. The next one comes ${next}.`,
  );
}

export interface StatusView {
  answered: number;
  subscription:
    | {
        active: true;
        schedule: ScheduleView;
        next: DeliveryView | null;
        skipping: string | null;
        /** `/star pause`: the local date drills start again (shown while it is ahead). */
        pausedUntil?: string | null;
        /** `/star interview`: its local date (shown until it has passed). */
        interviewDate?: string | null;
        /** Drills started by `/star interview` alone end after this local date. */
        endsAfter?: string | null;
        /** Shown when given: minutes after delivery, or null for off. */
        reminderMinutes?: number | null;
        /** Shown when given: whether the weekly recap is on. */
        recap?: boolean;
      }
    | { active: false; deactivatedReason: string | null }
    | null;
}

/** Drills started by `/star interview` alone: when they end, and how to keep them. */
export function endsAfterText(localDate: string, bold = ''): string {
  return `These drills end after ${bold}${dayLabel(localDate)}${bold}, the day of your interview; \`${COMMAND} subscribe\` keeps them going.`;
}

export function statusReply(s: StatusView, now: Date): SlackMessage {
  const answered = `Drills answered: *${s.answered}*.`;
  const sub = s.subscription;
  if (!sub?.active) {
    const why = sub?.deactivatedReason
      ? `Your daily drills stopped because Slack could not deliver them (\`${escapeMrkdwn(sub.deactivatedReason)}\`). `
      : '';
    return plainReply(`${why}${NOT_SUBSCRIBED}\n${answered}`);
  }
  const { schedule } = sub;
  const lines = [
    `:calendar: *Daily drills: on* at *${scheduleLabel(schedule)}*`,
    `Topics: ${topicsLabel(schedule.topics)}`,
    `Time zone: ${schedule.zone}`,
    `Next drill: *${sub.next ? deliveryLabel(sub.next, schedule.zone, now) : 'being scheduled'}*`,
  ];
  if (sub.skipping) lines.push(`Skipping: ${dayLabel(sub.skipping)}`);
  const today = localDateOf(schedule.zone, now);
  const paused = activePause(sub.pausedUntil, today);
  if (paused) lines.push(`Paused: until *${dayLabel(paused)}* (drills start again that day)`);
  const countdown = interviewCountdown(sub.interviewDate, today);
  if (countdown) {
    lines.push(
      countdown.daysLeft === 0
        ? `Interview: *${countdown.text}*. Good luck!`
        : `Interview: *${countdown.text}* (${dayLabel(countdown.date)}): a drill every day, weakest topics first`,
    );
  }
  if (sub.endsAfter) lines.push(endsAfterText(sub.endsAfter, '*'));
  if (sub.reminderMinutes !== undefined) {
    lines.push(
      `Reminder: ${sub.reminderMinutes === null ? 'off' : `after ${reminderLabel(sub.reminderMinutes)}`}`,
    );
  }
  if (sub.recap !== undefined) lines.push(`Weekly recap: ${sub.recap ? 'on' : 'off'}`);
  lines.push(answered);
  return plainReply(lines.join('\n'));
}
