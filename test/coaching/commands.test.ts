// The words around the coaching, as a user meets them: /star tips (the guide's Preparation Strategies,
// verbatim), /star technical (a word that names two topics), /star help (what subscribe defaults to), a message
// typed in the bot's DM, /star history after one answered and rated drill, and the drill notification.
//
// Bad inputs tried: an ambiguous topic word in capitals and with spaces around it, a DM message from a bot
// (bot_id), an edit (subtype message_changed), a bot_message, a message from the bot's own user, a message in
// a channel rather than the DM, the same event_id delivered again as a retry, and a message in a drill's
// thread (a pointer to the buttons, not the general reply).

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drills } from '../../src/db/schema/index.ts';
import { starShown } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import {
  answeredDrill,
  GUIDE_STRATEGIES,
  guideTopic,
  I_ANSWER,
  newUser,
  rate,
  requestDrill,
  shownText,
} from './support.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

/** `/star <text>` answered in the ack: what the user sees. */
async function ackOf(userId: string, text: string) {
  const reply = await t.standin.slashCommand(t.url, { userId, text });
  expect(reply.status).toBe(200);
  const body = reply.json as { response_type: string; text: string; blocks: unknown };
  return { ...body, shown: shownText(body.blocks) };
}

/**
 * `/star <text>` whose answer needs the database: what the user sees, exactly once (in the ack when the bot
 * had it ready in time, else through response_url).
 */
async function laterReplyOf(userId: string, text: string) {
  const { shown } = await starShown(t, userId, text);
  expect(shown).toHaveLength(1);
  const body = shown[0]?.args as { response_type: string; text: string; blocks: unknown };
  return { ...body, shown: shownText(body.blocks) };
}

describe('/star tips', () => {
  it('shows each of the guide’s Preparation Strategies, title and text verbatim, in order', async () => {
    expect(GUIDE_STRATEGIES).toHaveLength(6);
    const { response_type, shown } = await ackOf(newUser(), 'tips');
    expect(response_type).toBe('ephemeral');
    let from = 0;
    for (const s of GUIDE_STRATEGIES) {
      const at = shown.indexOf(`${s.number}. ${s.title}*: ${s.text}`, from);
      expect(at, s.title).toBeGreaterThanOrEqual(from);
      from = at;
    }
    expect(shown).toContain(
      "Consider how your experiences relate to the specific challenges of the position you're applying for.",
    );
  });
});

describe('/star technical', () => {
  it.each(['technical', 'TECHNICAL', '  technical  '])(
    '"%s" says the word matches two topics and names them; nothing is sent',
    async (word) => {
      const userId = newUser();
      const posts = t.standin.callsTo('chat.postMessage').length;
      const { shown, text } = await ackOf(userId, word);
      const debt = guideTopic(4).title;
      const leadership = guideTopic(5).title;
      expect(shown).toMatch(/matches 2 topics/);
      expect(shown).toContain(`*${debt}* and *${leadership}*`);
      expect(text).toContain(debt);
      expect(text).toContain(leadership);
      await t.bot.idle();
      expect(t.standin.callsTo('chat.postMessage').slice(posts)).toEqual([]);
      expect(await t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId))).toEqual([]);
    },
  );
});

describe('/star help', () => {
  it('says subscribe defaults to weekdays (at 09:00, all topics)', async () => {
    const { shown } = await ackOf(newUser(), 'help');
    const line = shown.split('\n').find((l) => l.includes('/star subscribe'));
    expect(line).toMatch(/default.*weekdays/);
    expect(line).toMatch(/09:00/);
  });
});

