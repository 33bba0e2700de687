import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Empty strings in .env mean "not set", as most users expect from `FOO=` lines. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const envObject = z.object({
  SLACK_BOT_TOKEN: z.string({ error: 'is required (the bot token, xoxb-...)' }).startsWith('xoxb-', {
    error: 'must be a bot token starting with xoxb-',
  }),
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
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })).default(
    'info',
  ),
});

const envSchema = envObject.superRefine((env, ctx) => {
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

export interface Config {
  slack: { botToken: string; apiUrl?: string; transport: SlackTransport };
  port: number;
  /** Interface the HTTP server listens on; unset: all of them. The sandbox keeps the bot on 127.0.0.1. */
  host?: string;
  database: { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };
  logLevel: LogLevel;
}

export class ConfigError extends Error {}

/**
 * The only reader of process.env. Throws a ConfigError whose message is one line naming the variable
 * and what it must be, so start-up can print it and exit.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { dotenv = true } = {}): Config {
  if (dotenv) loadDotenv({ quiet: true });
  const e = parseOrThrow(envSchema, env);
  return {
    slack: { botToken: e.SLACK_BOT_TOKEN, apiUrl: e.SLACK_API_URL, transport: transportOf(e) },
    port: e.PORT,
    database: databaseConfig(e),
    logLevel: e.LOG_LEVEL,
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
