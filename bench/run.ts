// `npm run bench`: every benchmark of issue 5 in one command, against the Postgres server of DATABASE_URL
// (else postgres://postgres@127.0.0.1:5432/postgres, the admin connection), one fresh database per scenario,
// dropped afterwards. Prints a table and writes BENCHMARKS.md.
//
//   BENCH_RUNS=5 (fan-out rounds)  BENCH_ACK_ROUNDS=20  BENCH_SUBSCRIBERS=10000
//   BENCH_OVERLOAD_N=10000  BENCH_OVERLOAD_RATES=330,400  BENCH_OVERLOAD_SLACK_MS=0 (users.info latency)
//   BENCH_SOAK_PEOPLE=60,200  BENCH_SOAK_SECONDS=120 (each steady run)  BENCH_SOAK_RAMP=40,600,40,10 (from,
//   to, step, seconds per step; 0 skips the ramp)  BENCH_SOAK_BASE=/abs/checkout (its dist/main.js ramped and
//   ack-timed too, side by side: a base commit's worktree, built)  BENCH_PROFILE_DIR=/abs/dir (CPU profiles of
//   the bot in the ack and overload runs)
//   BENCH_ONLY=fanout|ack|overload|tick|analysis|soak: that benchmark alone, printed; BENCHMARKS.md untouched
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSlackStandin } from '../local-slack/index.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY } from '../src/scheduler/scheduler.ts';
import { type AckLatencyResult, measureAckLatency } from './ack-latency.ts';
import type { AnalysisCost } from './analysis.ts';
import { ADMIN_URL, adminQuery, createBenchDatabase, resetFanOut, seedSubscribers } from './db.ts';
import { type BotRun, botRun, type FloorRun, floorRun } from './fanout.ts';
import {
  measureOverload,
  type OverloadRun,
  overloadMet,
  overloadSection,
  overloadSummaryRows,
} from './overload.ts';
import { PRODUCTION } from './production.ts';
import { measureSoak, type SoakRun, soakMet, soakSection, soakSummaryRows } from './soak.ts';
import { fmt, median, ratio, table } from './stats.ts';
import { measureTickCost, SURVEY_INDEXES, type TickCostResult } from './tick-cost.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ACK_ROUNDS = Number(process.env.BENCH_ACK_ROUNDS ?? 20);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const OVERLOAD_N = Number(process.env.BENCH_OVERLOAD_N ?? 10_000);
const OVERLOAD_RATES = (process.env.BENCH_OVERLOAD_RATES ?? '330,400').split(',').map(Number);
const OVERLOAD_SLACK_MS = Number(process.env.BENCH_OVERLOAD_SLACK_MS ?? 0);
const ANALYSIS_RUNS = 5;
const SOAK_PEOPLE = (process.env.BENCH_SOAK_PEOPLE ?? '60,200')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 120);
const [RAMP_FROM = 20, RAMP_TO = 400, RAMP_STEP = 20, RAMP_STEP_S = 10] = (
  process.env.BENCH_SOAK_RAMP ?? '40,600,40,10'
)
  .split(',')
  .map(Number);
const SOAK_BASE = process.env.BENCH_SOAK_BASE;
const log = (...m: unknown[]) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

interface FanOutResult {
  floor: FloorRun[];
  one: BotRun[];
  two: BotRun[];
}

