// A click during a fan-out (issue 16): how long after a person clicks "Answer with STAR" the bot opens the
// modal (views.open reaches the local Slack) while its scheduler posts N drills, beside the same clicks to an
// idle bot. Clicks go one after another (the next one leaves when the previous modal opened, at most one
// every CLICK_EVERY_MS) for as long as the fan-out runs: each sample is what one person waited, from outside.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebClient } from '@slack/web-api';
import { type BotProcess, type SpawnOptions, spawnBot } from '../harness/bot-process.ts';
import { type SlackStandin, startSlackStandin } from '../local-slack/index.ts';
import { ACTION_ANSWER_DRILL } from '../src/views/ids.ts';
import { adminQuery, createBenchDatabase, resetFanOut, seedSubscribers } from './db.ts';
import { PRODUCTION } from './production.ts';
import { median, percentile } from './stats.ts';

const SIGNING_SECRET = 'bench-signing-secret';
const BOT_TOKEN = 'xoxb-bench';
const CLICKER = 'U0CLICKER';
const CLICK_EVERY_MS = 25;

export interface ClickDuringFanOut {
  /** Milliseconds from sending each click to its views.open, during the fan-out. */
  during: { p50: number; p99: number; max: number; n: number };
  /** The same clicks to the same bot once its fan-out is over. */
  idle: { p50: number; p99: number; max: number; n: number };
  posts: number;
}

const summary = (ms: number[]) => ({
  p50: median(ms),
  p99: percentile(ms, 99),
  max: Math.max(...ms),
  n: ms.length,
});

/** The benchmark as `npm run bench` runs it: a fresh database of `subscribers` due today, three fan-outs. */
export async function benchClickDuringFanOut(subscribers: number): Promise<ClickDuringFanOut> {
  const today = new Date().toISOString().slice(0, 10);
  const db = await createBenchDatabase('click');
  try {
    await seedSubscribers(db.url, subscribers, { dueAt: new Date(`${today}T00:00:00Z`), localDate: today });
    await db.handle.close();
    return await measureClickDuringFanOut({ databaseUrl: db.url, subscribers, rounds: 3 });
  } finally {
    await db.drop();
  }
}

/** One run on a database seeded with `subscribers` due subscribers (seedSubscribers); `rounds` fan-outs. */
export async function measureClickDuringFanOut(p: {
  databaseUrl: string;
  subscribers: number;
  rounds: number;
  spawn?: SpawnOptions;
}): Promise<ClickDuringFanOut> {
  const during: number[] = [];
  const idle: number[] = [];
  let posts = 0;
  const today = new Date().toISOString().slice(0, 10);
  for (let round = 0; round < p.rounds; round++) {
    await resetFanOut(p.databaseUrl, { dueAt: new Date(`${today}T00:00:00Z`), localDate: today });
    const r = await oneRound(p);
    during.push(...r.during);
    idle.push(...r.idle);
    posts += r.posts;
  }
  return { during: summary(during), idle: summary(idle), posts };
}

async function oneRound(p: { databaseUrl: string; subscribers: number; spawn?: SpawnOptions }) {
  const standin = await startSlackStandin({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    recordCalls: false,
  });
  let posts = 0;
  standin.intercept('chat.postMessage', () => {
    posts += 1;
    return undefined;
  });
  const opened: Array<() => void> = [];
  standin.intercept('views.open', () => {
    opened.shift()?.();
    return undefined;
  });
  const { drillId, channel, ts } = await clickerDrill(standin, p.databaseUrl);
  posts = 0; // the clicker's own message is not the fan-out's
  const workdir = await mkdtemp(path.join(os.tmpdir(), 'star-drill-bench-click-'));
  let bot: BotProcess | undefined;
  try {
    bot = spawnBot(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: standin.apiUrl,
        PORT: '0',
        LOG_LEVEL: 'info',
        DATABASE_URL: p.databaseUrl,
      },
      workdir,
      p.spawn ?? PRODUCTION,
    );
    const port = (await bot.waitForLog((l) => typeof l.port === 'number', 120_000)).port as number;
    const url = `http://127.0.0.1:${port}/slack/events`;
    const click = async (): Promise<number> => {
      const modal = new Promise<void>((resolve) => opened.push(resolve));
      const sent = performance.now();
      const reply = await standin.clickButton(url, {
        userId: CLICKER,
        channel,
        messageTs: ts,
        actionId: ACTION_ANSWER_DRILL,
        value: drillId,
      });
      if (reply.status !== 200) throw new Error(`click answered ${reply.status}`);
      await modal;
      return performance.now() - sent;
    };
    // The fan-out starts with the bot's first tick: click from its first post to its last.
    while (posts === 0) await sleep(1);
    const during: number[] = [];
    while (posts < p.subscribers) {
      const started = performance.now();
      const ms = await click();
      if (posts < p.subscribers) during.push(ms);
      await sleep(Math.max(0, CLICK_EVERY_MS - (performance.now() - started)));
    }
    const idle: number[] = [];
    for (let i = 0; i < 40; i++) idle.push(await click());
    return { during, idle, posts };
  } finally {
    bot?.child.kill('SIGTERM');
    await bot?.exited;
    await standin.close();
    await rm(workdir, { recursive: true, force: true });
  }
}

/** The clicker's own drill, posted in the local Slack so its button can be clicked. */
async function clickerDrill(standin: SlackStandin, url: string) {
  await adminQuery(url, `insert into users (team_id, id, tz) values ($1, $2, 'UTC') on conflict do nothing`, [
    standin.workspace.teamId,
    CLICKER,
  ]);
  const drill = await adminQuery<{ id: string }>(
    url,
    `insert into drills (team_id, user_id, topic_slug, question_id, question_text, source)
     values ($1, $2, 'handling-production-incidents', 'q_8419d214d2', 'Tell me about a production incident.', 'on_demand')
     returning id::text`,
    [standin.workspace.teamId, CLICKER],
  );
  const drillId = drill.rows[0]?.id as string;
  const web = new WebClient(BOT_TOKEN, { slackApiUrl: standin.apiUrl });
  const posted = await web.chat.postMessage({
    channel: CLICKER,
    text: 'Tell me about a production incident.',
    blocks: [
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: ACTION_ANSWER_DRILL,
            value: drillId,
            text: { type: 'plain_text', text: 'Answer with STAR' },
          },
        ],
      },
    ],
  });
  return { drillId, channel: String(posted.channel), ts: String(posted.ts) };
}
