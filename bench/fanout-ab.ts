// The 10,000-drill fan-out of this checkout side by side with another commit's build, for bench/limits.md. Not
// part of `npm run bench` (which times this checkout against the floor only):
//   node --import tsx bench/fanout-ab.ts /abs/base-checkout [rounds=4]
// The base checkout must be built (`npm run build` in it; a git worktree with node_modules linked will do).
// One seeded database; each round runs the floor, the base's bot and this one's, in an order rotated each
// round, with the drills reset between bot runs; every bot run is checked for exactly-once delivery.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONCURRENCY } from '../src/scheduler/scheduler.ts';
import { createBenchDatabase, resetFanOut, seedSubscribers } from './db.ts';
import { botRun, floorRun } from './fanout.ts';
import { PRODUCTION } from './production.ts';
import { median } from './stats.ts';

const [baseCheckout, roundsArg] = process.argv.slice(2);
if (!baseCheckout) throw new Error('usage: node --import tsx bench/fanout-ab.ts /abs/base-checkout [rounds]');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = 10_000;
const rounds = Number(roundsArg ?? 4);
const today = new Date().toISOString().slice(0, 10);
const due = { dueAt: new Date(`${today}T00:00:00Z`), localDate: today };
const spawnOf = {
  base: { ...PRODUCTION, compiledMain: path.join(path.resolve(baseCheckout), 'dist', 'main.js') },
  this: PRODUCTION,
};

execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
const db = await createBenchDatabase('fanout_ab');
const ms: Record<'floor' | 'base' | 'this', number[]> = { floor: [], base: [], this: [] };
try {
  await seedSubscribers(db.url, N, due);
  await db.handle.close();
  const kinds = ['floor', 'base', 'this'] as const;
  for (let round = 0; round < rounds; round++) {
    for (let j = 0; j < kinds.length; j++) {
      const kind = kinds[(j + round) % kinds.length] as (typeof kinds)[number];
      if (kind === 'floor') ms.floor.push((await floorRun(N, DEFAULT_CONCURRENCY)).ms);
      else {
        await resetFanOut(db.url, due);
        const r = await botRun({
          databaseUrl: db.url,
          subscribers: N,
          replicas: 1,
          localDate: today,
          spawn: spawnOf[kind],
        });
        if (r.posts !== N || r.distinctUsers !== N || r.drillRows !== N) {
          throw new Error(`fan-out not exactly once: ${JSON.stringify(r)}`);
        }
        ms[kind].push(r.ms);
      }
      console.error(`round ${round + 1} ${kind}: ${ms[kind].at(-1)} ms`);
    }
  }
} finally {
  await db.drop();
}
const floor = median(ms.floor);
console.log(
  JSON.stringify({
    ms,
    floorMedianMs: floor,
    ratio: { base: median(ms.base) / floor, this: median(ms.this) / floor },
  }),
);
