/**
 * What a mock interview's summary says, from its answers as stored and scored: per question the score, the
 * time taken and the speaking time; the strongest and the weakest answer; the two things to practise next
 * (what cost most points across all the answers, a cap counting as the points it took away); the stories
 * used. Pure: the caller reads the rows, views/mock-messages.ts writes the message.
 */
import type { Cap, CapId, CheckResult } from '../coach/types.ts';
import type { MockEndReason, MockQuestion } from '../drills/mock-interview.ts';

export interface MockAnswerResult {
  /** 0..100; null when the coach gave none (an answer not in English, or not analysed). */
  score: number | null;
  /** From the question's post to the save; null when the post time was lost. */
  seconds: number | null;
  /** At about 150 words a minute; null when not analysed. */
  speakingSeconds: number | null;
  checks: readonly CheckResult[];
  caps: readonly Cap[];
}

export interface MockQuestionResult {
  question: MockQuestion;
  topicTitle: string;
  /** Null: not answered (the mock ended first). */
  star: MockAnswerResult | null;
  followUp: MockAnswerResult | null;
  /** The story the STAR answer tells (the story bank). */
  story: string | null;
}

export type PractiseItem =
  | { kind: 'check'; label: string; suggestion: string }
  | { kind: 'cap'; cap: CapId; suggestion: string };

export interface MockSummary {
  reason: MockEndReason;
  questions: readonly MockQuestionResult[];
  /** Steps answered, of `steps`. */
  answeredSteps: number;
  steps: number;
  /** By STAR score; `weakest` only when two answers have one (a single answer is not weak against itself). */
  strongest: number | null;
  weakest: number | null;
  /** At most two. */
  practise: PractiseItem[];
  /** Distinct story titles, in question order. */
  stories: string[];
}

export function summariseMock(reason: MockEndReason, questions: readonly MockQuestionResult[]): MockSummary {
  const scored = questions
    .map((q, index) => ({ index, score: q.star?.score ?? null }))
    .filter((s): s is { index: number; score: number } => s.score !== null)
    // Equal scores: the earlier question counts as strongest, the later one as weakest.
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const answeredSteps = questions.reduce((n, q) => n + (q.star ? 1 : 0) + (q.followUp ? 1 : 0), 0);
  return {
    reason,
    questions,
    answeredSteps,
    steps: questions.length * 2,
    strongest: scored[0]?.index ?? null,
    weakest: scored.length >= 2 ? (scored.at(-1)?.index ?? null) : null,
    practise: practiseNext(questions.flatMap((q) => [q.star, q.followUp]).filter((a) => a !== null)),
    stories: [...new Set(questions.flatMap((q) => (q.story ? [q.story] : [])))],
  };
}

/** The two things that cost most across the answers; each with the suggestion of its costliest occurrence. */
export function practiseNext(answers: readonly MockAnswerResult[], n = 2): PractiseItem[] {
  const byKey = new Map<string, { item: PractiseItem; lost: number; worst: number }>();
  const add = (key: string, item: PractiseItem, lost: number) => {
    if (lost <= 0) return;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { item, lost, worst: lost });
    else {
      seen.lost += lost;
      if (lost > seen.worst) Object.assign(seen, { item, worst: lost });
    }
  };
  for (const a of answers) {
    for (const cap of a.caps)
      add(`cap:${cap.id}`, { kind: 'cap', cap: cap.id, suggestion: cap.suggestion }, 100 - cap.max);
    for (const c of a.checks) {
      if (c.passed) continue;
      add(
        `check:${c.id}`,
        { kind: 'check', label: c.label, suggestion: c.suggestion },
        c.maxPoints - c.points,
      );
    }
  }
  return [...byKey.values()]
    .sort((a, b) => b.lost - a.lost)
    .slice(0, n)
    .map((e) => e.item);
}
