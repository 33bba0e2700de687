/**
 * Finding the quantities in a text. The model finds them (its entity types and part-of-speech tags); the
 * rules below only decide which of them are amounts: a team's size, a year, a ticket or a version number
 * counts nothing. Whether an amount is a *result* (a change the candidate made) is measured.ts's question.
 */
import type { Reading, Token } from '../reading.ts';
import { containsPhrase, textOf } from '../reading.ts';

export type MeasureKind = 'percent' | 'money' | 'duration' | 'count' | 'multiplier' | 'before-after';

export interface Measure {
  kind: MeasureKind;
  /** The candidate's words for it. */
  text: string;
  start: number;
  end: number;
}

/** Entity types that are quantities on their own. */
const QUANTITY_ENTITIES: Record<string, MeasureKind> = { PERCENT: 'percent', MONEY: 'money' };
/** Entity types whose numbers name a point in time or a rank, never an amount. */
const NOT_AMOUNTS = new Set(['DATE', 'TIME', 'ORDINAL']);

/** "over six months", "for three years": a duration after these frames the story, it is not an outcome. */
const TIMEFRAME_WORDS = new Set([
  'over',
  'after',
  'for',
  'during',
  'throughout',
  'past',
  'last',
  'every',
  'each',
]);
/** A number right after these names a thing ("version 2", "sprint 4", "ticket 553"), it does not count it. */
const LABEL_NOUNS = new Set([
  'version',
  'v',
  'release',
  'sprint',
  'ticket',
  'issue',
  'pr',
  'bug',
  'number',
  'no.',
  '#',
  'phase',
  'step',
  'quarter',
  'q',
  'level',
  'tier',
  'sev',
  'severity',
  'priority',
  'p',
  'page',
  'chapter',
  'iteration',
  'milestone',
  'rfc',
  'room',
  'floor',
  'day',
  'week',
  'year',
  'gen',
  'generation',
]);
/** "a team of 5", "a group of 12": the size of the cast, not a result. */
const COLLECTIVES = new Set(['team', 'group', 'squad', 'crew', 'panel', 'committee', 'department', 'staff']);
const PEOPLE = new Set(['person', 'people', 'member', 'engineer', 'developer', 'man', 'woman', 'folk']);
/** Before a number these make it a comparison: "by 30", "to 120", "under 5". */
const COMPARING = new Set([
  'by',
  'to',
  'from',
  'than',
  'under',
  'below',
  'above',
  'within',
  'only',
  'just',
  'about',
  'around',
  'roughly',
  'approximately',
  'nearly',
  'almost',
  'over',
]);
/** Words that are amounts without digits. */
const WORD_MULTIPLIERS = new Set([
  'half',
  'third',
  'quarter',
  'halve',
  'double',
  'triple',
  'quadruple',
  'twice',
  'thrice',
  'tenfold',
]);
/** Amounts only after "by", "in" or "to": "a quarter" is also a span of time, "the first half" a position. */
const FRACTIONS = new Set(['half', 'third', 'quarter']);
/** Verifiable outcomes without a number: the deadline or the budget held, nothing broke. */
const MILESTONES = [
  'on time',
  'on schedule',
  'ahead of schedule',
  'before the deadline',
  'on budget',
  'under budget',
  'no downtime',
  'zero downtime',
  'without downtime',
  'no regression',
  'no incident',
];
/** The "x" of "10x" (the tokenizer splits it off, sometimes with the sentence's full stop). */
function isTimesX(t: Token | undefined): boolean {
  return t !== undefined && (t.normal === 'x' || t.normal === 'x.');
}

function isNumberToken(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'NUM' || t.kind === 'number');
}

function isNoun(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.kind === 'symbol');
}

/**
 * Whether the number at `i` counts an outcome. `i` is a number outside any entity that is a point in time.
 */
function countsSomething(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  const prev2 = tokens[i - 2];
  // Glued to what precedes it ("v2.1" -> "v2", ".", "1"; "#553"): part of a name or an identifier.
  if (
    prev !== undefined &&
    !t.spaced &&
    !['$', '€', '£', '~', '(', '<', '>', '+', '≈'].includes(prev.value)
  ) {
    return false;
  }
  if (/^\d+(\.\d+){2,}$/.test(t.value)) return false; // 2.3.1: a version
  if (t.normal === 'one') return false; // "one junior developer": a determiner more often than a count
  if (prev && LABEL_NOUNS.has(prev.lemma)) return false;
  if (prev?.lemma === 'of' && prev2 && COLLECTIVES.has(prev2.lemma)) return false;
  const next = tokens[i + 1]?.value === '-' ? tokens[i + 2] : tokens[i + 1];
  const after = tokens[(tokens[i + 1]?.value === '-' ? i + 2 : i + 1) + 1];
  // "a 5-person team", "5 engineers on the team"
  if (next && PEOPLE.has(next.lemma) && after && (COLLECTIVES.has(after.lemma) || after.lemma === 'on'))
    return false;
  if (next?.lemma === 'of' && ['us', 'them', 'we'].includes(tokens[i + 2]?.normal ?? '')) return false;
  // A bare year: "in 2021", "since 2019".
  const n = Number(t.value.replace(/,/g, ''));
  if (/^\d{4}$/.test(t.value) && n >= 1900 && n <= 2099 && !isNoun(next)) return false;
  if (isNoun(next) || next?.value === '%' || isTimesX(next)) return true;
  if (next?.pos === 'ADJ' && isNoun(tokens[i + 2])) return true; // "three new regions"
  return prev !== undefined && COMPARING.has(prev.lemma);
}

/**
 * "cut it by half", "twice as fast", "halved", "doubled the throughput"; not "did the work twice" or "the
 * first half of the project", where the word counts nothing the candidate changed.
 */
