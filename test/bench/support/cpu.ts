/**
 * Where the CPU went during a bench phase, from /proc (Linux): a process of ours by pid, the infrastructure
 * processes by name (PostgreSQL backends, nats-server, redis-server, summed), and the whole machine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const INFRA = ['postgres', 'nats-server', 'redis-server'];
const TICKS_PER_SECOND = 100; // USER_HZ

function ticksOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number | undefined): number {
  return pid === undefined ? 0 : ticksOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) / TICKS_PER_SECOND;
}

export interface SystemTicks {
  byPid: Map<number, { name: string; ticks: number }>;
  busy: number;
  total: number;
}

export function systemTicks(): SystemTicks {
  const byPid = new Map<number, { name: string; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (INFRA.includes(name)) byPid.set(Number(entry), { name, ticks: ticksOf(stat) });
    } catch {
      /* process ended */
    }
  }
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { byPid, busy: total - cpu[3]! - cpu[4]!, total };
}

/** Cores used on average between two samples, per infrastructure program and for the whole machine (`machine`). */
export function systemCpu(before: SystemTicks, after: SystemTicks, seconds: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [pid, p] of after.byPid)
    out[p.name] = (out[p.name] ?? 0) + (p.ticks - (before.byPid.get(pid)?.ticks ?? 0)) / TICKS_PER_SECOND / seconds;
  out.machine = ((after.busy - before.busy) / (after.total - before.total)) * availableParallelism();
  return out;
}

/** "postgres 76%, machine 187%": cores in use as percentages of one core, small ones left out. */
export const cpuText = (c: Record<string, number>): string =>
  Object.entries(c)
    .filter(([, v]) => v >= 0.02)
    .map(([k, v]) => `${k} ${Math.round(v * 100)}%`)
    .join(', ');
