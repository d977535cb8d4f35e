// The AI process runs at the lowest CPU priority (nice 19), so culling and indexing never
// wait for it. On Linux a nice value belongs to each thread, and a new thread takes its
// creator's: threads started before this call (libuv's pool reading the entry, V8's
// helpers) keep theirs unless each is lowered too, so every thread of the process is.
// Called again after each image for threads the libraries started meanwhile.
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

export const LOWEST_PRIORITY = 19;

export function lowestPriority(): void {
  try {
    setPriority(LOWEST_PRIORITY);
  } catch {
    // Not allowed here (a sandbox): the process still works, at its parent's priority.
  }
  if (process.platform !== 'linux') return;
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const tid of threads) {
    try {
      setPriority(Number(tid), LOWEST_PRIORITY);
    } catch {
      // The thread ended meanwhile.
    }
  }
}
