import type { RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { GuideError } from './errors.ts';
import { outline, type Section } from './outline.ts';
import { classifySection, parseGuide } from './parse-guide.ts';
import { parseStrategies } from './parse-strategies.ts';
import { classifySubsection, parseTopic } from './parse-topic.ts';
import { QuestionBank } from './question-bank.ts';
import type { Guide, Topic } from './types.ts';

/**
 * A workspace's own guide is checked whole before anything changes: every problem is listed with its line
 * and what is expected, so an admin fixes the file once rather than once per upload. The checks are the
 * built-in guide's parser (parse-topic.ts, run section by section so one broken topic does not hide the
 * next) plus the limits below, which keep one workspace's guide from costing every request.
 */
export const GUIDE_LIMITS = { maxBytes: 200 * 1024, maxTopics: 30, maxQuestionsPerTopic: 20 } as const;

export interface GuideProblem {
  /** 1-based line of the Markdown the problem is at; none when it concerns the whole file. */
  line?: number;
  text: string;
}

export interface GuideCheck {
  /** Each stops the guide from being used. */
  problems: GuideProblem[];
  /** Worth saying, but the guide works (e.g. a topic without a sample answer). */
  warnings: GuideProblem[];
  /** Set when there is no problem: the guide and the bank built from it. */
  checked?: { guide: Guide; bank: QuestionBank };
}

/** "line 42: topic 3 has ..." */
export function describeProblem(problem: GuideProblem): string {
  return problem.line === undefined ? problem.text : `line ${problem.line}: ${problem.text}`;
}

const TOPIC_SHAPE =
  'a topic is a section headed "## 1. Title" with "### Key Concepts", "### Example Questions", ' +
  '"### Sample Response Using STAR" and "### Follow-up Questions to Anticipate"';

/** Checks a guide's Markdown; `file` names it in the topics (Topic.sourceFile). */
export function checkGuide(markdown: string, file: string): GuideCheck {
  const problems: GuideProblem[] = [];
  const warnings: GuideProblem[] = [];
  const fail = (text: string, line?: number) => {
    problems.push(line === undefined ? { text } : { line, text });
    return { problems, warnings };
  };
  const bytes = new TextEncoder().encode(markdown).length;
  if (markdown.trim() === '') return fail('the guide is empty: it needs a "# Title" and at least one topic');
  if (bytes > GUIDE_LIMITS.maxBytes) {
    return fail(`the guide is ${kilobytes(bytes)} KB; a guide is at most ${GUIDE_LIMITS.maxBytes / 1024} KB`);
  }
  // NUL bytes, or characters that were not UTF-8 (decoded as U+FFFD): a PDF, a Word file, an image.
  if (markdown.includes('\u0000') || markdown.includes('\uFFFD'))
    return fail('this is not a Markdown text file (it holds binary data)');

  const root = fromMarkdown(markdown);
  const { title, sections } = outline(root);
  if (title === undefined) {
    fail('the guide should start with a "# Title" heading, e.g. "# Behavioral Interview Guide"', 1);
  }
  const topicSections = sections.filter((s) => classifySection(s) === 'topic');
  if (topicSections.length === 0) fail(`no topics found: ${TOPIC_SHAPE}`, title ? undefined : 1);
  const extra = topicSections[GUIDE_LIMITS.maxTopics];
  if (extra) {
    fail(
      `the guide has ${topicSections.length} topics; a guide has at most ${GUIDE_LIMITS.maxTopics}`,
      extra.line,
    );
  }

  const numbers = new Map<number, Section>();
  for (const [i, section] of sections.entries()) {
    const kind = classifySection(section);
    if (kind === 'strategies') checkStrategies(section, problems);
    if (kind !== 'topic') continue;
    checkNumber(section, numbers, problems);
    const countProblem = checkQuestionCount(section, i, problems);
    let topic: Topic;
    try {
      topic = parseTopic(section, file);
    } catch (err) {
      if (!(err instanceof GuideError)) throw err;
      // The count was already reported in the limits' own words.
      if (!(countProblem && /has no questions/.test(err.problem))) {
        problems.push(at(section, `topic "${section.title}": ${err.problem}`));
      }
      continue;
    }
    if (!topic.sampleAnswer) {
      warnings.push(at(section, `no sample answer for topic ${topic.number}: its drills will show none`));
    }
  }
  if (problems.length > 0) return { problems, warnings };
  return buildBank(markdown, file, sections, problems, warnings);
}

/** The checked guide as a bank; slugs or questions that clash (QuestionBank's own check) are problems too. */
function buildBank(
  markdown: string,
  file: string,
  sections: Section[],
  problems: GuideProblem[],
  warnings: GuideProblem[],
): GuideCheck {
  try {
    const guide = parseGuide(markdown, file);
    return { problems, warnings, checked: { guide, bank: QuestionBank.fromGuides([guide]) } };
  } catch (err) {
    if (!(err instanceof GuideError)) throw err;
    const section = sections.find((s) => s.title === err.section);
    problems.push(section ? at(section, err.problem) : { text: err.problem });
    return { problems, warnings };
  }
}

/** People pick topics by number: two topics of one guide cannot share one (even when one is broken too). */
function checkNumber(section: Section, numbers: Map<number, Section>, problems: GuideProblem[]): void {
  const raw = /^(\d+)\.\s/.exec(section.title)?.[1];
  if (raw === undefined) return;
  const number = Number(raw);
  const earlier = numbers.get(number);
  if (earlier) problems.push(at(section, `topic number ${number} is already used by "${earlier.title}"`));
  else numbers.set(number, section);
}

function checkStrategies(section: Section, problems: GuideProblem[]): void {
  try {
    parseStrategies(section, '');
  } catch (err) {
    if (!(err instanceof GuideError)) throw err;
    problems.push(at(section, `"${section.title}": ${err.problem}`));
  }
}

/** At most 20 questions a topic (the parser itself needs at least one); true when a problem was added. */
function checkQuestionCount(section: Section, index: number, problems: GuideProblem[]): boolean {
  const questions = section.subsections.find((s) => classifySubsection(s.title) === 'questions');
  if (!questions) return false;
  const count = listItems(questions.content);
  if (count >= 1 && count <= GUIDE_LIMITS.maxQuestionsPerTopic) return false;
  const number = /^(\d+)\./.exec(section.title)?.[1] ?? String(index + 1);
  problems.push({
    ...(questions.line === undefined ? {} : { line: questions.line }),
    text:
      `topic ${number} has ${count} example question${count === 1 ? '' : 's'}; ` +
      `each topic needs at least 1 and at most ${GUIDE_LIMITS.maxQuestionsPerTopic}`,
  });
  return true;
}

function listItems(content: RootContent[]): number {
  return content.reduce((n, node) => n + (node.type === 'list' ? node.children.length : 0), 0);
}

function at(section: Section, text: string): GuideProblem {
  return section.line === undefined ? { text } : { line: section.line, text };
}

function kilobytes(bytes: number): string {
  return (Math.ceil((bytes / 1024) * 10) / 10).toLocaleString('en-US');
}
