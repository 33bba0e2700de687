// The extra model-backed coaching end to end: signed requests to the bot, the local Slack answering its Web
// API, and a local OpenAI-compatible endpoint answering for the model. The rules feedback is always the
// first reply; the model's reply comes second, and only with what is grounded in the answer.
//
// Bad inputs tried: `/star model` from a non-admin, with an unknown word (`/star model maybe`); the model
// answering text that is not JSON, JSON with an invented number, a quote not in the answer, nothing
// grounded, no answer at all (the 10 s budget), 429 with a Retry-After inside and beyond the budget, and 500
// three times.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../local-slack/index.ts';
import { followUpAnswers, modelFollowUps, workspaceModel } from '../../src/db/schema/index.ts';
import { ACTION_PRACTISE_FOLLOW_UP } from '../../src/views/ids.ts';
import {
  answerDrill,
  buttonsOf,
  ephemeralText,
  followUpValues,
  newUser,
  practise,
  repliesTo,
  requestDrill,
  shownText,
  WE_ANSWER,
} from '../coaching/support.ts';
import { openModal, starShown, viewValues } from '../support/drill-driver.ts';
import { ModelStandin } from '../support/model-standin.ts';
import type { TestBot } from '../support/test-bot.ts';
import {
  FOREIGN_QUOTE,
  GROUNDED,
  GROUNDED_FOLLOW_UPS,
  INVENTED_NUMBER,
  MODEL_NAME,
  metricsOf,
  NOTHING_GROUNDED,
  startModelBot,
} from './support.ts';

let t: TestBot;
let model: ModelStandin;
const ADMIN = newUser('UADM');

beforeAll(async () => {
  ({ t, model } = await startModelBot());
  t.standin.setUser({ id: ADMIN, tz: 'UTC', is_admin: true });
}, 180_000);
afterAll(() => t?.close());
beforeEach(() => model.reset());

/** `/star model <args>` from `userId`; what they were told once the command's work is done. */
async function modelCommand(userId: string, args: string): Promise<string> {
  // A reply in the ack itself, or later through response_url: both are among what the person was shown.
  const { shown } = await starShown(t, userId, `model ${args}`.trim());
  return shown.map(ephemeralText).join('\n');
}

/** A drill answered with WE_ANSWER by a new user; its thread once everything the save started is done. */
async function answered() {
  const userId = newUser();
  const drill = await requestDrill(t, userId, 'incidents');
  const replies = await answerDrill(t, userId, { ...drill, drillId: drill.drill.id }, WE_ANSWER);
  return { userId, drill, replies };
}

const isFeedback = (m: StoredMessage | undefined) => /Score: \d+\/100/.test(shownText(m?.blocks));
const modelTexts = (replies: StoredMessage[]) => replies.slice(1).map((m) => shownText(m.blocks));

/** Everything the bot logged, as one text: for "the answer never reached the logs". */
const allLogs = () => t.logs.lines.map((l) => JSON.stringify(l)).join('\n');
const ANSWER_PHRASES = ['Redis cache was full', 'we flushed it', 'evening peak', 'alert on cache memory'];

describe('off unless the operator and the workspace opt in', () => {
  it('is off by default: an answer gets the rules feedback only, and nothing is sent to the model', async () => {
    const { replies } = await answered();
    expect(replies).toHaveLength(1);
    expect(isFeedback(replies[0])).toBe(true);
    expect(model.requests).toHaveLength(0);
  });

  it('says whether it is on, and refuses an unknown word with the usage', async () => {
    expect(await modelCommand(ADMIN, '')).toContain('Extra coaching is *off* for this workspace');
    expect(await modelCommand(ADMIN, 'maybe')).toContain('`/star model on` or `/star model off`');
    expect(await t.bot.ctx.db.select().from(workspaceModel)).toEqual([]);
  });

  it('refuses a member who is not an admin, and changes nothing', async () => {
    const member = newUser();
    t.standin.setUser({ id: member, tz: 'UTC' });
    const said = await modelCommand(member, 'on');
    expect(said).toContain('Only a workspace admin or owner, or whoever installed Star Drill');
    expect(said).toContain('Nothing was changed');
    expect(await t.bot.ctx.db.select().from(workspaceModel)).toEqual([]);
  });

  it('an admin turns it on: the reply says exactly what is sent, and where', async () => {
    const said = await modelCommand(ADMIN, 'on');
    expect(said).toContain('Extra coaching is *on* for this workspace');
    const host = new URL(model.url).host;
    expect(said).toContain(`sends the model at *${host}* exactly this`);
    expect(said).toContain('the interview question and the four parts of that answer');
    expect(said).toContain('Never their name, a user or workspace id, their score, or any other answer');
    const [row] = await t.bot.ctx.db.select().from(workspaceModel);
    expect(row).toMatchObject({ teamId: t.standin.workspace.teamId, enabled: true, changedBy: ADMIN });
    expect(await modelCommand(ADMIN, 'on')).toContain('was already on');
  });
});

