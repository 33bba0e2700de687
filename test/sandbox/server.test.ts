// `npm run sandbox` as a real process: one line with the URL, loopback only, Ctrl-C stops it cleanly, and the
// next run shows the same history with buttons that still work.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../sandbox/protocol.ts';

const MAIN = path.resolve('sandbox/main.ts');
const LINE = /^Star Drill sandbox: http:\/\/localhost:(\d+) \(Ctrl-C to stop\)$/;
const dataDir = mkdtempSync(path.join(tmpdir(), 'star-drill-sandbox-process-'));

interface Started {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts the sandbox as `npm run sandbox` does, and waits for its one line. */
async function startProcess(): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', SANDBOX_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const check = () => {
      const match = LINE.exec(out.split('\n')[0] ?? '');
      if (match && out.endsWith('\n')) resolve(Number(match[1]));
    };
    child.stdout?.on('data', check);
    void exited.then((code) => reject(new Error(`sandbox exited (${code}) before its line: ${out}${err}`)));
  });
  return { child, port, stdout: () => out, stderr: () => err, exited };
}

async function json<T>(port: number, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`http://localhost:${port}${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}

function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await probe();
      if (value === undefined) throw new Error(`timed out waiting for ${what}`);
      return value;
    },
    { timeout: timeoutMs, interval: 50 },
  );
}

/** Whether something accepts a TCP connection at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Addresses of this machine other than 127.0.0.1: another loopback address and any external IPv4. */
function otherAddresses(): string[] {
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a?.address as string);
  return ['127.0.0.2', ...external];
}

const drillOf = (s: Snapshot) =>
  s.messages.find((m) => JSON.stringify(m.blocks).includes('Drill: Handling Production Incidents'));

/** GET with a Host header of our choosing (fetch does not let a caller set one). */
function statusWithHost(port: number, route: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: route, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

let running: Started | undefined;

afterEach(async () => {
  // A test that failed half-way leaves its process running: the next one needs the data directory.
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

// Each run starts a process that loads the bot through tsx and opens (the first time, creates and migrates) an
// embedded database: 10-15 s alone, over 30 s beside the browser tests on a loaded machine.
describe('npm run sandbox', { timeout: 90_000 }, () => {
  it('prints one line with the URL, listens on 127.0.0.1 only, runs the bot, and stops on Ctrl-C', async () => {
    running = await startProcess();
    const { port } = running;
    expect(running.stdout().trim().split('\n')).toHaveLength(1);

    const page = await fetch(`http://localhost:${port}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<script type="module" src="/sandbox/app.js">');

    // The bot logs to bot.log, not the terminal; its port is there.
    const botPort = await until(async () => {
      const log = existsSync(path.join(dataDir, 'bot.log'))
        ? readFileSync(path.join(dataDir, 'bot.log'), 'utf8')
        : '';
      const match = /"mode":"http","port":(\d+)/.exec(log);
      return match ? Number(match[1]) : undefined;
    }, 'the bot to log its port');
    expect(await accepts('127.0.0.1', port)).toBe(true);
    expect(await accepts('127.0.0.1', botPort)).toBe(true);
    for (const address of otherAddresses()) {
      expect(await accepts(address, port), `page on ${address}`).toBe(false);
      expect(await accepts(address, botPort), `bot on ${address}`).toBe(false);
    }

    // A request from elsewhere (a page whose name was rebound to 127.0.0.1) is refused.
    expect(await statusWithHost(port, '/sandbox/state', 'evil.example')).toBe(403);
    expect(await statusWithHost(port, '/sandbox/state', `localhost:${port}`)).toBe(200);

    expect(await json(port, '/sandbox/command', { user: 'U0ADA', text: '/star incidents' })).toEqual({
      ok: true,
    });
    await until(async () => drillOf(await json<Snapshot>(port, '/sandbox/state?user=U0ADA')), 'the drill');

    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
    expect(running.stdout().trim().split('\n')).toHaveLength(1);
    expect(running.stderr()).toBe('');
    expect(existsSync(path.join(dataDir, 'local-slack.json'))).toBe(true);
  });

  it('keeps the history on the next run, and its buttons still work', async () => {
    running = await startProcess();
    const { port } = running;
    const before = await json<Snapshot>(port, '/sandbox/state?user=U0ADA');
    const drill = drillOf(before);
    expect(drill).toBeDefined();

    const click = await json(port, '/sandbox/click', {
      user: 'U0ADA',
      channel: drill?.channel,
      ts: drill?.ts,
      actionId: 'answer_drill',
      blockId: 'drill_actions',
      value: '1',
    });
    expect(click).toEqual({ ok: true });
    const modal = await until(
      async () => (await json<Snapshot>(port, '/sandbox/state?user=U0ADA')).modal ?? undefined,
      'the modal',
    );
    expect(modal.view.title).toMatchObject({ text: 'Answer with STAR' });

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });

  it('says which port is taken, in one line, and exits 1', async () => {
    // Held in `running`, so afterEach stops it even when an expectation below fails.
    running = await startProcess();
    const blocker = running;
    const taken = blocker.port;
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(taken),
        SANDBOX_DATA_DIR: path.join(dataDir, 'second'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err.trim()).toBe(
      `Star Drill sandbox could not start: port ${taken} is in use. Set another with PORT, e.g. PORT=3001 npm run sandbox`,
    );
    blocker.child.kill('SIGINT');
    expect(await blocker.exited).toBe(0);
  });
});
