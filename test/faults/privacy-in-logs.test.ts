// What never reaches the logs: the candidate's answers (even when the query storing them fails, and at debug
// level, where Bolt and the WebClient copy payloads), and secrets in DATABASE_URL.
//
// Bad inputs tried: an answer insert failing on a check constraint (Postgres then puts the whole row in the
// error's `detail`); drizzle's "Failed query ... params:" message; DATABASE_URLs with the password in the
// user part, in `?password=` and in `?sslpassword=`; a thrown string.

import { eq, sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeUrl } from '../../src/db/client.ts';
import { answers } from '../../src/db/schema/index.ts';
import { safeError } from '../../src/logger.ts';
import { newUser, openModal, repliesTo, requestDrill, viewValues } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot(); // logs at debug level
});
afterAll(async () => {
  await t?.close();
});

/** Words found nowhere else, so the logs can be searched for them. */
const answer = {
  situation: 'Wombatsituation: the ledger service stalled',
  task: 'Wombattask: I owned the recovery',
  action: 'Wombataction: I bisected the deploy and rolled back',
  result: 'Wombatresult: 40 minutes to recover, 0 payments lost',
};
const logText = () => JSON.stringify(t.logs.lines);

describe('answers', () => {
  it('a failing insert logs the error, never the answer, and the user keeps their text', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(t, userId, 'random');
    const { viewId } = await openModal(t, userId, channel, ts, drill.id);
    await t.bot.ctx.db.execute(
      sql`alter table answers add constraint answers_refuse_all check (false) not valid`,
    );
    try {
      const reply = await t.standin.submitView(t.url, { userId, viewId, values: viewValues(answer) });
      expect(reply.json).toMatchObject({ response_action: 'errors' });
      expect(JSON.stringify(reply.json)).toMatch(/could not save right now.*Your text is still here/);
    } finally {
      await t.bot.ctx.db.execute(sql`alter table answers drop constraint answers_refuse_all`);
    }
    await t.bot.idle();
    // The failure was logged, with what helps (the constraint, Postgres's code)...
    const [failure] = t.logs.find('could not save a submission');
    expect(JSON.stringify(failure)).toMatch(/answers_refuse_all/);
    expect(JSON.stringify(failure)).toMatch(/23514/);
    // ...and no part of the answer, anywhere in the log.
    expect(logText()).not.toMatch(/Wombat/);
    expect(await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drill.id))).toHaveLength(0);
  });

  it('the whole loop at debug level, recap in the thread included, logs no part of the answer', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(t, userId, 'random');
    const { viewId } = await openModal(t, userId, channel, ts, drill.id);
    const edited = { ...answer, result: 'Wombatedit: 35 minutes' };
    expect((await t.standin.submitView(t.url, { userId, viewId, values: viewValues(answer) })).body).toBe('');
    await t.standin.waitFor(() => repliesTo(t, channel, ts).length === 1);
    const again = await openModal(t, userId, channel, ts, drill.id);
    await t.standin.submitView(t.url, { userId, viewId: again.viewId, values: viewValues(edited) });
    await t.bot.idle();
    // The thread reply does echo the answer: the content is there, just not in the log.
    expect(JSON.stringify(repliesTo(t, channel, ts))).toMatch(/Wombat/);
    expect(t.logs.lines.some((l) => l.level === 'debug')).toBe(true);
    expect(logText()).not.toMatch(/Wombat/);
  });
});

describe('safeError', () => {
  it('keeps the query and the cause’s codes, drops drizzle’s params and Postgres’s detail', () => {
    const cause = Object.assign(new Error('new row for relation "answers" violates check constraint "x"'), {
      code: '23514',
      constraint: 'x',
      table: 'answers',
      detail: 'Failing row contains (1, 5, Wombatsituation, ...)',
      where: 'SQL statement "Wombat"',
    });
    const err = new DrizzleQueryError('insert into "answers" values ($1, $2)', [5, 'Wombatsituation'], cause);
    const safe = safeError(err);
    expect(safe).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'Failed query: insert into "answers" values ($1, $2)',
      query: 'insert into "answers" values ($1, $2)',
      cause: { code: '23514', constraint: 'x', table: 'answers' },
    });
    expect(JSON.stringify(safe)).not.toMatch(/Wombat/);
    expect(String(safe.stack)).toMatch(/^DrizzleQueryError: Failed query: insert/);
  });

  it('does not log a thrown non-error value, which may be anything', () => {
    expect(JSON.stringify(safeError('Wombat secret'))).not.toMatch(/Wombat/);
  });
});

describe('DATABASE_URL in the logs', () => {
  it.each([
    ['postgres://star:hunter2@db:5432/star', 'postgres://star@db:5432/star'],
    ['postgres://star@db:5432/star?password=hunter2', 'postgres://star@db:5432/star'],
    ['postgresql://db/star?sslpassword=hunter2&sslmode=require', 'postgresql://db/star'],
    ['postgres://:hunter2@db/star', 'postgres://db/star'],
  ])('%s is described as %s', (url, described) => {
    expect(describeUrl(url)).toBe(described);
  });
});
