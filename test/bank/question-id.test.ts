import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../src/bank/parse-guide.ts';
import { questionId } from '../../src/bank/question-id.ts';
import type { Guide } from '../../src/bank/types.ts';
import { shippedGuide } from './fixtures.ts';

const raw = shippedGuide();

/** The guide cut at each "## " heading: [preamble, topic 1..5, strategies]. */
function chunks(): string[] {
  return raw.split(/\n(?=## )/);
}

function idsByText(guide: Guide): Map<string, string> {
  return new Map(guide.topics.flatMap((t) => t.questions.map((q) => [q.text, q.id] as const)));
}

const original = idsByText(parseGuide(raw, 'guide.md'));

function expectSameIdsWhereTextSurvives(edited: Guide, expectedCount: number): void {
  const ids = idsByText(edited);
  expect(ids.size).toBe(expectedCount);
  for (const [text, id] of ids) if (original.has(text)) expect(id).toBe(original.get(text));
}

describe('question ids', () => {
  it('look like q_ + 10 hex digits and are unique across the shipped guide', () => {
    const all = [...original.values()];
    expect(all).toHaveLength(15);
    expect(new Set(all).size).toBe(15);
    for (const id of all) expect(id).toMatch(/^q_[0-9a-f]{10}$/);
  });

  it('survive removing a topic', () => {
    const [pre, ...rest] = chunks();
    const edited = parseGuide([pre, ...rest.filter((_, i) => i !== 1)].join('\n'), 'guide.md');
    expect(edited.topics.map((t) => t.number)).toEqual([1, 3, 4, 5]);
    expectSameIdsWhereTextSurvives(edited, 12);
  });

  it('survive reordering and renumbering topics', () => {
    const [pre, t1, t2, t3, t4, t5, strategies] = chunks();
    const swapped = [t5, t4, t3, t2, t1].map((t, i) => t?.replace(/^## \d+\./, `## ${i + 1}.`));
    const edited = parseGuide([pre, ...swapped, strategies].join('\n'), 'guide.md');
    expect(edited.topics[0]?.title).toBe('Leadership in Technical Decision-Making');
    expectSameIdsWhereTextSurvives(edited, 15);
  });

  it('survive editing another question and renaming another topic', () => {
    const edited = parseGuide(
      raw
        .replace('How do you prioritize during a service outage?', 'How do you triage an outage?')
        .replace('## 2. Cross-Functional Collaboration', '## 2. Working Across Teams'),
      'guide.md',
    );
    expect(edited.topics[1]?.slug).toBe('working-across-teams');
    const ids = idsByText(edited);
    expect(ids.get('How do you triage an outage?')).not.toBe(
      original.get('How do you prioritize during a service outage?'),
    );
    expectSameIdsWhereTextSurvives(edited, 15);
  });

  it('ignore case, whitespace and enclosing quotes, but not wording', () => {
    const text = 'Tell me about a time when you failed.';
    expect(questionId(text)).toBe(questionId('  tell ME about a time\nwhen   you failed. '));
    expect(questionId(text)).not.toBe(questionId('Tell me about a time when you succeeded.'));
    const quoted = (q: string) =>
      parseGuide(raw.replace('- "How do you prioritize during a service outage?"', q), 'g.md').topics[0]
        ?.questions[2];
    expect(quoted('- “How do you prioritize during a service outage?”')?.id).toBe(
      original.get('How do you prioritize during a service outage?'),
    );
  });
});