describe('a message typed in the bot’s DM', () => {
  const botPostsTo = (channel: string, since: number) =>
    t.standin
      .callsTo('chat.postMessage')
      .slice(since)
      .filter((c) => c.args.channel === channel);

  it('gets one short reply saying what the bot does and pointing to /star help', async () => {
    const userId = newUser();
    const dm = t.standin.dmChannelFor(userId);
    const since = t.standin.callsTo('chat.postMessage').length;
    const reply = await t.standin.userMessage(t.url, { userId, text: 'hello? what do you do' });
    expect(reply.status).toBe(200);
    await t.bot.idle();
    const posts = botPostsTo(dm, since);
    expect(posts).toHaveLength(1);
    const text = String(posts[0]?.args.text);
    expect(text).toContain('/star help');
    expect(text).toMatch(/interview/);
    expect(posts[0]?.args.thread_ts).toBeUndefined();
    // What was typed is neither stored nor logged.
    expect(JSON.stringify(t.logs.lines)).not.toContain('what do you do');
  });

  it('the same event_id retried by Slack is answered once', async () => {
    const userId = newUser();
    const dm = t.standin.dmChannelFor(userId);
    const since = t.standin.callsTo('chat.postMessage').length;
    const event = {
      type: 'message',
      channel: dm,
      channel_type: 'im',
      user: userId,
      text: 'hi',
      ts: '1700000000.000100',
    };
    await t.standin.sendEvent(t.url, event, { eventId: `Ev0DM${userId}` });
    await t.bot.idle();
    for (const retryNum of [1, 2]) {
      const retry = await t.standin.sendEvent(t.url, event, { eventId: `Ev0DM${userId}`, retryNum });
      expect(retry.status).toBe(200);
    }
    await t.bot.idle();
    expect(botPostsTo(dm, since)).toHaveLength(1);
  });

  it('in a drill’s thread: a pointer to the buttons, in that thread', async () => {
    const userId = newUser();
    const { channel, ts } = await requestDrill(t, userId, 'incidents');
    const since = t.standin.callsTo('chat.postMessage').length;
    await t.standin.sendEvent(t.url, {
      type: 'message',
      channel,
      channel_type: 'im',
      user: userId,
      text: 'my answer is: I fixed it',
      ts: '1700000000.000200',
      thread_ts: ts,
    });
    await t.bot.idle();
    const posts = botPostsTo(channel, since);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.thread_ts).toBe(ts);
    expect(String(posts[0]?.args.text)).toMatch(/Answer with STAR/);
  });

  it('a bot’s message, an edit, a bot_message, the bot’s own user, or a channel message gets no reply', async () => {
    const userId = newUser();
    const dm = t.standin.dmChannelFor(userId);
    const since = t.standin.callsTo('chat.postMessage').length;
    const base = { type: 'message', channel: dm, channel_type: 'im', text: 'hello', ts: '1700000000.000300' };
    const events = [
      { ...base, user: userId, bot_id: 'B0OTHERBOT' },
      {
        ...base,
        subtype: 'message_changed',
        message: { type: 'message', user: userId, text: 'hello again', ts: base.ts },
        previous_message: { type: 'message', user: userId, text: 'hello', ts: base.ts },
      },
      { ...base, subtype: 'bot_message', bot_id: 'B0OTHERBOT' },
      { ...base, user: t.standin.workspace.botUserId },
      { ...base, user: userId, channel: 'C0GENERAL', channel_type: 'channel' },
    ];
    for (const event of events) {
      const reply = await t.standin.sendEvent(t.url, event);
      expect(reply.status).toBe(200);
    }
    await t.bot.idle();
    expect(t.standin.callsTo('chat.postMessage').slice(since)).toEqual([]);
    expect(t.standin.messages(dm)).toEqual([]);
  });
});

describe('/star history', () => {
  it('one answered drill reads "Your last drill" and shows its score and rating', async () => {
    const userId = newUser();
    const { drill, feedback, channel } = await answeredDrill(t, userId, 'incidents', I_ANSWER);
    await rate(t, userId, { channel, feedbackTs: feedback.ts, drillId: drill.id }, 'good');
    const [row] = await t.bot.ctx.db.select().from(drills).where(eq(drills.id, drill.id));
    expect(row?.rating).toBe('good');
    const score = /^Score: (\d+)\/100/.exec(feedback.text)?.[1];

    const { shown, text } = await laterReplyOf(userId, 'history');
    expect(text).toBe('Your last drill');
    expect(shown).toContain('*Your last drill*');
    expect(shown).not.toMatch(/Your last 1 drills/);
    expect(shown).toContain(`score ${score}/100`);
    expect(shown).toContain('rated Good');
    expect(shown).toContain(drill.questionText);
  });

  it('two drills read "Your last 2 drills"', async () => {
    const userId = newUser();
    await requestDrill(t, userId, 'incidents');
    await requestDrill(t, userId, 'debt');
    const { text } = await laterReplyOf(userId, 'history');
    expect(text).toBe('Your last 2 drills');
  });
});

describe('the drill notification', () => {
  it('reads "Drill: <topic> · <question>", one colon, no double colon', async () => {
    const userId = newUser();
    const { message, drill } = await requestDrill(t, userId, 'incidents');
    const title = guideTopic(1).title;
    expect(message.text).toBe(`Drill: ${title} · ${drill.questionText}`);
    expect(message.text).not.toMatch(/::|: *:/);
  });
});
