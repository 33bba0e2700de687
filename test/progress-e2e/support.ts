// What the progress end-to-end tests share: the real bot over HTTP against the local Slack, a clock the test
// sets, the scheduler ticked by hand, and the moves a person makes (commands, Home, buttons, modals), each
// followed by `t.bot.idle()`: every request handled, including its work after the ack, so nothing sleeps.

import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { TestClock } from '../../harness/scheduler.ts';
import type { StoredMessage, TypedValue } from '../../local-slack/index.ts';
import { type Drill, drills, subscriptions } from '../../src/db/schema/index.ts';
import type { SelfRating } from '../../src/drills/review-cards.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import type { TickResult } from '../../src/scheduler/scheduler.ts';
import {
  ACTION_RATE_DRILL,
  ACTION_SETTINGS_DAYS,
  ACTION_SETTINGS_REMINDER,
  ACTION_SETTINGS_TIME,
  ACTION_SETTINGS_TOPICS,
  BLOCK_SETTINGS_DAYS,
  BLOCK_SETTINGS_REMINDER,
  BLOCK_SETTINGS_TIME,
  BLOCK_SETTINGS_TOPICS,
} from '../../src/views/ids.ts';
import { CALIBRATION_SET } from '../coach/calibration-set.ts';
import { rate as clickRating, openModal, repliesTo, starShown, viewValues } from '../support/drill-driver.ts';
import { shownText } from '../support/shown-text.ts';
import type { TestBot } from '../support/test-bot.ts';

export { startProgressBot } from '../support/progress-bot.ts';
export { TestClock };

let seq = 0;
/** A person the local Slack knows, in `tz`, with an id unique within the run. */
/** The guide's i-th topic, in the guide's order. */
export function topicAt(t: TestBot, i: number) {
  const found = t.bot.ctx.bank.topics[i];
  if (!found) throw new Error(`the guide has no topic ${i}`);
  return found;
}

export function person(t: TestBot, tz: string, tag = 'UPROG'): string {
  const id = `${tag}${process.pid.toString(36).toUpperCase()}${(++seq).toString(36).toUpperCase()}`;
  t.standin.setUser({ id, tz });
  return id;
}

export interface Reply {
  /** Answered in the ack itself (bad input, or a reply ready in time), rather than later through response_url. */
  inAck: boolean;
  text: string;
}

/** `/star <text>` typed in the person's DM; the reply from the ack body, or the response_url post after it. */
export async function star(t: TestBot, userId: string, text: string): Promise<Reply> {
  const { reply, shown } = await starShown(t, userId, text);
  const body = reply.json as { text?: string } | undefined;
  if (body?.text) return { inAck: true, text: body.text };
  return { inAck: false, text: shown.map((c) => String(c.args.text ?? '')).join('\n') };
}

/** The person opens the app's Home tab: Slack sends app_home_opened; returns the view then published. */
export async function openHome(t: TestBot, userId: string) {
  const published = t.standin.count('views.publish');
  const reply = await t.standin.sendEvent(t.url, {
    type: 'app_home_opened',
    user: userId,
    channel: t.standin.dmChannelFor(userId),
    tab: 'home',
  });
  expect(reply.status).toBe(200);
  await t.bot.idle();
  expect(t.standin.count('views.publish')).toBeGreaterThan(published);
  return home(t, userId);
}

/** The Home tab as last published for the person (without opening it again). */
export function home(t: TestBot, userId: string) {
  const view = t.standin.homeView(userId);
  if (!view) throw new Error(`no Home tab published for ${userId}`);
  const blocks = view.view.blocks as Array<Record<string, unknown>>;
  return { view, blocks, text: shownText(blocks) };
}

/** Ticks the scheduler at `iso` (and waits for what the tick started). */
export async function tick(t: TestBot, clock: TestClock, iso: string): Promise<TickResult> {
  const at = clock.set(iso);
  const counts = await (t.bot.scheduler?.tick(at) as Promise<TickResult>);
  await t.bot.idle();
  return counts;
}

