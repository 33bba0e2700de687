// Ask a colleague end to end: the moves of an author (ask) and a colleague (review, decline) through the local
// Slack, each followed by `t.bot.idle()` (every request and its work after the ack done: nothing sleeps).

import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { OpenedView, StoredMessage } from '../../local-slack/index.ts';
import { type PeerReview, peerReviews } from '../../src/db/schema/index.ts';
import { PEER_CRITERIA, type PeerRatings } from '../../src/drills/peer-review.ts';
import {
  ACTION_ASK_COLLEAGUE,
  ACTION_ASK_NOTE,
  ACTION_ASK_REVIEWER,
  ACTION_ASK_SCORE,
  ACTION_PEER_COMMENT,
  ACTION_PEER_RATING,
  ACTION_PEER_REVIEW,
  BLOCK_ASK_NOTE,
  BLOCK_ASK_REVIEWER,
  BLOCK_ASK_SCORE,
  BLOCK_PEER_COMMENT,
  INCLUDE_SCORE,
  VIEW_PEER_REVIEW,
} from '../../src/views/ids.ts';
import { peerRatingBlock } from '../../src/views/peer-review.ts';
import { answer, feedbackOf, type Posted, person, strongAnswer, topicAt } from '../progress-e2e/support.ts';
import { rawSubmission, repliesTo, requestDrill, sendPayload } from '../support/drill-driver.ts';
import { shownText } from '../support/shown-text.ts';
import type { TestBot } from '../support/test-bot.ts';

export const GOOD_REVIEW: PeerRatings = { clearSituation: 5, ownActions: 4, measuredResult: 3, wouldHire: 4 };

/** A person who has answered one drill (a strong answer of the guide's `topic`-th topic). */
export async function answeredDrill(
  t: TestBot,
  topic = 0,
): Promise<{ author: string; d: Awaited<ReturnType<typeof requestDrill>> }> {
  const author = person(t, 'Europe/London', 'UAUTH');
  const slug = topicAt(t, topic).slug;
  const d = await requestDrill(t, author, slug, t.standin.dmChannelFor(author));
  await answer(t, author, d, strongAnswer(slug));
  return { author, d };
}

/** Clicks "Ask a colleague" under the feedback; returns the modal it opened. */
export async function openAsk(t: TestBot, userId: string, d: Posted): Promise<OpenedView> {
  const feedback = feedbackOf(t, d);
  if (!feedback) throw new Error('no feedback under the drill');
  const click = await t.standin.clickButton(t.url, {
    userId,
    channel: d.channel,
    messageTs: feedback.ts,
    actionId: ACTION_ASK_COLLEAGUE,
    value: String(d.drill.id),
  });
  expect(click.status).toBe(200);
  await t.bot.idle();
  const modal = t.standin.openModal(userId);
  if (!modal) throw new Error('no modal open');
  return modal;
}

export interface AskInput {
  reviewer: string | null;
  note?: string;
  includeScore?: boolean;
  /** false: sent as a forged or buggy client would, past the client's own checks. */
  clientChecks?: boolean;
}

/** Submits the ask modal. */
export async function submitAsk(t: TestBot, userId: string, modal: OpenedView, p: AskInput) {
  const values: Record<string, Record<string, string | string[] | null>> = {
    [BLOCK_ASK_REVIEWER]: { [ACTION_ASK_REVIEWER]: p.reviewer },
  };
  if (p.note !== undefined) values[BLOCK_ASK_NOTE] = { [ACTION_ASK_NOTE]: p.note };
  if (p.includeScore) values[BLOCK_ASK_SCORE] = { [ACTION_ASK_SCORE]: [INCLUDE_SCORE] };
  const reply = await t.standin.submitView(t.url, {
    userId,
    viewId: modal.id,
    values,
    ...(p.clientChecks === false ? { clientChecks: false } : {}),
  });
  await t.bot.idle();
  return reply;
}

/** The field error a refused submission answered, on `blockId`. */
export function fieldError(reply: { json?: unknown }, blockId: string): string | undefined {
  const json = reply.json as { response_action?: string; errors?: Record<string, string> } | undefined;
  return json?.response_action === 'errors' ? json.errors?.[blockId] : undefined;
}

/** Every request stored, oldest first. */
export function requestsOf(t: TestBot, authorId: string): Promise<PeerReview[]> {
  return t.bot.ctx.db
    .select()
    .from(peerReviews)
    .where(eq(peerReviews.authorId, authorId))
    .orderBy(asc(peerReviews.id));
}

