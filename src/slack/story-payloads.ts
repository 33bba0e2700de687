import { z } from 'zod';
import { ACTION_EDIT_STORY, ACTION_USE_STORY, VIEW_STORY } from '../views/ids.ts';
import { buttonClick, viewSubmission } from './parse-payloads.ts';

/** "Edit story" in a drill's thread: value is the drill id. */
export const editStoryClickSchema = buttonClick(z.literal(ACTION_EDIT_STORY));

/**
 * "Start from a saved story" in the STAR modal: the option picked (value `<drill id>:<story id>`, read from
 * `selected_option`), and the modal to update.
 */
export const useStoryPickSchema = buttonClick(z.literal(ACTION_USE_STORY)).extend({
  view: z.object({ id: z.string().min(1).max(64), hash: z.string().max(255).optional() }),
});

/** The story modal. A select's choice comes as selected_option, which the shared schema does not read. */
export const storySubmissionSchema = viewSubmission(z.literal(VIEW_STORY));

const selected = z.object({ selected_option: z.object({ value: z.string().max(64) }).nullish() }).loose();

/** The story chosen in "same story as", if any, read from the raw submission. */
export function sameStoryChoice(body: unknown, blockId: string, actionId: string): string | undefined {
  const values = (body as { view?: { state?: { values?: Record<string, Record<string, unknown>> } } }).view
    ?.state?.values;
  const parsed = selected.safeParse(values?.[blockId]?.[actionId]);
  return parsed.success ? parsed.data.selected_option?.value : undefined;
}

/** `<a>:<b>` of two positive ids, or undefined: payload values can be forged. */
export function parseIdPair(raw: string | undefined): [number, number] | undefined {
  const m = /^(\d{1,9}):(\d{1,9})$/.exec(raw ?? '');
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a > 0 && b > 0 ? [a, b] : undefined;
}
