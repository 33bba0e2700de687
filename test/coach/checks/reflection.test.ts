import { describe, expect, it } from 'vitest';
import { assessReflection, findReflection } from '../../../src/coach/checks/reflection.ts';
import { read } from '../../../src/coach/reading.ts';

describe('findReflection', () => {
  it.each([
    ['I learned to alert on trends, not only on failures.', ['learn'], []],
    ['Looking back, I would have involved QA earlier.', ['look back'], ['would have']],
    ['Since then, every schema change gets a load test.', [], ['since then']],
    ['We have not had a repeat since.', [], ['since']],
    ['The cross-functional reviews became standard practice.', [], ['standard practice', 'become standard']],
    ['It went well and the customer signed.', [], []],
    // "since" as "because" is not a change afterwards.
    ['It was hard since the logs were gone.', [], []],
  ])('%s', (text, lessons, changes) => {
    expect(findReflection(read(text))).toEqual({ lessons, changes });
  });
});

describe('assessReflection', () => {
  it('gives full marks to a lesson, quoting the cue', () => {
    expect(
      assessReflection(read('I learned to set a kill date for every build-versus-buy bet.')),
    ).toMatchObject({
      passed: true,
      fraction: 1,
      why: "Says what you learned ('learn').",
    });
  });

  it('passes a lasting change, with a little less', () => {
    expect(assessReflection(read('The runbook is now used for every Sev-1.'))).toMatchObject({
      passed: true,
      fraction: 0.85,
    });
  });

  it('fails a Result that stops at the outcome, and says what to add', () => {
    const a = assessReflection(read('Checkout was back in 25 minutes.'));
    expect(a).toMatchObject({ passed: false, fraction: 0 });
    expect(a.suggestion).toMatch(/^End with one sentence on what you learned/);
  });

  it('fails an empty Result without crashing', () => {
    expect(assessReflection(read(''))).toMatchObject({ passed: false, why: 'Your Result is empty.' });
  });
});
