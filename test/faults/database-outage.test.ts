// Database outage: the bot reaches Postgres through a TCP proxy the test closes (every connection reset, new
// ones refused) and reopens, while the shared server itself keeps running for the other test files.
// Needs the Postgres server (DATABASE_URL); the embedded database cannot be cut from outside.

import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgresServer, type TestDatabase } from '../../harness/test-database.ts';
import type { SlackReply } from '../../local-slack/index.ts';
import { answers } from '../../src/db/schema/index.ts';
import { VIEW_NOTICE, VIEW_STAR_ANSWER } from '../../src/views/ids.ts';
import {
  answerOf,
  blocksText,
  clickAnswer,
  healthz,
  newUser,
  openModal,
  repliesTo,
  requestDrill,
  SLACK_DEADLINE_MS,
  viewValues,
  waitForHealth,
  watchUnhandledRejections,
} from '../support/drill-driver.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

const UNAVAILABLE = /temporarily unavailable.*try again/is;

/**
 * The test database reached through a fresh proxy: the bot gets the proxied URL, checks go direct. Dropping
 * the database and closing the proxy are registered on `cleanup`.
 */
async function proxiedDatabase(
  cleanup: Array<() => Promise<unknown>>,
): Promise<{ database: TestDatabase; direct: string; proxy: TcpProxy }> {
  const database = await createTestDatabase();
  cleanup.push(() => database.drop());
  if (database.config.kind !== 'postgres') throw new Error('needs the Postgres server');
  const direct = database.config.url;
  const real = new URL(direct);
  const proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
  cleanup.push(() => proxy.close());
  const via = new URL(direct);
  via.hostname = '127.0.0.1';
  via.port = String(proxy.port);
  return { database: { ...database, config: { kind: 'postgres', url: via.toString() } }, direct, proxy };
}

