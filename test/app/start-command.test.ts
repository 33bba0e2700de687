import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBot } from '../../harness/bot-process.ts';
import { startNodeArgs } from '../../harness/start-command.ts';
import { type SlackStandin, startSlackStandin } from '../../local-slack/index.ts';

let standin: SlackStandin;
let workdir: string;

beforeAll(async () => {
  standin = await startSlackStandin({ signingSecret: 'secret' });
  workdir = await mkdtemp(path.join(os.tmpdir(), 'star-drill-start-command-'));
});
afterAll(async () => {
  await standin?.close();
  await rm(workdir, { recursive: true, force: true });
});

describe('the production command', { timeout: 120_000 }, () => {
  it("the Dockerfile's CMD is npm start's command, flags and all", async () => {
    const dockerfile = await readFile(new URL('../../Dockerfile', import.meta.url), 'utf8');
    const cmd = dockerfile.match(/^CMD (\[.*\])$/m)?.[1];
    expect(cmd).toBeDefined();
    expect(JSON.parse(cmd as string)).toEqual(['node', ...startNodeArgs(), 'dist/main.js']);
    // The flags the memory figures in BENCHMARKS.md were measured with.
    expect(startNodeArgs()).toEqual(
      expect.arrayContaining(['--max-semi-space-size=8', '--max-old-space-size=96', '--liftoff-only']),
    );
  });

  it('this Node accepts the flags: the bot starts on the embedded database with them and stops on SIGTERM', async () => {
    const bot = spawnBot(
      {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: standin.apiUrl,
        PORT: '0',
        DATA_DIR: path.join(workdir, 'data'),
      },
      workdir,
      { nodeArgs: startNodeArgs() },
    );
    try {
      const line = await bot.waitForLog((l) => typeof l.port === 'number');
      await bot.waitForLog((l) => l.msg === 'database ready: migrations applied');
      const health = await fetch(`http://127.0.0.1:${line.port}/healthz`);
      expect(await health.json()).toEqual({ ok: true, database: 'ok' });
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect((await bot.exited).code).toBe(0);
  });
});
