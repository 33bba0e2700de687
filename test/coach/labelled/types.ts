/**
 * Shapes of the labelled set. The set was written from the guide and the issue alone, without reading the
 * coach's code, as an outside interviewer would judge the answers. See README.md in this folder.
 */
import type { StarAnswer } from '../../../src/drills/star-answer.ts';
import type { LabelledAnswer } from '../calibration-set.ts';

/** Topic slugs of the shipped guide (content/behavioral-interview-guide.md). */
export const INCIDENTS = 'handling-production-incidents';
export const COLLABORATION = 'cross-functional-collaboration';
export const LEARNING = 'learning-new-technologies-quickly';
export const DEBT = 'balancing-technical-debt-with-new-features';
export const LEADERSHIP = 'leadership-in-technical-decision-making';

export const TOPICS = [INCIDENTS, COLLABORATION, LEARNING, DEBT, LEADERSHIP] as const;
export type TopicSlug = (typeof TOPICS)[number];

export const STRONG_KINDS = ['plain-modest', 'concise', 'non-native', 'detailed'] as const;
export const WEAK_KINDS = [
  'buzzword',
  'we-only',
  'no-result',
  'unmeasured-result',
  'off-topic',
  'hypothetical',
  'stuffed-claims',
  'blame',
  'situation-heavy',
  'vague-short',
] as const;
export type StrongKind = (typeof STRONG_KINDS)[number];
export type WeakKind = (typeof WEAK_KINDS)[number];
export type AnswerKind = StrongKind | WeakKind;

/**
 * Golden expectations on the coach's feedback text for this answer: every pattern in `mustSay` must match
 * somewhere in it, none in `mustNotSay` may. The patterns are about meaning and loose on wording (see
 * golden.ts), because the coach's wording is not fixed.
 */
export interface Golden {
  mustSay?: RegExp[];
  mustNotSay?: RegExp[];
}

interface Common extends Golden {
  /** Stable: never renumber or reuse an id, results and held-out choices are tracked by it. */
  id: string;
  topic: TopicSlug;
  question: 1 | 2 | 3;
  /** Why an interviewer would call it so, in one line. */
  note: string;
  answer: StarAnswer;
  /**
   * Held out from any tuning of the coach: chosen when the set was written (one fifth of each kind), and
   * only ever used to report the held-out AUC.
   */
  heldOut: boolean;
}

export interface StrongAnswer extends Common {
  label: 'strong';
  kind: StrongKind;
}

export interface WeakAnswer extends Common {
  label: 'weak';
  kind: Exclude<WeakKind, 'off-topic'>;
}

/** A good story told for the wrong question: `fitsTopic` names the topic whose question it answers. */
export interface OffTopicAnswer extends Common {
  label: 'weak';
  kind: 'off-topic';
  fitsTopic: TopicSlug;
}

export type LabelledSetAnswer = StrongAnswer | WeakAnswer | OffTopicAnswer;

/** An answer not in English: neither strong nor weak, for testing language detection. */
export interface NonEnglishAnswer extends Golden {
  id: string;
  topic: TopicSlug;
  question: 1 | 2 | 3;
  language: 'es' | 'de' | 'fr' | 'pt';
  note: string;
  answer: StarAnswer;
}

// Every labelled answer also fits the older calibration set's shape, so the same AUC code can read both.
export type AssertCompatible<T extends LabelledAnswer> = T;
export type _LabelledSetFitsCalibration = AssertCompatible<LabelledSetAnswer>;
