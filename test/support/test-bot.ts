import { BOT_TOKEN, SIGNING_SECRET } from '../../harness/credentials.ts';
import { LogCapture } from '../../harness/log-capture.ts';
import { createTestDatabase, type TestDatabase } from '../../harness/test-database.ts';
import { type SlackStandin, startSlackStandin } from '../../local-slack/index.ts';
import { type BotOptions, type RunningBot, startBot } from '../../src/bot.ts';
import type { Clock } from '../../src/clock.ts';
import type { Config, LogLevel } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { freePort } from './free-port.ts';

export { BOT_TOKEN, SIGNING_SECRET } from '../../harness/credentials.ts';
export { LogCapture } from '../../harness/log-capture.ts';

export interface TestBot {
  bot: RunningBot;
  /** Where Slack posts commands, interactivity and events: http://127.0.0.1:PORT/slack/events */
  url: string;
  /** http://127.0.0.1:PORT, for /healthz. */
  baseUrl: string;
  standin: SlackStandin;
  database: TestDatabase;
  logs: LogCapture;
  /** Stops the bot and the stand-in and drops the database. */
  close(): Promise<void>;
}

export function testConfig(apiUrl: string, database: Config['database']): Config {
  return {
    slack: {
      auth: { kind: 'single', botToken: BOT_TOKEN },
      apiUrl,
      transport: { kind: 'http', signingSecret: SIGNING_SECRET },
    },
    port: 0,
    database,
    logLevel: 'debug',
  };
}

/** A real bot over HTTP on loopback, its Web API answered by a fresh stand-in, on a fresh database. */
export async function startTestBot(
  options: {
    clock?: Clock;
    standin?: SlackStandin;
    database?: TestDatabase;
    bot?: Partial<BotOptions>;
    /** false: return as soon as the bot listens, before its database is migrated (`bot.ready` pending). */
    waitReady?: boolean;
    /** What the bot logs into `logs`; debug (the default) costs time under a burst of thousands of requests. */
    logLevel?: LogLevel;
  } = {},
): Promise<TestBot> {
  const standin =
    options.standin ?? (await startSlackStandin({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN }));
  const database = options.database ?? (await createTestDatabase());
  const logs = new LogCapture();
  const bot = await startBot({
    config: testConfig(standin.apiUrl, database.config),
    clock: options.clock,
    log: createLogger(options.logLevel ?? 'debug', logs),
    ...options.bot,
  });
  if (options.waitReady !== false) await bot.ready;
  return {
    bot,
    url: `http://127.0.0.1:${bot.port}/slack/events`,
    baseUrl: `http://127.0.0.1:${bot.port}`,
    standin,
    database,
    logs,
    async close() {
      await bot.stop();
      if (!options.standin) await standin.close();
      if (!options.database) await database.drop();
    },
  };
}

/**
 * The bot in Socket Mode, as the manifest's default runs it: a fresh local Slack holding `appToken`, a fresh
 * database, and the bot connected over the local Slack's Socket Mode link. `port` is where it serves /healthz.
 * `close()` stops the bot and the local Slack and drops the database.
 */
export async function startSocketModeBot(
  appToken: string,
  extra: Partial<Config> = {},
): Promise<TestBot & { port: number }> {
  const standin = await startSlackStandin({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, appToken });
  const database = await createTestDatabase();
  // Socket Mode serves /healthz on PORT and Bolt does not say which port it bound, so a free one is chosen.
  const port = await freePort();
  const config = testConfig(standin.apiUrl, database.config);
  const t = await startTestBot({
    standin,
    database,
    bot: {
      config: {
        ...config,
        port,
        slack: { ...config.slack, transport: { kind: 'socket', appToken } },
        ...extra,
      },
    },
  });
  await standin.waitFor(() => standin.socketMode.connected, { timeoutMs: 10_000 });
  return {
    ...t,
    port,
    async close() {
      await t.close();
      await database.drop();
      await standin.close();
    },
  };
}
