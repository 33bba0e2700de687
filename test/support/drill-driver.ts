// Helpers shared by the Slack and fault tests: driving the drill loop through the stand-in, raw signed payloads,
// row counts, /healthz, and a watch on unhandled promise rejections.

import { eq, sql } from 'drizzle-orm';
import { expect, vi } from 'vitest';
import type { ApiCall, SlackReply, StoredMessage, Workspace } from '../../local-slack/index.ts';
import type { Database } from '../../src/db/client.ts';
import { type Drill, drills } from '../../src/db/schema/index.ts';
import type { SelfRating } from '../../src/drills/review-cards.ts';
import { ACTION_ANSWER_DRILL, ACTION_RATE_DRILL, ACTION_STAR_INPUT } from '../../src/views/ids.ts';
import type { TestBot } from './test-bot.ts';

export const FORM = 'application/x-www-form-urlencoded';
/** Slack gives up on an HTTP answer after 3 s. */
export const SLACK_DEADLINE_MS = 3_000;

let userSeq = 0;
/** A Slack-shaped user id, unique within the run. */
export const newUser = (tag = 'U') =>
  `${tag}${Date.now().toString(36).toUpperCase()}${(++userSeq).toString(36).toUpperCase()}`;

export const blocksText = (blocks: unknown) => JSON.stringify(blocks ?? null);

export const answerOf = (label: string) => ({
  situation: `${label} situation: the payments API fell over at peak.`,
  task: `${label} task: restore service and stop it recurring.`,
  action: `${label} action: I traced the pool exhaustion and added breakers.`,
  result: `${label} result: service back in 45 minutes, 30% less load.`,
});

export const viewValues = (a: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(a).map(([part, value]) => [part, { [ACTION_STAR_INPUT]: value }]));

/** Replies in a drill's thread (the stand-in's thread() includes the parent). */
export const repliesTo = (t: TestBot, channel: string, ts: string) =>
  t.standin.thread(channel, ts).filter((m) => m.thread_ts === ts);

/** `/star <text>`, then the DM the bot posted for that user and the drill row it stored. */
export async function requestDrill(t: TestBot, userId: string, text = 'random', channelId = 'C0GENERAL') {
  const before = t.standin.callsTo('chat.postMessage').length;
  const reply = await t.standin.slashCommand(t.url, { userId, text, channelId });
  expect(reply.status).toBe(200);
  const post = await t.standin.waitForCall(
    'chat.postMessage',
    (c) => c.args.channel === userId && !c.args.thread_ts && c.response.ok === true,
    { since: before },
  );
  const channel = String(post.response.channel);
  const ts = String(post.response.ts);
  const message = t.standin.message(channel, ts) as StoredMessage;
  // The bot records the ts right after Slack answered the post: wait for that write.
  const row = await waitForRow(async () => {
    const [r] = await t.bot.ctx.db.select().from(drills).where(eq(drills.messageTs, ts));
    return r;
  });
  return { reply, post, channel, ts, message, drill: row };
}

/**
 * `/star <text>` from `userId`, once the bot is done with what it started: the ack, and the ephemerals the
 * person was shown for it (the answer in the ack or the posts to its response_url: the local Slack logs both).
 * `where`: another workspace than the stand-in's own, or a channel instead of the person's DM.
 */
export async function starShown(
  t: Pick<TestBot, 'bot' | 'standin' | 'url'>,
  userId: string,
  text: string,
  where: { workspace?: Workspace; channelId?: string } = {},
): Promise<{ reply: SlackReply; shown: ApiCall[] }> {
  const before = t.standin.ephemerals(userId).length;
  const reply = await t.standin.slashCommand(t.url, { userId, text, ...where });
  expect(reply.status).toBe(200);
  await t.bot.idle();
  return { reply, shown: t.standin.ephemerals(userId).slice(before) };
}

/** Polls an async probe until it yields a value (bounded). */
export function waitForRow<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const row = await probe();
      if (row === undefined) throw new Error(`no row after ${timeoutMs} ms`);
      return row;
    },
    { timeout: timeoutMs, interval: 10 },
  );
}

/** Clicks the drill's button as `userId` and returns the modal the bot opened (after any views.update). */
export async function clickAnswer(t: TestBot, userId: string, channel: string, ts: string, drillId: number) {
  const opensBefore = t.standin.callsTo('views.open').length;
  const click = await t.standin.clickButton(t.url, {
    userId,
    channel,
    messageTs: ts,
    actionId: ACTION_ANSWER_DRILL,
    value: String(drillId),
  });
  expect(click.status).toBe(200);
  const open = await t.standin.waitForCall('views.open', () => true, { since: opensBefore });
  return { click, open };
}

