// "Your answer, saved" in the feedback: a long part is cut at a word boundary and the reply says the full
// answer is kept (Edit answer shows it). Bad inputs tried: a part just over the budget ending mid-word, a
// part that is one 3,000-character word (a pasted URL: cut where it must be), '&' and '<' next to the cut,
// extra spaces and newlines, a short answer (no note).
import type { KnownBlock, SectionBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/bank/load.ts';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import type { Topic } from '../../src/bank/types.ts';
import { CONTENT_DIR } from '../../src/bot.ts';
import type { AnswerFeedback } from '../../src/coach/types.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import { feedbackMessage } from '../../src/views/feedback.ts';
import { escapeClippedAtWord } from '../../src/views/mrkdwn.ts';
import { messageProblems } from './limits.ts';

let bank: QuestionBank;
let topic: Topic;
beforeAll(async () => {
  bank = await loadQuestionBank(CONTENT_DIR);
  topic = bank.topics[0] as Topic;
});

const ANALYSIS: AnswerFeedback = {
  score: 64,
  parts: { situation: 70, task: 60, action: 55, result: 80 },
  checks: [],
  words: { situation: 8, task: 4, action: 10, result: 4, total: 26 },
  speakingSeconds: 10.4,
  missingParts: [],
};

function savedSection(answer: StarAnswer): string {
  const q = topic.questions[0];
  const m = feedbackMessage({
    topic,
    drill: { id: 1, questionId: q?.id ?? '', questionText: q?.text ?? '' },
    answer,
    analysis: ANALYSIS,
    sampleQuestion: bank.sampleQuestion(topic),
  });
  expect(messageProblems(m)).toEqual([]);
  const block = m.blocks.find((b: KnownBlock) =>
    ((b as SectionBlock).text?.text ?? '').includes('*Your answer, saved*'),
  ) as SectionBlock;
  return block.text?.text ?? '';
}

const SHORT: StarAnswer = { situation: 'An outage.', task: 'I led.', action: 'I fixed it.', result: 'Done.' };

describe('Your answer, saved', () => {
  it('cuts a long part after a whole word and says the full answer is kept', () => {
    // "a query that never ends " repeated: a cut at 280 characters lands inside a word.
    const action = 'I traced a query that never ends '.repeat(20);
    const text = savedSection({ ...SHORT, action });
    const line = text.split('\n').find((l) => l.startsWith('*Action:*')) ?? '';
    expect(line.endsWith('…')).toBe(true);
    const shown = line.slice('*Action:* '.length, -1);
    expect(action.startsWith(shown)).toBe(true);
    expect(action.charAt(shown.length)).toBe(' '); // a whole word, not "n…"
    expect(text).toContain('your full answer is kept, and *Edit answer* on the drill shows all of it');
  });

  it('says nothing about shortening when every part is shown whole', () => {
    const text = savedSection(SHORT);
    expect(text).not.toContain('…');
    expect(text).not.toContain('full answer is kept');
  });
});

describe('escapeClippedAtWord', () => {
  it('ends at a word boundary, escaped', () => {
    expect(escapeClippedAtWord('Tom & <Jerry> were fighting', 16)).toEqual({
      text: 'Tom &amp; &lt;Jerry&gt;…',
      cut: true,
    });
    expect(escapeClippedAtWord('Tom  &  Jerry', 20)).toEqual({ text: 'Tom  &amp;  Jerry', cut: false });
  });

  it('cuts one long word where it must (no boundary to find)', () => {
    const url = `https://example.com/${'x'.repeat(3000)}`;
    const { text, cut } = escapeClippedAtWord(url, 280);
    expect(cut).toBe(true);
    expect([...text]).toHaveLength(280);
  });

  it('keeps the whole word when the cut falls right after it', () => {
    expect(escapeClippedAtWord('alpha beta gamma', 12).text).toBe('alpha beta…');
  });
});
