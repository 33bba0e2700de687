/**
 * Which of a topic's questions its sample answer was written for. The guide does not say, and showing the
 * sample under the wrong question would teach the wrong thing, so it is inferred by a rule cheap enough to
 * run when the bank loads and plain enough to explain:
 *
 * 1. A STAR sample tells one occasion, so it answers a question that asks for one ("Tell me about a time
 *    when...", "Describe a project where..."), not one that asks for a method ("How do you...",
 *    "Describe how you..."). When no question asks for an occasion, every question is a candidate.
 * 2. Among the candidates, the question sharing the most content words with the sample wins; ties go to the
 *    earlier question (guides lead with their main question).
 *
 * Words are compared by a crude stem ("debugging" ~ "debug", "stakeholders" ~ "stakeholder"); the English
 * model is deliberately not used here, since loading it costs ~60 MB and the bank loads in every process.
 */
import type { Topic } from './types.ts';

/** Function words and the boilerplate every behavioural question shares ("tell me about a time when"). */
const STOP_WORDS = new Set(
  (
    'a about after again all also an and any approach are as at be been before being both but by can could ' +
    'describe did do does doing during each example for from had has have how i if in into is it its me my ' +
    'need needed of on or our out over so some tell than that the their them then there these they this those ' +
    'through time to too under up was we were what when where which while who why will with would you your'
  ).split(' '),
);

// Agentive "-er" is kept: "engineer" and "developer" are not "engine" and "develop".
const SUFFIXES = ['ational', 'ation', 'ings', 'ing', 'ies', 'ied', 'ed', 'es', 'ly', 's'];

/** "debugging" -> "debug", "stakeholders" -> "stakeholder", "technologies" -> "technology". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      // "technologies"/"technology", "applied"/"apply": the y comes back.
      w = w.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '');
      break;
    }
  }
  // "debugg" (from "debugging") -> "debug"; "plann" -> "plan"
  if (/([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w.replace(/e$/, '');
}

/** The distinct stems of a text's content words. */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u)) {
    for (const part of word.split('-')) {
      const clean = part.replace(/^['’]+|['’]+$/g, '');
      if (clean.length < 3 || STOP_WORDS.has(clean)) continue;
      stems.add(stem(clean));
    }
  }
  return stems;
}

/** "Tell me about a time when...", "Describe a project where...": the question asks for one occasion. */
export function asksForOccasion(question: string): boolean {
  return /\b(?:a|an|one)\s+(?:time|occasion|project|situation|instance|case|example)\b/i.test(question);
}

export interface QuestionOverlap {
  questionId: string;
  asksForOccasion: boolean;
  /** The stems the question shares with the sample answer, for explaining the choice. */
  shared: string[];
}

/** Each question with what the rule looks at: whether it asks for an occasion, and the words it shares. */
export function sampleOverlaps(topic: Pick<Topic, 'questions' | 'sampleAnswer'>): QuestionOverlap[] {
  const sample = contentStems(Object.values(topic.sampleAnswer ?? {}).join(' '));
  return topic.questions.map((q) => ({
    questionId: q.id,
    asksForOccasion: asksForOccasion(q.text),
    shared: [...contentStems(q.text)].filter((s) => sample.has(s)),
  }));
}

/** The id of the question the topic's sample answer was written for (see the module comment for the rule). */
export function sampleQuestionId(topic: Pick<Topic, 'questions' | 'sampleAnswer'>): string {
  const overlaps = sampleOverlaps(topic);
  const occasions = overlaps.filter((o) => o.asksForOccasion);
  let best: QuestionOverlap | undefined;
  for (const overlap of occasions.length > 0 ? occasions : overlaps) {
    if (best === undefined || overlap.shared.length > best.shared.length) best = overlap;
  }
  if (best === undefined) throw new RangeError('A topic without questions has no sample question');
  return best.questionId;
}
