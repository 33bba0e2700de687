import type { StarPart } from '../bank/types.ts';

export const CHECK_IDS = [
  'measured',
  'ownership',
  'occasion',
  'balance',
  'specific',
  'reflection',
  'on_topic',
  'no_blame',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** What one check found, before it is weighed: the analysis turns this into a `CheckResult`. */
export interface Assessment {
  /** 0..1: how far the answer meets the check (partial credit makes the score rank answers finely). */
  fraction: number;
  passed: boolean;
  why: string;
  suggestion: string;
  /** The check's view of each part it looked at, 0..1, for the per-part breakdown. */
  parts: Partial<Record<StarPart, number>>;
}

export interface CheckResult {
  /** 'role': "Connects to the role", added only when a role is set (checks/role.ts). */
  id: CheckId | 'role';
  /** "Measured result". */
  label: string;
  passed: boolean;
  points: number;
  maxPoints: number;
  /** Why it passed or failed, quoting the candidate's words where that helps. */
  why: string;
  /** One concrete thing to do next time. */
  suggestion: string;
  /** The guide's Preparation Strategy the check comes from; absent when the guide has none that fits. */
  strategy?: { number: number; title: string };
}

export interface WordCounts {
  situation: number;
  task: number;
  action: number;
  result: number;
  total: number;
}

/**
 * What an interviewer rejects outright, whatever else the answer does well: the score is at most `max`.
 * missing_parts: a part is empty; hypothetical: "I would..." instead of one time; off_topic: the story
 * answers another topic's question; claims: fragments and bare claims instead of sentences that tell.
 */
export type CapId = 'missing_parts' | 'hypothetical' | 'off_topic' | 'claims';
export interface Cap {
  id: CapId;
  max: number;
  /** What the answer does, quoting it. */
  why: string;
  /** The one thing to do about it. */
  suggestion: string;
}

export interface AnswerFeedback {
  /**
   * 0-100, the sum of the checks' points, at most the lowest cap. Null when the answer is not in English:
   * the checks read English, so they give no score.
   */
  score: number | null;
  /** Absent on analyses stored before languages were told apart (they were all read as English). */
  language?: 'english' | 'other';
  /** The caps that apply, lowest first (absent on analyses stored before caps). */
  caps?: Cap[];
  /** Each part's own standing, 0-100, from the checks that look at it. */
  parts: Record<StarPart, number>;
  checks: CheckResult[];
  words: WordCounts;
  /** At about 150 words a minute; a spoken STAR answer should take about two minutes. */
  speakingSeconds: number;
  /** Parts with fewer than three words: a STAR answer missing a part cannot score well. */
  missingParts: StarPart[];
}

export interface FollowUpFeedback {
  /** Null when the answer is not in English, as for an answer. */
  score: number | null;
  language?: 'english' | 'other';
  caps?: Cap[];
  /** Only the checks that make sense for a short answer to a follow-up: specific, ownership, measured. */
  checks: CheckResult[];
  words: number;
  speakingSeconds: number;
}
