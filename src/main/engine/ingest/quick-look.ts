import { close, open, read } from 'node:fs';
import type { AssetFileRepo } from '../repositories/asset-file-repo';
import type { PlaceholderRepo } from '../repositories/placeholder-repo';
import { placeholderFromPixels, PLACEHOLDER_SIDE } from '../analysis/placeholder';
import { embeddedThumbnailPixels } from '../tools/sharp/embedded-thumbnail';
import { lookToolsLoaded } from '../tools/sharp/look-tools';
import type { LookResult } from './index-queue';
import { firstScansDue, type FirstScansDue } from './first-scans-look';
import { LookGroups } from './look-groups';

/** EXIF lives in the first 64 KB of a JPEG; a CR2's IFD1 thumbnail sits just past it. */
const HEAD_BYTES = 128 * 1024;
/**
 * The end of the file joins the head in a look group's key: two uncompressed studio shots
 * of one size can share a white first 128 KB.
 */
const TAIL_BYTES = 16 * 1024;
/**
 * And samples spread through the body between them: a packshot on white has white margins
 * above and below the product, so uncompressed shots of one size share their head and tail
 * too, and only the middle tells them apart (64 KB more per file read).
 */
const BODY_SAMPLES = 16;
const SAMPLE_BYTES = 4 * 1024;

/**
 * Head buffers kept for the next looks: 171 fresh 128 KB heads (and their copies) were
 * ~30 ms of GC on the main thread. Enough for the looks run at once on most machines.
 */
const SPARE_HEADS = 16;
const spareHeads: Buffer[] = [];

export interface QuickLook {
  result: LookResult;
  /** The placeholder it set, for the grid to paint now. */
  placeholder: string | null;
  /**
   * A progressive JPEG without a camera thumbnail: its DC scans paint it once every look
   * is done (`FirstScansLater`), not inside the looks, where their decodes held up the
   * camera files' placeholders. Its group's copies wait on it.
   */
  firstScans?: FirstScansDue;
}

/**
 * The cheap first look at a new file: a placeholder from the thumbnail its camera
 * embedded, read from the head of the file, so the grid paints every asset before any
 * thumbnail is rendered (as Lightroom's "embedded previews" import does). A file without
 * one is 'costly': its full index, run next, gives it one. Files that begin alike share
 * one look (`groups`): a copy takes the placeholder found, or waits for its group's costly
 * file to be indexed ('looked': it is not costly itself). Never throws; errors are the
 * full index's to report.
 */
export async function quickLook(
  assets: AssetFileRepo,
  placeholders: PlaceholderRepo,
  groups: LookGroups,
  id: number,
): Promise<QuickLook> {
  const looked: QuickLook = { result: 'looked', placeholder: null };
  const file = assets.locate(id);
  if (!file) return looked; // gone: the full pass skips it
  if (file.kind !== 'image' && file.kind !== 'raw') return looked; // an icon, never pixels
  if (placeholders.has(id)) return looked;
  if (file.bytes === 0) return { result: 'costly', placeholder: null };
  const buffer = spareHeads.pop() ?? Buffer.allocUnsafe(HEAD_BYTES);
  try {
    // The head first: a camera file's placeholder is in it, and files of one size that
    // share it share that placeholder, whatever their bodies (one read each).
    const [read = Buffer.alloc(0)] = await readRanges(
      file.path,
      [[0, Math.min(HEAD_BYTES, file.bytes)]],
      buffer,
    );
    // Past a short head's end the reused buffer holds an earlier file's bytes, and exifr
    // trusts a TIFF's thumbnail offsets past a view's end: a short head gets memory of its
    // own length (reading past it throws, as it did before heads were reused).
    const head = read.length < buffer.length ? ownCopy(read) : read;
    await lookToolsLoaded(); // at once but for a burst's first looks
    // A file alone in its size shares no look: no key to hash, no group to join.
    const shared = groups.shared(file.bytes);
    const headKey = shared ? groups.headKey(file.bytes, head) : '';
    const inHead = shared
      ? await groups.head(headKey, () => placeholderInHead(head))
      : await placeholderInHead(head);
    if (inHead !== null)
      return placeholders.setIfNone(id, inHead)
        ? { result: 'looked', placeholder: inHead }
        : looked;
    // No thumbnail: a progressive JPEG is painted from its DC scans after the looks, else
    // it is costly. Its own head: the buffer is the next look's.
    const later = (): QuickLook =>
      firstScansDue(head, file.bytes)
        ? { ...looked, firstScans: { id, path: file.path, bytes: file.bytes, head: ownCopy(head) } }
        : { result: 'costly', placeholder: null };
    if (!shared) return later();
    // Only the finer key (body samples, tail) tells same-size uncompressed shots apart; the
    // group's leader is painted later (DC scans, else its index), and its copies with it.
    const rest = await readRanges(file.path, restRanges(file.bytes));
    const found = groups.join(LookGroups.restKey(headKey, rest), id);
    if (found.role === 'waiting') return looked;
    if (found.role === 'leader') return later();
    const placeholder = found.placeholder;
    return placeholders.setIfNone(id, placeholder) ? { result: 'looked', placeholder } : looked;
  } catch {
    return { result: 'costly', placeholder: null };
  } finally {
    // Nothing holds the head past its look (the thumbnail is decoded and the key hashed).
    if (spareHeads.length < SPARE_HEADS) spareHeads.push(buffer);
  }
}

