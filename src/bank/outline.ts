import type { Heading, Root, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';

/** A `###` heading and the blocks up to the next heading of depth 1-3. */
export interface Subsection {
  title: string;
  /** The heading's line in the Markdown (1-based), for messages that point at it. */
  line?: number;
  content: RootContent[];
}

/** A `##` heading, the blocks before its first `###`, and its `###` subsections. */
export interface Section {
  title: string;
  /** The heading's line in the Markdown (1-based). */
  line?: number;
  content: RootContent[];
  subsections: Subsection[];
}

/** The guide's heading structure: the `#` title and the `##` sections (the preamble is dropped). */
export interface Outline {
  title: string | undefined;
  sections: Section[];
}

export function headingText(node: Heading): string {
  return plainText(node).replace(/\s+/g, ' ').trim();
}

/**
 * Groups the flat list of top-level Markdown blocks under their headings. Blocks before the first
 * `##` (the guide's introduction) and `###` headings outside any `##` section belong to nothing and
 * are dropped; `####` and deeper headings are ordinary content.
 */
export function outline(root: Root): Outline {
  let title: string | undefined;
  const sections: Section[] = [];
  let section: Section | undefined;
  let subsection: Subsection | undefined;

  for (const node of root.children) {
    if (node.type !== 'heading' || node.depth > 3) {
      (subsection ?? section)?.content.push(node);
      continue;
    }
    const text = headingText(node);
    subsection = undefined;
    if (node.depth === 1) {
      title ??= text;
      section = undefined;
    } else if (node.depth === 2) {
      section = { title: text, line: node.position?.start.line, content: [], subsections: [] };
      sections.push(section);
    } else if (section) {
      subsection = { title: text, line: node.position?.start.line, content: [] };
      section.subsections.push(subsection);
    }
  }
  return { title, sections };
}
