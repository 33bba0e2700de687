import { ConfigError, loadRekeyConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { createLogger } from '../logger.ts';
import { notReadableWithCurrentKeyOnly, rekeyInstallations } from '../workspaces/rekey.ts';

// `npm run installations:rekey`: after a new key was put first in INSTALLATION_KEY (and the bot restarted with
// it), rewrite every stored bot token under that key. Once it reports none failed, the old keys can be removed.
const log = createLogger('info');
try {
  const { database, installationKeys } = loadRekeyConfig();
  const handle = await openDatabase(database, log);
  try {
    await runMigrations(handle);
    const report = await rekeyInstallations(handle.db, installationKeys);
    const line = `installations re-encrypted under key "${installationKeys.current.id}": ${report.rewritten} rewritten, ${report.skipped} changed meanwhile (already current), ${report.failed.length} failed`;
    if (report.failed.length > 0) {
      log.error(
        { failed: report.failed },
        `${line}; keep the old keys until these workspaces reinstall or their keys are found`,
      );
      process.exitCode = 1;
    } else {
      // Proven, not inferred: every stored token is read back with the current key alone.
      const unreadable = await notReadableWithCurrentKeyOnly(handle.db, installationKeys);
      if (unreadable.length > 0) {
        log.error(
          { unreadable },
          `${line}; but ${unreadable.length} installation(s) do not decrypt with key "${installationKeys.current.id}" alone: keep the old keys and run it again`,
        );
        process.exitCode = 1;
      } else {
        log.info(
          { ...report, failed: 0, verified: true },
          `${line}; every token decrypts with "${installationKeys.current.id}" alone: keys other than the first can now be removed`,
        );
      }
    }
  } finally {
    await handle.close();
  }
} catch (err) {
  log.error(err instanceof ConfigError ? err.message : { err }, 're-encryption failed');
  process.exitCode = 1;
}
