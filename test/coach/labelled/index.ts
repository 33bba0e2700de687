/**
 * The labelled set: strong and weak behavioral answers over the guide's five topics, written from the guide
 * and the issue without reading the coach (see README.md here). Tune against `TUNING_SET` only; `HELD_OUT`
 * is for reporting the held-out AUC and nothing else.
 */
import { COLLABORATION_ANSWERS } from './collaboration.ts';
import { DEBT_ANSWERS } from './debt.ts';
import { INCIDENT_ANSWERS } from './incidents.ts';
import { LEADERSHIP_ANSWERS } from './leadership.ts';
import { LEARNING_ANSWERS } from './learning.ts';
import type { LabelledSetAnswer } from './types.ts';

export { NON_ENGLISH } from './non-english.ts';
export * from './types.ts';

export const LABELLED_SET: readonly LabelledSetAnswer[] = [
  ...INCIDENT_ANSWERS,
  ...COLLABORATION_ANSWERS,
  ...LEARNING_ANSWERS,
  ...DEBT_ANSWERS,
  ...LEADERSHIP_ANSWERS,
];

/** The fifth of the set held out from tuning, chosen when it was written: one in five of each kind. */
export const HELD_OUT: readonly LabelledSetAnswer[] = LABELLED_SET.filter((a) => a.heldOut);

/** Everything else: what the coach's weights and thresholds may be tuned against. */
export const TUNING_SET: readonly LabelledSetAnswer[] = LABELLED_SET.filter((a) => !a.heldOut);

/** Answers with golden expectations on the feedback text. */
export const WITH_GOLDEN: readonly LabelledSetAnswer[] = LABELLED_SET.filter(
  (a) => (a.mustSay?.length ?? 0) + (a.mustNotSay?.length ?? 0) > 0,
);
