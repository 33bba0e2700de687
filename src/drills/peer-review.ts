/**
 * "Ask a colleague" (peer review): the rules, pure. Who may be asked, how often, how long a request stays
 * open, what a review holds and how it is read back.
 */
import { stripControlChars } from './clean-text.ts';

export const PEER_REVIEW_STATUSES = ['pending', 'reviewed', 'declined', 'expired', 'withdrawn'] as const;
export type PeerReviewStatus = (typeof PEER_REVIEW_STATUSES)[number];

/** The same author may ask the same colleague at most this many times in any 24 hours. */
export const MAX_ASKS_PER_DAY = 5;
export const DAY_MS = 24 * 60 * 60_000;
/** A request unanswered this long expires, and both people are told. */
export const EXPIRY_DAYS = 7;
export const EXPIRY_MS = EXPIRY_DAYS * DAY_MS;

export const MAX_NOTE_CHARS = 500;
export const MAX_COMMENT_CHARS = 1500;

/** The four things a reviewer rates, 1 (not at all) to 5 (clearly), in the order the modal asks them. */
export const PEER_CRITERIA = ['clearSituation', 'ownActions', 'measuredResult', 'wouldHire'] as const;
export type PeerCriterion = (typeof PEER_CRITERIA)[number];

export const PEER_CRITERION_LABELS: Record<PeerCriterion, string> = {
  clearSituation: 'The situation is clear',
  ownActions: 'It shows their own actions',
  measuredResult: 'The result is measured',
  wouldHire: 'I would hire on this answer',
};

export const PEER_RATING_VALUES = [1, 2, 3, 4, 5] as const;
export const PEER_RATING_WORDS: Record<number, string> = {
  1: 'not at all',
  2: 'a little',
  3: 'partly',
  4: 'mostly',
  5: 'clearly',
};

export type PeerRatings = Record<PeerCriterion, number>;

/** What Slack's users.info says about the person picked, as far as the choice depends on it. */
export interface ColleagueFacts {
  id: string;
  teamId: string | undefined;
  isBot: boolean;
  deleted: boolean;
}

export type ColleagueCheck = { ok: true } | { ok: false; error: string };

/**
 * Whether the author may ask this person: not themselves, not a bot, not a deactivated account, not someone
 * of another workspace (a Slack Connect guest: their workspace never agreed to this bot), and not more than
 * MAX_ASKS_PER_DAY times a day. `facts` undefined: Slack does not know the user.
 */
export function checkColleague(p: {
  authorId: string;
  teamId: string;
  pickedId: string | undefined;
  facts: ColleagueFacts | undefined;
  asksToday: number;
}): ColleagueCheck {
  if (!p.pickedId) return { ok: false, error: 'Choose the colleague to ask.' };
  if (p.pickedId === p.authorId)
    return {
      ok: false,
      error: 'That is you. Choose a colleague: the point is a second pair of eyes.',
    };
  if (!p.facts) return { ok: false, error: 'Slack does not know this person. Choose someone else.' };
  if (p.facts.isBot)
    return { ok: false, error: 'That is a bot, and bots cannot review answers. Choose a person.' };
  if (p.facts.deleted)
    return {
      ok: false,
      error: 'This account is deactivated, so they would never see it. Choose someone else.',
    };
  if (p.facts.teamId !== undefined && p.facts.teamId !== p.teamId)
    return {
      ok: false,
      error:
        'This person is in another workspace, and Star Drill only shares answers within yours. Choose a colleague here.',
    };
  if (p.asksToday >= MAX_ASKS_PER_DAY)
    return {
      ok: false,
      error: `You have asked this colleague ${MAX_ASKS_PER_DAY} times in the last 24 hours, the most Star Drill sends. Try again tomorrow, or ask someone else.`,
    };
  return { ok: true };
}

export type RatingsCheck =
  | { ok: true; ratings: PeerRatings; comment: string | null }
  | { ok: false; errors: Partial<Record<PeerCriterion | 'comment', string>> };

/** The review modal's ratings (raw option values, forgeable) and comment, checked. */
export function checkReview(
  raw: Partial<Record<PeerCriterion, string | null | undefined>>,
  rawComment: string | null | undefined,
): RatingsCheck {
  const errors: Partial<Record<PeerCriterion | 'comment', string>> = {};
  const ratings: Partial<PeerRatings> = {};
  for (const criterion of PEER_CRITERIA) {
    const value = raw[criterion];
    const n = value && /^[1-5]$/.test(value) ? Number(value) : undefined;
    if (n === undefined) errors[criterion] = 'Choose a rating from 1 to 5.';
    else ratings[criterion] = n;
  }
  const comment = stripControlChars(rawComment ?? '').trim();
  if ([...comment].length > MAX_COMMENT_CHARS)
    errors.comment = `Keep the comment to ${MAX_COMMENT_CHARS} characters (this one has ${[...comment].length}).`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, ratings: ratings as PeerRatings, comment: comment === '' ? null : comment };
}

/** The optional note to the colleague, cleaned; an error when too long. */
export function checkNote(
  raw: string | null | undefined,
): { ok: true; note: string | null } | { ok: false; error: string } {
  const note = stripControlChars(raw ?? '').trim();
  const n = [...note].length;
  if (n > MAX_NOTE_CHARS)
    return { ok: false, error: `Keep the note to ${MAX_NOTE_CHARS} characters (this one has ${n}).` };
  return { ok: true, note: note === '' ? null : note };
}

/** One review's overall rating: the mean of its four, on the same 1-5 scale. */
export function overallRating(r: PeerRatings): number {
  return PEER_CRITERIA.reduce((sum, c) => sum + r[c], 0) / PEER_CRITERIA.length;
}

/** "4.3/5", one decimal (a whole number stays whole). */
export function ratingLabel(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}/5`;
}
