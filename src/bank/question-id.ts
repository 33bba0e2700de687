import { createHash } from 'node:crypto';
import { normalizeText } from './text.ts';

/**
 * Stored answers and schedules refer to questions by id, so the id depends only on the question's
 * own text: adding, removing or reordering topics, or editing other questions, leaves it unchanged.
 * Case and whitespace edits keep it too; any other edit makes it a new question.
 */
export function questionId(text: string): string {
  const digest = createHash('sha256').update(normalizeText(text)).digest('hex');
  return `q_${digest.slice(0, 10)}`;
}
