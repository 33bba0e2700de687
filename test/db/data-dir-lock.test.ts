// The embedded database's data-directory lock (src/db/data-dir-lock.ts), with proper-lockfile's shortest
// timings (stale after 2 s, refreshed every 1 s). Bad inputs tried: an owner file naming our own pid (two
// containers are both pid 1) while its real owner is alive; the same for a lock nobody refreshes any more;
// the lock directory deleted under its holder.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../src/db/data-dir-lock.ts';

const timing = { staleMs: 2_000, updateMs: 1_000 };
const HOLDER = fileURLToPath(new URL('../support/hold-data-dir.ts', import.meta.url));
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'star-drill-lock-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Another process that takes the lock and keeps it fresh. */
async function holder(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), HOLDER, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanup.push(async () => {
    child.kill('SIGKILL');
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
  return child;
}

const ownedBy = (dir: string, pid: number) =>
  writeFile(path.join(dir, 'star-drill.owner.json'), JSON.stringify({ pid, host: os.hostname() }));

describe('taking the lock over', () => {
  it('does not trust an owner file naming our own pid while the lock is kept fresh', async () => {
    const dir = await tempDir();
    await holder(dir);
    // As a second container (pid 1) sees the first's (pid 1) owner file on a shared volume.
    await ownedBy(dir, process.pid);
    await expect(lockDataDir(dir, { onLost: () => {}, timing })).rejects.toBeInstanceOf(DataDirInUseError);
  }, 20_000);

  it('takes over a lock nobody refreshes any more, once it is stale', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'star-drill.lock'));
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(path.join(dir, 'star-drill.lock'), longAgo, longAgo);
    await ownedBy(dir, process.pid);
    const release = await lockDataDir(dir, { onLost: () => {}, timing });
    await release();
  });
});

describe('a lock lost while held', () => {
  it('is reported to its holder, who must stop writing', async () => {
    const dir = await tempDir();
    const onLost = vi.fn();
    await lockDataDir(dir, { onLost, timing });
    await rm(path.join(dir, 'star-drill.lock'), { recursive: true, force: true });
    await vi.waitFor(() => expect(onLost).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    expect(onLost.mock.calls[0]?.[0]).toMatchObject({ code: 'ECOMPROMISED' });
  });
});
