// Follow-up practice as a user meets it: under the feedback, a "Practise this follow-up" button per follow-up
// question opens a one-field modal; the answer is stored, scored with the checks that apply, shown in the
// drill's thread (updated in place on an edit) and in /star history. Ownership and validation as for STAR
// answers: the text is never lost, and nobody else's drill is reachable.
//
// Bad inputs tried: whitespace only, zero-width characters only, an empty value (a forged request), 3,001
// characters, another user's click and another user's submission, a forged button for a drill that does not
// exist, follow-up numbers 0 and 4 (the topic has three), a value that is not "<drill>:<n>", and a
// submission whose private_metadata names another user's drill.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../local-slack/index.ts';
import { ACTION_PRACTISE_FOLLOW_UP, BLOCK_FOLLOW_UP, VIEW_FOLLOW_UP } from '../../src/views/ids.ts';
import { rawSubmission, starShown } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import {
  answeredDrill,
  buttonsOf,
  followUpRows,
  followUpValues,
  forgedClick,
  GUIDE_STRATEGIES,
  guideTopic,
  I_ANSWER,
  newUser,
  practise,
  repliesTo,
  shownText,
} from './support.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

const INCIDENT_FOLLOW_UPS = guideTopic(1).followUps;
/** A follow-up answer in the first person, with names and a before/after number. */
const STRONG =
  'I posted an update in the #incident channel every 30 minutes and I called the head of support, Priya, twice; complaints dropped from 40 to 5 that evening.';
/** The same question answered as "we", with no name and no number. */
const WEAK = 'We kept people informed.';

/** The words a user is told about a drill that is not theirs, or not there. */
const NOT_YOURS = /This drill is not available to you/;

async function answeredIncident(userId: string) {
  const { channel, ts, drill, feedback } = await answeredDrill(t, userId, 'incidents', I_ANSWER);
  return { channel, ts, drill, feedback, at: { channel, feedbackTs: feedback.ts, drillId: drill.id } };
}

