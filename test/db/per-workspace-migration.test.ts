// Migration 0008 on a database filled by the schema before it (0000-0007): every row about a person gains the
// workspace key without losing anything, and a single-workspace bot then adopts the rows whose workspace was
// unknown under the team auth.test names.

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { createTestDatabase } from '../../harness/test-database.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';
import { MIGRATIONS_FOLDER, runMigrations } from '../../src/db/migrate.ts';
import { createLogger } from '../../src/logger.ts';
import { adoptWorkspace } from '../../src/workspaces/adopt-workspace.ts';

const log = createLogger('error');
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

/** The migrations folder as it was before 0008: the journal cut after 0007, the later files left out. */
async function foldersUpTo0007(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'star-drill-migrations-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  await cp(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((e) => e.idx <= 7);
  await writeFile(journalPath, JSON.stringify(journal));
  return dir;
}

const rows = async (h: DatabaseHandle, query: ReturnType<typeof sql>) =>
  ((await h.db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;

it('keys every person’s rows by workspace, loses nothing, and the bot adopts the unknown ones at start-up', async () => {
  const database = await createTestDatabase();
  cleanup.push(() => database.drop());
  const h = await openDatabase(database.config, log);
  cleanup.push(() => h.close());
  await runMigrations(h, await foldersUpTo0007());

  // What a single-workspace bot stored: one user whose team a command recorded, one whose team it never knew.
  await h.db.execute(sql`insert into users (id, team_id, tz) values ('UKNOWN', 'T0LEGACY', 'Europe/Paris')`);
  await h.db.execute(sql`insert into users (id, tz) values ('UNOTEAM', 'Asia/Tokyo')`);
  for (const user of ['UKNOWN', 'UNOTEAM']) {
    await h.db.execute(
      sql`insert into subscriptions (user_id, minute_of_day, day_mask, next_due_at, next_due_date)
          values (${user}, 540, 31, '2026-03-10T08:00:00Z', '2026-03-10')`,
    );
    await h.db.execute(
      sql`insert into drills (user_id, topic_slug, question_id, question_text, source, local_date)
          values (${user}, 'incidents', 'q_1', 'Tell me about an outage.', 'scheduled', '2026-03-09'),
                 (${user}, 'incidents', 'q_2', 'Another one.', 'on_demand', null)`,
    );
    await h.db.execute(
      sql`insert into answers (drill_id, situation, task, action, result)
          select id, 'S', 'T', 'A', 'R' from drills where user_id = ${user} and source = 'scheduled'`,
    );
    await h.db.execute(
      sql`insert into follow_up_answers (drill_id, number, question_text, text)
          select id, 1, 'What would you do differently?', 'More alerts.' from drills where user_id = ${user} and source = 'scheduled'`,
    );
    await h.db.execute(
      sql`insert into review_cards (user_id, question_id, card, due_at, last_rating)
          values (${user}, 'q_1', '{"due":"2026-03-12T00:00:00.000Z"}'::jsonb, '2026-03-12T00:00:00Z', 'good')`,
    );
    await h.db.execute(sql`insert into recaps (user_id, week_start) values (${user}, '2026-03-02')`);
    await h.db.execute(
      sql`insert into days_off (user_id, from_date, until_date, reason) values (${user}, '2026-03-01', '2026-03-03', 'pause')`,
    );
  }
  const tables = [
    'users',
    'subscriptions',
    'drills',
    'answers',
    'follow_up_answers',
    'review_cards',
    'recaps',
    'days_off',
  ];
  const count = async (table: string) =>
    Number((await rows(h, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n);
  const before = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])));

  await runMigrations(h);

  const after = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])));
  expect(after).toEqual(before);
  // Each row took its user's team: the known one, or '' until the bot learns its workspace.
  for (const table of ['users', 'subscriptions', 'drills', 'review_cards', 'recaps', 'days_off']) {
    const column = table === 'users' ? 'id' : 'user_id';
    const teams = await rows(h, sql.raw(`select ${column} as who, team_id from ${table} order by 1, 2`));
    expect(new Set(teams.map((r) => `${r.who}:${r.team_id}`)), table).toEqual(
      new Set(['UKNOWN:T0LEGACY', 'UNOTEAM:']),
    );
  }

  // A single-workspace bot starts: auth.test names T0LEGACY, and the rows of unknown workspace move under it.
  await adoptWorkspace(h.db, async () => ({ teamId: 'T0LEGACY' }), log);
  for (const table of ['users', 'subscriptions', 'drills', 'review_cards', 'recaps', 'days_off']) {
    const teams = await rows(h, sql.raw(`select distinct team_id from ${table}`));
    expect(teams, table).toEqual([{ team_id: 'T0LEGACY' }]);
  }
  expect(Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])))).toEqual(before);
  // The user's zone and answers came along, reachable through the new keys.
  const joined = await rows(
    h,
    sql`select u.tz, a.result from users u join drills d on d.team_id = u.team_id and d.user_id = u.id
        join answers a on a.drill_id = d.id where u.id = 'UNOTEAM'`,
  );
  expect(joined).toEqual([{ tz: 'Asia/Tokyo', result: 'R' }]);
  // Adopting again changes nothing.
  await adoptWorkspace(h.db, async () => ({ teamId: 'T0LEGACY' }), log);
  expect(await count('users')).toBe(2);
}, 120_000);
