/**
 * Verb forms read from the model's tags and lemmas. The lite English model tags parts of speech with the
 * universal set (VERB, AUX, ...) and gives lemmas, but not tense; a verb's form follows from how the word
 * differs from its lemma: "reduced"/"reduce" is past, "reduces"/"reduce" present, "reducing" neither.
 */
import type { Token } from './reading.ts';

const PAST_AUX = new Set(['was', 'were', 'had', 'did', 'could']);
const PRESENT_AUX = new Set(['is', 'are', 'am', 'has', 'have', 'do', 'does', 'can', 'will']);
const SUBJECTS = new Set(['i', 'we', 'you', 'they']);

export type Tense = 'past' | 'present';

function isVerbLike(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX');
}

/** "reduces", "fixes", "applies": the third-person present of the lemma. */
function isThirdPersonPresent(t: Token): boolean {
  const { normal, lemma } = t;
  return (
    normal === `${lemma}s` ||
    normal === `${lemma}es` ||
    (lemma.endsWith('y') && normal === `${lemma.slice(0, -1)}ies`)
  );
}

/** A past tense or past participle: differs from its lemma, and not as an -ing or -s form does. */
export function isPastForm(t: Token): boolean {
  return t.pos === 'VERB' && t.normal !== t.lemma && !t.normal.endsWith('ing') && !isThirdPersonPresent(t);
}

/** The nearest earlier token that is not an adverb or "not", within `reach` tokens. */
function previousSkippingAdverbs(tokens: Token[], i: number, reach = 3): Token | undefined {
  for (let j = i - 1; j >= 0 && j >= i - reach; j--) {
    const t = tokens[j] as Token;
    if (t.pos === 'ADV' || t.pos === 'PART') continue;
    return t;
  }
  return undefined;
}

/**
 * The tense of the finite verb at `i`, or undefined when the token is not a finite verb: infinitives,
 * -ing forms, and participles whose auxiliary carries the tense ("had introduced" is counted once, at "had").
 */
export function finiteTense(tokens: Token[], i: number): Tense | undefined {
  const t = tokens[i];
  if (t === undefined || !isVerbLike(t)) return undefined;
  if (t.pos === 'AUX') {
    if (PAST_AUX.has(t.normal)) return 'past';
    if (PRESENT_AUX.has(t.normal)) return 'present';
    return undefined;
  }
  if (t.normal.endsWith('ing')) return undefined;
  const before = previousSkippingAdverbs(tokens, i);
  if (isThirdPersonPresent(t)) return 'present';
  if (t.normal !== t.lemma) return isVerbLike(before) ? undefined : 'past';
  // A bare lemma is present only with a subject in front ("I check", "we usually deploy"); after "to" or
  // a modal it is an infinitive.
  return before !== undefined && SUBJECTS.has(before.normal) ? 'present' : undefined;
}

/**
 * "was fixed", "were made", "got restarted": a form of be/get followed by a past participle. Returns the
 * index of the participle, or -1.
 */
export function passiveAt(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (t === undefined || (t.lemma !== 'be' && t.lemma !== 'get') || !isVerbLike(t)) return -1;
  for (let j = i + 1; j < tokens.length && j <= i + 3; j++) {
    const next = tokens[j] as Token;
    if (next.pos === 'ADV' || next.pos === 'PART') continue;
    return isPastForm(next) ? j : -1;
  }
  return -1;
}
