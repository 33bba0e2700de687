// The feedback in a drill's thread (src/views/feedback.ts), by structure.
// Bad inputs tried: checks whose why and suggestion quote 3,000 '&' or '<!channel>' (the candidate's words);
// all four answer parts of 3,000 '&', '<', emoji, '<!channel> ' (every part must still be shown, labelled);
// a drill on the sample's own question and on another; no rating, each rating; a previous score higher,
// lower and equal; a synthetic topic with 3,000-character sample parts.
import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/bank/load.ts';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import type { Topic } from '../../src/bank/types.ts';
import { CONTENT_DIR } from '../../src/bot.ts';
import { analyseAnswer } from '../../src/coach/analyse.ts';
import type { AnswerFeedback, CheckResult } from '../../src/coach/types.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import { type FeedbackInput, feedbackMessage, spokenLabel } from '../../src/views/feedback.ts';
import { breakdownModal } from '../../src/views/feedback-breakdown.ts';
import { ACTION_PRACTISE_FOLLOW_UP, BLOCK_RATING } from '../../src/views/ids.ts';
import {
  HALF_ENTITY,
  LONE_SURROGATE,
  messageProblems,
  RAW_MENTION,
  shownText,
  WORST_PARTS,
} from './limits.ts';

let bank: QuestionBank;
let incidents: Topic;
beforeAll(async () => {
  bank = await loadQuestionBank(CONTENT_DIR);
  incidents = bank.topic('handling-production-incidents') as Topic;
});

const ANSWER: StarAnswer = {
  situation: 'Checkout failed for 15% of users at peak.',
  task: 'I was on call.',
  action: 'I raised the pool size and added a circuit breaker.',
  result: 'Back in 45 minutes.',
};

const check = (over: Partial<CheckResult>): CheckResult => ({
  id: 'measured',
  label: 'Result is measured',
  passed: true,
  points: 22,
  maxPoints: 22,
  why: 'Your Result says "45 minutes".',
  suggestion: 'Keep the number.',
  strategy: { number: 3, title: 'Quantify your impact' },
  ...over,
});

const ANALYSIS: AnswerFeedback = {
  score: 64,
  parts: { situation: 70, task: 60, action: 55, result: 80 },
  checks: [
    check({}),
    check({
      id: 'ownership',
      label: 'Ownership: told as "I"',
      passed: false,
      points: 8,
      why: "Your Action says 'we' 4 times and 'I' once.",
      suggestion: 'Say what you did: "I traced...".',
      strategy: { number: 1, title: 'Review your experiences' },
    }),
  ],
  words: { situation: 8, task: 4, action: 10, result: 4, total: 26 },
  speakingSeconds: 10.4,
  missingParts: [],
};

function input(over: Partial<FeedbackInput> = {}): FeedbackInput {
  const q1 = incidents.questions[0];
  return {
    topic: incidents,
    drill: { id: 42, questionId: q1?.id ?? '', questionText: q1?.text ?? '' },
    answer: ANSWER,
    analysis: ANALYSIS,
    sampleQuestion: bank.sampleQuestion(incidents),
    ...over,
  };
}

const textOf = (block: KnownBlock | undefined) => (block as SectionBlock | undefined)?.text?.text ?? '';
const ratingActions = (blocks: KnownBlock[]) =>
  blocks.find((b) => b.type === 'actions' && b.block_id === BLOCK_RATING) as ActionsBlock;

