// The workspace guide's checker: each message as an admin reads it (the line, what is wrong, what is expected),
// every problem of a guide at once, the limits at their edges, and warnings that do not stop a guide.

import { describe, expect, it } from 'vitest';
import { checkGuide, describeProblem, GUIDE_LIMITS } from '../../src/bank/check-guide.ts';
import { guideMd, shippedGuide, topicMd } from './fixtures.ts';

const messages = (markdown: string) => checkGuide(markdown, 'upload.md').problems.map(describeProblem);
const lineOf = (markdown: string, text: string) => markdown.split('\n').indexOf(text) + 1;
const questions = (n: number, tag = 'Q') =>
  `### Example Questions\n\n${Array.from({ length: n }, (_, i) => `- "Tell me about ${tag} ${i + 1}."`).join('\n')}`;

describe('checkGuide', () => {
  it('passes the built-in guide: its bank, no problem, no warning', () => {
    const check = checkGuide(shippedGuide(), 'built-in.md');
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([]);
    expect(check.checked?.bank.topics).toHaveLength(5);
    expect(check.checked?.guide.title).toBe(
      'Behavioral Interview Study Guide: Technical Leadership and System Reliability',
    );
  });

  it('names a topic with too many questions by the line of its questions, with the limits', () => {
    const md = guideMd(
      topicMd('1. Fine'),
      topicMd('2. Also Fine'),
      topicMd('3. Crowded', { questions: questions(21) }),
    );
    const questionLines = md.split('\n').flatMap((l, i) => (l === '### Example Questions' ? [i + 1] : []));
    expect(messages(md)).toEqual([
      `line ${questionLines[2]}: topic 3 has 21 example questions; each topic needs at least 1 and at most 20`,
    ]);
  });

  it('names a topic with no question in the same words', () => {
    const md = guideMd(topicMd('1. Empty', { questions: '### Example Questions' }));
    expect(messages(md)).toEqual([
      `line ${lineOf(md, '### Example Questions')}: topic 1 has 0 example questions; each topic needs at least 1 and at most 20`,
    ]);
  });

  it('lists every problem of a guide at once, each at its line, and keeps nothing', () => {
    const md = guideMd(
      topicMd('1. No Concepts', { keyConcepts: null }),
      topicMd('2. Fine'),
      topicMd('3. Bad Sample', { sampleAnswer: '### Sample Response Using STAR\n\n**Outcome**: "O."' }),
      topicMd('3. Same Number'),
    );
    const check = checkGuide(md, 'upload.md');
    expect(check.checked).toBeUndefined();
    expect(check.problems.map(describeProblem)).toEqual([
      `line ${lineOf(md, '## 1. No Concepts')}: topic "1. No Concepts": missing "### Key Concepts"`,
      `line ${lineOf(md, '## 3. Bad Sample')}: topic "3. Bad Sample": "### Sample Response Using STAR" has an unknown label **Outcome** (expected Situation, Task, Action or Result)`,
      `line ${lineOf(md, '## 3. Same Number')}: topic number 3 is already used by "3. Bad Sample"`,
    ]);
  });

  it('warns of a topic without a sample answer but takes the guide', () => {
    const md = guideMd(topicMd('1. With Sample'), topicMd('2. Without', { sampleAnswer: null }));
    const check = checkGuide(md, 'upload.md');
    expect(check.problems).toEqual([]);
    expect(check.warnings.map(describeProblem)).toEqual([
      `line ${lineOf(md, '## 2. Without')}: no sample answer for topic 2: its drills will show none`,
    ]);
    expect(check.checked?.bank.topics.map((t) => t.slug)).toEqual(['with-sample', 'without']);
  });

  it('takes 30 topics and refuses 31, at the line of the 31st', () => {
    const topics = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        topicMd(`${i + 1}. Topic ${i + 1}`, { questions: questions(1, `topic ${i + 1}`) }),
      );
    expect(checkGuide(guideMd(...topics(30)), 'ok.md').checked?.bank.topics).toHaveLength(30);
    const md = guideMd(...topics(31));
    expect(messages(md)).toEqual([
      `line ${lineOf(md, '## 31. Topic 31')}: the guide has 31 topics; a guide has at most 30`,
    ]);
  });

  it('refuses a guide over 200 KB before reading it, saying its size', () => {
    const md = guideMd(topicMd('1. Long', { keyConcepts: `### Key Concepts\n\n${'word '.repeat(45_000)}` }));
    expect(md.length).toBeGreaterThan(GUIDE_LIMITS.maxBytes);
    expect(messages(md)).toEqual([
      `the guide is ${(Math.ceil((md.length / 1024) * 10) / 10).toLocaleString('en-US')} KB; a guide is at most 200 KB`,
    ]);
  });

  it('refuses empty text, a file that is not text, and text that is not a guide', () => {
    expect(messages('  \n\n ')).toEqual(['the guide is empty: it needs a "# Title" and at least one topic']);
    expect(messages('%PDF-1.7\u0000\u0001binary')).toEqual([
      'this is not a Markdown text file (it holds binary data)',
    ]);
    expect(messages('Dear team,\n\nplease practise more.\n')).toEqual([
      'line 1: the guide should start with a "# Title" heading, e.g. "# Behavioral Interview Guide"',
      'line 1: no topics found: a topic is a section headed "## 1. Title" with "### Key Concepts", "### Example Questions", "### Sample Response Using STAR" and "### Follow-up Questions to Anticipate"',
    ]);
    expect(messages('# Just a title\n\nNothing else.')).toEqual([
      'no topics found: a topic is a section headed "## 1. Title" with "### Key Concepts", "### Example Questions", "### Sample Response Using STAR" and "### Follow-up Questions to Anticipate"',
    ]);
  });

  it('names two topics whose titles make the same slug (their progress would be one)', () => {
    const md = guideMd(
      topicMd('1. Incidents'),
      topicMd('2. incidents!', { questions: questions(1, 'other') }),
    );
    expect(messages(md)).toEqual([
      `line ${lineOf(md, '## 2. incidents!')}: topic slug "incidents" is already used by section "1. Incidents" in upload.md`,
    ]);
  });
});
