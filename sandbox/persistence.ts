// The local Slack keeps its conversations in memory; the sandbox writes them (and the clock's offset) to one
// JSON file beside the embedded database, so the next run shows the same DM, threads and working buttons.

import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { LocalSlackState } from '../local-slack/index.ts';

export interface SavedSandbox {
  version: 1;
  clockOffsetMs: number;
  slack: LocalSlackState;
}

/** Changes come in bursts (a drill is a post, an update and a reply): one write per burst is enough. */
const DEBOUNCE_MS = 250;

export class StateFile {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private pending: (() => SavedSandbox) | undefined;

  constructor(readonly path: string) {}

  /** The saved state, or undefined on a first run. A file that is not ours stops start-up with its path. */
  load(): SavedSandbox | undefined {
    if (!existsSync(this.path)) return undefined;
    const saved = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<SavedSandbox>;
    if (saved.version !== 1 || typeof saved.slack !== 'object') {
      throw new Error(`${this.path} is not a Star Drill sandbox state file; move it away to start afresh`);
    }
    return saved as SavedSandbox;
  }

  /** Writes `state()` soon, once for any number of calls in the meantime. */
  schedule(state: () => SavedSandbox): void {
    this.pending = state;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.writeNow();
    }, DEBOUNCE_MS);
  }

  /** Writes what is pending now and waits for every write to finish (at stop). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.writeNow();
  }

  private writeNow(): Promise<void> {
    const state = this.pending;
    this.pending = undefined;
    if (!state) return this.writing;
    // One write at a time, each to a temporary file renamed over the old one: a crash never leaves half a file.
    this.writing = this.writing.then(async () => {
      const tmp = `${this.path}.tmp`;
      await writeFile(tmp, JSON.stringify(state()));
      await rename(tmp, this.path);
    });
    return this.writing;
  }
}
