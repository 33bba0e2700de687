import { describe, expect, it } from 'vitest';
import { assessReflection, findReflection } from '../../../src/coach/checks/reflection.ts';
import { read } from '../../../src/coach/reading.ts';

const kinds = (text: string) => {
  const f = findReflection(read(text));
  return { lessons: f.lessons.length, changes: f.changes.length };
};

describe('findReflection: a first-person lesson or a lasting change, not a promise', () => {
  it.each([
    ['I learned to alert on trends, not only on failures.', 1, 0],
    ['Looking back, I would have involved QA earlier.', 1, 0],
    ['Since then, every schema change gets a load test.', 0, 1],
    ['We have not had a repeat since.', 0, 1],
    ['The cross-functional reviews became standard practice.', 0, 1],
    ['I now run the fuzz suite locally before touching anything that parses user input.', 0, 1],
    ['I added a canary stage for AMI changes.', 0, 1],
    ['It went well and the customer signed.', 0, 0],
    // "since" as "because" is not a change afterwards.
    ['It was hard since the logs were gone.', 0, 0],
    // Promises and empty lessons are not reflection.
    ['I learned a lot, and since then I apply this going forward.', 0, 0],
    ["We're still trying it out going forward.", 0, 0],
    ['I learned a lot from this experience.', 0, 0],
  ])('%s', (text, lessons, changes) => {
    expect(kinds(text)).toEqual({ lessons, changes });
  });
});

describe('assessReflection', () => {
  it('gives full marks to a lesson with a lasting change, quoting the lesson', () => {
    const a = assessReflection(
      read(
        'I learned to set a kill date for every build-versus-buy bet. Since then I add one to every proposal.',
      ),
    );
    expect(a).toMatchObject({ passed: true, fraction: 1 });
    expect(a.why).toBe(
      "Says what you learned: 'I learned to set a kill date for every build-versus-buy bet'.",
    );
  });

  it('passes a lasting change, with a little less', () => {
    expect(assessReflection(read('The runbook is now used for every Sev-1.'))).toMatchObject({
      passed: true,
      fraction: 0.85,
    });
  });

  it('names "going forward" as a promise, not a reflection', () => {
    const a = assessReflection(read('I learned a lot, and since then I apply this going forward.'));
    expect(a).toMatchObject({ passed: false, fraction: 0 });
    expect(a.why).toBe("'going forward' promises a change but names no lesson and nothing you changed.");
  });

  it('fails a Result that stops at the outcome, and suggests from the guide’s sample when given', () => {
    const a = assessReflection(read('Checkout was back in 25 minutes.'), 'we implemented a new policy');
    expect(a).toMatchObject({ passed: false, fraction: 0 });
    expect(a.suggestion).toMatch(/^End with one sentence on what you learned/);
    expect(a.suggestion).toContain("The guide's sample does: 'we implemented a new policy'.");
  });

  it('fails an empty Result without crashing', () => {
    expect(assessReflection(read(''))).toMatchObject({ passed: false, why: 'Your Result is empty.' });
  });
});
