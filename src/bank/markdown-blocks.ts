import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import type { GuideError } from './errors.ts';
import { stripEnclosingQuotes } from './text.ts';

/** Builds the error for the section being parsed; callers `throw fail(...)`. */
export type Fail = (problem: string) => GuideError;

const BLOCK_NAMES: Partial<Record<RootContent['type'], string>> = {
  paragraph: 'a paragraph',
  list: 'a list',
  code: 'a code block',
  blockquote: 'a block quote',
  thematicBreak: 'a horizontal rule',
  html: 'an HTML block',
  heading: 'a heading',
};

/** "a paragraph", "a list"...: how error messages name an unexpected block. */
export function describeBlock(node: RootContent): string {
  return BLOCK_NAMES[node.type] ?? `a ${node.type} block`;
}

/** The items of the one list a subsection must consist of, each as text without enclosing quotes. */
export function onlyListItems(content: RootContent[], where: string, noun: string, fail: Fail): string[] {
  const lists: List[] = [];
  for (const node of content) {
    if (node.type !== 'list')
      throw fail(`${where} should hold only a list of ${noun}, but has ${describeBlock(node)}`);
    lists.push(node);
  }
  const [list, ...more] = lists;
  if (list === undefined || list.children.length === 0) throw fail(`${where} has no ${noun}`);
  if (more.length > 0) throw fail(`${where} has ${lists.length} lists; expected one list of ${noun}`);
  return list.children.map((item, i) => {
    const text = stripEnclosingQuotes(plainText(singleParagraph(item, `${where} item ${i + 1}`, fail)));
    if (text === '') throw fail(`${where} item ${i + 1} is empty`);
    return text;
  });
}

/** A list item holding exactly one paragraph; nested lists or several paragraphs are not one text. */
export function singleParagraph(item: ListItem, where: string, fail: Fail): Paragraph {
  const [first, ...rest] = item.children;
  if (first === undefined) throw fail(`${where} is empty`);
  if (first.type !== 'paragraph' || rest.length > 0) throw fail(`${where} should be a single paragraph`);
  return first;
}

/**
 * Splits `**Label**: text` (or `**Label:** text`) into its label and text; undefined when the
 * paragraph does not open with bold text. The text keeps any quotation marks.
 */
export function labelledParagraph(paragraph: Paragraph): { label: string; text: string } | undefined {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'strong') return undefined;
  const label = plainText(first).trim().replace(/:$/, '').trim();
  const text = plainText(rest).trim().replace(/^:/, '').trim();
  return { label, text };
}
