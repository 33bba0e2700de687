/**
 * "On topic": whether the story answers this topic's question. It is judged two ways: the topic's key
 * concepts (an incident answer that never diagnoses or communicates leaves the interviewer to guess) and
 * the words of the topic's own questions and title ("evaluate", "tool", "framework", "learn"). A story that
 * fits another topic of the guide clearly better is off topic, and the feedback names that topic.
 */
import { GENERIC_WORDS, keyConceptList, relatedWords } from '../key-concepts.ts';
import { containsPhrase, joinStreams, type Reading, read } from '../reading.ts';
import { type TopicDocument, topicSimilarities } from '../topic-similarity.ts';
import type { Assessment } from '../types.ts';
import { quoteList } from '../wording.ts';

export interface Concept {
  /** As the guide words it: "diagnose complex problems". */
  phrase: string;
  /** Lemmas (and lemma phrases) whose presence shows the concept. */
  words: string[];
}

/** What the check needs of a topic; the bank's Topic has it all. */
export type TopicTerms = TopicDocument;

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'PROPN', 'ADV']);
/** Question words that say nothing about the topic: "tell me about a time when you had to...". */
const QUESTION_FILLER = new Set([
  'tell',
  'time',
  'describe',
  'have',
  'do',
  'be',
  'approach',
  'when',
  'how',
  'what',
  'quickly',
  'closely',
  'outside',
  'difficult',
  'critical',
  'complex',
  'stay',
  'current',
  'address',
  'push',
  'back',
  'your',
  'engineering',
]);
/** Topics are few and fixed; the concepts and question words of each are worked out once. */
const cache = new Map<string, Concept[]>();
const questionCache = new Map<string, string[]>();

export function conceptsOf(keyConcepts: string): Concept[] {
  let concepts = cache.get(keyConcepts);
  if (concepts === undefined) {
    concepts = keyConceptList(keyConcepts).map((phrase) => {
      const own = read(phrase)
        .tokens.filter((t) => CONTENT_POS.has(t.pos))
        .map((t) => t.lemma.replace(/-/g, ' '))
        .filter((w) => w.trim() !== '');
      return { phrase, words: relatedWords(own) };
    });
    if (cache.size > 100) cache.clear();
    cache.set(keyConcepts, concepts);
  }
  return concepts;
}

/** The content lemmas of a topic's questions and title: the words an on-topic story tends to use. */
export function questionWords(topic: TopicTerms): string[] {
  const key = `${topic.title ?? ''}\n${(topic.questions ?? []).map((q) => q.text).join('\n')}`;
  let words = questionCache.get(key);
  if (words === undefined) {
    const lemmas = read(key)
      .tokens.filter((t) => ['NOUN', 'VERB', 'ADJ'].includes(t.pos) && t.kind === 'word')
      .map((t) => t.lemma)
      .filter((w) => w.length > 2 && !QUESTION_FILLER.has(w) && !GENERIC_WORDS.has(w));
    words = [...new Set(lemmas)];
    if (questionCache.size > 100) questionCache.clear();
    questionCache.set(key, words);
  }
  return words;
}

export interface ConceptMatch {
  concept: Concept;
  /** The concept's words found in the answer. */
  found: string[];
}

/**
 * A finder for lexicon phrases in an answer: one-word phrases (most of them) by a set lookup, longer ones by
 * searching the joined streams. Searching a 3,000-word answer's stream for each of several hundred words
 * would cost milliseconds; the set costs one pass over the tokens.
 */
export function phraseFinder(answer: readonly Reading[]): (phrase: string) => boolean {
  const words = new Set<string>();
  for (const r of answer)
    for (const t of r.tokens) {
      words.add(t.lemma);
      words.add(t.normal);
      // "post-mortem" is matched as its parts, as the streams read it.
      if (t.normal.includes('-')) for (const w of `${t.lemma}-${t.normal}`.split('-')) words.add(w);
    }
  let text: ReturnType<typeof joinStreams> | undefined;
  return (phrase) => {
    if (!phrase.includes(' ')) return words.has(phrase);
    text ??= joinStreams(answer);
    return containsPhrase(text, phrase);
  };
}

export function matchConcepts(
  concepts: Concept[],
  answer: readonly Reading[],
  has = phraseFinder(answer),
): ConceptMatch[] {
  return concepts.map((concept) => ({ concept, found: concept.words.filter(has) }));
}

export interface TopicFit {
  /** 0..1: the share of key concepts touched, and the question's words used (up to three). */
  fit: number;
  matches: ConceptMatch[];
  questionHits: string[];
}

export function topicFit(
  topic: TopicTerms,
  answer: readonly Reading[],
  has = phraseFinder(answer),
): TopicFit {
  const matches = matchConcepts(conceptsOf(topic.keyConcepts), answer, has);
  const questionHits = questionWords(topic).filter(has);
  const concepts =
    matches.length === 0 ? 1 : matches.filter((m) => m.found.length > 0).length / matches.length;
  const hasQuestions = (topic.questions?.length ?? 0) > 0;
  const fit = hasQuestions ? 0.6 * concepts + 0.4 * Math.min(1, questionHits.length / 3) : concepts;
  return { fit, matches, questionHits };
}

