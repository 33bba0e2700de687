// `npm run bench`: every benchmark of issue 5 in one command, against the Postgres server of DATABASE_URL
// (else postgres://postgres@127.0.0.1:5432/postgres, the admin connection), one fresh database per scenario,
// dropped afterwards. Prints a table and writes BENCHMARKS.md.
// The knobs (BENCH_RUNS, BENCH_ONLY=fanout|click|ack|overload|tick|analysis|progress|soak, ...): bench/settings.ts.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSlackStandin } from '../local-slack/index.ts';
import { DEFAULT_CONCURRENCY } from '../src/scheduler/scheduler.ts';
import { type AckLatencyResult, measureAckLatency } from './ack-latency.ts';
import { benchClickDuringFanOut } from './click-during-fanout.ts';
import { ADMIN_URL, createBenchDatabase, resetFanOut, seedSubscribers } from './db.ts';
import { botRun, floorRun } from './fanout.ts';
import { describeMachine } from './machine.ts';
import { measureOverload, type OverloadRun } from './overload.ts';
import { overloadSection } from './overload-report.ts';
import { PRODUCTION } from './production.ts';
import { measureProgressCost } from './progress-cost.ts';
import { type AnalysisResult, type FanOutResult, report } from './report.ts';
import * as settings from './settings.ts';
import { measureSoak, type SoakRun, soakSection } from './soak.ts';
import { fmt, median } from './stats.ts';
import { measureTickCost } from './tick-cost.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const log = (...m: unknown[]) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

