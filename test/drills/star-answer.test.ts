import { describe, expect, it } from 'vitest';
import { countCharacters, MAX_PART_CHARS, validateStarAnswer } from '../../src/drills/star-answer.ts';

const full = { situation: 'S', task: 'T', action: 'A', result: 'R' };

describe('validateStarAnswer', () => {
  it('accepts four parts and returns them trimmed', () => {
    expect(
      validateStarAnswer({
        situation: '  Our payments failed.\n',
        task: '\tFix it',
        action: 'Pooled',
        result: 'Up',
      }),
    ).toEqual({
      ok: true,
      answer: { situation: 'Our payments failed.', task: 'Fix it', action: 'Pooled', result: 'Up' },
    });
  });

  it('asks for each missing, empty or blank part, and only those', () => {
    expect(
      validateStarAnswer({ ...full, situation: undefined, task: '', action: ' \n\t ', result: null }),
    ).toEqual({
      ok: false,
      errors: {
        situation: 'Please describe the Situation.',
        task: 'Please describe the Task.',
        action: 'Please describe the Action.',
        result: 'Please describe the Result.',
      },
    });
    expect(validateStarAnswer({ ...full, task: '   ' })).toEqual({
      ok: false,
      errors: { task: 'Please describe the Task.' },
    });
  });

  it('treats invisible characters alone as blank', () => {
    expect(validateStarAnswer({ ...full, result: '\u200B\u200D\uFEFF\u00A0\u3000' })).toEqual({
      ok: false,
      errors: { result: 'Please describe the Result.' },
    });
  });

  it('refuses values that are not text', () => {
    expect(validateStarAnswer({ ...full, action: 42, result: ['x'] })).toEqual({
      ok: false,
      errors: { action: 'Please write the Action as text.', result: 'Please write the Result as text.' },
    });
  });

  it('treats a payload that is not an object as an empty form', () => {
    const result = validateStarAnswer('nope' as unknown as Record<string, unknown>);
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : Object.keys(result.errors)).toEqual(['situation', 'task', 'action', 'result']);
  });

  it('allows exactly 3000 characters and says how many there are when over', () => {
    expect(MAX_PART_CHARS).toBe(3000);
    expect(validateStarAnswer({ ...full, result: 'x'.repeat(3000) }).ok).toBe(true);
    expect(validateStarAnswer({ ...full, result: 'x'.repeat(3012) })).toEqual({
      ok: false,
      errors: { result: 'Keep the Result under 3000 characters (you have 3012).' },
    });
  });

  it('does not count surrounding whitespace', () => {
    expect(validateStarAnswer({ ...full, task: `  ${'x'.repeat(3000)}\n\n` }).ok).toBe(true);
  });

  it('counts characters, not UTF-16 units: emoji and astral characters count once', () => {
    const emoji = '😀'.repeat(3000);
    expect(emoji.length).toBe(6000);
    expect(validateStarAnswer({ ...full, action: emoji })).toEqual({
      ok: true,
      answer: { ...full, action: emoji },
    });
    expect(validateStarAnswer({ ...full, action: `${emoji}😀` })).toEqual({
      ok: false,
      errors: { action: 'Keep the Action under 3000 characters (you have 3001).' },
    });
    expect(countCharacters('𝔘𝔫𝔦𝔠𝔬𝔡𝔢')).toBe(7);
    expect(countCharacters('Grüße, 東京')).toBe(9);
  });

  it('keeps non-Latin text as typed', () => {
    const answer = { situation: 'Ситуация', task: '任务', action: 'إجراء', result: 'परिणाम 🎉' };
    expect(validateStarAnswer(answer)).toEqual({ ok: true, answer });
  });
});
