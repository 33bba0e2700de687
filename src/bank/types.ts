import { z } from 'zod';

export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
export type StarPart = (typeof STAR_PARTS)[number];

// Every stored text is shown to users as-is, so it must be non-empty and already trimmed.
const Text = z
  .string()
  .refine((s) => s.length > 0 && s.trim() === s, { message: 'must be non-empty and trimmed' });
const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be lowercase kebab-case' });
const Position = z.int().positive();

export const QuestionSchema = z.object({
  id: z.string().regex(/^q_[0-9a-f]{10}$/),
  topicSlug: Slug,
  number: Position,
  text: Text,
});
export type Question = z.infer<typeof QuestionSchema>;

export const TopicSchema = z
  .object({
    slug: Slug,
    number: Position,
    title: Text,
    keyConcepts: Text,
    questions: z.array(QuestionSchema).min(1),
    // An enum-keyed record is exhaustive in zod 4: all four parts are required.
    // Optional: a guide may give none for a topic (its drills then show no sample).
    sampleAnswer: z.record(z.enum(STAR_PARTS), Text).optional(),
    followUps: z.array(Text).min(1),
    sourceFile: z.string().min(1),
  })
  .refine((t) => t.questions.every((q, i) => q.topicSlug === t.slug && q.number === i + 1), {
    message: 'questions must carry their topic slug and be numbered 1..n',
    path: ['questions'],
  });
export type Topic = z.infer<typeof TopicSchema>;

export const StrategySchema = z.object({ number: Position, title: Text, text: Text });
export type Strategy = z.infer<typeof StrategySchema>;

export const GuideSchema = z.object({
  file: z.string().min(1),
  title: Text,
  topics: z.array(TopicSchema).min(1),
  strategies: z.array(StrategySchema),
});
export type Guide = z.infer<typeof GuideSchema>;
