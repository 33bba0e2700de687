import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { KeyFormatError, type KeyRing, parseInstallationKeys } from './crypto/token-crypto.ts';
import {
  COACH_MODEL_VARS,
  type CoachModelConfig,
  coachModelEnv,
  coachModelProblem,
  optionalCoachModel,
} from './model-coach/config.ts';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Empty strings in .env mean "not set", as most users expect from `FOO=` lines. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const OAUTH_VARS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

const envObject = z.object({
  SLACK_BOT_TOKEN: optional(
    z.string().startsWith('xoxb-', {
      error: 'must be a bot token starting with xoxb-',
    }),
  ),
  SLACK_CLIENT_ID: optional(z.string()),
  SLACK_CLIENT_SECRET: optional(z.string()),
  // The state parameter is a JWT signed with it: a short secret would let anyone forge one.
  SLACK_STATE_SECRET: optional(
    z.string().min(16, { error: 'must be at least 16 characters (e.g. openssl rand -hex 32)' }),
  ),
  INSTALLATION_KEY: optional(
    z.string().transform((text, ctx): KeyRing => {
      try {
        return parseInstallationKeys(text);
      } catch (err) {
        if (!(err instanceof KeyFormatError)) throw err;
        ctx.issues.push({ code: 'custom', message: err.message, input: text });
        return z.NEVER;
      }
    }),
  ),
  PUBLIC_URL: optional(
    z
      .url({
        protocol: /^https?$/,
        error: 'must be the http(s) URL Slack reaches the bot at, e.g. https://star.example.com',
      })
      .refine((u) => !u.includes('?') && !u.includes('#'), { error: 'must have no query or fragment' })
      .transform((u) => u.replace(/\/+$/, '')),
  ),
  SLACK_SIGNING_SECRET: optional(z.string().min(1)),
  SLACK_APP_TOKEN: optional(
    z.string().startsWith('xapp-', { error: 'must be an app-level token starting with xapp-' }),
  ),
  SLACK_API_URL: optional(
    z
      .url({ error: 'must be a URL such as https://slack.com/api/' })
      .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
  ),
  PORT: optional(
    z.coerce
      .number({ error: 'must be a port number (0-65535)' })
      .int({ error: 'must be a port number (0-65535)' })
      .min(0, { error: 'must be a port number (0-65535)' })
      .max(65535, { error: 'must be a port number (0-65535)' }),
  ).default(3000),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// connection string' }),
  ),
  DATA_DIR: optional(z.string()).default('./data'),
  // Socket Mode only (in HTTP mode /metrics is served on PORT): where Prometheus scrapes the bot.
  METRICS_PORT: optional(
    z.coerce
      .number({ error: 'must be a port number (0-65535)' })
      .int({ error: 'must be a port number (0-65535)' })
      .min(0, { error: 'must be a port number (0-65535)' })
      .max(65535, { error: 'must be a port number (0-65535)' }),
  ),
  METRICS_HOST: optional(z.string()).default('127.0.0.1'),
  // Metrics tell how many workspaces use the bot and how busy it is: a token keeps them from strangers.
  METRICS_TOKEN: optional(
    z.string().min(16, { error: 'must be at least 16 characters (e.g. openssl rand -hex 32)' }),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })).default(
    'info',
  ),
  // A Markdown guide used instead of the built-in one (content/): checked at start-up like an upload.
  GUIDE_PATH: optional(z.string()),
  // Optional model-backed coaching: model-coach/config.ts.
  ...coachModelEnv,
});

const envSchema = envObject.superRefine((env, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const modelProblem = coachModelProblem(env);
  if (modelProblem) return issue(...modelProblem);
  const oauthSet = OAUTH_VARS.filter((name) => env[name] !== undefined);
  if (env.SLACK_BOT_TOKEN && oauthSet.length > 0) {
    return issue(
      'SLACK_BOT_TOKEN',
      `and ${oauthSet.join(', ')} are both set: set SLACK_BOT_TOKEN for one workspace, or ${OAUTH_VARS.join(', ')} to install in many, not both`,
    );
  }
  if (!env.SLACK_BOT_TOKEN && oauthSet.length === 0) {
    return issue(
      'SLACK_BOT_TOKEN',
      `is required (the bot token, xoxb-...), or set ${OAUTH_VARS.join(', ')} to install in many workspaces`,
    );
  }
  if (oauthSet.length > 0) {
    const missingVar = OAUTH_VARS.find((name) => env[name] === undefined);
    if (missingVar) {
      return issue(missingVar, `is required in multi-workspace mode (with ${OAUTH_VARS.join(', ')})`);
    }
    if (env.SLACK_APP_TOKEN) {
      return issue(
        'SLACK_APP_TOKEN',
        'must be unset in multi-workspace mode: installs need HTTP mode (set SLACK_SIGNING_SECRET instead)',
      );
    }
    if (!env.SLACK_SIGNING_SECRET) {
      return issue('SLACK_SIGNING_SECRET', 'is required in multi-workspace mode (HTTP mode)');
    }
    if (!env.INSTALLATION_KEY) {
      return issue(
        'INSTALLATION_KEY',
        'is required in multi-workspace mode: the key bot tokens are encrypted with, as id:base64key (e.g. k1: then openssl rand -base64 32)',
      );
    }
  }
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_SIGNING_SECRET'],
      message: 'is required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)',
    });
  }
});

export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * How Slack reaches the bot: signed HTTP requests to /slack/events, or Socket Mode (a WebSocket the bot opens
 * with an app-level token, no public URL). Each mode carries exactly the secret it needs.
 */
export type SlackTransport = { kind: 'http'; signingSecret: string } | { kind: 'socket'; appToken: string };

