// Driving a mock interview (`/star mock`) through the local Slack, as a person does: the command, the buttons of
// the mock's messages in the DM, the STAR modal and the follow-up modal. Each move waits for everything it
// started (`t.bot.idle()`), so nothing sleeps.

import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { StoredMessage } from '../../local-slack/index.ts';
import { type MockInterview, mockInterviews } from '../../src/db/schema/index.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_MOCK_CONTINUE,
  ACTION_MOCK_END,
  ACTION_STAR_INPUT,
  BLOCK_FOLLOW_UP,
  BLOCK_MOCK_OFFER,
  BLOCK_MOCK_STEP,
} from '../../src/views/ids.ts';
import { starShown, viewValues } from '../support/drill-driver.ts';
import { shownText } from '../support/shown-text.ts';
import type { TestBot } from '../support/test-bot.ts';

export type Bot = Pick<TestBot, 'bot' | 'standin' | 'url'>;

/** The bot's top-level messages in the person's DM, oldest first. */
export const topLevel = (t: Bot, userId: string): StoredMessage[] =>
  t.standin.messages(t.standin.dmChannelFor(userId)).filter((m) => m.thread_ts === undefined);

interface Button {
  action_id: string;
  value?: string;
}

function buttonsIn(m: { blocks?: unknown }, blockId: string): Button[] {
  const blocks = (m.blocks ?? []) as Array<{ block_id?: string; elements?: Button[] }>;
  return blocks.filter((b) => b.block_id === blockId).flatMap((b) => b.elements ?? []);
}

/**
 * The mock's messages (questions and follow-ups) in the DM as they stand, oldest first. An answered question's
 * message becomes the drill's answered message (its score, Edit answer), like any drill's: it leaves this list.
 */
export const stepMessages = (t: Bot, userId: string) =>
  topLevel(t, userId).filter((m) => buttonsIn(m, BLOCK_MOCK_STEP).length > 0);

/** Every step message the bot posted to the person, as posted (its text), oldest first: no step twice. */
export function stepPosts(t: Bot, userId: string): string[] {
  return t.standin
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === userId && c.response.ok === true)
    .filter((c) => buttonsIn(c.args as { blocks?: unknown }, BLOCK_MOCK_STEP).length > 0)
    .map((c) => shownText(c.args.blocks));
}

/** The header of each step posted, in order. */
export const stepHeaders = (t: Bot, userId: string) =>
  stepPosts(t, userId).map((text) => /Mock interview · [^\n]*/.exec(text)?.[0] ?? '');

/** The mock's latest step message, with its button, and its text as a person reads it. */
export function latestStep(t: Bot, userId: string) {
  const message = stepMessages(t, userId).at(-1);
  const button = message && buttonsIn(message, BLOCK_MOCK_STEP)[0];
  if (!message || !button) throw new Error(`no mock step message in ${userId}'s DM`);
  return { message, button, text: shownText(message.blocks), kind: kindOf(button) };
}

const kindOf = (b: Button): 'star' | 'follow_up' =>
  b.action_id === ACTION_ANSWER_DRILL ? 'star' : 'follow_up';

/** The summary message: the DM's message whose header is one of the summary titles. */
export function summaries(t: Bot, userId: string): StoredMessage[] {
  return topLevel(t, userId).filter((m) => /^Mock interview(:| ended)/.test(shownText(m.blocks)));
}

export async function mockRows(t: Bot, userId: string): Promise<MockInterview[]> {
  return t.bot.ctx.db
    .select()
    .from(mockInterviews)
    .where(eq(mockInterviews.userId, userId))
    .orderBy(mockInterviews.id);
}

/** `/star mock` typed in the person's DM; returns what it answered (ephemeral), if anything. */
export async function slashMock(t: Bot, userId: string, channelId?: string) {
  return (await starShown(t, userId, 'mock', channelId ? { channelId } : {})).shown;
}

