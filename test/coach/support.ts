import { fileURLToPath } from 'node:url';
import { loadQuestionBank } from '../../src/bank/load.ts';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import type { Topic } from '../../src/bank/types.ts';

// The same folder as src/bot.ts's CONTENT_DIR, named here so these pure tests do not import the Slack app.
const CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

let bank: Promise<QuestionBank> | undefined;

/** The shipped guide, loaded once per test file. */
export function shippedBank(): Promise<QuestionBank> {
  bank ??= loadQuestionBank(CONTENT_DIR);
  return bank;
}

export function topicOf(b: QuestionBank, slug: string): Topic {
  const topic = b.topic(slug);
  if (topic === undefined) throw new Error(`no topic ${slug} in the shipped guide`);
  return topic;
}

type Obj = Record<string, unknown>;

/** Every text a person sees in some Block Kit blocks, one per line (as test/coaching/support.ts). */
export function visibleText(blocks: unknown): string {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Obj;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
    for (const [key, value] of Object.entries(o))
      if (key !== 'text' || typeof value !== 'string') visit(value);
  };
  visit(blocks);
  return out.join('\n');
}
