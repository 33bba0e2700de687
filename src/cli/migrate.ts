import { ConfigError, loadDatabaseConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { createLogger } from '../logger.ts';

// `npm run db:migrate`: apply pending migrations and exit, without starting the bot.
const log = createLogger('info');
try {
  const dbConfig = loadDatabaseConfig();
  const handle = await openDatabase(dbConfig, log);
  await runMigrations(handle);
  log.info({ database: handle.description }, 'migrations applied');
  await handle.close();
} catch (err) {
  log.error(err instanceof ConfigError ? err.message : { err }, 'migration failed');
  process.exitCode = 1;
}
