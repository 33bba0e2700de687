import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SlackStandin, SOCKET_MODE } from '../../local-slack/index.ts';
import { answers, drills } from '../../src/db/schema/index.ts';
import { ACTION_ANSWER_DRILL, ACTION_STAR_INPUT } from '../../src/views/ids.ts';
import { startSocketModeBot, type TestBot } from '../support/test-bot.ts';

const APP_TOKEN = 'xapp-1-test';
let standin: SlackStandin;
let t: TestBot & { port: number };

beforeAll(async () => {
  t = await startSocketModeBot(APP_TOKEN);
  standin = t.standin;
});
afterAll(async () => {
  await t?.close();
});

describe('Socket Mode runs the same listeners as HTTP mode', () => {
  it('opens the connection with the app token and serves /healthz on PORT', async () => {
    expect(standin.callsTo('apps.connections.open')).not.toHaveLength(0);
    const health = await fetch(`http://127.0.0.1:${t.port}/healthz`);
    expect(health.status).toBe(200);
  });

  it('/star help is answered in the envelope acknowledgement', async () => {
    const reply = await standin.slashCommand(SOCKET_MODE, { userId: 'U0SOCKET1', text: 'help' });
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.json)).toContain('/star subscribe');
  });

  it('the whole drill loop: DM, modal, stored answer, thread reply', async () => {
    const userId = 'U0SOCKET2';
    await standin.slashCommand(SOCKET_MODE, { userId, text: 'debt' });
    const post = await standin.waitForCall('chat.postMessage', (c) => c.args.channel === userId);
    const channel = String(post.response.channel);
    const ts = String(post.response.ts);
    const drill = await vi.waitFor(async () => {
      const [row] = await t.bot.ctx.db.select().from(drills).where(eq(drills.messageTs, ts));
      if (!row) throw new Error('drill not stored yet');
      return row;
    });
    await standin.clickButton(SOCKET_MODE, {
      userId,
      channel,
      messageTs: ts,
      actionId: ACTION_ANSWER_DRILL,
      value: String(drill.id),
    });
    const open = await standin.waitForCall('views.open');
    const viewId = String((open.response.view as { id: string }).id);
    // Words found nowhere else, so the logs can be searched for them: Socket Mode's debug lines carry payloads.
    const text = {
      situation: 'Quokkasituation happened',
      task: 'Quokkatask was mine',
      action: 'Quokkaaction by me',
      result: 'Quokkaresult measured',
    };
    const values = Object.fromEntries(Object.entries(text).map(([k, v]) => [k, { [ACTION_STAR_INPUT]: v }]));
    const submitted = await standin.submitView(SOCKET_MODE, { userId, viewId, values });
    expect(submitted.status).toBe(200);
    await standin.waitFor(() => standin.thread(channel, ts).some((m) => m.thread_ts === ts));
    // The bot logs at debug level here, and no line holds the answer.
    await t.bot.idle();
    expect(JSON.stringify(t.logs.lines)).not.toMatch(/Quokka/);
    const [row] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drill.id));
    expect(row).toMatchObject(text);
  });
});
