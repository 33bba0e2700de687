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
  /**
   * Where the text speaks of a habit or of what the candidate would do, as token indices: "usually",
   * "I would", "tend to", "every time".
   */
  habits: number[];
  /** The "I would ..." among them: a conditional, which is not a habit and must not be called one. */
  conditionals: number[];
  /** Whether a date or "last March", "one night" pins the story to one time, whatever its tense. */
  dated: boolean;
}

/** "Last March", "one night", "that day", "in 2021": the story happened once, at a time. */
const DATED =
  /\b(last|that|one|this past)\s+(january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter|year|month|week|quarter|night|morning|evening|day|friday|monday|tuesday|wednesday|thursday|saturday|sunday)\b|\bin (19|20)\d\d\b|\b(yesterday|once)\b/i;

function isConditionalAt(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  // "I would check", "we'd page" (in the Result it is often reflection instead).
  return (
    (t.normal === 'would' || t.value === "'d" || t.value === '’d') &&
    prev !== undefined &&
    SUBJECTS.has(prev.normal)
  );
}

function isHabitAt(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  // "how often" asks about frequency; it says nothing about the candidate's habits.
  if (HABIT_ADVERBS.has(t.lemma)) return !(t.lemma === 'often' && tokens[i - 1]?.normal === 'how');
  const prev = tokens[i - 1];
  if (isConditionalAt(tokens, i)) return true;
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

export function tenseProfile(reading: Reading, text = ''): TenseProfile {
  const profile: TenseProfile = {
    past: 0,
    present: 0,
    habits: [],
    conditionals: [],
    dated: DATED.test(text),
  };
  reading.tokens.forEach((_, i) => {
    const tense = finiteTense(reading.tokens, i);
    if (tense === 'past') profile.past++;
    if (tense === 'present') profile.present++;
    if (isHabitAt(reading.tokens, i)) profile.habits.push(i);
    if (isConditionalAt(reading.tokens, i)) profile.conditionals.push(i);
  });
  profile.dated ||= reading.entities.some((e) => e.type === 'DATE');
  return profile;
}

/**
 * 0..1: how far a text reads as one past occasion. Habits weigh heavily: one "usually" undoes a lot. A
 * dated story told in the present ("Last March, I migrate the CI...", as many non-native speakers tell
 * it) is one occasion all the same.
 */
export function occasionScore(p: TenseProfile): number {
  const past = p.dated && p.habits.length === 0 ? p.past + p.present : p.past;
  const present = p.dated && p.habits.length === 0 ? 0 : p.present;
  const weighed = past + 0.5 * present + 2 * p.habits.length;
  if (weighed === 0) return 0;
  return clamp01(past / weighed / 0.7);
}

/** "I would..." or "I usually..." instead of one time: interviewers reject it outright (a cap, analyse.ts). */
export function isHypothetical(p: TenseProfile): boolean {
  return p.habits.length >= 2 && occasionScore(p) < 0.5;
}

/** "How do you...", "What is your approach...": questions that ask about a habit in so many words. */
export function asksForHabit(questionText: string): boolean {
  return /^\s*(how|what)\s+(do|would|does|is|are)\s+(you|your)\b/i.test(questionText);
}

export interface OccasionInput {
  parts: Partial<Record<StarPart, Reading>>;
  questionText: string;
}

export interface OccasionAssessment extends Assessment {
  hypothetical: boolean;
  /** Quotes of the habits and conditionals, for the cap's message. */
  habitQuotes: string[];
}

export function assessOccasion({ parts, questionText }: OccasionInput): OccasionAssessment {
  // The Result may rightly speak of now ("we still use it", "I would now..."): only S, T and A tell the story.
  const story = (['situation', 'task', 'action'] as const).filter((p) => parts[p] !== undefined);
  const total: TenseProfile = { past: 0, present: 0, habits: [], conditionals: [], dated: false };
  const quotes: string[] = [];
  const partScores: Assessment['parts'] = {};
  for (const part of story) {
    const reading = parts[part] as Reading;
    const p = tenseProfile(reading, reading.normals);
    total.past += p.past;
    total.present += p.present;
    total.habits.push(...p.habits);
    total.conditionals.push(...p.conditionals);
    total.dated ||= p.dated;
    for (const at of p.habits) quotes.push(quoteAround(reading, at, 8));
    partScores[part] = reading.words < 3 ? 0 : occasionScore(p);
  }
  const fraction = occasionScore(total);
  // A check that passes says nothing against the answer: one slip into habit fails it, at little cost.
  const passed = fraction >= 0.6 && total.habits.length === 0;
  const habitQuestion = asksForHabit(questionText);
  const kind =
    total.conditionals.length === total.habits.length
      ? 'what you would do'
      : total.conditionals.length === 0
        ? 'a habit'
        : 'a habit or what you would do';
  let why: string;
  if (total.past + total.present + total.habits.length === 0) why = 'There is no verb to tell what happened.';
  else if (total.habits.length > 0 && fraction >= 0.6) {
    why = `Mostly one occasion, told as it happened, but ${quoteList(quotes, 2)} slips into ${kind === 'a habit' ? 'habit' : kind}.`;
  } else if (total.habits.length > 0) {
    const shown = Math.min(2, new Set(quotes).size);
    why = `${quoteList(quotes, 2)} ${shown === 1 ? 'describes' : 'describe'} ${kind}, not one time.`;
    if (habitQuestion)
      why += ' The question asks how you do it, but interviewers still want one time you did.';
  } else if (passed && total.present > total.past) why = 'Told as one dated occasion.';
  else if (passed) why = `Told as one occasion, as it happened (${total.past} verbs of what was done).`;
  else
    why = `Told as what happens in general (${total.present} verbs in the present against ${total.past} in the past), not one time it happened.`;
  return {
    fraction,
    passed,
    why,
    suggestion: passed
      ? total.habits.length > 0
        ? 'Tell that step as what you did that day, not what you usually do.'
        : total.dated
          ? 'Keep the date at the start: it makes the occasion unmistakable.'
          : 'Open with when and where it happened ("Last March, at ..."), so the occasion is unmistakable.'
      : 'Pick one specific time and tell it as it happened: "Last March, when the checkout failed, I ...".',
    parts: partScores,
    hypothetical: isHypothetical(total),
    habitQuotes: [...new Set(quotes)],
  };
}
