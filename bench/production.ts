import type { SpawnOptions } from '../harness/bot-process.ts';
import { startNodeArgs } from '../harness/start-command.ts';

/**
 * The bot as `npm start` and the Dockerfile run it: compiled JavaScript (bench/run.ts builds it first; the
 * sources through tsx cost ~60 MB more resident memory) with the start script's V8 flags (read from
 * package.json, so the two cannot drift). A base commit run side by side gets the same flags.
 */
export const PRODUCTION: SpawnOptions = {
  entry: 'compiled',
  nodeArgs: startNodeArgs(),
};
