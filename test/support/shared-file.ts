import type { TestBot } from './test-bot.ts';

/** The file the bot last shared in the person's DM (an export): the message's comment, the file's name and text. */
export function lastSharedFile(t: TestBot, userId: string) {
  const shared = t.standin
    .messages(t.standin.dmChannelFor(userId))
    .filter((m) => (m.files?.length ?? 0) > 0)
    .at(-1);
  const file = shared?.files?.[0];
  if (!shared || !file) throw new Error(`no file shared in ${userId}'s DM`);
  const stored = t.standin.file(file.id);
  if (!stored?.bytes) throw new Error(`file ${file.id} has no bytes`);
  return { comment: shared.text, name: stored.name, markdown: stored.bytes.toString('utf8') };
}
