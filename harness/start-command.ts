import { readFileSync } from 'node:fs';

const PACKAGE_JSON = new URL('../package.json', import.meta.url);

/**
 * The node flags of `npm start` (package.json's `start` script: `node <flags> dist/main.js`), the one place
 * they are written: the benchmarks run the bot with them, and a test checks that the Dockerfile's CMD runs
 * the same command and that this Node accepts them.
 */
export function startNodeArgs(): string[] {
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { scripts?: { start?: string } };
  const words = (pkg.scripts?.start ?? '').trim().split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/main.js')
    throw new Error(`package.json's start script is not "node <flags> dist/main.js": ${pkg.scripts?.start}`);
  return words.slice(1, -1);
}
