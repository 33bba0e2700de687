import { z } from 'zod';
import { SELF_RATINGS } from '../drills/review-cards.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_ASK_COLLEAGUE,
  ACTION_EDIT_STORY,
  ACTION_HOME_SUBSCRIBE,
  ACTION_MOCK_CONTINUE,
  ACTION_MOCK_END,
  ACTION_OPEN_BREAKDOWN,
  ACTION_OPEN_GUIDE_UPLOAD,
  ACTION_OPEN_ROLE,
  ACTION_OPEN_SETTINGS,
  ACTION_PEER_DECLINE,
  ACTION_PEER_REVIEW,
  ACTION_PRACTISE_FOLLOW_UP,
  ACTION_RATE_DRILL,
  ACTION_SKIP_TODAY,
  ACTION_USE_STORY,
  COMMAND,
  VIEW_ASK_COLLEAGUE,
  VIEW_DELETE_DATA,
  VIEW_FOLLOW_UP,
  VIEW_GUIDE_PREVIEW,
  VIEW_GUIDE_UPLOAD,
  VIEW_PEER_REVIEW,
  VIEW_ROLE,
  VIEW_SETTINGS,
  VIEW_STAR_ANSWER,
  VIEW_STORY,
} from '../views/ids.ts';

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
  team_domain: z.string().max(255).optional(),
  response_url: z.url().optional(),
  trigger_id: z.string().max(255).optional(),
});
export type SlashCommandPayload = z.infer<typeof slashCommandSchema>;

/** A click on one of the bot's buttons: which button (`actionId`) decides the listener. */
export const buttonClick = <A extends z.ZodType<string>>(actionId: A) =>
  z.object({
    type: z.literal('block_actions'),
    user: z.object({ id, team_id: id.optional() }),
    trigger_id: z.string().min(1).max(255),
    /** Where the button is: a message's channel and ts, or a view. */
    container: z
      .object({ message_ts: z.string().max(64).optional(), channel_id: id.optional() })
      .loose()
      .optional(),
    // A button without a value of its own (Home's Settings and Subscribe) comes without one; a select's pick
    // comes as its chosen option instead (Slack's option values are up to 150 characters).
    actions: z
      .array(
        z.object({
          action_id: actionId,
          block_id: z.string().max(255).optional(),
          value: z.string().max(64).optional(),
          selected_option: z.object({ value: z.string().max(150) }).optional(),
        }),
      )
      .length(1),
  });

export const answerClickSchema = buttonClick(z.literal(ACTION_ANSWER_DRILL));
export type AnswerClickPayload = z.infer<typeof answerClickSchema>;

/** The rating buttons: `rate_drill_<rating>`, value `<drill id>:<rating>`. */
export const RATE_ACTION = new RegExp(`^${ACTION_RATE_DRILL}_(${SELF_RATINGS.join('|')})$`);
export const rateClickSchema = buttonClick(z.string().regex(RATE_ACTION));

export const skipTodayClickSchema = buttonClick(z.literal(ACTION_SKIP_TODAY));

export const followUpClickSchema = buttonClick(z.literal(ACTION_PRACTISE_FOLLOW_UP));
export const breakdownClickSchema = buttonClick(z.literal(ACTION_OPEN_BREAKDOWN));

/** A running mock interview's offer: Continue or End it, value `<mock id>:<round>`. */
export const mockOfferClickSchema = buttonClick(z.enum([ACTION_MOCK_CONTINUE, ACTION_MOCK_END]));

/** The Home tab's Settings and Subscribe buttons (no value of their own). */
export const settingsClickSchema = buttonClick(z.enum([ACTION_OPEN_SETTINGS, ACTION_HOME_SUBSCRIBE]));