describe('feedbackMessage', () => {
  it('states the score exactly as "Score: NN/100" in the text and first; the per-part scores are in the breakdown', () => {
    const m = feedbackMessage(input());
    expect(m.text).toBe('Score: 64/100. Improve first: Ownership: told as "I".');
    expect(textOf(m.blocks[0])).toMatch(/^:dart: \*Score: 64\/100\*\n/);
    expect(textOf(m.blocks[0])).toContain('about 10 s spoken (26 words; aim for about 2 minutes)');
    expect(messageProblems(m)).toEqual([]);
    const modal = breakdownModal({ questionText: 'Q?', analysis: ANALYSIS });
    expect(shownText(modal.blocks)).toContain('Situation 70 · Task 60 · Action 55 · Result 80');
  });

  it('says the change after an edit: up, down or the same', () => {
    expect(feedbackMessage(input({ previousScore: 50 })).text).toMatch(/^Score: 64\/100, up from 50\./);
    expect(feedbackMessage(input({ previousScore: 70 })).text).toMatch(/^Score: 64\/100, down from 70\./);
    expect(feedbackMessage(input({ previousScore: 64 })).text).toMatch(
      /^Score: 64\/100, same as last time\./,
    );
  });

  it('lists what to improve first, each with its suggestion and its strategy, then what worked in one line', () => {
    const m = feedbackMessage(input());
    const improve = textOf(m.blocks[1]);
    expect(improve).toMatch(/^\*Improve first\*\n1\. \*Ownership: told as "I"\* \(8\/22\)/);
    expect(improve).toContain("Your Action says 'we' 4 times and 'I' once.");
    expect(improve).toContain('→ Say what you did: "I traced...".');
    expect(improve).toContain('_(strategy 1: Review your experiences)_');
    // What worked names the passed checks only: no why, no strategy, nothing said against them.
    expect(textOf(m.blocks[2])).toBe('*What worked:* Result is measured');
  });

  it('labels the sample with the question it was written for, and says so when that is another question', () => {
    const own = feedbackMessage(input());
    expect(shownText(own.blocks)).toContain("The guide's sample answer to this question");
    const other = incidents.questions[2];
    const m = feedbackMessage(
      input({ drill: { id: 42, questionId: other?.id ?? '', questionText: other?.text ?? '' } }),
    );
    const heading = shownText(m.blocks);
    expect(heading).toContain(`written for another question: _${bank.sampleQuestion(incidents).text}_`);
    expect(heading).toContain('Use it for its structure');
    // The sample itself, verbatim, part by part.
    for (const part of ['situation', 'task', 'action', 'result'] as const) {
      expect(heading).toContain((incidents.sampleAnswer?.[part] ?? '(none)').slice(0, 60));
    }
  });

  it('offers each follow-up with its own "Practise this follow-up" button carrying drill and number', () => {
    const m = feedbackMessage(input());
    const buttons = m.blocks
      .flatMap((b) => ((b as SectionBlock).accessory ? [(b as SectionBlock).accessory as Button] : []))
      .filter((a) => a.action_id === ACTION_PRACTISE_FOLLOW_UP);
    expect(buttons.map((b) => b.value)).toEqual(['42:1', '42:2', '42:3']);
    expect(buttons.map((b) => b.text.text)).toEqual(Array(3).fill('Practise this follow-up'));
    expect(shownText(m.blocks)).toContain(`1. ${incidents.followUps[0]}`);
  });

  it('asks for a rating with four buttons, and marks the chosen one with when it comes back', () => {
    const none = ratingActions(feedbackMessage(input()).blocks);
    expect(
      none.elements.map((e) => [(e as Button).action_id, (e as Button).value, (e as Button).text.text]),
    ).toEqual([
      ['rate_drill_again', '42:again', 'Again'],
      ['rate_drill_hard', '42:hard', 'Hard'],
      ['rate_drill_good', '42:good', 'Good'],
      ['rate_drill_easy', '42:easy', 'Easy'],
    ]);
    expect(none.elements.some((e) => (e as Button).style)).toBe(false);

    const m = feedbackMessage(input({ rating: 'good', nextReviewAt: new Date('2026-12-03T09:00:00Z') }));
    const chosen = ratingActions(m.blocks).elements.filter((e) => (e as Button).style === 'primary');
    expect(chosen.map((e) => (e as Button).text.text)).toEqual(['✓ Good']);
    expect(shownText(m.blocks)).toMatch(/You rated it \*Good\*\. It comes back <!date\^1796288400\^/);
  });

  it('escapes and budgets what quotes the candidate: every part and every check survives the worst text', () => {
    for (const [name, worst] of Object.entries(WORST_PARTS)) {
      const answer = { situation: worst, task: worst, action: worst, result: worst };
      const checks = ANALYSIS.checks.map((c) => ({ ...c, why: worst, suggestion: worst }));
      const m = feedbackMessage(input({ answer, analysis: { ...ANALYSIS, checks } }));
      expect(messageProblems(m), name).toEqual([]);
      const shown = shownText(m.blocks);
      expect(shown, name).not.toMatch(RAW_MENTION);
      expect(shown, name).not.toMatch(LONE_SURROGATE);
      expect(shown, name).not.toMatch(HALF_ENTITY);
      for (const label of ['Situation', 'Task', 'Action', 'Result'])
        expect(shown, name).toContain(`*${label}:* `);
    }
  });

  it('reads a real analysis of the guide’s own sample: a high score, every check shown', () => {
    const sample = incidents.sampleAnswer;
    if (!sample) throw new Error('the built-in incidents topic has no sample answer');
    const analysis = analyseAnswer(sample, {
      topic: incidents,
      questionText: bank.sampleQuestion(incidents).text,
      strategies: bank.strategies,
    });
    const m = feedbackMessage(input({ answer: sample, analysis }));
    expect(m.text).toMatch(/^Score: (8\d|9\d|100)\/100\./);
    const shown = shownText(m.blocks);
    for (const c of analysis.checks) expect(shown).toContain(c.label.replace(/"/g, '"'));
    expect(messageProblems(m)).toEqual([]);
  });
});

describe('spokenLabel', () => {
  it.each([
    [10.4, 'about 10 s spoken'],
    [60, 'about 1 min spoken'],
    [100, 'about 1 min 40 s spoken'],
    [185.6, 'about 3 min 6 s spoken'],
  ])('%d s -> %s', (seconds, label) => {
    expect(spokenLabel(seconds)).toBe(label);
  });
});
