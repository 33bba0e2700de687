import type { SpawnOptions } from '../harness/bot-process.ts';

/**
 * The bot as `npm start` and the Dockerfile run it: compiled JavaScript (bench/run.ts builds it first; the
 * sources through tsx cost ~60 MB more resident memory) with the same V8 heap flags. Keep in step with the
 * `start` script in package.json.
 */
export const PRODUCTION: SpawnOptions = {
  entry: 'compiled',
  nodeArgs: ['--max-semi-space-size=8', '--max-old-space-size=96'],
};