function isWordMultiplier(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!WORD_MULTIPLIERS.has(t.lemma)) return false;
  if (t.pos === 'VERB') return true;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (FRACTIONS.has(t.lemma)) {
    // "by half", "in half", "by a third", "to a quarter"; not "a quarter later" or "the first half".
    const lead = prev?.lemma === 'a' || prev?.lemma === 'one' ? tokens[i - 2] : prev;
    return ['by', 'in', 'to'].includes(lead?.lemma ?? '');
  }
  return (
    next !== undefined &&
    (next.lemma === 'as' || next.pos === 'DET' || next.pos === 'NOUN' || next.pos === 'ADJ')
  );
}

/** The unit after a number, so the quote reads "900 ms" rather than "900". */
function withUnit(tokens: Token[], i: number): number {
  const next = tokens[i + 1];
  if (next && (isNoun(next) || next.value === '%' || isTimesX(next))) {
    const after = tokens[i + 2];
    // "10,000 events per second", "12 hours per week"
    if (after?.lemma === 'per' && isNoun(tokens[i + 3])) return i + 3;
    return i + 1;
  }
  if (next?.pos === 'ADJ' && isNoun(tokens[i + 2])) return i + 2; // "three new regions"
  return i;
}

/** Words after an amount that belong to it: "$2M", "$40k", "$1.5 million". */
const SCALE_WORDS = new Set(['thousand', 'million', 'billion', 'k', 'm', 'bn', 'mm']);

/** The end of a measure, moved over a scale glued to it ("$2" + "M") or written after it ("$3 million"). */
function withScale(tokens: Token[], end: number): number {
  const next = tokens[end + 1];
  if (next && SCALE_WORDS.has(next.normal.replace(/\.$/, '')) && (!next.spaced || next.normal.length > 2))
    return end + 1;
  return end;
}

/** The candidate's words for tokens start..end, without a full stop folded into "ms." or "10x.". */
function quote(reading: Reading, start: number, end: number): string {
  return textOf(reading, start, end).replace(/\.$/, '');
}

/** Every quantity in `reading` that measures an outcome, in order of appearance. */
export function findMeasures(reading: Reading): Measure[] {
  const { tokens, entities } = reading;
  const found: Measure[] = [];
  const add = (kind: MeasureKind, start: number, end: number) =>
    found.push({ kind, start, end, text: quote(reading, start, end) });

  for (const entity of entities) {
    const quantity = QUANTITY_ENTITIES[entity.type];
    if (quantity) add(quantity, entity.start, withScale(tokens, entity.end));
    if (entity.type !== 'DURATION') continue;
    // "a year" in "$20,000 a year" has no number of its own; "over six months" frames the story.
    let hasNumber = false;
    for (let i = entity.start; i <= entity.end; i++) hasNumber ||= isNumberToken(tokens[i]);
    const first = tokens[entity.start];
    const before = tokens[entity.start - 1];
    const framed = TIMEFRAME_WORDS.has(first?.lemma ?? '') || TIMEFRAME_WORDS.has(before?.lemma ?? '');
    if (hasNumber && !framed) add('duration', entity.start, entity.end);
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const entity = t.entity === undefined ? undefined : entities[t.entity];
    if (isWordMultiplier(tokens, i) && !(entity && entity.type in QUANTITY_ENTITIES)) {
      add('multiplier', i, i);
      continue;
    }
    if (!isNumberToken(t)) continue;
    // Numbers inside amounts were taken whole above; dates, times and ranks are not amounts.
    if (
      entity &&
      (entity.type in QUANTITY_ENTITIES || entity.type === 'DURATION' || NOT_AMOUNTS.has(entity.type))
    )
      continue;
    if (!countsSomething(tokens, i)) continue;
    // "three times faster", "10x"
    const next = tokens[i + 1];
    if ((next?.lemma === 'time' && ['ADV', 'ADJ'].includes(tokens[i + 2]?.pos ?? '')) || isTimesX(next))
      add('multiplier', i, next?.lemma === 'time' ? i + 2 : i + 1);
    else add('count', i, withUnit(tokens, i));
  }

  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return mergeBeforeAfter(reading, found);
}

/** "from 4 hours to 20 minutes": two measures joined by from..to become one before/after comparison. */
function mergeBeforeAfter(reading: Reading, measures: Measure[]): Measure[] {
  const { tokens } = reading;
  const out: Measure[] = [];
  for (let k = 0; k < measures.length; k++) {
    const a = measures[k] as Measure;
    const b = measures[k + 1];
    const approx = ['about', 'around', 'roughly', 'approximately', 'nearly', 'almost', 'over'];
    const fromAt = [a.start, a.start - 1, a.start - 2].find(
      (j) => tokens[j]?.lemma === 'from' && (j >= a.start - 1 || approx.includes(tokens[j + 1]?.lemma ?? '')),
    );
    const from = fromAt !== undefined;
    const bridge = b ? tokens.slice(a.end + 1, b.start).map((t) => t.lemma) : [];
    // "from 20% to 0.1%", "from about 30 a day to zero": a short bridge ending in "to".
    if (from && b && bridge.length <= 4 && bridge.at(-1) === 'to') {
      const start = fromAt as number;
      out.push({ kind: 'before-after', start, end: b.end, text: quote(reading, start, b.end) });
      k++;
      continue;
    }
    // An overlapping duplicate (a number inside a span already taken) adds nothing.
    if (out.length > 0 && a.start <= (out.at(-1) as Measure).end) continue;
    out.push(a);
  }
  return out;
}

/** Phrases such as "on schedule" that make an outcome checkable without a number. */
export function findMilestones(reading: Reading): string[] {
  return MILESTONES.filter((m) => containsPhrase(reading, m));
}
