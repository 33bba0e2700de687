import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHIPPED_GUIDE_FILE = fileURLToPath(
  new URL('../../content/behavioral-interview-guide.md', import.meta.url),
);
export const shippedGuide = (): string => readFileSync(SHIPPED_GUIDE_FILE, 'utf8');

export type TopicPart = 'keyConcepts' | 'questions' | 'sampleAnswer' | 'followUps';

/** A well-formed topic; each part can be replaced by other Markdown, or dropped with null. */
export function topicMd(heading: string, parts: Partial<Record<TopicPart, string | null>> = {}): string {
  const defaults: Record<TopicPart, string> = {
    keyConcepts: '### Key Concepts\n\nWhy this matters.',
    questions: `### Example Questions\n\n- "First question on ${heading}?"\n- "Second question on ${heading}?"`,
    sampleAnswer: [
      '### Sample Response Using STAR',
      '**Situation**: "S."',
      '**Task**: "T."',
      '**Action**: "A."',
      '**Result**: "R."',
    ].join('\n\n'),
    followUps: `### Follow-up Questions to Anticipate\n\n- "A follow-up on ${heading}?"`,
  };
  const body = (Object.keys(defaults) as TopicPart[])
    .map((part) => (part in parts ? parts[part] : defaults[part]))
    .filter((md): md is string => md !== null && md !== undefined);
  return [`## ${heading}`, ...body].join('\n\n');
}

/** A guide around the given topic sections, with an introduction, strategies and a closing remark. */
export function guideMd(...topics: string[]): string {
  return [
    '# A Guide',
    'Some introduction.',
    ...topics,
    '## Preparation Strategies',
    'To prepare:',
    '1. **Practice**: Out loud.\n\n2. **Rest**: Sleep well.',
    'Anything else?',
  ].join('\n\n');
}
