import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirInUseError extends Error {}

interface Owner {
  pid: number;
  host: string;
}

/**
 * Takes the embedded database's data directory for this process alone. proper-lockfile makes the lock
 * atomic (mkdir) and keeps it fresh; the owner file lets a restart after a crash (kill -9) take over at
 * once when the old process is gone, instead of waiting for the lock to go stale.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dir, 'star-drill.lock');
  const ownerPath = path.join(dir, 'star-drill.owner.json');
  const options = { lockfilePath: lockPath, stale: 10_000, update: 2_000, realpath: false, retries: 0 };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, { ...options, onCompromised: () => {} });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const owner = await readOwner(ownerPath);
    if (!owner || isAlive(owner)) {
      const who = owner ? `process ${owner.pid} on ${owner.host}` : 'another process';
      throw new DataDirInUseError(
        `DATA_DIR ${dir} is in use by ${who}: the embedded database belongs to one process. ` +
          'Stop the other bot, or give this one its own DATA_DIR or a DATABASE_URL.',
      );
    }
    // The owner died without unlocking (crash, SIGKILL): its lock is ours to take.
    await rm(lockPath, { recursive: true, force: true });
    release = await lockfile.lock(dir, { ...options, onCompromised: () => {} });
  }
  await writeFile(ownerPath, JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies Owner));
  return async () => {
    await rm(ownerPath, { force: true });
    await release();
  };
}

async function readOwner(ownerPath: string): Promise<Owner | undefined> {
  try {
    return JSON.parse(await readFile(ownerPath, 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

function isAlive(owner: Owner): boolean {
  // On another host (a shared volume) we cannot tell; trust the lock.
  if (owner.host !== os.hostname()) return true;
  // In a container every restart is pid 1 again: a recorded pid equal to ours is a dead predecessor.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
