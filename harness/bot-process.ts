import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const COMPILED_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
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
  // 'line' after each log line, 'closed' once stdout and stderr are done: waitForLog waits for these.
  const output = new EventEmitter();
  let closed = false;
  child.once('close', () => {
    closed = true;
    output.emit('closed');
  });
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
    if (lines.length > 0) output.emit('line');
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
    waitForLog(match, timeoutMs = 60_000) {
      const fail = () =>
        new Error(
          `no matching log line within ${timeoutMs} ms (exit ${child.exitCode}).\nstdout: ${JSON.stringify(logs.slice(-5))}\nstderr: ${err}`,
        );
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = logs.find(match);
          if (found) finish(() => resolve(found));
          else if (closed) finish(() => reject(fail()));
        };
        const timer = setTimeout(() => finish(() => reject(fail())), timeoutMs);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          output.off('line', check).off('closed', check);
          settle();
        };
        output.on('line', check).on('closed', check);
        check();
      });
    },
  };
}
