// Ask a colleague end to end, over HTTP against the local Slack: an author asks a colleague (a users_select in
// a modal with a preview), the colleague gets one DM with Review and Decline, reviews in a modal, and the
// author reads the review in the drill's thread and the average on Home (of one review, then of two from two
// colleagues); both exports list it. A decline is told kindly.
//
// Bad inputs tried here: a rating left blank (field error, nothing stored); the ask modal submitted twice
// (Slack's retry: one request, one DM); Review clicked twice and the review submitted twice (one review, one
// reply); a note full of mrkdwn (`<!channel>`, `<@U…>`, `&`) shown escaped; Decline then a stale Review; Slack
// refusing the DM (the request is dropped, the author told).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTION_PEER_DECLINE,
  ACTION_PEER_REVIEW,
  BLOCK_ASK_REVIEWER,
  VIEW_ASK_COLLEAGUE,
  VIEW_PEER_REVIEW,
} from '../../src/views/ids.ts';
import { peerRatingBlock } from '../../src/views/peer-review.ts';
import { openHome, person, star, startProgressBot, TestClock, topicAt } from '../progress-e2e/support.ts';
import { rawSubmission } from '../support/drill-driver.ts';
import { shownText } from '../support/shown-text.ts';
import type { TestBot } from '../support/test-bot.ts';
import {
  answeredDrill,
  clickInDm,
  fieldError,
  GOOD_REVIEW,
  openAsk,
  openReview,
  rawReview,
  requestDms,
  requestsOf,
  staleClick,
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

/** The Markdown of the person's latest export. */
async function exported(userId: string): Promise<string> {
  await star(t, userId, 'export');
  const file = t.standin
    .messages(t.standin.dmChannelFor(userId))
    .filter((m) => (m.files?.length ?? 0) > 0)
    .at(-1)?.files?.[0];
  return t.standin.file(file?.id ?? '')?.bytes?.toString('utf8') ?? '';
}

describe('ask a colleague', () => {
  it('asks, the colleague reviews once, the author reads it in the thread and on Home, both export it', async () => {
    const { author, d } = await answeredDrill(t, 0);
    const reviewer = person(t, 'Europe/Paris', 'UREV');
    const question = topicAt(t, 0);

    // 1. The ask modal: a people picker, and a preview of exactly what they will see (never the score).
    const modal = await openAsk(t, author, d);
    expect(modal.view.callback_id).toBe(VIEW_ASK_COLLEAGUE);
    const preview = shownText(modal.view.blocks);
    expect(preview).toContain('What they will see');
    expect(preview).toContain(escapeForSlack(d.drill.questionText));
    expect(preview).not.toContain("Star Drill's score");
    expect(JSON.stringify(modal.view.blocks)).toContain('"users_select"');

    // 2. Sent: one request, one DM to the colleague with the question, the answer, the escaped note, and no score.
    const note = 'Is my <!channel> result & <@U0BOSS> convincing?';
    const sent = await submitAsk(t, author, modal, { reviewer, note });
    expect(sent.body).toBe('');
    const [request] = await requestsOf(t, author);
    expect(request).toMatchObject({ reviewerId: reviewer, status: 'pending', sharedScore: null, note });
    expect(request?.dmTs).toBeTruthy();
    const [dm] = requestDms(t, reviewer);
    const dmText = shownText(dm?.blocks);
    expect(dmText).toContain('Is my &lt;!channel&gt; result &amp; &lt;@U0BOSS&gt; convincing?');
    expect(dmText).not.toContain('<!channel>');
    expect(dmText).toContain(escapeForSlack(d.drill.questionText));
    expect(dmText).toContain(`<@${author}> is practising for interviews`);
    expect(dmText).not.toContain("Star Drill's score");
    expect(threadTexts(t, d).join('\n')).toContain(`Sent to <@${reviewer}> for review`);

    // Slack retries the submission (same modal, same view id): still one request and one DM.
    const retried = await rawSubmission(
      t,
      modal.id,
      author,
      {},
      {
        callback_id: VIEW_ASK_COLLEAGUE,
        private_metadata: String(d.drill.id),
        state: {
          values: { [BLOCK_ASK_REVIEWER]: { reviewer: { type: 'users_select', selected_user: reviewer } } },
        },
      },
    );
    expect(retried.status).toBe(200);
    await t.bot.idle();
    expect(await requestsOf(t, author)).toHaveLength(1);
    expect(requestDms(t, reviewer)).toHaveLength(1);
    expect(t.standin.callsTo('chat.postMessage').filter((c) => c.args.channel === reviewer)).toHaveLength(1);

    // 3. Review clicked twice (the second modal replaces the first), then the review submitted twice (Slack's
    // retry): one review. A blank rating first: a field error, nothing stored.
    const id = request?.id ?? 0;
    await openReview(t, reviewer, dm as NonNullable<typeof dm>, id);
    const second = await openReview(t, reviewer, dm as NonNullable<typeof dm>, id);
    expect(second.view.callback_id).toBe(VIEW_PEER_REVIEW);
    const blank = await submitReview(
      t,
      reviewer,
      second,
      { ...GOOD_REVIEW, measuredResult: null },
      'x',
      false,
    );
    expect(fieldError(blank, peerRatingBlock('measuredResult'))).toBe('Choose a rating from 1 to 5.');
    expect((await requestsOf(t, author))[0]?.status).toBe('pending');
    const comment = 'Strong <b>result</b> & numbers; say what *you* did first.';
    const reviewed = await submitReview(t, reviewer, second, GOOD_REVIEW, comment);
    expect(reviewed.json).toMatchObject({ response_action: 'update' });
    const again = await rawReview(t, reviewer, second.id, id, { ...GOOD_REVIEW, wouldHire: 1 });
    expect(fieldError(again, peerRatingBlock('clearSituation'))).toContain('reviewed this answer already');
    const [stored] = await requestsOf(t, author);
    expect(stored).toMatchObject({ status: 'reviewed', ...GOOD_REVIEW, comment, ofEarlierVersion: false });

    // 4. The author reads it in the drill's thread, once; the colleague's DM no longer shows the answer.
    const reviews = threadTexts(t, d).filter((x) => x.includes('reviewed your answer'));
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toContain(`<@${reviewer}> reviewed your answer: 4/5 overall`);
    expect(reviews[0]).toContain('The result is measured: *3/5*');
    expect(reviews[0]).toContain('Strong &lt;b&gt;result&lt;/b&gt; &amp; numbers');
    const closedDm = shownText(t.standin.message(dm?.channel ?? '', dm?.ts ?? '')?.blocks);
    expect(closedDm).toContain('Thank you: your review');
    expect(closedDm).not.toContain('*Situation*');
    expect(closedDm).not.toContain('Is my');

    // 5. Home: the average peer rating of the topic.
    const { text: home } = await openHome(t, author);
    expect(home).toContain('*Peer reviews* · average rating per topic');
    expect(home).toContain(`*${escapeForSlack(question.title)}*: 4/5 from 1 review`);

    // 6. The author's export lists the request and its review; the colleague's, the review they gave.
    const mine = await exported(author);
    expect(mine).toContain('# Colleagues you asked for a review');
    expect(mine).toContain(`Slack user ${reviewer} · **Status:** reviewed`);
    expect(mine).toContain('- The result is measured: 3/5');
    const theirs = await exported(reviewer);
    expect(theirs).toContain('# Reviews you gave');
    expect(theirs).toContain(`**Answer by:** Slack user ${author}`);
    expect(theirs).toContain(comment);
  }, 120_000);

  it('Home averages a topic’s reviews from two colleagues, each review the mean of its four ratings', async () => {
    const { author, d } = await answeredDrill(t, 3);
    const all5 = { clearSituation: 5, ownActions: 5, measuredResult: 5, wouldHire: 5 };
    // GOOD_REVIEW's mean is 4, all fives 5: the topic's average is 4.5 from 2 reviews.
    for (const ratings of [GOOD_REVIEW, all5]) {
      const reviewer = person(t, 'Europe/Paris', 'UREV');
      await submitAsk(t, author, await openAsk(t, author, d), { reviewer });
      const request = (await requestsOf(t, author)).find((r) => r.reviewerId === reviewer);
      const [dm] = requestDms(t, reviewer);
      if (!request || !dm) throw new Error('no request');
      await submitReview(t, reviewer, await openReview(t, reviewer, dm, request.id), ratings);
    }
    const reviewed = (await requestsOf(t, author)).filter((r) => r.status === 'reviewed');
    expect(new Set(reviewed.map((r) => r.reviewerId)).size).toBe(2);
    const { text: home } = await openHome(t, author);
    expect(home).toContain(`*${escapeForSlack(topicAt(t, 3).title)}*: 4.5/5 from 2 reviews`);
  }, 60_000);

  it('a decline is told kindly; a stale Review button then opens a notice and changes nothing', async () => {
    const { author, d } = await answeredDrill(t, 1);
    const reviewer = person(t, 'Europe/Paris', 'UREV');
    await submitAsk(t, author, await openAsk(t, author, d), { reviewer, includeScore: true });
    const [request] = await requestsOf(t, author);
    expect(request?.sharedScore).not.toBeNull();
    const [dm] = requestDms(t, reviewer);
    if (!dm || !request) throw new Error('no request');
    expect(shownText(dm.blocks)).toContain(`*Star Drill's score:* ${request.sharedScore}/100`);

    await clickInDm(t, reviewer, dm, ACTION_PEER_DECLINE, request.id);
    expect((await requestsOf(t, author))[0]?.status).toBe('declined');
    expect(threadTexts(t, d).join('\n')).toContain(
      `<@${reviewer}> can't review this one right now, and that's fine`,
    );
    expect(shownText(t.standin.message(dm.channel, dm.ts)?.blocks)).toContain('You declined to review');

    // Decline clicked again from a client that still shows the buttons: nothing more happens.
    await staleClick(t, reviewer, ACTION_PEER_DECLINE, String(request.id));
    const opens = t.standin.count('views.open');
    await staleClick(t, reviewer, ACTION_PEER_REVIEW, String(request.id));
    expect(t.standin.count('views.open')).toBe(opens + 1);
    expect(shownText(t.standin.openModal(reviewer)?.view.blocks)).toContain('You declined this request');
    expect((await requestsOf(t, author))[0]).toMatchObject({ status: 'declined', clearSituation: null });
    expect(threadTexts(t, d).filter((x) => x.includes("can't review"))).toHaveLength(1);
  }, 60_000);

  it('Slack refusing the DM drops the request and tells the author it was not sent', async () => {
    const { author, d } = await answeredDrill(t, 2);
    const reviewer = person(t, 'Europe/Paris', 'UREV');
    t.standin.intercept('chat.postMessage', ({ args }) =>
      args.channel === reviewer ? { error: 'channel_not_found' } : undefined,
    );
    try {
      const sent = await submitAsk(t, author, await openAsk(t, author, d), { reviewer });
      expect(sent.body).toBe('');
    } finally {
      t.standin.clearIntercepts();
    }
    expect(await requestsOf(t, author)).toEqual([]);
    expect(requestDms(t, reviewer)).toEqual([]);
    const thread = threadTexts(t, d).join('\n');
    expect(thread).toContain(
      `could not reach <@${reviewer}> on Slack just now, so your request was *not sent*`,
    );
    expect(thread).not.toContain('Sent to');
  }, 60_000);
});

/** Guide text as the bot shows it in mrkdwn. */
function escapeForSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