describe('with the model on', () => {
  it('posts the grounded reply second: two follow-ups to practise, and a stronger Action and Result', async () => {
    model.answer({ kind: 'json', body: GROUNDED });
    const { userId, drill, replies } = await answered();
    expect(replies).toHaveLength(2);
    expect(isFeedback(replies[0])).toBe(true);
    const [extra] = modelTexts(replies);
    expect(extra).toContain(
      `Extra coaching from a language model at ${new URL(model.url).host}, which was sent this question and the four parts of your answer, nothing else.`,
    );
    expect(extra).toContain('Your score is the rules coach’s and is unchanged');
    for (const q of GROUNDED_FOLLOW_UPS) expect(extra).toContain(q);
    expect(extra).toContain('A stronger Action and Result, with your facts only');
    expect(extra).toContain(GROUNDED.rewrite.action);
    expect(extra).toContain("'we' -&gt; 'I' where you acted");
    // The model's buttons come after the guide's three follow-ups: 4 and 5.
    const buttons = buttonsOf(replies[1]?.blocks).filter((b) => b.actionId === ACTION_PRACTISE_FOLLOW_UP);
    expect(buttons.map((b) => [b.label, b.value])).toEqual([
      ['Practise this follow-up', `${drill.drill.id}:4`],
      ['Practise this follow-up', `${drill.drill.id}:5`],
    ]);
    expect(metricsOf(t).count('posted')).toBeGreaterThan(0);

    // What was sent: the question and the four parts, and nothing about the person.
    expect(model.requests).toHaveLength(1);
    const [request] = model.requests;
    expect(request?.body.model).toBe(MODEL_NAME);
    expect(request?.headers.authorization).toBeUndefined();
    const sent = ModelStandin.userMessage(request as NonNullable<typeof request>);
    expect(sent).toContain(`Question: ${drill.drill.questionText}`);
    for (const [part, text] of Object.entries(WE_ANSWER)) {
      expect(sent).toContain(`${part[0]?.toUpperCase()}${part.slice(1)}: ${text}`);
    }
    for (const secret of [userId, userId.toLowerCase(), t.standin.workspace.teamId, 'Score']) {
      expect(request?.raw).not.toContain(secret);
    }

    // The model's follow-up opens the existing practice modal and is scored by the rules coach.
    const at = { channel: drill.channel, feedbackTs: replies[1]?.ts as string, drillId: drill.drill.id };
    const { viewId, view } = await practise(t, userId, at, 4);
    expect(shownText(view().blocks)).toContain(GROUNDED_FOLLOW_UPS[0]);
    const saved = await t.standin.submitView(t.url, {
      userId,
      viewId,
      values: followUpValues('I checked the Redis memory graph first, because the timeouts matched it.'),
    });
    expect(saved.status).toBe(200);
    await t.bot.idle();
    const thread = repliesTo(t, drill.channel, drill.ts);
    expect(shownText(thread.at(-1)?.blocks)).toContain(`Follow-up 4: ${GROUNDED_FOLLOW_UPS[0]}`);
    expect(shownText(thread.at(-1)?.blocks)).toMatch(/Score: \d+\/100/);
    const [stored] = await t.bot.ctx.db
      .select()
      .from(followUpAnswers)
      .where(eq(followUpAnswers.drillId, drill.drill.id));
    expect(stored).toMatchObject({ number: 4, questionText: GROUNDED_FOLLOW_UPS[0] });
  });

  it('drops a follow-up and a rewrite with an invented number, and posts what is left', async () => {
    model.answer({ kind: 'json', body: INVENTED_NUMBER });
    const { drill, replies } = await answered();
    expect(replies).toHaveLength(2);
    const [extra = ''] = modelTexts(replies);
    expect(extra).toContain(GROUNDED_FOLLOW_UPS[1]);
    expect(extra).not.toContain('15%');
    expect(extra).not.toContain('0.1%');
    expect(extra).not.toContain('A stronger Action and Result');
    const stored = await t.bot.ctx.db
      .select()
      .from(modelFollowUps)
      .where(eq(modelFollowUps.drillId, drill.drill.id));
    expect(stored.map((f) => [f.number, f.questionText])).toEqual([[4, GROUNDED_FOLLOW_UPS[1]]]);
  });

  it('drops what quotes words the candidate never wrote', async () => {
    model.answer({ kind: 'json', body: FOREIGN_QUOTE });
    const { replies } = await answered();
    expect(replies).toHaveLength(2);
    const [extra = ''] = modelTexts(replies);
    expect(extra).toContain(GROUNDED_FOLLOW_UPS[0]);
    expect(extra).not.toContain('the cache exploded');
    expect(extra).not.toContain('we fixed everything');
    // The rewrite's only named change quoted the candidate wrongly: a rewrite with no change named goes too.
    expect(extra).not.toContain('A stronger Action and Result');
  });

  it('posts nothing more when nothing is grounded, and counts it', async () => {
    const before = metricsOf(t).count('ungrounded');
    model.answer({ kind: 'json', body: NOTHING_GROUNDED });
    const { replies } = await answered();
    expect(model.requests).toHaveLength(1);
    expect(replies).toHaveLength(1);
    expect(isFeedback(replies[0])).toBe(true);
    expect(metricsOf(t).count('ungrounded')).toBe(before + 1);
  });

  it('says the extra coaching is unavailable when the model answers text that is not JSON', async () => {
    model.answer({ kind: 'text', content: 'Sure! Here are some follow-up questions: 1. Why Redis?' });
    const { replies } = await answered();
    expect(replies).toHaveLength(2);
    expect(isFeedback(replies[0])).toBe(true);
    expect(modelTexts(replies)).toEqual([':grey_question: The extra coaching is unavailable right now.']);
    expect(metricsOf(t).count('invalid_json')).toBeGreaterThan(0);
  });

  it('waits out a 429’s Retry-After within the budget, then posts the reply', async () => {
    model.answer(
      { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
      { kind: 'json', body: GROUNDED },
    );
    const { replies } = await answered();
    expect(model.requests).toHaveLength(2);
    const [first, second] = model.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect(replies).toHaveLength(2);
    expect(modelTexts(replies)[0]).toContain(GROUNDED_FOLLOW_UPS[0]);
  });

  it('gives up at once on a Retry-After beyond the budget, and on a 500 after three tries', async () => {
    model.answer({ kind: 'status', status: 429, headers: { 'retry-after': '30' } });
    const started = performance.now();
    const limited = await answered();
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(model.requests).toHaveLength(1);
    expect(modelTexts(limited.replies)).toEqual([
      ':grey_question: The extra coaching is unavailable right now.',
    ]);

    model.reset();
    model.answer(...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 500 })));
    const failing = await answered();
    expect(model.requests).toHaveLength(3);
    expect(isFeedback(failing.replies[0])).toBe(true);
    expect(modelTexts(failing.replies)).toEqual([
      ':grey_question: The extra coaching is unavailable right now.',
    ]);
    expect(metricsOf(t).count('server_error')).toBeGreaterThan(0);
  });

  it('never holds up the rules feedback: it is posted while the model has not answered, and 10 s later the one line', async () => {
    model.answer({ kind: 'hang' });
    const userId = newUser();
    const drill = await requestDrill(t, userId, 'incidents');
    const { viewId } = await openModal(t, userId, drill.channel, drill.ts, drill.drill.id);
    const started = performance.now();
    const saved = await t.standin.submitView(t.url, { userId, viewId, values: viewValues(WE_ANSWER) });
    expect(saved.status).toBe(200);
    // The model has the request and has not answered, and the feedback is already in the thread.
    await expect.poll(() => model.requests.length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => repliesTo(t, drill.channel, drill.ts).length, { timeout: 10_000 }).toBe(1);
    expect(isFeedback(repliesTo(t, drill.channel, drill.ts)[0])).toBe(true);
    expect(model.requests[0]?.abandoned).toBe(false);
    // The budget ends the wait: the bot hangs up and says the extra coaching is unavailable.
    await t.bot.idle();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(9_000);
    expect(elapsed).toBeLessThan(20_000);
    expect(model.requests[0]?.abandoned).toBe(true);
    expect(modelTexts(repliesTo(t, drill.channel, drill.ts))).toEqual([
      ':grey_question: The extra coaching is unavailable right now.',
    ]);
    expect(metricsOf(t).count('timeout')).toBe(1);
  }, 30_000);

  it('logged nothing of any answer or of the model’s words, in all of the above', () => {
    const logs = allLogs();
    for (const phrase of [...ANSWER_PHRASES, ...GROUNDED_FOLLOW_UPS, 'the cache exploded', 'Here are some']) {
      expect(logs).not.toContain(phrase);
    }
    // The failures were logged, by reason.
    expect(t.logs.find('the model gave no extra coaching').map((l) => l.reason)).toEqual(
      expect.arrayContaining(['invalid_json', 'rate_limited', 'server_error', 'timeout']),
    );
  });

  it('/star export and /star delete: the model’s follow-ups and the answers to them go with the rest', async () => {
    model.answer({ kind: 'json', body: GROUNDED });
    const { userId, drill, replies } = await answered();
    const at = { channel: drill.channel, feedbackTs: replies[1]?.ts as string, drillId: drill.drill.id };
    const { viewId } = await practise(t, userId, at, 5);
    const practised = 'I flushed it first because restarting the pods alone would have refilled the cache.';
    await t.standin.submitView(t.url, { userId, viewId, values: followUpValues(practised) });
    await t.bot.idle();

    // The export has the answer to the model's follow-up under its question; the model's reply is not stored.
    const since = t.standin.messages(drill.channel).length;
    expect((await t.standin.slashCommand(t.url, { userId, text: 'export' })).status).toBe(200);
    await t.bot.idle();
    const shared = t.standin
      .messages(drill.channel)
      .slice(since)
      .find((m) => (m.files?.length ?? 0) > 0);
    const markdown = t.standin.file(shared?.files?.[0]?.id ?? '')?.bytes?.toString('utf8') ?? '';
    expect(markdown).toContain(GROUNDED_FOLLOW_UPS[1]);
    expect(markdown).toContain(practised);
    expect(markdown).not.toContain(GROUNDED.rewrite.action);

    const rowsOf = async () => ({
      modelFollowUps: (
        await t.bot.ctx.db.select().from(modelFollowUps).where(eq(modelFollowUps.drillId, drill.drill.id))
      ).length,
      followUpAnswers: (
        await t.bot.ctx.db.select().from(followUpAnswers).where(eq(followUpAnswers.drillId, drill.drill.id))
      ).length,
    });
    expect(await rowsOf()).toEqual({ modelFollowUps: 2, followUpAnswers: 1 });
    expect((await t.standin.slashCommand(t.url, { userId, text: 'delete' })).status).toBe(200);
    await t.bot.idle();
    const confirm = t.standin.openModal(userId);
    const deleted = await t.standin.submitView(t.url, { userId, viewId: confirm?.id ?? '', values: {} });
    expect(deleted.json).toMatchObject({ response_action: 'update' });
    await t.bot.idle();
    expect(await rowsOf()).toEqual({ modelFollowUps: 0, followUpAnswers: 0 });
    // The workspace's choice is the workspace's, not the person's: it stays.
    expect((await t.bot.ctx.db.select().from(workspaceModel))[0]?.enabled).toBe(true);
  });

  it('an admin turns it off: answers go to the model no more', async () => {
    expect(await modelCommand(ADMIN, 'off')).toContain('Extra coaching is *off* for this workspace');
    const { replies } = await answered();
    expect(replies).toHaveLength(1);
    expect(model.requests).toHaveLength(0);
  });
});
