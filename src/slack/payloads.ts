import { z } from 'zod';
import { ACTION_ANSWER_DRILL, COMMAND, VIEW_STAR_ANSWER } from '../views/ids.ts';

/**
 * The shapes of what Slack sends that this bot acts on. Anything signed but not one of these is refused
 * with 400 before any listener runs, so a malformed or hostile payload never reaches the domain code.
 */
const id = z.string().min(1).max(64);

export const slashCommandSchema = z.object({
  command: z.literal(COMMAND),
  text: z.string().max(4000).default(''),
  user_id: id,
  channel_id: id,
  team_id: id.optional(),
  response_url: z.url().optional(),
  trigger_id: z.string().max(255).optional(),
});
export type SlashCommandPayload = z.infer<typeof slashCommandSchema>;

export const answerClickSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id, team_id: id.optional() }),
  trigger_id: z.string().min(1).max(255),
  /** Where the button is: a drill message's channel and ts. */
  container: z
    .object({ message_ts: z.string().max(64).optional(), channel_id: id.optional() })
    .loose()
    .optional(),
  actions: z
    .array(z.object({ action_id: z.literal(ACTION_ANSWER_DRILL), value: z.string().max(64) }))
    .length(1),
});
export type AnswerClickPayload = z.infer<typeof answerClickSchema>;

const inputValue = z.object({ value: z.string().nullish() });

export const starSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id }),
  view: z.object({
    id,
    callback_id: z.literal(VIEW_STAR_ANSWER),
    private_metadata: z.string().max(3000),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), inputValue)) }),
  }),
});
export type StarSubmissionPayload = z.infer<typeof starSubmissionSchema>;

export const eventCallbackSchema = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().min(1).max(255),
  event: z
    .object({
      // Bolt handles function_executed itself and throws (a 500) when it lacks a function_execution_id.
      // This app defines no custom functions, so Slack never sends one.
      type: z
        .string()
        .min(1)
        .max(255)
        .refine((type) => type !== 'function_executed'),
    })
    .loose(),
});

export const userChangeEventSchema = z.object({
  type: z.literal('user_change'),
  user: z.object({ id, tz: z.string().max(255).optional(), deleted: z.boolean().optional() }),
});

/**
 * The schema a body must match, chosen by its discriminator rather than by trying each schema in turn:
 * this runs on every request, ahead of the 3 s ack.
 */
function schemaFor(body: unknown): z.ZodType | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if ('command' in body) return slashCommandSchema;
  switch ((body as { type?: unknown }).type) {
    case 'block_actions':
      return answerClickSchema;
    case 'view_submission':
      return starSubmissionSchema;
    case 'event_callback':
      return eventCallbackSchema;
    default:
      return undefined;
  }
}

export class MalformedRequestError extends Error {}

/** Throws MalformedRequestError for anything this bot does not handle. */
export function assertKnownPayload(body: unknown): void {
  const schema = schemaFor(body);
  if (!schema)
    throw new MalformedRequestError('unrecognised payload: not a /star command, click, submission or event');
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MalformedRequestError(
      `malformed payload${issue ? ` (${issue.path.join('.') || 'body'}: ${issue.message})` : ''}`,
    );
  }
}