/** The bytes in an ArrayBuffer of exactly their length. */
function ownCopy(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

/** The embedded thumbnail's placeholder; null when there is none or it cannot be read. */
async function placeholderInHead(head: Buffer): Promise<string | null> {
  try {
    const pixels = await embeddedThumbnailPixels(head, PLACEHOLDER_SIDE);
    return pixels ? placeholderFromPixels(pixels) : null;
  } catch {
    return null;
  }
}

/**
 * What a look group's key reads past the head: samples spread through the body (the whole
 * body when it is short) and up to TAIL_BYTES from the end. None when the head is the file.
 */
function restRanges(size: number): [number, number][] {
  const headBytes = Math.min(HEAD_BYTES, size);
  if (headBytes === size) return [];
  const tailBytes = Math.min(TAIL_BYTES, size - headBytes);
  const body = size - tailBytes - headBytes;
  const ranges: [number, number][] = [];
  if (body <= BODY_SAMPLES * SAMPLE_BYTES) ranges.push([headBytes, body]);
  else
    for (let i = 0; i < BODY_SAMPLES; i++) {
      const middle = headBytes + Math.floor(((i + 0.5) * body) / BODY_SAMPLES);
      ranges.push([middle - SAMPLE_BYTES / 2, SAMPLE_BYTES]);
    }
  ranges.push([size - tailBytes, tailBytes]);
  return ranges;
}

/**
 * The byte ranges ([at, bytes]) of a file, in order; each cut short at its end. Through
 * fs's callbacks, not a FileHandle: on the corpus's 171 files that cost the main thread a
 * third to a fifth of the CPU (its promises, and the handle's close), and every look runs
 * on that thread. All ranges at once: the pool reads them side by side. `into`, when given,
 * receives the first range (a spare head).
 */
function readRanges(path: string, ranges: [number, number][], into?: Buffer): Promise<Buffer[]> {
  if (ranges.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) =>
    open(path, 'r', (opening, fd) => {
      if (opening) return reject(opening);
      const out: Buffer[] = [];
      let left = ranges.length;
      let failed: Error | null = null;
      const settle = (): void => {
        if (--left === 0) close(fd, () => (failed ? reject(failed) : resolve(out)));
      };
      ranges.forEach(([at, bytes], i) => {
        // Filled by the read; the rest is cut off.
        const buffer = i === 0 && into ? into : Buffer.allocUnsafe(bytes);
        if (bytes === 0) {
          out[i] = buffer.subarray(0, 0);
          return settle();
        }
        read(fd, buffer, 0, bytes, at, (reading, bytesRead) => {
          failed ??= reading;
          out[i] = buffer.subarray(0, reading ? 0 : bytesRead);
          settle();
        });
      });
    }),
  );
}
