/**
 * Which of the guide's topics a story is about, by its words: each topic's own text (title, key concepts,
 * questions, follow-ups and sample answer) is a document, and a word counts by how few topics use it (its
 * inverse document frequency), so "incident" or "debt" says more than "project". Used only to confirm an
 * off-topic verdict, never to give or take points on its own.
 */
import type { Reading } from './reading.ts';
import { read } from './reading.ts';

export interface TopicDocument {
  title?: string;
  keyConcepts: string;
  questions?: readonly { text: string }[];
  followUps?: readonly string[];
  sampleAnswer?: Partial<Record<string, string>>;
}

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'PROPN']);
const STOP = new Set([
  'be',
  'have',
  'do',
  'make',
  'get',
  'use',
  'take',
  'team',
  'work',
  'new',
  'time',
  'need',
]);

function contentLemmas(readings: readonly Reading[]): Set<string> {
  const out = new Set<string>();
  for (const r of readings)
    for (const t of r.tokens)
      if (CONTENT_POS.has(t.pos) && t.kind === 'word' && t.lemma.length > 2 && !STOP.has(t.lemma))
        out.add(t.lemma);
  return out;
}

interface Corpus {
  docs: Set<string>[];
  idf: Map<string, number>;
}

let cached: { key: string; corpus: Corpus } | undefined;

function corpusOf(topics: readonly TopicDocument[]): Corpus {
  const key = topics.map((t) => t.keyConcepts).join('\n');
  if (cached?.key === key) return cached.corpus;
  const docs = topics.map((t) =>
    contentLemmas([
      read(
        [
          t.title ?? '',
          t.keyConcepts,
          ...(t.questions ?? []).map((q) => q.text),
          ...(t.followUps ?? []),
          ...Object.values(t.sampleAnswer ?? {}),
        ].join('\n'),
      ),
    ]),
  );
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = new Map([...df].map(([w, n]) => [w, Math.log(docs.length / n)]));
  const corpus = { docs, idf };
  cached = { key, corpus };
  return corpus;
}

/** Each topic's similarity to the answer, in the order of `topics`. */
export function topicSimilarities(topics: readonly TopicDocument[], answer: readonly Reading[]): number[] {
  if (topics.length < 2) return topics.map(() => 0);
  const { docs, idf } = corpusOf(topics);
  const words = contentLemmas(answer);
  return docs.map((doc) => {
    let sum = 0;
    for (const w of words) if (doc.has(w)) sum += idf.get(w) ?? 0;
    return sum;
  });
}
