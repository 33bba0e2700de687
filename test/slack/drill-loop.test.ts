import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, drills } from '../../src/db/schema/index.ts';
import { STAR_PARTS } from '../../src/drills/star-answer.ts';
import { ACTION_ANSWER_DRILL, VIEW_STAR_ANSWER } from '../../src/views/ids.ts';
import * as drive from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

// The shared driver takes the bot first; these bind it for readability.
const requestDrill = (userId: string, text: string, channelId?: string) =>
  drive.requestDrill(t, userId, text, channelId);
const openModal = async (userId: string, channel: string, ts: string, drillId: number) => {
  const opened = await drive.openModal(t, userId, channel, ts, drillId);
  return { ...opened, view: opened.view() };
};
const rawSubmission = (viewId: string, userId: string, values: Record<string, string | null>) =>
  drive.rawSubmission(t, viewId, userId, values);
const repliesTo = (channel: string, ts: string) => drive.repliesTo(t, channel, ts);
const { answerOf, blocksText, newUser, viewValues } = drive;

describe('/star replies', () => {
  it('help lists every command and the five topics, ephemeral, in the ack', async () => {
    for (const text of ['', 'help', 'HELP']) {
      const reply = await t.standin.slashCommand(t.url, { userId: newUser(), text });
      expect(reply.status).toBe(200);
      const body = reply.json as { response_type: string; blocks: unknown[] };
      expect(body.response_type).toBe('ephemeral');
      const shown = blocksText(body.blocks);
      for (const sub of [
        'random',
        'topics',
        'history',
        'subscribe',
        'status',
        'skip',
        'unsubscribe',
        'help',
      ]) {
        expect(shown).toContain(`/star ${sub}`);
      }
      for (const topic of t.bot.ctx.bank.topics) expect(shown).toContain(topic.title);
    }
  });

  it('topics shows each topic with its number, a word that works, and its key concepts', async () => {
    const reply = await t.standin.slashCommand(t.url, { userId: newUser(), text: 'topics' });
    const shown = blocksText((reply.json as { blocks: unknown[] }).blocks);
    for (const topic of t.bot.ctx.bank.topics) {
      expect(shown).toContain(`${topic.number}. ${topic.title}`);
      expect(shown).toContain(JSON.stringify(topic.keyConcepts).slice(1, -1));
      const word = shown.match(new RegExp(`${topic.title}\\* · \`/star ([a-z-]+)\``))?.[1];
      expect(word && t.bot.ctx.bank.findTopic(word)?.slug).toBe(topic.slug);
    }
  });

  it('an unknown topic or command gets the topic list and a pointer to help; nothing is sent', async () => {
    const userId = newUser();
    // Bad inputs tried: a made-up word, out-of-range numbers, markup, prototype keys.
    for (const text of ['astrophysics', '0', '6', '<!channel>', 'constructor', '__proto__']) {
      const reply = await t.standin.slashCommand(t.url, { userId, text });
      expect(reply.status).toBe(200);
      const body = reply.json as { response_type: string; text: string; blocks: unknown[] };
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toMatch(/don't know the topic or command/);
      expect(body.text).toContain('/star help');
      expect(body.text).not.toContain('<!channel>');
      for (const topic of t.bot.ctx.bank.topics) expect(blocksText(body.blocks)).toContain(topic.title);
    }
    const rows = await t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId));
    expect(rows).toHaveLength(0);
  });

  it('a word that names two topics says so and names them; nothing is sent', async () => {
    const userId = newUser();
    const reply = await t.standin.slashCommand(t.url, { userId, text: 'technical' });
    const body = reply.json as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(blocksText(body.blocks)).toContain(
      '`technical` matches 2 topics: *Balancing Technical Debt with New Features* and *Leadership in Technical Decision-Making*.',
    );
    expect(await t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId))).toHaveLength(0);
  });

  it('tips shows the guide’s preparation strategies, verbatim', async () => {
    const reply = await t.standin.slashCommand(t.url, { userId: newUser(), text: 'tips' });
    const shown = blocksText((reply.json as { blocks: unknown[] }).blocks);
    expect(t.bot.ctx.bank.strategies).toHaveLength(6);
    for (const s of t.bot.ctx.bank.strategies)
      expect(shown).toContain(`*${s.number}. ${s.title}*: ${s.text}`);
    expect(shown).toContain(
      '*3. Quantify your impact*: Where possible, include specific metrics that demonstrate the outcome of your actions.',
    );
  });
});

