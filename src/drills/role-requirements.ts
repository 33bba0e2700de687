/**
 * The distinctive requirements of a job description, and which of them an answer shows. Read with the
 * wink-nlp pipeline the coach loads (passed in, so this module stays pure): not a list of known skills,
 * so a description about payments, compilers or nursing software works the same.
 *
 * A requirement is a phrase of the description: each clause (a sentence cut at "and", commas and
 * semicolons) from its first content word to its last noun, e.g. "on-call for payment systems", "lead
 * incident reviews", "Kubernetes". Boilerplate every description shares ("5+ years of experience", "a
 * strong team player") is trimmed from its edges, and a phrase left with no content word of its own is
 * dropped. Its keywords are the lemmas of its content words; an answer shows it when a sentence of the
 * answer holds at least a third of them (at least one): the quote is that sentence, cut around the hits.
 * Matches come strongest first (most keywords shown).
 */
import type { ItemSentence, ItsFunction, WinkMethods } from 'wink-nlp';

// The type declarations give `its.lemma` the model-addons signature; `out` supplies the addons itself.
const lemmaOf = (nlp: WinkMethods) => nlp.its.lemma as unknown as ItsFunction<string>;

/** Words every job description uses: they say nothing about this role. */
const BOILERPLATE = new Set(
  'experience experienced year years ability able skill skills knowledge understanding team teams role company candidate candidates opportunity work working environment plus strong excellent good great solid proven deep familiarity familiar level ideal ideally including etc responsibility responsibilities requirement requirements qualification qualifications join looking help want need must will would should also well new day us our we you your look looking seek seeking player fast paced'.split(
    ' ',
  ),
);
const CONTENT = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);
const NOUNISH = new Set(['NOUN', 'PROPN']);
const INSIDE = new Set(['ADP', 'DET', 'PART', 'NUM', ...CONTENT]);
/** A phrase longer than this is a sentence, not a requirement: its tail (where the object is) is kept. */
const MAX_PHRASE_TOKENS = 8;
export const MAX_REQUIREMENTS = 12;
const QUOTE_MAX_WORDS = 16;

export interface Requirement {
  /** The phrase as written in the description. */
  phrase: string;
  /** Lemmas of its content words, lower case, hyphens removed ("on-call" -> "oncall"). */
  keywords: string[];
}

export interface RequirementMatch {
  requirement: Requirement;
  /** The answer's words that show it, as written. */
  quote: string;
}

interface Tok {
  text: string;
  pos: string;
  lemma: string;
  stop: boolean;
}

const norm = (s: string) => s.toLowerCase().replace(/[-‐–]/g, '');