describe('practise a follow-up', () => {
  it('a button per follow-up question under the feedback, in the guide’s order', async () => {
    const { feedback, drill } = await answeredIncident(newUser());
    const buttons = buttonsOf(feedback.blocks).filter((b) => b.actionId === ACTION_PRACTISE_FOLLOW_UP);
    expect(buttons.map((b) => b.label)).toEqual(INCIDENT_FOLLOW_UPS.map(() => 'Practise this follow-up'));
    expect(buttons.map((b) => b.value)).toEqual(INCIDENT_FOLLOW_UPS.map((_, i) => `${drill.id}:${i + 1}`));
    // Each button sits beside its question.
    const sections = (feedback.blocks as Array<{ text?: { text: string }; accessory?: { value: string } }>)
      .filter((b) => b.accessory)
      .map((b) => b.text?.text ?? '');
    INCIDENT_FOLLOW_UPS.forEach((question, i) => {
      expect(sections[i]).toContain(question);
    });
  });

  it('opens a one-field modal with the question at the top: multiline, 3,000 characters', async () => {
    const userId = newUser();
    const { at } = await answeredIncident(userId);
    const { view } = await practise(t, userId, at, 2);
    const modal = view();
    expect(modal.callback_id).toBe(VIEW_FOLLOW_UP);
    const blocks = modal.blocks as Array<{
      type: string;
      block_id?: string;
      element?: Record<string, unknown>;
    }>;
    expect(shownText([blocks[0]])).toContain(INCIDENT_FOLLOW_UPS[1]);
    const inputs = blocks.filter((b) => b.type === 'input');
    expect(inputs).toHaveLength(1);
    expect(inputs[0]?.block_id).toBe(BLOCK_FOLLOW_UP);
    expect(inputs[0]?.element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });
    expect(inputs[0]?.element?.initial_value).toBeUndefined();
    expect(String((modal.title as { text: string }).text).length).toBeLessThanOrEqual(24);
  });

  it('saved: stored, scored with the three checks that apply, a reply in the thread with its score; an edit updates that reply', async () => {
    const userId = newUser();
    const { channel, ts, drill, at } = await answeredIncident(userId);
    const { viewId } = await practise(t, userId, at, 1);
    const saved = await t.standin.submitView(t.url, { userId, viewId, values: followUpValues(STRONG) });
    expect(saved.status).toBe(200);
    expect(saved.body).toBe('');
    expect(t.standin.views.get(viewId)?.closed).toBe(true);
    await t.bot.idle();

    const [row] = await followUpRows(t, drill.id);
    expect(row).toMatchObject({ number: 1, questionText: INCIDENT_FOLLOW_UPS[0], text: STRONG });
    expect(row?.score).toEqual(expect.any(Number));
    expect(row?.feedback?.checks.map((c) => c.id).sort()).toEqual(['measured', 'ownership', 'specific']);

    const replies = repliesTo(t, channel, ts);
    expect(replies).toHaveLength(2);
    const reply = replies[1] as StoredMessage;
    expect(row?.feedbackTs).toBe(reply.ts);
    expect(reply.text).toContain(`Score: ${row?.score}/100`);
    const shown = shownText(reply.blocks);
    expect(shown).toContain(INCIDENT_FOLLOW_UPS[0]);
    // The three checks that apply passed: one line says so, and nothing is said against them.
    expect(shown).toContain('*What worked:* Specific, not vague · Ownership: told as "I" · Measured result');
    expect(shown).not.toContain('Improve first');
    expect(shown).not.toMatch(/One occasion|Reflection|On topic/);

    // Edit: the button reopens it filled in; saving updates the same reply, with the change.
    const again = await practise(t, userId, at, 1);
    const input = (again.view().blocks as Array<{ type: string; element?: { initial_value?: string } }>).find(
      (b) => b.type === 'input',
    );
    expect(input?.element?.initial_value).toBe(STRONG);
    const posts = t.standin.callsTo('chat.postMessage').length;
    const updates = t.standin.callsTo('chat.update').length;
    await t.standin.submitView(t.url, { userId, viewId: again.viewId, values: followUpValues(WEAK) });
    await t.bot.idle();
    const [edited] = await followUpRows(t, drill.id);
    expect(edited).toMatchObject({ text: WEAK, feedbackTs: reply.ts });
    expect(edited?.score).toBeLessThan(row?.score ?? 0);
    expect(t.standin.callsTo('chat.postMessage').slice(posts)).toEqual([]);
    expect(
      t.standin
        .callsTo('chat.update')
        .slice(updates)
        .filter((c) => c.args.ts === reply.ts),
    ).toHaveLength(1);
    const after = repliesTo(t, channel, ts);
    expect(after.map((m) => m.ts)).toEqual(replies.map((m) => m.ts));
    expect(after[1]?.text).toContain(`Score: ${edited?.score}/100, down from ${row?.score}`);
    // The two checks that cost most come first: no number (15 points lost), no detail (13); "we" costs 9.
    const edited2 = shownText(after[1]?.blocks);
    expect(edited2).toMatch(/1\. \*Measured result\* \(0\/\d+\): Your answer has no number/);
    expect(edited2).toMatch(/2\. \*Specific, not vague\* \(0\/\d+\): Few names, tools or numbers/);
    expect(edited2).not.toContain('What worked');
  });

  it('the two things to improve first each name the guide strategy they come from', async () => {
    const userId = newUser();
    const { channel, ts, at } = await answeredIncident(userId);
    const { viewId } = await practise(t, userId, at, 3);
    await t.standin.submitView(t.url, { userId, viewId, values: followUpValues(WEAK) });
    await t.bot.idle();
    const reply = repliesTo(t, channel, ts)[1] as StoredMessage;
    const shown = shownText(reply.blocks);
    // As after an answer: the two things to improve first, each with the guide strategy it comes from.
    const items = shown.split('\n').filter((l) => /^\d\. \*/.test(l));
    expect(items).toHaveLength(2);
    const expected: Record<string, string> = {
      'Measured result': 'Quantify your impact',
      'Ownership: told as "I"': 'Review your experiences',
      'Specific, not vague': 'Prepare for follow-ups',
    };
    for (const item of items) {
      const label = /\*(.+?)\*/.exec(item)?.[1] ?? '';
      const title = expected[label];
      expect(title, item).toBeDefined();
      const number = GUIDE_STRATEGIES.find((s) => s.title === title)?.number;
      const entry = shown.slice(shown.indexOf(item)).split(/\n(?=\d\. |\*What)/)[0];
      expect(entry).toContain(`strategy ${number}: ${title}`);
    }
  });

  it('/star history shows the follow-up practised and its score', async () => {
    const userId = newUser();
    const { at, drill } = await answeredIncident(userId);
    const { viewId } = await practise(t, userId, at, 2);
    await t.standin.submitView(t.url, { userId, viewId, values: followUpValues(STRONG) });
    await t.bot.idle();
    const [row] = await followUpRows(t, drill.id);
    const history = (await starShown(t, userId, 'history')).shown.map((c) => shownText(c.args.blocks));
    expect(history).toHaveLength(1);
    expect(history[0]).toContain(`follow-up 2 (${row?.score})`);
  });
});

