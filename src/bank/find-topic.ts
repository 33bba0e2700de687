import type { Topic } from './types.ts';

/**
 * The words a title can be looked up by: each word lower-cased and stripped of surrounding
 * punctuation, and hyphenated words both whole and split ("cross-functional", "cross", "functional").
 */
export function titleWords(title: string): Set<string> {
  const words = new Set<string>();
  for (const raw of title.toLowerCase().split(/\s+/)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word === '') continue;
    words.add(word);
    for (const part of word.split('-')) if (part !== '') words.add(part);
  }
  return words;
}

/**
 * Resolves what a user typed to one topic, or null: never a guess.
 *
 * Two tiers, tried in order:
 * 1. exact: the slug, the number ("3"), or every query word being a whole word of the title
 *    ("debt", "technical debt", "decision-making");
 * 2. prefix: the query starting the slug, or every query word starting a word of the title
 *    ("incident", "collab").
 * The first tier with any match decides: one topic is the answer, two or more is ambiguous (null).
 * So a whole word beats a partial one only when it names a single topic: "in" is a whole word of
 * "Leadership in Technical Decision-Making" and only the start of "Incidents", and resolves to the
 * leadership topic, the rule being that a complete word is what the user meant. An ambiguous whole
 * word ("technical") is null rather than falling back to prefixes, which would match even more.
 */
export function findTopic(topics: readonly Topic[], query: string): Topic | null {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  if (q === '') return null;
  const queryWords = q.split(' ');
  const asSlug = queryWords.join('-');
  const indexed = topics.map((topic) => ({ topic, words: [...titleWords(topic.title)] }));

  const exact = indexed.filter(
    ({ topic, words }) =>
      topic.slug === asSlug || String(topic.number) === q || queryWords.every((w) => words.includes(w)),
  );
  if (exact.length > 0) return only(exact);

  const prefix = indexed.filter(
    ({ topic, words }) =>
      topic.slug.startsWith(asSlug) || queryWords.every((w) => words.some((word) => word.startsWith(w))),
  );
  return only(prefix);
}

function only(matches: { topic: Topic }[]): Topic | null {
  const [first, ...rest] = matches;
  return first !== undefined && rest.length === 0 ? first.topic : null;
}
