// The bounded work after acks (src/slack/work-queue.ts), by itself. Bad inputs tried: more tasks than the
// queue holds; a task whose turn comes after its wait ran out; requests arriving late, then on time again;
// a failing task.
import type { IncomingMessage } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { bindMetricSources, registry } from '../../src/metrics/index.ts';
import { ackNoLongerOwed, ackOwedProperties, stampAckOwed } from '../../src/slack/owed-ack.ts';
import { WorkQueue } from '../../src/slack/work-queue.ts';
import { parseMetrics, sampleSum } from '../metrics/support.ts';
import { LogCapture } from '../support/test-bot.ts';

function queue(over: Partial<ConstructorParameters<typeof WorkQueue>[0]> = {}) {
  const logs = new LogCapture();
  const q = new WorkQueue(
    { concurrency: 1, maxQueued: 2, maxLatenessMs: 500, ...over },
    createLogger('debug', logs),
  );
  return { q, logs };
}

/** A task that runs until `release()` is called. */
function gate() {
  let release: () => void = () => {};
  const released = new Promise<void>((r) => {
    release = r;
  });
  return { release, work: () => released };
}

describe('WorkQueue', () => {
  it('admits up to maxQueued waiting tasks beside the running ones, then refuses', async () => {
    const { q } = queue();
    const g = gate();
    q.admit('t')?.run(g.work, { maxWaitMs: 60_000, tooLate: async () => {} });
    // The first runs at once; two may wait; the fourth is refused.
    const waiting = [q.admit('t'), q.admit('t')];
    expect(waiting.every(Boolean)).toBe(true);
    for (const a of waiting) a?.run(async () => {}, { maxWaitMs: 60_000, tooLate: async () => {} });
    expect(q.admit('t')).toBeUndefined();
    g.release();
    await q.idle();
    expect(q.admit('t')).toBeDefined();
  });

  it('runs tooLate instead of the work when the task waited longer than its maxWaitMs', async () => {
    let now = 100_000;
    const { q } = queue({ now: () => now });
    const g = gate();
    q.admit('t')?.run(g.work, { maxWaitMs: 60_000, tooLate: async () => {} });
    const ran: string[] = [];
    q.admit('t')?.run(async () => void ran.push('work'), {
      maxWaitMs: 20,
      tooLate: async () => void ran.push('too late'),
    });
    now += 40; // the second task has waited 40 ms by the queue's clock when its turn comes
    g.release();
    await q.idle();
    expect(ran).toEqual(['too late']);
  });

  it('runs the waiting task with the earliest deadline first: a click before the commands queued ahead of it', async () => {
    const { q } = queue({ maxQueued: 10 });
    const g = gate();
    q.admit('t')?.run(g.work, { maxWaitMs: 60_000, tooLate: async () => {} });
    const ran: string[] = [];
    const task = (name: string) => async () => void ran.push(name);
    const never = async () => void ran.push('too late');
    q.admit('command')?.run(task('command 1'), { maxWaitMs: 5_000, tooLate: never });
    q.admit('command')?.run(task('command 2'), { maxWaitMs: 5_000, tooLate: never });
    q.admit('click')?.run(task('click'), { startBy: performance.now() + 2_500, tooLate: never });
    g.release();
    await q.idle();
    // The commands keep their order among themselves.
    expect(ran).toEqual(['click', 'command 1', 'command 2']);
  });

  it('lets the acks owed go first: work starts once every request received is answered', async () => {
    const { q } = queue();
    const order: string[] = [];
    const first = q.ackOwed();
    const second = q.ackOwed();
    q.admit('t')?.run(async () => void order.push('work'), { maxWaitMs: 60_000, tooLate: async () => {} });
    // The acks are written on later turns of the event loop; the first is reported twice (finish and close).
    setImmediate(() => {
      order.push('ack 1');
      first();
      first();
      setImmediate(() => {
        order.push('ack 2');
        second();
      });
    });
    await q.idle();
    expect(order).toEqual(['ack 1', 'ack 2', 'work']);
  });

  it('counts a request holding its ack for its own reply (owed-ack.ts) as owed none: its work starts at once', async () => {
    const { q } = queue();
    const req = {} as IncomingMessage;
    stampAckOwed(req, q.ackOwed());
    // The listener's context carries the stamp (Bolt's customPropertiesExtractor); it holds its ack.
    ackNoLongerOwed(ackOwedProperties(req));
    const order: string[] = [];
    q.admit('t')?.run(async () => void order.push('work'), { maxWaitMs: 60_000, tooLate: async () => {} });
    // Still owed, the work would wait up to 50 ms for this ack and come after the next turn of the loop.
    setImmediate(() => order.push('next turn'));
    await q.idle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['work', 'next turn']);
  });

  it('does not wait for ever on an ack that is never written: the work still runs', async () => {
    const { q } = queue();
    q.ackOwed();
    const ran: string[] = [];
    q.admit('t')?.run(async () => void ran.push('work'), { maxWaitMs: 60_000, tooLate: async () => {} });
    await q.idle();
    expect(ran).toEqual(['work']);
  });

  it('refuses new work while requests arrive late, and takes it again once they are on time', () => {
    let now = 100_000;
    const { q } = queue({ maxQueued: 100, now: () => now });
    for (let i = 0; i < 5; i++) q.noteLateness(0);
    expect(q.admit('t')).toBeDefined();
    now += 1_500;
    for (let i = 0; i < 6; i++) q.noteLateness(900);
    expect(q.stats.behindMs).toBe(900);
    expect(q.admit('t')).toBeUndefined();
    now += 1_500;
    for (let i = 0; i < 6; i++) q.noteLateness(0);
    expect(q.admit('t')).toBeDefined();
  });

  it('logs refusals together, counted by kind, not one line each', async () => {
    const { q, logs } = queue({ maxQueued: 0 });
    const g = gate();
    // maxQueued 0: the first task runs, any other is refused.
    q.admit('first')?.run(g.work, { maxWaitMs: 60_000, tooLate: async () => {} });
    for (let i = 0; i < 30; i++) q.admit('command');
    q.admit('click');
    expect(logs.find(/busy/)).toHaveLength(0);
    await expect.poll(() => logs.find(/busy/).length, { timeout: 7_000 }).toBe(1);
    expect(logs.find(/busy/)[0]).toMatchObject({ refused: { command: 30, click: 1 } });
    g.release();
    await q.idle();
  });

  it('idle() waits for requests being handled and for queued work; a failing task is logged, not thrown', async () => {
    const { q, logs } = queue();
    let handled = false;
    const handling = q.track(delay(30).then(() => (handled = true)));
    q.admit('t')?.run(
      async () => {
        throw new Error('boom');
      },
      { maxWaitMs: 60_000, tooLate: async () => {} },
    );
    await q.idle();
    expect(handled).toBe(true);
    await handling;
    expect(logs.find('work after an ack failed')).toHaveLength(1);
  });

  it('counts each refusal in star_drill_requests_shed_total by kind, and reports depth and saturation', async () => {
    const { q } = queue();
    const unbind = bindMetricSources({ workQueue: () => ({ ...q.stats, saturated: q.saturated }) });
    try {
      const before = parseMetrics(await registry.metrics());
      const g = gate();
      q.admit('click')?.run(g.work, { maxWaitMs: 60_000, tooLate: async () => {} });
      for (const a of [q.admit('click'), q.admit('click')])
        a?.run(async () => {}, { maxWaitMs: 60_000, tooLate: async () => {} });
      expect(q.admit('submission')).toBeUndefined();
      expect(q.admit('direct message')).toBeUndefined();
      const during = parseMetrics(await registry.metrics());
      const shed = (kind: string) =>
        sampleSum(during, 'star_drill_requests_shed_total', { kind }) -
        sampleSum(before, 'star_drill_requests_shed_total', { kind });
      expect(shed('submission')).toBe(1);
      expect(shed('direct_message')).toBe(1);
      expect(sampleSum(during, 'star_drill_work_queue_depth')).toBe(2);
      expect(sampleSum(during, 'star_drill_work_queue_saturated')).toBe(1);
      g.release();
      await q.idle();
    } finally {
      unbind();
    }
  });
});
