// The mock interview's pure rules: its steps, the follow-up of a question, times as they are shown, the plan
// (weakest topics first, three different ones, a follow-up of each) and the summary (strongest, weakest, the
// two things to practise, the stories).
// Bad inputs tried: a step past the end; no post time; a negative duration; a summary with nothing answered,
// with one scored answer, with tied scores and with an answer the coach gave no score; a bank of two topics.

import { describe, expect, it } from 'vitest';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import type { Topic } from '../../src/bank/types.ts';
import type { CheckResult } from '../../src/coach/types.ts';
import {
  doneStep,
  durationLabel,
  followUpFor,
  type MockQuestion,
  secondsBetween,
  spokenAgainstTarget,
  stepOf,
} from '../../src/drills/mock-interview.ts';
import { planMockInterview } from '../../src/progress/mock-plan.ts';
import {
  type MockAnswerResult,
  type MockQuestionResult,
  practiseNext,
  summariseMock,
} from '../../src/progress/mock-summary.ts';

describe('steps', () => {
  it('alternate a question and its follow-up; 2 x questions is done', () => {
    expect([0, 1, 2, 5].map(stepOf)).toEqual([
      { kind: 'star', question: 0, step: 0 },
      { kind: 'follow_up', question: 0, step: 1 },
      { kind: 'star', question: 1, step: 2 },
      { kind: 'follow_up', question: 2, step: 5 },
    ]);
    expect(doneStep([1, 2, 3])).toBe(6);
  });

  it('times a step in whole seconds, never below zero, and not at all without a post time', () => {
    const at = new Date('2027-01-01T10:00:00Z');
    expect(secondsBetween(new Date('2027-01-01T09:57:29.600Z'), at)).toBe(150);
    expect(secondsBetween(new Date('2027-01-01T10:00:05Z'), at)).toBe(0);
    expect(secondsBetween(null, at)).toBeNull();
  });

  it('takes the guide’s follow-ups in turn by question number', () => {
    const topic = { followUps: ['A?', 'B?'] };
    expect([1, 2, 3].map((n) => followUpFor(topic, n))).toEqual([
      { number: 1, text: 'A?' },
      { number: 2, text: 'B?' },
      { number: 1, text: 'A?' },
    ]);
  });

  it.each([
    [0, '0 s', 'about 0 s spoken, within 2 min'],
    [45, '45 s', 'about 45 s spoken, within 2 min'],
    [120, '2 min 00 s', 'about 2 min 00 s spoken, within 2 min'],
    [185, '3 min 05 s', 'about 3 min 05 s spoken, 1 min 05 s over 2 min'],
    [-3, '0 s', 'about 0 s spoken, within 2 min'],
  ])('%s s reads %s, and against two minutes %s', (seconds, label, spoken) => {
    expect(durationLabel(seconds)).toBe(label);
    expect(spokenAgainstTarget(seconds)).toBe(spoken);
  });
});

const topic = (slug: string, n: number): Topic => ({
  slug,
  number: n,
  title: slug.toUpperCase(),
  keyConcepts: 'k',
  questions: [1, 2].map((q) => ({
    id: `q_${slug}${q}`.padEnd(12, '0'),
    topicSlug: slug,
    number: q,
    text: `${slug} ${q}?`,
  })),
  sampleAnswer: { situation: 's', task: 't', action: 'a', result: 'r' },
  followUps: [`${slug} follow-up 1?`, `${slug} follow-up 2?`],
  sourceFile: 'guide.md',
});

function bankOf(topics: Topic[]): Pick<QuestionBank, 'topic' | 'topics'> {
  return { topics, topic: (slug: string) => topics.find((t) => t.slug === slug) };
}

