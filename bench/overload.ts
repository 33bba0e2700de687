// Overload, open loop: N `/star subscribe 08:00 daily` from N distinct users, the i-th sent at i / rate
// seconds whatever became of the others, against the production build (bench/production.ts) on a fresh
// Postgres database. The bug this proves fixed: at ~330 a second the work after the acks piled up until 83% of
// the users were told "temporarily unavailable" (a pool connection never came), and at ~400 a second the
// process died of "JavaScript heap out of memory" under npm start's 96 MB heap. Bounded now
// (src/slack/work-queue.ts): what the bot cannot do in time it refuses with "busy, nothing changed".
//
// Three processes beside the bot: this one (starts everything, samples the bot's memory, reads the answers),
// the sender (bench/overload-sender.ts: signs, sends and times the commands, nothing else on its event loop)
// and the local Slack's Web API (bench/standin-process.ts: users.info, and the response_url each reply goes to).
//
// Per request: the ack's status and latency, then what the user was told (the ack's text when it has one: a
// refusal, or the reply when it was ready within a second; else the response_url reply), and finally the truth from the database: a subscription row for every
// "subscribed", none for a "busy" or "unavailable".
import { fork } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { spawnBot } from '../harness/bot-process.ts';
import { BUSY, UNAVAILABLE } from '../src/views/command-replies.ts';
import { startApiStandin } from './api-standin.ts';
import { adminQuery } from './db.ts';
import type { Job, SenderResult } from './overload-sender.ts';
import { cpuMsOf, peakRssMb } from './proc.ts';
import { PRODUCTION } from './production.ts';
import { percentile } from './stats.ts';

const SENDER = fileURLToPath(new URL('./overload-sender.ts', import.meta.url));
const SIGNING_SECRET = 'bench-signing-secret';
const BOT_TOKEN = 'xoxb-bench';
export const OVERLOAD_TEXT = 'subscribe 08:00 daily';
/** Slack gives up on an ack after 3 s. */
const ACK_DEADLINE_MS = 3_000;
/** Waiting for the replies ends when none has come for this long (a bot that never answers someone). */
export const STALL_MS = 30_000;
const ZONES = [
  'Europe/London',
  'Asia/Kolkata',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
];

/** What a user was told; `none`: nothing at all (the ack failed and no reply came). */
export type ReplyKind = 'subscribed' | 'busy' | 'unavailable' | 'other' | 'none';
export const REPLY_KINDS: ReplyKind[] = ['subscribed', 'busy', 'unavailable', 'other', 'none'];

export function replyKind(text: string): Exclude<ReplyKind, 'none'> {
  if (/(Subscribed|Subscription updated): a drill at/.test(text)) return 'subscribed';
  if (text.includes(BUSY)) return 'busy';
  if (text.includes(UNAVAILABLE)) return 'unavailable';
  return 'other';
}

/** The text of an ack's JSON body (`{"response_type":"ephemeral","text":...}`), or the body as it came. */
function ackText(body: string): string {
  try {
    const text = (JSON.parse(body) as { text?: unknown }).text;
    return typeof text === 'string' ? text : body;
  } catch {
    return body;
  }
}

export interface OverloadRun {
  /** Which bot: this commit's, or a base commit's run side by side. */
  label?: string;
  n: number;
  rate: number;
  /** users.info answered this much later than the local Slack would (0: at once). */
  slackMs: number;
  told: Record<ReplyKind, number>;
  /** Of the busy: refused in the ack, or queued and then refused for waiting too long. */
  busyInAck: number;
  /** Users told more than one thing. */
  toldTwice: number;
  ack: { p50: number; p99: number; max: number; late: number; failed: number };
  /** How late the sender itself was leaving (p99 / max, ms): large means the rate was not what was asked. */
  senderLag: { p99: number; max: number };
  /** The database against what users were told. */
  truth: { pass: number; fail: number; examples: string[] };
  survived: boolean;
  /** How the bot ended when it did not survive: exit code or signal, and its last stderr line. */
  death?: string;
  peakRssMb: number;
  /** CPU time used from the first request to the last reply, ms: the bot, the sender and the local Slack's Web API. */
  cpuMs: { bot: number; sender: number; slack: number };
  wall: { sendingMs: number; lastAckMs: number; lastToldMs: number };
}