/** Clicks a step message's button and returns the modal it opened. */
export async function openStep(t: Bot, userId: string, message: StoredMessage, button: Button) {
  const opens = t.standin.callsTo('views.open').length;
  const click = await t.standin.clickButton(t.url, {
    userId,
    channel: t.standin.dmChannelFor(userId),
    messageTs: message.ts,
    actionId: button.action_id,
    blockId: BLOCK_MOCK_STEP,
    ...(button.value ? { value: button.value } : {}),
  });
  expect(click.status).toBe(200);
  await t.bot.idle();
  const open = t.standin.callsTo('views.open').slice(opens).at(-1);
  const viewId = String((open?.response.view as { id?: string } | undefined)?.id ?? '');
  return { viewId, view: t.standin.views.get(viewId)?.view as Record<string, unknown> | undefined };
}

/** The values of the step's modal: the four STAR parts, or the follow-up's one field. */
export function stepValues(kind: 'star' | 'follow_up', answer: StarAnswer | string) {
  return kind === 'star'
    ? viewValues({ ...(answer as StarAnswer) })
    : { [BLOCK_FOLLOW_UP]: { [ACTION_STAR_INPUT]: answer as string } };
}

/** Answers the mock's latest step through its button and modal; returns the submission's HTTP answer. */
export async function answerLatest(t: Bot, userId: string, answer: StarAnswer | string) {
  const step = latestStep(t, userId);
  const { viewId } = await openStep(t, userId, step.message, step.button);
  const reply = await t.standin.submitView(t.url, { userId, viewId, values: stepValues(step.kind, answer) });
  await t.bot.idle();
  return { reply, step, viewId };
}

/** The offer's buttons (Continue, End it) in the ephemeral `/star mock` answered with. */
export function offerIn(said: ReadonlyArray<{ args: Record<string, unknown> }>) {
  for (const call of said) {
    const buttons = buttonsIn(call.args as { blocks?: unknown }, BLOCK_MOCK_OFFER);
    if (buttons.length > 0) return buttons;
  }
  return undefined;
}

/** Clicks Continue or End it on the latest offer shown to the person; returns what replaced it. */
export async function clickOffer(t: Bot, userId: string, which: 'continue' | 'end', value?: string) {
  const channel = t.standin.dmChannelFor(userId);
  const offer = t.standin
    .ephemeralsIn(userId, channel)
    .filter((m) => buttonsIn(m, BLOCK_MOCK_OFFER).length > 0)
    .at(-1);
  if (!offer) throw new Error(`no mock offer shown to ${userId}`);
  const actionId = which === 'continue' ? ACTION_MOCK_CONTINUE : ACTION_MOCK_END;
  const button = buttonsIn(offer, BLOCK_MOCK_OFFER).find((b) => b.action_id === actionId);
  const reply = await t.standin.clickButton(t.url, {
    userId,
    channel,
    messageTs: offer.ts,
    actionId,
    value: value ?? button?.value ?? '',
  });
  expect(reply.status).toBe(200);
  await t.bot.idle();
  return {
    offer,
    value: button?.value ?? '',
    shown: shownText(t.standin.ephemeralMessage(channel, offer.ts)?.blocks),
  };
}

/** Strong answers of three sorts, so the three questions score apart. */
export const GOOD: StarAnswer = {
  situation:
    'In March our checkout service started failing for 8% of customers after a database migration, during our busiest week.',
  task: 'As the on-call engineer I owned the incident: restore checkout within the hour and find the cause.',
  action:
    'I rolled back the migration, then I traced the failures to a missing index on the orders table, added it in a reviewed change, and wrote a runbook for migrations under load.',
  result:
    'Errors fell from 8% to 0.1% in 20 minutes; we lost no orders, and since then 14 migrations have shipped without an incident. I learned to rehearse migrations against production-sized data.',
};

export const THIN: StarAnswer = {
  situation: 'There was a problem with a project at work last year.',
  task: 'We had to fix it for the team.',
  action: 'We worked on it together and fixed it.',
  result: 'It was fine in the end.',
};
