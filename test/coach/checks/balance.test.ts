import { describe, expect, it } from 'vitest';
import { assessBalance, missingParts, speakingSeconds } from '../../../src/coach/checks/balance.ts';
import type { WordCounts } from '../../../src/coach/types.ts';

const counts = (situation: number, task: number, action: number, result: number): WordCounts => ({
  situation,
  task,
  action,
  result,
  total: situation + task + action + result,
});

describe('speakingSeconds', () => {
  it('reads at 150 words a minute', () => {
    expect(speakingSeconds(300)).toBe(120);
    expect(speakingSeconds(75)).toBe(30);
    expect(speakingSeconds(0)).toBe(0);
  });
});

describe('assessBalance', () => {
  it('passes a brief setup, a long Action and about two minutes', () => {
    const a = assessBalance(counts(35, 25, 150, 70));
    expect(a).toMatchObject({ passed: true, fraction: 1 });
    expect(a.why).toBe(
      'Action is the longest part (54% of the words). About 1 min 52 s out loud, against a 2-minute answer.',
    );
  });

  it('fails a long setup, giving its share', () => {
    const a = assessBalance(counts(120, 60, 50, 40));
    expect(a.passed).toBe(false);
    expect(a.why).toMatch(/^Situation \+ Task take 67% of your words \(aim for a third\)/);
    expect(a.suggestion).toMatch(
      /^Cut the Situation from 120 words to about \d+, and give the Action the steps you took\.$/,
    );
  });

  it('notes an Action shorter than another part', () => {
    const a = assessBalance(counts(20, 20, 40, 120));
    expect(a.why).toMatch(/^The Action \(40 words\) is shorter than the Result \(120\)\./);
  });

  it('notes an answer too short to sound like a story, and one too long to hold attention', () => {
    expect(assessBalance(counts(8, 6, 30, 12)).why).toMatch(
      /^The answer is short enough to sound thin\. About 22 s/,
    );
    expect(assessBalance(counts(60, 40, 400, 150)).why).toMatch(
      /^The answer runs long enough to lose the listener\. About 4 min 20 s/,
    );
  });

  it('gives nothing to an answer with empty or one-word parts, naming them', () => {
    const a = assessBalance(counts(30, 1, 80, 0));
    expect(a).toMatchObject({ passed: false, fraction: 0 });
    expect(a.why).toMatch(/^Task, Result are empty or a word or two\./);
    expect(a.parts).toMatchObject({ task: 0, result: 0 });
  });

  it('never divides by zero on an empty answer', () => {
    expect(assessBalance(counts(0, 0, 0, 0))).toMatchObject({ passed: false, fraction: 0 });
  });
});

describe('missingParts', () => {
  it('lists the parts with fewer than three words', () => {
    expect(missingParts(counts(3, 2, 40, 1))).toEqual(['task', 'result']);
  });
});
