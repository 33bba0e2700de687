import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const COMPILED_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface SpawnOptions {
  /** 'compiled': `node dist/main.js` as `npm start` runs it (needs `npm run build` first); default: the sources through tsx. */
  entry?: 'source' | 'compiled';
  /** Extra node flags, e.g. a heap limit. */
  nodeArgs?: string[];
  /** Another checkout's compiled bot (its dist/main.js) instead of this one's: a base commit, side by side. */
  compiledMain?: string;
}

export interface BotProcess {
  child: ChildProcess;
  /** stdout JSON log lines, parsed as they arrive. */
  logs: Array<Record<string, unknown>>;
  stderr: () => string;
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The bot as a real process (its sources through tsx, or `dist/main.js` as `npm start` runs it), in a working
 * directory of the test's choosing so no developer's .env leaks in, with exactly the given environment.
 */
export function spawnBot(env: Record<string, string>, cwd: string, options: SpawnOptions = {}): BotProcess {
  const entry =
    options.entry === 'compiled' ? [options.compiledMain ?? COMPILED_MAIN] : ['--import', TSX, MAIN];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let err = '';
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    logs,
    stderr: () => err,
    exited,
    async waitForLog(match, timeoutMs = 60_000) {
      const started = Date.now();
      while (Date.now() - started < timeoutMs) {
        const found = logs.find(match);
        if (found) return found;
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(
        `no matching log line within ${timeoutMs} ms (exit ${child.exitCode}).\nstdout: ${JSON.stringify(logs.slice(-5))}\nstderr: ${err}`,
      );
    },
  };
}
