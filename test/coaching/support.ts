// What the coaching tests share: the guide's own text read straight from
// the Markdown (not through the bank's parser, so the bot's parsing is checked, not trusted), answers written
// as a candidate would, and the steps of the coaching loop as a user takes them through the local Slack.

import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ApiCall, StoredMessage } from '../../local-slack/index.ts';
import { answers, drills, followUpAnswers, reviewCards } from '../../src/db/schema/index.ts';
import {
  ACTION_OPEN_BREAKDOWN,
  ACTION_PRACTISE_FOLLOW_UP,
  ACTION_STAR_INPUT,
  BLOCK_FOLLOW_UP,
} from '../../src/views/ids.ts';
import * as drive from '../support/drill-driver.ts';
import type { TestBot } from '../support/test-bot.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

// ---------------------------------------------------------------- the guide, read independently

const GUIDE = readFileSync(new URL('../../content/behavioral-interview-guide.md', import.meta.url), 'utf8');

/** The guide's Preparation Strategies, from the Markdown lines "N. **Title**: text". */
export const GUIDE_STRATEGIES: ReadonlyArray<{ number: number; title: string; text: string }> = (() => {
  const section = GUIDE.slice(GUIDE.indexOf('## Preparation Strategies'));
  return [...section.matchAll(/^(\d+)\. \*\*(.+?)\*\*: (.+)$/gm)].map((m) => ({
    number: Number(m[1]),
    title: String(m[2]),
    text: String(m[3]).trim(),
  }));
})();

/** One topic of the guide as written: its title, questions (quotes removed) and follow-ups. */
export function guideTopic(number: number): { title: string; questions: string[]; followUps: string[] } {
  const start = GUIDE.indexOf(`\n## ${number}. `);
  const end = GUIDE.indexOf('\n## ', start + 1);
  const section = GUIDE.slice(start, end);
  const title = section.slice(`\n## ${number}. `.length, section.indexOf('\n', 1)).trim();
  const listUnder = (heading: string) => {
    const from = section.indexOf(heading);
    const to = section.indexOf('\n### ', from + 1);
    return [...section.slice(from, to === -1 ? undefined : to).matchAll(/^- "(.+)"$/gm)].map((m) =>
      String(m[1]),
    );
  };
  return {
    title,
    questions: listUnder('### Example Questions'),
    followUps: listUnder('### Follow-up Questions'),
  };
}

// ---------------------------------------------------------------- answers a candidate would write

/**
 * An incident told mostly as "we": the Action says "we" five times and "I" once (counted by hand). The
 * Result is measured ("from 12% to 0.5%") and says what was learned.
 */
export const WE_ANSWER = {
  situation:
    'In March our checkout service at Acme started timing out during the evening peak, and about 12% of orders failed.',
  task: 'I was the on-call engineer, so restoring checkout was my job.',
  action:
    'We looked at the dashboards, we found that the Redis cache was full, we flushed it and we restarted the pods. Then we wrote a runbook and I reviewed it.',
  result:
    'Checkout recovered within 20 minutes and failed orders dropped from 12% to 0.5%. I learned to alert on cache memory before it fills.',
};

/** The same incident told as the candidate's own steps: "I" five times, no "we" in the Action. */
export const I_ANSWER = {
  ...WE_ANSWER,
  action:
    'I opened the Grafana dashboards and traced the timeouts to the Redis cache, which had hit its memory limit. I flushed the stale session keys, I raised the maxmemory setting and I restarted the checkout pods one by one. Then I wrote a runbook for the next on-call engineer.',
};

/** Filler throughout: no name, tool or number, "the team" and the passive for who acted, no measure. */
export const VAGUE_ANSWER = {
  situation: 'There were some issues with our system and things were slow.',
  task: 'We had to deal with it.',
  action: 'The team worked really hard on a lot of stuff and the problem was fixed eventually.',
  result: 'Performance improved significantly and everyone was happy.',
};

// ---------------------------------------------------------------- reading what Slack shows

type Obj = Record<string, unknown>;

import { shownText } from '../support/shown-text.ts';

export { shownText };

/** The buttons of some blocks, as Slack renders them. */
export function buttonsOf(
  blocks: unknown,
): Array<{ actionId: string; value: string; label: string; style?: string; blockId?: string }> {
  const found: Array<{ actionId: string; value: string; label: string; style?: string; blockId?: string }> =
    [];
  for (const block of (blocks ?? []) as Obj[]) {
    const elements = [
      ...(Array.isArray(block.elements) ? (block.elements as Obj[]) : []),
      ...(block.accessory ? [block.accessory as Obj] : []),
    ];
    for (const e of elements) {
      if (e.type !== 'button') continue;
      found.push({
        actionId: String(e.action_id),
        value: String(e.value),
        label: String((e.text as Obj).text),
        ...(typeof e.style === 'string' ? { style: e.style } : {}),
        ...(typeof block.block_id === 'string' ? { blockId: block.block_id } : {}),
      });
    }
  }
  return found;
}

export const { newUser, rate } = drive;

/** The replies in a drill's thread (not the parent). */
export const repliesTo = (t: TestBot, channel: string, ts: string) => drive.repliesTo(t, channel, ts);

// ---------------------------------------------------------------- the steps of the loop

/** `/star <text>`: the drill posted, once the command's work is all done (its ephemeral pointer included). */
export async function requestDrill(t: TestBot, userId: string, text = 'random') {
  const drill = await drive.requestDrill(t, userId, text);
  await t.bot.idle();
  return drill;
}

export async function drillRow(t: TestBot, drillId: number) {
  const [row] = await t.bot.ctx.db.select().from(drills).where(eq(drills.id, drillId));
  if (!row) throw new Error(`no drill ${drillId}`);
  return row;
}

