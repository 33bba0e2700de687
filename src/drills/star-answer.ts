/**
 * A STAR answer as submitted from the answer modal: four free-text parts, each required and bounded.
 * Validation returns a message per part so the modal can show each error beside its field.
 */
import { z } from 'zod';

import { STAR_PARTS, type StarPart } from '../bank/types.ts';
import { stripControlChars } from './clean-text.ts';

// One definition of the four parts, shared with the guide parser (the guide's samples have the same four).
export { STAR_PARTS, type StarPart };
export type StarAnswer = Record<StarPart, string>;

export const STAR_LABELS: Record<StarPart, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
};

export const MAX_PART_CHARS = 3000;

/**
 * Characters as a person counts them: code points, not `s.length`. JS strings count UTF-16 units, so an
 * emoji such as 😀 is 2 and a 3000-character answer full of them would be refused although Slack's
 * `max_length` (which counts characters) let it through. A code point count is never above the UTF-16
 * count, so it never refuses text Slack accepted under the same limit. (Emoji joined with ZWJ still
 * count as several code points; the limit is generous enough that this does not matter.)
 */
export function countCharacters(s: string): number {
  return [...s].length;
}

/** Whitespace plus invisible format characters (zero-width space, ZWJ, BOM): an answer of only these is blank. */
const BLANK = /^[\s\p{Cf}]*$/u;

function partSchema(part: StarPart) {
  const label = STAR_LABELS[part];
  const describe = `Please describe the ${label}.`;
  return z
    .string({ error: (issue) => (issue.input == null ? describe : `Please write the ${label} as text.`) })
    .transform(stripControlChars)
    .transform((value) => value.trim())
    .superRefine((value, ctx) => {
      if (BLANK.test(value)) {
        ctx.addIssue({ code: 'custom', message: describe });
        return;
      }
      const count = countCharacters(value);
      if (count > MAX_PART_CHARS) {
        ctx.addIssue({
          code: 'custom',
          message: `Keep the ${label} under ${MAX_PART_CHARS} characters (you have ${count}).`,
        });
      }
    });
}

export const starAnswerSchema = z.object({
  situation: partSchema('situation'),
  task: partSchema('task'),
  action: partSchema('action'),
  result: partSchema('result'),
});

export type StarAnswerResult =
  | { ok: true; answer: StarAnswer }
  | { ok: false; errors: Partial<Record<StarPart, string>> };

export function validateStarAnswer(raw: Partial<Record<StarPart, unknown>>): StarAnswerResult {
  // A payload that is not an object at all gets the same per-part messages as an empty form.
  const input = typeof raw === 'object' && raw !== null ? raw : {};
  const parsed = starAnswerSchema.safeParse(input);
  if (parsed.success) return { ok: true, answer: parsed.data };
  const errors: Partial<Record<StarPart, string>> = {};
  for (const issue of parsed.error.issues) {
    const part = issue.path[0];
    if (typeof part === 'string' && (STAR_PARTS as readonly string[]).includes(part)) {
      errors[part as StarPart] ??= issue.message;
    }
  }
  return { ok: false, errors };
}

/** A follow-up answer: one part, the same rules (not blank, at most MAX_PART_CHARS characters). */
export function validateFollowUpAnswer(
  raw: unknown,
): { ok: true; text: string } | { ok: false; error: string } {
  const text = typeof raw === 'string' ? stripControlChars(raw).trim() : '';
  if (BLANK.test(text)) return { ok: false, error: 'Please write your answer.' };
  const count = countCharacters(text);
  if (count > MAX_PART_CHARS) {
    return { ok: false, error: `Keep your answer under ${MAX_PART_CHARS} characters (you have ${count}).` };
  }
  return { ok: true, text };
}
