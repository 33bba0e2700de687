import { describe, expect, it } from 'vitest';
import { assessNoBlame, findBlame } from '../../../src/coach/checks/blame.ts';
import { read } from '../../../src/coach/reading.ts';

describe('findBlame: pinning the outcome on others', () => {
  it.each([
    'We launched six weeks late because of marketing.',
    'The other team was disorganised, so nothing was ready.',
    'It was the database team’s fault, not ours.',
    'They never answered our tickets.',
    'The release slipped due to the QA team.',
  ])('finds: %s', (text) => {
    expect(findBlame([read(text)])).toHaveLength(1);
  });

  it.each([
    'It was my fault: I had skipped the load test.',
    'We launched late because of a bug in my migration script.',
    'I blamed myself and wrote a checklist.',
    'The marketing team asked for a launch page, so I built it.',
  ])('does not find: %s', (text) => {
    expect(findBlame([read(text)])).toEqual([]);
  });
});

describe('assessNoBlame', () => {
  it('gives a short, kind note quoting the blame', () => {
    const a = assessNoBlame([read('I fixed it.'), read('We launched six weeks late because of marketing.')]);
    expect(a).toMatchObject({ passed: false, fraction: 0 });
    expect(a.why).toBe("'We launched six weeks late because of marketing' puts the outcome on others.");
    expect(a.suggestion).toMatch(/^Own the story/);
  });

  it('passes a story that blames no one, and says nothing against it', () => {
    const a = assessNoBlame([read('I traced the leak and fixed the pool.')]);
    expect(a).toMatchObject({ passed: true, fraction: 1 });
  });
});
