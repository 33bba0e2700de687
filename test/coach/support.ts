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
