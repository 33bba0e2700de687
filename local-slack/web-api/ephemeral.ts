// chat.postEphemeral and conversations.open: a message only one person sees, in their DM with the bot (the
// bot tells a person it is busy this way when their click or submission has no response_url).

import {
  type Core,
  checkContent,
  fail,
  missing,
  type Obj,
  ok,
  type Result,
  resolveChannel,
  str,
} from './common.ts';

export function postEphemeral(core: Core, args: Obj): Result {
  // Slack wants a conversation id here (a channel or an IM), not a user id.
  const channel = resolveChannel(core, args.channel, false);
  if (!channel) return fail('channel_not_found');
  const user = str(args.user);
  if (!user) return missing('user');
  if (channel.startsWith('D') && core.store.dmChannelFor(user, core.foreignTeam) !== channel) {
    return fail('user_not_in_channel');
  }
  const content = checkContent(args, true);
  if ('ok' in content) return content;
  const ts = core.ts.next();
  core.store.addEphemeral({
    channel,
    ts,
    text: content.text ?? '',
    blocks: content.blocks ?? [],
    user: core.workspace.botUserId,
    to: user,
  });
  return ok({ message_ts: ts });
}

/** Opens (or finds) the bot's DM with one person: `users` is a single user id here. */
export function conversationsOpen(core: Core, args: Obj): Result {
  const users = str(args.users);
  if (!users) return missing('users');
  if (!/^[UW][A-Z0-9]+$/.test(users)) return fail('user_not_found');
  return ok({ channel: { id: core.store.dmChannelFor(users, core.foreignTeam) } });
}
