// The report of `npm run bench`: the summary printed at the end and BENCHMARKS.md, from the figures
// bench/run.ts measured. Kept apart so the runner reads as the list of benchmarks it runs.
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY } from '../src/scheduler/scheduler.ts';
import type { AckLatencyResult } from './ack-latency.ts';
import type { AnalysisCost } from './analysis.ts';
import type { ClickDuringFanOut } from './click-during-fanout.ts';
import type { BotRun, FloorRun } from './fanout.ts';
import type { Machine } from './machine.ts';
import type { OverloadRun } from './overload.ts';
import { overloadMet, overloadSection, overloadSummaryRows } from './overload-report.ts';
import type { ProgressCost } from './progress-cost.ts';
import { type SoakRun, soakMet, soakSection, soakSummaryRows } from './soak.ts';
import { fmt, median, ratio, table } from './stats.ts';
import { SURVEY_INDEXES, type TickCostResult } from './tick-cost.ts';

export interface FanOutResult {
  floor: FloorRun[];
  one: BotRun[];
  two: BotRun[];
}

export type AnalysisResult = AnalysisCost & { chars: number[] };

export interface ReportSettings {
  /** Fan-out rounds. */
  runs: number;
  subscribers: number;
  /** bench/limits.md, copied in below the figures. */
  whatLimits: string;
}

const s = (ms: number) => `${fmt(ms / 1000, 2)} s`;
/** The base commit's figures beside this one's, when it was timed in the same rounds (BENCH_SOAK_BASE). */
const baseAck = (b: { p50: number; p99: number } | undefined, bare: { p99: number }) =>
  b ? `; base commit ${fmt(b.p50)} / ${fmt(b.p99)} ms, p99 ${ratio(b.p99, bare.p99)}` : '';
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

