import type { WebClient } from '@slack/web-api';
import { honourRetryAfter } from '../slack-api/retry-after.ts';
import type { SlackMessage } from '../views/drill-message.ts';

/** The reply may wait this long for Slack's Retry-After: nobody waits on it, and it is worth having. */
const THREAD_REPLY_MAX_WAIT_MS = 60_000;

/** Where a reply in a drill's thread is kept (the drill's feedback, a follow-up's score). */
export interface ThreadReplySlot {
  /** The reply's ts when it was posted before: it is updated in place. */
  ts: string | null;
  /** Claims the right to post it: exactly one caller gets true, so a duplicated save never posts twice. */
  claim(): Promise<boolean>;
  /** Stores where the posted reply landed. */
  store(ts: string | undefined): Promise<void>;
  /** Gives the claim back (Slack refused the post): the next save tries again. */
  release(): Promise<void>;
}

/**
 * Shows a reply in a drill's thread: updates it in place when it exists, else posts it exactly once (claim ->
 * post -> store, the claim given back when Slack refuses). Rejects with Slack's error; the caller decides
 * what that means (the answer is stored whatever happens here).
 */
export async function showThreadReply(
  slack: WebClient,
  thread: { channelId: string; messageTs: string },
  message: SlackMessage,
  slot: ThreadReplySlot,
): Promise<void> {
  if (slot.ts) {
    const ts = slot.ts;
    await honourRetryAfter(
      () => slack.chat.update({ channel: thread.channelId, ts, ...message }),
      THREAD_REPLY_MAX_WAIT_MS,
    );
    return;
  }
  if (!(await slot.claim())) return;
  try {
    const posted = await honourRetryAfter(
      () => slack.chat.postMessage({ channel: thread.channelId, thread_ts: thread.messageTs, ...message }),
      THREAD_REPLY_MAX_WAIT_MS,
    );
    await slot.store(posted.ts);
  } catch (err) {
    await slot.release();
    throw err;
  }
}