/** The bot's messages in the colleague's DM that hold a review request (as shown now). */
export function requestDms(t: TestBot, reviewer: string): StoredMessage[] {
  return t.standin
    .messages(t.standin.dmChannelFor(reviewer))
    .filter((m) => m.text.includes('asks you to review'));
}

/** Clicks Review (or Decline) in the colleague's DM. */
export async function clickInDm(
  t: TestBot,
  reviewer: string,
  dm: StoredMessage,
  actionId: string,
  requestId: number,
) {
  const reply = await t.standin.clickButton(t.url, {
    userId: reviewer,
    channel: dm.channel,
    messageTs: dm.ts,
    actionId,
    value: String(requestId),
  });
  expect(reply.status).toBe(200);
  await t.bot.idle();
  return reply;
}

/**
 * A click on a button of a message as it was before the bot changed it (a client that had not refreshed yet):
 * signed like Slack's, built by hand because the local Slack only clicks what is shown now.
 */
export async function staleClick(t: TestBot, userId: string, actionId: string, value: string) {
  const reply = await sendPayload(t, {
    type: 'block_actions',
    user: { id: userId, team_id: t.standin.workspace.teamId },
    team: { id: t.standin.workspace.teamId },
    api_app_id: t.standin.workspace.appId,
    token: t.standin.workspace.verificationToken,
    trigger_id: t.standin.newTriggerId(userId),
    container: { type: 'message', channel_id: t.standin.dmChannelFor(userId) },
    actions: [{ action_id: actionId, value, type: 'button' }],
  });
  expect(reply.status).toBe(200);
  await t.bot.idle();
}

/** Opens the review modal from the DM. */
export async function openReview(t: TestBot, reviewer: string, dm: StoredMessage, requestId: number) {
  await clickInDm(t, reviewer, dm, ACTION_PEER_REVIEW, requestId);
  const modal = t.standin.openModal(reviewer);
  if (!modal) throw new Error('no review modal open');
  return modal;
}

/**
 * The author's only request, sent to `reviewer`, and the colleague's review modal opened from its DM: the
 * steps before a test's own review.
 */
export async function openTheOnlyRequest(t: TestBot, author: string, reviewer: string) {
  const [request] = await requestsOf(t, author);
  const [dm] = requestDms(t, reviewer);
  if (!request || !dm) throw new Error('no request');
  return { request, dm, modal: await openReview(t, reviewer, dm, request.id) };
}

/** Submits the review modal; a rating left null is left blank. */
export async function submitReview(
  t: TestBot,
  reviewer: string,
  modal: OpenedView,
  ratings: Partial<Record<keyof PeerRatings, number | null>>,
  comment?: string,
  clientChecks = true,
) {
  const values: Record<string, Record<string, string | null>> = {};
  for (const c of PEER_CRITERIA) {
    const r = ratings[c];
    if (r !== undefined) values[peerRatingBlock(c)] = { [ACTION_PEER_RATING]: r === null ? null : String(r) };
  }
  if (comment !== undefined) values[BLOCK_PEER_COMMENT] = { [ACTION_PEER_COMMENT]: comment };
  const reply = await t.standin.submitView(t.url, {
    userId: reviewer,
    viewId: modal.id,
    values,
    ...(clientChecks ? {} : { clientChecks: false }),
  });
  await t.bot.idle();
  return reply;
}

/** The replies in the drill's thread, as text, after the feedback. */
export function threadTexts(t: TestBot, d: Posted): string[] {
  return repliesTo(t, d.channel, d.ts).map((m) => shownText(m.blocks));
}

/**
 * A review submission as Slack sends it again (a retry), or from a modal the client still shows after the bot
 * opened another: signed, built by hand, for the view `viewId` of request `requestId`.
 */
export async function rawReview(
  t: TestBot,
  reviewer: string,
  viewId: string,
  requestId: number,
  ratings: PeerRatings,
) {
  const values = Object.fromEntries(
    PEER_CRITERIA.map((c) => [
      peerRatingBlock(c),
      { [ACTION_PEER_RATING]: { type: 'static_select', selected_option: { value: String(ratings[c]) } } },
    ]),
  );
  const reply = await rawSubmission(
    t,
    viewId,
    reviewer,
    {},
    { callback_id: VIEW_PEER_REVIEW, private_metadata: String(requestId), state: { values } },
  );
  expect(reply.status).toBe(200);
  await t.bot.idle();
  return reply;
}
