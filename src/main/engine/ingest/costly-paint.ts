import { readFile, stat } from 'node:fs/promises';
import { placeholderFromPixels } from '../analysis/placeholder';
import type { MediaCache } from '../media/media-cache';
import { readAndHash } from '../media/read-and-hash';
import type { AssetFileRepo, Located } from '../repositories/asset-file-repo';
import { thumbnailSource } from '../tools/sharp/jpeg-dc-only';
import { renderThumbnail, rgbaOf, type Rgba } from '../tools/sharp/render-thumbnail';
import { extensionOf } from './file-kinds';

/** What a costly file's paint made, kept for its full index. */
export interface Painted {
  hash: string;
  /** The row's size and mtime when it was painted: its index trusts them as the scanner does. */
  bytes: number;
  mtimeMs: number;
  /** The file's own size and mtime when it was read: a file gone or rewritten since is read again. */
  disk: { size: number; mtimeMs: number };
  /** The file's bytes (null past the budget: its index reads them again). */
  buffer: Buffer | null;
  /** The thumbnail's pixels (null past the budget: its index decodes the cached WebP). */
  px: Rgba | null;
  placeholder: string;
}

/**
 * Bytes of files and pixels held between the costly files' paints and their indexes: every
 * paint runs before the first of those indexes, so a catalog of costly files would
 * otherwise hold them all.
 */
const HELD_BYTES = 64 * 1024 * 1024;
/** Read whole and decoded by the paint; larger ones (sniffed first by the index) are not. */
const PAINT_UP_TO = 64 * 1024 * 1024;
const NO_DECODER = new Set(['heic', 'heif']);

/**
 * The placeholder of a file with no camera thumbnail (a look found it costly), made before
 * any costly file's full index: the file read and hashed, its grid thumbnail rendered and
 * cached, and decoded for the placeholder, as its index would; the index, run once every
 * costly file is painted, reuses all of it (no second read or decode), so the metadata,
 * analysis and write of one costly file no longer hold up the next one's placeholder.
 */
export class CostlyPaints {
  private readonly held = new Map<number, Painted>();
  private heldBytes = 0;

  constructor(private readonly deps: { files: AssetFileRepo; cache: MediaCache }) {}

  /**
   * The file's placeholder, or null: not a file this step decodes (RAW, HEIC, vector,
   * huge, gone), or its decode failed; its full index then does all, as before.
   */
  async paint(id: number): Promise<string | null> {
    const file = this.deps.files.locate(id);
    if (!file || !paintable(file)) return null;
    try {
      const disk = await stat(file.path);
      const read = await readAndHash(file.path, file.bytes);
      if (!read.buffer || read.bytes === 0 || read.bytes !== disk.size) return null;
      const { cache } = this.deps;
      let data: Buffer;
      if (cache.has('thumb', read.hash)) {
        data = await readFile(cache.pathFor('thumb', read.hash));
      } else {
        data = await renderThumbnail(thumbnailSource(read.buffer, undefined));
        await cache.write('thumb', read.hash, data);
      }
      const px = await rgbaOf(data);
      const placeholder = placeholderFromPixels(px);
      const made = { hash: read.hash, bytes: file.bytes, mtimeMs: file.mtimeMs, placeholder };
      this.hold(id, { ...made, disk: { size: disk.size, mtimeMs: disk.mtimeMs } }, [
        read.buffer,
        px,
      ]);
      return placeholder;
    } catch {
      return null; // its index reads it again and reports why
    }
  }

  /**
   * What the paint kept for this file, taken out (null: nothing, or the file is no longer as
   * it was painted). The row's size and mtime are what the watcher last saw; the file itself
   * is checked too: one deleted or rewritten since its paint, not yet seen by the watcher,
   * is read again by its index (which then fails on a file gone, as it did before).
   * `file` none: the row is gone; what was kept for it is let go.
   */
  async take(id: number, file: Located | null | undefined): Promise<Painted | null> {
    const painted = this.drop(id);
    if (!painted || !file || file.state === 'missing') return null;
    if (painted.bytes !== file.bytes || painted.mtimeMs !== file.mtimeMs) return null;
    try {
      const now = await stat(file.path);
      return now.size === painted.disk.size && now.mtimeMs === painted.disk.mtimeMs
        ? painted
        : null;
    } catch {
      return null; // gone: its index reads it and reports why
    }
  }

  /** What was kept for this id, no longer counted against the budget. */
  private drop(id: number): Painted | null {
    const painted = this.held.get(id);
    if (!painted) return null;
    this.held.delete(id);
    this.heldBytes -= heldSize(painted);
    return painted;
  }

  /** What is held now (files and pixels kept, counted against the budget). */
  holding(): { count: number; bytes: number } {
    return { count: this.held.size, bytes: this.heldBytes };
  }

  /** The burst is over: anything not taken (a file removed meanwhile) is let go. */
  clear(): void {
    this.held.clear();
    this.heldBytes = 0;
  }

  private hold(
    id: number,
    made: Omit<Painted, 'buffer' | 'px'>,
    [buffer, px]: [Buffer, Rgba],
  ): void {
    this.drop(id); // painted again: the new replaces the old
    const fits = (size: number): boolean => this.heldBytes + size <= HELD_BYTES;
    const keptPx = fits(px.data.length) ? px : null;
    const keptBuffer = fits(px.data.length + buffer.length) ? buffer : null;
    const painted: Painted = { ...made, buffer: keptBuffer, px: keptPx };
    this.heldBytes += heldSize(painted);
    this.held.set(id, painted);
  }
}

function heldSize(painted: Painted): number {
  return (painted.buffer?.length ?? 0) + (painted.px?.data.length ?? 0);
}

/** A file whose own bytes the index decodes, and reads whole without sniffing first. */
function paintable(file: Located): boolean {
  return (
    file.kind === 'image' &&
    file.bytes > 0 &&
    file.bytes <= PAINT_UP_TO &&
    !NO_DECODER.has(extensionOf(file.name))
  );
}