describe('planMockInterview', () => {
  const NOW = new Date('2027-01-12T12:00:00Z');
  const topics = ['a', 'b', 'c', 'd', 'e'].map(topic);

  it('asks the three weakest topics, one question and one follow-up each', () => {
    const answered = [
      { topicSlug: 'a', answeredAt: new Date('2027-01-10T10:00:00Z'), score: 90 },
      { topicSlug: 'b', answeredAt: new Date('2027-01-10T10:00:00Z'), score: 40 },
      { topicSlug: 'c', answeredAt: new Date('2027-01-10T10:00:00Z'), score: 70 },
    ];
    const history = answered.map((a) => ({
      topicSlug: a.topicSlug,
      questionId: `q_${a.topicSlug}1`.padEnd(12, '0'),
      askedAt: a.answeredAt,
    }));
    const plan = planMockInterview({ bank: bankOf(topics), answered, history, rated: new Map(), now: NOW });
    // Never practised first (d, e), then the one that needs work (b, scored under 60).
    expect(plan.map((q) => q.topicSlug)).toEqual(['d', 'e', 'b']);
    // b's first question was asked: its second comes, with the follow-up of its number.
    expect(plan[2]).toEqual({
      topicSlug: 'b',
      questionId: 'q_b2'.padEnd(12, '0'),
      questionText: 'b 2?',
      followUpNumber: 2,
      followUpText: 'b follow-up 2?',
    });
  });

  it('asks as many as there are topics when the guide has fewer than three', () => {
    const plan = planMockInterview({
      bank: bankOf(topics.slice(0, 2)),
      answered: [],
      history: [],
      rated: new Map(),
      now: NOW,
    });
    expect(plan.map((q) => q.topicSlug)).toEqual(['a', 'b']);
  });
});

const check = (id: CheckResult['id'], label: string, points: number, maxPoints: number): CheckResult => ({
  id,
  label,
  passed: points === maxPoints,
  points,
  maxPoints,
  why: 'why',
  suggestion: `do ${label}`,
});

const result = (score: number | null, checks: CheckResult[] = []): MockAnswerResult => ({
  score,
  seconds: 60,
  speakingSeconds: 90,
  checks,
  caps: [],
});

const Q = (n: number): MockQuestion => ({
  topicSlug: `t${n}`,
  questionId: `q${n}`,
  questionText: `Question ${n}?`,
  followUpNumber: 1,
  followUpText: `Follow-up ${n}?`,
});

const asked = (
  n: number,
  star: MockAnswerResult | null,
  followUp: MockAnswerResult | null,
  story: string | null = null,
): MockQuestionResult => ({
  question: Q(n),
  topicTitle: `Topic ${n}`,
  star,
  followUp,
  story,
});

describe('summariseMock', () => {
  it('names the strongest and weakest answers, the two costliest things and the stories once each', () => {
    const s = summariseMock('completed', [
      asked(1, result(80, [check('measured', 'Measured result', 5, 20)]), result(70), 'Outage'),
      asked(
        2,
        result(55, [
          check('ownership', 'Owns the outcome', 2, 20),
          check('measured', 'Measured result', 10, 20),
        ]),
        result(60),
        'Outage',
      ),
      asked(3, result(80, [check('specific', 'Specific', 12, 15)]), result(null), 'Migration'),
    ]);
    expect(s).toMatchObject({
      strongest: 0,
      weakest: 1,
      answeredSteps: 6,
      steps: 6,
      stories: ['Outage', 'Migration'],
    });
    // Measured result lost 15 + 10 points, Owns the outcome 18, Specific 3.
    expect(s.practise).toEqual([
      { kind: 'check', label: 'Measured result', suggestion: 'do Measured result' },
      { kind: 'check', label: 'Owns the outcome', suggestion: 'do Owns the outcome' },
    ]);
  });

  it('a partial mock: no weakest of one answer, the unanswered steps not counted', () => {
    const s = summariseMock('expired', [
      asked(1, result(70), null),
      asked(2, null, null),
      asked(3, null, null),
    ]);
    expect(s).toMatchObject({ strongest: 0, weakest: null, answeredSteps: 1, steps: 6, stories: [] });
    expect(summariseMock('ended', [asked(1, null, null)])).toMatchObject({
      strongest: null,
      weakest: null,
      practise: [],
    });
    expect(summariseMock('ended', [asked(1, result(null), null), asked(2, result(50), null)])).toMatchObject({
      strongest: 1,
      weakest: null,
    });
  });

  it('counts a cap as the points it took away', () => {
    const capped: MockAnswerResult = {
      ...result(40, [check('measured', 'Measured result', 15, 20)]),
      caps: [{ id: 'hypothetical', max: 40, why: 'I would', suggestion: 'tell one time' }],
    };
    expect(practiseNext([capped], 1)).toEqual([
      { kind: 'cap', cap: 'hypothetical', suggestion: 'tell one time' },
    ]);
  });
});