/** Clicks and expects the modal to open; returns its id and the view as the user sees it now. */
export async function openModal(t: TestBot, userId: string, channel: string, ts: string, drillId: number) {
  const { click, open } = await clickAnswer(t, userId, channel, ts, drillId);
  expect(open.response.ok).toBe(true);
  const viewId = String((open.response.view as { id: string }).id);
  const view = () => t.standin.views.get(viewId)?.view as Record<string, unknown>;
  return { click, open, viewId, view };
}

/**
 * A view_submission built by hand and signed, as a retry from Slack or a forged request would arrive:
 * the stand-in's submitView refuses what the Slack client would not send. `view` overrides fields of the view.
 */
export function rawSubmission(
  t: TestBot,
  viewId: string,
  userId: string,
  values: Record<string, string | null>,
  view: Record<string, unknown> = {},
): Promise<SlackReply> {
  const opened = t.standin.views.get(viewId);
  const payload = {
    type: 'view_submission',
    team: { id: t.standin.workspace.teamId, domain: 'standin' },
    user: { id: userId, username: 'someone', name: 'someone', team_id: t.standin.workspace.teamId },
    api_app_id: t.standin.workspace.appId,
    token: t.standin.workspace.verificationToken,
    trigger_id: t.standin.newTriggerId(userId),
    view: {
      ...(opened?.view ?? {}),
      id: viewId,
      team_id: t.standin.workspace.teamId,
      hash: opened?.hash,
      state: {
        values: Object.fromEntries(
          Object.entries(values).map(([part, value]) => [
            part,
            { [ACTION_STAR_INPUT]: { type: 'plain_text_input', value } },
          ]),
        ),
      },
      ...view,
    },
    response_urls: [],
    is_enterprise_install: false,
  };
  return sendPayload(t, payload);
}

/** Any interactivity payload, form-encoded as `payload=<json>` and signed. */
export function sendPayload(t: TestBot, payload: unknown): Promise<SlackReply> {
  return t.standin.sendRaw(t.url, `payload=${encodeURIComponent(JSON.stringify(payload))}`, FORM);
}

/** GET /healthz, bounded. */
export async function healthz(t: Pick<TestBot, 'baseUrl'>, timeoutMs = 5_000) {
  const started = performance.now();
  const res = await fetch(`${t.baseUrl}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
  const json = (await res.json()) as { ok: boolean };
  return { status: res.status, json, ms: performance.now() - started };
}

/** Polls /healthz until it answers `status` (bounded). */
export function waitForHealth(t: Pick<TestBot, 'baseUrl'>, status: number, timeoutMs = 10_000) {
  let last: Awaited<ReturnType<typeof healthz>> | undefined;
  return vi.waitFor(
    async () => {
      last = await healthz(t).catch(() => undefined);
      if (last?.status !== status)
        throw new Error(`/healthz did not answer ${status} within ${timeoutMs} ms (last: ${last?.status})`);
      return last;
    },
    { timeout: timeoutMs, interval: 50 },
  );
}

/** Rows per table, to show that a request wrote nothing. */
const TABLES = ['users', 'drills', 'answers', 'subscriptions', 'processed_events'] as const;

export async function rowCounts(db: Database): Promise<Record<(typeof TABLES)[number], number>> {
  const out = { users: 0, drills: 0, answers: 0, subscriptions: 0, processed_events: 0 };
  for (const table of TABLES) {
    // Both drivers (pg and PGlite) answer execute() with `{ rows }`.
    const result = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
      rows: Array<{ n: number }>;
    };
    out[table] = Number(result.rows[0]?.n ?? 0);
  }
  return out;
}

/** Counts unhandled promise rejections in this process while a test file runs. */
export function watchUnhandledRejections() {
  const reasons: unknown[] = [];
  const onRejection = (reason: unknown) => reasons.push(reason);
  process.on('unhandledRejection', onRejection);
  return {
    reasons,
    stop: () => process.off('unhandledRejection', onRejection),
  };
}

export type { Drill };

/** Clicks a rating button under the feedback and waits for everything the click started. */
export async function rate(
  t: TestBot,
  userId: string,
  at: { channel: string; feedbackTs: string; drillId: number },
  rating: SelfRating,
) {
  const reply = await t.standin.clickButton(t.url, {
    userId,
    channel: at.channel,
    messageTs: at.feedbackTs,
    actionId: `${ACTION_RATE_DRILL}_${rating}`,
    value: `${at.drillId}:${rating}`,
  });
  expect(reply.status).toBe(200);
  await t.bot.idle();
}
