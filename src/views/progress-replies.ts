/**
 * Replies to `/star pause`, `resume`, `interview`, `recap`, `export` and `delete`. Argument errors use
 * `subscribeUsageError` (subscription-replies.ts): it escapes the user's words and says nothing changed.
 */

import { type Days, labelOfDays } from '../drills/days.ts';
import { daysBetween } from '../drills/local-date.ts';
import { countdownText } from '../drills/pause.ts';
import { localDateOf } from '../drills/schedule.ts';
import { plainReply } from './command-replies.ts';
import type { SlackMessage } from './drill-message.ts';
import { ACTION_ANSWER_DRILL, ACTION_SKIP_TODAY, BLOCK_REMINDER_ACTIONS, COMMAND } from './ids.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { type DeliveryView, dayLabel, deliveryLabel } from './subscription-replies.ts';

const NOT_SUBSCRIBED = `You are not subscribed, so there are no drills to`;
const SUBSCRIBE_FIRST = `Start with \`${COMMAND} subscribe\`.`;

export function pausedReply(
  p: { subscribed: false } | { subscribed: true; until: string; next: DeliveryView; zone: string; now: Date },
): SlackMessage {
  if (!p.subscribed) return plainReply(`${NOT_SUBSCRIBED} pause. ${SUBSCRIBE_FIRST}`);
  return plainReply(
    `:double_vertical_bar: Paused: no drills until *${dayLabel(p.until)}*, when they start again; the first comes *${deliveryLabel(p.next, p.zone, p.now)}*. \`${COMMAND} resume\` ends the pause sooner.`,
  );
}

export function resumedReply(
  p:
    | { subscribed: false }
    | { subscribed: true; wasPaused: boolean; next: DeliveryView; zone: string; now: Date },
): SlackMessage {
  if (!p.subscribed) return plainReply(`${NOT_SUBSCRIBED} resume. ${SUBSCRIBE_FIRST}`);
  const next = `*${deliveryLabel(p.next, p.zone, p.now)}*`;
  return plainReply(
    p.wasPaused
      ? `:arrow_forward: Resumed: your next drill comes ${next}.`
      : `You were not paused; nothing changed. Your next drill comes ${next}.`,
  );
}

export function interviewReply(
  p:
    | { subscribed: false }
    | { subscribed: true; date: null; had: boolean; days: Days }
    | {
        subscribed: true;
        date: string;
        days: Days;
        next: DeliveryView;
        zone: string;
        now: Date;
        /** The role set with `/star role`, named in the reply. */
        role?: { title: string; company: string | null } | undefined;
      },
): SlackMessage {
  if (!p.subscribed) return plainReply(`${NOT_SUBSCRIBED} count down with. ${SUBSCRIBE_FIRST}`);
  const usual = labelOfDays(p.days);
  if (p.date === null) {
    return plainReply(
      p.had
        ? `:white_check_mark: Interview countdown off: back to your usual drills (${usual}).`
        : 'There was no interview countdown to stop; nothing changed.',
    );
  }
  const daysLeft = daysBetween(localDateOf(p.zone, p.now), p.date);
  const forRole = p.role
    ? ` for *${escapeMrkdwn(p.role.title)}*${p.role.company ? ` at *${escapeMrkdwn(p.role.company)}*` : ''}`
    : '';
  return plainReply(
    `:dart: Interview${forRole} on *${dayLabel(p.date)}*: ${countdownText(daysLeft).replace(/^Your/, 'your')}. Until then a drill comes every day, weekends too, weakest topics first; the day after, your usual drills (${usual}) come back. Next drill: *${deliveryLabel(p.next, p.zone, p.now)}*. \`${COMMAND} interview off\` stops the countdown.`,
  );
}

