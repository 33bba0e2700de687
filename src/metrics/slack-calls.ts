import { WebClient } from '@slack/web-api';
import { recordSlackCall } from './registry.ts';

type ApiCall = WebClient['apiCall'];

/**
 * A WebClient that counts each Web API call by method and outcome. A subclass, not a wrapper: WebClient binds
 * `chat.postMessage` and the rest to `apiCall` while it is constructed, so only an override is seen by them.
 * A 429 (rejected at once by the bot's clients) is counted with the Retry-After Slack asked for.
 */
export class MeteredWebClient extends WebClient {
  override async apiCall(...args: Parameters<ApiCall>): ReturnType<ApiCall> {
    const [method] = args;
    try {
      const result = await super.apiCall(...args);
      recordSlackCall(method, 'ok');
      return result;
    } catch (err) {
      const { error, retryAfter } = slackErrorCode(err);
      recordSlackCall(method, error, retryAfter);
      throw err;
    }
  }
}

/** Slack's error code of a failed call (`channel_not_found`), or what kind of failure it was. */
export function slackErrorCode(err: unknown): { error: string; retryAfter?: number } {
  const e = err as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; retryAfter?: unknown };
  switch (e?.code) {
    case 'slack_webapi_platform_error':
      return { error: typeof e.data?.error === 'string' ? e.data.error : 'platform_error' };
    case 'slack_webapi_rate_limited_error':
      return { error: 'ratelimited', retryAfter: typeof e.retryAfter === 'number' ? e.retryAfter : 0 };
    case 'slack_webapi_http_error':
      return { error: typeof e.statusCode === 'number' ? `http_${e.statusCode}` : 'http_error' };
    case 'slack_webapi_request_error':
      return { error: 'request_error' };
    default:
      return { error: 'other' };
  }
}
