/**
 * Whether an answer tells what happened or lists claims. Numbers, "I" and outcome verbs are evidence only
 * inside sentences that have a subject, a verb and what the verb acted on: "I led. I owned it. Resulting in
 * a 30% reduction, 45 minutes restoration." has all the surface marks of a strong answer and no story.
 * The checks read only the story sentences (`storyOnly`), so a claim earns nothing, and an answer that is
 * mostly claims, or words out of order, is capped (analyse.ts).
 */
import type { Entity, Reading, Token } from './reading.ts';
import { quoteAround, streamOf } from './reading.ts';
import { VAGUE_NOUNS } from './vague-nouns.ts';

const WORD_KINDS = new Set(['word', 'number', 'alpha_numeric', 'email', 'url', 'hashtag', 'mention']);
const SUBJECT_POS = new Set(['PRON', 'NOUN', 'PROPN']);
/** Words that open a sentence: capitalised in the middle of one, they show the words were moved. */
const OPENER_POS = new Set([
  'DET',
  'ADP',
  'CCONJ',
  'SCONJ',
  'PRON',
  'ADV',
  'AUX',
  'PART',
  'VERB',
  'ADJ',
  'NOUN',
]);

/**
 * Nouns that name nothing in particular: a sentence whose only nouns are these ("This resulted in a 35%
 * improvement and 2x faster delivery.", "I learned a lot.") claims without telling.
 */
const HOLLOW_NOUNS = new Set([...VAGUE_NOUNS, 'stuff', 'way', 'experience']);

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

/** Three readers ask for each reading's shapes (the told sentences, the claims, the parts' words). */
const shapesCache = new WeakMap<Reading, SentenceShape[]>();

export function sentenceShapes(reading: Reading): SentenceShape[] {
  let shapes = shapesCache.get(reading);
  if (shapes === undefined) {
    shapes = shapesOf(reading);
    shapesCache.set(reading, shapes);
  }
  return shapes;
}

function shapesOf(reading: Reading): SentenceShape[] {
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
  /** Whether the words read as shuffled rather than written (see `outOfOrder`). */
  jumbled: boolean;
  /** Out-of-order marks per sentence, the rate that decides `jumbled`, for tests and tuning. */
  outOfOrderRate: number;
}

/**
 * Marks of words out of their order: a sentence that opens in lower case, and a word capitalised mid-sentence
 * that is no name ("the The", "zone Our"). Written answers, non-native and hurried ones included, show at
 * most one in two sentences; shuffled ones more than one per sentence.
 */
function outOfOrder(reading: Reading): number {
  let marks = 0;
  for (const { start, end } of reading.sentences) {
    let first = true;
    for (let i = start; i <= end; i++) {
      const t = reading.tokens[i] as Token;
      if (t.kind !== 'word') continue;
      if (first) {
        if (/^\p{Ll}/u.test(t.value)) marks++;
        first = false;
        continue;
      }
      const before = reading.tokens[i - 1]?.value ?? '';
      if (t.value === 'I' || t.pos === 'PROPN' || !/^\p{Lu}\p{Ll}+$/u.test(t.value)) continue;
      if (OPENER_POS.has(t.pos) && ![':', '"', '“', '(', '‘', "'"].includes(before)) marks++;
    }
  }
  return marks;
}

/** Above this many out-of-order marks per sentence (and at least three in all) the text is not sentences. */
const JUMBLED_RATE = 0.65;

export function readStory(readings: readonly Reading[]): StoryReading {
  let sentences = 0;
  let marks = 0;
  const claims: string[] = [];
  for (const reading of readings) {
    for (const s of sentenceShapes(reading)) {
      if (s.words === 0) continue;
      sentences++;
      const range = reading.sentences[s.index];
      if (s.claim && range) claims.push(quoteAround(reading, range.start, 10));
    }
    marks += outOfOrder(reading);
  }
  const outOfOrderRate = sentences === 0 ? 0 : marks / sentences;
  return { sentences, claims, jumbled: marks >= 3 && outOfOrderRate >= JUMBLED_RATE, outOfOrderRate };
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
