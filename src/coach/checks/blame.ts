/**
 * "No blame": the candidate owns the story. Pinning the outcome on others ("because of marketing", "they
 * were disorganised", "the other team's fault") is what interviewers hear as the opposite of ownership,
 * even when it is true; the note is short and kind, since the facts may well be so.
 */
import type { Reading, Token } from '../reading.ts';
import { quoteAround } from '../reading.ts';
import type { Assessment } from '../types.ts';

const FAULT = new Set(['fault', 'blame', 'blamed', 'blaming']);
/** Who gets blamed: other people, teams and functions. */
const OTHERS = new Set([
  'they',
  'them',
  'their',
  'he',
  'she',
  'marketing',
  'sales',
  'product',
  'management',
  'manager',
  'qa',
  'ops',
  'design',
  'designer',
  'vendor',
  'contractor',
  'client',
  'team',
  'colleague',
  'others',
  'legal',
  'leadership',
  'pm',
  'intern',
  'junior',
  'support',
]);
/** What is said of them. */
const FAILINGS = new Set([
  'disorganised',
  'disorganized',
  'incompetent',
  'lazy',
  'sloppy',
  'careless',
  'useless',
  'unresponsive',
  'clueless',
  'unprofessional',
  'unreasonable',
  'chaotic',
  'negligent',
  'hopeless',
  'inexperienced',
]);

function isBlameAt(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (FAULT.has(t.lemma) || FAULT.has(t.normal)) {
    // "my fault", "I blamed myself": owning it is the opposite of blame.
    const before = tokens.slice(Math.max(0, i - 3), i).map((x) => x.normal);
    return !before.includes('my') && !before.includes('i') && tokens[i + 1]?.normal !== 'myself';
  }
  if (FAILINGS.has(t.normal)) return true;
  // "because of marketing", "due to the other team", "thanks to QA's delay"
  if (
    (t.normal === 'because' && tokens[i + 1]?.normal === 'of') ||
    (t.normal === 'due' && tokens[i + 1]?.normal === 'to')
  ) {
    const after = tokens.slice(i + 2, i + 6);
    return after.some((x) => OTHERS.has(x.lemma) || OTHERS.has(x.normal));
  }
  // "they never", "they didn't": the others as the subject of a failure
  if (OTHERS.has(t.normal) && ['never', 'failed', 'refused', 'ignored'].includes(tokens[i + 1]?.normal ?? ''))
    return true;
  return false;
}

/** Quotes of the sentences that put the outcome on someone else. */
export function findBlame(readings: readonly Reading[]): string[] {
  const quotes: string[] = [];
  for (const reading of readings) {
    const seen = new Set<number>();
    reading.tokens.forEach((t, i) => {
      if (seen.has(t.sentence) || !isBlameAt(reading.tokens, i)) return;
      seen.add(t.sentence);
      quotes.push(quoteAround(reading, i, 10));
    });
  }
  return quotes;
}

export function assessNoBlame(readings: readonly Reading[]): Assessment {
  const blame = findBlame(readings);
  if (blame.length === 0)
    return {
      fraction: 1,
      passed: true,
      why: 'Tells what others did as facts and keeps to what you did.',
      suggestion: 'Keep it so: say what others did as facts, and what you did about it.',
      parts: {},
    };
  return {
    fraction: 0,
    passed: false,
    why: `'${blame[0]}' puts the outcome on others.`,
    suggestion:
      'Own the story: say what you did about it and what you would change, even if others played a part.',
    parts: {},
  };
}
