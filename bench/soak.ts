// Soak and stress (issue 22): N people acting at a steady pace for a few minutes against one bot on Postgres, mixed
// traffic through a whole local Slack (bench/soak-people.ts: drills on demand, clicks, answers, ratings,
// status, history, Home opens). Reports requests a second, answers saved and scored, busy replies, silent
// clicks (must be 0), error lines in the bot's log (must be 0), and resident memory after the warm-up and at
// the end (growth at most 15%). A ramp run adds people step by step until busy replies start: the saturation
// point. The bot runs as `npm start` runs it (bench/production.ts); `compiledMain` runs another checkout's
// build instead (the base commit, side by side in the same run).
import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { spawnBot } from '../harness/bot-process.ts';
import { adminQuery } from './db.ts';
import { cpuMsOf } from './proc.ts';
import { PRODUCTION } from './production.ts';
import * as settings from './settings.ts';
import type { SoakJob, SoakResult } from './soak-types.ts';
import { percentile } from './stats.ts';

const PEOPLE = fileURLToPath(new URL('./soak-people.ts', import.meta.url));
const SIGNING_SECRET = 'bench-signing-secret';
const BOT_TOKEN = 'xoxb-bench';

export interface SoakRun {
  label: string;
  job: Omit<SoakJob, 'botUrl'>;
  result: SoakResult;
  requestsPerS: number;
  answers: { saved: number; scored: number };
  errorLines: number;
  errorExamples: string[];
  rssMb: { warm: number; end: number };
  /** CPU the bot used over the run, ms, and per request. */
  botCpuMs: number;
  /** The ramp: the first 10-second window with a busy reply, and the requests a second just before it. */
  saturation?: { people: number; requestsPerS: number } | undefined;
}

export async function measureSoak(p: {
  label: string;
  databaseUrl: string;
  workdir: string;
  job: Omit<SoakJob, 'botUrl'>;
  /** Resident memory is first read this long after the people start. */
  warmUpMs: number;
  compiledMain?: string;
  botEnv?: Record<string, string>;
  log?: (...m: unknown[]) => void;
}): Promise<SoakRun> {
  const log = p.log ?? (() => {});
  const people = fork(PEOPLE, [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    env: { PATH: process.env.PATH ?? '', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const apiUrl = await new Promise<string>((resolve, reject) => {
    people.stdout?.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()).apiUrl));
    people.once('exit', (code) => reject(new Error(`soak people exited ${code}`)));
  });
  const bot = spawnBot(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: p.databaseUrl,
      ...p.botEnv,
    },
    p.workdir,
    { ...PRODUCTION, compiledMain: p.compiledMain },
  );
  try {
    const port = (await bot.waitForLog((l) => typeof l.port === 'number', 120_000)).port as number;
    await bot.waitForLog((l) => l.msg === 'database ready: migrations applied', 120_000);
    const pid = bot.child.pid as number;
    log(`soak ${p.label}: bot ready (pid ${pid}), ${p.job.people}..${p.job.maxPeople} people`);
    const cpuBefore = await cpuMsOf(pid);
    let warm = 0;
    const warmTimer = setTimeout(() => {
      void rssMb(pid).then((mb) => {
        warm = mb;
      });
    }, p.warmUpMs);
    const result = await new Promise<SoakResult>((resolve, reject) => {
      people.once('message', (m) => resolve(m as SoakResult));
      people.once('exit', (code) => reject(new Error(`soak people exited ${code}`)));
      people.send({ ...p.job, botUrl: `http://127.0.0.1:${port}/slack/events` } satisfies SoakJob);
    });
    clearTimeout(warmTimer);
    const end = await rssMb(pid);
    const botCpuMs = (await cpuMsOf(pid)) - cpuBefore;
    const errors = bot.logs.filter((l) => l.level === 'error' || l.level === 'fatal');
    const [counts] = (
      await adminQuery<{ saved: string; scored: string }>(
        p.databaseUrl,
        'select count(*) as saved, count(score) as scored from answers',
      )
    ).rows;
    const total = Object.values(result.requests).reduce((a, b) => a + b, 0);
    const firstBusy = result.windows.findIndex((w) => w.busy > 0);
    const before = result.windows[Math.max(0, firstBusy - 1)];
    return {
      label: p.label,
      job: p.job,
      result,
      requestsPerS: total / (result.elapsedMs / 1000),
      answers: { saved: Number(counts?.saved ?? 0), scored: Number(counts?.scored ?? 0) },
      errorLines: errors.length,
      errorExamples: [...new Set(errors.map((l) => String(l.msg)))].slice(0, 5),
      rssMb: { warm, end },
      botCpuMs,
      saturation:
        firstBusy >= 0
          ? { people: result.windows[firstBusy]?.people ?? 0, requestsPerS: (before?.requests ?? 0) / 10 }
          : undefined,
    };
  } finally {
    if (people.exitCode === null) people.kill('SIGTERM');
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGTERM');
    await bot.exited;
  }
}