describe('the drill loop', () => {
  const topicQueries = ['incidents', '2', 'learning', 'technical debt', 'leadership'];

  it.each(topicQueries)(
    '/star %s: DM, modal, stored answer, sample and follow-ups in the thread',
    async (query) => {
      const userId = newUser();
      const topic = t.bot.ctx.bank.findTopic(query);
      expect(topic).not.toBeNull();
      if (!topic) return;
      const { reply, channel, ts, message, drill } = await requestDrill(userId, query);

      // The ephemeral pointer to the DM, in the ack (the bot had it ready well within a second here).
      expect(blocksText(reply.json)).toMatch(/waiting in your DM/);
      const pointer = t.standin.ephemerals(userId).find((c) => blocksText(c.args).includes(topic.title));
      expect(pointer?.method).toBe('command_ack');
      expect(blocksText(pointer?.args)).toMatch(/waiting in your DM/);

      // The DM: topic, question (also in `text`), key concepts, primary button carrying the drill id.
      expect(channel).toBe(t.standin.dmChannelFor(userId));
      expect(topic.questions.map((q) => q.id)).toContain(drill.questionId);
      const question = topic.questions.find((q) => q.id === drill.questionId);
      expect(drill).toMatchObject({ userId, topicSlug: topic.slug, source: 'on_demand', channelId: channel });
      expect(drill.questionText).toBe(question?.text);
      expect(message.text).toContain(drill.questionText);
      const shown = blocksText(message.blocks);
      expect(shown).toContain(topic.title);
      expect(shown).toContain(JSON.stringify(topic.keyConcepts).slice(1, -1));
      expect(shown).toContain(`"action_id":"${ACTION_ANSWER_DRILL}"`);
      expect(shown).toContain(`"value":"${drill.id}"`);
      expect(shown).toContain('"style":"primary"');

      // The modal: question on top, then exactly Situation, Task, Action, Result.
      const { view, viewId } = await openModal(userId, channel, ts, drill.id);
      expect(view.callback_id).toBe(VIEW_STAR_ANSWER);
      expect(view.private_metadata).toBe(String(drill.id));
      const blocks = view.blocks as Array<{
        type: string;
        block_id?: string;
        element?: Record<string, unknown>;
      }>;
      expect(blockText(blocks[0])).toContain(drill.questionText);
      const inputs = blocks.filter((b) => b.type === 'input');
      expect(inputs.map((b) => b.block_id)).toEqual([...STAR_PARTS]);
      for (const input of inputs) {
        expect(input.element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });
      }

      // Submit: the modal closes (empty 200), the answer is stored verbatim.
      const answer = answerOf(topic.slug);
      const submit = await t.standin.submitView(t.url, { userId, viewId, values: viewValues(answer) });
      expect(submit.status).toBe(200);
      expect(submit.body).toBe('');
      const [row] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drill.id));
      expect(row).toMatchObject(answer);

      // The thread: recap, the guide's sample answer part by part, the three follow-ups.
      const replies = await t.standin.waitFor(() => {
        const r = repliesTo(channel, ts);
        return r.length > 0 ? r : undefined;
      });
      expect(replies).toHaveLength(1);
      const thread = blocksText(replies[0]?.blocks);
      for (const part of STAR_PARTS) {
        expect(thread).toContain(JSON.stringify(topic.sampleAnswer?.[part] ?? '(none)').slice(1, -1));
        expect(thread).toContain(JSON.stringify(answer[part]).slice(1, -1));
      }
      for (const followUp of topic.followUps) expect(thread).toContain(JSON.stringify(followUp).slice(1, -1));

      // The drill message now says it is answered, and the button edits.
      const updated = await t.standin.waitFor(() => {
        const m = t.standin.message(channel, ts);
        return m?.edited ? m : undefined;
      });
      expect(blocksText(updated.blocks)).toContain('Edit answer');
      expect(blocksText(updated.blocks)).toContain('Answered');
    },
  );

  it('a drill requested inside the bot DM gets no extra ephemeral', async () => {
    const userId = newUser();
    const dm = t.standin.dmChannelFor(userId);
    const responsesBefore = t.standin.responses.length;
    const shownBefore = t.standin.ephemerals(userId).length;
    const { reply } = await requestDrill(userId, 'random', dm);
    expect(reply.body).toBe('');
    // The command's work is finished: a wrongly sent ephemeral (in the ack or later) would be here by now.
    await t.bot.idle();
    expect(t.standin.ephemerals(userId)).toHaveLength(shownBefore);
    expect(t.standin.responses.length).toBe(responsesBefore);
  });

  it('asks a different question each time while the topic has unasked ones', async () => {
    const userId = newUser();
    const asked: string[] = [];
    for (let i = 0; i < 4; i++) asked.push((await requestDrill(userId, 'incidents')).drill.questionId);
    expect(new Set(asked.slice(0, 3)).size).toBe(3);
    expect(asked[3]).toBe(asked[0]);
  });
});

