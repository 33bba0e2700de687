/**
 * The App Home dashboard (`views.publish` on `app_home_opened`): streak, next drill or a Subscribe button,
 * pause and interview status, the last few unanswered drills with their Answer buttons, progress per topic
 * as short lines that read on a phone, and a Settings button.
 *
 * A Home view holds at most 100 blocks and each text at most 3,000 characters: unanswered drills are capped,
 * topics share sections when there are many, and every text from the guide or the user is escaped and
 * clipped, so any number of topics or drills fits.
 */
import type { HomeView, KnownBlock, SectionBlock } from '@slack/types';
import type { Days } from '../drills/days.ts';
import { interviewCountdown } from '../drills/pause.ts';
import { localDateOf } from '../drills/schedule.ts';
import { READINESS_HELP } from '../progress/readiness.ts';
import { reminderLabel } from '../progress/reminder.ts';
import type { StoryMatrix } from '../progress/story-matrix.ts';
import type { Streak } from '../progress/streak.ts';
import { scoreBar, type TopicProgress, trendLabel } from '../progress/topic-stats.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_HOME_SUBSCRIBE,
  ACTION_OPEN_ROLE,
  ACTION_OPEN_SETTINGS,
  BLOCK_HOME_ACTIONS,
  BLOCK_HOME_NEXT,
  BLOCK_HOME_UNANSWERED_PREFIX,
  COMMAND,
} from './ids.ts';
import { clip, escapeClipped } from './mrkdwn.ts';
import { type PeerTopicRating, peerRatingBlocks } from './peer-review.ts';
import { storyMatrixBlocks } from './stories.ts';
import {
  deliveryLabel,
  endsAfterText,
  dayLabel as plainDayLabel,
  scheduleLabel,
} from './subscription-replies.ts';

export interface HomeSubscription {
  minuteOfDay: number;
  days: Days;
  /** Topic titles; empty means every topic. */
  topicTitles: readonly string[];
  /** The next scheduled drill; null while it is being scheduled. */
  next: { localDate: string; dueAt: Date } | null;
  /** The local date drills start again after `/star pause`, if any (a past date shows nothing). */
  pausedUntil: string | null;
  /** The interview date of `/star interview`, if any (a past date shows nothing). */
  interviewDate: string | null;
  /** Drills started by `/star interview` alone end after this local date; null for a subscription. */
  endsAfter?: string | null;
  /** Minutes after delivery, or null when off. */
  reminderMinutes: number | null;
}

export interface UnansweredDrill {
  drillId: number;
  topicTitle: string;
  questionText: string;
  sentAt: Date;
}

export interface HomeData {
  /** The user's IANA zone: every date on the page is in it. */
  zone: string;
  now: Date;
  streak: Streak;
  /** Progress per topic, in the order to show (the bank's). */
  topics: readonly TopicProgress[];
  /** Null when not subscribed. */
  subscription: HomeSubscription | null;
  /** Unanswered drills, newest first; the first few are shown. */
  unanswered: readonly UnansweredDrill[];
  /** The story bank's matrix (views/stories.ts); absent, no Stories section. */
  stories?: StoryMatrix;
  /** Average peer rating per topic (Ask a colleague); absent or empty, no section. */
  peerRatings?: readonly PeerTopicRating[];
}

/** The Stories section's share of Home's 100 blocks. */
const MAX_STORY_SECTIONS = 12;

/** How many unanswered drills get their own Answer button. */
export const MAX_UNANSWERED = 5;
/** Sections for topics; past this, topics share sections (whole topics, never cut). */
export const MAX_TOPIC_SECTIONS = 60;

const section = (text: string, extra: Partial<SectionBlock> = {}): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text) },
  ...extra,
});
const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clip(text) }],
});

/**
 * "Thu 24 Dec", with the year when it is not the year of `today`: plain arithmetic (subscription-replies.ts),
 * as luxon's formatter cost each Home publish more than its own layout (bench/limits.md, the soak's profile).
 */
function dayLabel(localDate: string, today: string): string {
  const year = localDate.slice(0, 4);
  return year === today.slice(0, 4) ? plainDayLabel(localDate) : `${plainDayLabel(localDate)} ${year}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function streakText(s: Streak): string {
  if (s.longest === 0) {
    return s.today === 'due'
      ? ':fire: *Streak:* none yet. Answer today’s drill to start one.'
      : ':fire: *Streak:* none yet. Answer a drill to start one.';
  }
  const longest = s.longest > s.current ? ` · longest ${s.longest}` : '';
  const lines = [`:fire: *Streak: ${plural(s.current, 'drill day', 'drill days')}*${longest}`];
  if (s.today === 'answered') lines.push(':white_check_mark: Today’s drill is done.');
  else if (s.today === 'due') lines.push(`Answer today’s drill to make it ${s.current + 1}.`);
  return lines.join('\n');
}

function statusBlocks(d: HomeData, today: string): KnownBlock[] {
  const sub = d.subscription;
  if (sub === null) {
    return [
      section(
        ':calendar: *Not subscribed:* no drills come on their own. Subscribe to get one at your time.',
        {
          block_id: BLOCK_HOME_NEXT,
          accessory: {
            type: 'button',
            action_id: ACTION_HOME_SUBSCRIBE,
            style: 'primary',
            text: { type: 'plain_text', text: 'Subscribe' },
          },
        },
      ),
    ];
  }
  const next = sub.next ? deliveryLabel(sub.next, d.zone, d.now) : 'being scheduled';
  const topics =
    sub.topicTitles.length === 0 ? 'all topics' : sub.topicTitles.map((t) => escapeClipped(t, 60)).join(', ');
  const blocks: KnownBlock[] = [
    section(
      `:calendar: *Next drill:* ${next}\n${scheduleLabel({ minuteOfDay: sub.minuteOfDay, days: sub.days, zone: d.zone })} · ${topics} · reminder ${reminderLabel(sub.reminderMinutes)}`,
      { block_id: BLOCK_HOME_NEXT },
    ),
  ];
  if (sub.pausedUntil !== null && today < sub.pausedUntil) {
    blocks.push(
      section(
        `:double_vertical_bar: *Paused* until ${dayLabel(sub.pausedUntil, today)}: drills start again that day. \`${COMMAND} resume\` ends the pause now.`,
      ),
    );
  }
  const countdown = interviewCountdown(sub.interviewDate, today);
  if (countdown) {
    const when =
      countdown.daysLeft === 0
        ? 'Good luck!'
        : `(${dayLabel(countdown.date, today)}): a drill every day until then, weakest topics first.`;
    blocks.push(section(`:dart: *${countdown.text}* ${when}`));
  }
  if (sub.endsAfter) blocks.push(section(endsAfterText(sub.endsAfter)));
  return blocks;
}