async function fanOut(): Promise<FanOutResult> {
  const today = new Date().toISOString().slice(0, 10);
  const due = { dueAt: new Date(`${today}T00:00:00Z`), localDate: today };
  const db = await createBenchDatabase('fanout');
  const result: FanOutResult = { floor: [], one: [], two: [] };
  try {
    await seedSubscribers(db.url, SUBSCRIBERS, due);
    await db.handle.close();
    const kinds = ['floor', 'one', 'two'] as const;
    for (let round = 0; round < RUNS; round++) {
      // Rotate the order each round so no kind always runs first (or right after another).
      for (let j = 0; j < kinds.length; j++) {
        const kind = kinds[(j + round) % kinds.length] as (typeof kinds)[number];
        if (kind === 'floor') {
          const r = await floorRun(SUBSCRIBERS, DEFAULT_CONCURRENCY);
          if (r.posts !== SUBSCRIBERS) throw new Error(`floor posted ${r.posts}`);
          result.floor.push(r);
        } else {
          await resetFanOut(db.url, due);
          const r = await botRun({
            databaseUrl: db.url,
            subscribers: SUBSCRIBERS,
            replicas: kind === 'one' ? 1 : 2,
            localDate: today,
          });
          // Exactly once, checked on every run: one post per subscriber and one drill row each.
          if (r.posts !== SUBSCRIBERS || r.distinctUsers !== SUBSCRIBERS || r.drillRows !== SUBSCRIBERS) {
            throw new Error(`fan-out not exactly once: ${JSON.stringify(r)}`);
          }
          result[kind].push(r);
        }
        log(`fan-out round ${round + 1} ${kind}: ${(result[kind].at(-1)?.ms ?? 0) / 1000} s`);
      }
    }
    return result;
  } finally {
    await db.drop();
  }
}

async function ackLatency(): Promise<AckLatencyResult> {
  const db = await createBenchDatabase('ack');
  await db.handle.close();
  const standin = await startSlackStandin({ signingSecret: 'bench-signing-secret', botToken: 'xoxb-bench' });
  const workdir = await mkdtemp(path.join(os.tmpdir(), 'star-drill-bench-ack-'));
  try {
    return await measureAckLatency({
      standin,
      databaseUrl: db.url,
      workdir,
      concurrency: 50,
      rounds: ACK_ROUNDS,
      baseMain: SOAK_BASE ? path.join(SOAK_BASE, 'dist', 'main.js') : undefined,
      ...(process.env.BENCH_PROFILE_DIR ? { botEnv: profileEnv(process.env.BENCH_PROFILE_DIR) } : {}),
    });
  } finally {
    await standin.close();
    await rm(workdir, { recursive: true, force: true });
    await db.drop();
  }
}

/** A CPU profile of the bot process (bench/cpu-profile-hook.mjs) written into `dir`. */
function profileEnv(dir: string): Record<string, string> {
  return {
    NODE_OPTIONS: `--import ${path.join(ROOT, 'bench', 'cpu-profile-hook.mjs')}`,
    CPU_PROFILE_DIR: dir,
  };
}

/** One run per rate, each on a fresh database and a fresh bot. */
async function overload(): Promise<OverloadRun[]> {
  const runs: OverloadRun[] = [];
  // With a base checkout, each rate runs on the base commit's bot first, then on this one's, side by side.
  const bots = SOAK_BASE
    ? [{ label: 'base commit', main: path.join(SOAK_BASE, 'dist', 'main.js') }, { label: 'this commit' }]
    : [{ label: undefined, main: undefined }];
  for (const rate of OVERLOAD_RATES)
    for (const which of bots) {
      const db = await createBenchDatabase('overload');
      await db.handle.close();
      const workdir = await mkdtemp(path.join(os.tmpdir(), 'star-drill-bench-overload-'));
      try {
        const r = await measureOverload({
          databaseUrl: db.url,
          workdir,
          n: OVERLOAD_N,
          rate,
          slackMs: OVERLOAD_SLACK_MS,
          compiledMain: which.main,
          label: which.label,
          log,
          // BENCH_PROFILE_DIR=/abs/dir: a CPU profile of the bot process (bench/cpu-profile-hook.mjs).
          ...(process.env.BENCH_PROFILE_DIR
            ? {
                botEnv: {
                  NODE_OPTIONS: `--import ${path.join(ROOT, 'bench', 'cpu-profile-hook.mjs')}`,
                  CPU_PROFILE_DIR: process.env.BENCH_PROFILE_DIR,
                },
              }
            : {}),
        });
        log(
          `overload ${rate}/s ${which.label ?? ''}: ${JSON.stringify(r.told)}; ack p99 ${fmt(r.ack.p99)} ms; ` +
            `truth ${r.truth.pass}/${r.truth.pass + r.truth.fail}; ${r.survived ? 'alive' : 'DIED'}; ` +
            `peak RSS ${fmt(r.peakRssMb, 0)} MB`,
        );
        runs.push(r);
      } finally {
        await rm(workdir, { recursive: true, force: true });
        await db.drop();
      }
    }
  return runs;
}

