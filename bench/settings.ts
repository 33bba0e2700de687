// The knobs of `npm run bench`, from the environment:
//   BENCH_RUNS=5 (fan-out rounds)  BENCH_ACK_ROUNDS=20  BENCH_SUBSCRIBERS=10000
//   BENCH_OVERLOAD_N=10000  BENCH_OVERLOAD_RATES=150,330,400  BENCH_OVERLOAD_SLACK_MS=0 (users.info latency)
//   BENCH_SOAK_PEOPLE=60,200  BENCH_SOAK_SECONDS=180 (each steady run)  BENCH_SOAK_PACE_MS=1700 (a steady person's
//   time between requests)  BENCH_SOAK_RAMP=200,3000,200,10 (from, to, step, seconds per step; 0 skips the ramp;
//   a ramp's person sends a request every ~10 s)  BENCH_SOAK_BASE=/abs/checkout (its dist/main.js soaked, ramped and
//   ack-timed too, side by side: a base commit's worktree, built)  BENCH_PROFILE_DIR=/abs/dir (CPU profiles of
//   the bot in the ack, overload and soak runs)
//   BENCH_ONLY=fanout|click|ack|overload|tick|analysis|progress|soak: that benchmark alone, printed; BENCHMARKS.md untouched

export const RUNS = Number(process.env.BENCH_RUNS ?? 5);
export const ACK_ROUNDS = Number(process.env.BENCH_ACK_ROUNDS ?? 20);
export const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
export const OVERLOAD_N = Number(process.env.BENCH_OVERLOAD_N ?? 10_000);
export const OVERLOAD_RATES = (process.env.BENCH_OVERLOAD_RATES ?? '150,330,400').split(',').map(Number);
export const OVERLOAD_SLACK_MS = Number(process.env.BENCH_OVERLOAD_SLACK_MS ?? 0);
export const ANALYSIS_RUNS = 5;
export const SOAK_PEOPLE = (process.env.BENCH_SOAK_PEOPLE ?? '60,200')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
export const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 180);
/**
 * Issue 22's load: 60 people "each acting every ~10 s" sent ~35 requests a second, so one action was a run of
 * requests (ask, click, answer, rate, ...). Here a person sends one request of their cycle every ~1.7 s (a
 * whole cycle of 7 about every 12 s), which gives the issue's ~35 requests a second at 60 people.
 */
export const SOAK_PACE_MS = Number(process.env.BENCH_SOAK_PACE_MS ?? 1_700);
/** The ramp's pace: one request every ~10 s a person, so its people axis reads as in earlier runs. */
export const RAMP_PACE_MS = 10_000;
/** `BENCH_SOAK_RAMP=0` alone skips the ramp: its missing parts must not fall back to a ramp to 400. */
const RAMP = process.env.BENCH_SOAK_RAMP === '0' ? '0,0' : (process.env.BENCH_SOAK_RAMP ?? '200,3000,200,10');
export const [RAMP_FROM = 20, RAMP_TO = 400, RAMP_STEP = 20, RAMP_STEP_S = 10] = RAMP.split(',').map(Number);
export const SOAK_BASE = process.env.BENCH_SOAK_BASE;
