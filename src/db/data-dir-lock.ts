import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirInUseError extends Error {}

interface Owner {
  pid: number;
  host: string;
}

/** proper-lockfile refreshes the lock's mtime this often; a lock not refreshed for STALE_MS is abandoned. */
const UPDATE_MS = 2_000;
const STALE_MS = 10_000;

export interface DataDirLockOptions {
  /**
   * The lock was lost while held (its files removed or taken by another process): two processes may now
   * write the same database files. The owner must stop writing at once.
   */
  onLost: (err: Error) => void;
  /** Tests shorten the timing (proper-lockfile's minimums: stale 2 s, update 1 s); the rules stay. */
  timing?: { staleMs: number; updateMs: number };
}

/**
 * Takes the embedded database's data directory for this process alone. proper-lockfile makes the lock
 * atomic (mkdir) and keeps it fresh; the owner file lets a restart after a crash (kill -9) take over at once
 * when the old process is provably gone. When that cannot be proved (another host on a shared volume, or a
 * recorded pid equal to ours, as for two containers that are both pid 1), only a lock left unrefreshed for
 * STALE_MS is taken over.
 */
export async function lockDataDir(
  dir: string,
  { onLost, timing = { staleMs: STALE_MS, updateMs: UPDATE_MS } }: DataDirLockOptions,
): Promise<() => Promise<void>> {
  const lockPath = path.join(dir, 'star-drill.lock');
  const ownerPath = path.join(dir, 'star-drill.owner.json');
  const onCompromised = (err: Error) => onLost(err);
  const options = {
    lockfilePath: lockPath,
    stale: timing.staleMs,
    update: timing.updateMs,
    realpath: false,
    onCompromised,
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, { ...options, retries: 0 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const owner = await readOwner(ownerPath);
    if (owner && provablyGone(owner)) {
      // The owner died without unlocking (crash, SIGKILL): its lock is ours to take.
      await rm(lockPath, { recursive: true, force: true });
      release = await lockfile.lock(dir, { ...options, retries: 0 });
    } else {
      release = await waitForStaleLock(dir, options, owner, timing);
    }
  }
  await writeFile(ownerPath, JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies Owner));
  return async () => {
    await rm(ownerPath, { force: true });
    await release();
  };
}

/** A live owner refreshes its lock every UPDATE_MS; one that stops for STALE_MS is gone. */
async function waitForStaleLock(
  dir: string,
  options: Parameters<typeof lockfile.lock>[1],
  owner: Owner | undefined,
  timing: { staleMs: number; updateMs: number },
): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dir, {
      ...options,
      retries: {
        retries: Math.ceil((timing.staleMs + timing.updateMs) / 500),
        factor: 1,
        minTimeout: 500,
        maxTimeout: 500,
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const who = owner ? `process ${owner.pid} on ${owner.host}` : 'another process';
    throw new DataDirInUseError(
      `DATA_DIR ${dir} is in use by ${who}: the embedded database belongs to one process. ` +
        'Stop the other bot, or give this one its own DATA_DIR or a DATABASE_URL.',
    );
  }
}

async function readOwner(ownerPath: string): Promise<Owner | undefined> {
  try {
    return JSON.parse(await readFile(ownerPath, 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

/** Only a process on this host, other than us, that no longer exists. */
function provablyGone(owner: Owner): boolean {
  if (owner.host !== os.hostname() || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
