// One review submitted twice at the same moment (Slack's retry racing the first delivery): exactly one review is
// stored and exactly one reply reaches the author's thread. Both submissions reach one bot on either database;
// on a Postgres server they also reach two replicas (two bots over one database, each with its own pool), which
// the embedded database, owned by one process, cannot host.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgresServer } from '../../harness/test-database.ts';
import { person, startProgressBot, TestClock } from '../progress-e2e/support.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import {
  answeredDrill,
  GOOD_REVIEW,
  openAsk,
  openTheOnlyRequest,
  rawReview,
  requestsOf,
  submitAsk,
  submitReview,
  threadTexts,
} from './support.ts';

const clock = new TestClock(new Date('2027-03-02T10:00:00Z'));
let t: TestBot;

beforeAll(async () => {
  t = await startProgressBot(clock);
});
afterAll(async () => {
  await t?.close();
});

/**
 * An answer asked of a colleague whose review modal is open; its submission is then sent to `first` (as the
 * client sends it) and, at the same moment, to `second` (a retry, signed and built by hand).
 */
async function reviewTwiceAtOnce(first: TestBot, second: TestBot) {
  const { author, d } = await answeredDrill(t, 0);
  const reviewer = person(t, 'Europe/Paris', 'UREV');
  await submitAsk(t, author, await openAsk(t, author, d), { reviewer });
  const { request, modal } = await openTheOnlyRequest(t, author, reviewer);
  const replies = await Promise.all([
    submitReview(first, reviewer, modal, GOOD_REVIEW, 'Clear, and measured.'),
    rawReview(second, reviewer, modal.id, request.id, GOOD_REVIEW),
  ]);
  await Promise.all([first.bot.idle(), second.bot.idle()]);
  expect(replies.map((r) => r.status)).toEqual([200, 200]);
  // Both reached a bot: one stored the review, the other found it stored and said so beside the field.
  const answered = replies.map(
    (r) => r.json as { response_action?: string; errors?: Record<string, string> },
  );
  expect(answered.map((a) => a.response_action).sort()).toEqual(['errors', 'update']);
  expect(JSON.stringify(answered)).toContain('reviewed this answer already');
  return { author, d };
}

async function expectOneReview({ author, d }: Awaited<ReturnType<typeof reviewTwiceAtOnce>>) {
  const rows = await requestsOf(t, author);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: 'reviewed', ...GOOD_REVIEW });
  expect(rows[0]?.replyTs).toBeTruthy();
  expect(threadTexts(t, d).filter((x) => x.includes('reviewed your answer'))).toHaveLength(1);
  const threadPosts = t.standin
    .callsTo('chat.postMessage')
    .filter((c) => c.args.thread_ts === d.ts && String(c.args.text ?? '').includes('reviewed your answer'));
  expect(threadPosts).toHaveLength(1);
}

describe('one review submitted twice at once', () => {
  it('to one bot: one review stored, one reply in the thread', async () => {
    await expectOneReview(await reviewTwiceAtOnce(t, t));
  }, 60_000);

  it.runIf(onPostgresServer)(
    'to two replicas on one database: one review stored, one reply in the thread',
    async () => {
      const replica = await startTestBot({
        standin: t.standin,
        database: t.database,
        clock,
        bot: { scheduler: false },
      });
      try {
        await expectOneReview(await reviewTwiceAtOnce(t, replica));
      } finally {
        await replica.close();
      }
    },
    60_000,
  );
});
