// What the page shows, read from the local Slack: a person's DM (messages, replies, their ephemerals), their
// open modal and Home tab; and each change of the local Slack turned into the live event the page applies.

import type { LocalSlackChange, OpenedView, SlackStandin, StoredMessage } from '../local-slack/index.ts';
import type { LiveEvent, PageMessage, PageView, Person, Snapshot } from './protocol.ts';

export const BOT_NAME = 'Star Drill';

export function pageMessage(m: StoredMessage & { to?: string }): PageMessage {
  const out: PageMessage = { channel: m.channel, ts: m.ts, text: m.text, blocks: m.blocks, user: m.user };
  if (m.thread_ts !== undefined) out.thread_ts = m.thread_ts;
  if (m.edited) out.edited = true;
  if (m.reply_count !== undefined) out.reply_count = m.reply_count;
  if (m.files) out.files = m.files.map(({ id, name, title, size, url }) => ({ id, name, title, size, url }));
  if (m.to !== undefined) out.to = m.to;
  return out;
}

export function pageView(v: OpenedView): PageView {
  return { id: v.id, hash: v.hash, user: v.user, type: v.type, view: v.view };
}

export function snapshotFor(
  slack: SlackStandin,
  me: Person,
  people: Person[],
  now: number,
): Omit<Snapshot, 'model'> {
  const channel = slack.dmChannelFor(me.id);
  const messages = [...slack.messages(channel), ...slack.ephemeralsIn(me.id, channel)]
    .sort((a, b) => Number(a.ts) - Number(b.ts))
    .map(pageMessage);
  const modal = slack.openModal(me.id);
  const home = slack.homeView(me.id);
  return {
    me,
    people,
    botUserId: slack.workspace.botUserId,
    botName: BOT_NAME,
    channel,
    now,
    messages,
    modal: modal ? pageView(modal) : null,
    home: home ? pageView(home) : null,
  };
}

/** The live event for a change, or undefined when the page shows nothing of it. */
export function liveEventFor(slack: SlackStandin, change: LocalSlackChange): LiveEvent | undefined {
  switch (change.kind) {
    case 'message':
    case 'ephemeral':
      return { kind: 'message', message: pageMessage(change.message) };
    case 'view': {
      const { view } = change;
      if (view.type === 'home') return { kind: 'home', user: view.user, view: pageView(view) };
      // The page shows the top of the stack: after a close that is the view below, or none.
      const top = slack.openModal(view.user);
      return { kind: 'modal', user: view.user, view: top ? pageView(top) : null };
    }
    case 'user':
      return undefined;
  }
}
