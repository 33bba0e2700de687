// The CPU cost of the two progress computations that grow with a person's history: `/star export`'s
// export of 1,000 answered drills to Markdown, and the streak over a year of daily answers. Both are pure
// and run on the bot's event loop, so each must stay well under the 3 s a Slack ack may take (target: 200 ms).
// They were timed unit tests until a loaded CI machine took 204 ms; a speed target belongs here instead.
//
//   node --import tsx bench/progress-cost.ts
import { fileURLToPath } from 'node:url';
import { THOUSAND_ANSWERED_DRILLS, YEAR_OF_DAILY_ANSWERS } from '../harness/progress-history.ts';
import { exportMarkdown } from '../src/progress/export.ts';
import { streak } from '../src/progress/streak.ts';
import { fmt, median } from './stats.ts';

const NY = 'America/New_York';
const RUNS = 20;
const DISCARDED_RUNS = 3;

export interface ProgressCost {
  /** exportMarkdown of 1,000 answers of 4 x 500 characters with a follow-up each: CPU ms, median and max. */
  exportMedianMs: number;
  exportMaxMs: number;
  exportChars: number;
  /** streak() over 364 daily answers: CPU ms, median and max. */
  streakMedianMs: number;
  streakMaxMs: number;
}

/** CPU milliseconds of `work` in this process (not wall time: the cores are shared), kept after a warm-up. */
function cpuSamples(work: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < DISCARDED_RUNS + RUNS; i++) {
    const before = process.cpuUsage();
    work();
    const { user, system } = process.cpuUsage(before);
    if (i >= DISCARDED_RUNS) samples.push((user + system) / 1000);
  }
  return samples;
}

export function measureProgressCost(): ProgressCost {
  const now = new Date('2026-03-10T18:05:00Z');
  let exportChars = 0;
  const exports = cpuSamples(() => {
    exportChars = exportMarkdown({ zone: NY, drills: THOUSAND_ANSWERED_DRILLS, now }).length;
  });
  const streakNow = new Date('2025-12-31T20:00:00Z');
  const streaks = cpuSamples(() => {
    streak({ zone: NY, answeredAt: YEAR_OF_DAILY_ANSWERS, calendar: { days: 'daily' }, now: streakNow });
  });
  return {
    exportMedianMs: median(exports),
    exportMaxMs: Math.max(...exports),
    exportChars,
    streakMedianMs: median(streaks),
    streakMaxMs: Math.max(...streaks),
  };
}

if (fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = measureProgressCost();
  console.log(
    `export of 1,000 answers (${r.exportChars.toLocaleString('en')} characters): CPU median ${fmt(r.exportMedianMs)} ms, ` +
      `max ${fmt(r.exportMaxMs)} ms; streak over a year: median ${fmt(r.streakMedianMs, 2)} ms, max ${fmt(r.streakMaxMs, 2)} ms ` +
      `(${RUNS} runs after ${DISCARDED_RUNS})`,
  );
}
