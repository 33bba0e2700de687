// COACH_MODEL_*: the optional model coaching's settings, read by the one config schema.
//
// Bad inputs tried: a URL without COACH_MODEL and the reverse, a key without a URL, a URL that is not
// http(s), a URL with a query, concurrency 0, 65 and 2.5.

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

const base = { SLACK_BOT_TOKEN: 'xoxb-1-2-3', SLACK_SIGNING_SECRET: 'secret' };
const load = (env: Record<string, string>) => loadConfig(env, { dotenv: false });

describe('COACH_MODEL_*', () => {
  it('is off unless both the URL and the model are set; empty values count as unset', () => {
    expect(load(base).coachModel).toBeUndefined();
    expect(
      load({ ...base, COACH_MODEL_URL: '', COACH_MODEL: '', COACH_MODEL_KEY: '' }).coachModel,
    ).toBeUndefined();
  });

  it('reads the endpoint, the model, the key and the concurrency (default 4)', () => {
    const url = 'http://127.0.0.1:11434/v1';
    expect(load({ ...base, COACH_MODEL_URL: url, COACH_MODEL: 'llama3.2' }).coachModel).toEqual({
      url,
      model: 'llama3.2',
      concurrency: 4,
    });
    expect(
      load({
        ...base,
        COACH_MODEL_URL: 'https://api.example.com/v1',
        COACH_MODEL: 'm',
        COACH_MODEL_KEY: 'sk-1',
        COACH_MODEL_CONCURRENCY: '8',
      }).coachModel,
    ).toEqual({ url: 'https://api.example.com/v1', model: 'm', apiKey: 'sk-1', concurrency: 8 });
  });

  it.each([
    [{ COACH_MODEL_URL: 'http://127.0.0.1:11434/v1' }, /COACH_MODEL is required with COACH_MODEL_URL/],
    [{ COACH_MODEL: 'llama3.2' }, /COACH_MODEL_URL is required with COACH_MODEL/],
    [{ COACH_MODEL_KEY: 'sk-secret-key' }, /COACH_MODEL_URL is required with COACH_MODEL_KEY/],
    [
      { COACH_MODEL_URL: 'ftp://host/v1', COACH_MODEL: 'm' },
      /COACH_MODEL_URL must be the http\(s\) base URL/,
    ],
    [{ COACH_MODEL_URL: 'http://h/v1?x=1', COACH_MODEL: 'm' }, /COACH_MODEL_URL must have no query/],
    [
      { COACH_MODEL_URL: 'http://h/v1', COACH_MODEL: 'm', COACH_MODEL_CONCURRENCY: '0' },
      /COACH_MODEL_CONCURRENCY must be a whole number from 1 to 64/,
    ],
    [
      { COACH_MODEL_URL: 'http://h/v1', COACH_MODEL: 'm', COACH_MODEL_CONCURRENCY: '65' },
      /COACH_MODEL_CONCURRENCY must be/,
    ],
    [
      { COACH_MODEL_URL: 'http://h/v1', COACH_MODEL: 'm', COACH_MODEL_CONCURRENCY: '2.5' },
      /COACH_MODEL_CONCURRENCY must be/,
    ],
  ])('refuses %j with one line naming the variable, never the key', (env, message) => {
    expect(() => load({ ...base, ...env })).toThrow(message);
    try {
      load({ ...base, ...env });
    } catch (err) {
      expect((err as Error).message).not.toContain('sk-secret-key');
    }
  });
});