export async function measureOverload(p: {
  databaseUrl: string;
  workdir: string;
  n: number;
  rate: number;
  slackMs?: number;
  log?: (...m: unknown[]) => void;
  /** Extra environment for the bot process only, e.g. a CPU profile (bench/cpu-profile-hook.mjs). */
  botEnv?: Record<string, string>;
  /** Another checkout's compiled bot (a base commit) instead of this one's. */
  compiledMain?: string;
  /** Names the run in the report (e.g. "base commit"). */
  label?: string;
}): Promise<OverloadRun> {
  const log = p.log ?? (() => {});
  const slackMs = p.slackMs ?? 0;
  const api = await startApiStandin({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    recordCalls: false,
  });
  const users = Array.from({ length: p.n }, (_, i) => `UOVL${p.rate}X${String(i).padStart(6, '0')}`);
  const bot = spawnBot(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: p.databaseUrl,
      ...p.botEnv,
    },
    p.workdir,
    { ...PRODUCTION, compiledMain: p.compiledMain },
  );
  let sender: ReturnType<typeof fork> | undefined;
  let peakRssMb = 0;
  const sampling = setInterval(() => {
    void vmHwmMb(bot.child.pid as number).then((mb) => {
      if (mb > peakRssMb) peakRssMb = mb;
    });
  }, 250);
  try {
    if (slackMs > 0) await api.ask({ delay: { method: 'users.info', ms: slackMs } });
    // Slack knows every user (users.info gives their zone); each command carries its own response_url.
    const requests: Job['requests'] = [];
    for (let from = 0; from < users.length; from += 2_000) {
      const chunk = users.slice(from, from + 2_000);
      await api.ask({
        addUsers: chunk.map((id, i) => ({ id, tz: ZONES[(from + i) % ZONES.length] as string })),
      });
      const urls = await api.ask<Array<{ channel: string; url: string }>>({ responseUrls: chunk });
      chunk.forEach((user, i) => {
        const u = urls[i] as { channel: string; url: string };
        requests.push({ user, channel: u.channel, responseUrl: u.url });
      });
    }
    const port = (await bot.waitForLog((l) => typeof l.port === 'number', 120_000)).port as number;
    await bot.waitForLog((l) => l.msg === 'database ready: migrations applied', 120_000);
    log(`overload ${p.n} at ${p.rate}/s: bot ready (pid ${bot.child.pid}), sending`);
    const cpuBefore = {
      bot: await cpuMsOf(bot.child.pid as number),
      slack: await api.ask<number>({ cpuMs: true }),
    };

    sender = fork(SENDER, [], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const job: Job = {
      botUrl: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: SIGNING_SECRET,
      rate: p.rate,
      text: OVERLOAD_TEXT,
      requests,
      warmUp: 20,
    };
    const child = sender;
    const result = await new Promise<SenderResult>((resolve, reject) => {
      child.once('message', (m) => resolve(m as SenderResult));
      child.once('exit', (code) => reject(new Error(`overload sender exited ${code}`)));
      child.send(job);
    });
    const acked = performance.now();
    log(`overload ${p.n} at ${p.rate}/s: all acked ${(result.ackedMs / 1000).toFixed(1)} s after the first`);

    // Everyone acked without a word is owed a reply through their response_url: wait for them all, or until
    // no reply has come for STALL_MS, or the bot is dead.
    const owed = result.sent.filter((s) => s.status === 200 && !s.body).length;
    let shown = 0;
    let lastProgress = performance.now();
    let lastToldMs = result.ackedMs;
    while (bot.child.exitCode === null && bot.child.signalCode === null) {
      const now = await api.ask<number>({ ephemeralCount: true });
      if (now !== shown) {
        shown = now;
        lastProgress = performance.now();
        lastToldMs = result.ackedMs + (performance.now() - acked);
      }
      if (shown >= owed || performance.now() - lastProgress > STALL_MS) break;
      await sleep(100);
    }
    const replies = new Map<string, string[]>();
    for (const e of await api.ask<Array<{ user: string; text: string }>>({ ephemerals: true })) {
      const list = replies.get(e.user) ?? [];
      list.push(e.text);
      replies.set(e.user, list);
    }

    const survived = bot.child.exitCode === null && bot.child.signalCode === null;
    if (survived) peakRssMb = Math.max(peakRssMb, await vmHwmMb(bot.child.pid as number));
    const cpuMs = {
      bot: survived ? (await cpuMsOf(bot.child.pid as number)) - cpuBefore.bot : Number.NaN,
      sender: result.cpuMs,
      slack: (await api.ask<number>({ cpuMs: true })) - cpuBefore.slack,
    };
    const stored = new Set(
      (await adminQuery<{ user_id: string }>(p.databaseUrl, 'select user_id from subscriptions')).rows.map(
        (r) => r.user_id,
      ),
    );

    const told = Object.fromEntries(REPLY_KINDS.map((k) => [k, 0])) as Record<ReplyKind, number>;
    const truth = { pass: 0, fail: 0, examples: [] as string[] };
    let busyInAck = 0;
    let toldTwice = 0;
    users.forEach((user, i) => {
      const sent = result.sent[i] as SenderResult['sent'][number];
      const texts = [...(sent.body ? [ackText(sent.body)] : []), ...(replies.get(user) ?? [])];
      if (texts.length > 1) toldTwice += 1;
      const kind: ReplyKind = texts[0] === undefined ? 'none' : replyKind(texts[0]);
      told[kind] += 1;
      if (kind === 'busy' && sent.body) busyInAck += 1;
      if (kind === 'subscribed' || kind === 'busy' || kind === 'unavailable') {
        const ok = stored.has(user) === (kind === 'subscribed');
        if (ok) truth.pass += 1;
        else {
          truth.fail += 1;
          if (truth.examples.length < 5)
            truth.examples.push(`${user} told ${kind}, stored: ${stored.has(user)}`);
        }
      }
    });
    const answered = result.sent.filter((s) => s.status !== 0);
    const ackMs = answered.map((s) => s.ackMs);
    const lags = result.sent.map((s) => s.lagMs);
    return {
      label: p.label,
      n: p.n,
      rate: p.rate,
      slackMs,
      told,
      busyInAck,
      toldTwice,
      ack: {
        p50: percentile(ackMs, 50),
        p99: percentile(ackMs, 99),
        max: Math.max(...ackMs),
        late: ackMs.filter((ms) => ms >= ACK_DEADLINE_MS).length,
        failed: result.sent.filter((s) => s.status !== 200).length,
      },
      senderLag: { p99: percentile(lags, 99), max: Math.max(...lags) },
      truth,
      survived,
      ...(survived
        ? {}
        : {
            death: `${bot.child.signalCode ?? `exit ${bot.child.exitCode}`}: ${
              bot
                .stderr()
                .trim()
                .split('\n')
                .filter((l) => l.trim())
                .slice(-3)
                .join(' / ')
                .slice(0, 300) || 'no stderr'
            }`,
          }),
      peakRssMb,
      cpuMs,
      wall: { sendingMs: result.sendingMs, lastAckMs: result.ackedMs, lastToldMs },
    };
  } finally {
    clearInterval(sampling);
    if (sender && sender.exitCode === null) sender.kill('SIGTERM');
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGTERM');
    await bot.exited;
    api.close();
  }
}

/** Peak resident set size so far (VmHWM), MB; 0 once the process is gone. */
const vmHwmMb = (pid: number) => peakRssMb(pid).catch(() => 0);
