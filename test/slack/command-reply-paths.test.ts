// commandReply's three paths, driven directly with recording ack and respond functions (the HTTP side is in
// command-reply.test.ts): a message known at once acks at once and the later reply goes to response_url; a
// reply ready while the ack is held goes in the ack; an ack whose budget is already spent goes empty at once.
// Bad inputs tried: a deadline already past (the ack goes at once, empty), a response_url post that fails
// (logged, not thrown), a reply sent twice (the second goes to response_url, never a second ack).

import type { AckFn, RespondArguments, RespondFn } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { commandReply } from '../../src/slack/listeners/commands/star/command-reply.ts';
import { plainReply } from '../../src/views/command-replies.ts';
import type { SlackMessage } from '../../src/views/drill-message.ts';

function recorder(respondFails = false) {
  const acks: (string | RespondArguments | undefined)[] = [];
  const responses: RespondArguments[] = [];
  const ack: AckFn<string | RespondArguments> = async (m) => {
    acks.push(m);
  };
  const respond = (async (m: string | RespondArguments) => {
    if (respondFails) throw new Error('response_url gone');
    responses.push(m as RespondArguments);
  }) as unknown as RespondFn;
  return { acks, responses, ack, respond };
}

/** The bot's pino logger writing into an array. */
function testLogger() {
  const written: Array<Record<string, unknown>> = [];
  const log = createLogger('info', { write: (line: string) => void written.push(JSON.parse(line)) });
  return { log, lines: () => written };
}

const textOf = (m: unknown) => (m as { text?: string } | undefined)?.text;
const later = plainReply('Subscribed: a drill at 08:00');
const farDeadline = () => performance.now() + 3_000;

describe('commandReply', () => {
  it('acks a message known at once right away, and sends the later reply through response_url', async () => {
    const r = recorder();
    const first: SlackMessage = plainReply('Working on it');
    const reply = commandReply({ ...r, log: testLogger().log, deadline: farDeadline(), immediate: first });
    await reply.acked;
    expect(r.acks.map(textOf)).toEqual(['Working on it']);
    await reply.send(later);
    expect(r.acks).toHaveLength(1);
    expect(r.responses.map(textOf)).toEqual([later.text]);
    expect(r.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('sends a reply ready while the ack is held in the ack, and nothing through response_url', async () => {
    const r = recorder();
    const reply = commandReply({ ...r, log: testLogger().log, deadline: farDeadline() });
    expect(r.acks).toHaveLength(0);
    await reply.send(later);
    await reply.acked;
    expect(r.acks.map(textOf)).toEqual([later.text]);
    expect(r.acks[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(r.responses).toHaveLength(0);
    // A second message can no longer ride the ack.
    await reply.send(plainReply('again'));
    expect(r.acks).toHaveLength(1);
    expect(r.responses.map(textOf)).toEqual(['again']);
  });

  it('acks empty at once when the deadline leaves no time to hold it, then replies through response_url', async () => {
    const r = recorder();
    const reply = commandReply({ ...r, log: testLogger().log, deadline: performance.now() - 1 });
    await reply.acked;
    expect(r.acks).toEqual([undefined]);
    await reply.send(later);
    expect(r.responses.map(textOf)).toEqual([later.text]);
  });

  it('logs a failed response_url post instead of throwing, and acks only once with none()', async () => {
    const r = recorder(true);
    const { log, lines } = testLogger();
    const reply = commandReply({ ...r, log, deadline: performance.now() - 1 });
    await reply.acked;
    await expect(reply.send(later)).resolves.toBeUndefined();
    await reply.none();
    expect(r.acks).toEqual([undefined]);
    expect(lines().some((l) => l.msg === 'could not answer through response_url')).toBe(true);
    expect(JSON.stringify(lines())).not.toContain('Subscribed');
  });
});
