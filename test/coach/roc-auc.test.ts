import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rocAuc } from './roc-auc.ts';

/** The definition, pair by pair: the slow oracle the rank formula must agree with. */
function pairwiseAuc(pos: number[], neg: number[]): number {
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

describe('rocAuc', () => {
  it.each([
    { pos: [3, 4], neg: [1, 2], auc: 1, why: 'perfect separation' },
    { pos: [1, 2], neg: [3, 4], auc: 0, why: 'perfectly inverted' },
    { pos: [5, 5], neg: [5, 5], auc: 0.5, why: 'all tied' },
    { pos: [2, 4], neg: [1, 3], auc: 0.75, why: 'one pair of four misordered' },
    { pos: [3], neg: [1, 3, 5], auc: 0.5, why: 'one win, one tie, one loss' },
  ])('$why: $auc', ({ pos, neg, auc }) => {
    expect(rocAuc(pos, neg)).toBeCloseTo(auc, 12);
  });

  it('agrees with the pairwise definition on random scores with ties', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(scores, scores, (pos, neg) => {
        expect(rocAuc(pos, neg)).toBeCloseTo(pairwiseAuc(pos, neg), 12);
      }),
    );
  });

  it('refuses a missing class', () => {
    expect(() => rocAuc([], [1])).toThrow(RangeError);
    expect(() => rocAuc([1], [])).toThrow(RangeError);
  });
});
