/**
 * "Result is measured": the Result says by how much something changed because of the candidate's work
 * (before -> after, reduced by N, N fewer, saved N), in numbers an interviewer can remember. A quantity that
 * only describes the problem (a 3-hour outage, six weeks late, a team of 6, 2022) is context, and an amount
 * that names nothing that changed ("a 35% improvement") is a claim: neither is credited.
 */
import type { Reading, Token } from '../reading.ts';
import { quoteAround } from '../reading.ts';
import type { Assessment } from '../types.ts';
import { VAGUE_NOUNS } from '../vague-nouns.ts';
import { quoteList } from '../wording.ts';
import { findMeasures, findMilestones, type Measure } from './measures.ts';

/** Lemmas that say a quantity moved. */
const CHANGE_WORDS = new Set([
  'reduce',
  'reduction',
  'cut',
  'drop',
  'fall',
  'decrease',
  'lower',
  'increase',
  'raise',
  'grow',
  'growth',
  'rise',
  'improve',
  'improvement',
  'boost',
  'save',
  'saving',
  'halve',
  'double',
  'triple',
  'shrink',
  'speed',
  'accelerate',
  'go',
  'fewer',
  'less',
  'more',
  'faster',
  'slower',
  'higher',
  'smaller',
  'cheaper',
  'down',
  'up',
  'decline',
  'eliminate',
  'restore',
  'recover',
  'resolve',
  'bring',
  'shorten',
  'avoid',
  'prevent',
  'catch',
  'win',
  'gain',
  'recoup',
  'back',
]);
/** A duration next to these is how long the problem lasted, or how late: context, not an outcome. */
const PROBLEM_WORDS = new Set([
  'late',
  'behind',
  'outage',
  'downtime',
  'incident',
  'ago',
  'delay',
  'delayed',
  'last',
  'take',
  'spend',
  'old',
]);
/** Outcome nouns that name no thing: "a 35% improvement" in what? */
const GENERIC_NOUNS = new Set([...VAGUE_NOUNS, 'speed', 'quality', 'process', 'time', 'overall']);
/** Outcome words that promise a number the answer does not give. */
const UNQUANTIFIED = new Set([
  'improve',
  'increase',
  'reduce',
  'decrease',
  'faster',
  'better',
  'successfully',
  'success',
  'significantly',
  'significant',
  'greatly',
  'drastically',
  'higher',
  'lower',
]);

export type MeasureRole = 'result' | 'context' | 'unanchored' | 'amount';

function sentenceTokens(reading: Reading, m: Measure): Token[] {
  const s = reading.sentences[reading.tokens[m.start]?.sentence ?? 0];
  return s ? reading.tokens.slice(s.start, s.end + 1) : [];
}

/** What a quantity in the Result is: a change the candidate made, context, a bare claim, or an amount. */
export function roleOf(reading: Reading, m: Measure): MeasureRole {
  if (m.kind === 'before-after') return 'result';
  const sentence = sentenceTokens(reading, m);
  const near = reading.tokens.slice(Math.max(0, m.start - 4), m.end + 4);
  if (m.kind === 'duration' && near.some((t) => PROBLEM_WORDS.has(t.lemma) || PROBLEM_WORDS.has(t.normal)))
    return 'context';
  const changes = sentence.some((t) => CHANGE_WORDS.has(t.lemma) || CHANGE_WORDS.has(t.normal));
  // A thing that changed: a noun of the sentence outside the measure that is not a generic outcome word.
  const named = sentence.some(
    (t, k) =>
      (t.pos === 'NOUN' || t.pos === 'PROPN') &&
      !GENERIC_NOUNS.has(t.lemma) &&
      !isInside(reading, sentence, k, m),
  );
  if (!named) return 'unanchored';
  return changes ? 'result' : m.kind === 'duration' ? 'context' : 'amount';
}

function isInside(reading: Reading, sentence: Token[], k: number, m: Measure): boolean {
  const token = sentence[k] as Token;
  const index = reading.tokens.indexOf(token);
  return index >= m.start && index <= m.end;
}

