// GET /metrics over HTTP: the counters move after a drill loop (command, click, answer, scheduled drill, a 429),
// and no label value ever comes from a request.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSubscriber } from '../../harness/scheduler.ts';
import { TestClock } from '../../harness/test-clock.ts';
import { createTestDatabase, onPostgresServer, type TestDatabase } from '../../harness/test-database.ts';
import * as drive from '../support/drill-driver.ts';
import { startTestBot, type TestBot, testConfig } from '../support/test-bot.ts';
import { type Sample, sampleSum, scrape } from './support.ts';

const TOKEN = 'metrics-token-0123456789abcdef';
const clock = new TestClock(new Date('2026-03-02T08:00:00Z'));
let t: TestBot;
let metricsUrl: string;

beforeAll(async () => {
  t = await startTestBot({ clock, bot: { scheduler: { cron: false } } });
  metricsUrl = `${t.baseUrl}/metrics`;
});
afterAll(async () => {
  await t?.close();
});

describe('GET /metrics (HTTP mode, on the bot port)', () => {
  it('serves the Prometheus text format with the default process metrics', async () => {
    const res = await fetch(metricsUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const samples = await scrape(metricsUrl);
    expect(sampleSum(samples, 'star_drill_process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(samples.some((s) => s.name === 'star_drill_nodejs_heap_size_used_bytes')).toBe(true);
    // The bot's state, read at scrape time: one active workspace, an empty work queue.
    expect(sampleSum(samples, 'star_drill_workspaces', { state: 'active' })).toBe(1);
    expect(sampleSum(samples, 'star_drill_workspaces', { state: 'token_paused' })).toBe(0);
    expect(samples.some((s) => s.name === 'star_drill_work_queue_depth')).toBe(true);
    // The pool exists only on a Postgres server: its total is at least the connection that answered a query.
    const pool = samples.filter((s) => s.name === 'star_drill_db_pool_connections');
    if (onPostgresServer) {
      expect(pool.map((s) => s.labels.state).sort()).toEqual(['idle', 'total', 'waiting']);
      expect(sampleSum(samples, 'star_drill_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    } else expect(pool).toEqual([]);
  });

  it('moves the counters through a drill loop: command, click, answer, scheduled drill, a 429', async () => {
    const before = await scrape(metricsUrl);
    const userId = drive.newUser();
    const { channel, ts, drill } = await drive.requestDrill(t, userId, 'incidents');
    const { viewId } = await drive.openModal(t, userId, channel, ts, drill.id);
    await t.standin.submitView(t.url, { userId, viewId, values: drive.viewValues(drive.answerOf('M')) });
    await t.standin.waitFor(() => drive.repliesTo(t, channel, ts).length > 0);

    // A scheduled drill, then one whose post Slack answers 429 (held for its Retry-After, retried later).
    await seedSubscriber(
      t.bot.database,
      { userId: drive.newUser(), teamId: t.standin.workspace.teamId },
      clock.now(),
    );
    await t.bot.scheduler?.tick(new Date('2026-03-02T09:00:30Z'));
    t.standin.intercept('chat.postMessage', ({ n }) =>
      n === 1 ? { status: 429, retryAfter: 1 } : undefined,
    );
    await seedSubscriber(
      t.bot.database,
      { userId: drive.newUser(), teamId: t.standin.workspace.teamId },
      clock.now(),
    );
    await t.bot.scheduler?.tick(new Date('2026-03-03T09:00:30Z'));
    t.standin.clearIntercepts();
    await t.bot.idle();

    const after = await scrape(metricsUrl);
    const moved = (name: string, labels: Record<string, string> = {}) =>
      sampleSum(after, name, labels) - sampleSum(before, name, labels);
    expect(
      moved('star_drill_request_ack_duration_seconds_count', { kind: 'command' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      moved('star_drill_request_ack_duration_seconds_count', { kind: 'block_actions' }),
    ).toBeGreaterThanOrEqual(1);
    expect(moved('star_drill_request_ack_duration_seconds_count', { kind: 'view_submission' })).toBe(1);
    expect(moved('star_drill_answers_scored_total', { kind: 'answer' })).toBe(1);
    expect(moved('star_drill_coach_analysis_duration_seconds_count', { kind: 'answer' })).toBe(1);
    expect(
      moved('star_drill_slack_api_calls_total', { method: 'chat.postMessage', error: 'ok' }),
    ).toBeGreaterThanOrEqual(2);
    expect(moved('star_drill_slack_api_calls_total', { method: 'views.open', error: 'ok' })).toBe(1);
    expect(moved('star_drill_deliveries_total', { job: 'drill', outcome: 'posted' })).toBeGreaterThanOrEqual(
      1,
    );
    // The drill whose post met the 429 was given back, held for the Retry-After.
    expect(
      moved('star_drill_deliveries_total', { job: 'drill', outcome: 'released' }),
    ).toBeGreaterThanOrEqual(1);
    expect(moved('star_drill_scheduler_rows_claimed_total', { job: 'drill' })).toBeGreaterThanOrEqual(2);
    expect(moved('star_drill_scheduler_tick_duration_seconds_count')).toBe(2);
    expect(
      moved('star_drill_slack_rate_limited_total', { method: 'chat.postMessage' }),
    ).toBeGreaterThanOrEqual(1);
    expect(moved('star_drill_slack_retry_after_seconds_total')).toBeGreaterThanOrEqual(1);
    expect(sampleSum(after, 'star_drill_scheduler_last_tick_timestamp_seconds')).toBeGreaterThan(
      Date.now() / 1000 - 60,
    );
  });

  it('never takes a label value from a request', async () => {
    // Bad inputs tried: unusual user and team ids, text and subcommands that are not commands, an unknown
    // event type, a block action with an unknown action id, an unknown Slack method answered with an odd error.
    const marker = 'zq9marker';
    const users = [`U${marker.toUpperCase()}1`, `W${marker}_x`, 'U"},{evil="1'];
    for (const userId of users) {
      await t.standin.slashCommand(t.url, { userId, text: `${marker} <b>hi</b> ${'é'.repeat(50)}` });
      await t.standin.slashCommand(t.url, { userId, text: `subscribe 25:99 ${marker}` });
    }
    await drive.sendPayload(t, {
      type: 'block_actions',
      team: { id: `T${marker}`, domain: marker },
      user: { id: users[0], team_id: `T${marker}` },
      actions: [{ action_id: `${marker}_action`, value: marker, type: 'button' }],
    });
    await t.standin.sendEvent(t.url, { type: `${marker}_event`, user: users[0] } as never).catch(() => {});
    await t.bot.idle();
    const samples = await scrape(metricsUrl);
    const ours = samples.filter((s) => !isDefaultProcessMetric(s));
    for (const s of ours) {
      for (const [label, value] of Object.entries(s.labels)) {
        expect(value.toLowerCase(), `${s.name}{${label}}`).not.toContain(marker);
        if (label !== 'le') expect(value, `${s.name}{${label}}`).toMatch(/^[a-z][a-zA-Z0-9_.]{0,47}$/);
      }
    }
    expect(JSON.stringify(samples)).not.toContain(marker);
    for (const userId of users) expect(JSON.stringify(samples)).not.toContain(userId);
    expect(JSON.stringify(samples)).not.toContain(t.standin.workspace.teamId);
  });
});

function isDefaultProcessMetric(s: Sample): boolean {
  return /^star_drill_(process|nodejs)_/.test(s.name);
}

describe('METRICS_TOKEN', () => {
  let guarded: TestBot;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    guarded = await startTestBot({
      standin: t.standin,
      database,
      bot: {
        scheduler: false,
        config: {
          ...testConfig(t.standin.apiUrl, database.config),
          metrics: { token: TOKEN, host: '127.0.0.1' },
        },
      },
    });
  });
  afterAll(async () => {
    await guarded?.close();
    await database?.drop();
  });

  it('answers only Authorization: Bearer <token>; anything else gets 401 and no metrics', async () => {
    const url = `${guarded.baseUrl}/metrics`;
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer wrong' },
      { authorization: TOKEN },
      { authorization: `Bearer ${TOKEN}x` },
    ]) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('');
    }
    const ok = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('star_drill_deliveries_total');
  });
});
