import type { List } from 'mdast';
import { GuideError } from './errors.ts';
import { type Fail, labelledParagraph, singleParagraph } from './markdown-blocks.ts';
import type { Section } from './outline.ts';
import type { Strategy } from './types.ts';

/**
 * `## Preparation Strategies` -> its numbered list of `**Title**: text` items. The prose around the
 * list (the section's introduction, the guide's closing remark) carries nothing to drill and is ignored.
 */
export function parseStrategies(section: Section, file: string): Strategy[] {
  const fail: Fail = (problem) => new GuideError(file, section.title, problem);
  const lists = section.content.filter((node): node is List => node.type === 'list');
  const [list, ...more] = lists;
  if (list === undefined) throw fail('has no numbered list of strategies');
  if (more.length > 0) throw fail(`has ${lists.length} lists; expected one numbered list of strategies`);
  if (!list.ordered) throw fail('the list of strategies should be numbered');

  return list.children.map((item, i) => {
    const number = (list.start ?? 1) + i;
    const labelled = labelledParagraph(singleParagraph(item, `strategy ${number}`, fail));
    if (labelled === undefined || labelled.label === '') {
      throw fail(`strategy ${number} does not start with a bold title`);
    }
    if (labelled.text === '') throw fail(`strategy ${number} ("${labelled.label}") has no text`);
    return { number, title: labelled.label, text: labelled.text };
  });
}
