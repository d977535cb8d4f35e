// Whether a process still runs on this host: the liveness check behind job leases, the pack
// folder's lock and the sweep of temporary sidecars a killed write left.

/** True while a process with this id runs on this host (EPERM: it runs, as someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
