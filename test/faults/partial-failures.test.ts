// Failures half-way through a piece of work, where the truth is easy to lose:
// - an on-demand drill whose DM went out but whose message ts could not be stored is kept, and works;
// - a group of posted ts that fails to store is retried, not re-posted;
// - a bot told to stop finishes the work its acks promised before the database closes;
// - /healthz asks the database at most every couple of seconds, however often it is hit.
// Bad inputs tried: a trigger failing every UPDATE that stores a message ts; one failing the first such
// UPDATE only; SIGTERM-like stop() right after a command's ack while Slack is slow; 50 health checks at once.

import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answers, drills, subscriptions } from '../../src/db/schema/index.ts';
import { VIEW_STAR_ANSWER } from '../../src/views/ids.ts';
import { answerOf, healthz, newUser, openModal, repliesTo, viewValues } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

/** Makes every UPDATE that stores a drill's message ts fail (or only the first, with `once`). */
async function failStoringTs(once = false) {
  const db = t.bot.ctx.db;
  await db.execute(sql.raw('create sequence if not exists ts_failures'));
  await db.execute(
    sql.raw(`
    create or replace function refuse_ts() returns trigger language plpgsql as $$
    begin
      if new.message_ts is not null and old.message_ts is null
         and (${once ? "nextval('ts_failures') = 1" : 'true'}) then
        raise exception 'refusing to store a message ts (test)';
      end if;
      return new;
    end $$`),
  );
  await db.execute(sql.raw('drop trigger if exists refuse_ts on drills'));
  await db.execute(
    sql.raw('create trigger refuse_ts before update on drills for each row execute function refuse_ts()'),
  );
}
async function allowStoringTs() {
  await t.bot.ctx.db.execute(sql.raw('drop trigger if exists refuse_ts on drills'));
  await t.bot.ctx.db.execute(sql.raw('drop sequence if exists ts_failures'));
}
describe('an on-demand drill posted whose ts could not be stored', () => {
  it('is kept: its button opens the question, the click stores the ts, and the answer gets its thread reply', async () => {
    const userId = newUser();
    const dm = t.standin.dmChannelFor(userId);
    await failStoringTs();
    try {
      await t.standin.slashCommand(t.url, { userId, text: 'incidents', channelId: dm });
      await t.bot.idle();
    } finally {
      await allowStoringTs();
    }
    const [message] = t.standin.messages(dm);
    expect(message?.text).toMatch(/Drill: Handling Production Incidents/);
    const [row] = await t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId));
    expect(row).toMatchObject({ messageTs: null });
    expect(t.logs.find('drill posted, but storing its message ts failed')).not.toHaveLength(0);

    const modal = await openModal(t, userId, dm, String(message?.ts), row?.id as number);
    expect(modal.view().callback_id).toBe(VIEW_STAR_ANSWER);
    const [stored] = await t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId));
    expect(stored).toMatchObject({ channelId: dm, messageTs: message?.ts });

    await t.standin.submitView(t.url, { userId, viewId: modal.viewId, values: viewValues(answerOf('kept')) });
    await t.bot.idle();
    expect(repliesTo(t, dm, String(message?.ts))).toHaveLength(1);
    expect(
      await t.bot.ctx.db
        .select()
        .from(answers)
        .where(eq(answers.drillId, row?.id as number)),
    ).toHaveLength(1);
  });
});

describe('a group of posted ts failing to store once', () => {
  it('is retried: every subscriber gets one DM, and every ts is stored', async () => {
    const ids = [newUser(), newUser(), newUser()];
    for (const userId of ids) await t.standin.slashCommand(t.url, { userId, text: 'subscribe 09:00 daily' });
    await t.bot.idle();
    // Just after the three are due, on their delivery's own date: a tick a day later would find the day passed
    // (stale, not delivered) whenever the test runs before 09:00 in their zone.
    const due = await t.bot.ctx.db
      .select({ at: subscriptions.nextDueAt })
      .from(subscriptions)
      .where(inArray(subscriptions.userId, ids));
    const dueAt = new Date(Math.max(...due.map((d) => d.at?.getTime() ?? Number.NaN)) + 60_000);
    expect(due).toHaveLength(3);
    await failStoringTs(true);
    try {
      const counts = await t.bot.scheduler?.tick(dueAt);
      expect(counts).toMatchObject({ delivered: 3, failed: 0 });
      // A later tick finds nothing to post again.
      expect(await t.bot.scheduler?.tick(new Date(dueAt.getTime() + 120_000))).toMatchObject({
        delivered: 0,
      });
    } finally {
      await allowStoringTs();
    }
    for (const userId of ids) {
      expect(t.standin.messages(t.standin.dmChannelFor(userId))).toHaveLength(1);
      const [row] = await t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId));
      expect(row?.messageTs).toBeTruthy();
    }
    expect(t.logs.find('storing posted ts failed; retrying')).toHaveLength(1);
  });
});

describe('/healthz', () => {
  it('asks the database once for many checks within two seconds', async () => {
    const ping = vi.spyOn(t.bot.database, 'ping');
    try {
      const replies = await Promise.all(Array.from({ length: 50 }, () => healthz(t)));
      expect(replies.every((r) => r.status === 200)).toBe(true);
      // Once, or not at all if an earlier check's answer is still fresh.
      expect(ping.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      ping.mockRestore();
    }
  });
});

describe('stopping', () => {
  it('finishes the work an ack promised before the database closes', async () => {
    const own = await startTestBot();
    try {
      const userId = newUser();
      own.standin.intercept('chat.postMessage', () => ({ delayMs: 800 }));
      const dm = own.standin.dmChannelFor(userId);
      expect(
        (await own.standin.slashCommand(own.url, { userId, text: 'random', channelId: dm })).status,
      ).toBe(200);
      await own.standin.waitFor(() => own.standin.count('chat.postMessage') > 0);
      await own.bot.stop();
      // The DM was posted and its ts stored before the database closed: no error, nothing half done.
      expect(own.standin.messages(dm)).toHaveLength(1);
      expect(own.logs.lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(own.logs.find('Star Drill stopped')).toHaveLength(1);
    } finally {
      await own.standin.close();
      await own.database.drop();
    }
  });
});
