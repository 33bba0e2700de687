/**
 * The English model, loaded once and only when an answer is first analysed.
 *
 * wink-eng-lite-web-model costs about 60 MB resident and a few hundred milliseconds to load. The bot
 * imports this module at start-up (its listeners do), but a process that only fans out drills never
 * analyses an answer, so importing must not load the model: it is `require`d on the first call instead.
 * `warmUp()` lets the bot pay that cost at a moment of its choosing and log it.
 */
import { createRequire } from 'node:module';
import type { Model, WinkMethods } from 'wink-nlp';

const require = createRequire(import.meta.url);

/**
 * Sentences, parts of speech and named entities are all the checks use; leaving out negation, sentiment
 * and custom entities roughly halves the time to read a long answer.
 */
const PIPE = ['sbd', 'pos', 'ner'];

let nlp: WinkMethods | undefined;

/** The loaded pipeline; loads it on first use (synchronously: the analysis API is synchronous). */
export function englishNlp(): WinkMethods {
  if (nlp === undefined) {
    const winkNLP = require('wink-nlp') as (model: Model, pipe: string[]) => WinkMethods;
    const model = require('wink-eng-lite-web-model') as Model;
    nlp = winkNLP(model, PIPE);
  }
  return nlp;
}

export function isModelLoaded(): boolean {
  return nlp !== undefined;
}

export interface WarmUpReport {
  /** False when an earlier call (or an analysis) had already loaded it. */
  loaded: boolean;
  /** Time spent loading the model and reading one sentence, in milliseconds. */
  ms: number;
}

/**
 * Loads the model and reads one sentence so the first real answer does not pay for either. Safe to call
 * more than once; later calls cost nothing and report `loaded: false`.
 */
export function warmUp(): WarmUpReport {
  const start = performance.now();
  const loaded = !isModelLoaded();
  englishNlp().readDoc('I reduced the p99 latency from 900 ms to 120 ms in two weeks.');
  return { loaded, ms: performance.now() - start };
}
