// Ack latency: how long Slack waits for the bot's HTTP 200, for `/star help` and for a click on
// "Answer with STAR", beside a bare Bolt app that acks no-op equivalents. Both run as separate processes,
// driven side by side in one run from the same Slack stand-in, in interleaved rounds so machine noise
// falls on both alike.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebClient } from '@slack/web-api';
import { spawnBot } from '../harness/bot-process.ts';
import type { SlackReply, SlackStandin } from '../local-slack/index.ts';
import { ACTION_ANSWER_DRILL } from '../src/views/ids.ts';
import { startApiStandin } from './api-standin.ts';
import { PRODUCTION } from './production.ts';
import { median, percentile } from './stats.ts';

export interface AckLatencyResult {
  concurrency: number;
  rounds: number;
  targets: Record<
    'botHelp' | 'bareCommand' | 'botClick' | 'bareClick',
    { p50: number; p99: number; n: number }
  > &
    Partial<Record<'baseHelp' | 'baseClick', { p50: number; p99: number; n: number }>>;
  failures: number;
}

const BARE_APP = fileURLToPath(new URL('./bare-bolt-app.ts', import.meta.url));

export async function measureAckLatency(opts: {
  standin: SlackStandin;
  databaseUrl: string;
  workdir: string;
  concurrency?: number;
  rounds?: number;
  /** Extra environment for the bot process only, e.g. a CPU profile (bench/cpu-profile-hook.mjs). */
  botEnv?: Record<string, string>;
  /** Another checkout's compiled bot (a base commit), timed in the same rounds as a third target pair. */
  baseMain?: string;
}): Promise<AckLatencyResult> {
  const { standin, concurrency = 50, rounds = 20 } = opts;
  // `standin` plays Slack sending requests and times them; the bot's and the bare app's Web API calls go to
  // another stand-in in its own process (bench/standin-process.ts), so answering views.open after a click's
  // ack never stalls the clock of the requests being timed.
  const api = await startApiStandin({ signingSecret: standin.signingSecret, botToken: standin.botToken });
  const env = {
    SLACK_BOT_TOKEN: standin.botToken,
    SLACK_SIGNING_SECRET: standin.signingSecret,
    SLACK_API_URL: api.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_URL: opts.databaseUrl,
  };
  const bot = spawnBot({ ...env, ...opts.botEnv }, opts.workdir, PRODUCTION);
  const base = opts.baseMain
    ? spawnBot(env, opts.workdir, { ...PRODUCTION, compiledMain: opts.baseMain })
    : undefined;
  const bare = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), BARE_APP], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const botPort = (await bot.waitForLog((l) => typeof l.port === 'number')).port as number;
    await bot.waitForLog((l) => l.msg === 'database ready: migrations applied');
    const barePort = await new Promise<number>((resolve, reject) => {
      bare.stdout?.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()).port));
      bare.once('exit', (code) => reject(new Error(`bare app exited ${code}`)));
    });
    const botUrl = `http://127.0.0.1:${botPort}/slack/events`;
    const basePort = base ? ((await base.waitForLog((l) => typeof l.port === 'number')).port as number) : 0;
    if (base) await base.waitForLog((l) => l.msg === 'database ready: migrations applied');
    const baseUrl = `http://127.0.0.1:${basePort}/slack/events`;
    const bareUrl = `http://127.0.0.1:${barePort}/slack/events`;

    // A real drill for the bot's clicks; a message with a no-op button for the bare app's.
    const user = 'U0BENCHACK';
    await standin.slashCommand(botUrl, { userId: user, text: 'incidents' });
    const drillPost = await api.waitForLastCall('chat.postMessage');
    const drillId = String(JSON.stringify(drillPost.args.blocks).match(/"value":"(\d+)"/)?.[1]);
    // The timing stand-in builds clicks from messages it holds: give it a copy of the drill message.
    const web = new WebClient(standin.botToken, { slackApiUrl: standin.apiUrl });
    const copy = await web.chat.postMessage({
      channel: user,
      text: String(drillPost.args.text),
      blocks: drillPost.args.blocks as never,
    });
    const drillTs = String(copy.ts);
    const drillChannel = String(copy.channel);
    const noop = await web.chat.postMessage({
      channel: 'C0BENCHACK',
      text: 'noop',
      blocks: [
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'noop', value: '1', text: { type: 'plain_text', text: 'Noop' } },
          ],
        },
      ],
    });

    // The base bot clicks on a drill of its own (the same database: the drill belongs to the same user).
    let baseDrill: { id: string; ts: string; channel: string } | undefined;
    if (base) {
      await standin.slashCommand(baseUrl, { userId: user, text: 'incidents' });
      const post = await api.waitForLastCall('chat.postMessage');
      const copied = await web.chat.postMessage({
        channel: user,
        text: String(post.args.text),
        blocks: post.args.blocks as never,
      });
      const id = String(JSON.stringify(post.args.blocks).match(/"value":"(\d+)"/)?.[1]);
      baseDrill = { id, ts: String(copied.ts), channel: String(copied.channel) };
    }
    const targets: Partial<Record<keyof AckLatencyResult['targets'], () => Promise<SlackReply>>> = {
      botHelp: () => standin.slashCommand(botUrl, { userId: user, text: 'help' }),
      bareCommand: () => standin.slashCommand(bareUrl, { userId: user, text: 'help', command: '/noop' }),
      botClick: () =>
        standin.clickButton(botUrl, {
          userId: user,
          channel: drillChannel,
          messageTs: drillTs,
          actionId: ACTION_ANSWER_DRILL,
          value: drillId,
        }),
      bareClick: () =>
        standin.clickButton(bareUrl, {
          userId: user,
          channel: 'C0BENCHACK',
          messageTs: String(noop.ts),
          actionId: 'noop',
        }),
      ...(baseDrill
        ? {
            baseHelp: () => standin.slashCommand(baseUrl, { userId: user, text: 'help' }),
            baseClick: () =>
              standin.clickButton(baseUrl, {
                userId: user,
                channel: baseDrill.channel,
                messageTs: baseDrill.ts,
                actionId: ACTION_ANSWER_DRILL,
                value: baseDrill.id,
              }),
          }
        : {}),
    };
    type Target = keyof AckLatencyResult['targets'];
    const samples = Object.fromEntries(Object.keys(targets).map((k) => [k, [] as number[]])) as Record<
      Target,
      number[]
    >;
    let failures = 0;
    const burst = async (name: Target, record: boolean) => {
      const clicks = name === 'botClick' || name === 'baseClick';
      // A click ends in a modal, or (a busy bot, its trigger short of time) an ephemeral "busy" reply.
      // (its response_url belongs to the stand-in that sent the click: this process's).
      const ended = async () => (await api.count('views.open')) + standin.responses.length;
      const modalsBefore = clicks ? await ended() : 0;
      const send = targets[name] as () => Promise<SlackReply>;
      const replies = await Promise.all(Array.from({ length: concurrency }, () => send()));
      for (const r of replies) {
        if (r.status !== 200) failures++;
        if (record) samples[name].push(r.ms);
      }
      // A click's real work (loading the drill, views.open) follows its ack. Let it finish before the next
      // burst, or that burst would be timed against the leftovers of this one, which the bare app never has.
      if (clicks) {
        const started = Date.now();
        while ((await ended()) < modalsBefore + concurrency) {
          if (Date.now() - started > 30_000)
            throw new Error('the bot did not open the modals of a click burst');
          await new Promise((r) => setTimeout(r, 10));
        }
      }
    };
    const names = Object.keys(targets) as Target[];
    for (const name of names) await burst(name, false); // warm-up
    for (let round = 0; round < rounds; round++) {
      // Rotate the order each round so no side always goes first.
      for (let i = 0; i < names.length; i++) await burst(names[(i + round) % names.length] as Target, true);
    }
    const summary = (xs: number[]) => ({ p50: median(xs), p99: percentile(xs, 99), n: xs.length });
    return {
      concurrency,
      rounds,
      failures,
      targets: {
        botHelp: summary(samples.botHelp),
        bareCommand: summary(samples.bareCommand),
        botClick: summary(samples.botClick),
        bareClick: summary(samples.bareClick),
        ...(base ? { baseHelp: summary(samples.baseHelp), baseClick: summary(samples.baseClick) } : {}),
      },
    };
  } finally {
    bot.child.kill('SIGTERM');
    base?.child.kill('SIGTERM');
    bare.kill('SIGTERM');
    await bot.exited;
    await base?.exited;
    api.close();
  }
}
