// The role being prepared for, end to end over HTTP: /star role opens its modal; bad input is refused beside
// its field and stores nothing; a saved role adds "Connects to the role" to the feedback, quoting the
// description and the answer; Home's Role button reopens it filled in; /star role off removes it, and the
// feedback and score are then as without a role.
//
// Bad inputs tried: an empty title and description; a 50,000-character description (a forged submission:
// the Slack client stops at 5,000); `/star role maybe`; `/star role off` with no role set.
//
// Long journeys through the bot: each test gets 120 s, for a loaded machine (no Slack deadline is loosened).

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseAnswer } from '../../src/coach/analyse.ts';
import { answers, roles } from '../../src/db/schema/index.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import {
  ACTION_OPEN_ROLE,
  ACTION_ROLE_INPUT,
  BLOCK_HOME_ACTIONS,
  BLOCK_ROLE_COMPANY,
  BLOCK_ROLE_DESCRIPTION,
  BLOCK_ROLE_TITLE,
  VIEW_ROLE,
} from '../../src/views/ids.ts';
import { openBreakdown } from '../coaching/support.ts';
import {
  answer,
  feedbackOf,
  openHome,
  person,
  scheduledDrill,
  star,
  startProgressBot,
  TestClock,
  tick,
  topicAt,
} from '../progress-e2e/support.ts';
import { requestDrill } from '../support/drill-driver.ts';
import { shownText } from '../support/shown-text.ts';
import type { TestBot } from '../support/test-bot.ts';

const clock = new TestClock(new Date('2027-01-12T12:00:00Z'));
let t: TestBot;

beforeAll(async () => {
  t = await startProgressBot(clock);
});
afterAll(async () => {
  await t?.close();
});

const DESCRIPTION = `Senior Backend Engineer, Payments
You will own on-call for payment systems and lead incident reviews.
- Experience with Kubernetes
- Mentor junior engineers`;

const ON_CALL: StarAnswer = {
  situation: 'I was on call for the checkout service when card payments started failing at 9pm.',
  task: 'I had to restore payments and find the cause.',
  action: 'I rolled back the release, then I traced the failure to an expired certificate and rotated it.',
  result: 'Payments recovered in 12 minutes and we added expiry alerts; no repeat in 14 months.',
};

const roleValues = (title: string, description: string, company = '') => ({
  [BLOCK_ROLE_TITLE]: { [ACTION_ROLE_INPUT]: title },
  [BLOCK_ROLE_COMPANY]: { [ACTION_ROLE_INPUT]: company },
  [BLOCK_ROLE_DESCRIPTION]: { [ACTION_ROLE_INPUT]: description },
});

const roleOf = async (userId: string) =>
  (await t.bot.ctx.db.select().from(roles).where(eq(roles.userId, userId)))[0];

