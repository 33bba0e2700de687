// An answer or follow-up holding NUL (which Postgres refuses in text) and other C0 control characters is saved
// without them, over HTTP as Slack sends it, on both databases; before, the person was told the database was
// unreachable every time. Bad inputs tried: NUL inside words, a part of nothing but NULs, bell/escape/CR.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as drive from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { answerRow, followUpRows, followUpValues, practise, requestDrill } from './support.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

describe('control characters in answers', () => {
  it('an answer with NUL and other controls is saved without them and gets its feedback', async () => {
    const userId = drive.newUser();
    const { channel, ts, drill } = await requestDrill(t, userId, 'incidents');
    const { viewId } = await drive.openModal(t, userId, channel, ts, drill.id);
    const typed = {
      situation: 'Our pay\u0000ments API fell over at peak.\r\nIt was\tbad.',
      task: 'I had to restore service\u0007 and stop it recurring.',
      action: 'I traced the pool exhaustion\u001b[31m and added breakers.',
      result: 'Service back in 45 minutes, 30% less load.\u0000',
    };
    const saved = await t.standin.submitView(t.url, { userId, viewId, values: drive.viewValues(typed) });
    expect(saved.status).toBe(200);
    expect(saved.body).toBe('');
    await t.bot.idle();
    expect(await answerRow(t, drill.id)).toMatchObject({
      situation: 'Our payments API fell over at peak.\nIt was\tbad.',
      task: 'I had to restore service and stop it recurring.',
      action: 'I traced the pool exhaustion[31m and added breakers.',
      result: 'Service back in 45 minutes, 30% less load.',
    });
    expect(drive.repliesTo(t, channel, ts)).toHaveLength(1);
  });

  it('a part of nothing but NULs is a blank field: its error, and the other parts stay', async () => {
    const userId = drive.newUser();
    const { channel, ts, drill } = await requestDrill(t, userId, 'incidents');
    const { viewId } = await drive.openModal(t, userId, channel, ts, drill.id);
    const reply = await t.standin.submitView(t.url, {
      userId,
      viewId,
      values: drive.viewValues({ ...drive.answerOf('Z'), task: '\u0000\u0000' }),
    });
    expect(reply.json).toMatchObject({
      response_action: 'errors',
      errors: { task: 'Please describe the Task.' },
    });
    expect(await answerRow(t, drill.id)).toBeUndefined();
  });

  it('a follow-up answer with NUL is saved without it', async () => {
    const userId = drive.newUser();
    const { channel, ts, drill } = await requestDrill(t, userId, 'incidents');
    const { viewId } = await drive.openModal(t, userId, channel, ts, drill.id);
    await t.standin.submitView(t.url, { userId, viewId, values: drive.viewValues(drive.answerOf('F')) });
    await t.bot.idle();
    const [feedback] = drive.repliesTo(t, channel, ts);
    const modal = await practise(
      t,
      userId,
      { channel, feedbackTs: String(feedback?.ts), drillId: drill.id },
      1,
    );
    const reply = await t.standin.submitView(t.url, {
      userId,
      viewId: modal.viewId,
      values: followUpValues('I would page the owner\u0000 first, then roll back.'),
    });
    expect(reply.body).toBe('');
    await t.bot.idle();
    const [row] = await followUpRows(t, drill.id);
    expect(row?.text).toBe('I would page the owner first, then roll back.');
  });
});
