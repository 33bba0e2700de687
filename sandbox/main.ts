// `npm run sandbox`: starts the sandbox and prints one line with its URL. The bot's JSON logs go to
// <data dir>/bot.log so that line stands out; Ctrl-C stops everything and the next run keeps the history.

import path from 'node:path';
import { DataDirInUseError } from '../src/db/data-dir-lock.ts';
import { loadSandboxConfig, SandboxConfigError } from './config.ts';
import { startSandbox } from './sandbox.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadSandboxConfig>;
  try {
    config = loadSandboxConfig();
  } catch (err) {
    if (err instanceof SandboxConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({
      port: config.port,
      dataDir: config.dataDir,
      coachModel: config.coachModel,
    });
  } catch (err) {
    console.error(`Star Drill sandbox could not start: ${explain(err, config)}`);
    process.exit(1);
  }
  console.log(`Star Drill sandbox: ${sandbox.url} (Ctrl-C to stop)`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error('Star Drill sandbox: stopping took too long; exiting');
      process.exit(1);
    }, 9_000).unref();
    sandbox.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Star Drill sandbox: error while stopping: ${String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function explain(err: unknown, config: { port: number; dataDir: string }): string {
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return `port ${config.port} is in use. Set another with PORT, e.g. PORT=3001 npm run sandbox`;
  }
  if (err instanceof DataDirInUseError) {
    return `${path.resolve(config.dataDir)} is used by another sandbox or bot. Stop it, or set SANDBOX_DATA_DIR.`;
  }
  return err instanceof Error ? err.message : String(err);
}

await main();
