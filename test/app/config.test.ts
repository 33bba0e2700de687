import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDatabaseConfig } from '../../src/config.ts';

const base = { SLACK_BOT_TOKEN: 'xoxb-1-2-3', SLACK_SIGNING_SECRET: 'secret' };
const load = (env: Record<string, string>) => loadConfig(env, { dotenv: false });

describe('loadConfig', () => {
  it('applies the documented defaults: HTTP mode, port 3000, embedded database in ./data, info logs', () => {
    expect(load(base)).toEqual({
      slack: {
        botToken: 'xoxb-1-2-3',
        apiUrl: undefined,
        transport: { kind: 'http', signingSecret: 'secret' },
      },
      port: 3000,
      database: { kind: 'embedded', dataDir: './data' },
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const config = load({
      ...base,
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/star',
      DATA_DIR: '/var/lib/star',
      LOG_LEVEL: 'debug',
    });
    expect(config).toEqual({
      slack: {
        botToken: 'xoxb-1-2-3',
        apiUrl: 'http://127.0.0.1:9999/api/',
        transport: { kind: 'socket', appToken: 'xapp-1' },
      },
      port: 8080,
      database: { kind: 'postgres', url: 'postgres://u:p@db:5432/star' },
      logLevel: 'debug',
    });
  });

  it('Socket Mode needs no signing secret; empty values count as unset', () => {
    const config = load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', DATABASE_URL: '', PORT: '' });
    expect(config.slack.transport).toEqual({ kind: 'socket', appToken: 'xapp-1' });
    expect(config.database.kind).toBe('embedded');
    expect(config.port).toBe(3000);
  });

  // Bad inputs tried: each missing or malformed variable, one at a time.
  it.each([
    [{}, /^Invalid configuration: SLACK_BOT_TOKEN is required/],
    [
      { SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' },
      /SLACK_BOT_TOKEN must be a bot token starting with xoxb-/,
    ],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET is required in HTTP mode/],
    [
      { ...base, SLACK_APP_TOKEN: 'xoxb-wrong' },
      /SLACK_APP_TOKEN must be an app-level token starting with xapp-/,
    ],
    [{ ...base, SLACK_API_URL: 'not a url' }, /SLACK_API_URL must be a URL/],
    [{ ...base, PORT: 'eighty' }, /PORT must be a port number \(0-65535\)/],
    [{ ...base, PORT: '70000' }, /PORT must be a port number/],
    [{ ...base, PORT: '30.5' }, /PORT must be a port number/],
    [{ ...base, DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\/ connection string/],
    [{ ...base, LOG_LEVEL: 'verbose' }, /LOG_LEVEL must be one of debug, info, warn, error/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      load(env as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('db:migrate needs only the database settings', () => {
    expect(loadDatabaseConfig({ DATABASE_URL: 'postgresql://x@h/db' })).toEqual({
      kind: 'postgres',
      url: 'postgresql://x@h/db',
    });
    expect(loadDatabaseConfig({ DATA_DIR: '/tmp/d' })).toEqual({ kind: 'embedded', dataDir: '/tmp/d' });
  });
});
