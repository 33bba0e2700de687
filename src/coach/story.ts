/**
 * Whether an answer tells what happened or lists claims. Numbers, "I" and outcome verbs are evidence only
 * inside sentences that have a subject, a verb and what the verb acted on: "I led. I owned it. Resulting in
 * a 30% reduction, 45 minutes restoration." has all the surface marks of a strong answer and no story.
 * The checks read only the story sentences (`storyOnly`), so a claim earns nothing, and an answer that is
 * mostly claims, or words out of order, is capped (analyse.ts).
 */
import type { Entity, Reading, Token } from './reading.ts';
import { quoteAround, streamOf } from './reading.ts';

const WORD_KINDS = new Set(['word', 'number', 'alpha_numeric', 'email', 'url', 'hashtag', 'mention']);
const SUBJECT_POS = new Set(['PRON', 'NOUN', 'PROPN']);
/**
 * Part-of-speech pairs English does not put side by side ("the the", "in in", "the traced"): a handful in
 * any real text (tagging slips), a third of the pairs once the words are shuffled.
 */
const BAD_NEXT: Record<string, Set<string>> = {
  DET: new Set(['DET', 'VERB', 'AUX', 'PUNCT', 'ADP', 'CCONJ', 'SCONJ', 'PART']),
  ADP: new Set(['PUNCT', 'CCONJ', 'ADP', 'AUX', 'SCONJ']),
  CCONJ: new Set(['PUNCT', 'CCONJ']),
  SCONJ: new Set(['PUNCT', 'CCONJ']),
  AUX: new Set(['DET', 'CCONJ']),
};

/**
 * Nouns that name nothing in particular: a sentence whose only nouns are these ("This resulted in a 35%
 * improvement and 2x faster delivery.", "I learned a lot.") claims without telling.
 */
const HOLLOW_NOUNS = new Set([
  'improvement',
  'increase',
  'decrease',
  'reduction',
  'boost',
  'gain',
  'growth',
  'delivery',
  'performance',
  'efficiency',
  'result',
  'outcome',
  'impact',
  'success',
  'value',
  'lot',
  'thing',
  'stuff',
  'everything',
  'x',
  'way',
  'experience',
]);

export interface SentenceShape {
  index: number;
  words: number;
  /** True for a fragment ("Resulting in a 30% reduction.") or a bare claim ("I led.", "I owned it."). */
  claim: boolean;
  /** A sentence of some length that names nothing: its nouns are all hollow ("a 35% improvement"). */
  hollow: boolean;
}

function isWord(t: Token): boolean {
  return WORD_KINDS.has(t.kind);
}

/** A verb that carries a clause: not an -ing or to-infinitive hanging on nothing. */
function finiteVerbAt(tokens: Token[], start: number, end: number): number {
  for (let i = start; i <= end; i++) {
    const t = tokens[i] as Token;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    if (t.normal.endsWith('ing') && t.pos === 'VERB') continue;
    if (tokens[i - 1]?.normal === 'to') continue;
    return i;
  }
  return -1;
}

export function sentenceShapes(reading: Reading): SentenceShape[] {
  const { tokens } = reading;
  return reading.sentences.map(({ start, end }, index) => {
    let words = 0;
    for (let i = start; i <= end; i++) if (isWord(tokens[i] as Token)) words++;
    const verb = finiteVerbAt(tokens, start, end);
    let after = 0;
    if (verb !== -1) for (let i = verb + 1; i <= end; i++) if (isWord(tokens[i] as Token)) after++;
    let hasSubject = false;
    for (let i = start; i < verb; i++) hasSubject ||= SUBJECT_POS.has((tokens[i] as Token).pos);
    const first = tokens[start];
    // "Resulting in...", "Leading to...": a participle opening the sentence hangs on nothing.
    const participleOpening = first !== undefined && first.pos === 'VERB' && first.normal.endsWith('ing');
    const fragment = verb === -1 || (participleOpening && !hasSubject);
    const bare = words <= 3 || (words <= 5 && after <= 1);
    let named = false;
    for (let i = start; i <= end; i++) {
      const t = tokens[i] as Token;
      named ||= (t.pos === 'NOUN' || t.pos === 'PROPN') && !HOLLOW_NOUNS.has(t.lemma) && t.kind === 'word';
    }
    const hollow = words > 5 && !named;
    return { index, words, claim: words > 0 && (fragment || bare || hollow), hollow };
  });
}

