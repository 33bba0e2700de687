import { FAMILIES } from './concept-families.ts';

/**
 * A topic's key concepts, from the guide's one-sentence summary ("Production incidents test your ability
 * to work under pressure, diagnose complex problems, communicate clearly, and implement both short-term
 * fixes and long-term solutions."), and the words that show an answer touches each.
 */

/**
 * The list after "ability to" (or "abilities to"), split at its commas: "both short-term fixes and
 * long-term solutions" is one concept, so "and" only splits a list that has no commas. A sentence
 * without "ability to" is taken whole as one concept.
 */
export function keyConceptList(sentence: string): string[] {
  const after = /\babilit(?:y|ies)\s+to\s+(.+)$/is.exec(sentence)?.[1] ?? sentence;
  const list = after.replace(/[.!;:\s]+$/, '').trim();
  const byComma = list.split(/\s*,\s*/);
  const items = byComma.length > 1 ? byComma : list.split(/\s+and\s+/i);
  return items.map((item) => item.replace(/^(?:and|or)\s+/i, '').trim()).filter((item) => item !== '');
}

/** Words of a concept phrase too common to show the concept on their own ("work", "team", "new"). */
export const GENERIC_WORDS = new Set([
  'work',
  'team',
  'technical',
  'new',
  'complex',
  'both',
  'make',
  'take',
  'build',
  'relevant',
  'effective',
  'effectively',
  'clearly',
  'efficiently',
  'objectively',
  'ability',
  'concept',
  'need',
  'engineering',
  'system',
  'business',
  'change',
  'changing',
  'term',
  'short',
  'long',
]);

/** The related words of a concept whose own content lemmas are `own`. */
export function relatedWords(own: readonly string[]): string[] {
  const words = new Set(own.filter((w) => !GENERIC_WORDS.has(w)));
  for (const family of FAMILIES) {
    if (family.triggers.some((t) => own.includes(t))) for (const w of family.related) words.add(w);
  }
  return [...words];
}