/** A query on the real database, around the proxy, to see what the bot stored while it is cut off. */
async function directQuery<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe.runIf(onPostgresServer)('database outage', () => {
  let rejections: ReturnType<typeof watchUnhandledRejections>;
  const cleanup: Array<() => Promise<unknown>> = [];

  beforeAll(() => {
    rejections = watchUnhandledRejections();
  });

  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => {});
    rejections.stop();
  });

  describe('cut while the bot runs', () => {
    let t: TestBot;
    let proxy: TcpProxy;
    let direct: string;

    beforeAll(async () => {
      const setup = await proxiedDatabase(cleanup);
      proxy = setup.proxy;
      direct = setup.direct;
      t = await startTestBot({ database: setup.database });
      cleanup.push(() => t.close());
    });

    it('answers every Slack request in time with a useful reply, keeps the modal text, then recovers by itself', async () => {
      const writer = newUser();
      const clicker = newUser();
      const asker = newUser();
      // Before the outage: a drill whose modal is open, and a drill whose button will be clicked during it.
      const written = await requestDrill(t, writer);
      const modal = await openModal(t, writer, written.channel, written.ts, written.drill.id);
      const clicked = await requestDrill(t, clicker);
      expect((await healthz(t)).status).toBe(200);
      const replies: Array<[string, SlackReply]> = [];

      await proxy.close();

      // /star random: an ephemeral "temporarily unavailable", once (in the ack when the failure is quick, else
      // through response_url), and no DM.
      const postsBefore = t.standin.callsTo('chat.postMessage').length;
      const shownBefore = t.standin.ephemerals(asker).length;
      const random = await t.standin.slashCommand(t.url, {
        userId: asker,
        text: 'random',
        channelId: 'C0GENERAL',
      });
      replies.push(['/star random', random]);
      expect(random.status).toBe(200);
      const notice = await t.standin.waitFor(() => t.standin.ephemerals(asker).slice(shownBefore)[0]);
      expect(notice.status).toBe(200);
      expect(notice.args).toMatchObject({ response_type: 'ephemeral' });
      expect(JSON.stringify(notice.args)).toMatch(UNAVAILABLE);
      // The reply is the last thing the command does, so no DM can follow it.
      expect(t.standin.callsTo('chat.postMessage').slice(postsBefore)).toEqual([]);
      expect(t.standin.ephemerals(asker).slice(shownBefore)).toHaveLength(1);

      // /star help needs no database: the full help in the ack.
      const help = await t.standin.slashCommand(t.url, { userId: asker, text: 'help' });
      replies.push(['/star help', help]);
      expect(help.status).toBe(200);
      expect(help.json).toMatchObject({ response_type: 'ephemeral' });
      expect(blocksText((help.json as { blocks: unknown }).blocks)).toContain('/star random');

      // /star history: the same ephemeral notice.
      const historyBefore = t.standin.ephemerals(asker).length;
      const history = await t.standin.slashCommand(t.url, { userId: asker, text: 'history' });
      replies.push(['/star history', history]);
      const historyNotice = await t.standin.waitFor(
        () => t.standin.ephemerals(asker).slice(historyBefore)[0],
      );
      expect(JSON.stringify(historyNotice.args)).toMatch(UNAVAILABLE);

      // The STAR submission: a field error keeps the modal open with the text; nothing is stored.
      const text = answerOf('outage');
      const submit = await t.standin.submitView(t.url, {
        userId: writer,
        viewId: modal.viewId,
        values: viewValues(text),
      });
      replies.push(['view_submission', submit]);
      expect(submit.status).toBe(200);
      const errors = submit.json as { response_action: string; errors: Record<string, string> };
      expect(errors.response_action).toBe('errors');
      expect(Object.values(errors.errors).join(' ')).toMatch(/could not save.*still here/is);
      expect(t.standin.views.get(modal.viewId)?.closed).toBe(false);
      expect(t.standin.openModal(writer)?.id).toBe(modal.viewId);
      expect(
        await directQuery(direct, 'select 1 from answers where drill_id = $1', [written.drill.id]),
      ).toEqual([]);

      // A click: a modal opens within the trigger's 3 s (the stand-in refuses an expired trigger) and says why.
      const click = await clickAnswer(t, clicker, clicked.channel, clicked.ts, clicked.drill.id);
      replies.push(['block_actions', click.click]);
      expect(click.open.response).toMatchObject({ ok: true });
      const clickView = String((click.open.response.view as { id: string }).id);
      const shown = await t.standin.waitFor(() => {
        const v = t.standin.views.get(clickView)?.view;
        return v && UNAVAILABLE.test(blocksText(v.blocks)) ? v : undefined;
      });
      expect(shown.callback_id).toBe(VIEW_NOTICE);
      expect(blocksText(shown.blocks)).not.toContain(clicked.drill.questionText);

      // /healthz: 503 { ok: false }, in time (once its 2-second cache of the last answer has run out).
      const down = await waitForHealth(t, 503, 5_000);
      expect(down).toMatchObject({ status: 503, json: { ok: false } });
      expect(down.ms).toBeLessThan(SLACK_DEADLINE_MS);

      for (const [what, reply] of replies) {
        expect(reply.ms, `${what} answered in ${Math.round(reply.ms)} ms`).toBeLessThan(SLACK_DEADLINE_MS);
      }
      expect(t.standin.callsTo('views.open').every((c) => c.response.error !== 'expired_trigger_id')).toBe(
        true,
      );

      // The database comes back: no restart, the bot is healthy again and everything works.
      await proxy.open();
      const up = await waitForHealth(t, 200, 10_000);
      expect(up.json).toEqual({ ok: true, database: 'ok' });

      // The same modal, still open, saved with exactly the text the user had typed.
      const again = await t.standin.submitView(t.url, {
        userId: writer,
        viewId: modal.viewId,
        values: viewValues(text),
      });
      expect(again.status).toBe(200);
      expect(again.body).toBe('');
      expect(t.standin.views.get(modal.viewId)?.closed).toBe(true);
      const [stored] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, written.drill.id));
      expect(stored).toMatchObject(text);
      await t.standin.waitFor(() => repliesTo(t, written.channel, written.ts).length === 1);

      const drill = await requestDrill(t, asker);
      expect(drill.drill.userId).toBe(asker);
      const reopened = await openModal(t, clicker, clicked.channel, clicked.ts, clicked.drill.id);
      const view = await t.standin.waitFor(() =>
        reopened.view()?.callback_id === VIEW_STAR_ANSWER ? reopened.view() : undefined,
      );
      expect(blocksText(view.blocks)).toContain(clicked.drill.questionText);
      const helpAfter = await t.standin.slashCommand(t.url, { userId: asker, text: 'help' });
      expect(helpAfter.status).toBe(200);

      // The outage was logged with its cause, never as a crash.
      expect(t.logs.lines.some((l) => l.level === 'fatal')).toBe(false);
      expect(rejections.reasons).toEqual([]);
    });
  });

  describe('stalled: connections accepted, nothing answered (a partition or a hung server)', () => {
    let t: TestBot;
    let proxy: TcpProxy;

    beforeAll(async () => {
      const setup = await proxiedDatabase(cleanup);
      proxy = setup.proxy;
      t = await startTestBot({ database: setup.database });
      cleanup.push(() => (closed ? Promise.resolve() : t.close()));
    });
    let closed = false;

    it('still answers in time, never leaves the user waiting forever, and recovers when the network heals', async () => {
      const writer = newUser();
      const clicker = newUser();
      const asker = newUser();
      const written = await requestDrill(t, writer);
      const modal = await openModal(t, writer, written.channel, written.ts, written.drill.id);
      const clicked = await requestDrill(t, clicker);
      // Several pooled connections, idle when the partition starts: they are black-holed with it.
      await Promise.all(Array.from({ length: 4 }, () => healthz(t)));

      await proxy.stall();
      const started = performance.now();
      const shownBefore = t.standin.ephemerals(asker).length;
      const [random, submit, click, down] = await Promise.all([
        t.standin.slashCommand(t.url, { userId: asker, text: 'random', channelId: 'C0GENERAL' }),
        t.standin.submitView(t.url, {
          userId: writer,
          viewId: modal.viewId,
          values: viewValues(answerOf('stall')),
        }),
        clickAnswer(t, clicker, clicked.channel, clicked.ts, clicked.drill.id),
        // Each probe answers in time; the answer turns 503 once the 2-second cache of the last one runs out.
        waitForHealth(t, 503, 8_000),
      ]);
      for (const [what, ms] of [
        ['/star random', random.ms],
        ['view_submission', submit.ms],
        ['block_actions', click.click.ms],
      ] as const) {
        expect(ms, `${what} answered in ${Math.round(ms)} ms`).toBeLessThan(SLACK_DEADLINE_MS);
      }
      expect(submit.json).toMatchObject({ response_action: 'errors' });
      expect(t.standin.views.get(modal.viewId)?.closed).toBe(false);
      expect(click.open.response).toMatchObject({ ok: true });
      expect(down).toMatchObject({ status: 503, json: { ok: false } });

      // The slow work after the ack ends too: the command gets its notice, the click's modal says why.
      const notice = await t.standin.waitFor(() => t.standin.ephemerals(asker).slice(shownBefore)[0], {
        timeoutMs: 15_000,
      });
      expect(JSON.stringify(notice.args)).toMatch(UNAVAILABLE);
      const clickView = String((click.open.response.view as { id: string }).id);
      await t.standin.waitFor(
        () => UNAVAILABLE.test(blocksText(t.standin.views.get(clickView)?.view.blocks)),
        { timeoutMs: 15_000 },
      );
      const waited = performance.now() - started;

      // The network heals for new connections; the black-holed ones stay stuck. The bot must not reuse them.
      await proxy.open();
      await waitForHealth(t, 200, 20_000);
      const again = await t.standin.submitView(t.url, {
        userId: writer,
        viewId: modal.viewId,
        values: viewValues(answerOf('stall')),
      });
      expect(again.body).toBe('');
      const [stored] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, written.drill.id));
      expect(stored).toMatchObject(answerOf('stall'));
      expect((await requestDrill(t, asker)).drill.userId).toBe(asker);
      expect(rejections.reasons).toEqual([]);
      console.info(`stalled database: slow work ended after ${Math.round(waited)} ms`);

      // Stopping does not wait forever on pooled connections still stuck behind the partition (they never
      // hear the server's goodbye): it gives up on them, says so, and the process exit ends them. Whether any
      // is still stuck depends on which the stalled requests' queries (the shared replay check among them)
      // drew and the pool dropped after their query timeout; either way the stop completes.
      closed = true;
      await t.close();
      expect(t.logs.find(/did not close in time/).length).toBeLessThanOrEqual(1);
      expect(t.logs.find('Star Drill stopped')).toHaveLength(1);
    });
  });

  describe('unreachable at start-up', () => {
    it('listens at once, logs why it waits, answers 503, and becomes healthy when the database comes', async () => {
      const setup = await proxiedDatabase(cleanup);
      await setup.proxy.close();

      const t = await startTestBot({ database: setup.database, waitReady: false });
      cleanup.push(() => t.close());
      let ready = false;
      void t.bot.ready.then(() => {
        ready = true;
      });

      const waits = await t.standin.waitFor(
        () => {
          const lines = t.logs.find('database not ready; retrying with backoff');
          return lines.length >= 2 ? lines : undefined;
        },
        { timeoutMs: 5_000 },
      );
      for (const line of waits) {
        expect(line).toMatchObject({ level: 'warn' });
        expect(JSON.stringify(line.err)).toMatch(/ECONNREFUSED/);
      }
      expect(waits.map((l) => l.attempt)).toEqual([1, 2]);
      expect(ready).toBe(false);
      expect(await healthz(t)).toMatchObject({ status: 503, json: { ok: false } });

      // Slack is served meanwhile: help from the ack, anything needing data gets the notice.
      const help = await t.standin.slashCommand(t.url, { userId: newUser(), text: 'help' });
      expect(help.status).toBe(200);
      expect(blocksText((help.json as { blocks: unknown }).blocks)).toContain('/star random');
      const someone = newUser();
      const random = await t.standin.slashCommand(t.url, { userId: someone, text: 'random' });
      expect(random.status).toBe(200);
      expect(random.ms).toBeLessThan(SLACK_DEADLINE_MS);
      const notice = await t.standin.waitFor(() => t.standin.ephemerals(someone)[0]);
      expect(JSON.stringify(notice.args)).toMatch(UNAVAILABLE);

      await setup.proxy.open();
      await Promise.race([
        t.bot.ready,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('not ready 10 s after the database came')), 10_000),
        ),
      ]);
      expect(t.logs.find('database ready: migrations applied')).toHaveLength(1);
      expect(await waitForHealth(t, 200, 5_000)).toMatchObject({ json: { ok: true } });
      const drill = await requestDrill(t, newUser());
      expect(drill.drill.id).toBeGreaterThan(0);
      expect(rejections.reasons).toEqual([]);
    });
  });
});
