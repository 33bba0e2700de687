// Its own file: the model is loaded once per process, and vitest gives each file a fresh module graph.
import { describe, expect, it } from 'vitest';
import { analyseAnswer } from '../../src/coach/analyse.ts';
import { isModelLoaded, warmUp } from '../../src/coach/nlp.ts';

describe('the English model', () => {
  it('is not loaded by importing the analysis, only when first needed, and only once', () => {
    expect(isModelLoaded()).toBe(false);
    // An answer with nothing to read does not need it either.
    analyseAnswer(
      { situation: '', task: ' ', action: '', result: '' },
      { topic: { keyConcepts: '' }, questionText: '', strategies: [] },
    );
    expect(isModelLoaded()).toBe(false);

    const first = warmUp();
    expect(first.loaded).toBe(true);
    expect(first.ms).toBeGreaterThan(0);
    expect(isModelLoaded()).toBe(true);

    const again = warmUp();
    expect(again.loaded).toBe(false);
    expect(again.ms).toBeLessThan(first.ms);
  });
});
