import { fromMarkdown } from 'mdast-util-from-markdown';
import { GuideError, WHOLE_DOCUMENT } from './errors.ts';
import { outline, type Section } from './outline.ts';
import { parseStrategies } from './parse-strategies.ts';
import { parseTopic } from './parse-topic.ts';
import { type Guide, GuideSchema, type Strategy, type Topic } from './types.ts';

export type SectionKind = 'topic' | 'strategies' | 'other';

/**
 * A `## ...` section is a topic when its heading is numbered ("1. Title") or when it has `###`
 * subsections (so a topic whose number was forgotten is reported, not silently skipped); the
 * unnumbered "Preparation Strategies" heading holds the strategies; any other section is prose.
 */
export function classifySection(section: Section): SectionKind {
  if (/^\S+\.\s/.test(section.title)) return 'topic';
  if (/\bstrateg(y|ies)\b/i.test(section.title)) return 'strategies';
  return section.subsections.length > 0 ? 'topic' : 'other';
}

/** Parses one study guide. `file` only names the guide in errors and in `Topic.sourceFile`. */
export function parseGuide(markdown: string, file: string): Guide {
  const { title, sections } = outline(fromMarkdown(markdown));
  if (title === undefined) throw new GuideError(file, WHOLE_DOCUMENT, 'missing the "# Title" heading');

  const topics: Topic[] = [];
  let strategies: Strategy[] | undefined;
  for (const section of sections) {
    const kind = classifySection(section);
    if (kind === 'topic') topics.push(parseTopic(section, file));
    if (kind === 'strategies') {
      if (strategies !== undefined) throw new GuideError(file, section.title, 'a second strategies section');
      strategies = parseStrategies(section, file);
    }
  }
  if (topics.length === 0) {
    throw new GuideError(file, WHOLE_DOCUMENT, 'no topics (sections headed "## N. Title") found');
  }
  assertDistinctNumbers(topics, file);
  return validate({ file, title, topics, strategies: strategies ?? [] }, file);
}

// Users pick topics by number, so two topics of one guide cannot share one.
function assertDistinctNumbers(topics: Topic[], file: string): void {
  const seen = new Map<number, Topic>();
  for (const topic of topics) {
    const earlier = seen.get(topic.number);
    if (earlier !== undefined) {
      throw new GuideError(
        file,
        `${topic.number}. ${topic.title}`,
        `topic number ${topic.number} is already used by "${earlier.number}. ${earlier.title}"`,
      );
    }
    seen.set(topic.number, topic);
  }
}

// The parser above reports every problem it knows of in guide terms; the schema is the final
// guarantee of the data's shape, so a gap in those checks still surfaces as a GuideError.
function validate(guide: Guide, file: string): Guide {
  const result = GuideSchema.safeParse(guide);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new GuideError(file, WHOLE_DOCUMENT, `invalid ${path}: ${issue?.message ?? 'unknown problem'}`);
}
