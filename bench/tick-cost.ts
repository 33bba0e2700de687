// Tick cost: what a scheduler tick costs when nothing is due, at 100,000 subscriptions beside 100, in
// alternating rounds, and the plan of its one query, the survey. The subscribers carry what the progress
// features store (a weekly recap ahead, five days of drills: today's reminder ahead, earlier ones reminded or
// answered), and each of the survey's three `exists` should walk its partial index (subscriptions_due_idx,
// drills_remind_idx, subscriptions_recap_idx), so the cost does not grow with the number of subscribers.

import { sql } from 'drizzle-orm';
import { loadQuestionBank } from '../src/bank/load.ts';
import { CONTENT_DIR } from '../src/bot.ts';
import { surveySql } from '../src/db/repositories/tick.ts';
import { TokenWatch } from '../src/delivery/token-watch.ts';
import { createLogger } from '../src/logger.ts';
import { Scheduler } from '../src/scheduler/scheduler.ts';
import { createSlackClients } from '../src/slack-api/clients.ts';
import { WorkspaceGuideBanks } from '../src/workspaces/guide-banks.ts';
import { singleWorkspaceClients } from '../src/workspaces/workspace-clients.ts';
import { adminQuery, type BenchDatabase, createBenchDatabase, seedProgress, seedSubscribers } from './db.ts';
import { median, percentile } from './stats.ts';

export interface TickCostResult {
  sizes: Array<{ subscriptions: number; drills: number; medianMs: number; p90Ms: number; ticks: number }>;
  plan: string;
  usesDueIndex: boolean;
  /** Each `exists` of the survey, by the partial index it should walk: whether the plan scans it. */
  indexes: Record<(typeof SURVEY_INDEXES)[number], boolean>;
}

/** The partial indexes of the survey's three questions: drills due, reminders due, recaps due. */
export const SURVEY_INDEXES = [
  'subscriptions_due_idx',
  'drills_remind_idx',
  'subscriptions_recap_idx',
] as const;

export async function measureTickCost(opts: { rounds?: number; ticksPerRound?: number } = {}) {
  const { rounds = 10, ticksPerRound = 20 } = opts;
  const tomorrow = new Date(Date.now() + 86_400_000);
  const due = { dueAt: tomorrow, localDate: tomorrow.toISOString().slice(0, 10) };
  const bank = await loadQuestionBank(CONTENT_DIR);
  const log = createLogger('error');
  const sizes = [100, 100_000];
  const dbs: BenchDatabase[] = [];
  try {
    for (const n of sizes) {
      const db = await createBenchDatabase(`tick${n}`);
      dbs.push(db);
      await seedSubscribers(db.url, n, due);
      await seedProgress(db.url, n, { now: new Date() });
    }
    const schedulers = dbs.map(
      (db, i) =>
        new Scheduler(
          // Nothing is due, so nothing is posted: the WebClient is never called.
          {
            db: db.handle.db,
            banks: new WorkspaceGuideBanks(db.handle.db, bank, log),
            log,
            workspaces: singleWorkspaceClients(createSlackClients({ botToken: 'xoxb-unused', log })),
            tokens: new TokenWatch(db.handle.db, log, async () => {}),
          },
          { cron: false, replicaId: `tick-bench-${i}` },
        ),
    );
    const samples = sizes.map(() => [] as number[]);
    const tickOnce = async (i: number) => {
      const s = schedulers[i] as Scheduler;
      const started = performance.now();
      // No instant given: the survey reads the database's clock, as in production.
      const counts = await s.tick();
      const ms = performance.now() - started;
      if (Object.values(counts).some((n) => n > 0)) throw new Error('a tick found something due');
      return ms;
    };
    for (let i = 0; i < sizes.length; i++) for (let k = 0; k < ticksPerRound; k++) await tickOnce(i); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (let j = 0; j < sizes.length; j++) {
        const i = (j + round) % sizes.length;
        for (let k = 0; k < ticksPerRound; k++) samples[i]?.push(await tickOnce(i));
      }
    }
    const large = dbs[dbs.length - 1] as BenchDatabase;
    // Through the bot's own connection, so the plan is made under the same session settings as its ticks.
    const explained = (await large.handle.db.execute(
      sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) ${surveySql({ at: null })}`,
    )) as unknown as { rows: Array<{ 'QUERY PLAN': string }> };
    const plan = explained.rows.map((r) => r['QUERY PLAN']).join('\n');
    const indexes = Object.fromEntries(
      SURVEY_INDEXES.map((name) => [name, new RegExp(`Index (Only )?Scan.*${name}`).test(plan)]),
    ) as TickCostResult['indexes'];
    const drillCounts = await Promise.all(
      dbs.map(async (db) =>
        Number((await adminQuery<{ n: number }>(db.url, 'select count(*)::int as n from drills')).rows[0]?.n),
      ),
    );
    return {
      sizes: sizes.map((n, i) => ({
        subscriptions: n,
        drills: drillCounts[i] ?? 0,
        medianMs: median(samples[i] ?? []),
        p90Ms: percentile(samples[i] ?? [], 90),
        ticks: samples[i]?.length ?? 0,
      })),
      plan,
      usesDueIndex: indexes.subscriptions_due_idx,
      indexes,
    } satisfies TickCostResult;
  } finally {
    for (const db of dbs) await db.drop();
  }
}
