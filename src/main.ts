import { GuideError } from './bank/errors.ts';
import { startBot } from './bot.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { createLogger } from './logger.ts';
import { InstallationKeyError } from './workspaces/key-check.ts';

/** Longest a graceful stop may take before the process exits anyway (orchestrators wait ~10 s). */
const SHUTDOWN_DEADLINE_MS = 9_000;

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));

  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot({ config, log });
  } catch (err) {
    const known = err instanceof GuideError || err instanceof DataDirInUseError;
    log.fatal(known ? (err as Error).message : { err }, 'Star Drill could not start');
    process.exit(1);
  }

  // The bot listens before its database is ready; a wrong INSTALLATION_KEY is found then, and ends the process.
  bot.ready.catch((err: unknown) => {
    if (!(err instanceof InstallationKeyError)) return;
    log.fatal(err.message);
    void bot.stop().finally(() => process.exit(1));
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error('graceful shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    bot.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

await main();
