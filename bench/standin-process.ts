// A stand-in of Slack's Web API in a process of its own, for the ack-latency benchmark: the bot's post-ack
// calls (views.open) are then answered outside the process that times the acks, so answering them cannot
// delay the clock of the requests being measured. Prints { apiUrl }; answers IPC questions about its calls.
import { startSlackStandin } from '../src/local-slack/index.ts';

const standin = await startSlackStandin({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  botToken: process.env.SLACK_BOT_TOKEN,
});
process.on('message', (q: { id: number; count?: string; lastCall?: string }) => {
  const answer = q.count
    ? standin.count(q.count)
    : q.lastCall
      ? standin.callsTo(q.lastCall).at(-1)
      : undefined;
  process.send?.({ id: q.id, answer });
});
process.on('disconnect', () => void standin.close().then(() => process.exit(0)));
console.log(JSON.stringify({ apiUrl: standin.apiUrl }));
