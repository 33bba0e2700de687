// A CPU profile of one bot process during one 10,000-drill fan-out (for bench/limits.md), and the floor's
// time beside it. Not part of `npm run bench`:
//   node --import tsx bench/profile-fanout.ts /abs/profile/dir [subscribers]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONCURRENCY } from '../src/scheduler/scheduler.ts';
import { createBenchDatabase, resetFanOut, seedSubscribers } from './db.ts';
import { botRun, floorRun } from './fanout.ts';

const [dir = '/tmp/star-drill-profile', n = '10000'] = process.argv.slice(2);
const subscribers = Number(n);
const HOOK = fileURLToPath(new URL('./cpu-profile-hook.mjs', import.meta.url));
const today = new Date().toISOString().slice(0, 10);
const due = { dueAt: new Date(`${today}T00:00:00Z`), localDate: today };
const db = await createBenchDatabase('profile');
try {
  await seedSubscribers(db.url, subscribers, due);
  await db.handle.close();
  const floor = await floorRun(subscribers, DEFAULT_CONCURRENCY);
  await resetFanOut(db.url, due);
  const bot = await botRun({
    databaseUrl: db.url,
    subscribers,
    replicas: 1,
    localDate: today,
    extraEnv: { NODE_OPTIONS: `--import ${HOOK}`, CPU_PROFILE_DIR: path.resolve(dir) },
  });
  console.log(JSON.stringify({ floorMs: floor.ms, botMs: bot.ms, ratio: bot.ms / floor.ms }));
} finally {
  await db.drop();
}
