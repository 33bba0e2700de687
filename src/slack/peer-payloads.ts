import { z } from 'zod';
import { PEER_CRITERIA, type PeerCriterion } from '../drills/peer-review.ts';
import {
  ACTION_ASK_COLLEAGUE,
  ACTION_ASK_REVIEWER,
  ACTION_ASK_SCORE,
  ACTION_PEER_DECLINE,
  ACTION_PEER_RATING,
  ACTION_PEER_REVIEW,
  BLOCK_ASK_REVIEWER,
  BLOCK_ASK_SCORE,
  INCLUDE_SCORE,
  VIEW_ASK_COLLEAGUE,
  VIEW_PEER_REVIEW,
} from '../views/ids.ts';
import { peerRatingBlock } from '../views/peer-review.ts';
import { buttonClick, viewSubmission } from './parse-payloads.ts';

/** "Ask a colleague" under the feedback: value is the drill id. */
export const askColleagueClickSchema = buttonClick(z.literal(ACTION_ASK_COLLEAGUE));
/** Review and Decline in the colleague's DM: value is the request id. */
export const peerRequestClickSchema = buttonClick(z.enum([ACTION_PEER_REVIEW, ACTION_PEER_DECLINE]));

export const askSubmissionSchema = viewSubmission(z.literal(VIEW_ASK_COLLEAGUE));
export const reviewSubmissionSchema = viewSubmission(z.literal(VIEW_PEER_REVIEW));

type Values = Record<string, Record<string, unknown>>;
const valuesOf = (body: unknown): Values | undefined =>
  (body as { view?: { state?: { values?: Values } } }).view?.state?.values;

const userChoice = z.object({ selected_user: z.string().max(64).nullish() }).loose();
const optionChoice = z
  .object({ selected_option: z.object({ value: z.string().max(150) }).nullish() })
  .loose();
const optionsChoice = z
  .object({
    selected_options: z
      .array(z.object({ value: z.string().max(150) }).loose())
      .max(10)
      .nullish(),
  })
  .loose();

/** The colleague picked in the ask modal (Slack's users_select answers `selected_user`), if any. */
export function pickedColleague(body: unknown): string | undefined {
  const parsed = userChoice.safeParse(valuesOf(body)?.[BLOCK_ASK_REVIEWER]?.[ACTION_ASK_REVIEWER]);
  const id = parsed.success ? parsed.data.selected_user : undefined;
  return id && /^[A-Z0-9]{1,64}$/i.test(id) ? id : undefined;
}

/** Whether "include my score" is ticked. */
export function scoreIncluded(body: unknown): boolean {
  const parsed = optionsChoice.safeParse(valuesOf(body)?.[BLOCK_ASK_SCORE]?.[ACTION_ASK_SCORE]);
  return parsed.success && (parsed.data.selected_options ?? []).some((o) => o.value === INCLUDE_SCORE);
}

/** The four ratings as chosen (raw option values: checked by drills/peer-review.ts). */
export function chosenRatings(body: unknown): Partial<Record<PeerCriterion, string | null>> {
  const values = valuesOf(body);
  return Object.fromEntries(
    PEER_CRITERIA.map((c) => {
      const parsed = optionChoice.safeParse(values?.[peerRatingBlock(c)]?.[ACTION_PEER_RATING]);
      return [c, parsed.success ? (parsed.data.selected_option?.value ?? null) : null];
    }),
  );
}
