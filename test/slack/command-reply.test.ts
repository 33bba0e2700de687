// Where a slash command's reply goes (src/slack/listeners/commands/star/command-reply.ts): in the ack when the
// bot has it ready within a second, one Web API call fewer; else the ack goes empty in time for Slack's 3 s
// and the reply follows through response_url. Driven over HTTP through the local Slack.
//
// Bad inputs tried: a users.info answer slower than the ack's budget; a command signed two seconds before it
// arrived (little of Slack's 3 s left); a database that refuses the write (the "unavailable" reply, nothing
// stored, in the ack).

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscriptions } from '../../src/db/schema/index.ts';
import { UNAVAILABLE } from '../../src/views/command-replies.ts';
import { SLACK_DEADLINE_MS } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
let seq = 0;
function newUser(): string {
  const id = `UCMDREPLY${++seq}`;
  t.standin.setUser({ id, tz: 'Europe/Paris' });
  return id;
}

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

const textOf = (json: unknown) => String((json as { text?: unknown } | undefined)?.text ?? '');
const subscriptionOf = async (userId: string) =>
  (await t.bot.ctx.db.select().from(subscriptions).where(eq(subscriptions.userId, userId)))[0];

describe('a command reply', () => {
  it('ready in time goes in the ack, ephemeral, and nothing goes to response_url', async () => {
    const user = newUser();
    const posts = t.standin.responses.length;
    const ack = await t.standin.slashCommand(t.url, { userId: user, text: 'subscribe 08:00 daily' });
    expect(ack.status).toBe(200);
    expect(ack.json).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(ack.json)).toMatch(/Subscribed: a drill at \*08:00/);
    await t.bot.idle();
    expect(t.standin.responses.length).toBe(posts);
    // "Subscribed" means stored.
    expect(await subscriptionOf(user)).toMatchObject({ active: true, minuteOfDay: 8 * 60 });
    expect(t.standin.ephemerals(user).map((c) => c.method)).toEqual(['command_ack']);
  });

  it('not ready within a second: an empty ack in time for Slack, the reply through response_url', async () => {
    const user = newUser();
    t.standin.intercept('users.info', ({ args }) => (args.user === user ? { delayMs: 1_500 } : undefined));
    try {
      const ack = await t.standin.slashCommand(t.url, { userId: user, text: 'subscribe 07:00 daily' });
      expect(ack.status).toBe(200);
      expect(ack.body).toBe('');
      expect(ack.ms).toBeLessThan(SLACK_DEADLINE_MS);
      const later = await t.standin.waitFor(() => t.standin.ephemerals(user)[0]);
      expect(later.method).toBe('response_url');
      expect(String(later.args.text)).toMatch(/Subscribed: a drill at \*07:00/);
      expect(await subscriptionOf(user)).toMatchObject({ active: true, minuteOfDay: 7 * 60 });
    } finally {
      t.standin.intercept('users.info', () => undefined);
    }
  });

  it('signed two seconds before it arrived: acked at once, empty, and answered through response_url', async () => {
    const user = newUser();
    const timestamp = Math.floor(Date.now() / 1000) - 2;
    const ack = await t.standin.slashCommand(
      t.url,
      { userId: user, text: 'subscribe 06:30 daily' },
      { timestamp },
    );
    expect(ack.status).toBe(200);
    expect(ack.body).toBe('');
    const later = await t.standin.waitFor(() => t.standin.ephemerals(user)[0]);
    expect(later.method).toBe('response_url');
    expect(String(later.args.text)).toMatch(/Subscribed: a drill at \*06:30/);
  });

  it('that failed says "unavailable" in the ack, and nothing was stored', async () => {
    const user = newUser();
    const refuse = `create or replace function cmd_reply_refuse() returns trigger language plpgsql as $$
      begin if new.user_id = '${user}' then raise exception 'refused for the test'; end if; return new; end $$`;
    await t.bot.database.db.execute(sql.raw(refuse));
    await t.bot.database.db.execute(
      sql.raw(
        'create trigger cmd_reply_refuse before insert on subscriptions for each row execute function cmd_reply_refuse()',
      ),
    );
    const posts = t.standin.responses.length;
    try {
      const ack = await t.standin.slashCommand(t.url, { userId: user, text: 'subscribe 09:00 daily' });
      expect(ack.status).toBe(200);
      expect(textOf(ack.json)).toContain(UNAVAILABLE);
      await t.bot.idle();
      expect(await subscriptionOf(user)).toBeUndefined();
      expect(t.standin.responses.length).toBe(posts);
    } finally {
      await t.bot.database.db.execute(sql.raw('drop trigger cmd_reply_refuse on subscriptions'));
    }
  });
});