/** `/star interview` by someone not subscribed: the daily drills it started, and how to change them. */
export function interviewDrillsReply(p: {
  date: string;
  next: DeliveryView;
  zone: string;
  now: Date;
  zoneNote?: string;
}): SlackMessage {
  const daysLeft = daysBetween(localDateOf(p.zone, p.now), p.date);
  const lines = [
    `:dart: Interview on *${dayLabel(p.date)}*: ${countdownText(daysLeft).replace(/^Your/, 'your')}. You were not subscribed, so I started a drill every day at *09:00 your local time* (${escapeMrkdwn(p.zone)}), weekends too, weakest topics first, until then. Next drill: *${deliveryLabel(p.next, p.zone, p.now)}*.`,
    `They end after the interview. To change the time, \`${COMMAND} subscribe 07:30\` (or the *Settings* button on Home): that subscribes you, so the drills go on after the interview too. \`${COMMAND} interview off\` stops them.`,
  ];
  if (p.zoneNote) lines.push(`:information_source: ${p.zoneNote}`);
  return plainReply(lines.join('\n'));
}

/** `/star interview off` when the drills were the interview's alone (`stopped`), or when there were none. */
export function interviewDrillsEndedReply(stopped: boolean): SlackMessage {
  return plainReply(
    stopped
      ? `:white_check_mark: Interview countdown off: its daily drills have stopped. \`${COMMAND} subscribe\` starts regular ones.`
      : `There was no interview countdown to stop; nothing changed. \`${COMMAND} interview YYYY-MM-DD\` starts one.`,
  );
}

export function recapReply(on: boolean): SlackMessage {
  return plainReply(
    on
      ? ':white_check_mark: Weekly recap on: each Monday at your drill time, a short summary of the week before, when you answered at least one drill.'
      : `Weekly recap off. \`${COMMAND} recap on\` brings it back.`,
  );
}

/** The comment posted with the export file. */
export function exportComment(p: { drills: number; answered: number }): string {
  if (p.drills === 0) return 'Your Star Drill export: no drills yet.';
  return `Your Star Drill export: ${p.drills} ${p.drills === 1 ? 'drill' : 'drills'}, ${p.answered} answered, newest first.`;
}

export const DELETED_REPLY: SlackMessage = plainReply(
  `:wastebasket: Deleted: everything Star Drill kept about you is gone. \`${COMMAND} subscribe\` starts afresh.`,
);

/**
 * The one nudge in an unanswered scheduled drill's thread, with what the person means to do: answer it now
 * (the STAR modal, as the drill's own button), or take the day off (kept for the streak).
 */
export function reminderMessage(drillId: number): SlackMessage {
  const text =
    ":alarm_clock: A nudge: today's drill is still waiting. Two minutes out loud, then answer it; or skip today, and the day counts as a day off for your streak.";
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        block_id: BLOCK_REMINDER_ACTIONS,
        elements: [
          {
            type: 'button',
            action_id: ACTION_ANSWER_DRILL,
            style: 'primary',
            value: String(drillId),
            text: { type: 'plain_text', text: 'Answer now' },
          },
          {
            type: 'button',
            action_id: ACTION_SKIP_TODAY,
            value: String(drillId),
            text: { type: 'plain_text', text: 'Skip today' },
          },
        ],
      },
    ],
  };
}

/** What the reminder becomes once its day is skipped: the buttons go, the day off is said. */
export function skippedTodayMessage(localDate: string): SlackMessage {
  return plainReply(
    `:fast_forward: Skipped: ${dayLabel(localDate)} is a day off, so your streak neither grows nor breaks. The drill stays in \`${COMMAND} history\` if you want it later.`,
  );
}

/** `/star export` reads and uploads a whole history: at most this many per person per window. */
export const EXPORT_LIMIT = { limit: 3, windowMs: 60 * 60_000 } as const;

/** The reply to an export over the limit: nothing was exported, and when the next one is possible. */
export function exportLimitReply(limit: number, retryAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return `:hourglass: You can export your data ${limit} times an hour, and you have already. Nothing was exported this time: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
