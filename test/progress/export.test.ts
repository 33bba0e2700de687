// Bad inputs tried: answers whose lines start with `#`, `>`, `-`, `1.`, `|`, `---` and `===` (setext
// headings), that contain ``` and ```` fences (closed and unclosed), `<script>`, HTML comments, CRLF and
// lone CR line endings, 3,000 emoji, only backticks; guide text with `*`, `_`, `[x](y)`, `<b>`, `#` and
// `&amp;`; no drills; unanswered drills; drills given out of order and with equal times; 1,000 answers of
// 4 x 500 characters with follow-ups (size and order; its CPU time is a benchmark, bench/progress-cost.ts).
import type { Code, Heading, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString as mdToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { THOUSAND_ANSWERED_DRILLS } from '../../harness/progress-history.ts';
import {
  type ExportDrill,
  exportFilename,
  exportMarkdown,
  fenced,
  inlineText,
} from '../../src/progress/export.ts';

const NY = 'America/New_York';
const NOW = new Date('2026-03-10T18:05:00Z'); // 14:05 EDT

const ANSWERED: ExportDrill = {
  topicTitle: 'Handling Production Incidents',
  questionText: 'Describe how you approach debugging a complex system failure.',
  askedAt: new Date('2026-03-09T13:00:00Z'),
  answer: {
    parts: {
      situation: 'Checkout failed for 15% of users.',
      task: 'I was on call.',
      action: 'I found the exhausted pool.',
      result: 'Back in 45 minutes.',
    },
    answeredAt: new Date('2026-03-09T14:12:00Z'),
    score: 78,
    rating: 'good',
    followUps: [{ question: 'What would you do differently?', answer: 'Alert on pool saturation.' }],
  },
};

const UNANSWERED: ExportDrill = {
  topicTitle: 'Conflict',
  questionText: 'Tell me about a disagreement.',
  askedAt: new Date('2026-03-10T13:00:00Z'),
  answer: null,
};

function nodes<T>(tree: Root, type: string): T[] {
  const found: T[] = [];
  const visit = (n: { type: string; children?: unknown[] }) => {
    if (n.type === type) found.push(n as T);
    for (const c of (n.children ?? []) as { type: string }[]) visit(c);
  };
  visit(tree);
  return found;
}

describe('exportMarkdown', () => {
  it('writes the header and each drill, newest first', () => {
    expect(exportMarkdown({ zone: NY, drills: [ANSWERED, UNANSWERED], now: NOW })).toBe(
      [
        '# Star Drill: your drills and answers',
        '',
        'Exported 2026-03-10 14:05 (America/New\\_York). 2 drills, 1 answered.',
        '',
        'Your answers are in code blocks, exactly as you wrote them.',
        '',
        '---',
        '',
        '## 2026-03-10 · Conflict',
        '',
        '**Question:** Tell me about a disagreement.',
        '',
        '_Not answered._',
        '',
        '---',
        '',
        '## 2026-03-09 · Handling Production Incidents',
        '',
        '**Question:** Describe how you approach debugging a complex system failure.',
        '',
        '**Answered:** 2026-03-09 10:12 · **Score:** 78/100 · **Self-rating:** Good',
        '',
        '### Situation',
        '',
        '```text',
        'Checkout failed for 15% of users.',
        '```',
        '',
        '### Task',
        '',
        '```text',
        'I was on call.',
        '```',
        '',
        '### Action',
        '',
        '```text',
        'I found the exhausted pool.',
        '```',
        '',
        '### Result',
        '',
        '```text',
        'Back in 45 minutes.',
        '```',
        '',
        '### Follow-up questions',
        '',
        '**What would you do differently?**',
        '',
        '```text',
        'Alert on pool saturation.',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('no drills', () => {
    const md = exportMarkdown({ zone: NY, drills: [], now: NOW });
    expect(md).toContain('0 drills, 0 answered.');
    expect(md).toContain('_No drills yet._');
  });

  it('leaves out a score and a rating that were never given', () => {
    const md = exportMarkdown({
      zone: NY,
      drills: [
        {
          ...ANSWERED,
          answer: {
            ...(ANSWERED.answer as NonNullable<ExportDrill['answer']>),
            score: null,
            rating: null,
            followUps: [],
          },
        },
      ],
      now: NOW,
    });
    expect(md).toContain('**Answered:** 2026-03-09 10:12\n');
    expect(md).not.toContain('Score');
    expect(md).not.toContain('Follow-up');
  });

  it('dates are local: 23:30 in New York is the day before in UTC terms', () => {
    const md = exportMarkdown({
      zone: NY,
      drills: [{ ...UNANSWERED, askedAt: new Date('2026-03-10T03:30:00Z') }],
      now: NOW,
    });
    expect(md).toContain('## 2026-03-09 · Conflict');
  });

  it('keeps the given order for drills sent at the same time', () => {
    const a = { ...UNANSWERED, topicTitle: 'A' };
    const b = { ...UNANSWERED, topicTitle: 'B' };
    const md = exportMarkdown({ zone: NY, drills: [a, b], now: NOW });
    expect(md.indexOf('· A')).toBeLessThan(md.indexOf('· B'));
  });
});

describe('user text cannot break the structure', () => {
  const HOSTILE = [
    '# Not a heading',
    '> not a quote',
    '- not a list',
    '1. not a list',
    '| not | a table |',
    '|---|---|',
    'Setext?',
    '===',
    '---',
    '```',
    'after a closing fence',
    '````js',
    '<script>alert(1)</script>',
    '<!-- comment',
    '`single` and ``double``',
  ].join('\n');

  it('every part comes back verbatim as a code block, and only the export’s own headings exist', () => {
    const drill: ExportDrill = {
      ...ANSWERED,
      answer: {
        ...(ANSWERED.answer as NonNullable<ExportDrill['answer']>),
        parts: { situation: HOSTILE, task: '````', action: '```\n```', result: '😀'.repeat(3000) },
        followUps: [{ question: 'Q?', answer: HOSTILE }],
      },
    };
    const tree = fromMarkdown(exportMarkdown({ zone: NY, drills: [drill], now: NOW }));
    expect(nodes<Code>(tree, 'code').map((c) => c.value)).toEqual([
      HOSTILE,
      '````',
      '```\n```',
      '😀'.repeat(3000),
      HOSTILE,
    ]);
    expect(nodes<Heading>(tree, 'heading').map((h) => `${h.depth} ${mdToString(h)}`)).toEqual([
      '1 Star Drill: your drills and answers',
      '2 2026-03-09 · Handling Production Incidents',
      '3 Situation',
      '3 Task',
      '3 Action',
      '3 Result',
      '3 Follow-up questions',
    ]);
    expect(nodes(tree, 'html')).toEqual([]);
    expect(nodes(tree, 'blockquote')).toEqual([]);
    expect(nodes(tree, 'list')).toEqual([]);
  });

  it('line endings become LF, nothing else changes', () => {
    expect(fenced('a\r\nb\rc\n')).toBe('```text\na\nb\nc\n\n```');
    expect(fenced('x ``` y')).toBe('````text\nx ``` y\n````');
    expect(fenced('``````')).toBe('```````text\n``````\n```````');
  });

  it('guide text renders as written', () => {
    const question =
      'Tell me about *one* [time](http://x) you used <b>tags</b> & # hashes_here ~~ | ! `code` \\ &amp;';
    expect(inlineText('a\n  b\t c ')).toBe('a b c');
    const tree = fromMarkdown(
      exportMarkdown({
        zone: NY,
        drills: [{ ...ANSWERED, questionText: question, topicTitle: 'Title #' }],
        now: NOW,
      }),
    );
    const paragraphs = nodes<Root>(tree, 'paragraph').map((p) => mdToString(p));
    expect(paragraphs).toContain(`Question: ${question}`);
    expect(nodes<Heading>(tree, 'heading').map((h) => mdToString(h))).toContain('2026-03-09 · Title #');
    expect(nodes(tree, 'html')).toEqual([]);
    expect(nodes(tree, 'link')).toEqual([]);
    expect(nodes(tree, 'emphasis')).toEqual([]);
  });
});

describe('a large history', () => {
  const drills = THOUSAND_ANSWERED_DRILLS;

  it('1,000 answers, newest first, of a size close to the text itself', () => {
    const md = exportMarkdown({ zone: NY, drills, now: NOW });

    const userText = 1000 * 5 * 500;
    expect(md.length).toBeGreaterThan(userText);
    // Headings, fences and facts: about 400 characters per drill.
    expect(md.length).toBeLessThan(userText + 1000 * 450);
    expect(md.match(/^## /gm)).toHaveLength(1000);
    expect(md.indexOf('Question number 999?')).toBeLessThan(md.indexOf('Question number 998?'));
    expect(md.indexOf('Question number 1?')).toBeLessThan(md.indexOf('Question number 0?'));
    expect(md).toContain('1000 drills, 1000 answered.');
  });
});

describe('exportFilename', () => {
  it('is named after the local date', () => {
    expect(exportFilename(NY, NOW)).toBe('star-drill-2026-03-10.md');
    expect(exportFilename(NY, new Date('2026-03-11T03:59:00Z'))).toBe('star-drill-2026-03-10.md');
    expect(exportFilename('Asia/Kolkata', new Date('2026-03-10T18:30:00Z'))).toBe('star-drill-2026-03-11.md');
  });
});
