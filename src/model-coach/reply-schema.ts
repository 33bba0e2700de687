import { z } from 'zod';

/**
 * What the model must answer, as JSON: two follow-up questions about the candidate's own story, and a
 * stronger Action and Result told with the answer's facts only, with the changes named. Validated after
 * parsing; anything else (prose, missing fields, wrong types) is an invalid answer.
 */
export const modelReplySchema = z.object({
  followUps: z.array(z.string().min(1).max(400)).min(1).max(4),
  rewrite: z.object({
    action: z.string().min(1).max(2000),
    result: z.string().min(1).max(1200),
    changes: z.array(z.string().min(1).max(300)).max(6),
  }),
});

export type ModelReply = z.infer<typeof modelReplySchema>;

/** The same shape as JSON Schema, for endpoints that constrain their output to it (structured output). */
export const modelReplyJsonSchema = z.toJSONSchema(modelReplySchema, { target: 'draft-7' });