/** Steady runs at each N, then the ramp (this bot, and the base checkout's when given), each on a fresh database. */
async function soak(): Promise<SoakRun[]> {
  const runs: SoakRun[] = [];
  const one = async (label: string, job: SoakRun['job'], compiledMain?: string) => {
    const db = await createBenchDatabase('soak');
    await db.handle.close();
    const workdir = await mkdtemp(path.join(os.tmpdir(), 'star-drill-bench-soak-'));
    try {
      const r = await measureSoak({
        label,
        databaseUrl: db.url,
        workdir,
        job,
        // After everyone's first answer (the cycle's third step), which loads the coach's language model.
        warmUpMs: Math.min(90_000, job.durationMs / 2),
        compiledMain,
        log,
      });
      log(
        `soak ${label}: ${r.requestsPerS.toFixed(1)} req/s, busy ${JSON.stringify(r.result.busy)}, silent ${r.result.silentClicks}, errors ${r.errorLines}, RSS ${r.rssMb.warm.toFixed(0)} -> ${r.rssMb.end.toFixed(0)} MB, saturation ${JSON.stringify(r.saturation)}`,
      );
      runs.push(r);
    } finally {
      await rm(workdir, { recursive: true, force: true });
      await db.drop();
    }
  };
  for (const n of SOAK_PEOPLE) {
    await one(`${n} people, steady`, {
      people: n,
      maxPeople: n,
      step: 0,
      stepMs: 1_000,
      durationMs: SOAK_SECONDS * 1000,
      periodMs: 10_000,
    });
  }
  if (RAMP_TO > 0) {
    const ramp = {
      people: RAMP_FROM,
      maxPeople: RAMP_TO,
      step: RAMP_STEP,
      stepMs: RAMP_STEP_S * 1000,
      durationMs: (Math.ceil((RAMP_TO - RAMP_FROM) / RAMP_STEP) + 2) * RAMP_STEP_S * 1000,
      periodMs: 10_000,
    };
    // Base first when given, so neither always runs on a machine warmed by the other.
    if (SOAK_BASE) await one('ramp, base commit', ramp, path.join(SOAK_BASE, 'dist', 'main.js'));
    await one('ramp, this commit', ramp);
  }
  return runs;
}

type AnalysisResult = AnalysisCost & { chars: number[] };

/** The coach's cost per answer, measured in fresh processes (so each first call loads the model cold). */
function analysis(): AnalysisResult[] {
  return Array.from({ length: ANALYSIS_RUNS }, () => {
    // With the bot's own heap flags: without them V8 lets the garbage of 65 analyses grow the heap (~+80 MB).
    const args = [...(PRODUCTION.nodeArgs ?? []), '--import', 'tsx', 'bench/analysis.ts', '--json'];
    const out = execFileSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as AnalysisResult;
  });
}

