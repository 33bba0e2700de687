/**
 * The mock interview (`/star mock`): three questions of three different topics, each followed by one of its
 * topic's follow-up questions, answered one after the other like a 25-minute behavioral round. Its steps are
 * numbered 0..5: step 2k is question k (a STAR answer), step 2k+1 its follow-up (one field). The step a mock
 * stands at is the one waiting for an answer; `doneStep` means every step is answered. Pure: the state is
 * stored in mock_interviews, the rules live here.
 */

/** Three questions, as a behavioral round of about 25 minutes has time for, each with a follow-up. */
export const MOCK_QUESTIONS = 3;
/** A spoken STAR answer should take about two minutes (the coach's TARGET_SECONDS). */
export const MOCK_TARGET_SPOKEN_SECONDS = 120;
/** A mock nobody touched for this long ends with a partial summary. */
export const MOCK_EXPIRY_MS = 24 * 60 * 60_000;

/** One question of a mock, chosen when it starts and stored with it, so a guide edited meanwhile changes nothing. */
export interface MockQuestion {
  topicSlug: string;
  questionId: string;
  questionText: string;
  /** Which of the topic's follow-ups (1-based, as the guide numbers them) comes after it. */
  followUpNumber: number;
  followUpText: string;
}

/** How long one answered step took, from its question's post to the save (null: the post time was lost). */
export interface MockTiming {
  step: number;
  seconds: number | null;
}

export const MOCK_END_REASONS = ['completed', 'ended', 'expired'] as const;
export type MockEndReason = (typeof MOCK_END_REASONS)[number];

export type MockStep =
  | { kind: 'star'; question: number; step: number }
  | { kind: 'follow_up'; question: number; step: number };

/** The step after every question and follow-up is answered. */
export const doneStep = (questions: readonly unknown[]): number => questions.length * 2;

/** What step `step` asks: question k's STAR answer, or its follow-up. */
export function stepOf(step: number): MockStep {
  const question = Math.floor(step / 2);
  return step % 2 === 0 ? { kind: 'star', question, step } : { kind: 'follow_up', question, step };
}

/** Whole seconds from `from` to `to`, never negative; null without a start. */
export function secondsBetween(from: Date | null, to: Date): number | null {
  return from === null ? null : Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

/** The follow-up that comes after a question: the guide's follow-ups in turn, by the question's number. */
export function followUpFor(
  topic: { followUps: readonly string[] },
  questionNumber: number,
): { number: number; text: string } {
  const index = (Math.max(1, questionNumber) - 1) % topic.followUps.length;
  return { number: index + 1, text: topic.followUps[index] as string };
}

/** `45 s`, `3 min 05 s`: how long an answer took, or takes to say. */
export function durationLabel(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** `about 1 min 40 s spoken, within 2 min` / `about 2 min 30 s spoken, 30 s over 2 min`. */
export function spokenAgainstTarget(speakingSeconds: number): string {
  const over = Math.round(speakingSeconds) - MOCK_TARGET_SPOKEN_SECONDS;
  const limit = `${MOCK_TARGET_SPOKEN_SECONDS / 60} min`;
  return `about ${durationLabel(speakingSeconds)} spoken, ${over > 0 ? `${durationLabel(over)} over ${limit}` : `within ${limit}`}`;
}
