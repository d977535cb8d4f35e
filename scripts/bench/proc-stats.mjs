// What a live process has used so far, read from /proc (Linux): CPU seconds and memory.
import { readFileSync } from 'node:fs';

/**
 * CPU seconds (user + system, every thread) a live process has used so far, from
 * /proc/PID/stat; null where there is no /proc. A busy machine stretches wall time, not this.
 */
export function cpuOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100;

/** Peak (VmHWM) and current (VmRSS) resident memory of a live process, in kB. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  };
  return { hwmKb: field('VmHWM'), rssKb: field('VmRSS') };
}
