// What /proc says of a benchmarked process: its peak memory and the CPU time it has used.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Peak resident set size of a process, in MB (VmHWM from /proc). */
export async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(/VmHWM:\s+(\d+)\s+kB/)?.[1]);
  return kb / 1024;
}

/** CPU time a process has used (utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms), ms. */
export async function cpuMsOf(pid: number): Promise<number> {
  return ticksOf(await readFile(`/proc/${pid}/stat`, 'utf8'), [11, 12]) * 10;
}

/** The sum of the given fields of a /proc/<pid>/stat line, counted after the command name. */
function ticksOf(stat: string, fieldsAt: number[]): number {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fieldsAt.reduce((sum, i) => sum + Number(fields[i]), 0);
}

/**
 * CPU time the local Postgres server has used, ms: its postmaster's own and its reaped children's
 * (utime, stime, cutime, cstime) plus its live children's, so a backend counts whether it is still
 * connected or has exited. Null when no `postgres` process runs here (a remote server). The server is
 * shared: nothing else should use it during a measurement.
 */
export async function postgresCpuMs(): Promise<number | null> {
  const postmaster = await run('pgrep', ['-o', '-x', 'postgres']);
  if (!postmaster) return null;
  const children = (await run('pgrep', ['-P', postmaster])) ?? '';
  const ticks = async (pid: string, fieldsAt: number[]) => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Exited between pgrep and now: a reaped child's time is in the postmaster's cutime.
    return stat ? ticksOf(stat, fieldsAt) : 0;
  };
  let total = await ticks(postmaster, [11, 12, 13, 14]);
  for (const child of children.split('\n').filter(Boolean)) total += await ticks(child, [11, 12]);
  return total * 10;
}

function run(cmd: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) =>
    execFile(cmd, args, (err, stdout) => resolve(err ? null : stdout.trim() || null)),
  );
}
