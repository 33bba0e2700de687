// The coach reads English only: the language is told by franc-min (README, "How answers are scored"), with
// English function words as a guard, so short, technical or non-native English is never refused.

import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/coach/language.ts';
import { LABELLED_SET, NON_ENGLISH } from './labelled/index.ts';

const joined = (a: { answer: Record<string, string> }) => Object.values(a.answer).join('\n');

describe('detectLanguage', () => {
  it('reads every labelled English answer as English, non-native and four-word ones included', () => {
    for (const a of LABELLED_SET) expect(detectLanguage(joined(a)).language, a.id).toBe('english');
  });

  it('tells every non-English answer apart, Spanish mixed with English tech words and short German included', () => {
    for (const a of NON_ENGLISH) expect(detectLanguage(joined(a)).language, a.id).toBe('other');
  });

  it.each([
    ['Yo era el ingeniero de guardia y tenía que restaurar el servicio esa misma noche.', 'other'],
    ['Ich habe die Logs analysiert und die Ursache des Ausfalls gefunden.', 'other'],
    [
      'Last March we have big outage, the director ask me to fix it and I restore checkout in 40 minutes.',
      'english',
    ],
    ['Fixed the bug.', 'english'],
    ['', 'english'],
  ])('%s -> %s', (text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });
});
