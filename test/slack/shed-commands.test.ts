// The gate's cheap "busy" for slash commands (src/slack/shed-commands.ts). Bad inputs tried: a JSON body
// (an event), an interaction's form (payload=...), a command with no text, help in capitals with spaces.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { busyCommand } from '../../src/slack/shed-commands.ts';
import { WorkQueue } from '../../src/slack/work-queue.ts';
import { BUSY } from '../../src/views/command-replies.ts';

const FORM = 'application/x-www-form-urlencoded';
const command = (text: string) =>
  Buffer.from(new URLSearchParams({ command: '/star', text, user_id: 'U1', team_id: 'T1' }).toString());

/** A work queue that is saturated (room for no waiting task) or not. */
const workQueue = (saturated: boolean) =>
  new WorkQueue({ concurrency: 1, maxQueued: saturated ? 0 : 10, maxLatenessMs: 500 }, createLogger('error'));

describe('busyCommand', () => {
  it('passes everything on while the bot keeps up', () => {
    expect(busyCommand(workQueue(false), command('random'), FORM)).toBeUndefined();
  });

  it('answers a command that leaves work "busy", ephemeral, with the listener’s own words', () => {
    const reply = busyCommand(workQueue(true), command('subscribe 08:00 daily'), FORM);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: BUSY });
  });

  it.each([[''], ['help'], ['  HELP  '], ['topics'], ['tips']])(
    'leaves %j to Bolt: answered from memory, worth answering even when saturated',
    (text) => {
      expect(busyCommand(workQueue(true), command(text), FORM)).toBeUndefined();
    },
  );

  it('leaves events and interactions to Bolt, whose listeners know how to refuse them', () => {
    const q = workQueue(true);
    expect(busyCommand(q, Buffer.from('{"type":"event_callback"}'), 'application/json')).toBeUndefined();
    expect(busyCommand(q, Buffer.from('payload=%7B%7D'), FORM)).toBeUndefined();
  });
});
