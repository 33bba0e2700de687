import { describe, expect, it } from 'vitest';
import { assessOwnership, countVoices } from '../../../src/coach/checks/ownership.ts';
import { read } from '../../../src/coach/reading.ts';

const assess = (action: string, task?: string) =>
  assessOwnership({
    action: read(action),
    ...(task === undefined ? {} : { task: read(task) }),
    partName: 'Action',
  });

describe('countVoices', () => {
  it.each([
    ['I traced the leak, I wrote a patch, and I rolled it out.', { i: 3, we: 0, others: 0, passives: [] }],
    [
      'We looked into it, we found the bug, we fixed it and we deployed it. I reviewed it.',
      { i: 1, we: 4, others: 0, passives: [] },
    ],
    [
      'The bug was fixed by the team and the service was restarted.',
      { i: 0, we: 0, others: 0, passives: ['was fixed', 'was restarted'] },
    ],
    ['The bug got fixed.', { i: 0, we: 0, others: 0, passives: ['got fixed'] }],
    ['The team decided to roll back, and they fixed the config.', { i: 0, we: 0, others: 2, passives: [] }],
    // "a team" as the object of "organized" hands nothing over; "was fixing" is progressive, not passive.
    ['I organized a team to run a post-mortem.', { i: 1, we: 0, others: 0, passives: [] }],
    ['I was fixing the bug when the pager went off.', { i: 1, we: 0, others: 0, passives: [] }],
  ])('%s', (text, voices) => {
    expect(countVoices(read(text))).toEqual(voices);
  });
});

describe('assessOwnership', () => {
  it('passes an Action told as "I", saying how often each voice is used', () => {
    const a = assess(
      'I traced the leak to the session cache, I wrote a patch, and I rolled it out behind a flag.',
    );
    expect(a).toMatchObject({ passed: true, fraction: 1 });
    expect(a.why).toBe("Your Action says 'I' 3 times.");
  });

  it('fails an Action told as "we", quoting the counts', () => {
    const a = assess(
      'We looked into it, we found the bug, we fixed it and we deployed it. I reviewed the PR.',
    );
    expect(a.passed).toBe(false);
    expect(a.why).toBe("Your Action says 'we' 4 times and 'I' once.");
    expect(a.suggestion).toContain('"I traced..."');
  });

  it('fails the passive, which hides who acted, and quotes it', () => {
    const a = assess('The bug was fixed and the service was restarted.');
    expect(a).toMatchObject({ passed: false, fraction: 0 });
    expect(a.why).toBe(
      "Your Action never says 'I'. The passive ('was fixed' and 'was restarted') hides who acted.",
    );
  });

  it('tolerates a "we" in a story that is clearly the candidate’s', () => {
    const a = assess(
      'I isolated the problem from the logs. I raised the pool size. I then ran a post-mortem where we found the query.',
    );
    expect(a.passed).toBe(true);
  });

  it('scores the Task part by whether it says what the candidate owned', () => {
    expect(assess('I fixed it.', 'I was on call, so it was mine.').parts.task).toBe(1);
    expect(assess('I fixed it.', 'We needed to fix the outage.').parts.task).toBe(0.3);
  });

  it.each([
    ['', 'Your Action has no sentence that tells a step you took.'],
    ['Fixed.', 'Your Action never says who acted.'],
    ['🔥🔥🔥', 'Your Action has no sentence that tells a step you took.'],
  ])('fails %j without crashing: %s', (action, why) => {
    expect(assess(action)).toMatchObject({ passed: false, fraction: 0, why });
  });
});
