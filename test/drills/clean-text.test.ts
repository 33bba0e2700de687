import { describe, expect, it } from 'vitest';
import { stripControlChars } from '../../src/drills/clean-text.ts';
import { validateFollowUpAnswer, validateStarAnswer } from '../../src/drills/star-answer.ts';

describe('stripControlChars', () => {
  it('removes NUL and the other C0 controls, keeps tab, newline and everything printable', () => {
    expect(stripControlChars('a\u0000b\u0001c\u0007d\u001be\u001ff')).toBe('abcdef');
    expect(stripControlChars('line one\r\nline two\ttabbed')).toBe('line one\nline two\ttabbed');
    expect(stripControlChars('émoji 😀, café, 東京, \u007f, \u0085')).toBe(
      'émoji 😀, café, 東京, \u007f, \u0085',
    );
    expect(stripControlChars('')).toBe('');
  });

  it('is applied to every STAR part and to follow-ups; a part of only controls is blank', () => {
    const parts = {
      situation: 'S\u0000 one',
      task: 'T\u0000\u0000 two',
      action: 'A three',
      result: 'R\u0008 four',
    };
    expect(validateStarAnswer(parts)).toEqual({
      ok: true,
      answer: { situation: 'S one', task: 'T two', action: 'A three', result: 'R four' },
    });
    expect(validateStarAnswer({ ...parts, task: '\u0000\u0000\u0001' })).toMatchObject({
      ok: false,
      errors: { task: 'Please describe the Task.' },
    });
    expect(validateFollowUpAnswer('I would\u0000 roll back')).toEqual({
      ok: true,
      text: 'I would roll back',
    });
    expect(validateFollowUpAnswer('\u0000')).toEqual({ ok: false, error: 'Please write your answer.' });
  });
});
