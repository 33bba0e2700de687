// The cost of analysing one answer at the answer modal's limit: four parts of ~3,000 characters each.
// Cold = the first call in this process, model load included; warm = later calls; RSS delta = resident
// memory after the warm runs less before the first call (the model's price for a process that analyses).
//
//   node --import tsx bench/analysis.ts [--json]   (a fresh process, so the cold figure is real)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyseAnswer } from '../src/coach/analyse.ts';
import { detectLanguage } from '../src/coach/language.ts';
import { isModelLoaded } from '../src/coach/nlp.ts';
import { MAX_PART_CHARS, type StarAnswer } from '../src/drills/star-answer.ts';
import { fmt, median, percentile } from './stats.ts';

const WARM_RUNS = 60;
const DISCARDED_RUNS = 5;

const SENTENCES: Record<keyof StarAnswer, string[]> = {
  situation: [
    'Last November our checkout API started returning 502 errors for about a fifth of requests on a Friday evening.',
    'The payment processing system was failing intermittently during peak hours, when traffic was triple our normal rate.',
    'We had a team of 5 engineers on the platform, and the service had been migrated to Kubernetes in 2021.',
    'Customers were abandoning their carts, and the support team had opened more than 300 tickets in an hour.',
  ],
  task: [
    'I was the on-call engineer, so restoring checkout and finding the cause were mine.',
    'I needed to diagnose the issue, restore service, and make sure we had monitoring to prevent a recurrence.',
    'My manager asked me to keep the stakeholders informed while the team investigated.',
  ],
  action: [
    'I checked the load balancer logs and saw that the errors came from one availability zone.',
    'I drained that zone, which stopped the errors within four minutes, and posted an update in the incident channel.',
    'I traced the cause to a kernel update that broke connection tracking, and we rolled the AMI back.',
    'I usually look at the dashboards first, but this time the metrics were misleading because of sampling.',
    'I organised a post-mortem, where we identified inefficient database queries that were not closing connections.',
    'I added circuit breakers around the payment provider and increased the connection pool from 20 to 80.',
  ],
  result: [
    'Checkout error rate went from 20% to under 0.1% within 25 minutes, and we saved roughly $40,000 in lost orders.',
    'I added a canary stage for AMI changes, and we have not had a repeat since.',
    'The long-term fix reduced database load by 30%, and p99 latency dropped from 900 ms to 120 ms.',
    'I learned to alert on trends rather than on failures alone, and the team still uses that runbook.',
  ],
};

/** Sentences of the part, repeated in turn, up to the modal's limit. */
function fill(sentences: string[]): string {
  let text = '';
  for (let i = 0; ; i++) {
    const next = `${text}${text === '' ? '' : ' '}${sentences[i % sentences.length]}`;
    if (next.length > MAX_PART_CHARS) return text;
    text = next;
  }
}

export const LARGE_ANSWER: StarAnswer = {
  situation: fill(SENTENCES.situation),
  task: fill(SENTENCES.task),
  action: fill(SENTENCES.action),
  result: fill(SENTENCES.result),
};

const CONTEXT = {
  topic: {
    keyConcepts:
      'Production incidents test your ability to work under pressure, diagnose complex problems, communicate clearly, and implement both short-term fixes and long-term solutions.',
  },
  questionText: 'Tell me about a time when you had to resolve a critical production issue.',
  strategies: [],
};

export interface AnalysisCost {
  warmMedianMs: number;
  warmP95Ms: number;
  /** CPU time of the warm runs' median: steadier than wall time on a machine shared with other work. */
  warmCpuMedianMs: number;
  /** The first call in the process, model load included; only meaningful in a fresh process. */
  coldMs: number;
  rssDeltaMb: number;
  /**
   * Resident memory the language detector (franc-min) adds, measured in a fresh process of its own: the bot
   * imports it at start-up, so it is already in `rssDeltaMb`'s baseline and in the fan-out's peak.
   */
  detectorRssMb: number;
  /** One language detection of the whole answer, warm, in milliseconds (part of the warm figure). */
  detectorMs: number;
}

/** Resident memory before and after importing franc-min and telling one text's language, in a fresh process. */
function measureDetectorRss(): number {
  const script = `const before = process.memoryUsage().rss;
const { franc } = await import('franc-min');
franc('Yo era el ingeniero de guardia y tenía que restaurar el servicio.');
console.log((process.memoryUsage().rss - before) / 2 ** 20);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return Number(out.trim());
}

export async function measureAnalysis(): Promise<AnalysisCost> {
  if (isModelLoaded())
    console.error('bench/analysis: the model was already loaded; coldMs is not a cold figure');
  const rssBefore = process.memoryUsage().rss;
  let start = performance.now();
  analyseAnswer(LARGE_ANSWER, CONTEXT);
  const coldMs = performance.now() - start;
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let i = 0; i < DISCARDED_RUNS + WARM_RUNS; i++) {
    const cpu = process.cpuUsage();
    start = performance.now();
    analyseAnswer(LARGE_ANSWER, CONTEXT);
    const wall = performance.now() - start;
    const { user, system } = process.cpuUsage(cpu);
    if (i >= DISCARDED_RUNS) {
      samples.push(wall);
      cpuSamples.push((user + system) / 1000);
    }
    // Let the event loop turn, as it would between two answers in the bot.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const rssDeltaMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  const text = Object.values(LARGE_ANSWER).join('\n');
  const detections: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    detectLanguage(text);
    detections.push(performance.now() - t);
  }
  return {
    detectorRssMb: measureDetectorRss(),
    detectorMs: median(detections),
    warmMedianMs: median(samples),
    warmP95Ms: percentile(samples, 95),
    warmCpuMedianMs: median(cpuSamples),
    coldMs,
    rssDeltaMb,
  };
}

if (import.meta.url === `file://${process.argv[1]}` || fileURLToPath(import.meta.url) === process.argv[1]) {
  const chars = Object.values(LARGE_ANSWER).map((s) => s.length);
  const r = await measureAnalysis();
  // --json: for `npm run bench`, which runs this file in a process of its own so the cold figure is cold.
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ ...r, chars }));
    process.exit(0);
  }
  console.log(
    `analysis of one answer (${chars.join(' + ')} characters): warm median ${fmt(r.warmMedianMs)} ms, ` +
      `p95 ${fmt(r.warmP95Ms)} ms over ${WARM_RUNS} runs (CPU median ${fmt(r.warmCpuMedianMs)} ms); ` +
      `cold first call ${fmt(r.coldMs, 0)} ms; ` +
      `RSS +${fmt(r.rssDeltaMb, 0)} MB; language detector +${fmt(r.detectorRssMb, 1)} MB, ${fmt(r.detectorMs, 2)} ms a detection`,
  );
}