/**
 * When a story is off topic. The words decide first: another topic's vocabulary must outweigh this one's
 * (topic-similarity.ts) by OFF_TOPIC_WORD_RATIO, and then its key concepts and question words must fit
 * clearly better too (a strong on-topic answer often shares another topic's words, rarely also its
 * concepts); or the other topic's words must overwhelm this one's and this topic's concepts be nearly absent.
 */
const OFF_TOPIC_WORD_RATIO = 2;
const OFF_TOPIC_BELOW = 0.5;
const OFF_TOPIC_MARGIN = 0.3;
const OVERWHELMING_RATIO = 6;
const NEARLY_ABSENT = 0.35;

export interface OnTopicAssessment extends Assessment {
  /** The title of the topic the story fits clearly better, when there is one: the answer is off topic. */
  betterTopic?: string;
}

export function assessOnTopic(
  topic: TopicTerms,
  answer: readonly Reading[],
  others: readonly TopicTerms[] = [],
): OnTopicAssessment {
  const has = phraseFinder(answer);
  const own = topicFit(topic, answer, has);
  const { matches } = own;
  if (matches.length === 0) {
    return { fraction: 1, passed: true, why: 'The topic lists no key concepts.', suggestion: '', parts: {} };
  }
  const words = answer.reduce((n, r) => n + r.words, 0);
  let better: { title: string; fit: number } | undefined;
  // Only a story that fits its own topic poorly can be off topic: the others are read only then.
  const candidates = own.fit < OFF_TOPIC_BELOW ? others : [];
  const all = candidates.some((o) => o.keyConcepts === topic.keyConcepts)
    ? candidates
    : [topic, ...candidates];
  const similarity = topicSimilarities(all, answer);
  const ownSimilarity = similarity[all.findIndex((o) => o.keyConcepts === topic.keyConcepts)] ?? 0;
  all.forEach((other, k) => {
    if (other.keyConcepts === topic.keyConcepts || other.title === undefined) return;
    const ratio = (similarity[k] ?? 0) / Math.max(ownSimilarity, 0.5);
    const { fit } = topicFit(other, answer, has);
    const fitsBetter =
      (ratio >= OFF_TOPIC_WORD_RATIO && own.fit < OFF_TOPIC_BELOW && fit >= own.fit + OFF_TOPIC_MARGIN) ||
      (ratio >= OVERWHELMING_RATIO && own.fit < NEARLY_ABSENT);
    // Of the topics whose words outweigh this one's, the one whose concepts the story touches most.
    if (fitsBetter && fit > (better?.fit ?? -1)) better = { title: other.title, fit };
  });
  const offTopic = better !== undefined;
  const touched = matches.filter((m) => m.found.length > 0);
  const missed = matches.filter((m) => m.found.length === 0);
  const fraction = words === 0 ? 0 : offTopic ? 0 : Math.min(1, own.fit / 0.6);
  const passed = fraction >= 0.6;
  const touchedText = touched.map((m) => `${m.concept.phrase} (${quoteList(m.found, 2)})`).join('; ');
  const missedText = missed.map((m) => m.concept.phrase).join('; ');
  let why: string;
  if (offTopic && better)
    why = `The story fits "${better.title}" better than this question${touched.length > 0 ? `; it touches only ${touchedText}` : ''}.`;
  else if (touched.length === 0 && own.questionHits.length === 0)
    why = `Touches none of the topic's key concepts: ${missedText}.`;
  else if (touched.length === 0)
    why = `Uses the question's words (${quoteList(own.questionHits, 3)}) but none of the key concepts: ${missedText}.`;
  else if (missed.length === 0) why = `Touches all ${matches.length} key concepts: ${touchedText}.`;
  // A check that passes says nothing against the answer: the concepts not shown are for a failing one.
  else if (passed) why = `Touches ${touched.length} of ${matches.length} key concepts: ${touchedText}.`;
  else
    why = `Touches ${touched.length} of ${matches.length} key concepts: ${touchedText}. Not shown: ${missedText}.`;
  const first = missed[0];
  const examples = first ? first.concept.words.slice(0, 3) : [];
  const suggestion = offTopic
    ? 'Pick a story that answers this question: the interviewer is listening for it, not another topic.'
    : first
      ? `Add a sentence on how you ${first.concept.phrase}${examples.length > 0 ? `: ${quoteList(examples)}` : ''}.`
      : 'Name the concept outright in your Result, in the words the interviewer is listening for.';
  return {
    fraction,
    passed,
    why,
    suggestion,
    parts: { action: fraction },
    ...(offTopic && better ? { betterTopic: better.title } : {}),
  };
}