describe('answer validation and ownership', () => {
  it('blank and whitespace-only fields get field errors keyed by block_id, nothing is stored', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(userId, 'random');
    const { viewId } = await openModal(userId, channel, ts, drill.id);
    // Whitespace passes Slack's own "required" check; an empty or missing value only comes from a forged
    // or replayed request, so that one is sent raw.
    const reply = await rawSubmission(viewId, userId, {
      situation: 'It broke.',
      task: '   ',
      action: null,
      result: '\n\t',
    });
    expect(reply.status).toBe(200);
    const body = reply.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['action', 'result', 'task']);
    expect(await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drill.id))).toHaveLength(0);
  });

  it('a part over 3000 characters is refused with its length', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(userId, 'random');
    const { viewId } = await openModal(userId, channel, ts, drill.id);
    // Slack's client enforces max_length itself; the bot must still refuse a request that bypasses it.
    const reply = await rawSubmission(viewId, userId, { ...answerOf('long'), result: 'x'.repeat(3001) });
    const body = reply.json as { response_action: string; errors: Record<string, string> };
    expect(body.errors).toEqual({ result: expect.stringContaining('3001') });
    expect(await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drill.id))).toHaveLength(0);
  });

  it("another user's submission for the drill is refused with a field error and stores nothing", async () => {
    const owner = newUser();
    const intruder = newUser();
    const { channel, ts, drill } = await requestDrill(owner, 'random');
    const { viewId } = await openModal(owner, channel, ts, drill.id);
    const reply = await rawSubmission(viewId, intruder, answerOf('x'));
    const body = reply.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.values(body.errors).join(' ')).toMatch(/not available to you.*Nothing was saved/);
    expect(await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drill.id))).toHaveLength(0);
    expect(repliesTo(channel, ts)).toHaveLength(0);
  });

  it('a repeated submission of the same view stores one answer and posts one thread reply', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(userId, 'random');
    const { viewId } = await openModal(userId, channel, ts, drill.id);
    const answer = answerOf('retry');
    const [a, b] = await Promise.all([
      rawSubmission(viewId, userId, answer),
      rawSubmission(viewId, userId, answer),
    ]);
    const c = await rawSubmission(viewId, userId, answer);
    for (const r of [a, b, c]) expect(r.status).toBe(200);
    for (const r of [a, b, c]) expect(r.body).toBe('');
    // Everything the three submissions left to do after their acks is done: then count.
    await t.bot.idle();
    expect(repliesTo(channel, ts)).toHaveLength(1);
    expect(await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drill.id))).toHaveLength(1);
  });

  it('editing: the modal opens pre-filled, saving updates the answer and posts no second sample', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(userId, 'random');
    const first = await openModal(userId, channel, ts, drill.id);
    const original = answerOf('first');
    await t.standin.submitView(t.url, { userId, viewId: first.viewId, values: viewValues(original) });
    await t.standin.waitFor(() => repliesTo(channel, ts).length > 0);
    const [saved] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drill.id));

    const second = await openModal(userId, channel, ts, drill.id);
    const inputs = (
      second.view.blocks as Array<{ type: string; block_id: string; element: { initial_value?: string } }>
    ).filter((b) => b.type === 'input');
    for (const input of inputs) {
      expect(input.element.initial_value).toBe(original[input.block_id as keyof typeof original]);
    }
    expect(String((second.view.title as { text: string }).text).length).toBeLessThanOrEqual(24);

    const edited = { ...original, result: 'Edited result: 60% less load, and a runbook.' };
    const reply = await t.standin.submitView(t.url, {
      userId,
      viewId: second.viewId,
      values: viewValues(edited),
    });
    expect(reply.body).toBe('');
    const [row] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drill.id));
    expect(row).toMatchObject(edited);
    expect(row?.createdAt.getTime()).toBe(saved?.createdAt.getTime());
    expect(row?.updatedAt.getTime()).toBeGreaterThan(saved?.updatedAt.getTime() ?? 0);
    await t.bot.idle();
    expect(repliesTo(channel, ts)).toHaveLength(1);
  });

  it('user text is escaped in the recap: <!channel> cannot ping anyone', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(userId, 'random');
    const { viewId } = await openModal(userId, channel, ts, drill.id);
    const answer = {
      ...answerOf('ping'),
      situation: 'Told <!channel> & <@U0BOSS> about <https://evil.example|this>',
    };
    await t.standin.submitView(t.url, { userId, viewId, values: viewValues(answer) });
    const [reply] = await t.standin.waitFor(() => {
      const r = repliesTo(channel, ts);
      return r.length > 0 ? r : undefined;
    });
    const shown = blocksText(reply?.blocks);
    expect(shown).toContain(
      'Told &lt;!channel&gt; &amp; &lt;@U0BOSS&gt; about &lt;https://evil.example|this&gt;',
    );
    expect(shown).not.toContain('<!channel>');
    const [row] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drill.id));
    expect(row?.situation).toBe(answer.situation);
  });

  it("a click on another user's drill opens a notice, never their question, worded as for a missing drill", async () => {
    const owner = newUser();
    const intruder = newUser();
    const { channel, ts, drill } = await requestDrill(owner, 'random');
    const { view } = await openModal(intruder, channel, ts, drill.id);
    expect(view.callback_id).not.toBe(VIEW_STAR_ANSWER);
    expect(blocksText(view.blocks)).toMatch(/not available to you/);
    expect(blocksText(view.blocks)).not.toContain(drill.questionText);

    // A drill that does not exist reads exactly the same: probing ids tells nothing about other people's.
    const gone = await openModal(owner, channel, ts, drill.id);
    await t.bot.ctx.db.delete(drills).where(eq(drills.id, drill.id));
    const missing = await openModal(owner, channel, ts, drill.id);
    expect(gone.view.callback_id).toBe(VIEW_STAR_ANSWER);
    expect(missing.view.blocks).toEqual(view.blocks);
  });
});