export interface StoryReading {
  sentences: number;
  /** Quotes of the fragments and bare claims, in order. */
  claims: string[];
  /** Whether the words read as shuffled: many part-of-speech pairs English never puts together. */
  jumbled: boolean;
  /** The rate that decides `jumbled`, for tests and tuning. */
  oddPairRate: number;
}

/** Above this share of odd pairs the text is not sentences; real answers, non-native ones too, stay below 0.08. */
const JUMBLED_RATE = 0.12;

export function readStory(readings: readonly Reading[]): StoryReading {
  let sentences = 0;
  const claims: string[] = [];
  let pairs = 0;
  let odd = 0;
  for (const reading of readings) {
    for (const s of sentenceShapes(reading)) {
      if (s.words === 0) continue;
      sentences++;
      const range = reading.sentences[s.index];
      if (s.claim && range) claims.push(quoteAround(reading, range.start, 10));
    }
    const { tokens } = reading;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const a = tokens[i] as Token;
      const b = tokens[i + 1] as Token;
      if (a.sentence !== b.sentence) continue;
      pairs++;
      if (BAD_NEXT[a.pos]?.has(b.pos)) odd++;
    }
  }
  const oddPairRate = pairs === 0 ? 0 : odd / pairs;
  return { sentences, claims, jumbled: pairs >= 12 && oddPairRate > JUMBLED_RATE, oddPairRate };
}

/** Words outside hollow sentences: an appended "This resulted in a 35% improvement." fills no part. */
export function toldWords(reading: Reading): number {
  return sentenceShapes(reading).reduce((n, s) => n + (s.hollow ? 0 : s.words), 0);
}

/** Whether the claims are most of the answer: then it reads as a list, whatever its numbers. */
export function isListOfClaims(story: StoryReading): boolean {
  return story.claims.length >= 3 && story.claims.length / Math.max(1, story.sentences) >= 0.4;
}

/**
 * The reading without its fragments and bare claims: what the checks credit. Sentences are renumbered and
 * entities that fall inside a dropped sentence go with it.
 */
export function storyOnly(reading: Reading): Reading {
  const drop = new Set(sentenceShapes(reading).flatMap((s) => (s.claim ? [s.index] : [])));
  if (drop.size === 0) return reading;
  const keep: number[] = [];
  reading.tokens.forEach((t, i) => {
    if (!drop.has(t.sentence)) keep.push(i);
  });
  const newIndex = new Map(keep.map((old, i) => [old, i]));
  const entities: Entity[] = [];
  const entityIndex = new Map<number, number>();
  reading.entities.forEach((e, k) => {
    const start = newIndex.get(e.start);
    const end = newIndex.get(e.end);
    if (start === undefined || end === undefined) return;
    entityIndex.set(k, entities.length);
    entities.push({ ...e, start, end });
  });
  const sentenceIndex = new Map<number, number>();
  const sentences: Reading['sentences'] = [];
  reading.sentences.forEach((s, k) => {
    if (drop.has(k)) return;
    sentenceIndex.set(k, sentences.length);
    sentences.push({ start: newIndex.get(s.start) ?? 0, end: newIndex.get(s.end) ?? 0 });
  });
  const tokens = keep.map((old) => {
    const t = reading.tokens[old] as Token;
    const entity = t.entity === undefined ? undefined : entityIndex.get(t.entity);
    const copy: Token = { ...t, sentence: sentenceIndex.get(t.sentence) ?? 0 };
    if (entity === undefined) delete copy.entity;
    else copy.entity = entity;
    return copy;
  });
  const words = tokens.filter(isWord).length;
  return {
    tokens,
    entities,
    sentences,
    words,
    lemmas: streamOf(tokens, (t) => t.lemma),
    normals: streamOf(tokens, (t) => t.normal),
  };
}
