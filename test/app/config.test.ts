import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDatabaseConfig } from '../../src/config.ts';
import { parseInstallationKeys } from '../../src/crypto/token-crypto.ts';

const base = { SLACK_BOT_TOKEN: 'xoxb-1-2-3', SLACK_SIGNING_SECRET: 'secret' };
const load = (env: Record<string, string>) => loadConfig(env, { dotenv: false });

describe('loadConfig', () => {
  it('applies the documented defaults: HTTP mode, port 3000, embedded database in ./data, info logs', () => {
    expect(load(base)).toEqual({
      slack: {
        auth: { kind: 'single', botToken: 'xoxb-1-2-3' },
        apiUrl: undefined,
        transport: { kind: 'http', signingSecret: 'secret' },
      },
      port: 3000,
      database: { kind: 'embedded', dataDir: './data' },
      logLevel: 'info',
      metrics: { token: undefined, port: undefined, host: '127.0.0.1' },
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
      METRICS_TOKEN: 'metrics-token-0123456789',
      METRICS_PORT: '9464',
      METRICS_HOST: '0.0.0.0',
      GUIDE_PATH: '/etc/star/team-guide.md',
    });
    expect(config).toEqual({
      slack: {
        auth: { kind: 'single', botToken: 'xoxb-1-2-3' },
        apiUrl: 'http://127.0.0.1:9999/api/',
        transport: { kind: 'socket', appToken: 'xapp-1' },
      },
      port: 8080,
      database: { kind: 'postgres', url: 'postgres://u:p@db:5432/star' },
      logLevel: 'debug',
      guidePath: '/etc/star/team-guide.md',
      metrics: { token: 'metrics-token-0123456789', port: 9464, host: '0.0.0.0' },
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
      { SLACK_SIGNING_SECRET: 's' },
      /SLACK_BOT_TOKEN is required.*or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET/,
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' },
      /SLACK_BOT_TOKEN must be a bot token starting with xoxb-/,
    ],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET is required in HTTP mode/],
    [{ ...base, METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be at least 16 characters/],
    [{ ...base, METRICS_PORT: '70000' }, /METRICS_PORT must be a port number/],
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

  it('an INSTALLATION_KEY in single-workspace mode is checked but unused', () => {
    expect(load({ ...base, INSTALLATION_KEY: KEY_TEXT }).slack.auth.kind).toBe('single');
    expect(() => load({ ...base, INSTALLATION_KEY: 'k1:bad' })).toThrow(
      /INSTALLATION_KEY key "k1" must be 32 bytes/,
    );
  });

  it('db:migrate needs only the database settings', () => {
    expect(loadDatabaseConfig({ DATABASE_URL: 'postgresql://x@h/db' })).toEqual({
      kind: 'postgres',
      url: 'postgresql://x@h/db',
    });
    expect(loadDatabaseConfig({ DATA_DIR: '/tmp/d' })).toEqual({ kind: 'embedded', dataDir: '/tmp/d' });
  });
});

const KEY = randomBytes(32).toString('base64');
const OLD_KEY = randomBytes(32).toString('base64');
const KEY_TEXT = `k2:${KEY},k1:${OLD_KEY}`;
const oauth = {
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret-of-some-length',
  SLACK_SIGNING_SECRET: 'signing-secret',
  INSTALLATION_KEY: KEY_TEXT,
};

describe('loadConfig in multi-workspace mode', () => {
  it('reads the OAuth settings and the installation keys, first key current', () => {
    const config = load(oauth);
    expect(config.slack).toEqual({
      auth: {
        kind: 'oauth',
        clientId: '1234.5678',
        clientSecret: 'client-secret',
        stateSecret: 'state-secret-of-some-length',
        installationKeys: parseInstallationKeys(KEY_TEXT),
      },
      apiUrl: undefined,
      transport: { kind: 'http', signingSecret: 'signing-secret' },
    });
    const auth = config.slack.auth.kind === 'oauth' ? config.slack.auth : undefined;
    expect(auth?.installationKeys.current.id).toBe('k2');
    expect(auth?.installationKeys.byId.get('k1')?.key).toEqual(Buffer.from(OLD_KEY, 'base64'));
  });

  it('PUBLIC_URL gives the redirect URI its base, without a trailing slash', () => {
    const config = load({ ...oauth, PUBLIC_URL: 'https://star.example.com/' });
    expect(config.slack.auth).toMatchObject({ kind: 'oauth', publicUrl: 'https://star.example.com' });
    const prefixed = load({ ...oauth, PUBLIC_URL: 'https://example.com/star' });
    expect(prefixed.slack.auth).toMatchObject({ publicUrl: 'https://example.com/star' });
  });

  const { SLACK_CLIENT_ID: _id, ...withoutId } = oauth;
  const { INSTALLATION_KEY: _key, ...withoutKey } = oauth;
  const { SLACK_SIGNING_SECRET: _secret, ...withoutSigning } = oauth;
  it.each([
    [
      { ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' },
      /^Invalid configuration: SLACK_BOT_TOKEN and SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET are both set/,
    ],
    [
      { ...base, SLACK_CLIENT_SECRET: 'x' },
      /^Invalid configuration: SLACK_BOT_TOKEN and SLACK_CLIENT_SECRET are both set: set SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET to install in many, not both$/,
    ],
    [withoutId, /^Invalid configuration: SLACK_CLIENT_ID is required in multi-workspace mode/],
    [{ ...oauth, SLACK_STATE_SECRET: '' }, /SLACK_STATE_SECRET is required in multi-workspace mode/],
    [{ ...oauth, SLACK_STATE_SECRET: 'short' }, /SLACK_STATE_SECRET must be at least 16 characters/],
    [{ ...oauth, SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_APP_TOKEN must be unset in multi-workspace mode/],
    [withoutSigning, /SLACK_SIGNING_SECRET is required in multi-workspace mode/],
    [withoutKey, /INSTALLATION_KEY is required in multi-workspace mode/],
    [{ ...oauth, INSTALLATION_KEY: KEY }, /INSTALLATION_KEY entry 1 must be id:base64key/],
    [{ ...oauth, INSTALLATION_KEY: 'k1:abc' }, /INSTALLATION_KEY key "k1" must be 32 bytes in base64/],
    [{ ...oauth, INSTALLATION_KEY: `k1:${KEY},k1:${OLD_KEY}` }, /INSTALLATION_KEY key id "k1" appears twice/],
    [{ ...oauth, PUBLIC_URL: 'star.example.com' }, /PUBLIC_URL must be the http\(s\) URL/],
    [{ ...oauth, PUBLIC_URL: 'ftp://star.example.com' }, /PUBLIC_URL must be the http\(s\) URL/],
    [{ ...oauth, PUBLIC_URL: 'https://star.example.com/?x=1' }, /PUBLIC_URL must have no query or fragment/],
  ])('refuses %j with one line naming the variables', (env, message) => {
    let error: unknown;
    try {
      load(env as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
    // Secrets are never echoed.
    expect((error as Error).message).not.toContain(KEY);
    expect((error as Error).message).not.toContain('client-secret');
  });
});