describe('/star history', () => {
  it('shows only the caller’s last 10 drills, newest first, with answered or not', async () => {
    const userId = newUser();
    const empty = await t.standin.slashCommand(t.url, { userId, text: 'history' });
    expect(empty.status).toBe(200);
    const none = await t.standin.waitFor(() =>
      t.standin.ephemerals(userId).find((c) => blocksText(c.args).includes('No drills yet')),
    );
    expect(none).toBeDefined();

    const first = await requestDrill(userId, 'incidents');
    const { viewId } = await openModal(userId, first.channel, first.ts, first.drill.id);
    await t.standin.submitView(t.url, { userId, viewId, values: viewValues(answerOf('h')) });
    for (let i = 0; i < 10; i++) await requestDrill(userId, 'random');
    await requestDrill(newUser(), 'leadership'); // someone else's drill must not show

    const before = t.standin.ephemerals(userId).length;
    await t.standin.slashCommand(t.url, { userId, text: 'history' });
    const list = await t.standin.waitFor(() =>
      t.standin
        .ephemerals(userId)
        .slice(before)
        .find((c) => blocksText(c.args).includes('Your last')),
    );
    const shown = blocksText(list.args);
    expect(shown).toContain('Your last 10 drills');
    // The answered first drill is the 11th most recent: it fell off the list.
    expect(shown).not.toContain(':white_check_mark: answered');
    expect((shown.match(/not answered yet/g) ?? []).length).toBe(10);
  });
});

function blockText(block: unknown): string {
  return JSON.stringify(block ?? {});
}
