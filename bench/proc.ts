// What /proc says of a benchmarked process: its peak memory and the CPU time it has used.
import { readFile } from 'node:fs/promises';

/** Peak resident set size of a process, in MB (VmHWM from /proc). */
export async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(/VmHWM:\s+(\d+)\s+kB/)?.[1]);
  return kb / 1024;
}

/** CPU time a process has used (utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms), ms. */
export async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
