/**
 * The weekly recap: on Monday at the user's drill time, a short DM about the week that just ended
 * (Monday to Sunday in the user's zone): drills answered, average score and its change from the week
 * before, strongest and weakest topic, the streak. No recap for a week with nothing answered.
 *
 * Like a drill, a recap belongs to its Monday: sent late that day after an outage, never on Tuesday.
 * Exactly once per user and week is the storage's job (a row keyed by user and `weekStart`); this module
 * says which week is due and what goes in it.
 */
import { addDays, mondayOf } from '../drills/local-date.ts';
import { dueInstant, localDateOf } from '../drills/schedule.ts';
import type { Streak } from './streak.ts';
import type { AnsweredDrill } from './topic-stats.ts';

export interface RecapWeek {
  /** The Monday the week starts. */
  weekStart: string;
  /** The Sunday it ends. */
  weekEnd: string;
  /** The Monday after it, on which the recap is sent. */
  sendDate: string;
  /** The drill time on `sendDate`. */
  sendAt: Date;
}

function weekBefore(zone: string, sendDate: string, minuteOfDay: number): RecapWeek {
  return {
    weekStart: addDays(sendDate, -7),
    weekEnd: addDays(sendDate, -1),
    sendDate,
    sendAt: dueInstant(zone, sendDate, minuteOfDay),
  };
}

/**
 * The latest week whose recap time has come at `now`: the week before this Monday once this Monday's drill
 * time has passed, else the week before last (whose recap was due last Monday).
 */
export function recapWeekAt(zone: string, minuteOfDay: number, now: Date): RecapWeek {
  const thisMonday = mondayOf(localDateOf(zone, now));
  const week = weekBefore(zone, thisMonday, minuteOfDay);
  return week.sendAt.getTime() <= now.getTime()
    ? week
    : weekBefore(zone, addDays(thisMonday, -7), minuteOfDay);
}

/**
 * The week to recap at `now`, or null: its Monday is over (never sent late on another day), or it was
 * already sent (`lastSentWeekStart`, the `weekStart` of the last recap sent, if any).
 */
export function recapDue(p: {
  zone: string;
  minuteOfDay: number;
  now: Date;
  lastSentWeekStart: string | null;
}): RecapWeek | null {
  const week = recapWeekAt(p.zone, p.minuteOfDay, p.now);
  if (localDateOf(p.zone, p.now) !== week.sendDate) return null;
  if (p.lastSentWeekStart !== null && p.lastSentWeekStart >= week.weekStart) return null;
  return week;
}

export interface RecapTopic {
  slug: string;
  title: string;
  averageScore: number;
  answered: number;
}

export interface WeeklyRecap {
  weekStart: string;
  weekEnd: string;
  answered: number;
  /** Of the week's scored answers, rounded; null when none is scored. */
  averageScore: number | null;
  /** The week before's, rounded; null when it had no scored answer. */
  previousAverage: number | null;
  /** `averageScore - previousAverage` (unrounded averages, then rounded); null unless both exist. */
  change: number | null;
  /** The topic with the best average this week; null without scores. */
  strongest: RecapTopic | null;
  /** The topic with the lowest average this week; null with fewer than two scored topics. */
  weakest: RecapTopic | null;
  streak: Pick<Streak, 'current' | 'longest'>;
}

export interface WeeklyRecapInput {
  zone: string;
  week: Pick<RecapWeek, 'weekStart' | 'weekEnd'>;
  /** The user's answers, at least those of the week and the week before (more are ignored). */
  answered: readonly AnsweredDrill[];
  /** Topic titles by slug; a slug without a title is shown as itself. */
  titles: ReadonlyMap<string, string>;
  streak: Pick<Streak, 'current' | 'longest'>;
}

/** The recap of a week, or null when nothing was answered in it (then no recap is sent). */
export function weeklyRecap({ zone, week, answered, titles, streak }: WeeklyRecapInput): WeeklyRecap | null {
  const previousStart = addDays(week.weekStart, -7);
  const thisWeek: AnsweredDrill[] = [];
  const lastWeek: AnsweredDrill[] = [];
  for (const a of answered) {
    const date = localDateOf(zone, a.answeredAt);
    if (week.weekStart <= date && date <= week.weekEnd) thisWeek.push(a);
    else if (previousStart <= date && date < week.weekStart) lastWeek.push(a);
  }
  if (thisWeek.length === 0) return null;

  const average = scoredMean(thisWeek);
  const previous = scoredMean(lastWeek);
  const topics = topicAverages(thisWeek, titles);
  const strongest = topics[0] ?? null;
  const weakest = topics.length >= 2 ? (topics.at(-1) ?? null) : null;
  return {
    weekStart: week.weekStart,
    weekEnd: week.weekEnd,
    answered: thisWeek.length,
    averageScore: average === null ? null : Math.round(average),
    previousAverage: previous === null ? null : Math.round(previous),
    change: average === null || previous === null ? null : Math.round(average - previous),
    strongest,
    weakest,
    streak: { current: streak.current, longest: streak.longest },
  };
}

function scoresOf(rows: readonly AnsweredDrill[]): number[] {
  return rows.flatMap((r) => (r.score === null || !Number.isFinite(r.score) ? [] : [r.score]));
}

function scoredMean(rows: readonly AnsweredDrill[]): number | null {
  const scores = scoresOf(rows);
  return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
}

/** Scored topics, best average first; ties: more answers first, then slug, so the order is stable. */
function topicAverages(rows: readonly AnsweredDrill[], titles: ReadonlyMap<string, string>): RecapTopic[] {
  const bySlug = new Map<string, AnsweredDrill[]>();
  for (const r of rows) bySlug.set(r.topicSlug, [...(bySlug.get(r.topicSlug) ?? []), r]);
  const out: (RecapTopic & { exact: number })[] = [];
  for (const [slug, topicRows] of bySlug) {
    const exact = scoredMean(topicRows);
    if (exact === null) continue;
    out.push({
      slug,
      title: titles.get(slug) ?? slug,
      averageScore: Math.round(exact),
      answered: topicRows.length,
      exact,
    });
  }
  out.sort(
    (a, b) =>
      b.exact - a.exact || b.answered - a.answered || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
  return out.map(({ exact: _, ...t }) => t);
}

/** When the next recap is due after `now`: the coming Monday at the drill time (this one if still ahead). */
export function nextRecapAt(zone: string, minuteOfDay: number, now: Date): Date {
  const thisMonday = mondayOf(localDateOf(zone, now));
  const sendAt = dueInstant(zone, thisMonday, minuteOfDay);
  return sendAt.getTime() > now.getTime() ? sendAt : dueInstant(zone, addDays(thisMonday, 7), minuteOfDay);
}
