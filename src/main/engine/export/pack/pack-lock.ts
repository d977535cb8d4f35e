// One export writes a pack folder at a time, whichever process or library it comes from:
// the job registry's lock covers one library and one spelling of the path, this file covers
// the folder itself. It holds pid, host and a token; its mtime is a heartbeat. A lock whose
// process is gone (same host) or whose heartbeat stopped (any host) is stale and taken over.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { link, open, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { PackshotError } from '../../../../shared/errors';
import { pidAlive } from '../../tools/files/process-alive';

export const LOCK_FILE = '.packshot-lock';
/** The holder touches the lock this often; a lock untouched for STALE_MS is abandoned. */
const HEARTBEAT_MS = 5_000;
const STALE_MS = 60_000;
const POLL_MS = 200;

export interface LockHolder {
  pid: number;
  host: string;
  token: string;
  since: string;
}

export interface PackLockOptions {
  signal: AbortSignal;
  /** How long to wait for a live holder before giving up (ms). */
  waitMs: number;
  /** Told once when the folder is busy and this export waits. */
  onWait?: (holder: LockHolder) => void;
}

export class PackLock {
  private readonly timer: NodeJS.Timeout;
  /** Set by the heartbeat when the lock is no longer this export's (a process paused past
   *  STALE_MS was taken over): the export stops writing. */
  lost = false;

  private constructor(
    private readonly path: string,
    readonly holder: LockHolder,
  ) {
    // The heartbeat: a touch, so another host can tell a live holder from an abandoned one.
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  private async beat(): Promise<void> {
    const now = await readHolder(this.path);
    if (now === 'gone' || now?.token !== this.holder.token) {
      this.lost = now !== null; // null: unreadable for a moment, judged at the next beat
      return;
    }
    const at = new Date();
    await utimes(this.path, at, at).catch(() => undefined);
  }

  /** Takes the pack folder's lock, waiting while another live export holds it. */
  static async acquire(root: string, options: PackLockOptions): Promise<PackLock> {
    const path = join(root, LOCK_FILE);
    const me: LockHolder = {
      pid: process.pid,
      host: hostname(),
      token: randomBytes(8).toString('hex'),
      since: new Date().toISOString(),
    };
    const deadline = Date.now() + options.waitMs;
    let told = false;
    for (;;) {
      if (await create(path, me)) return new PackLock(path, me);
      const other = await readHolder(path);
      if (other === 'gone') continue;
      if (await isStale(path, other)) {
        await breakStale(path, other);
        continue;
      }
      if (other !== null && !told) {
        told = true;
        options.onWait?.(other);
      }
      if (options.signal.aborted || Date.now() >= deadline)
        throw new PackshotError(
          'conflict',
          `${root} is being written by another export (${describe(other)}): try again when it ends`,
        );
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** Throws when the lock is no longer this export's (taken over as stale): write nothing more. */
  async assertHeld(): Promise<void> {
    const now = this.lost ? null : await readHolder(this.path);
    if (now === 'gone' || now === null || now.token !== this.holder.token)
      throw new PackshotError(
        'conflict',
        `${this.path}: this export lost the folder's lock (another export took it over)`,
      );
  }

  async release(): Promise<void> {
    clearInterval(this.timer);
    const now = await readHolder(this.path);
    if (now !== 'gone' && now?.token === this.holder.token) await rm(this.path, { force: true });
  }
}

async function create(path: string, me: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new PackshotError('io', `could not create ${path}: ${(error as Error).message}`);
  }
  try {
    await handle.writeFile(JSON.stringify(me));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** The holder; null when the file cannot be read as one (being written, or foreign). */
async function readHolder(path: string): Promise<LockHolder | null | 'gone'> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string') return value as LockHolder;
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : null;
  }
}

async function isStale(path: string, holder: LockHolder | null): Promise<boolean> {
  const s = await stat(path).catch(() => null);
  if (!s) return false; // gone: the next try creates it
  if (Date.now() - s.mtimeMs > STALE_MS) return true;
  return holder !== null && holder.host === hostname() && !pidAlive(holder.pid);
}

/**
 * Moves the stale lock aside under a unique name, then checks that what moved is the stale
 * one: two waiters breaking at once cannot both win, and a fresh lock moved by mistake is
 * put back (its holder checks it still holds the lock before it commits).
 */
async function breakStale(path: string, stale: LockHolder | null): Promise<void> {
  const aside = `${path}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await readHolder(aside);
  const same = moved !== 'gone' && (moved?.token ?? null) === (stale?.token ?? null);
  // link, not rename: a lock made in between is never replaced.
  if (!same) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}

function describe(holder: LockHolder | null): string {
  return holder ? `process ${holder.pid} on ${holder.host} since ${holder.since}` : 'unknown';
}
