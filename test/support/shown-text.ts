type Obj = Record<string, unknown>;

/**
 * Every text a person sees in some blocks (sections, fields, context, headers, buttons, inputs), one per
 * line, in the order Slack shows them: the text of each `plain_text` and `mrkdwn` object. The one extractor
 * for "does it say X" assertions, on views built in the process or on messages read back from the local
 * Slack.
 */
export function shownText(blocks: unknown): string {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Obj;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') {
      out.push(o.text);
      return;
    }
    for (const value of Object.values(o)) visit(value);
  };
  visit(blocks);
  return out.join('\n');
}
