// A query failing with an answer's text among its parameters, escaping a listener (as a bug would): Bolt's
// error handler, the receiver's processEventErrorHandler (the bot's own, in both modes) and Bolt's debug
// "Error details" line all see it. None may log the text or the parameters, in HTTP mode and in Socket Mode.
//
// Bad input tried: an answer whose text is the parameter of a query Postgres refuses (`$1::int`), thrown out
// of a global middleware of the real Bolt app, with the bot logging at debug level.

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_MODE } from '../../local-slack/index.ts';
import { newUser } from '../support/drill-driver.ts';
import { startSocketModeBot, startTestBot, type TestBot } from '../support/test-bot.ts';

const SECRET_TEXT = 'Quokkaanswer: I rebuilt the ledger';

/** A middleware that runs a failing query carrying the text whenever a command's text names it. */
function failWithTheText(t: TestBot): void {
  t.bot.app.use(async ({ body, next }) => {
    const text = (body as { text?: string }).text ?? '';
    if (text.includes('Quokka')) await t.bot.ctx.db.execute(sql`select ${SECRET_TEXT}::int`);
    await next();
  });
}

function expectNothingLeaked(t: TestBot): void {
  const logged = JSON.stringify(t.logs.lines);
  expect(logged).not.toContain('Quokka');
  expect(logged).not.toContain('params:');
  // The failure itself was logged, with what helps: Postgres's code for an invalid integer.
  expect(
    t.logs
      .find('request failed before ack')
      .map((l) => JSON.stringify(l))
      .join(''),
  ).toMatch(/22P02/);
}

describe('HTTP mode', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ bot: { scheduler: false } });
    failWithTheText(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 500, and logs the failure without the text or the parameters', async () => {
    const reply = await t.standin.slashCommand(t.url, { userId: newUser(), text: `random ${SECRET_TEXT}` });
    expect(reply.status).toBe(500);
    await t.bot.idle();
    expectNothingLeaked(t);
  });
});

describe('Socket Mode', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startSocketModeBot('xapp-1-error-paths');
    failWithTheText(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('logs the failure through the safe serializer, without the text or the parameters', async () => {
    await t.standin
      .slashCommand(SOCKET_MODE, { userId: newUser(), text: `random ${SECRET_TEXT}` })
      .catch(() => {});
    await t.standin.waitFor(() => t.logs.find('request failed before ack').length > 0, { timeoutMs: 10_000 });
    await t.bot.idle();
    expectNothingLeaked(t);
  });
});
