/**
 * "On topic": which of the topic's key concepts the answer touches. An answer to "resolve a critical
 * production issue" that never mentions diagnosing or communicating leaves the interviewer to guess.
 */
import { keyConceptList, relatedWords } from '../key-concepts.ts';
import { containsPhrase, joinStreams, type Reading, read } from '../reading.ts';
import type { Assessment } from '../types.ts';
import { quoteList } from '../wording.ts';

export interface Concept {
  /** As the guide words it: "diagnose complex problems". */
  phrase: string;
  /** Lemmas (and lemma phrases) whose presence shows the concept. */
  words: string[];
}

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'PROPN', 'ADV']);
/** Topics are few and fixed; the concepts of each are worked out once. */
const cache = new Map<string, Concept[]>();

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

export interface ConceptMatch {
  concept: Concept;
  /** The concept's words found in the answer. */
  found: string[];
}

export function matchConcepts(concepts: Concept[], answer: readonly Reading[]): ConceptMatch[] {
  const text = joinStreams(answer);
  return concepts.map((concept) => ({
    concept,
    found: concept.words.filter((w) => containsPhrase(text, w)),
  }));
}

export function assessOnTopic(keyConcepts: string, answer: readonly Reading[]): Assessment {
  const concepts = conceptsOf(keyConcepts);
  if (concepts.length === 0) {
    return { fraction: 1, passed: true, why: 'The topic lists no key concepts.', suggestion: '', parts: {} };
  }
  const words = answer.reduce((n, r) => n + r.words, 0);
  const matches = matchConcepts(concepts, answer);
  const touched = matches.filter((m) => m.found.length > 0);
  const missed = matches.filter((m) => m.found.length === 0);
  const fraction = words === 0 ? 0 : touched.length / concepts.length;
  const passed = fraction >= 0.5;
  const touchedText = touched.map((m) => `${m.concept.phrase} (${quoteList(m.found, 2)})`).join('; ');
  const missedText = missed.map((m) => m.concept.phrase).join('; ');
  let why: string;
  if (touched.length === 0) why = `Touches none of the topic's key concepts: ${missedText}.`;
  else if (missed.length === 0) why = `Touches all ${concepts.length} key concepts: ${touchedText}.`;
  else
    why = `Touches ${touched.length} of ${concepts.length} key concepts: ${touchedText}. Missed: ${missedText}.`;
  const first = missed[0];
  const examples = first ? first.concept.words.slice(0, 3) : [];
  return {
    fraction,
    passed,
    why,
    suggestion: first
      ? `Add a sentence on how you ${first.concept.phrase}${examples.length > 0 ? `: ${quoteList(examples)}` : ''}.`
      : 'Name the concept outright in your Result, in the words the interviewer is listening for.',
    parts: { action: fraction },
  };
}