/** The bot's top-level messages in the person's DM (thread replies left out). */
export function dms(t: TestBot, userId: string): StoredMessage[] {
  return t.standin.messages(t.standin.dmChannelFor(userId)).filter((m) => m.thread_ts === undefined);
}

export async function subscriptionOf(t: TestBot, userId: string) {
  const [row] = await t.bot.ctx.db.select().from(subscriptions).where(eq(subscriptions.userId, userId));
  return row;
}

export async function drillsOf(t: TestBot, userId: string): Promise<Drill[]> {
  return t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId)).orderBy(drills.id);
}

/** The scheduled drill of a local date, with the message it was posted as. */
export async function scheduledDrill(t: TestBot, userId: string, localDate: string) {
  const [drill] = await t.bot.ctx.db
    .select()
    .from(drills)
    .where(and(eq(drills.userId, userId), eq(drills.localDate, localDate)));
  if (!drill?.messageTs || !drill.channelId) throw new Error(`no scheduled drill posted on ${localDate}`);
  return { drill, channel: drill.channelId, ts: drill.messageTs };
}

export interface Posted {
  drill: Pick<Drill, 'id'>;
  channel: string;
  ts: string;
}

/** Clicks Answer on the drill's message, submits the four parts, and waits for the feedback in its thread. */
export async function answer(t: TestBot, userId: string, d: Posted, parts: StarAnswer): Promise<void> {
  const { viewId } = await openModal(t, userId, d.channel, d.ts, d.drill.id);
  const reply = await t.standin.submitView(t.url, { userId, viewId, values: viewValues({ ...parts }) });
  expect(reply.body).toBe('');
  await t.bot.idle();
  expect(feedbackOf(t, d)).toBeDefined();
}

/** The feedback message in the drill's thread (the one with the rating buttons). */
export function feedbackOf(t: TestBot, d: Posted): StoredMessage | undefined {
  return repliesTo(t, d.channel, d.ts).find((m) => JSON.stringify(m.blocks).includes(ACTION_RATE_DRILL));
}

/** Clicks a self-rating under the drill's feedback. */
export async function rate(t: TestBot, userId: string, d: Posted, rating: SelfRating): Promise<void> {
  const feedback = feedbackOf(t, d);
  if (!feedback) throw new Error('no feedback to rate');
  await clickRating(t, userId, { channel: d.channel, feedbackTs: feedback.ts, drillId: d.drill.id }, rating);
}

/** A strong answer from the calibration set (scored high by the coach) for a topic. */
export function strongAnswer(topicSlug: string): StarAnswer {
  const found = CALIBRATION_SET.find((a) => a.topic === topicSlug && a.label === 'strong');
  if (!found) throw new Error(`no strong calibration answer for ${topicSlug}`);
  return found.answer;
}

/** An answer that says nothing: the coach scores it near the bottom. */
export const EMPTY_ANSWER: StarAnswer = {
  situation: 'There was a problem.',
  task: 'It had to be fixed.',
  action: 'We fixed it.',
  result: 'It was fine.',
};

/** The settings modal's inputs, by block_id then action_id, as a person fills them in. */
export function settingsValues(p: {
  time?: string | null;
  days?: readonly string[];
  topics?: readonly string[];
  reminder?: string | null;
}): Record<string, Record<string, TypedValue>> {
  const out: Record<string, Record<string, TypedValue>> = {};
  if (p.time !== undefined) out[BLOCK_SETTINGS_TIME] = { [ACTION_SETTINGS_TIME]: p.time };
  if (p.days !== undefined) out[BLOCK_SETTINGS_DAYS] = { [ACTION_SETTINGS_DAYS]: p.days };
  if (p.topics !== undefined) out[BLOCK_SETTINGS_TOPICS] = { [ACTION_SETTINGS_TOPICS]: p.topics };
  if (p.reminder !== undefined) out[BLOCK_SETTINGS_REMINDER] = { [ACTION_SETTINGS_REMINDER]: p.reminder };
  return out;
}
