// Bad inputs tried: '' (empty), text exactly at the budget and one over, '😀' at every parity of the cut
// point (pair kept whole or dropped whole), '&'/'<'/'>' at the cut point ('&amp;' 5 wide, '&lt;' 4 wide, a
// complete entity ending exactly at the cut), 3,000 '&' / '<' / '😀', a maxOutput smaller than one entity,
// '&amp;' typed by the user (must be escaped again, not trusted), multi-line and empty quotes, dates with
// seconds and milliseconds.
import { describe, expect, it } from 'vitest';
import { clip, escapeClipped, escapeMrkdwn, quote, slackDate } from '../../src/views/mrkdwn.ts';
import { HALF_ENTITY, LONE_SURROGATE } from './limits.ts';

const E = '…';
const smile = '😀';

/** The user's characters an output shows: entities count as the one character they stand for. */
const sourceChars = (out: string) => [...out.replace(/&lt;|&gt;|&amp;/g, '#')].length;

describe('escapeMrkdwn', () => {
  it.each([
    ['', ''],
    ['plain text', 'plain text'],
    ['a & b', 'a &amp; b'],
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@U123|boss>', '&lt;@U123|boss&gt;'],
    ['<https://evil.example|docs>', '&lt;https://evil.example|docs&gt;'],
    // A user who types an entity gets it shown as typed, not interpreted.
    ['&amp;', '&amp;amp;'],
    ['&lt;', '&amp;lt;'],
    // Formatting characters are the user's to use; only the three control characters are escaped.
    ['*bold* _it_ `code` ~s~', '*bold* _it_ `code` ~s~'],
    [smile, smile],
  ])('%j -> %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });
});

describe('escapeClipped(text, maxChars, maxOutput)', () => {
  const cases: Array<{ name: string; text: string; maxChars: number; maxOutput?: number; expected: string }> =
    [
      { name: 'empty string', text: '', maxChars: 10, expected: '' },
      { name: 'empty string, tiny output budget', text: '', maxChars: 10, maxOutput: 1, expected: '' },
      { name: 'fits exactly', text: 'abcde', maxChars: 5, expected: 'abcde' },
      { name: 'one over: 4 characters and the ellipsis', text: 'abcdef', maxChars: 5, expected: `abcd${E}` },
      { name: 'escaped, fits', text: 'a<b', maxChars: 3, expected: 'a&lt;b' },
      { name: 'escaped, one over', text: 'a<bc', maxChars: 3, expected: `a&lt;${E}` },
      {
        name: 'emoji fit exactly (counted as characters, not UTF-16)',
        text: smile.repeat(3),
        maxChars: 3,
        expected: smile.repeat(3),
      },
      {
        name: 'emoji at the cut point',
        text: smile.repeat(4),
        maxChars: 3,
        expected: `${smile}${smile}${E}`,
      },
      {
        name: 'emoji at the cut of the output budget',
        text: smile.repeat(10),
        maxChars: 100,
        maxOutput: 8,
        expected: `${smile.repeat(3)}${E}`,
      },
      {
        name: 'odd output budget with emoji',
        text: `a${smile.repeat(10)}`,
        maxChars: 100,
        maxOutput: 7,
        expected: `a${smile.repeat(2)}${E}`,
      },
      { name: '& at the cut of the character budget', text: 'ab&c', maxChars: 3, expected: `ab${E}` },
      {
        name: '& at the cut of the output budget',
        text: '&'.repeat(10),
        maxChars: 100,
        maxOutput: 12,
        expected: `&amp;&amp;${E}`,
      },
      {
        name: '& fits the output budget exactly',
        text: '&&',
        maxChars: 100,
        maxOutput: 10,
        expected: '&amp;&amp;',
      },
      {
        name: '& one over the output budget',
        text: '&&',
        maxChars: 100,
        maxOutput: 9,
        expected: `&amp;${E}`,
      },
      { name: 'output budget smaller than one entity', text: '&x', maxChars: 100, maxOutput: 4, expected: E },
      {
        name: '< at the cut of the output budget',
        text: 'x<<',
        maxChars: 100,
        maxOutput: 8,
        expected: `x&lt;${E}`,
      },
    ];

  it.each(cases)('$name', ({ text, maxChars, maxOutput, expected }) => {
    const out = escapeClipped(text, maxChars, maxOutput);
    expect(out).toBe(expected);
    expect(sourceChars(out)).toBeLessThanOrEqual(maxChars);
    if (maxOutput !== undefined) expect(out.length).toBeLessThanOrEqual(maxOutput);
    expect(out).not.toMatch(LONE_SURROGATE);
    expect(out).not.toMatch(HALF_ENTITY);
  });

  it.each([
    ['3,000 emoji', smile.repeat(3000)],
    ['3,000 &', '&'.repeat(3000)],
    ['3,000 <', '<'.repeat(3000)],
    ['emoji after an odd prefix', `x${smile.repeat(2999)}`],
    ['mixed escapes', 'a&<b>'.repeat(600)],
  ])('%s: within both budgets, ends in an ellipsis, no broken pair or escape', (_name, text) => {
    for (const [maxChars, maxOutput] of [
      [280, 650],
      [60, Number.POSITIVE_INFINITY],
      [1000, 999],
      [7, 13],
    ] as const) {
      const out = escapeClipped(text, maxChars, maxOutput);
      expect(sourceChars(out)).toBeLessThanOrEqual(maxChars);
      expect(out.length).toBeLessThanOrEqual(maxOutput);
      expect(out.endsWith(E)).toBe(true);
      expect(out).not.toMatch(LONE_SURROGATE);
      expect(out).not.toMatch(HALF_ENTITY);
      expect(out).not.toContain('<');
    }
  });

  it('keeps as much as the budget allows (not just something short)', () => {
    // 280 characters allowed, 650 output: 279 letters and the ellipsis.
    expect(escapeClipped('y'.repeat(3000), 280, 650)).toBe(`${'y'.repeat(279)}${E}`);
    // 649 output units leave room for 129 '&amp;' (645) and the ellipsis.
    expect(escapeClipped('&'.repeat(3000), 280, 650)).toBe(`${'&amp;'.repeat(129)}${E}`);
  });
});

describe('clip(text, max)', () => {
  const a = (n: number) => 'a'.repeat(n);
  const cases: Array<{ name: string; text: string; max?: number; expected: string }> = [
    { name: 'empty string', text: '', expected: '' },
    { name: 'fits exactly (default 3000)', text: a(3000), expected: a(3000) },
    { name: 'one over: 2999 and the ellipsis', text: a(3001), expected: `${a(2999)}${E}` },
    { name: 'fits exactly (24, a modal title)', text: a(24), max: 24, expected: a(24) },
    { name: 'one over (24)', text: a(25), max: 24, expected: `${a(23)}${E}` },
    // The cut falls between the two halves of the first emoji: the whole emoji goes.
    { name: 'emoji split by the cut point', text: `${a(2998)}${smile}${smile}`, expected: `${a(2998)}${E}` },
    // The cut falls right after the first emoji: it stays whole.
    {
      name: 'emoji ending at the cut point',
      text: `${a(2997)}${smile}${smile}`,
      expected: `${a(2997)}${smile}${E}`,
    },
    { name: 'only emoji, even budget', text: smile.repeat(20), max: 24, expected: `${smile.repeat(11)}${E}` },
    { name: 'only emoji, odd budget', text: smile.repeat(20), max: 25, expected: `${smile.repeat(12)}${E}` },
    // 600 whole '&amp;' (3000 units) and more: '&amp' at the cut backs up to its '&'.
    { name: '&amp; cut in two', text: '&amp;'.repeat(700), expected: `${'&amp;'.repeat(599)}${E}` },
    { name: '&lt; cut in two', text: '&lt;'.repeat(1000), expected: `${'&lt;'.repeat(749)}${E}` },
    { name: '&gt; cut after its &', text: `${a(2998)}&gt;`, expected: `${a(2998)}${E}` },
    {
      name: 'an entity ending exactly at the cut stays',
      text: `${a(2994)}&amp;bbbb`,
      expected: `${a(2994)}&amp;${E}`,
    },
  ];

  it.each(cases)('$name', ({ text, max, expected }) => {
    const out = max === undefined ? clip(text) : clip(text, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max ?? 3000);
    expect(out).not.toMatch(LONE_SURROGATE);
  });

  it.each([
    ['3,000 emoji', smile.repeat(3000)],
    ['emoji after an odd prefix', `x${smile.repeat(2999)}`],
    ['escaped 3,000 &', escapeMrkdwn('&'.repeat(3000))],
    ['escaped 3,000 <', escapeMrkdwn('<'.repeat(3000))],
    ['escaped mixed', escapeMrkdwn('a&<b>😀'.repeat(700))],
  ])('%s: every budget from 20 to 40 and 3000 gives whole pairs and whole escapes', (_name, text) => {
    for (const max of [...Array.from({ length: 21 }, (_, i) => 20 + i), 150, 2999, 3000]) {
      const out = clip(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.endsWith(E)).toBe(true);
      expect(out).not.toMatch(LONE_SURROGATE);
      expect(out).not.toMatch(HALF_ENTITY);
    }
  });
});

describe('quote', () => {
  it.each([
    ['one line', '>one line'],
    ['first\nsecond', '>first\n>second'],
    ['a\n\nb', '>a\n>\n>b'],
    ['', '>'],
  ])('%j -> %j', (input, expected) => {
    expect(quote(input)).toBe(expected);
  });
});

describe('slackDate', () => {
  // 2026-03-09 12:00:30.750 UTC = 1773057630.75 s since the epoch (date -u -d ... +%s).
  const at = new Date(Date.UTC(2026, 2, 9, 12, 0, 30, 750));

  it('is a <!date> token in whole seconds with a UTC fallback to the minute', () => {
    expect(slackDate(at)).toBe('<!date^1773057630^{date_short_pretty} at {time}|2026-03-09 12:00 UTC>');
  });

  it('takes another format', () => {
    expect(slackDate(at, '{date_short}')).toBe('<!date^1773057630^{date_short}|2026-03-09 12:00 UTC>');
  });
});
