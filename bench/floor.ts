// The floor of the fan-out: a bare WebClient, built by the same factory and with the same settings as the
// scheduler's (createSlackClients: retries, timeout), posting the same drill messages (same blocks,
// same size) at the scheduler's concurrency. Runs as its own process, cold like the bot, so both pay the same
// start-up JIT. Prints {"start": epoch ms} just before the first post and {"done": n} after the last, with its
// CPU time in all and from the first post on.
//
//   SLACK_API_URL=... SLACK_BOT_TOKEN=... node --import tsx bench/floor.ts <messages> <concurrency>
import pLimit from 'p-limit';
import { loadQuestionBank } from '../src/bank/load.ts';
import { CONTENT_DIR } from '../src/bot.ts';
import { createLogger } from '../src/logger.ts';
import { createSlackClients } from '../src/slack-api/clients.ts';
import { drillMessage } from '../src/views/drill-message.ts';

const [messages = 10_000, concurrency = 10] = process.argv.slice(2).map(Number);
const bank = await loadQuestionBank(CONTENT_DIR);
const { scheduler: client } = createSlackClients({
  botToken: process.env.SLACK_BOT_TOKEN ?? '',
  apiUrl: process.env.SLACK_API_URL,
  log: createLogger('info'),
});
const topics = bank.topics;
const limit = pLimit(concurrency);
const cpuAtStart = process.cpuUsage();
console.log(JSON.stringify({ start: Date.now() }));
await Promise.all(
  Array.from({ length: messages }, (_, i) =>
    limit(async () => {
      // The message the scheduler would post for the i-th subscriber: a real topic and question.
      const topic = topics[i % topics.length];
      if (!topic) throw new Error('empty question bank');
      const question = topic.questions[i % topic.questions.length];
      const message = drillMessage({
        drillId: 1_000_000 + i,
        topic,
        questionText: question?.text ?? '',
        scheduled: true,
      });
      await client.chat.postMessage({ channel: `U${String(i + 1).padStart(7, '0')}`, ...message });
    }),
  ),
);
const cpu = process.cpuUsage();
const posting = process.cpuUsage(cpuAtStart);
console.log(
  JSON.stringify({
    done: messages,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    postingCpuMs: Math.round((posting.user + posting.system) / 1000),
  }),
);
