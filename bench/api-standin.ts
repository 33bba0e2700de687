// The local Slack's Web API in its own process (bench/standin-process.ts), and how a benchmark asks it things.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Question } from './standin-process.ts';

const STANDIN_PROCESS = fileURLToPath(new URL('./standin-process.ts', import.meta.url));

export type ApiStandin = Awaited<ReturnType<typeof startApiStandin>>;

export async function startApiStandin(p: { signingSecret: string; botToken: string; recordCalls?: boolean }) {
  const child = fork(STANDIN_PROCESS, [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_SIGNING_SECRET: p.signingSecret,
      SLACK_BOT_TOKEN: p.botToken,
      STANDIN_RECORD_CALLS: p.recordCalls === false ? '0' : '1',
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const apiUrl = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()).apiUrl));
    child.once('exit', (code) => reject(new Error(`API stand-in exited ${code}`)));
  });
  let nextId = 0;
  const pending = new Map<number, (answer: unknown) => void>();
  child.on('message', (m: { id: number; answer: unknown }) => pending.get(m.id)?.(m.answer));
  const ask = <T = unknown>(q: Question) =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      pending.set(id, (answer) => {
        pending.delete(id);
        resolve(answer as T);
      });
      child.send({ id, ...q });
    });
  return {
    apiUrl,
    ask,
    count: async (method: string) => Number(await ask({ count: method })),
    async waitForLastCall(method: string) {
      for (let i = 0; i < 500; i++) {
        const call = await ask<{ args: Record<string, unknown> } | undefined>({ lastCall: method });
        if (call) return call;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`no ${method} call reached the API stand-in`);
    },
    close: () => child.disconnect(),
  };
}
