// Slack's side of the overload benchmark, in a process of its own so that nothing else runs on the event loop
// that sends and times the requests: N signed slash commands sent open loop, the i-th leaving at i / rate
// seconds whatever became of the others, each on a fresh connection as Slack sends them. Receives a `Job` over
// IPC and answers with a `SenderResult` once every request has its ack (or gave up on it).
import { setTimeout as sleep } from 'node:timers/promises';
import { FORM, type SlackReply, slashCommandBody, startSlackStandin } from '../local-slack/index.ts';

export interface Job {
  botUrl: string;
  signingSecret: string;
  rate: number;
  text: string;
  /** One command each, in this order. */
  requests: Array<{ user: string; channel: string; responseUrl: string }>;
  /** Sequential `/star help` sent before the clock starts, so neither side is timed on cold code. */
  warmUp: number;
}

export interface SentRequest {
  /** Departure minus its scheduled time, ms: what the sender itself was late by. */
  lagMs: number;
  /** HTTP status of the ack; 0 when the bot did not answer within GIVE_UP_MS or the connection failed. */
  status: number;
  ackMs: number;
  /** The ack's body, when it had one. */
  body?: string;
}

export interface SenderResult {
  /** Epoch ms of request 0's scheduled departure. */
  startedAt: number;
  /** From request 0's departure to the last departure, ms. */
  sendingMs: number;
  /** From request 0's departure to the last ack, ms. */
  ackedMs: number;
  /** CPU time the sender used while sending, ms. */
  cpuMs: number;
  sent: SentRequest[];
}

/** Well past Slack's 3 s: a late ack is measured, not dropped. */
const GIVE_UP_MS = 30_000;

async function run(job: Job): Promise<SenderResult> {
  const slack = await startSlackStandin({ signingSecret: job.signingSecret, recordCalls: false });
  try {
    const command = (r: Job['requests'][number], text: string, i: number) =>
      slashCommandBody(slack.workspace, {
        command: '/star',
        text,
        userId: r.user,
        userName: `user.${r.user.toLowerCase()}`,
        channelId: r.channel,
        channelName: 'directmessage',
        responseUrl: r.responseUrl,
        triggerId: `${1_000_000_000 + i}.1.${i.toString(16).padStart(32, '0')}`,
      });
    const warmUser = job.requests[0];
    if (warmUser) {
      for (let i = 0; i < job.warmUp; i++)
        await slack.sendRaw(job.botUrl, command(warmUser, 'help', i), FORM);
    }

    const sent: SentRequest[] = new Array(job.requests.length);
    const send = async (i: number, lagMs: number) => {
      const r = job.requests[i] as Job['requests'][number];
      let reply: SlackReply;
      try {
        const timeout = sleep(GIVE_UP_MS, { status: 0, body: '', ms: GIVE_UP_MS } as SlackReply, {
          ref: false,
        });
        reply = await Promise.race([slack.sendRaw(job.botUrl, command(r, job.text, i), FORM), timeout]);
      } catch {
        reply = { status: 0, body: '', ms: Number.NaN };
      }
      sent[i] = { lagMs, status: reply.status, ackMs: reply.ms, ...(reply.body ? { body: reply.body } : {}) };
    };

    const inFlight: Array<Promise<void>> = [];
    const cpuBefore = process.cpuUsage();
    const startedAt = Date.now();
    const t0 = performance.now();
    let lastDeparture = 0;
    for (let i = 0; i < job.requests.length; ) {
      const now = performance.now() - t0;
      // Everything whose time has come leaves now, even if the loop was held up.
      while (i < job.requests.length && (i * 1000) / job.rate <= now) {
        lastDeparture = performance.now() - t0;
        inFlight.push(send(i, lastDeparture - (i * 1000) / job.rate));
        i++;
      }
      if (i < job.requests.length) await sleep(Math.max(0, (i * 1000) / job.rate - (performance.now() - t0)));
    }
    await Promise.all(inFlight);
    const ackedMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpuBefore);
    return { startedAt, sendingMs: lastDeparture, ackedMs, cpuMs: (cpu.user + cpu.system) / 1000, sent };
  } finally {
    await slack.close();
  }
}

process.once('message', (job: Job) => {
  run(job).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});
