/**
 * Whether an answer is written in English: the checks read English grammar and English words, so an answer
 * in another language would be scored on rules that cannot apply to it ("there is no verb").
 *
 * franc-min (trigram profiles of the 82 most spoken languages, about 9 MB resident) tells the language; it
 * was chosen over eld and tinyld by accuracy on short answer sentences and by memory (README, "How answers
 * are scored"). Trigrams alone can mistake a short, jargon-heavy English sentence for another language, so
 * an answer is only called "not English" when English function words are rare in it AND franc says so:
 * an English answer, however technical or however non-native its grammar, is full of "I", "the", "to".
 */
import { franc } from 'franc-min';

/** franc reads this much of the text: plenty for trigrams, and the time stays flat however long the answer. */
const SAMPLE_CHARS = 400;
/** Below this many words there is too little text to tell; the answer is read as English. */
const MIN_WORDS = 8;
/** English function words: at least this share of an English text's words, in any register. */
const FUNCTION_WORDS = new Set([
  'i',
  'we',
  'the',
  'a',
  'an',
  'and',
  'to',
  'of',
  'in',
  'on',
  'was',
  'were',
  'is',
  'it',
  'my',
  'our',
  'for',
  'with',
  'that',
  'this',
  'so',
  'but',
  'by',
  'from',
  'at',
  'had',
  'have',
  'be',
  'did',
]);
const MIN_FUNCTION_SHARE = 0.12;

export type AnswerLanguage = 'english' | 'other';

export interface LanguageVerdict {
  language: AnswerLanguage;
  /** franc's ISO 639-3 code ("spa", "por"); "und" when the text is too short to tell. */
  detected: string;
}

export function detectLanguage(whole: string): LanguageVerdict {
  const text = whole.slice(0, SAMPLE_CHARS);
  const words = text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
  if (words.length < MIN_WORDS) return { language: 'english', detected: 'und' };
  // With English function words this common the answer is English whatever franc says, so franc (about
  // 2 ms of trigram distances to 82 languages) is asked only about answers that may not be.
  const share = words.filter((w) => FUNCTION_WORDS.has(w)).length / words.length;
  if (share >= MIN_FUNCTION_SHARE) return { language: 'english', detected: 'eng' };
  const detected = franc(text, { minLength: 10 });
  return { language: detected === 'eng' || detected === 'und' ? 'english' : 'other', detected };
}
