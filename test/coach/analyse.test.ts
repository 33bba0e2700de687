import { beforeAll, describe, expect, it } from 'vitest';
import { LARGE_ANSWER } from '../../bench/analysis.ts';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import type { Topic } from '../../src/bank/types.ts';
import {
  type AnswerContext,
  analyseAnswer,
  analyseFollowUp,
  MAX_ANALYSED_CHARS,
} from '../../src/coach/analyse.ts';
import { scoreLine, WEIGHTS } from '../../src/coach/score.ts';
import { CHECK_IDS, type CheckId } from '../../src/coach/types.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import { shippedBank, topicOf } from './support.ts';

let bank: QuestionBank;
let incidents: Topic;
let context: AnswerContext;

beforeAll(async () => {
  bank = await shippedBank();
  incidents = topicOf(bank, 'handling-production-incidents');
  context = {
    topic: incidents,
    questionText: incidents.questions[0]?.text ?? '',
    strategies: bank.strategies,
  };
});

const STRONG: StarAnswer = {
  situation:
    'Last November our checkout API started returning 502s for about a fifth of requests on a Friday evening.',
  task: 'I was the on-call engineer, so restoring checkout was mine.',
  action:
    'I checked the load balancer logs and saw the errors came from one availability zone. I drained that zone, which stopped the errors in four minutes, then traced the cause to a kernel update. I rolled the AMI back and posted updates in the incident channel every 15 minutes.',
  result:
    'Checkout error rate went from 20% to under 0.1% within 25 minutes. I learned to canary AMI changes, and we have not had a repeat since.',
};

describe('the guide’s own sample answers', () => {
  // The question each sample was written for (see src/bank/sample-question.ts and its test).
  const WRITTEN_FOR: Record<string, number> = {
    'handling-production-incidents': 1,
    'cross-functional-collaboration': 1,
    'learning-new-technologies-quickly': 1,
    'balancing-technical-debt-with-new-features': 2,
    'leadership-in-technical-decision-making': 1,
  };

  it('each score at least 80 as answers to the question they were written for', () => {
    const scores = bank.topics.map((topic) => {
      const question = topic.questions[(WRITTEN_FOR[topic.slug] ?? 0) - 1];
      const sample = topic.sampleAnswer;
      if (!sample) throw new Error(`the built-in guide's topic ${topic.slug} has no sample answer`);
      const feedback = analyseAnswer(sample, {
        topic,
        questionText: question?.text ?? '',
        strategies: bank.strategies,
      });
      return { slug: topic.slug, score: feedback.score };
    });
    console.log(`guide samples: ${scores.map((s) => `${s.slug} ${s.score}`).join(', ')}`);
    for (const { slug, score } of scores) expect(score, slug).toBeGreaterThanOrEqual(80);
  });
});