/** Resident set size now (VmRSS), MB. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
}

const int = (x: number) => Math.round(x).toLocaleString('en');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

/** Growth of resident memory from the warm-up to the end, as a fraction. */
export const rssGrowth = (r: SoakRun) => (r.rssMb.warm > 0 ? r.rssMb.end / r.rssMb.warm - 1 : Number.NaN);

/** A steady run passes with no silent click, no error line, and memory growth of at most 15%. */
export const soakMet = (r: SoakRun) =>
  r.result.silentClicks === 0 &&
  r.errorLines === 0 &&
  r.result.failed === 0 &&
  r.result.stepErrors === 0 &&
  rssGrowth(r) <= 0.15;

export function soakSummaryRows(runs: SoakRun[]): string[][] {
  return runs.map((r) => [
    `Soak: ${r.label}`,
    `${f1(r.requestsPerS)} requests/s; answers saved ${int(r.answers.saved)}, scored ${int(r.answers.scored)}; busy ${int(sum(r.result.busy))}; silent clicks ${int(r.result.silentClicks)}; error lines ${int(r.errorLines)}; RSS ${int(r.rssMb.warm)} -> ${int(r.rssMb.end)} MB (${(rssGrowth(r) * 100).toFixed(0)}%)`,
    'silent clicks 0, error lines 0, RSS growth <= 15%',
  ]);
}

export function soakSection(runs: SoakRun[]): string {
  const rows = runs.map((r) => {
    const ack = r.result.ackMs;
    const busy = Object.entries(r.result.busy)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    return `| ${r.label} | ${int(r.job.people)}${r.job.maxPeople > r.job.people ? `..${int(r.job.maxPeople)}` : ''} | ${(r.result.elapsedMs / 1000).toFixed(0)} s | ${f1(r.requestsPerS)} | ${f1(percentile(ack, 50))} / ${f1(percentile(ack, 99))} ms (${int(r.result.lateAcks)} >= 3 s) | ${int(r.result.failed)} / ${int(r.result.stepErrors)} | ${int(r.answers.saved)} / ${int(r.answers.scored)} | ${int(sum(r.result.busy))}${busy ? ` (${busy})` : ''} | ${int(r.result.silentClicks)} | ${int(r.result.lostDrills)} | ${int(r.errorLines)} | ${int(r.rssMb.warm)} -> ${int(r.rssMb.end)} MB | ${f1(r.botCpuMs / Math.max(1, sum(r.result.requests)))} ms | ${r.saturation ? `${r.saturation.people} people (${f1(r.saturation.requestsPerS)} requests/s before)` : 'none'} |`;
  });
  const errors = runs.flatMap((r) => r.errorExamples.map((e) => `  - ${r.label}: ${e}`));
  return `## Soak and stress (bench/soak.ts)

N people, each sending one request of their cycle every ~${(settings.SOAK_PACE_MS / 1000).toFixed(1)} s (±30%; a whole cycle of 7 about every
${((7 * settings.SOAK_PACE_MS) / 1000).toFixed(0)} s, issue 22's ~35 requests a second at 60 people) in the steady runs, and every ~${settings.RAMP_PACE_MS / 1000} s in the
ramp, against one bot started as \`npm start\` runs it on a
fresh Postgres database. The people live in a process of their own (bench/soak-people.ts) holding a whole local
Slack, which also answers the bot's Web API: each goes round \`/star random\` -> "Answer with STAR" on the drill
-> save an answer -> "Good" on the feedback -> \`/star status\` -> \`/star history\` -> open the Home tab, all
signed and sent over HTTP as Slack sends them. A click counts as **silent** when nothing visible follows it
within 8 s of its ack: no modal, no update of the message, no ephemeral (an ack of 3 s or more is counted
apart: Slack shows the person an error then). **Busy** counts every "busy" a person saw (a
command's ack or reply, a click's ephemeral, a submission's field error). Answers saved and scored come from the
database (\`answers\`, \`score\` not null). Error lines are the bot's log lines at error level. RSS is VmRSS
after the warm-up and at the end. A ramp run starts with few people and adds more every few seconds; its
saturation point is the number of people in the first 10-second window with a busy reply, with the requests a
second of the window before. CPU per request is the bot's CPU over the run divided by the requests sent.

| Run | People | Length | Requests/s | Ack p50 / p99 (acks >= 3 s) | Not 200 / benchmark errors | Answers saved / scored | Busy | Silent clicks | Drills lost | Error lines | RSS warm -> end | Bot CPU per request | Saturation |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
${errors.length > 0 ? `\nError lines (first few distinct):\n\n${errors.join('\n')}\n` : ''}`;
}
