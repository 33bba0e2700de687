// The machine and versions a benchmark run measured on, for the head of BENCHMARKS.md.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ADMIN_URL, adminQuery } from './db.ts';

/** The machine the figures were measured on. */
export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: string;
  node: string;
  postgres: string;
  kernel: string;
  packages: Record<string, string>;
}

export async function describeMachine(root: string): Promise<Machine> {
  const pkg = async (name: string) =>
    JSON.parse(await readFile(path.join(root, 'node_modules', name, 'package.json'), 'utf8'))
      .version as string;
  const names = ['@slack/bolt', '@slack/web-api', 'drizzle-orm', 'pg', 'p-limit', 'node-cron', 'tsx'];
  const server = (await adminQuery<{ server_version: string }>(ADMIN_URL, 'show server_version')).rows[0]
    ?.server_version;
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    postgres: server ?? 'unknown',
    kernel: `${os.type()} ${os.release()}`,
    packages: Object.fromEntries(await Promise.all(names.map(async (n) => [n, await pkg(n)] as const))),
  };
}