export interface MeasuredInput {
  result: Reading;
  /** Numbers told in the Action still show the candidate measures; they earn part of the credit. */
  action?: Reading;
  /** "Result" for an answer, "answer" for a follow-up. */
  partName: string;
  /** The part as written, when `result` is only its told sentences: empty means this is empty. */
  written?: Reading;
  /** A quantity from the guide's sample for this topic, quoted in the suggestion ("reduced our database load by 30%"). */
  example?: string;
}

export function assessMeasured({
  result,
  action,
  partName,
  example,
  written = result,
}: MeasuredInput): Assessment {
  const measures = findMeasures(result).map((m) => ({ m, role: roleOf(result, m) }));
  const results = measures.filter((x) => x.role === 'result').map((x) => x.m);
  const context = measures.filter((x) => x.role === 'context').map((x) => x.m.text);
  const unanchored = measures.filter((x) => x.role === 'unanchored').map((x) => x.m.text);
  const amounts = measures.filter((x) => x.role === 'amount').map((x) => x.m.text);
  const strength = results.reduce((n, m) => n + (m.kind === 'before-after' ? 2 : 1), 0);
  const like = example ? `, as the guide's sample does ('${example}')` : '';
  const suggestion = `Say what changed and by how much${like}: from what to what, or by how much less or more.`;
  const notes = [
    ...(context.length > 0
      ? [
          `${quoteList(context, 2)} ${context.length === 1 ? 'describes' : 'describe'} the problem, not a result`,
        ]
      : []),
    ...(unanchored.length > 0 ? [`${quoteList(unanchored, 2)} does not say what changed`] : []),
  ];
  const aside = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  const quoted = quoteList(results.map((m) => m.text));
  if (strength >= 2)
    return {
      fraction: 1,
      passed: true,
      why: `Measured: ${quoted}.`,
      suggestion: 'Keep the numbers; lead with the biggest one.',
      parts: { result: 1 },
    };
  if (strength === 1)
    return {
      fraction: 0.8,
      passed: true,
      why: `Measured: ${quoted}.`,
      suggestion: 'Add a before and after, if you have it: "from 4 hours to 20 minutes".',
      parts: { result: 0.8 },
    };
  // "launched six weeks late ... but our part was on time": a milestone beside the delay is not an outcome.
  const milestones = context.length > 0 ? [] : findMilestones(result);
  if (milestones.length > 0)
    return {
      fraction: 0.65,
      passed: true,
      why: `Checkable without a number: ${quoteList(milestones)}.`,
      suggestion: 'Put a number beside it: how many days early, how many users, how much faster.',
      parts: { result: 0.65 },
    };
  if (amounts.length > 0)
    return {
      fraction: 0.45,
      passed: false,
      why: `Your ${partName} gives ${quoteList(amounts, 2)}, an amount, but not what changed${aside}.`,
      suggestion,
      parts: { result: 0.45 },
    };
  const inAction = action ? findMeasures(action).filter((m) => roleOf(action, m) === 'result') : [];
  if (inAction.length > 0)
    return {
      fraction: 0.35,
      passed: false,
      why: `Your Action has numbers (${quoteList(
        inAction.map((m) => m.text),
        2,
      )}), but your ${partName} says no result in numbers${aside}.`,
      suggestion,
      parts: { result: 0.35 },
    };
  // The promise of a number is looked for in the part as written: it is often a hollow claim itself.
  const vague = written.tokens.filter((t) => UNQUANTIFIED.has(t.normal) || UNQUANTIFIED.has(t.lemma));
  const fraction = result.words === 0 ? 0 : vague.length > 0 ? 0.1 : 0;
  const vagueQuote = vague[0] ? quoteAround(written, written.tokens.indexOf(vague[0]), 8) : '';
  const why =
    written.words === 0
      ? `Your ${partName} is empty.`
      : measures.length > 0
        ? `Your ${partName} has no measured result${aside}.`
        : vague.length > 0
          ? `Your ${partName} says '${vagueQuote}' but not by how much.`
          : `Your ${partName} has no number: no percentage, duration, amount or count.`;
  return { fraction, passed: false, why, suggestion, parts: { result: fraction } };
}