export function report(
  settings: ReportSettings,
  machine: Machine,
  fan: FanOutResult,
  click: ClickDuringFanOut,
  ack: AckLatencyResult,
  tick: TickCostResult,
  over: OverloadRun[],
  coach: AnalysisResult[],
  progress: ProgressCost,
  soaks: SoakRun[],
  totalMs: number,
) {
  const floorMs = median(fan.floor.map((r) => r.ms));
  const oneMs = median(fan.one.map((r) => r.ms));
  const twoMs = median(fan.two.map((r) => r.ms));
  const rate = (ms: number) => `${Math.round(settings.subscribers / (ms / 1000))}/s`;
  const peakRss = Math.max(...fan.one.flatMap((r) => r.rssMb));
  const medianRss = median(fan.one.flatMap((r) => r.rssMb));
  const peakRss2 = Math.max(...fan.two.flatMap((r) => r.rssMb));
  const t = ack.targets;
  const helpRatio = t.botHelp.p99 / t.bareCommand.p99;
  const clickRatio = t.botClick.p99 / t.bareClick.p99;
  const [small, large] = tick.sizes;
  const tickDiff = Math.abs((large?.medianMs ?? 0) - (small?.medianMs ?? 0));
  const fanOk = oneMs <= 1.3 * floorMs;
  const coachWarm = median(coach.map((r) => r.warmMedianMs));
  const coachRss = median(coach.map((r) => r.rssDeltaMb));
  const detectorRss = median(coach.map((r) => r.detectorRssMb));
  const coachChars = (coach[0]?.chars ?? []).map((n) => n.toLocaleString('en')).join(' + ');

  const rows: string[][] = [
    ['Fan-out floor: bare WebClient, 10,000 posts', `${s(floorMs)} (${rate(floorMs)})`, 'reference', ''],
    [
      'Fan-out: bot, 1 replica, tick to last post',
      `${s(oneMs)} (${rate(oneMs)}), ${ratio(oneMs, floorMs)} the floor`,
      '<= 1.3x the floor (issue 16; 1.5x before)',
      met(fanOk),
    ],
    [
      `A click on "Answer with STAR" during a ${Math.round(settings.subscribers / 2).toLocaleString('en')}-drill fan-out: click to views.open, p50 / p99 / max`,
      `${fmt(click.during.p50)} / ${fmt(click.during.p99)} / ${fmt(click.during.max)} ms (${click.during.n} clicks); the same bot idle ${fmt(click.idle.p50)} / ${fmt(click.idle.p99)} ms`,
      'p99 < 500 ms (issue 16)',
      met(click.during.p99 < 500),
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
    [
      '`/star export` of 1,000 answers; the streak over a year of daily answers (CPU)',
      `${fmt(progress.exportMedianMs)} ms (max ${fmt(progress.exportMaxMs)}); ${fmt(progress.streakMedianMs, 2)} ms (max ${fmt(progress.streakMaxMs, 2)})`,
      '< 200 ms each',
      met(progress.exportMaxMs < 200 && progress.streakMaxMs < 200),
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

Every bot run is checked for exactly-once delivery: ${settings.subscribers.toLocaleString('en')} posts to ${settings.subscribers.toLocaleString('en')} distinct users and ${settings.subscribers.toLocaleString('en')} drill rows, on each of the ${fan.one.length + fan.two.length} runs.

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

- **Fan-out** (${settings.runs} rounds; each figure the median of ${settings.runs} runs): ${settings.subscribers.toLocaleString('en')} subscribers seeded in bulk,
  all due today at 00:00 UTC. A round runs the floor, one bot and two bots, in an order rotated every round, each
  against a fresh stand-in (\`recordCalls: false\`). The bot is the real process, compiled, with the flags of
  \`npm start\` (\`LOG_LEVEL=info\`); its start-up tick starts right after it logs "database ready", and
  the time runs from that log line's timestamp to the arrival of the last \`chat.postMessage\` at the stand-in.
  CPU while posting: ${cpuSplit(fan)}
  The floor (bench/floor.ts) is a process too, so both start cold: a WebClient from the scheduler's own factory
  (\`createSchedulerSlackClient\`: same retries and timeout) posting the same messages (\`drillMessage\`, real
  questions, same blocks and size) at the scheduler's concurrency (${DEFAULT_CONCURRENCY}), timed from just
  before its first post to the last post's arrival. Two replicas are two bot processes (each its own pool)
  started together; their time runs from the first one's "database ready". Runs (s): floor ${runs(fan.floor)};
  one replica ${runs(fan.one)}; two replicas ${runs(fan.two)}. Drills per replica in the two-replica runs:
  ${fan.two.map((r) => r.perReplica.join('/')).join(', ')}. CPU time of each process over its run, start-up
  included (s): floor ${fan.floor.map((r) => fmt(r.cpuMs / 1000, 1)).join(', ')} (under tsx); one replica
  ${fan.one.map((r) => fmt((r.cpuMs[0] ?? 0) / 1000, 1)).join(', ')}. The bot's first post came
  ${fan.one.map((r) => fmt(r.firstPostMs, 0)).join(', ')} ms after "database ready" (start-up, the first claim and
  its batch's drills chosen and stored).
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
- **Progress** (bench/progress-cost.ts, in the benchmark's process): \`exportMarkdown\` of 1,000 drills a day
  apart, each answered with four parts of 500 characters and a follow-up (${progress.exportChars.toLocaleString('en')} characters of
  Markdown), and \`streak\` over 364 daily answers; CPU time of each call, 20 calls after 3 discarded, median and
  max. Both run on the bot's event loop when someone asks for them.
- **Memory**: VmHWM (peak resident set) from /proc/<pid>/status of each bot process after its last post, in
  the same fan-out runs (${fan.one.map((r) => fmt(r.rssMb[0] ?? 0, 0)).join(', ')} MB for one replica).

${overloadSection(over)}
${soakSection(soaks)}
## Design of the fan-out (what made it fast)

The scheduler claims due subscriptions ${DEFAULT_BATCH_SIZE} at a time and works per claimed batch: one
history query for all its users (\`user_id IN (...)\`, newest 200 per user by \`row_number()\`), questions
chosen in memory, one \`INSERT ... SELECT FROM unnest(<one array per column>) ON CONFLICT DO NOTHING RETURNING\`
for the drill rows (the unique (user, local date) index still decides), posts at ${DEFAULT_CONCURRENCY} at a time, the ts of each post stored
by group commit (posts that come back while one UPDATE runs, or within 1 ms of the first, share the next one; each post still waits for
its own ts before it counts), and one transaction advancing the whole batch (rows read \`FOR UPDATE\` where
\`claimed_by\` is still this replica, then one \`UPDATE ... FROM unnest(...)\`). The next batch is claimed
and prepared while the previous one posts. Per drill, the database work went from ~7 round trips to a
share of a few batched statements.

${settings.whatLimits}
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

/**
 * Where the CPU of the machine went while posting (medians of the runs): the floor's two processes against
 * the bot's three, so the fan-out's ratio can be read against what the bot's Postgres alone costs.
 */
function cpuSplit(fan: FanOutResult): string {
  const sec = (ms: number) => fmt(ms / 1000, 1);
  const floor = median(fan.floor.map((r) => r.during.floor));
  const floorSlack = median(fan.floor.map((r) => r.during.slack));
  const bot = median(fan.one.map((r) => r.during.bots));
  const botSlack = median(fan.one.map((r) => r.during.slack));
  const pg = fan.one.map((r) => r.during.postgres).filter((x): x is number => x !== null);
  const postgres = pg.length > 0 ? median(pg) : null;
  return `the floor process ${sec(floor)} s and the local Slack ${sec(floorSlack)} s (${sec(floor + floorSlack)} s in all); one replica: the bot ${sec(bot)} s, the local Slack ${sec(botSlack)} s, ${postgres === null ? 'Postgres not on this machine' : `Postgres ${sec(postgres)} s (${sec(bot + botSlack + postgres)} s in all)`} (medians; bench/fanout.ts, \`during\`).`;
}
