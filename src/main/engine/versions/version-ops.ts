import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { PackshotError } from '../../../shared/errors';
import type { VersionChange, VersionEntry, VersionList } from '../../../shared/version-dto';
import { faultPoint } from '../faults/fault-points';
import { expectedFormat, extensionOf, kindOf } from '../ingest/file-kinds';
import { probeImage } from '../tools/sharp/render-thumbnail';
import type { IndexQueue } from '../ingest/index-queue';
import { KeyedLock } from '../ingest/keyed-lock';
import type { WrittenContent } from '../ingest/written-content';
import type { KeepClones } from '../media/keep-clones';
import type { MediaCache } from '../media/media-cache';
import type { VersionStore } from '../media/version-store';
import type { AssetFileRepo, Located } from '../repositories/asset-file-repo';
import type { AuditLog } from '../repositories/audit-log-repo';
import type { VersionRepo } from '../repositories/version-repo';
import { writeOver } from './write-over';

export interface VersionDeps {
  files: AssetFileRepo;
  versions: VersionRepo;
  store: VersionStore;
  clones: KeepClones;
  cache: MediaCache;
  queue: IndexQueue;
  audit: AuditLog;
  /** Shared with indexing: a restore's checked bytes are indexed without hashing them again. */
  written?: WrittenContent;
}

/** Where a replace or restore's new content came from, as its audit row says. */
type Origin = { source: string } | { restoredFrom: number };

/**
 * Replace and restore through Packshot: the current bytes go to the version store first
 * (fsynced), then the new bytes are written over the file atomically, then the file is
 * indexed as any changed file is (same asset id: tags, links, rights, approvals stay; the
 * index records the new version, its thumbnail and metadata).
 */
export class VersionOps {
  /** One replace or restore at a time per asset: each keeps what the one before wrote. */
  private readonly writing = new KeyedLock();

  constructor(private readonly deps: VersionDeps) {}

  async list(id: number): Promise<VersionList> {
    const file = this.located(id);
    const history = this.deps.versions.history(id);
    const last = history.length - 1;
    const versions: VersionEntry[] = history.map((v, i) => {
      const kept = this.deps.store.keptAs(v.hash);
      return {
        n: i + 1,
        hash: v.hash,
        bytes: v.bytes,
        width: v.width,
        height: v.height,
        recordedAt: v.recordedAt,
        thumbnail: this.deps.cache.has('thumb', v.hash),
        preview: this.deps.cache.has('preview', v.hash),
        restorable: kept !== null,
        kept,
        current: i === last && v.hash === file.hash && file.state !== 'missing',
      };
    });
    const support = await this.deps.clones
      .supportFor(file.catalogId, file.catalogPath)
      .catch(() => null);
    return { id, path: file.path, versions, clones: support ? support.clones : null };
  }

  /**
   * `source` is a path, or bytes the page uploaded (browser mode has no path to give) with
   * the name they came under, for messages and the audit row.
   */
  async replace(
    id: number,
    from: string | { bytes: Uint8Array; name: string },
  ): Promise<VersionChange> {
    let data: Buffer;
    const source = typeof from === 'string' ? from : from.name;
    try {
      data = typeof from === 'string' ? await readFile(from) : Buffer.from(from.bytes);
    } catch (error) {
      throw new PackshotError('invalid_argument', `Cannot read ${source}: ${String(error)}`);
    }
    if (data.length === 0) throw new PackshotError('invalid_argument', `${source} is empty`);
    // The file keeps its name: content its extension does not promise would be an error.
    const name = this.located(id).name;
    const promised = expectedFormat(name);
    if (promised) {
      const format = await probeImage(data).then(
        (p) => p.format,
        () => 'unreadable',
      );
      if (format !== promised)
        throw new PackshotError(
          'invalid_argument',
          `${source} is ${format === 'unreadable' ? 'not a readable image' : format.toUpperCase()}; ${name} must stay ${promised.toUpperCase()} (its name says .${extensionOf(name)})`,
        );
    }
    return this.writeVersion(id, data, { source });
  }