/** Tokens with "on - call" glued back into one word (the model splits at hyphens). */
function tokensOf(nlp: WinkMethods, sentence: ItemSentence): Tok[] {
  const its = nlp.its;
  const s = sentence.tokens();
  const text = s.out();
  const pos = s.out(its.pos);
  const lemma = s.out(lemmaOf(nlp)) as string[];
  const stop = s.out(its.stopWordFlag) as unknown as boolean[];
  const out: Tok[] = [];
  for (let i = 0; i < text.length; i++) {
    const t = { text: text[i] ?? '', pos: pos[i] ?? '', lemma: lemma[i] ?? '', stop: Boolean(stop[i]) };
    const prev = out[out.length - 1];
    if (
      prev &&
      t.text === '-' &&
      i + 1 < text.length &&
      /\w$/.test(prev.text) &&
      /^\w/.test(text[i + 1] ?? '')
    ) {
      const next = { text: text[i + 1] ?? '', pos: pos[i + 1] ?? '', lemma: lemma[i + 1] ?? '' };
      out[out.length - 1] = {
        text: `${prev.text}-${next.text}`,
        pos: next.pos === 'VERB' ? 'NOUN' : next.pos,
        lemma: `${prev.lemma}-${next.lemma}`,
        stop: false,
      };
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

const isContent = (t: Tok) =>
  CONTENT.has(t.pos) && !t.stop && !BOILERPLATE.has(t.lemma.toLowerCase()) && /\p{L}/u.test(t.text);

function phraseOf(clause: Tok[]): Tok[] | undefined {
  const first = clause.findIndex(isContent);
  let last = -1;
  for (let i = clause.length - 1; i >= 0; i--) {
    const t = clause[i] as Tok;
    if (NOUNISH.has(t.pos) && isContent(t)) {
      last = i;
      break;
    }
  }
  if (first === -1 || last === -1 || last < first) return undefined;
  let span = clause.slice(first, last + 1);
  if (span.some((t) => !INSIDE.has(t.pos) && t.pos !== 'PUNCT')) {
    // Keep the part after the last token that does not belong in a phrase (a pronoun, an auxiliary).
    const cut = span.map((t) => INSIDE.has(t.pos)).lastIndexOf(false);
    span = span.slice(cut + 1);
  }
  if (span.length > MAX_PHRASE_TOKENS) span = span.slice(span.length - MAX_PHRASE_TOKENS);
  const start = span.findIndex(isContent);
  return start === -1 ? undefined : span.slice(start);
}

/**
 * The description's requirements, in order, at most MAX_REQUIREMENTS, none twice. Phrases whose keywords
 * are all in the role's title ("Senior Backend Engineer" heading the description) name the role, not what
 * it asks, and are left out.
 */
export function extractRequirements(description: string, nlp: WinkMethods, title = ''): Requirement[] {
  const out: Requirement[] = [];
  const seen = new Set<string>();
  const titleWords = new Set(
    nlp
      .readDoc(title)
      .tokens()
      .out(lemmaOf(nlp))
      .map((w) => norm(w)),
  );
  // Bullet lists have no full stops: every line is read as its own text.
  for (const line of description.split(/\n+/)) {
    if (line.trim() === '') continue;
    const doc = nlp.readDoc(line.replace(/^\s*[-*•·]\s*/, ''));
    doc.sentences().each((sentence: ItemSentence) => {
      const tokens = tokensOf(nlp, sentence);
      let clause: Tok[] = [];
      const flush = () => {
        const phrase = phraseOf(clause);
        clause = [];
        if (!phrase) return;
        const keywords = [...new Set(phrase.filter(isContent).map((t) => norm(t.lemma)))];
        const key = keywords.join(' ');
        if (keywords.length === 0 || seen.has(key) || keywords.every((k) => titleWords.has(k))) return;
        seen.add(key);
        out.push({
          phrase: phrase
            .map((t) => t.text)
            .join(' ')
            .replace(/ ([,.;:)])/g, '$1'),
          keywords,
        });
      };
      for (const t of tokens) {
        if (t.pos === 'CCONJ' || (t.pos === 'PUNCT' && t.text !== '-') || t.pos === 'SCONJ') flush();
        else clause.push(t);
      }
      flush();
    });
  }
  return out.slice(0, MAX_REQUIREMENTS);
}

/** Which requirements the answer shows, each with the answer's words that show it. */
export function matchRequirements(
  answerText: string,
  requirements: readonly Requirement[],
  nlp: WinkMethods,
): RequirementMatch[] {
  const sentences: Tok[][] = [];
  for (const part of answerText.split(/\n+/)) {
    if (part.trim() === '') continue;
    nlp
      .readDoc(part)
      .sentences()
      .each((s: ItemSentence) => {
        sentences.push(tokensOf(nlp, s));
      });
  }
  const matches: Array<RequirementMatch & { covered: number }> = [];
  for (const requirement of requirements) {
    let best: { hits: number[]; tokens: Tok[] } | undefined;
    for (const tokens of sentences) {
      const hits = hitsIn(tokens, requirement.keywords);
      if (hits.length > 0 && (!best || hits.length > best.hits.length)) best = { hits, tokens };
    }
    if (!best) continue;
    const covered = new Set(best.hits.map((i) => keywordAt(best.tokens, i, requirement.keywords)));
    if (covered.size * 3 < requirement.keywords.length) continue;
    matches.push({ requirement, quote: quoteAround(best.tokens, best.hits), covered: covered.size });
  }
  // The strongest evidence first: the requirement the answer shows in most of its words.
  return matches
    .map((m, i) => ({ m, i }))
    .sort((a, b) => b.m.covered - a.m.covered || a.i - b.i)
    .map(({ m: { covered: _covered, ...match } }) => match);
}

/** Token positions that hold a keyword (alone, or as "on call" written apart for "oncall"). */
function hitsIn(tokens: Tok[], keywords: readonly string[]): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    const here = norm(t.lemma);
    const pair = i + 1 < tokens.length ? here + norm(tokens[i + 1]?.lemma ?? '') : '';
    if (keywords.includes(here) || (pair !== '' && keywords.includes(pair))) out.push(i);
  });
  return out;
}

function keywordAt(tokens: Tok[], i: number, keywords: readonly string[]): string {
  const here = norm(tokens[i]?.lemma ?? '');
  return keywords.includes(here) ? here : here + norm(tokens[i + 1]?.lemma ?? '');
}

/** The answer's words from a little before the first hit to a little after the last, at most 16 words. */
function quoteAround(tokens: Tok[], hits: number[]): string {
  const first = hits[0] ?? 0;
  const last = Math.min(hits[hits.length - 1] ?? first, first + QUOTE_MAX_WORDS - 1);
  let from = first;
  let to = last + 1;
  while (to - from < QUOTE_MAX_WORDS && (from > 0 || to < tokens.length)) {
    if (from > 0 && tokens[from - 1]?.pos !== 'PUNCT') from--;
    else if (to < tokens.length && tokens[to]?.pos !== 'PUNCT') to++;
    else break;
  }
  return tokens
    .slice(from, to)
    .map((t) => t.text)
    .join(' ')
    .replace(/ ([,.;:)])/g, '$1')
    .replace(/[\s.,;:!?]+$/, '');
}
