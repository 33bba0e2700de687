import type { Paragraph } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { GuideError } from './errors.ts';
import { describeBlock, type Fail, labelledParagraph, onlyListItems } from './markdown-blocks.ts';
import type { Section, Subsection } from './outline.ts';
import { questionId } from './question-id.ts';
import { slugify, stripEnclosingQuotes } from './text.ts';
import { STAR_PARTS, type StarPart, type Topic } from './types.ts';

export type Part = 'keyConcepts' | 'questions' | 'sampleAnswer' | 'followUps';

// The headings the shipped guide uses; named in errors when a subsection is missing.
const CANONICAL: Record<Part, string> = {
  keyConcepts: '### Key Concepts',
  questions: '### Example Questions',
  sampleAnswer: '### Sample Response Using STAR',
  followUps: '### Follow-up Questions to Anticipate',
};

const LABELS: Record<StarPart, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
};

/** Tolerates wording variation ("Follow-ups", "Sample Answer", "Questions") but not unknown subsections. */
export function classifySubsection(title: string): Part | undefined {
  const t = title.toLowerCase();
  // Follow-ups first: "Follow-up Questions" also contains "questions".
  if (/^follow[- ]?ups?\b/.test(t)) return 'followUps';
  if (/^sample (response|answer)s?\b/.test(t) || /\bstar\b/.test(t)) return 'sampleAnswer';
  if (/^key concepts?\b/.test(t)) return 'keyConcepts';
  if (/^(example |sample )?questions\b/.test(t)) return 'questions';
  return undefined;
}

/** A `## N. Title` section with its `###` subsections (the sample answer optional) -> a Topic (validated later by the guide schema). */
export function parseTopic(section: Section, file: string): Topic {
  const fail: Fail = (problem) => new GuideError(file, section.title, problem);
  const { number, title } = parseTopicHeading(section.title, fail);
  const slug = slugify(title);
  if (slug === '') throw fail('the title has no letters or digits to make a slug from');

  const stray = section.content[0];
  if (stray !== undefined) throw fail(`found ${describeBlock(stray)} before the first ### subsection`);
  const parts = subsectionsByPart(section.subsections, fail);
  const need = (part: Part): Subsection => {
    const found = parts.get(part);
    if (found === undefined) throw fail(`missing "${CANONICAL[part]}"`);
    return found;
  };

  const keyConcepts = parseKeyConcepts(need('keyConcepts'), fail);
  const questionTexts = onlyListItems(need('questions').content, where(need('questions')), 'questions', fail);
  // Optional: a workspace's own guide may have no sample answer; its drills then show none (a warning).
  const sampleSubsection = parts.get('sampleAnswer');
  const sampleAnswer = sampleSubsection ? parseSampleAnswer(sampleSubsection, fail) : undefined;
  const followUps = onlyListItems(
    need('followUps').content,
    where(need('followUps')),
    'follow-up questions',
    fail,
  );

  return {
    slug,
    number,
    title,
    keyConcepts,
    questions: questionTexts.map((text, i) => ({
      id: questionId(text),
      topicSlug: slug,
      number: i + 1,
      text,
    })),
    ...(sampleAnswer ? { sampleAnswer } : {}),
    followUps,
    sourceFile: file,
  };
}

function where(subsection: Subsection): string {
  return `"### ${subsection.title}"`;
}

function parseTopicHeading(heading: string, fail: Fail): { number: number; title: string } {
  const match = /^(\S+?)\.\s+(\S.*)$/.exec(heading);
  const rawNumber = match?.[1];
  const title = match?.[2];
  if (rawNumber === undefined || title === undefined) {
    throw fail('the heading should read "N. Title", e.g. "1. Handling Production Incidents"');
  }
  if (!/^\d+$/.test(rawNumber)) throw fail(`topic number "${rawNumber}" is not a number`);
  const number = Number(rawNumber);
  if (number < 1) throw fail(`topic number ${rawNumber} should be 1 or more`);
  return { number, title };
}

function subsectionsByPart(subsections: Subsection[], fail: Fail): Map<Part, Subsection> {
  const byPart = new Map<Part, Subsection>();
  for (const subsection of subsections) {
    const part = classifySubsection(subsection.title);
    if (part === undefined) {
      const expected = Object.values(CANONICAL).join(', ');
      throw fail(`unexpected subsection ${where(subsection)} (expected ${expected})`);
    }
    const earlier = byPart.get(part);
    if (earlier !== undefined) throw fail(`${where(subsection)} repeats ${where(earlier)}`);
    byPart.set(part, subsection);
  }
  return byPart;
}

function parseKeyConcepts(subsection: Subsection, fail: Fail): string {
  const paragraphs: Paragraph[] = [];
  for (const node of subsection.content) {
    if (node.type !== 'paragraph') {
      throw fail(`${where(subsection)} should hold only paragraphs, but has ${describeBlock(node)}`);
    }
    paragraphs.push(node);
  }
  const text = paragraphs
    .map((p) => plainText(p).trim())
    .filter((t) => t !== '')
    .join('\n\n');
  if (text === '') throw fail(`${where(subsection)} has no text`);
  return text;
}

function parseSampleAnswer(subsection: Subsection, fail: Fail): Record<StarPart, string> {
  const found = new Map<StarPart, string>();
  subsection.content.forEach((node, i) => {
    if (node.type !== 'paragraph') {
      throw fail(`${where(subsection)} should hold only labelled paragraphs, but has ${describeBlock(node)}`);
    }
    const labelled = labelledParagraph(node);
    if (labelled === undefined) {
      throw fail(
        `${where(subsection)} paragraph ${i + 1} does not start with a bold label such as **Situation**`,
      );
    }
    const part = starPart(labelled.label);
    if (part === undefined) {
      throw fail(
        `${where(subsection)} has an unknown label **${labelled.label}** (expected Situation, Task, Action or Result)`,
      );
    }
    if (found.has(part)) throw fail(`${where(subsection)} has the **${LABELS[part]}** part twice`);
    const text = stripEnclosingQuotes(labelled.text);
    if (text === '') throw fail(`${where(subsection)} has an empty **${LABELS[part]}** part`);
    found.set(part, text);
  });

  const missing = STAR_PARTS.filter((part) => !found.has(part));
  if (missing.length > 0) {
    const names = missing.map((part) => `**${LABELS[part]}**`).join(', ');
    throw fail(`${where(subsection)} is missing the ${names} part${missing.length > 1 ? 's' : ''}`);
  }
  const text = (part: StarPart): string => found.get(part) ?? '';
  return { situation: text('situation'), task: text('task'), action: text('action'), result: text('result') };
}

/** "Situation", "situation:" or "Results" -> the STAR part; anything else -> undefined. */
function starPart(label: string): StarPart | undefined {
  const l = label.toLowerCase();
  return STAR_PARTS.find((part) => l === part || l === `${part}s`);
}