const BUTTONS: ReadonlySet<string> = new Set([
  ACTION_ANSWER_DRILL,
  ACTION_OPEN_BREAKDOWN,
  ACTION_PRACTISE_FOLLOW_UP,
  ACTION_OPEN_SETTINGS,
  ACTION_HOME_SUBSCRIBE,
  ACTION_EDIT_STORY,
  ACTION_OPEN_ROLE,
  ACTION_SKIP_TODAY,
  ACTION_MOCK_CONTINUE,
  ACTION_MOCK_END,
  ACTION_ASK_COLLEAGUE,
  ACTION_PEER_REVIEW,
  ACTION_PEER_DECLINE,
  ACTION_OPEN_GUIDE_UPLOAD,
  ACTION_USE_STORY,
]);

/** Any button (or select) of the bot's, for the gate; each listener then reads its own with the schemas above. */
const anyButtonClick = buttonClick(z.string().refine((a) => BUTTONS.has(a) || RATE_ACTION.test(a)));

const inputValue = z.object({ value: z.string().nullish() });

export const viewSubmission = <C extends z.ZodType<string>>(callbackId: C) =>
  z.object({
    type: z.literal('view_submission'),
    user: z.object({ id }),
    view: z.object({
      id,
      callback_id: callbackId,
      private_metadata: z.string().max(3000),
      state: z.object({ values: z.record(z.string(), z.record(z.string(), inputValue)) }),
    }),
  });

export const starSubmissionSchema = viewSubmission(z.literal(VIEW_STAR_ANSWER));
export type StarSubmissionPayload = z.infer<typeof starSubmissionSchema>;

export const followUpSubmissionSchema = viewSubmission(z.literal(VIEW_FOLLOW_UP));

/** The settings modal: its inputs (time picker, checkboxes, selects) are read by views/settings-modal.ts. */
export const settingsSubmissionSchema = viewSubmission(z.literal(VIEW_SETTINGS)).extend({
  user: z.object({ id, team_id: id.optional() }),
});

export const deleteSubmissionSchema = viewSubmission(z.literal(VIEW_DELETE_DATA));

const anyViewSubmission = viewSubmission(
  z.enum([
    VIEW_STAR_ANSWER,
    VIEW_FOLLOW_UP,
    VIEW_SETTINGS,
    VIEW_DELETE_DATA,
    VIEW_STORY,
    VIEW_ROLE,
    VIEW_ASK_COLLEAGUE,
    VIEW_PEER_REVIEW,
    VIEW_GUIDE_UPLOAD,
    VIEW_GUIDE_PREVIEW,
  ]),
);

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

/**
 * A message a person typed in their DM with the bot (`message.im`). Edits, joins and the bot's own posts come
 * with a `subtype` or a `bot_id`; they are not someone talking to the bot.
 */
export const directMessageEventSchema = z.object({
  type: z.literal('message'),
  channel_type: z.literal('im'),
  channel: id,
  user: id,
  ts: z.string().min(1).max(64),
  thread_ts: z.string().max(64).optional(),
  text: z.string().max(40_000).optional(),
  // Absent, not merely undefined: zod 4 reads a bare `z.undefined()` key as required, which refused every
  // message a person typed (they carry neither key).
  subtype: z.undefined().optional(),
  bot_id: z.undefined().optional(),
});

export const appHomeOpenedEventSchema = z.object({
  type: z.literal('app_home_opened'),
  user: id,
  tab: z.string().max(32).optional(),
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
      return anyButtonClick;
    case 'view_submission':
      return anyViewSubmission;
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

/** `app_uninstalled` and `tokens_revoked`: the envelope names the workspace (and organisation) concerned. */
export const uninstallEnvelopeSchema = z.object({
  event_id: z.string().min(1).max(255),
  team_id: id,
  enterprise_id: id.nullish(),
  is_enterprise_install: z.boolean().optional(),
  authorizations: z.array(z.object({ is_enterprise_install: z.boolean().optional() }).loose()).optional(),
  event: z.object({
    type: z.enum(['app_uninstalled', 'tokens_revoked']),
    tokens: z
      .object({
        bot: z.array(z.string().max(64)).max(1000).optional(),
        oauth: z.array(z.string().max(64)).max(1000).optional(),
      })
      .optional(),
  }),
});