describe('analyseAnswer', () => {
  it('returns the seven checks, each with a label, why, suggestion and the guide’s strategy', () => {
    const f = analyseAnswer(STRONG, context);
    expect(f.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    for (const c of f.checks) {
      expect(c.label, c.id).not.toBe('');
      expect(c.why, c.id).not.toBe('');
      expect(c.suggestion, c.id).not.toBe('');
      expect(c.maxPoints).toBe(WEIGHTS[c.id as CheckId]);
      expect(c.points).toBeGreaterThanOrEqual(0);
      expect(c.points).toBeLessThanOrEqual(c.maxPoints);
      expect(c.strategy, c.id).toEqual(
        expect.objectContaining({ number: expect.any(Number), title: expect.any(String) }),
      );
    }
    expect(f.checks.find((c) => c.id === 'measured')?.strategy).toEqual({
      number: 3,
      title: 'Quantify your impact',
    });
  });

  it('scores the sum of the checks’ points, out of 100, with a per-part breakdown', () => {
    const f = analyseAnswer(STRONG, context);
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(f.score).toBe(f.checks.reduce((n, c) => n + c.points, 0));
    expect(f.score).toBeGreaterThanOrEqual(80);
    expect(Number.isInteger(f.score)).toBe(true);
    for (const part of ['situation', 'task', 'action', 'result'] as const) {
      expect(Number.isInteger(f.parts[part])).toBe(true);
      expect(f.parts[part]).toBeGreaterThanOrEqual(0);
      expect(f.parts[part]).toBeLessThanOrEqual(100);
    }
  });

  it('counts words per part and the speaking time at 150 words a minute', () => {
    const f = analyseAnswer(STRONG, context);
    expect(f.words.total).toBe(f.words.situation + f.words.task + f.words.action + f.words.result);
    expect(f.words.task).toBe(11);
    expect(f.speakingSeconds).toBe(Math.round((f.words.total / 150) * 60));
  });

  it('scores a weak answer low, with a reason for each failed check', () => {
    const f = analyseAnswer(
      {
        situation: 'We had a lot of issues with production and things were kind of a mess.',
        task: 'We needed to make things more stable.',
        action: 'We usually look at the logs and stuff, and the team worked really hard on it.',
        result: 'Things got a lot better and everyone was happy.',
      },
      context,
    );
    expect(f.score).toBeLessThan(40);
    const failed = f.checks.filter((c) => !c.passed).map((c) => c.id);
    expect(failed).toEqual(expect.arrayContaining(['measured', 'ownership', 'specific', 'reflection']));
    expect(f.checks.find((c) => c.id === 'occasion')?.why).toBe(
      "Mostly one occasion, told as it happened, but 'We usually look at the logs and stuff…' slips into habit.",
    );
  });

  it('gives 0 to an empty answer, and does not crash', () => {
    const f = analyseAnswer({ situation: '', task: '', action: '', result: '' }, context);
    expect(f.score).toBe(0);
    expect(f.missingParts).toEqual(['situation', 'task', 'action', 'result']);
    expect(f.parts).toEqual({ situation: 0, task: 0, action: 0, result: 0 });
    expect(f.speakingSeconds).toBe(0);
  });

  it('scores one-word parts low', () => {
    const f = analyseAnswer(
      { situation: 'Outage.', task: 'Fix.', action: 'Fixed.', result: 'Good.' },
      context,
    );
    expect(f.score).toBeLessThanOrEqual(20);
    expect(f.missingParts).toHaveLength(4);
  });

  it('caps a strong answer with a missing part at 60, and says which part', () => {
    const f = analyseAnswer({ ...STRONG, task: 'Mine.' }, context);
    expect(f.score).toBeLessThanOrEqual(60);
    expect(f.missingParts).toEqual(['task']);
    expect(f.checks.find((c) => c.id === 'balance')?.why).toMatch(/^Task is empty or a word or two\./);
  });

  it('reads emoji and non-Latin text without counting emoji as words', () => {
    const f = analyseAnswer(
      {
        situation: '🔥 Last year our café’s naïve résumé parser broke on 日本語 input 😱.',
        task: 'I owned the parser 👩‍💻.',
        action: 'I rewrote the tokenizer 💪 and added property-based tests with random Unicode 🧪.',
        result: 'Parse errors fell from 3% to 0% ✅, and I learned to fuzz every parser.',
      },
      context,
    );
    expect(f.score).toBeGreaterThan(0);
    expect(f.words.task).toBe(4);
    expect(f.checks.find((c) => c.id === 'measured')?.passed).toBe(true);
  });

  it('handles 3,000-character parts', () => {
    const f = analyseAnswer(LARGE_ANSWER, context);
    for (const part of ['situation', 'task', 'action', 'result'] as const) {
      expect(LARGE_ANSWER[part].length).toBeGreaterThan(2900);
      expect(f.words[part]).toBeGreaterThan(400);
    }
    expect(f.speakingSeconds).toBeGreaterThan(TOO_LONG);
    expect(f.checks.find((c) => c.id === 'balance')?.why).toContain(
      'the answer runs long enough to lose the listener',
    );
  });

  it('cuts parts beyond twice the modal’s limit rather than reading them', () => {
    const long = `${'I fixed it. '.repeat(MAX_ANALYSED_CHARS / 4)}`;
    const f = analyseAnswer({ ...STRONG, action: long }, context);
    expect(f.words.action).toBeLessThanOrEqual(MAX_ANALYSED_CHARS / 4);
  });

  it('treats a part that is not text (an untrusted payload) as empty', () => {
    const f = analyseAnswer({ ...STRONG, result: 42 as unknown as string }, context);
    expect(f.words.result).toBe(0);
    expect(f.missingParts).toEqual(['result']);
  });
});

const TOO_LONG = 180;

describe('analyseFollowUp', () => {
  const followUp = { strategies: [] };

  it('runs only the checks that apply to a short answer', () => {
    const f = analyseFollowUp('I posted updates every 15 minutes in #incident.', followUp);
    expect(f.checks.map((c) => c.id)).toEqual(['specific', 'ownership', 'measured']);
  });

  it('scores a specific, first-person, measured follow-up above a vague "we" one', () => {
    const strong = analyseFollowUp(
      'I posted a status page update every 15 minutes and briefed the VP of support on Zoom twice, so new support tickets dropped by 40% within the hour.',
      followUp,
    );
    const weak = analyseFollowUp(
      'We communicated a lot with everyone and kept them in the loop about things.',
      followUp,
    );
    expect(strong.score).toBeGreaterThanOrEqual(80);
    expect(weak.score).toBeLessThanOrEqual(20);
    expect(weak.checks.find((c) => c.id === 'ownership')?.why).toBe(
      "Your answer never says 'I'; it says 'we' once.",
    );
  });

  it('handles an empty follow-up', () => {
    expect(analyseFollowUp('', followUp)).toMatchObject({ score: 0, words: 0, speakingSeconds: 0 });
  });
});

describe('scoreLine', () => {
  it.each([
    [78, undefined, 'Score: 78/100'],
    [78, 62, 'Score: 78/100, up from 62'],
    [60, { score: 71 }, 'Score: 60/100, down from 71'],
    [70, 70, 'Score: 70/100, same as last time'],
    [0, undefined, 'Score: 0/100'],
  ])('%d after %j -> %s', (score, previous, line) => {
    expect(scoreLine({ score }, previous)).toBe(line);
  });
});