/**
 * Whose token the bot uses. `single`: one workspace, its bot token from the environment (SLACK_BOT_TOKEN).
 * `oauth`: installed in many workspaces through /slack/install; each installation's bot token is stored in the
 * database, encrypted with `installationKeys` (INSTALLATION_KEY). Always HTTP mode.
 */
export type SlackAuth =
  | { kind: 'single'; botToken: string }
  | {
      kind: 'oauth';
      clientId: string;
      clientSecret: string;
      /** Signs the OAuth state parameter (Bolt's state store). */
      stateSecret: string;
      installationKeys: KeyRing;
      /**
       * The bot's public base URL (PUBLIC_URL), no trailing slash: the redirect URI sent to Slack is
       * `${publicUrl}/slack/oauth_redirect`. Unset: none is sent, and Slack uses the app's one redirect URL.
       */
      publicUrl?: string;
    };

export interface Config {
  slack: { auth: SlackAuth; apiUrl?: string; transport: SlackTransport };
  /** Unset: no model-backed coaching. */
  coachModel?: CoachModelConfig;
  port: number;
  /** Interface the HTTP server listens on; unset: all of them. The sandbox keeps the bot on 127.0.0.1. */
  host?: string;
  database: { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };
  logLevel: LogLevel;
  /** GUIDE_PATH: the guide drilled instead of the built-in one, unless a workspace sets its own. */
  guidePath?: string;
  /**
   * GET /metrics: on the HTTP port in HTTP mode; in Socket Mode on `port` (unset: not served) at `host`.
   * `token` set: only `Authorization: Bearer <token>` is answered.
   */
  metrics?: { token?: string; port?: number; host: string };
}

export type { CoachModelConfig };

export class ConfigError extends Error {}

/**
 * The only reader of process.env. Throws a ConfigError whose message is one line naming the variable
 * and what it must be, so start-up can print it and exit.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { dotenv = true } = {}): Config {
  if (dotenv) loadDotenv({ quiet: true });
  const e = parseOrThrow(envSchema, env);
  return {
    slack: { auth: authOf(e), apiUrl: e.SLACK_API_URL, transport: transportOf(e) },
    port: e.PORT,
    database: databaseConfig(e),
    logLevel: e.LOG_LEVEL,
    ...(e.GUIDE_PATH ? { guidePath: e.GUIDE_PATH } : {}),
    ...optionalCoachModel(e),
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT, host: e.METRICS_HOST },
  };
}

/**
 * For the sandbox, which reads its settings from the environment only: COACH_MODEL_* and nothing else, checked
 * as for the bot. Undefined when unset.
 */
export function loadCoachModelConfig(env: NodeJS.ProcessEnv = process.env): CoachModelConfig | undefined {
  const schema = envObject.pick(COACH_MODEL_VARS).superRefine((e, ctx) => {
    const problem = coachModelProblem(e);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem[0]], message: problem[1] });
  });
  return optionalCoachModel(parseOrThrow(schema, env)).coachModel;
}

function authOf(e: z.output<typeof envSchema>): SlackAuth {
  if (e.SLACK_BOT_TOKEN) return { kind: 'single', botToken: e.SLACK_BOT_TOKEN };
  // The schema's refinement guarantees all of these in multi-workspace mode.
  if (!e.SLACK_CLIENT_ID || !e.SLACK_CLIENT_SECRET || !e.SLACK_STATE_SECRET || !e.INSTALLATION_KEY) {
    throw new ConfigError('Invalid configuration: SLACK_CLIENT_ID is required');
  }
  return {
    kind: 'oauth',
    clientId: e.SLACK_CLIENT_ID,
    clientSecret: e.SLACK_CLIENT_SECRET,
    stateSecret: e.SLACK_STATE_SECRET,
    installationKeys: e.INSTALLATION_KEY,
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
  };
}

function transportOf(e: z.output<typeof envSchema>): SlackTransport {
  if (e.SLACK_APP_TOKEN) return { kind: 'socket', appToken: e.SLACK_APP_TOKEN };
  // The schema's refinement guarantees a signing secret when there is no app token.
  if (!e.SLACK_SIGNING_SECRET)
    throw new ConfigError('Invalid configuration: SLACK_SIGNING_SECRET is required');
  return { kind: 'http', signingSecret: e.SLACK_SIGNING_SECRET };
}

/** For `npm run db:migrate`, which needs the database settings and nothing of Slack's. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): Config['database'] {
  loadDotenv({ quiet: true });
  return databaseConfig(parseOrThrow(envObject.pick({ DATABASE_URL: true, DATA_DIR: true }), env));
}

/** For `npm run installations:rekey`: the database settings and INSTALLATION_KEY, nothing else. */
export function loadRekeyConfig(env: NodeJS.ProcessEnv = process.env): {
  database: Config['database'];
  installationKeys: KeyRing;
} {
  loadDotenv({ quiet: true });
  const e = parseOrThrow(envObject.pick({ DATABASE_URL: true, DATA_DIR: true, INSTALLATION_KEY: true }), env);
  if (!e.INSTALLATION_KEY) throw new ConfigError('Invalid configuration: INSTALLATION_KEY is required');
  return { database: databaseConfig(e), installationKeys: e.INSTALLATION_KEY };
}

function databaseConfig(e: { DATABASE_URL?: string; DATA_DIR: string }): Config['database'] {
  return e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'embedded', dataDir: e.DATA_DIR };
}

function parseOrThrow<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.output<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = issue?.path[0] ?? 'configuration';
  throw new ConfigError(`Invalid configuration: ${String(name)} ${issue?.message ?? 'is invalid'}`);
}