async function versions() {
  const pkg = async (name: string) =>
    JSON.parse(await readFile(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'))
      .version as string;
  const names = ['@slack/bolt', '@slack/web-api', 'drizzle-orm', 'pg', 'p-limit', 'node-cron', 'tsx'];
  const server = (await adminQuery<{ server_version: string }>(ADMIN_URL, 'show server_version')).rows[0]
    ?.server_version;
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    postgres: server ?? 'unknown',
    kernel: `${os.type()} ${os.release()}`,
    packages: Object.fromEntries(await Promise.all(names.map(async (n) => [n, await pkg(n)] as const))),
  };
}

const s = (ms: number) => `${fmt(ms / 1000, 2)} s`;
/** The base commit's figures beside this one's, when it was timed in the same rounds (BENCH_SOAK_BASE). */
const baseAck = (b: { p50: number; p99: number } | undefined, bare: { p99: number }) =>
  b ? `; base commit ${fmt(b.p50)} / ${fmt(b.p99)} ms, p99 ${ratio(b.p99, bare.p99)}` : '';
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

function report(
  machine: Awaited<ReturnType<typeof versions>>,
  fan: FanOutResult,
  ack: AckLatencyResult,
  tick: TickCostResult,
  over: OverloadRun[],
  coach: AnalysisResult[],
  soaks: SoakRun[],
  totalMs: number,
) {
  const floorMs = median(fan.floor.map((r) => r.ms));
  const oneMs = median(fan.one.map((r) => r.ms));
  const twoMs = median(fan.two.map((r) => r.ms));
  const rate = (ms: number) => `${Math.round(SUBSCRIBERS / (ms / 1000))}/s`;
  const peakRss = Math.max(...fan.one.flatMap((r) => r.rssMb));
  const medianRss = median(fan.one.flatMap((r) => r.rssMb));
  const peakRss2 = Math.max(...fan.two.flatMap((r) => r.rssMb));
  const t = ack.targets;
  const helpRatio = t.botHelp.p99 / t.bareCommand.p99;
  const clickRatio = t.botClick.p99 / t.bareClick.p99;
  const [small, large] = tick.sizes;
  const tickDiff = Math.abs((large?.medianMs ?? 0) - (small?.medianMs ?? 0));
  const fanOk = oneMs <= 1.5 * floorMs;
  const coachWarm = median(coach.map((r) => r.warmMedianMs));
  const coachRss = median(coach.map((r) => r.rssDeltaMb));
  const detectorRss = median(coach.map((r) => r.detectorRssMb));
  const coachChars = (coach[0]?.chars ?? []).map((n) => n.toLocaleString('en')).join(' + ');

  const rows: string[][] = [
    ['Fan-out floor: bare WebClient, 10,000 posts', `${s(floorMs)} (${rate(floorMs)})`, 'reference', ''],
    [
      'Fan-out: bot, 1 replica, tick to last post',
      `${s(oneMs)} (${rate(oneMs)}), ${ratio(oneMs, floorMs)} the floor`,
      '<= 1.5x the floor',
      met(fanOk),
    ],
    [
      'Fan-out: bot, 2 replicas (2 processes)',
      `${s(twoMs)} (${rate(twoMs)}), speed-up ${ratio(oneMs, twoMs)}`,
      'report the speed-up',
      '',
    ],
    [
      'Ack `/star help`, p50 / p99 (bare app)',
      `${fmt(t.botHelp.p50)} / ${fmt(t.botHelp.p99)} ms (${fmt(t.bareCommand.p50)} / ${fmt(t.bareCommand.p99)} ms), p99 ${ratio(t.botHelp.p99, t.bareCommand.p99)}${baseAck(t.baseHelp, t.bareCommand)}`,
      'p99 <= 1.3x bare',
      met(helpRatio <= 1.3),
    ],
    [
      'Ack button click, p50 / p99 (bare app)',
      `${fmt(t.botClick.p50)} / ${fmt(t.botClick.p99)} ms (${fmt(t.bareClick.p50)} / ${fmt(t.bareClick.p99)} ms), p99 ${ratio(t.botClick.p99, t.bareClick.p99)}${baseAck(t.baseClick, t.bareClick)}`,
      'p99 <= 2x bare (issue 16)',
      met(clickRatio <= 2),
    ],
    [
      'Tick, nothing due: 100 / 100,000 subscriptions',
      `${fmt(small?.medianMs ?? Number.NaN, 2)} / ${fmt(large?.medianMs ?? Number.NaN, 2)} ms (p90 ${fmt(small?.p90Ms ?? Number.NaN, 2)} / ${fmt(large?.p90Ms ?? Number.NaN, 2)}); plan: ${tickPlanLabel(tick)}`,
      'same within noise (~5 ms)',
      met(Object.values(tick.indexes).every(Boolean) && !/Gather/.test(tick.plan) && tickDiff < 5),
    ],
    [
      'Peak RSS of the bot (VmHWM), 10,000 fan-out',
      `${fmt(peakRss, 0)} MB (median of runs ${fmt(medianRss, 0)} MB; each of 2 replicas: max ${fmt(peakRss2, 0)} MB)`,
      '<= 200 MB (issue 8; 150 before the coach)',
      met(peakRss <= 200),
    ],
    [
      `Coach: analyse one answer of ${coachChars} characters, warm`,
      `${fmt(coachWarm)} ms (p95 ${fmt(median(coach.map((r) => r.warmP95Ms)))}, CPU ${fmt(median(coach.map((r) => r.warmCpuMedianMs)))} ms); first call with the model load ${fmt(median(coach.map((r) => r.coldMs)), 0)} ms`,
      '< 20 ms',
      met(coachWarm < 20),
    ],
    [
      'Coach: resident memory the model adds (the language detector, in the fan-out peak already); fan-out peak + model',
      `+${fmt(coachRss, 0)} MB (detector ${fmt(detectorRss, 1)} MB); ${fmt(peakRss + coachRss, 0)} MB`,
      '<= 200 MB',
      met(peakRss + coachRss <= 200),
    ],
    ...overloadSummaryRows(over).map((row, i) => [...row, met(overloadMet(over[i] as OverloadRun))]),
    ...soakSummaryRows(soaks).map((row, i) => [...row, met(soakMet(soaks[i] as SoakRun))]),
  ];
  const summary = table(['Benchmark', 'Result (median)', 'Target', ''], rows);
  const runs = (xs: Array<{ ms: number }>) => xs.map((r) => fmt(r.ms / 1000, 2)).join(', ');
  const md = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (the whole run took ${fmt(totalMs / 60_000, 1)} min).
Re-run it to refresh this file; figures move by ~10-20 % between runs on this shared 2-core machine.

${summary}

Every bot run is checked for exactly-once delivery: ${SUBSCRIBERS.toLocaleString('en')} posts to ${SUBSCRIBERS.toLocaleString('en')} distinct users and ${SUBSCRIBERS.toLocaleString('en')} drill rows, on each of the ${fan.one.length + fan.two.length} runs.

## Machine

- ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGb} GiB memory, ${machine.kernel}
- Node ${machine.node}; PostgreSQL ${machine.postgres} (the shared server on 127.0.0.1)
- ${Object.entries(machine.packages)
    .map(([n, v]) => `${n} ${v}`)
    .join(', ')}
- The local Slack (local-slack/) runs on loopback, in the benchmark's own process or (ack latency, overload)
  in processes of its own, on the same 2 cores as the bot, the floor and Postgres: every figure here includes
  that contention.

## Method

- **Fan-out** (${RUNS} rounds; each figure the median of ${RUNS} runs): ${SUBSCRIBERS.toLocaleString('en')} subscribers seeded in bulk,
  all due today at 00:00 UTC. A round runs the floor, one bot and two bots, in an order rotated every round, each
  against a fresh stand-in (\`recordCalls: false\`). The bot is the real process (\`node --import tsx src/main.ts\`,
  what \`npm start\` runs, \`LOG_LEVEL=info\`); its start-up tick starts right after it logs "database ready", and
  the time runs from that log line's timestamp to the arrival of the last \`chat.postMessage\` at the stand-in.
  The floor (bench/floor.ts) is a process too, so both start cold: a WebClient from the scheduler's own factory
  (\`createSchedulerSlackClient\`: same retries and timeout) posting the same messages (\`drillMessage\`, real
  questions, same blocks and size) at the scheduler's concurrency (${DEFAULT_CONCURRENCY}), timed from just
  before its first post to the last post's arrival. Two replicas are two bot processes (each its own pool)
  started together; their time runs from the first one's "database ready". Runs (s): floor ${runs(fan.floor)};
  one replica ${runs(fan.one)}; two replicas ${runs(fan.two)}. Drills per replica in the two-replica runs:
  ${fan.two.map((r) => r.perReplica.join('/')).join(', ')}.
- **Ack latency** (bench/ack-latency.ts): the bot and a bare Bolt app (bench/bare-bolt-app.ts: same Bolt, HTTP
  receiver, acks a no-op command and button) as two processes, driven from one stand-in: bursts of
  ${ack.concurrency} concurrent signed requests, ${ack.rounds} rounds, the four kinds interleaved with the order
  rotated each round; p50/p99 over all ${t.botHelp.n} samples of a kind (not a median of runs: a p99 needs
  the pooled samples). \`/star help\` against a no-op command; a click on "Answer with STAR" of a real drill
  (which opens the modal with views.open after the ack) against a no-op button. The stand-in that sends and
  times the requests is not the one that answers the bots' Web API calls: that one runs in its own process
  (bench/standin-process.ts), so answering the bot's views.open calls never delays the timing clock. After a
  burst of clicks the next burst waits until the bot has opened all its modals, so no burst is timed against
  the post-ack work of the one before (the bare app has none). Failures (non-200): ${ack.failures}.
- **Tick cost** (bench/tick-cost.ts): two databases, 100 and 100,000 active subscriptions all due tomorrow
  (none due), each with its weekly recap due next Monday (every tenth off) and five days of scheduled drills
  (${tick.sizes.map((x) => x.drills.toLocaleString('en-US')).join(' and ')} drills: today's reminder ahead, earlier ones reminded
  or answered), \`ANALYZE\`d; \`Scheduler.tick()\` in this process, ${tick.sizes[0]?.ticks} ticks each, in
  alternating rounds of 20 after a warm-up; median and p90 of the per-tick time. The plan is
  \`EXPLAIN (ANALYZE, BUFFERS)\` of the one statement an idle tick runs, the survey (\`surveySql\`), at 100,000:
  its three \`exists\` (drills, reminders, recaps due) should each scan its partial index (${SURVEY_INDEXES.join(', ')}):

\`\`\`
${tick.plan}
\`\`\`

- **Coach** (bench/analysis.ts, ${coach.length} fresh processes; each figure the median across them): one answer
  at the modal's limit in every part (${coachChars} characters of incident-style sentences), analysed by
  \`analyseAnswer\` as the bot does after a save, under the heap flags of \`npm start\`: the first call loads
  the NLP model (wink-nlp with wink-eng-lite-web-model), then 60 warm calls after 5 discarded ones, the event
  loop turning between calls.
  Resident memory is measured before the first call and after the warm ones. The fan-out above never analyses an
  answer, so its peak does not include the model; a bot that has read an answer before a fan-out holds both,
  which the second coach row adds up.
- **Memory**: VmHWM (peak resident set) from /proc/<pid>/status of each bot process after its last post, in
  the same fan-out runs (${fan.one.map((r) => fmt(r.rssMb[0] ?? 0, 0)).join(', ')} MB for one replica).

${overloadSection(over)}
${soakSection(soaks)}
## Design of the fan-out (what made it fast)

The scheduler claims due subscriptions ${DEFAULT_BATCH_SIZE} at a time and works per claimed batch: one
history query for all its users (\`user_id IN (...)\`, newest 200 per user by \`row_number()\`), questions
chosen in memory, one \`INSERT ... SELECT FROM unnest(<one array per column>) ON CONFLICT DO NOTHING RETURNING\`
for the drill rows (the unique (user, local date) index still decides), posts at ${DEFAULT_CONCURRENCY} at a time, the ts of each post stored
by group commit (posts that come back while one UPDATE runs share the next one; each post still waits for
its own ts before it counts), and one transaction advancing the whole batch (rows read \`FOR UPDATE\` where
\`claimed_by\` is still this replica, then one \`UPDATE ... FROM unnest(...)\`). The next batch is claimed
and prepared while the previous one posts. Per drill, the database work went from ~7 round trips to a
share of a few batched statements.

${WHAT_LIMITS}
`;
  return { summary, md };
}

/** Which of the survey's partial indexes its plan scans: all three, or the ones it does not. */
function tickPlanLabel(tick: TickCostResult): string {
  const missing = SURVEY_INDEXES.filter((name) => !tick.indexes[name]);
  const workers = /Gather/.test(tick.plan) ? '; PARALLEL WORKERS started' : ', no parallel workers';
  return missing.length === 0
    ? `index scans on ${SURVEY_INDEXES.join(', ')}${workers}`
    : `NO index scan on ${missing.join(', ')}${workers}`;
}

// Filled in from the figures of the final run on this machine; see the report of issue 5.
const WHAT_LIMITS = await readFile(path.join(ROOT, 'bench', 'limits.md'), 'utf8').catch(() => '');

const started = performance.now();
log(`admin connection ${ADMIN_URL.replace(/:[^:@/]+@/, ':***@')}; ${RUNS} fan-out rounds of ${SUBSCRIBERS}`);
const machine = await versions();
// The bot runs as `npm start` runs it: compiled (bench/production.ts).
log('building dist/ ...');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
// BENCH_ONLY=fanout or overload: that benchmark alone, printed, BENCHMARKS.md untouched (for tuning).
if (process.env.BENCH_ONLY === 'fanout') {
  const fan = await fanOut();
  for (const kind of ['floor', 'one', 'two'] as const) {
    console.log(kind, median(fan[kind].map((r) => r.ms)), JSON.stringify(fan[kind].map((r) => r.ms)));
    console.log(kind, 'rss MB', JSON.stringify(fan[kind].map((r) => ('rssMb' in r ? r.rssMb : null))));
  }
  process.exit(0);
}
if (process.env.BENCH_ONLY === 'tick') {
  const tick = await measureTickCost();
  console.log(JSON.stringify({ sizes: tick.sizes, indexes: tick.indexes }, null, 2));
  console.log(tick.plan);
  process.exit(0);
}
if (process.env.BENCH_ONLY === 'analysis') {
  console.log(JSON.stringify(analysis(), null, 2));
  process.exit(0);
}
if (process.env.BENCH_ONLY === 'ack') {
  console.log(JSON.stringify(await ackLatency(), null, 2));
  process.exit(0);
}
if (process.env.BENCH_ONLY === 'soak') {
  console.log(soakSection(await soak()));
  process.exit(0);
}
if (process.env.BENCH_ONLY === 'overload') {
  console.log(overloadSection(await overload()));
  process.exit(0);
}
log('fan-out ...');
const fan = await fanOut();
log('ack latency ...');
const ack = await ackLatency();
log('tick cost ...');
const tick = await measureTickCost();
log(`overload: ${OVERLOAD_N} subscribes at ${OVERLOAD_RATES.join(', ')}/s ...`);
const over = await overload();
log('coach analysis ...');
const coach = analysis();
log('soak and stress ...');
const soaks = await soak();
const { summary, md } = report(machine, fan, ack, tick, over, coach, soaks, performance.now() - started);
console.log(summary);
await writeFile(path.join(ROOT, 'BENCHMARKS.md'), md);
log('wrote BENCHMARKS.md');
