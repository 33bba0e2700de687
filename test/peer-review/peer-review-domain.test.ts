// Ask a colleague's pure rules (drills/peer-review.ts) and Block Kit (views/peer-request.ts, peer-review.ts):
// who may be asked, what a review must hold, and every view within Slack's limits and escaped whatever the text.
import { describe, expect, it } from 'vitest';
import {
  type ColleagueFacts,
  checkColleague,
  checkNote,
  checkReview,
  overallRating,
  ratingLabel,
} from '../../src/drills/peer-review.ts';
import {
  askColleagueModal,
  peerRequestClosedMessage,
  peerRequestMessage,
  type SharedAnswer,
} from '../../src/views/peer-request.ts';
import { peerRatingBlocks, peerReviewModal, peerReviewReply } from '../../src/views/peer-review.ts';
import { messageProblems, modalProblems, RAW_MENTION, shownText, WORST_PARTS } from '../views/limits.ts';

const person = (over: Partial<ColleagueFacts> = {}): ColleagueFacts => ({
  id: 'U2',
  teamId: 'T1',
  isBot: false,
  deleted: false,
  ...over,
});
const ask = (pickedId: string | undefined, facts: ColleagueFacts | undefined, asksToday = 0) =>
  checkColleague({ authorId: 'U1', teamId: 'T1', pickedId, facts, asksToday });

describe('who may be asked', () => {
  it('takes a colleague of the same workspace, up to 5 times a day', () => {
    expect(ask('U2', person())).toEqual({ ok: true });
    expect(ask('U2', person({ teamId: undefined }))).toEqual({ ok: true });
    expect(ask('U2', person(), 4)).toEqual({ ok: true });
  });

  it.each([
    ['no one', undefined, person(), 0, /Choose the colleague/],
    ['yourself', 'U1', person({ id: 'U1' }), 0, /That is you/],
    ['a stranger to Slack', 'U2', undefined, 0, /Slack does not know/],
    ['a bot', 'U2', person({ isBot: true }), 0, /bot/],
    ['a deactivated account', 'U2', person({ deleted: true }), 0, /deactivated/],
    ['another workspace', 'U2', person({ teamId: 'T9' }), 0, /another workspace/],
    ['a 6th ask', 'U2', person(), 5, /5 times in the last 24 hours/],
  ] as const)('refuses %s with a message', (_, picked, facts, asks, message) => {
    const checked = ask(picked, facts, asks);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.error).toMatch(message);
  });

  it('cleans the note and refuses one over 500 characters', () => {
    expect(checkNote('  hi\u0007 ')).toEqual({ ok: true, note: 'hi' });
    expect(checkNote('   ')).toEqual({ ok: true, note: null });
    expect(checkNote('😀'.repeat(501))).toEqual({
      ok: false,
      error: 'Keep the note to 500 characters (this one has 501).',
    });
  });
});

describe('a review', () => {
  it('needs four ratings from 1 to 5; a forged or blank one is named', () => {
    const full = { clearSituation: '5', ownActions: '4', measuredResult: '3', wouldHire: '4' };
    expect(checkReview(full, ' Good. ')).toEqual({
      ok: true,
      ratings: { clearSituation: 5, ownActions: 4, measuredResult: 3, wouldHire: 4 },
      comment: 'Good.',
    });
    expect(checkReview({ ...full, ownActions: '7', wouldHire: null }, '')).toEqual({
      ok: false,
      errors: { ownActions: 'Choose a rating from 1 to 5.', wouldHire: 'Choose a rating from 1 to 5.' },
    });
    const long = checkReview(full, 'x'.repeat(1501));
    expect(long.ok ? '' : long.errors.comment).toMatch(/1500 characters \(this one has 1501\)/);
  });

  it('reads back as one overall rating, one decimal', () => {
    expect(overallRating({ clearSituation: 5, ownActions: 4, measuredResult: 3, wouldHire: 4 })).toBe(4);
    expect(ratingLabel(4)).toBe('4/5');
    expect(ratingLabel(3.25)).toBe('3.3/5');
  });
});

describe('within Slack’s limits and escaped, whatever the text', () => {
  it.each(Object.entries(WORST_PARTS))('with texts of %s', (_, text) => {
    // Cut as a person's text is: by characters, never inside an emoji.
    const first = (n: number) => [...text].slice(0, n).join('');
    const shared: SharedAnswer = {
      authorId: 'U1',
      topicTitle: first(200),
      questionText: text,
      answer: { situation: text, task: text, action: text, result: text },
      score: 72,
      note: first(500),
    };
    const views = [
      askColleagueModal({ drillId: 1, shared }),
      peerReviewModal({ requestId: 1, authorId: 'U1', questionText: text }),
    ];
    for (const v of views) expect(modalProblems(v)).toEqual([]);
    const messages = [
      peerRequestMessage(1, shared),
      peerRequestClosedMessage({ authorId: 'U1', questionText: text, closed: 'withdrawn' }),
      peerReviewReply({
        reviewerId: 'U2',
        ratings: { clearSituation: 1, ownActions: 2, measuredResult: 3, wouldHire: 4 },
        comment: first(1500),
        ofEarlierVersion: true,
      }),
    ];
    for (const m of messages) {
      expect(messageProblems(m)).toEqual([]);
      expect(shownText(m.blocks).replace(/<@U[12]>/g, '')).not.toMatch(RAW_MENTION);
    }
    expect(peerRatingBlocks([{ topicTitle: text, average: 4.25, reviews: 2 }])).toHaveLength(2);
  });

  it('the preview shows the answer but never the score; the DM shows the score only when shared', () => {
    const shared: SharedAnswer = {
      authorId: 'U1',
      topicTitle: 'Conflict',
      questionText: 'Tell me about a conflict.',
      answer: { situation: 'S text', task: 'T text', action: 'A text', result: 'R text' },
      score: 72,
      note: null,
    };
    const preview = shownText(askColleagueModal({ drillId: 1, shared }).blocks);
    expect(preview).toContain('S text');
    expect(preview).not.toContain("Star Drill's score");
    expect(shownText(peerRequestMessage(1, shared).blocks)).toContain("*Star Drill's score:* 72/100");
    expect(shownText(peerRequestMessage(1, { ...shared, score: null }).blocks)).not.toContain('score');
  });
});