  async restore(id: number, n: number): Promise<VersionChange> {
    const listed = await this.list(id);
    const version = listed.versions[n - 1];
    if (!version)
      throw new PackshotError(
        'not_found',
        `Asset ${id} has no version ${n} (it has ${listed.versions.length})`,
      );
    if (version.current)
      throw new PackshotError('invalid_argument', `Version ${n} is already the current content`);
    if (!version.restorable)
      throw new PackshotError(
        'invalid_argument',
        `Version ${n} cannot be restored: its bytes were not kept (it was overwritten outside Packshot on a volume that cannot clone files)`,
      );
    const data = await readFile(this.deps.store.pathFor(version.hash));
    // Checked before it goes over the file; that hash is the one the index records too.
    if (sha256(data) !== version.hash)
      throw new PackshotError('internal', `The kept bytes of version ${n} are damaged`);
    return this.writeVersion(id, data, { restoredFrom: n }, version.hash);
  }

  private writeVersion(
    id: number,
    data: Buffer,
    origin: Origin,
    dataHash?: string,
  ): Promise<VersionChange> {
    return this.writing.run(String(id), () => this.writeLocked(id, data, origin, dataHash));
  }

  private async writeLocked(
    id: number,
    data: Buffer,
    origin: Origin,
    dataHash?: string,
  ): Promise<VersionChange> {
    let file = this.located(id);
    if (file.state === 'missing' || !file.hash) file = await this.settle(file).catch(() => file);
    const current =
      file.state === 'missing' || !file.hash ? null : await readFile(file.path).catch(() => null);
    if (!current)
      throw new PackshotError(
        'invalid_argument',
        `The file of asset ${id} is missing or not indexed`,
      );
    // The bytes are kept first and hashed once, by the store. The library must know what
    // the file holds now: content other than the row's is an outside change, indexed now so
    // that it is a version of its own (and its bytes are the ones kept).
    const hash = await this.deps.store.keep(current);
    if (hash !== file.hash) file = await this.settle(file);
    const before = { n: this.deps.versions.history(id).length, hash };
    faultPoint('versions.stored');
    await writeOver(file.path, data);
    file = await this.settle(file, dataHash === undefined ? undefined : { hash: dataHash, data });
    const listed = await this.list(id);
    const now = listed.versions.at(-1);
    // Its own transaction, just after the index one: indexing has no hook that knows why a
    // file changed. That transaction's `version.record` row keeps the change if a crash
    // falls between the two; this row says it was Packshot's replace or restore.
    this.deps.audit.record({
      action: 'source' in origin ? 'version.replace' : 'version.restore',
      subject: { kind: 'asset', id },
      before,
      after: { n: now?.n ?? 0, hash: now?.hash ?? null, ...origin },
    });
    return { ...listed, n: now?.n ?? 0, kept: hash };
  }

  /** Brings the asset's row up to date with its file on disk, indexing it if it changed. */
  private async settle(file: Located, wrote?: { hash: string; data: Buffer }): Promise<Located> {
    const s = await stat(file.path);
    const mtimeMs = Math.trunc(s.mtimeMs);
    if (wrote) this.deps.written?.set(file.id, { ...wrote, bytes: s.size, mtimeMs });
    try {
      return await this.reindex(file, s, mtimeMs);
    } finally {
      if (wrote) this.deps.written?.delete(file.id);
    }
  }

  private async reindex(
    file: Located,
    s: { size: number; ino: number; dev: number },
    mtimeMs: number,
  ): Promise<Located> {
    const { queue } = this.deps.files.reconcile(
      file.catalogId,
      [
        {
          relPath: file.relPath,
          name: file.name,
          bytes: s.size,
          mtimeMs,
          kind: kindOf(file.name),
          ino: s.ino,
          dev: s.dev,
        },
      ],
      false,
    );
    // Indexed even when size and mtime look the same (a write within the same millisecond):
    // indexing hashes the file, and the same content records no version.
    this.deps.queue.enqueue([...new Set([...queue, file.id])]);
    await this.deps.queue.whenIdle();
    return this.located(file.id);
  }

  private located(id: number): Located {
    const file = this.deps.files.locate(id);
    if (!file) throw new PackshotError('not_found', `No asset with id ${id}`);
    return file;
  }
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
