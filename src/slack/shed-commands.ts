import { BUSY, ephemeral, plainReply } from '../views/command-replies.ts';
import type { WorkQueue } from './work-queue.ts';

/** Answered in the ack from memory, with no work after it: worth answering even when saturated. */
const ANSWERED_FROM_MEMORY = new Set(['', 'help', 'topics', 'tips']);

/**
 * A saturated bot answers a slash command "busy" before Bolt sees it. Each request that reaches a listener
 * costs the bot's one event loop its second signature check, body parsing, middleware and logging (~2 ms of
 * CPU): under an open-loop burst the refusals alone kept the CPU full, so acks came late and little real
 * work got done. Here a refusal costs parsing one form. The reply is the listener's own "busy" (nothing was
 * done), so the user sees the same thing either way.
 */
export function busyCommand(
  work: WorkQueue,
  rawBody: Buffer,
  contentType: string | undefined,
): object | undefined {
  // Before parsing: a bot that keeps up does not parse each command's form once more just to pass it on.
  if (contentType !== 'application/x-www-form-urlencoded' || !work.saturated) return undefined;
  const form = new URLSearchParams(rawBody.toString());
  if (!form.has('command')) return undefined;
  if (ANSWERED_FROM_MEMORY.has((form.get('text') ?? '').trim().toLowerCase())) return undefined;
  work.refused('command');
  return ephemeral(plainReply(BUSY));
}
