/**
 * The title the bot proposes for a new story, read from the answer's Situation: the first two noun phrases
 * that name something ("checkout service", "TLS certificate"), the kind of name a person gives an
 * experience when they talk about it ("the checkout outage"). The caller passes the wink-nlp pipeline the
 * coach already loads, so this module stays pure and loads no model of its own.
 *
 * A phrase is a run of adjectives and nouns ending in a noun. Phrases with a common noun come before proper
 * names alone (a date such as "Black Friday" says when, not what), and longer ones before single words;
 * a noun alone that names nothing particular ("problem", "team", "minutes") is left out. With no phrase at all the
 * Situation's first words are the title. The person can rename it.
 */
import type { WinkMethods } from 'wink-nlp';
import { MAX_STORY_TITLE_CHARS } from './story-limits.ts';

/** A proposed title stays shorter than the limit, so a rename has room. */
const PROPOSED_MAX_CHARS = 60;
const FALLBACK_WORDS = 6;

/** Nouns too general to name an experience: every story has a problem, a team and some minutes. */
const GENERIC = new Set(
  'problem problems issue issues team teams time times day days week weeks month months year years minute minutes hour hours thing things way lot part company project situation work job people person someone everyone something'.split(
    ' ',
  ),
);

interface Phrase {
  words: string[];
  hasCommonNoun: boolean;
  at: number;
}

function phrasesOf(words: readonly string[], tags: readonly string[]): Phrase[] {
  const out: Phrase[] = [];
  let run: { words: string[]; tags: string[]; at: number } | undefined;
  const flush = () => {
    if (!run) return;
    // A phrase ends on its last noun: trailing adjectives are dropped.
    while (run.tags.length > 0 && run.tags[run.tags.length - 1] === 'ADJ') {
      run.tags.pop();
      run.words.pop();
    }
    const single = run.words.length === 1 && GENERIC.has((run.words[0] ?? '').toLowerCase());
    if (run.words.length > 0 && !single) {
      out.push({ words: run.words, hasCommonNoun: run.tags.includes('NOUN'), at: run.at });
    }
    run = undefined;
  };
  words.forEach((word, i) => {
    const tag = tags[i] ?? '';
    if ((tag === 'ADJ' || tag === 'NOUN' || tag === 'PROPN') && /[\p{L}]/u.test(word)) {
      run ??= { words: [], tags: [], at: i };
      run.words.push(word);
      run.tags.push(tag);
    } else flush();
  });
  flush();
  return out;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Cuts at a word boundary so a title never ends mid-word (counted in code points: an emoji stays whole). */
function clipWords(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max + 1).join('');
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : chars.slice(0, max).join('')).replace(/[\s,;:]+$/, '');
}

export function proposeStoryTitle(situation: string, nlp: WinkMethods): string {
  const text = situation.replace(/\s+/g, ' ').trim();
  if (text === '') return 'Untitled story';
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out();
  const tags = doc.tokens().out(nlp.its.pos);
  const phrases = phrasesOf(words, tags);
  const ranked = [...phrases].sort(
    (a, b) =>
      Number(b.hasCommonNoun) - Number(a.hasCommonNoun) ||
      Number(b.words.length > 1) - Number(a.words.length > 1) ||
      a.at - b.at,
  );
  const seen = new Set<string>();
  const chosen: Phrase[] = [];
  for (const p of ranked) {
    const key = p.words.join(' ').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    chosen.push(p);
    if (chosen.length === 2) break;
  }
  const title =
    chosen.length > 0
      ? chosen
          .sort((a, b) => a.at - b.at)
          .map((p) => p.words.join(' '))
          .join(', ')
      : text.split(' ').slice(0, FALLBACK_WORDS).join(' ');
  return clipWords(capitalise(title), Math.min(PROPOSED_MAX_CHARS, MAX_STORY_TITLE_CHARS));
}