describe('validation: the text is never lost', () => {
  it.each([
    ['whitespace only', '  \n\t  '],
    ['zero-width characters only', '\u200b\u200d\ufeff'],
  ])('%s: a field error on the input, the modal stays open, nothing stored', async (_name, text) => {
    const userId = newUser();
    const { at, drill } = await answeredIncident(userId);
    const { viewId } = await practise(t, userId, at, 1);
    const reply = await t.standin.submitView(t.url, { userId, viewId, values: followUpValues(text) });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      response_action: 'errors',
      errors: { [BLOCK_FOLLOW_UP]: expect.any(String) },
    });
    expect(t.standin.views.get(viewId)?.closed).toBe(false);
    await t.bot.idle();
    expect(await followUpRows(t, drill.id)).toEqual([]);
  });

  it('an empty value or 3,001 characters (requests Slack’s client would not send) are refused the same way', async () => {
    const userId = newUser();
    const { at, drill } = await answeredIncident(userId);
    const { viewId } = await practise(t, userId, at, 1);
    const empty = await rawSubmission(t, viewId, userId, { [BLOCK_FOLLOW_UP]: null });
    expect(empty.json).toMatchObject({
      response_action: 'errors',
      errors: { [BLOCK_FOLLOW_UP]: expect.any(String) },
    });
    const long = await rawSubmission(t, viewId, userId, { [BLOCK_FOLLOW_UP]: 'I'.repeat(3001) });
    expect(long.json).toMatchObject({
      response_action: 'errors',
      errors: { [BLOCK_FOLLOW_UP]: expect.stringContaining('3001') },
    });
    await t.bot.idle();
    expect(await followUpRows(t, drill.id)).toEqual([]);
  });
});

describe('ownership', () => {
  it('another user’s click opens a notice worded as for a missing drill, never the question', async () => {
    const owner = newUser();
    const intruder = newUser();
    const { at, channel, feedback } = await answeredIncident(owner);
    const theirs = await practise(t, intruder, at, 1);
    expect(theirs.view().callback_id).not.toBe(VIEW_FOLLOW_UP);
    const notice = shownText(theirs.view().blocks);
    expect(notice).toMatch(NOT_YOURS);
    expect(notice).not.toContain(INCIDENT_FOLLOW_UPS[0]);

    // Forged buttons: a drill that does not exist, follow-ups 0 and 4 of a three-follow-up topic, garbage.
    for (const value of ['999999999:1', `${at.drillId}:0`, `${at.drillId}:4`, `${at.drillId}`, 'x:1']) {
      const opens = t.standin.callsTo('views.open').length;
      const reply = await forgedClick(t, {
        userId: owner,
        actionId: ACTION_PRACTISE_FOLLOW_UP,
        value,
        channel,
        messageTs: feedback.ts,
      });
      expect(reply.status, value).toBe(200);
      await t.bot.idle();
      const view = t.standin.callsTo('views.open')[opens]?.args.view as {
        blocks: unknown;
        callback_id: string;
      };
      expect(view.callback_id, value).not.toBe(VIEW_FOLLOW_UP);
      expect(view.blocks, value).toEqual(theirs.view().blocks);
    }
    expect(await followUpRows(t, at.drillId)).toEqual([]);
  });

  it('another user’s submission is refused with the same words, keeps the modal open and stores nothing', async () => {
    const owner = newUser();
    const intruder = newUser();
    const { at, channel, ts } = await answeredIncident(owner);
    const { viewId } = await practise(t, owner, at, 1);
    const reply = await rawSubmission(t, viewId, intruder, { [BLOCK_FOLLOW_UP]: STRONG });
    expect(reply.status).toBe(200);
    const body = reply.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors[BLOCK_FOLLOW_UP]).toMatch(NOT_YOURS);
    expect(body.errors[BLOCK_FOLLOW_UP]).toMatch(/Nothing was saved/);

    // The intruder's own modal, its metadata pointing at the owner's drill: the same refusal.
    const mine = await answeredIncident(intruder);
    const own = await practise(t, intruder, mine.at, 1);
    const forged = await rawSubmission(
      t,
      own.viewId,
      intruder,
      { [BLOCK_FOLLOW_UP]: STRONG },
      { private_metadata: `${at.drillId}:1` },
    );
    expect((forged.json as { errors: Record<string, string> }).errors[BLOCK_FOLLOW_UP]).toBe(
      body.errors[BLOCK_FOLLOW_UP],
    );
    await t.bot.idle();
    expect(await followUpRows(t, at.drillId)).toEqual([]);
    expect(repliesTo(t, channel, ts)).toHaveLength(1);
  });
});
