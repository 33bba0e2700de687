/**
 * "One real occasion": a behavioural question asks what the candidate did, once, not what they usually
 * do. A story told in the past tense about one time is evidence; "I usually", "I would", "I always" is a
 * claim about a habit. "How do you..." questions invite the habit, so the feedback says so.
 */
import type { StarPart } from '../../bank/types.ts';
import type { Reading, Token } from '../reading.ts';
import { quoteAround } from '../reading.ts';
import type { Assessment } from '../types.ts';
import { finiteTense } from '../verbs.ts';
import { clamp01, quoteList } from '../wording.ts';

/** Adverbs of frequency and their kin, by lemma. */
const HABIT_ADVERBS = new Set([
  'usually',
  'typically',
  'generally',
  'normally',
  'always',
  'often',
  'frequently',
  'regularly',
  'routinely',
  'whenever',
  'habitually',
  'ordinarily',
]);
const SUBJECTS = new Set(['i', 'we', 'you']);

export interface TenseProfile {
  past: number;
  present: number;
  /** Where the text speaks of a habit, as token indices: "usually", "I would", "tend to", "every time". */
  habits: number[];
}

function isHabitAt(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (HABIT_ADVERBS.has(t.lemma)) return true;
  const prev = tokens[i - 1];
  // "I would check", "we'd page": a would of habit (in the Result it is often reflection instead).
  if (t.normal === 'would' && prev !== undefined && SUBJECTS.has(prev.normal)) return true;
  // "I tend to", "we like to"
  if (
    (t.lemma === 'tend' || t.lemma === 'like') &&
    tokens[i + 1]?.normal === 'to' &&
    prev &&
    SUBJECTS.has(prev.normal)
  )
    return true;
  // "every time", "each time"
  return t.lemma === 'time' && (prev?.normal === 'every' || prev?.normal === 'each');
}

export function tenseProfile(reading: Reading): TenseProfile {
  const profile: TenseProfile = { past: 0, present: 0, habits: [] };
  reading.tokens.forEach((_, i) => {
    const tense = finiteTense(reading.tokens, i);
    if (tense === 'past') profile.past++;
    if (tense === 'present') profile.present++;
    if (isHabitAt(reading.tokens, i)) profile.habits.push(i);
  });
  return profile;
}

/** 0..1: how far a text reads as one past occasion. Habits weigh heavily: one "usually" undoes a lot. */
export function occasionScore(p: TenseProfile): number {
  const weighed = p.past + 0.5 * p.present + 2 * p.habits.length;
  if (weighed === 0) return 0;
  return clamp01(p.past / weighed / 0.7);
}

/** "How do you...", "What is your approach...": questions that ask about a habit in so many words. */
export function asksForHabit(questionText: string): boolean {
  return /^\s*(how|what)\s+(do|would|does|is|are)\s+(you|your)\b/i.test(questionText);
}

export interface OccasionInput {
  parts: Partial<Record<StarPart, Reading>>;
  questionText: string;
}

export function assessOccasion({ parts, questionText }: OccasionInput): Assessment {
  // The Result may rightly speak of now ("we still use it", "I would now..."): only S, T and A tell the story.
  const story = (['situation', 'task', 'action'] as const).filter((p) => parts[p] !== undefined);
  const total: TenseProfile = { past: 0, present: 0, habits: [] };
  const quotes: string[] = [];
  const partScores: Assessment['parts'] = {};
  for (const part of story) {
    const reading = parts[part] as Reading;
    const p = tenseProfile(reading);
    total.past += p.past;
    total.present += p.present;
    total.habits.push(...p.habits);
    for (const at of p.habits) quotes.push(quoteAround(reading, at, 8));
    partScores[part] = reading.words < 3 ? 0 : occasionScore(p);
  }
  const fraction = occasionScore(total);
  const passed = fraction >= 0.6;
  const habitQuestion = asksForHabit(questionText);
  let why: string;
  if (total.past + total.present + total.habits.length === 0) why = 'There is no verb to tell what happened.';
  else if (total.habits.length > 0 && passed) {
    why = `Mostly one occasion in the past tense, but ${quoteList(quotes, 2)} slips into habit.`;
  } else if (total.habits.length > 0) {
    const shown = Math.min(2, new Set(quotes).size);
    why = `${quoteList(quotes, 2)} ${shown === 1 ? 'describes' : 'describe'} a habit, not one time.`;
    if (habitQuestion)
      why += ' The question asks how you do it, but interviewers still want one time you did.';
  } else if (passed) why = `Told in the past tense (${total.past} past-tense verbs), as one occasion.`;
  else
    why = `Mostly present tense (${total.present} verbs against ${total.past} in the past): it reads as a routine.`;
  return {
    fraction,
    passed,
    why,
    suggestion: passed
      ? total.habits.length > 0
        ? 'Tell that step as what you did that day, not what you usually do.'
        : 'Open with when and where it happened ("Last March, at ..."), so the occasion is unmistakable.'
      : 'Pick one specific time and tell it in the past tense: "Last March, when the checkout failed, I ...".',
    parts: partScores,
  };
}