async function fanOut(): Promise<FanOutResult> {
  const today = new Date().toISOString().slice(0, 10);
  const due = { dueAt: new Date(`${today}T00:00:00Z`), localDate: today };
  const db = await createBenchDatabase('fanout');
  const result: FanOutResult = { floor: [], one: [], two: [] };
  try {
    await seedSubscribers(db.url, settings.SUBSCRIBERS, due);
    await db.handle.close();
    const kinds = ['floor', 'one', 'two'] as const;
    for (let round = 0; round < settings.RUNS; round++) {
      // Rotate the order each round so no kind always runs first (or right after another).
      for (let j = 0; j < kinds.length; j++) {
        const kind = kinds[(j + round) % kinds.length] as (typeof kinds)[number];
        if (kind === 'floor') {
          const r = await floorRun(settings.SUBSCRIBERS, DEFAULT_CONCURRENCY);
          if (r.posts !== settings.SUBSCRIBERS) throw new Error(`floor posted ${r.posts}`);
          result.floor.push(r);
        } else {
          await resetFanOut(db.url, due);
          const r = await botRun({
            databaseUrl: db.url,
            subscribers: settings.SUBSCRIBERS,
            replicas: kind === 'one' ? 1 : 2,
            localDate: today,
          });
          // Exactly once, checked on every run: one post per subscriber and one drill row each.
          if (
            r.posts !== settings.SUBSCRIBERS ||
            r.distinctUsers !== settings.SUBSCRIBERS ||
            r.drillRows !== settings.SUBSCRIBERS
          ) {
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
      rounds: settings.ACK_ROUNDS,
      baseMain: settings.SOAK_BASE ? path.join(settings.SOAK_BASE, 'dist', 'main.js') : undefined,
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
  const bots = settings.SOAK_BASE
    ? [
        { label: 'base commit', main: path.join(settings.SOAK_BASE, 'dist', 'main.js') },
        { label: 'this commit' },
      ]
    : [{ label: undefined, main: undefined }];
  for (const rate of settings.OVERLOAD_RATES)
    for (const which of bots) {
      const db = await createBenchDatabase('overload');
      await db.handle.close();
      const workdir = await mkdtemp(path.join(os.tmpdir(), 'star-drill-bench-overload-'));
      try {
        const r = await measureOverload({
          databaseUrl: db.url,
          workdir,
          n: settings.OVERLOAD_N,
          rate,
          slackMs: settings.OVERLOAD_SLACK_MS,
          compiledMain: which.main,
          label: which.label,
          log,
          ...(process.env.BENCH_PROFILE_DIR ? { botEnv: profileEnv(process.env.BENCH_PROFILE_DIR) } : {}),
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
        // After everyone's first whole cycle (7 kinds of request at the pace ±30%: 91 s at the slowest for a
        // 10-s pace): every path has run, the coach's language model is loaded and the heap has grown to its
        // working size.
        warmUpMs: Math.min(7 * 1.3 * job.periodMs, job.durationMs / 2),
        compiledMain,
        ...(process.env.BENCH_PROFILE_DIR && !compiledMain
          ? { botEnv: profileEnv(process.env.BENCH_PROFILE_DIR) }
          : {}),
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
  const base = settings.SOAK_BASE && path.join(settings.SOAK_BASE, 'dist', 'main.js');
  for (const n of settings.SOAK_PEOPLE) {
    const steady = {
      people: n,
      maxPeople: n,
      step: 0,
      stepMs: 1_000,
      durationMs: settings.SOAK_SECONDS * 1000,
      periodMs: settings.SOAK_PACE_MS,
    };
    // The base commit's bot too when given, just before, so "busy at N" compares within one run.
    if (base) await one(`${n} people, steady, base commit`, steady, base);
    await one(`${n} people, steady`, steady);
  }
  if (settings.RAMP_TO > 0) {
    const ramp = {
      people: settings.RAMP_FROM,
      maxPeople: settings.RAMP_TO,
      step: settings.RAMP_STEP,
      stepMs: settings.RAMP_STEP_S * 1000,
      durationMs:
        (Math.ceil((settings.RAMP_TO - settings.RAMP_FROM) / settings.RAMP_STEP) + 2) *
        settings.RAMP_STEP_S *
        1000,
      periodMs: settings.RAMP_PACE_MS,
    };
    // Base first when given, so neither always runs on a machine warmed by the other.
    if (base) await one('ramp, base commit', ramp, base);
    await one('ramp, this commit', ramp);
  }
  return runs;
}

/** The coach's cost per answer, measured in fresh processes (so each first call loads the model cold). */
function analysis(): AnalysisResult[] {
  return Array.from({ length: settings.ANALYSIS_RUNS }, () => {
    // With the bot's own heap flags: without them V8 lets the garbage of 65 analyses grow the heap (~+80 MB).
    const args = [...(PRODUCTION.nodeArgs ?? []), '--import', 'tsx', 'bench/analysis.ts', '--json'];
    const out = execFileSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as AnalysisResult;
  });
}

// Filled in from the figures of the final run on this machine; see the report of issue 5.
const WHAT_LIMITS = await readFile(path.join(ROOT, 'bench', 'limits.md'), 'utf8').catch(() => '');

const started = performance.now();
log(
  `admin connection ${ADMIN_URL.replace(/:[^:@/]+@/, ':***@')}; ${settings.RUNS} fan-out rounds of ${settings.SUBSCRIBERS}`,
);
const machine = await describeMachine(ROOT);
// The bot runs as `npm start` runs it: compiled (bench/production.ts).
log('building dist/ ...');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
// BENCH_ONLY=<name>: that benchmark alone, printed, BENCHMARKS.md untouched (for tuning).
const json = (x: unknown) => JSON.stringify(x, null, 2);
const ONLY: Record<string, () => Promise<string> | string> = {
  fanout: async () => {
    const fan = await fanOut();
    return (['floor', 'one', 'two'] as const)
      .flatMap((kind) => [
        `${kind} ${median(fan[kind].map((r) => r.ms))} ${JSON.stringify(fan[kind].map((r) => r.ms))}`,
        `${kind} rss MB ${JSON.stringify(fan[kind].map((r) => ('rssMb' in r ? r.rssMb : null)))}`,
        `${kind} cpu while posting ${JSON.stringify(fan[kind].map((r) => r.during))}`,
      ])
      .join('\n');
  },
  click: async () => json(await benchClickDuringFanOut(Math.round(settings.SUBSCRIBERS / 2))),
  tick: async () => {
    const tick = await measureTickCost();
    return `${json({ sizes: tick.sizes, indexes: tick.indexes })}\n${tick.plan}`;
  },
  analysis: () => json(analysis()),
  progress: () => json(measureProgressCost()),
  ack: async () => json(await ackLatency()),
  soak: async () => soakSection(await soak()),
  overload: async () => overloadSection(await overload()),
};
const only = ONLY[process.env.BENCH_ONLY ?? ''];
if (only) {
  console.log(await only());
  process.exit(0);
}
if (process.env.BENCH_ONLY)
  throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY}: not one of ${Object.keys(ONLY).join(', ')}`);
log('fan-out ...');
const fan = await fanOut();
log('a click during a fan-out ...');
const click = await benchClickDuringFanOut(Math.round(settings.SUBSCRIBERS / 2));
log('ack latency ...');
const ack = await ackLatency();
log('tick cost ...');
const tick = await measureTickCost();
log(`overload: ${settings.OVERLOAD_N} subscribes at ${settings.OVERLOAD_RATES.join(', ')}/s ...`);
const over = await overload();
log('coach analysis ...');
const coach = analysis();
log('progress: export and streak ...');
const progress = measureProgressCost();
log('soak and stress ...');
const soaks = await soak();
const { summary, md } = report(
  { runs: settings.RUNS, subscribers: settings.SUBSCRIBERS, whatLimits: WHAT_LIMITS },
  machine,
  fan,
  click,
  ack,
  tick,
  over,
  coach,
  progress,
  soaks,
  performance.now() - started,
);
console.log(summary);
await writeFile(path.join(ROOT, 'BENCHMARKS.md'), md);
log('wrote BENCHMARKS.md');