function unansweredBlocks(d: HomeData, today: string): KnownBlock[] {
  if (d.unanswered.length === 0) return [];
  const shown = d.unanswered.slice(0, MAX_UNANSWERED);
  const blocks: KnownBlock[] = [section(`*Waiting for your answer* (${d.unanswered.length})`)];
  for (const u of shown) {
    const sent = dayLabel(localDateOf(d.zone, u.sentAt), today);
    blocks.push(
      section(`*${escapeClipped(u.topicTitle, 80)}* · ${sent}\n_${escapeClipped(u.questionText, 300)}_`, {
        block_id: `${BLOCK_HOME_UNANSWERED_PREFIX}${u.drillId}`,
        accessory: {
          type: 'button',
          action_id: ACTION_ANSWER_DRILL,
          value: String(u.drillId),
          text: { type: 'plain_text', text: 'Answer' },
        },
      }),
    );
  }
  const more = d.unanswered.length - shown.length;
  if (more > 0) {
    blocks.push(
      context(`And ${plural(more, 'older drill', 'older drills')}: \`${COMMAND} history\` lists them.`),
    );
  }
  return blocks;
}

/** One topic in three short lines: title; score bar and trend; readiness, count and last practice. */
function topicEntry(t: TopicProgress, zone: string, today: string): string {
  const trend = trendLabel(t.trend);
  const last = t.lastPractised ? ` · last ${dayLabel(localDateOf(zone, t.lastPractised), today)}` : '';
  return [
    `*${escapeClipped(t.title, 80)}*`,
    `${scoreBar(t.averageScore)}${trend ? ` · ${trend}` : ''}`,
    `${t.readiness.level} · ${t.answered} answered${last}`,
  ].join('\n');
}

/** Entries one per section while they fit MAX_TOPIC_SECTIONS, else packed into sections of whole entries. */
function packed(entries: string[]): string[] {
  if (entries.length <= MAX_TOPIC_SECTIONS) return entries;
  const out: string[] = [];
  for (const e of entries) {
    const last = out.at(-1);
    if (last !== undefined && last.length + 2 + e.length <= 3000) out[out.length - 1] = `${last}\n\n${e}`;
    else out.push(e);
  }
  return out;
}

function topicBlocks(d: HomeData, today: string): KnownBlock[] {
  const practised = d.topics.filter((t) => t.answered > 0);
  const notStarted = d.topics.filter((t) => t.answered === 0);
  if (practised.length === 0) {
    return [
      section('*Your topics*\nNo answers yet: your progress per topic shows here after your first drill.'),
    ];
  }
  const texts = packed(practised.map((t) => topicEntry(t, d.zone, today)));
  const shown = texts.slice(0, MAX_TOPIC_SECTIONS);
  const blocks: KnownBlock[] = [section('*Your topics* · average score, trend, readiness')];
  blocks.push(...shown.map((text) => section(text)));
  if (shown.length < texts.length) blocks.push(context('More topics than fit here.'));
  if (notStarted.length > 0) {
    const names = notStarted.map((t) => escapeClipped(t.title, 60)).join(', ');
    blocks.push(context(`Not started yet: ${names}`));
  }
  blocks.push(context(READINESS_HELP));
  return blocks;
}

/** A Home view whose blocks are the known kinds (what `views.publish` takes as `view`). */
export type HomeTabView = Omit<HomeView, 'blocks'> & { blocks: KnownBlock[] };

export function homeView(d: HomeData): HomeTabView {
  const today = localDateOf(d.zone, d.now);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Star Drill', emoji: true } },
    section(streakText(d.streak)),
    ...statusBlocks(d, today),
    { type: 'divider' },
  ];
  const unanswered = unansweredBlocks(d, today);
  if (unanswered.length > 0) blocks.push(...unanswered, { type: 'divider' });
  blocks.push(...topicBlocks(d, today), { type: 'divider' });
  if (d.stories) blocks.push(...storyMatrixBlocks(d.stories, MAX_STORY_SECTIONS), { type: 'divider' });
  blocks.push(...peerRatingBlocks(d.peerRatings ?? []));
  blocks.push({
    type: 'actions',
    block_id: BLOCK_HOME_ACTIONS,
    elements: [
      {
        type: 'button',
        action_id: ACTION_OPEN_SETTINGS,
        text: { type: 'plain_text', text: ':gear: Settings', emoji: true },
      },
      {
        type: 'button',
        action_id: ACTION_OPEN_ROLE,
        text: { type: 'plain_text', text: ':briefcase: Role', emoji: true },
      },
    ],
  });
  blocks.push(
    context(`Dates and times are in ${escapeClipped(d.zone, 60)}. \`${COMMAND} help\` lists every command.`),
  );
  return { type: 'home', blocks };
}
