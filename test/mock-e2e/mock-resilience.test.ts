// A mock interview survives what a real deployment does to it, on both databases: the bot restarted mid-mock
// (state in the database; `/star mock` offers Continue or End, and Continue posts the waiting step again);
// two replicas on one Postgres server taking the steps in turn and the same submission at once (one summary,
// no step twice); a duplicated click and a retried submission (one step); a mock left 24 hours (the scheduler,
// ticked by two replicas at once, ends it with one partial summary); End, and stale buttons of a finished mock.
//
// Bad inputs tried: the same submission sent again after it was saved, and twice at once; Continue clicked
// twice; End clicked twice; Continue and End of an offer whose mock has ended; the question and follow-up
// buttons of a mock that has ended.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_RETRIES, makeScheduler, openMigrated } from '../../harness/scheduler.ts';
import { TestClock } from '../../harness/test-clock.ts';
import { createTestDatabase, onPostgresServer, type TestDatabase } from '../../harness/test-database.ts';
import { type SlackStandin, startSlackStandin } from '../../local-slack/index.ts';
import { answers, followUpAnswers } from '../../src/db/schema/index.ts';
import type { Scheduler } from '../../src/scheduler/scheduler.ts';
import { ACTION_MOCK_CONTINUE, ACTION_MOCK_END, BLOCK_FOLLOW_UP, VIEW_NOTICE } from '../../src/views/ids.ts';
import {
  MOCK_ALREADY_CONTINUED,
  MOCK_CONTINUED,
  MOCK_ENDED,
  MOCK_STALE,
} from '../../src/views/mock-messages.ts';
import { rawSubmission, viewValues } from '../support/drill-driver.ts';
import { shownText } from '../support/shown-text.ts';
import { BOT_TOKEN, SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.ts';
import {
  answerLatest,
  clickOffer,
  GOOD,
  latestStep,
  mockRows,
  offerIn,
  openStep,
  slashMock,
  stepHeaders,
  stepPosts,
  stepValues,
  summaries,
} from './support.ts';

let standin: SlackStandin;
let database: TestDatabase;
const clock = new TestClock(new Date('2027-02-01T09:00:00Z'));

beforeAll(async () => {
  standin = await startSlackStandin({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
  database = await createTestDatabase();
});
afterAll(async () => {
  await standin?.close();
  await database?.drop();
});

const start = () =>
  startTestBot({ standin, database, clock, bot: { scheduler: { cron: false, retryConfig: FAST_RETRIES } } });

let seq = 0;
const newPerson = () => {
  const id = `UMOCK${process.pid.toString(36).toUpperCase()}${(++seq).toString(36).toUpperCase()}`;
  standin.setUser({ id, tz: 'Europe/Paris' });
  return id;
};

const answerFor = (kind: 'star' | 'follow_up', n: number) =>
  kind === 'star' ? GOOD : `In step ${n} I measured it myself: the error rate fell from 8% to 0.1% in a day.`;

describe('a mock interrupted by a restart', () => {
  it('is offered again after the restart, continued, and finished with one summary', async () => {
    const user = newPerson();
    const a = await start();
    try {
      await slashMock(a, user);
      await answerLatest(a, user, GOOD);
      expect(latestStep(a, user).kind).toBe('follow_up');
    } finally {
      await a.bot.stop();
    }
    const b = await start();
    try {
      // A second /star mock offers Continue or End (asked twice: two offers of the same round, as a
      // duplicated click would send the same button twice); Continue posts the waiting follow-up again.
      const offered = offerIn(await slashMock(b, user));
      expect(offered?.map((x) => x.action_id)).toEqual([ACTION_MOCK_CONTINUE, ACTION_MOCK_END]);
      expect(offerIn(await slashMock(b, user))).toEqual(offered);
      const before = stepPosts(b, user).length;
      const first = await clickOffer(b, user, 'continue');
      expect(first.shown).toBe(MOCK_CONTINUED);
      expect(stepPosts(b, user)).toHaveLength(before + 1);
      expect(latestStep(b, user).text).toContain('Continued: the clock starts again now.');
      // The same Continue again, from the other offer: nothing more is posted.
      const again = await clickOffer(b, user, 'continue');
      expect(again.value).toBe(first.value);
      expect(again.shown).toBe(MOCK_ALREADY_CONTINUED);
      expect(stepPosts(b, user)).toHaveLength(before + 1);

      for (let n = 1; n < 6; n++) {
        clock.advance(30_000);
        await answerLatest(b, user, answerFor(latestStep(b, user).kind, n));
      }
      const [mock] = await mockRows(b, user);
      expect(mock).toMatchObject({ step: 6, endReason: 'completed' });
      // The follow-up answered after the restart was timed from its post by Continue.
      expect(mock?.timings.find((x) => x.step === 1)?.seconds).toBe(30);
      expect(summaries(b, user)).toHaveLength(1);
      expect(stepHeaders(b, user)).toEqual([
        'Mock interview · Question 1 of 3',
        'Mock interview · Follow-up to question 1 of 3',
        'Mock interview · Follow-up to question 1 of 3',
        'Mock interview · Question 2 of 3',
        'Mock interview · Follow-up to question 2 of 3',
        'Mock interview · Question 3 of 3',
        'Mock interview · Follow-up to question 3 of 3',
      ]);
    } finally {
      await b.bot.stop();
    }
  }, 180_000);
});

describe('the same step twice', () => {
  it('a duplicated click opens the modal twice, a retried submission and two at once advance it once', async () => {
    const user = newPerson();
    const t = await start();
    try {
      await slashMock(t, user);
      const step = latestStep(t, user);
      const first = await openStep(t, user, step.message, step.button);
      const second = await openStep(t, user, step.message, step.button);
      expect(second.viewId).not.toBe(first.viewId);
      // The second modal replaced the first (one modal at a time), and is the one the person saves.
      const saved = await t.standin.submitView(t.url, {
        userId: user,
        viewId: second.viewId,
        values: viewValues({ ...GOOD }),
      });
      expect(saved.body).toBe('');
      await t.bot.idle();
      // Slack's client retrying it, then the first modal's save and another retry arriving at once.
      const retried = await rawSubmission(t, second.viewId, user, { ...GOOD });
      expect(retried.status).toBe(200);
      await Promise.all([
        rawSubmission(t, first.viewId, user, { ...GOOD }),
        rawSubmission(t, second.viewId, user, { ...GOOD }),
      ]);
      await t.bot.idle();
      const [mock] = await mockRows(t, user);
      expect(mock?.step).toBe(1);
      expect(mock?.timings).toHaveLength(1);
      expect(stepHeaders(t, user)).toEqual([
        'Mock interview · Question 1 of 3',
        'Mock interview · Follow-up to question 1 of 3',
      ]);
      expect(
        await t.bot.ctx.db
          .select()
          .from(answers)
          .where(eq(answers.drillId, mock?.drillIds[0] ?? 0)),
      ).toHaveLength(1);
    } finally {
      await t.bot.stop();
    }
  }, 120_000);
});

describe.skipIf(!onPostgresServer)('two replicas on one Postgres database', () => {
  it('drive the same mock in turn and at once: six steps, each once, one summary', async () => {
    const user = newPerson();
    const a = await start();
    const b = await start();
    try {
      await slashMock(a, user);
      for (let n = 0; n < 6; n++) {
        const [here, there] = n % 2 === 0 ? [a, b] : [b, a];
        const step = latestStep(here, user);
        const { viewId } = await openStep(here, user, step.message, step.button);
        const values = stepValues(step.kind, answerFor(step.kind, n));
        const plain: Record<string, string> =
          step.kind === 'star' ? { ...GOOD } : { [BLOCK_FOLLOW_UP]: answerFor(step.kind, n) as string };
        // The save reaches one replica while a retry of it reaches the other.
        await Promise.all([
          here.standin.submitView(here.url, { userId: user, viewId, values }),
          rawSubmission(there, viewId, user, plain),
        ]);
        await Promise.all([a.bot.idle(), b.bot.idle()]);
      }
      const [mock] = await mockRows(a, user);
      expect(mock).toMatchObject({ step: 6, endReason: 'completed' });
      expect(mock?.timings.map((x) => x.step)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(summaries(a, user)).toHaveLength(1);
      expect(stepHeaders(a, user)).toHaveLength(6);
      expect(new Set(stepHeaders(a, user)).size).toBe(6);
      const followUps = await a.bot.ctx.db.select().from(followUpAnswers);
      expect(followUps.filter((f) => mock?.drillIds.includes(f.drillId))).toHaveLength(3);
    } finally {
      await a.bot.stop();
      await b.bot.stop();
    }
  }, 180_000);
});

describe('a mock left for 24 hours, End, and stale buttons', () => {
  let t: TestBot;
  let other: Scheduler;
  const opened: Array<{ close(): Promise<void> }> = [];
  beforeAll(async () => {
    t = await start();
    const own = onPostgresServer ? await openMigrated(database.config) : undefined;
    if (own) opened.push(own);
    other = (await makeScheduler({ db: own ?? t.bot.database, standin, clock }, { replicaId: 'replica-2' }))
      .scheduler;
  });
  afterAll(async () => {
    await t?.bot.stop();
    for (const h of opened) await h.close();
  });

  it('ends after 24 hours untouched with one partial summary, ticked by two replicas at once', async () => {
    const user = newPerson();
    clock.set('2027-02-02T10:00:00Z');
    await slashMock(t, user);
    await answerLatest(t, user, GOOD);
    const answeredAt = clock.now().getTime();
    // Both replicas tick at once (other people's mocks of this file may be due too: only this one's are counted).
    const tickBoth = async (ms: number) => {
      const at = new Date(answeredAt + ms);
      clock.set(at.toISOString());
      await Promise.all([t.bot.scheduler?.tick(at), other.tick(at)]);
      await t.bot.idle();
      return summaries(t, user).length;
    };
    expect(await tickBoth(24 * 3_600_000 - 60_000)).toBe(0);
    expect(await tickBoth(24 * 3_600_000 + 60_000)).toBe(1);
    expect(await tickBoth(24 * 3_600_000 + 120_000)).toBe(1);
    const posted = summaries(t, user);
    expect(posted).toHaveLength(1);
    const text = shownText(posted[0]?.blocks);
    expect(text).toContain('Mock interview ended after 24 hours untouched');
    expect(text).toContain('You answered *1 of 6* steps');
    const [mock] = await mockRows(t, user);
    expect(mock).toMatchObject({ endReason: 'expired', step: 1 });
    const [stored] = await t.bot.ctx.db
      .select()
      .from(answers)
      .where(eq(answers.drillId, mock?.drillIds[0] ?? 0));
    expect(text).toContain(`STAR answer: *${stored?.score}/100*`);
    expect(text).toContain('Follow-up: not answered');
    expect(text.match(/STAR answer: not answered/g)).toHaveLength(2);

    // The expired mock's follow-up button is stale: a notice, no modal to answer, nothing saved.
    const step = latestStep(t, user);
    const stale = await openStep(t, user, step.message, step.button);
    expect(stale.view?.callback_id).toBe(VIEW_NOTICE);
    expect(shownText(stale.view?.blocks)).toContain('That mock interview has already ended');
    expect(
      await t.bot.ctx.db
        .select()
        .from(followUpAnswers)
        .where(eq(followUpAnswers.drillId, mock?.drillIds[0] ?? 0)),
    ).toEqual([]);
    // A new mock may start now.
    expect(offerIn(await slashMock(t, user))).toBeUndefined();
    expect(await mockRows(t, user)).toHaveLength(2);
  }, 120_000);

  it('End ends it once with a summary; End and Continue of that offer are stale afterwards', async () => {
    const user = newPerson();
    await slashMock(t, user);
    await answerLatest(t, user, GOOD);
    // Three offers of the same mock: End on one, then End and Continue on the older two.
    for (let i = 0; i < 3; i++) expect(offerIn(await slashMock(t, user))).toBeDefined();
    const ended = await clickOffer(t, user, 'end');
    expect(ended.shown).toBe(MOCK_ENDED);
    const again = await clickOffer(t, user, 'end');
    expect(again.value).toBe(ended.value);
    expect(again.shown).toBe(MOCK_STALE);
    const resumed = await clickOffer(t, user, 'continue');
    expect(resumed.shown).toBe(MOCK_STALE);
    const posted = summaries(t, user);
    expect(posted).toHaveLength(1);
    expect(shownText(posted[0]?.blocks)).toContain('Mock interview ended early');
    const [mock] = await mockRows(t, user);
    expect(mock).toMatchObject({ endReason: 'ended', step: 1 });
    expect(mock?.summaryPostedAt).not.toBeNull();
    expect(stepPosts(t, user)).toHaveLength(2);
  }, 120_000);
});
