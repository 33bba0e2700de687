// The recording functions keep label values to their closed lists, whatever they are handed.

import type { WebAPIPlatformError } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { recordDeliveries, recordShed, recordSlackCall, registry } from '../../src/metrics/index.ts';
import { slackErrorCode } from '../../src/metrics/slack-calls.ts';
import { parseMetrics, sampleSum } from './support.ts';

const samples = async () => parseMetrics(await registry.metrics());

describe('bounded labels', () => {
  it('maps a value outside the closed lists to "other"', async () => {
    recordShed('direct message');
    recordShed('U123 said hi');
    recordDeliveries('drill', 'posted');
    recordDeliveries('U999' as never, 'whatever' as never);
    recordSlackCall('chat.postMessage', 'channel_not_found');
    recordSlackCall('chat.postMessage', 'Some Text: with spaces');
    recordSlackCall('https://evil.example/x', 'ok');
    const s = await samples();
    expect(sampleSum(s, 'star_drill_requests_shed_total', { kind: 'direct_message' })).toBe(1);
    expect(sampleSum(s, 'star_drill_requests_shed_total', { kind: 'other' })).toBe(1);
    expect(sampleSum(s, 'star_drill_deliveries_total', { job: 'other', outcome: 'other' })).toBe(1);
    expect(sampleSum(s, 'star_drill_slack_api_calls_total', { error: 'channel_not_found' })).toBe(1);
    expect(
      sampleSum(s, 'star_drill_slack_api_calls_total', { method: 'chat.postMessage', error: 'other' }),
    ).toBe(1);
    expect(sampleSum(s, 'star_drill_slack_api_calls_total', { method: 'other', error: 'ok' })).toBe(1);
  });

  it("reads Slack's error code from each kind of WebClient error", () => {
    const platform = Object.assign(new Error('x'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'not_in_channel' },
    });
    expect(slackErrorCode(platform as unknown as WebAPIPlatformError)).toEqual({ error: 'not_in_channel' });
    expect(slackErrorCode({ code: 'slack_webapi_rate_limited_error', retryAfter: 30 })).toEqual({
      error: 'ratelimited',
      retryAfter: 30,
    });
    expect(slackErrorCode({ code: 'slack_webapi_http_error', statusCode: 503 })).toEqual({
      error: 'http_503',
    });
    expect(slackErrorCode({ code: 'slack_webapi_request_error' })).toEqual({ error: 'request_error' });
    expect(slackErrorCode(new Error('boom'))).toEqual({ error: 'other' });
  });
});