export async function answerRow(t: TestBot, drillId: number) {
  const [row] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drillId));
  return row;
}

export async function cardOf(t: TestBot, userId: string, questionId: string) {
  const [row] = await t.bot.ctx.db
    .select()
    .from(reviewCards)
    .where(and(eq(reviewCards.userId, userId), eq(reviewCards.questionId, questionId)));
  return row;
}

export async function cardsOf(t: TestBot, userId: string) {
  return t.bot.ctx.db.select().from(reviewCards).where(eq(reviewCards.userId, userId));
}

export async function followUpRows(t: TestBot, drillId: number) {
  return t.bot.ctx.db.select().from(followUpAnswers).where(eq(followUpAnswers.drillId, drillId));
}

/**
 * Clicks "Answer with STAR" (or "Edit answer"), types `answer` and saves, then waits until the bot has done
 * everything the save started (analysis, thread reply, drill message). Returns the thread's replies.
 */
export async function answerDrill(
  t: TestBot,
  userId: string,
  at: { channel: string; ts: string; drillId: number },
  answer: Record<string, string>,
) {
  const { viewId } = await drive.openModal(t, userId, at.channel, at.ts, at.drillId);
  const saved = await t.standin.submitView(t.url, { userId, viewId, values: drive.viewValues(answer) });
  expect(saved.status).toBe(200);
  expect(saved.body).toBe('');
  await t.bot.idle();
  return repliesTo(t, at.channel, at.ts);
}

/** `/star <text>`, answered with `answer`: the drill, and its one feedback reply. */
export async function answeredDrill(
  t: TestBot,
  userId: string,
  text: string,
  answer: Record<string, string>,
) {
  const drill = await requestDrill(t, userId, text);
  const replies = await answerDrill(t, userId, { ...drill, drillId: drill.drill.id }, answer);
  expect(replies).toHaveLength(1);
  const feedback = replies[0] as StoredMessage;
  return { ...drill, feedback };
}

/** Clicks "Practise this follow-up" number `n`; returns the modal the clicker now sees. */
export async function practise(
  t: TestBot,
  userId: string,
  at: { channel: string; feedbackTs: string; drillId: number },
  n: number,
) {
  const opens = t.standin.callsTo('views.open').length;
  const reply = await t.standin.clickButton(t.url, {
    userId,
    channel: at.channel,
    messageTs: at.feedbackTs,
    actionId: ACTION_PRACTISE_FOLLOW_UP,
    value: `${at.drillId}:${n}`,
  });
  expect(reply.status).toBe(200);
  await t.bot.idle();
  const open = t.standin.callsTo('views.open')[opens];
  if (!open) throw new Error('the click opened no modal');
  expect(open.response.ok).toBe(true);
  const viewId = String((open.response.view as { id: string }).id);
  const view = () => t.standin.views.get(viewId)?.view as Obj;
  return { viewId, view };
}

/** Clicks "See the full breakdown" under the feedback; returns the modal the clicker now sees. */
export async function openBreakdown(
  t: TestBot,
  userId: string,
  at: { channel: string; feedbackTs: string; drillId: number },
) {
  const opens = t.standin.callsTo('views.open').length;
  const reply = await t.standin.clickButton(t.url, {
    userId,
    channel: at.channel,
    messageTs: at.feedbackTs,
    actionId: ACTION_OPEN_BREAKDOWN,
    value: String(at.drillId),
  });
  expect(reply.status).toBe(200);
  await t.bot.idle();
  const open = t.standin.callsTo('views.open')[opens];
  if (!open) throw new Error('the click opened no modal');
  expect(open.response.ok).toBe(true);
  const viewId = String((open.response.view as { id: string }).id);
  return t.standin.views.get(viewId)?.view as Obj;
}

/** The follow-up modal's values as the Slack client sends them. */
export const followUpValues = (text: string | null) => ({ [BLOCK_FOLLOW_UP]: { [ACTION_STAR_INPUT]: text } });

/**
 * A button click built by hand and signed, for a button no message shows (a forged or stale value): what
 * the local Slack's clickButton refuses to invent.
 */
export function forgedClick(
  t: TestBot,
  p: { userId: string; actionId: string; value: string; channel: string; messageTs: string },
) {
  const ws = t.standin.workspace;
  const payload = {
    type: 'block_actions',
    user: { id: p.userId, username: 'someone', name: 'someone', team_id: ws.teamId },
    api_app_id: ws.appId,
    token: ws.verificationToken,
    container: { type: 'message', message_ts: p.messageTs, channel_id: p.channel, is_ephemeral: false },
    trigger_id: t.standin.newTriggerId(p.userId),
    team: { id: ws.teamId, domain: 'standin' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: p.channel, name: 'directmessage' },
    state: { values: {} },
    response_url: t.standin.newResponseUrl('actions', { user: p.userId, channel: p.channel }),
    actions: [
      {
        action_id: p.actionId,
        block_id: 'forged',
        text: { type: 'plain_text', text: 'Forged' },
        type: 'button',
        value: p.value,
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
  return drive.sendPayload(t, payload);
}

/** An ephemeral the person was shown (in a command's ack or through response_url), as text. */
export function ephemeralText(c: ApiCall): string {
  return `${String(c.args.text ?? '')}\n${shownText(c.args.blocks)}`;
}

/** The ephemerals `userId` was sent since `since` (an index into the ephemeral log), as text. */
export function ephemeralTexts(t: TestBot, userId: string, since = 0): string[] {
  return t.standin.ephemerals(userId).slice(since).map(ephemeralText);
}
