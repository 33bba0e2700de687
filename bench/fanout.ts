// Fan-out: N subscribers due in the same minute, delivered by the real bot process(es) through the Slack
// stand-in, beside the floor (bench/floor.ts: a bare WebClient posting the same N messages), in alternating
// runs of one session so machine noise falls on both alike.
//
// Timing, both measured on one clock (Date.now of this machine):
//   bot:   from the instant the bot logs "database ready" (its scheduler's start-up tick begins right after)
//          to the arrival at the stand-in of the last chat.postMessage;
//   floor: from the instant the floor process logs "start" (just before its first post) to the same.
// Both processes start cold (same JIT warm-up). Memory: VmHWM of the bot process after the run.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { type BotProcess, type SpawnOptions, spawnBot } from '../harness/bot-process.ts';
import { type SlackStandin, startSlackStandin } from '../local-slack/index.ts';
import { adminQuery } from './db.ts';
import { cpuMsOf, peakRssMb, postgresCpuMs } from './proc.ts';
import { PRODUCTION } from './production.ts';

const FLOOR = fileURLToPath(new URL('./floor.ts', import.meta.url));
const SIGNING_SECRET = 'bench-signing-secret';
const BOT_TOKEN = 'xoxb-bench';

/** Posts seen by the stand-in: how many, to how many distinct users, and when the last one arrived. */
class PostCounter {
  first = 0;
  last = 0;
  n = 0;
  readonly users = new Set<string>();
  constructor(readonly standin: SlackStandin) {
    standin.intercept('chat.postMessage', ({ args }) => {
      const now = Date.now();
      if (this.n === 0) this.first = now;
      this.last = now;
      this.n += 1;
      this.users.add(String(args.channel));
      return undefined;
    });
  }
}

async function newStandin(): Promise<{ standin: SlackStandin; posts: PostCounter }> {
  const standin = await startSlackStandin({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    recordCalls: false,
  });
  return { standin, posts: new PostCounter(standin) };
}

async function waitUntil(probe: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

export interface FloorRun {
  ms: number;
  posts: number;
  /** CPU time of the floor process, start-up included (process.cpuUsage at its end). */
  cpuMs: number;
  /** CPU time from the floor's first post to its last, ms: the floor process and the local Slack. */
  during: { floor: number; slack: number };
}

export async function floorRun(messages: number, concurrency: number): Promise<FloorRun> {
  const { standin, posts } = await newStandin();
  try {
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), FLOOR, String(messages), String(concurrency)],
      {
        env: { PATH: process.env.PATH ?? '', SLACK_API_URL: standin.apiUrl, SLACK_BOT_TOKEN: BOT_TOKEN },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let start = 0;
    let slackAtStart = process.cpuUsage();
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/\{"start":(\d+)\}/);
      if (m && !start) {
        start = Number(m[1]);
        slackAtStart = process.cpuUsage();
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const slack = process.cpuUsage(slackAtStart);
    if (code !== 0 || !start) throw new Error(`floor process exited ${code}: ${out}`);
    const done = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { cpuMs: number; postingCpuMs: number };
    return {
      ms: posts.last - start,
      posts: posts.n,
      cpuMs: done.cpuMs,
      // The local Slack runs in this process: its CPU is this process's (little else runs here meanwhile).
      during: { floor: done.postingCpuMs, slack: (slack.user + slack.system) / 1000 },
    };
  } finally {
    await standin.close();
  }
}

export interface BotRun {
  ms: number;
  /** From "database ready" to the first post's arrival: start-up and the first batch's claim and preparation. */
  firstPostMs: number;
  posts: number;
  distinctUsers: number;
  drillRows: number;
  /** Peak RSS of each bot process, MB. */
  rssMb: number[];
  /** CPU time of each bot process at its last post, start-up and migrations included, ms. */
  cpuMs: number[];
  /** Drills delivered by each replica (from their tick logs). */
  perReplica: number[];
  /**
   * CPU time from "database ready" to the last post, ms: the bot processes, the local Slack (this process) and
   * the Postgres server (null when it is not on this machine).
   */
  during: { bots: number; slack: number; postgres: number | null };
}

export async function botRun(p: {
  databaseUrl: string;
  subscribers: number;
  replicas: number;
  localDate: string;
  /** E.g. NODE_OPTIONS=--cpu-prof for a profile. */
  extraEnv?: Record<string, string>;
  /** How the bot process runs: the production command by default (see bench/run.ts). */
  spawn?: SpawnOptions;
}): Promise<BotRun> {
  const { standin, posts } = await newStandin();
  const workdir = await mkdtemp(path.join(os.tmpdir(), 'star-drill-bench-'));
  const bots: BotProcess[] = [];
  try {
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standin.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: p.databaseUrl,
      ...p.extraEnv,
    };
    for (let i = 0; i < p.replicas; i++) bots.push(spawnBot(env, workdir, p.spawn ?? PRODUCTION));
    const ready = await Promise.all(
      bots.map((b) => b.waitForLog((l) => l.msg === 'database ready: migrations applied', 120_000)),
    );
    const tickStart = Math.min(...ready.map((l) => Date.parse(String(l.time))));
    const atReady = await cpuNow(bots);
    await waitUntil(() => posts.n >= p.subscribers, 300_000, `${p.subscribers} posts`);
    const ms = posts.last - tickStart;
    const atEnd = await cpuNow(bots);
    const rssMb = await Promise.all(bots.map((b) => peakRssMb(b.child.pid as number)));
    const cpuMs = atEnd.bots;
    // Every subscription advanced: the ticks are over (so no late duplicate can still arrive).
    await waitUntil(
      async () =>
        (
          await adminQuery<{ n: number }>(
            p.databaseUrl,
            'select count(*)::int as n from subscriptions where next_due_date <= $1 or claimed_by is not null',
            [p.localDate],
          )
        ).rows[0]?.n === 0,
      120_000,
      'every subscription advanced',
    );
    await sleep(300); // the tick's summary line follows its last statement
    const perReplica = bots.map((b) =>
      b.logs.filter((l) => l.msg === 'scheduler tick').reduce((n, l) => n + Number(l.delivered ?? 0), 0),
    );
    const drillRows = (
      await adminQuery<{ n: number }>(
        p.databaseUrl,
        "select count(*)::int as n from drills where source = 'scheduled'",
      )
    ).rows[0]?.n as number;
    return {
      ms,
      firstPostMs: posts.first - tickStart,
      posts: posts.n,
      distinctUsers: posts.users.size,
      drillRows,
      rssMb,
      cpuMs,
      perReplica,
      during: {
        bots: sum(atEnd.bots) - sum(atReady.bots),
        slack: atEnd.slack - atReady.slack,
        postgres:
          atEnd.postgres === null || atReady.postgres === null ? null : atEnd.postgres - atReady.postgres,
      },
    };
  } finally {
    for (const b of bots) b.child.kill('SIGTERM');
    await Promise.all(bots.map((b) => b.exited));
    await standin.close();
    await rm(workdir, { recursive: true, force: true });
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** CPU used so far (ms) by each bot, this process (the local Slack) and the local Postgres server. */
async function cpuNow(bots: BotProcess[]) {
  const self = process.cpuUsage();
  return {
    bots: await Promise.all(bots.map((b) => cpuMsOf(b.child.pid as number))),
    slack: (self.user + self.system) / 1000,
    postgres: await postgresCpuMs(),
  };
}
