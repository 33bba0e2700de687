// Socket Mode has no Slack HTTP endpoint: /metrics is served on METRICS_PORT, on loopback, behind METRICS_TOKEN.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_MODE } from '../../local-slack/index.ts';
import * as drive from '../support/drill-driver.ts';
import { startSocketModeBot, type TestBot } from '../support/test-bot.ts';
import { sampleSum, scrape } from './support.ts';

const TOKEN = 'socket-metrics-token-0123456789';
let t: TestBot & { port: number };

beforeAll(async () => {
  t = await startSocketModeBot('xapp-1-metrics', {
    metrics: { port: 0, host: '127.0.0.1', token: TOKEN },
  });
});
afterAll(async () => {
  await t?.close();
});

describe('GET /metrics in Socket Mode', () => {
  it('is served on METRICS_PORT, not on the health port, and counts Socket Mode requests', async () => {
    const port = t.bot.metricsPort;
    expect(port).toBeGreaterThan(0);
    expect(port).not.toBe(t.port);
    const url = `http://127.0.0.1:${port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${t.port}/metrics`)).status).toBe(404);
    const before = await scrape(url, TOKEN);
    const userId = drive.newUser();
    await t.standin.slashCommand(SOCKET_MODE, { userId, text: 'incidents' });
    await t.standin.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === userId && c.response.ok === true,
    );
    await t.bot.idle();
    const after = await scrape(url, TOKEN);
    const moved = (name: string, labels: Record<string, string>) =>
      sampleSum(after, name, labels) - sampleSum(before, name, labels);
    expect(moved('star_drill_request_ack_duration_seconds_count', { kind: 'command' })).toBe(1);
    expect(
      moved('star_drill_slack_api_calls_total', { method: 'chat.postMessage', error: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
  });
});
