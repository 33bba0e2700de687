// The mock interview's messages, by structure (ids, values) and by the words a person reads.
// Bad inputs tried: a question holding `<!channel>`; a partial summary (unanswered steps, no scores, no stories).

import { describe, expect, it } from 'vitest';
import { summariseMock } from '../../src/progress/mock-summary.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_MOCK_CONTINUE,
  ACTION_MOCK_END,
  ACTION_PRACTISE_FOLLOW_UP,
  BLOCK_MOCK_OFFER,
  BLOCK_MOCK_STEP,
} from '../../src/views/ids.ts';
import {
  mockFollowUpMessage,
  mockOfferMessage,
  mockQuestionMessage,
  mockSummaryMessage,
} from '../../src/views/mock-messages.ts';
import { shownText } from '../support/shown-text.ts';

const actions = (blocks: unknown[], blockId: string) =>
  (blocks as Array<{ block_id?: string; elements?: Array<{ action_id: string; value?: string }> }>)
    .filter((b) => b.block_id === blockId)
    .flatMap((b) => b.elements ?? [])
    .map((e) => [e.action_id, e.value]);

describe('mock interview messages', () => {
  it('a question: the drill’s Answer with STAR, the previous step’s times, the question escaped', () => {
    const m = mockQuestionMessage({
      drillId: 42,
      index: 1,
      total: 3,
      topicTitle: 'Cross-Functional Collaboration',
      questionText: 'Tell me about <!channel> a time.',
      previous: { what: 'the follow-up to question 1', seconds: 95, speakingSeconds: 150 },
    });
    expect(actions(m.blocks, BLOCK_MOCK_STEP)).toEqual([[ACTION_ANSWER_DRILL, '42']]);
    const text = shownText(m.blocks);
    expect(text).toContain(
      ':stopwatch: Your answer to the follow-up to question 1: answered in 1 min 35 s · about 2 min 30 s spoken, 30 s over 2 min.',
    );
    // True of the mock: each answer's feedback is posted in its thread at once, not held for the summary.
    expect(text).toContain('each answer gets its feedback in the thread');
    expect(text).not.toMatch(/feedback comes with the summary/);
    expect(text).toContain('Mock interview · Question 2 of 3');
    expect(text).toContain('Tell me about &lt;!channel&gt; a time.');
    expect(text).not.toContain('<!channel>');
  });

  it('a follow-up: the drill’s follow-up button with its number; Continue says the clock restarts', () => {
    const m = mockFollowUpMessage({
      drillId: 7,
      followUpNumber: 2,
      index: 0,
      total: 3,
      question: 'Why?',
      resumed: true,
    });
    expect(actions(m.blocks, BLOCK_MOCK_STEP)).toEqual([[ACTION_PRACTISE_FOLLOW_UP, '7:2']]);
    expect(shownText(m.blocks)).toContain('Continued: the clock starts again now.');
  });

  it('the offer: Continue and End it, each naming the mock and its round', () => {
    const m = mockOfferMessage({ mockId: 5, round: 2, waiting: 'question 2 of 3' });
    expect(actions(m.blocks, BLOCK_MOCK_OFFER)).toEqual([
      [ACTION_MOCK_CONTINUE, '5:2'],
      [ACTION_MOCK_END, '5:2'],
    ]);
  });

  it('a partial summary says what was not answered, and that nothing stood out', () => {
    const question = (n: number) => ({
      topicSlug: `t${n}`,
      questionId: `q${n}`,
      questionText: `Question ${n}?`,
      followUpNumber: 1,
      followUpText: 'Why?',
    });
    const summary = summariseMock('expired', [
      {
        question: question(1),
        topicTitle: 'Incidents',
        star: { score: null, seconds: null, speakingSeconds: null, checks: [], caps: [] },
        followUp: null,
        story: null,
      },
      { question: question(2), topicTitle: 'Debt', star: null, followUp: null, story: null },
    ]);
    const text = shownText(mockSummaryMessage(summary).blocks);
    expect(text).toContain('Mock interview ended after 24 hours untouched');
    expect(text).toContain('You answered *1 of 4* steps');
    expect(text).toContain('STAR answer: no score · time not known');
    expect(text).toContain('Follow-up: not answered');
    expect(text).toContain('Nothing stood out');
    expect(text).toContain('*Stories used:* none yet');
    expect(text).not.toContain('Strongest');
  });
});
