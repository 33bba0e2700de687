/**
 * One read of a text by the English model, copied into plain arrays so the checks are ordinary functions
 * over data (and each token is looked up once, not once per check).
 */
import type { ItsFunction, PartOfSpeech } from 'wink-nlp';
import { englishNlp } from './nlp.ts';

export interface Token {
  /** As written. */
  value: string;
  /** Lower-cased (and with contractions expanded: "’re" -> "are"). */
  normal: string;
  lemma: string;
  pos: PartOfSpeech;
  /** The model's token type: word, number, punctuation, emoji, symbol, currency, url, email, ... */
  kind: string;
  /** Whether whitespace separates it from the token before: "v2.1" and "JIRA-1234" come glued. */
  spaced: boolean;
  sentence: number;
  /** Index into `Reading.entities` of the entity this token belongs to. */
  entity?: number;
}

/** A named entity found by the model: CARDINAL, PERCENT, DURATION, MONEY, DATE, TIME, ORDINAL, ... */
export interface Entity {
  type: string;
  /** Token indices, inclusive. */
  start: number;
  end: number;
}

export interface Reading {
  tokens: Token[];
  entities: Entity[];
  /** Token index ranges, inclusive. */
  sentences: { start: number; end: number }[];
  /** Words and numbers, the count a person would make (punctuation and emoji are not words). */
  words: number;
  /** The lemmas as one string for phrase matching (see `streamOf`): made once, several checks use it. */
  lemmas: string;
  /** As `lemmas`, of the lower-cased words as written (for words the lemmatiser does not know). */
  normals: string;
}

const WORD_KINDS = new Set(['word', 'number', 'alpha_numeric', 'email', 'url', 'hashtag', 'mention']);

/** Shared by every empty part: checks only read a reading (frozen, shallowly, to keep it so). */
export const EMPTY_READING: Reading = Object.freeze({
  tokens: [],
  entities: [],
  sentences: [],
  words: 0,
  lemmas: ' ',
  normals: ' ',
});

export function read(text: string): Reading {
  if (text.trim() === '') return EMPTY_READING;
  const nlp = englishNlp();
  const { its } = nlp;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  // Bulk reads: one pass per property is several times faster than asking each token for each.
  const values = tokens.out(its.value) as string[];
  const normals = tokens.out(its.normal) as string[];
  // The type declarations give `its.lemma` the model-addons signature; `out` supplies the addons itself.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const pos = tokens.out(its.pos) as PartOfSpeech[];
  const kinds = tokens.out(its.type) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];

  const out: Token[] = values.map((value, i) => ({
    value,
    normal: normals[i] ?? value.toLowerCase(),
    lemma: (lemmas[i] ?? value).toLowerCase(),
    pos: pos[i] ?? 'X',
    kind: kinds[i] ?? 'word',
    spaced: (spaces[i] ?? '') !== '',
    sentence: 0,
  }));

  const sentences = (doc.sentences().out(its.span) as unknown as [number, number][])
    .filter(([start, end]) => end >= start)
    .map(([start, end]) => ({ start, end }));
  sentences.forEach(({ start, end }, s) => {
    for (let i = start; i <= end; i++) {
      const token = out[i];
      if (token) token.sentence = s;
    }
  });

  const entityTypes = doc.entities().out(its.type) as string[];
  const entitySpans = doc.entities().out(its.span) as unknown as [number, number][];
  const entities: Entity[] = entitySpans.map(([start, end], e) => {
    for (let i = start; i <= end; i++) {
      const token = out[i];
      if (token) token.entity = e;
    }
    return { type: entityTypes[e] ?? 'UNKNOWN', start, end };
  });

  const words = out.filter((t) => WORD_KINDS.has(t.kind)).length;
  return {
    tokens: out,
    entities,
    sentences,
    words,
    lemmas: streamOf(out, (t) => t.lemma),
    normals: streamOf(out, (t) => t.normal),
  };
}

/** The text of tokens `start..end` (inclusive) as written, spacing normalised to single spaces. */
export function textOf(reading: Reading, start: number, end: number): string {
  let text = '';
  for (let i = Math.max(0, start); i <= end && i < reading.tokens.length; i++) {
    const token = reading.tokens[i] as Token;
    text += (i > start && token.spaced ? ' ' : '') + token.value;
  }
  return text;
}

/**
 * A short quotation around token `at` for feedback: the whole sentence when it is short, else a window of
 * words around the token with an ellipsis, so the candidate recognises their own words.
 */
export function quoteAround(reading: Reading, at: number, maxWords = 12): string {
  const token = reading.tokens[at];
  if (token === undefined) return '';
  const sentence = reading.sentences[token.sentence] ?? { start: at, end: at };
  let { start, end } = sentence;
  // Drop the sentence's closing punctuation: the quote sits inside our own sentence.
  while (end > start && reading.tokens[end]?.kind === 'punctuation') end--;
  if (end - start + 1 <= maxWords) return textOf(reading, start, end);
  const half = Math.floor(maxWords / 2);
  const from = Math.max(start, at - half);
  const to = Math.min(end, from + maxWords - 1);
  return `${from > start ? '…' : ''}${textOf(reading, from, to)}${to < end ? '…' : ''}`;
}

/**
 * A text's lemmas (or its lower-cased words) as one space-separated string, with hyphens read as spaces
 * ("post-mortem" -> "post mortem", "short - term" -> "short term"), for matching multi-word phrases from a
 * lexicon with `containsPhrase`. Punctuation becomes "|", so a phrase never matches across it.
 */
export function streamOf(tokens: Token[], form: (t: Token) => string): string {
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'punctuation') {
      if (t.value !== '-') parts.push('|');
      continue;
    }
    parts.push(form(t).replace(/-/g, ' '));
  }
  return ` ${parts.join(' ')} `;
}

/** Whether a lexicon phrase (lemmas, space-separated) occurs in the text, by lemma or as written. */
export function containsPhrase(reading: Pick<Reading, 'lemmas' | 'normals'>, phrase: string): boolean {
  const needle = ` ${phrase} `;
  return reading.lemmas.includes(needle) || reading.normals.includes(needle);
}

/** Several readings as one for phrase matching; "|" between them keeps phrases from spanning two parts. */
export function joinStreams(readings: readonly Reading[]): Pick<Reading, 'lemmas' | 'normals'> {
  return {
    lemmas: readings.map((r) => r.lemmas).join('|'),
    normals: readings.map((r) => r.normals).join('|'),
  };
}