describe('/star role', () => {
  it('refuses bad input, saves a role, adds the check with quotes from both sides, reopens it, removes it', async () => {
    const user = person(t, 'Europe/London');
    const dm = t.standin.dmChannelFor(user);
    expect((await star(t, user, 'role maybe')).text).toContain('`/star role` opens the form');

    await star(t, user, 'role');
    let modal = t.standin.openModal(user);
    expect(modal?.view.callback_id).toBe(VIEW_ROLE);

    // Empty: both needed fields are refused at once; nothing stored.
    const empty = await t.standin.submitView(t.url, {
      userId: user,
      viewId: modal?.id ?? '',
      values: roleValues('', ''),
      clientChecks: false,
    });
    expect(empty.json).toMatchObject({
      response_action: 'errors',
      errors: {
        [BLOCK_ROLE_TITLE]: expect.stringContaining('Name the role'),
        [BLOCK_ROLE_DESCRIPTION]: expect.stringContaining('Paste the job description'),
      },
    });
    // 50,000 characters, past what the modal lets through.
    const huge = await t.standin.submitView(t.url, {
      userId: user,
      viewId: modal?.id ?? '',
      values: roleValues('Backend Engineer', 'x'.repeat(50_000)),
      clientChecks: false,
    });
    expect(huge.json).toMatchObject({
      response_action: 'errors',
      errors: {
        [BLOCK_ROLE_DESCRIPTION]:
          'The description is at most 5,000 characters (this one has 50,000). Nothing was saved.',
      },
    });
    expect(await roleOf(user)).toBeUndefined();

    const saved = await t.standin.submitView(t.url, {
      userId: user,
      viewId: modal?.id ?? '',
      values: roleValues('Senior Backend Engineer', DESCRIPTION, 'Acme Pay'),
    });
    expect(saved.json).toMatchObject({ response_action: 'update' });
    await t.bot.idle();
    expect(JSON.stringify(t.standin.openModal(user)?.view.blocks)).toContain(
      'you are preparing for *Senior Backend Engineer* at *Acme Pay*',
    );
    expect(await roleOf(user)).toMatchObject({ title: 'Senior Backend Engineer', company: 'Acme Pay' });

    // An answer: the feedback adds the check, quoting the description and the answer.
    const d = await requestDrill(t, user, topicAt(t, 0).slug, dm);
    await answer(t, user, d, ON_CALL);
    // The glance names it among what worked; the full breakdown says why, quoting both.
    const feedback = feedbackOf(t, d);
    expect(shownText(feedback?.blocks)).toMatch(/\*What worked:\*.*Connects to the role/);
    const breakdown = await openBreakdown(t, user, {
      channel: d.channel,
      feedbackTs: feedback?.ts ?? '',
      drillId: d.drill.id,
    });
    const withRole = shownText(breakdown.blocks);
    expect(withRole).toContain('Connects to the role');
    expect(withRole).toContain(
      'The role asks for ‘on-call for payment systems’; your answer shows ‘I was on call for the checkout service when card payments started failing at 9pm’.',
    );
    const [stored] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, d.drill.id));
    expect(stored?.feedback?.checks.map((c) => c.id)).toContain('role');

    // Home's Role button reopens it, filled in.
    const home = await openHome(t, user);
    expect(JSON.stringify(home.blocks)).toContain(ACTION_OPEN_ROLE);
    await t.standin.clickViewButton(t.url, {
      userId: user,
      viewId: home.view.id,
      actionId: ACTION_OPEN_ROLE,
      blockId: BLOCK_HOME_ACTIONS,
    });
    await t.bot.idle();
    modal = t.standin.openModal(user);
    expect(modal?.view.callback_id).toBe(VIEW_ROLE);
    expect(JSON.stringify(modal?.view.blocks)).toContain('own on-call for payment systems');

    // Removed: the next answer's feedback has no role check, and its score is the analysis without a role.
    expect((await star(t, user, 'role off')).text).toContain('Role removed');
    expect(await roleOf(user)).toBeUndefined();
    expect((await star(t, user, 'role off')).text).toContain('No role was set, so nothing changed');
    const next = await requestDrill(t, user, topicAt(t, 0).slug, dm);
    await answer(t, user, next, ON_CALL);
    const without = shownText(feedbackOf(t, next)?.blocks);
    expect(without).not.toContain('Connects to the role');
    const [plain] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, next.drill.id));
    const topic = topicAt(t, 0);
    expect(plain?.score).toBe(
      analyseAnswer(ON_CALL, {
        topic,
        questionText: next.drill.questionText,
        strategies: t.bot.ctx.bank.strategies,
        otherTopics: t.bot.ctx.bank.topics,
      }).score,
    );
  }, 120_000);

  it('names the role in the interview countdown, and the weekly recap names the requirements no story covers', async () => {
    clock.set('2027-01-11T06:00:00Z'); // Monday
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'subscribe 08:00 weekdays');
    await star(t, user, 'role');
    const modal = t.standin.openModal(user);
    await t.standin.submitView(t.url, {
      userId: user,
      viewId: modal?.id ?? '',
      values: roleValues('Senior Backend Engineer', DESCRIPTION, 'Acme Pay'),
    });
    await t.bot.idle();
    await tick(t, clock, '2027-01-11T07:00:00Z');
    const d = await scheduledDrill(t, user, '2027-01-11');
    clock.set('2027-01-11T09:00:00Z');
    await answer(t, user, d, ON_CALL);

    const countdown = await star(t, user, 'interview 2027-02-01');
    expect(countdown.text).toContain(':dart: Interview for *Senior Backend Engineer* at *Acme Pay* on *');

    await tick(t, clock, '2027-01-18T07:00:00Z'); // Monday: the recap of the week of 11 January
    const recap = t.standin
      .messages(t.standin.dmChannelFor(user))
      .find((m) => (m.text ?? '').startsWith('Your week'));
    const text = shownText(recap?.blocks);
    // The answer shows on-call for payments; it does not show incident reviews, Kubernetes or mentoring.
    expect(text).toContain(
      ':briefcase: For *Senior Backend Engineer*, no story covers yet: ‘lead incident reviews’, ‘Kubernetes’, ‘Mentor junior engineers’.',
    );
  }, 120_000);
});
