// The local Slack's Web API in a process of its own, for the benchmarks that time requests to the bot: the
// bot's calls (views.open, users.info, response_url posts) are then answered outside the process that sends
// and times the requests, so answering them cannot delay its clock. Prints { apiUrl }; answers questions
// over IPC (`Question` below). STANDIN_RECORD_CALLS=0 keeps counts only (thousands of calls).
import type { SlackStandin } from '../local-slack/index.ts';
import { startSlackStandin } from '../local-slack/index.ts';

export type Question =
  /** How many calls reached a method. */
  | { count: string }
  /** The last recorded call to a method. */
  | { lastCall: string }
  /** People Slack knows (users.info answers with their zone). */
  | { addUsers: Array<{ id: string; tz: string }> }
  /** A response_url per user, as Slack issues with a command typed in the user's DM with the bot. */
  | { responseUrls: string[] }
  /** Every call to `method` answered `ms` later (Slack's own latency). */
  | { delay: { method: string; ms: number } }
  /** How many ephemeral messages (response_url posts) were shown so far. */
  | { ephemeralCount: true }
  /** Every ephemeral message shown: to whom, and its text and blocks as one string. */
  | { ephemerals: true }
  /** CPU time this process has used, ms. */
  | { cpuMs: true };

const standin = await startSlackStandin({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  botToken: process.env.SLACK_BOT_TOKEN,
  recordCalls: process.env.STANDIN_RECORD_CALLS !== '0',
});

function answer(s: SlackStandin, q: Question): unknown {
  if ('count' in q) return s.count(q.count);
  if ('lastCall' in q) return s.callsTo(q.lastCall).at(-1);
  if ('addUsers' in q) {
    for (const user of q.addUsers) s.setUser(user);
    return q.addUsers.length;
  }
  if ('responseUrls' in q) {
    return q.responseUrls.map((user) => {
      const channel = s.dmChannelFor(user);
      return { channel, url: s.newResponseUrl('commands', { user, channel }) };
    });
  }
  if ('delay' in q) {
    const { method, ms } = q.delay;
    s.intercept(method, () => ({ delayMs: ms }));
    return true;
  }
  if ('ephemeralCount' in q) return s.ephemerals().length;
  if ('ephemerals' in q) {
    return s.ephemerals().map((e) => ({
      user: String(e.args.user),
      text: `${String(e.args.text ?? '')} ${JSON.stringify(e.args.blocks ?? null)}`,
    }));
  }
  if ('cpuMs' in q) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  return undefined;
}

process.on('message', (q: Question & { id: number }) =>
  process.send?.({ id: q.id, answer: answer(standin, q) }),
);
process.on('disconnect', () => void standin.close().then(() => process.exit(0)));
console.log(JSON.stringify({ apiUrl: standin.apiUrl }));
